/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* pit.c - PIT channel 0 as the system tick (see pit.h).

   Receives: the PIT as the BIOS left it (channel 0, mode 3, 18.2 Hz).
   Leaves:   channel 0 in mode 2 at PIT_HZ, IRQ 0 counting ticks.
   State:    the tick count, written only by the IRQ 0 handler; whether
             that handler is registered.  */

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/io.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pit.h"
#include "kassert.h"

#define PIT_CH0		0x40
#define PIT_CH2		0x42
#define PIT_CMD		0x43
/* Channel 2, lobyte/hibyte access, mode 0 (one-shot), binary.  */
#define PIT_CMD_CH2_ONESHOT	0xB0
/* System control port B: channel 2's gate (in) and output (read).  */
#define PORT_B		0x61
#define PORT_B_CH2_GATE	0x01
#define PORT_B_SPEAKER	0x02
#define PORT_B_CH2_OUT	0x20
/* Channel 0, lobyte/hibyte access, mode 2 (rate generator), binary.  */
#define PIT_CMD_CH0_MODE2	0x34
/* Channel 0 counter latch.  */
#define PIT_CMD_CH0_LATCH	0x00

#define PIT_DIVISOR	((PIT_INPUT_HZ + PIT_HZ / 2) / PIT_HZ)

/* A 64-bit aligned store is atomic on x86_64: readers need no lock.  */
static volatile uint64_t ticks;
static bool started;

void pit_init(void)
{
	outb(PIT_CMD, PIT_CMD_CH0_MODE2);
	outb(PIT_CH0, PIT_DIVISOR & 0xFF);
	outb(PIT_CH0, PIT_DIVISOR >> 8);
}

static void pit_tick(void)
{
	ticks++;
}

void pit_start(void)
{
	irq_register(0, pit_tick);
	started = true;
}

uint64_t timer_ms(void)
{
	/* ticks * (divisor / input clock) seconds; overflows after
	   centuries of uptime.  */
	return ticks * PIT_DIVISOR * 1000 / PIT_INPUT_HZ;
}

void timer_sleep_ms(uint64_t ms)
{
	uint64_t flags, end;

	/* Only ticks end the wait, and a handler must not wait.  */
	KASSERT(started && !irq_in_handler());
	flags = irq_save();
	end = timer_ms() + ms;

	/* Wake on every interrupt, re-check, sleep again.  */
	while (timer_ms() < end)
		cpu_wait_for_interrupt();
	irq_restore(flags);
}

static uint16_t read_counter(void)
{
	uint16_t v;

	outb(PIT_CMD, PIT_CMD_CH0_LATCH);
	v = inb(PIT_CH0);
	v |= inb(PIT_CH0) << 8;
	return v;
}

/* How long tsc_per_ms() counts, in ms (channel 2 holds 54 at most).  */
#define TSC_CALIBRATE_MS 50

static uint64_t pit_tsc_per_ms(unsigned int ms)
{
	uint16_t count = (uint16_t)(PIT_INPUT_HZ * ms / 1000);
	uint64_t flags = irq_save(), t0, t1;
	uint8_t b = inb(PORT_B);

	/* Channel 2 counts on its own, whether or not interrupts get
	   serviced in time: gate on, speaker off, one-shot from COUNT.  */
	outb(PORT_B, (b & ~PORT_B_SPEAKER) | PORT_B_CH2_GATE);
	outb(PIT_CMD, PIT_CMD_CH2_ONESHOT);
	outb(PIT_CH2, count & 0xFF);
	outb(PIT_CH2, count >> 8);
	t0 = rdtsc();
	do
		t1 = rdtsc();
	while (!(inb(PORT_B) & PORT_B_CH2_OUT) && t1 - t0 < (1ULL << 40));
	outb(PORT_B, b);
	irq_restore(flags);
	return (t1 - t0) * PIT_INPUT_HZ / ((uint64_t)count * 1000);
}

uint64_t tsc_per_ms(void)
{
	static uint64_t rate;

	if (!rate)
		rate = pit_tsc_per_ms(TSC_CALIBRATE_MS);
	return rate;
}

bool timer_poll(bool (*cond)(void *arg), void *arg, uint64_t ms)
{
	uint16_t prev, now;
	uint64_t periods = 0;

	if (cond(arg))
		return true;
	/* The counter runs down from PIT_DIVISOR once per tick whether or
	   not IRQ 0 is serviced: count its reloads.  Missed reloads (a
	   slow COND) only make the wait longer, never shorter.  */
	prev = read_counter();
	while (periods * 1000 < ms * PIT_HZ) {
		if (cond(arg))
			return true;
		now = read_counter();
		if (now > prev)
			periods++;
		prev = now;
		cpu_relax();
	}
	return cond(arg);
}
