/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* irq.c - route PIC interrupts to driver handlers (see irq.h).

   State: one handler and one counter per line, the spurious count,
   how deep in handlers we are.
   Runs with interrupts disabled (interrupt gates).  */

#include <stdbool.h>
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
static unsigned int handler_depth;	/* handlers running now */

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
	KASSERT(handler != NULL);
	KASSERT(!irq_in_handler());
	flags = irq_save();
	handlers[irq] = handler;
	pic_unmask(irq);
	irq_restore(flags);
	klog(KLOG_DEBUG, "irq: line %u unmasked, vector %u", irq,
	     PIC_VECTOR_BASE + irq);
}

void irq_enable(void)
{
	KASSERT(!irq_in_handler());
	sti();
}

void irq_dispatch(unsigned int vector)
{
	unsigned int irq = vector - PIC_VECTOR_BASE;

	KASSERT(irq < PIC_NUM_IRQS);
	KASSERT(!interrupts_enabled());
	if (pic_is_spurious(irq)) {
		spurious++;
		if (irq == 15)
			pic_eoi_master();
		return;
	}
	counts[irq]++;
	if (handlers[irq]) {
		handler_depth++;
		handlers[irq]();
		handler_depth--;
		/* Handlers never turn interrupts on: no nesting.  */
		KASSERT(!interrupts_enabled() && handler_depth == 0);
	}
	pic_eoi(irq);
}

bool irq_in_handler(void)
{
	return handler_depth != 0;
}

uint64_t irq_count(unsigned int irq)
{
	return irq < PIC_NUM_IRQS ? counts[irq] : 0;
}

uint64_t irq_spurious_count(void)
{
	return spurious;
}
