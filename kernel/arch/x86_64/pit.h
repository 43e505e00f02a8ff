/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* pit.h - the 8254 programmable interval timer: the kernel's clock.

   pit_init() sets channel 0 to PIT_HZ (a rate generator) as early as
   possible; pit_start() hooks IRQ 0 once irq_init() has run, and from
   then on timer_ms() advances by interrupts.  The rate is exact to the
   PIT's crystal: ticks are converted with the real divisor, not with a
   rounded 1 ms.
     timer_ms()        milliseconds since pit_start() (0 before)
     timer_sleep_ms()  wait at least MS milliseconds, halting the CPU
                       between ticks; enables interrupts while waiting
                       and restores the caller's interrupt flag
     timer_poll()      wait for a device condition with a time bound;
                       works with interrupts off too (it reads the
                       PIT's counter), so drivers use it for every
                       bounded wait instead of loop counts.  */

#ifndef ARCH_X86_64_PIT_H
#define ARCH_X86_64_PIT_H

#include <stdbool.h>
#include <stdint.h>

#define PIT_HZ		1000
/* The PIT's input clock, in Hz.  */
#define PIT_INPUT_HZ	1193182

void pit_init(void);
void pit_start(void);

uint64_t timer_ms(void);
void timer_sleep_ms(uint64_t ms);

/* The TSC's rate in ticks per millisecond, counted against PIT channel
   2 (which runs without interrupts, so late IRQs cannot skew it) the
   first time it is asked for: a 50 ms wait, never at boot.  */
uint64_t tsc_per_ms(void);

/* Call COND(ARG) until it returns true or MS milliseconds have passed.
   Returns true if COND became true.  */
bool timer_poll(bool (*cond)(void *arg), void *arg, uint64_t ms);

#endif /* ARCH_X86_64_PIT_H */
