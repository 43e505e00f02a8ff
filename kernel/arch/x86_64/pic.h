/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* pic.h - the two cascaded 8259A interrupt controllers.

   pic_init() remaps IRQ 0-7 to vectors PIC_VECTOR_BASE..+7 and IRQ 8-15
   to the next eight (the BIOS default, 8-15, collides with CPU
   exceptions), and masks every line.  irq.c is the only caller of the
   rest: it unmasks the lines that get a handler, tells spurious IRQs
   apart and sends the EOIs.  Interrupts must be disabled around
   pic_init().  */

#ifndef ARCH_X86_64_PIC_H
#define ARCH_X86_64_PIC_H

#include <stdbool.h>

#define PIC_VECTOR_BASE	32
#define PIC_NUM_IRQS	16
/* IRQ 2 on the master is the slave's cascade input.  */
#define PIC_CASCADE_IRQ	2

void pic_init(void);
void pic_mask(unsigned int irq);
void pic_unmask(unsigned int irq);

/* True if IRQ (7 or 15) is spurious: the line dropped before the PIC
   could say which one it was, so its in-service bit is clear.  */
bool pic_is_spurious(unsigned int irq);

/* End of interrupt for IRQ (the slave too, for 8-15).  */
void pic_eoi(unsigned int irq);

/* A spurious IRQ 15 still occupied the master's cascade line: that
   one needs an EOI, the slave must get none.  */
void pic_eoi_master(void);

#endif /* ARCH_X86_64_PIC_H */
