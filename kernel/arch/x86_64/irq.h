/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* irq.h - hardware interrupt lines: registration and dispatch.

   Drivers call irq_register(line, handler) once; the line is unmasked
   at the PIC and HANDLER runs for every interrupt on it, with
   interrupts disabled, on the interrupted code's stack.  Handlers only
   talk to their device and queue data: no printing, no waiting.  The
   end-of-interrupt is sent here after the handler returns, never by the
   handler; spurious IRQ 7/15 are counted and get no EOI (IRQ 15 still
   acknowledges the cascade on the master).
   Call order: irq_init() after idt_init(); drivers register; then
   irq_enable() turns interrupts on for good.  Layers: pic.c below,
   drivers above.  One handler per line.  */

#ifndef ARCH_X86_64_IRQ_H
#define ARCH_X86_64_IRQ_H

#include <stdbool.h>
#include <stdint.h>

/* Remap and mask the PICs, install vectors 32-47.  */
void irq_init(void);

/* Run HANDLER on interrupts of line IRQ (0-15) and unmask the line.
   Registering again replaces the handler.  */
void irq_register(unsigned irq, void (*handler)(void));

/* Turn interrupts on (STI).  */
void irq_enable(void);

/* Called by trap_dispatch() for vectors 32-47.  */
void irq_dispatch(unsigned int vector);

/* Whether an IRQ handler is running now: code that must not run in
   one (allocators, printing) asserts it is false.  */
bool irq_in_handler(void);

/* How many interrupts line IRQ has delivered, and how many spurious
   ones the PICs raised (for diagnostics).  */
uint64_t irq_count(unsigned int irq);
uint64_t irq_spurious_count(void);

#endif /* ARCH_X86_64_IRQ_H */
