/* irq.c - route PIC interrupts to driver handlers (see irq.h).

   State: one handler and one counter per line, the spurious count.
   Runs with interrupts disabled (interrupt gates).  */

#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/idt.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pic.h"
#include "kassert.h"
#include "klog.h"

/* isr.asm: the stubs for vectors 32-47, indexed by line.  */
extern const uint64_t irq_stub_table[PIC_NUM_IRQS];

static void (*handlers[PIC_NUM_IRQS])(void);
static uint64_t counts[PIC_NUM_IRQS];
static uint64_t spurious;

void irq_init(void)
{
	unsigned int i;

	pic_init();
	for (i = 0; i < PIC_NUM_IRQS; i++)
		idt_set_gate(PIC_VECTOR_BASE + i, irq_stub_table[i], 0);
}

void irq_register(unsigned irq, void (*handler)(void))
{
	uint64_t flags;

	KASSERT(irq < PIC_NUM_IRQS && irq != PIC_CASCADE_IRQ);
	flags = irq_save();
	handlers[irq] = handler;
	pic_unmask(irq);
	irq_restore(flags);
	klog(KLOG_DEBUG, "irq: line %u unmasked, vector %u", irq,
	     PIC_VECTOR_BASE + irq);
}

void irq_enable(void)
{
	sti();
}

void irq_dispatch(unsigned int vector)
{
	unsigned int irq = vector - PIC_VECTOR_BASE;

	if (pic_is_spurious(irq)) {
		spurious++;
		if (irq == 15)
			pic_eoi_master();
		return;
	}
	counts[irq]++;
	if (handlers[irq])
		handlers[irq]();
	pic_eoi(irq);
}

uint64_t irq_count(unsigned int irq)
{
	return irq < PIC_NUM_IRQS ? counts[irq] : 0;
}

uint64_t irq_spurious_count(void)
{
	return spurious;
}
