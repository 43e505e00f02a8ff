/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* gdt.h - the kernel's GDT and TSS.

   gdt_init() replaces stage 2's GDT (which lives in memory the kernel
   does not own) with the kernel's own, reloads every segment register
   and loads a TSS whose only job, in a kernel without ring 3, is the
   interrupt stack table: exceptions that may arrive on a broken stack
   (#DF, NMI, #MC) switch to a known-good stack of their own.
   Call it once, before idt_init().  */

#ifndef ARCH_X86_64_GDT_H
#define ARCH_X86_64_GDT_H

/* Segment selectors (GDT index * 8).  Code and data keep the values
   stage 2 used, so nothing changes meaning across the switch.  */
#define GDT_KERNEL_CS	0x08
#define GDT_KERNEL_DS	0x10
/* The TSS descriptor takes two slots (0x18 and 0x20) in long mode.  */
#define GDT_TSS		0x18
/* A data descriptor deliberately marked not present: loading it into
   DS raises #NP and into SS raises #SS.  Only crash=np / crash=ss use
   it; nothing else may.  */
#define GDT_ABSENT_DS	0x28

/* Interrupt stack table slots (1-7; 0 means "no stack switch").  */
#define IST_DOUBLE_FAULT	1
#define IST_NMI			2
#define IST_MACHINE_CHECK	3

void gdt_init(void);

#endif /* ARCH_X86_64_GDT_H */
