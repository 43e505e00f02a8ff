/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* idt.c - build and load the IDT; route trap frames by vector.

   Receives: the kernel GDT and TSS loaded (gdt_init()).
   Leaves:   IDTR pointing at a 256-entry IDT with vectors 0-31 present
             (interrupt gates, DPL 0; #DF, NMI and #MC on IST stacks).
             Interrupts stay disabled; irq_init() adds vectors 32-47.  */

#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/idt.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pic.h"
#include "arch/x86_64/trap.h"

struct idt_gate {
	uint16_t offset_lo;
	uint16_t selector;
	uint8_t ist;			/* bits 0-2: IST slot */
	uint8_t type_attr;		/* P, DPL, gate type */
	uint16_t offset_mid;
	uint32_t offset_hi;
	uint32_t reserved;
} __attribute__((packed));

_Static_assert(sizeof(struct idt_gate) == 16, "64-bit IDT gates are 16 bytes");

/* P=1, DPL=0, type 0xE (64-bit interrupt gate).  */
#define GATE_INTERRUPT 0x8E

static struct idt_gate idt[IDT_NUM_VECTORS] __attribute__((aligned(16)));

/* 32 stub addresses, indexed by vector (isr.asm).  */
extern const uint64_t isr_stub_table[TRAP_NUM_EXCEPTIONS];

void idt_set_gate(unsigned int vector, uint64_t stub, unsigned int ist)
{
	struct idt_gate *g = &idt[vector];

	g->offset_lo = stub & 0xFFFF;
	g->selector = GDT_KERNEL_CS;
	g->ist = ist & 7;
	g->type_attr = GATE_INTERRUPT;
	g->offset_mid = (stub >> 16) & 0xFFFF;
	g->offset_hi = stub >> 32;
	g->reserved = 0;
}

/* Which exceptions get a stack of their own: those that can arrive
   when the current stack is unusable.  */
static unsigned int exception_ist(unsigned int vector)
{
	switch (vector) {
	case 2:
		return IST_NMI;
	case 8:
		return IST_DOUBLE_FAULT;
	case 18:
		return IST_MACHINE_CHECK;
	default:
		return 0;
	}
}

void idt_init(void)
{
	struct descriptor_ptr p = {
		.limit = sizeof(idt) - 1,
		.base = (uint64_t)(uintptr_t)idt,
	};
	unsigned int v;

	for (v = 0; v < TRAP_NUM_EXCEPTIONS; v++)
		idt_set_gate(v, isr_stub_table[v], exception_ist(v));
	lidt(&p);
}

void trap_dispatch(struct trap_frame *tf)
{
	if (tf->vector >= PIC_VECTOR_BASE &&
	    tf->vector < PIC_VECTOR_BASE + PIC_NUM_IRQS) {
		irq_dispatch(tf->vector);
		return;
	}
	/* Every exception is fatal: the kernel has no recoverable faults
	   (no demand paging, no user mode).  */
	exception_fatal(tf);
}
