/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* idt.h - the interrupt descriptor table.

   idt_init() installs the 32 exception stubs of isr.asm and loads IDTR;
   call it after gdt_init() (the gates name GDT_KERNEL_CS and IST slots
   of the TSS that gdt_init() loads).  Vectors nobody installed are not
   present: taking one raises #NP, which the exception report decodes.
   Later subsystems (PIC, PIT, ...) add their vectors with idt_set_gate()
   and route them in trap_dispatch() (idt.c).  */

#ifndef ARCH_X86_64_IDT_H
#define ARCH_X86_64_IDT_H

#include <stdint.h>

#define IDT_NUM_VECTORS 256

void idt_init(void);

/* Point VECTOR at STUB (an isr.asm entry) as an interrupt gate (IF is
   cleared on entry), switching to interrupt stack IST (0 = none).  */
void idt_set_gate(unsigned int vector, uint64_t stub, unsigned int ist);

#endif /* ARCH_X86_64_IDT_H */
