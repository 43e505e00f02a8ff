/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* pic.c - remap, mask and acknowledge the 8259A pair (see pic.h).

   Receives: the PICs as the BIOS left them (stage 2 masks every line).
   Leaves:   IRQs at PIC_VECTOR_BASE.., all masked except the cascade.
   State:    the two mask registers (mirrored in cached_mask).  */

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86_64/io.h"
#include "arch/x86_64/pic.h"

#define PIC1_CMD	0x20
#define PIC1_DATA	0x21
#define PIC2_CMD	0xA0
#define PIC2_DATA	0xA1

#define ICW1_INIT	0x10
#define ICW1_ICW4	0x01
#define ICW4_8086	0x01
#define OCW2_EOI	0x20
#define OCW3_READ_ISR	0x0B

/* Bit n set: IRQ n masked.  Everything but the cascade, at first.  */
static uint16_t cached_mask = 0xFFFF & ~(1U << PIC_CASCADE_IRQ);

static void write_masks(void)
{
	outb(PIC1_DATA, cached_mask & 0xFF);
	outb(PIC2_DATA, cached_mask >> 8);
}

void pic_init(void)
{
	/* ICW1-4 on both chips; io_wait() gives old PICs time to settle.  */
	outb(PIC1_CMD, ICW1_INIT | ICW1_ICW4);
	io_wait();
	outb(PIC2_CMD, ICW1_INIT | ICW1_ICW4);
	io_wait();
	outb(PIC1_DATA, PIC_VECTOR_BASE);
	io_wait();
	outb(PIC2_DATA, PIC_VECTOR_BASE + 8);
	io_wait();
	outb(PIC1_DATA, 1U << PIC_CASCADE_IRQ);	/* slave on IRQ 2 */
	io_wait();
	outb(PIC2_DATA, PIC_CASCADE_IRQ);	/* slave's cascade identity */
	io_wait();
	outb(PIC1_DATA, ICW4_8086);
	io_wait();
	outb(PIC2_DATA, ICW4_8086);
	io_wait();
	write_masks();
}

void pic_mask(unsigned int irq)
{
	cached_mask |= 1U << irq;
	write_masks();
}

void pic_unmask(unsigned int irq)
{
	cached_mask &= ~(1U << irq);
	write_masks();
}

static uint16_t read_isr(void)
{
	outb(PIC1_CMD, OCW3_READ_ISR);
	outb(PIC2_CMD, OCW3_READ_ISR);
	return inb(PIC1_CMD) | (inb(PIC2_CMD) << 8);
}

bool pic_is_spurious(unsigned int irq)
{
	if (irq != 7 && irq != 15)
		return false;
	return !(read_isr() & (1U << irq));
}

void pic_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC2_CMD, OCW2_EOI);
	outb(PIC1_CMD, OCW2_EOI);
}

void pic_eoi_master(void)
{
	outb(PIC1_CMD, OCW2_EOI);
}
