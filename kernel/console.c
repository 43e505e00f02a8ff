/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* console.c - fan kernel output out to the console devices; queue input.

   State: which devices are enabled (set once), and the input queue,
   filled by the serial and keyboard IRQ handlers and drained by
   console_getc().  The queue's indices are only touched with
   interrupts disabled.  */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/pit.h"
#include "config.h"
#include "console.h"
#include "kassert.h"
#include "klog.h"
#include "boot/bootinfo.h"
#include "drivers/fbcon.h"
#include "drivers/keyboard.h"
#include "drivers/serial.h"
#include "drivers/vga.h"

#define INPUT_QUEUE_SIZE 256

static bool serial_enabled;
static bool keyboard_enabled;
static bool vga_enabled;	/* a BIOS left VGA text mode on */
static bool fbcon_enabled;	/* else a framebuffer, if the loader found one */

/* Bytes (0..255) and CONSOLE_INPUT_LOST marks.  */
static int16_t queue[INPUT_QUEUE_SIZE];
static unsigned int q_head, q_tail;	/* read at head, write at tail */

/* Say which screen the console draws on (once serial is up, so a
   framebuffer it cannot use is reported somewhere).  */
static void log_screen(void)
{
	const struct portix_framebuffer *fb = bootinfo_framebuffer();

	if (vga_enabled)
		klog(KLOG_INFO, "console: VGA text %ux%u", VGA_COLS, VGA_ROWS);
	else if (fbcon_enabled)
		klog(KLOG_INFO, "console: framebuffer %ux%u, %u bpp at 0x%lx",
		     fb->width, fb->height, fb->bpp, fb->addr);
	else if (fb)
		klog(KLOG_WARN, "console: framebuffer %ux%u, %u bpp at 0x%lx "
		     "unusable: no screen", fb->width, fb->height, fb->bpp,
		     fb->addr);
}

void console_init(bool use_serial, bool use_vga_text)
{
	vga_enabled = use_vga_text;
	if (vga_enabled)
		vga_init();
	else if (bootinfo_framebuffer())
		fbcon_enabled = fbcon_init(bootinfo_framebuffer());
	if (use_serial)
		serial_enabled = serial_init();
	log_screen();
}

static unsigned int q_next(unsigned int i)
{
	return (i + 1) % INPUT_QUEUE_SIZE;
}

/* Called in IRQ context.  Bytes keep the last free slot for a
   CONSOLE_INPUT_LOST mark: a byte that does not fit is dropped and the
   mark takes that slot (one mark for a run of drops), so the reader
   learns where input went missing.  */
static void input_push(char c)
{
	unsigned int used = (q_tail + INPUT_QUEUE_SIZE - q_head) %
			    INPUT_QUEUE_SIZE;
	unsigned int room = INPUT_QUEUE_SIZE - 1 - used;
	unsigned int last = (q_tail + INPUT_QUEUE_SIZE - 1) % INPUT_QUEUE_SIZE;

	KASSERT(!interrupts_enabled());
	if (room >= 2) {
		queue[q_tail] = (unsigned char)c;
		q_tail = q_next(q_tail);
	} else if (room == 1 && (used == 0 ||
				 queue[last] != CONSOLE_INPUT_LOST)) {
		queue[q_tail] = CONSOLE_INPUT_LOST;
		q_tail = q_next(q_tail);
	}
}

void console_start_input(void)
{
	if (serial_enabled)
		serial_start_input(input_push);
	keyboard_enabled = keyboard_init(input_push);
}

void console_putc(char c)
{
	if (vga_enabled)
		vga_putc(c);
	if (fbcon_enabled)
		fbcon_putc(c);
	if (serial_enabled) {
		if (c == '\n')
			serial_putc('\r');
		serial_putc(c);
	}
}

void console_write(const char *s, size_t len)
{
	while (len--)
		console_putc(*s++);
}

void console_clear(void)
{
	if (vga_enabled)
		vga_clear();
	if (fbcon_enabled)
		fbcon_clear();
	if (serial_enabled) {
		const char *s = "\033[2J\033[H";

		while (*s)
			serial_putc(*s++);
	}
}

void console_flush(void)
{
	if (serial_enabled)
		serial_flush();
}

bool console_has_input(void)
{
	return serial_enabled || keyboard_enabled;
}

/* The next queued item; with IRQs off.  */
static int input_pop(void)
{
	int c = queue[q_head];

	q_head = q_next(q_head);
	return c;
}

int console_getc(void)
{
	uint64_t flags;
	int c;

	if (vga_enabled)
		vga_sync_cursor();	/* the user looks where the next key goes */
	if (fbcon_enabled)
		fbcon_sync_cursor();
	flags = irq_save();
	while (q_head == q_tail)
		cpu_wait_for_interrupt();
	c = input_pop();
	irq_restore(flags);
	return c;
}

int console_getc_within(uint64_t ms)
{
	uint64_t flags = irq_save(), end = timer_ms() + ms;
	int c = CONSOLE_INPUT_NONE;

	/* The timer's interrupt ends each wait.  */
	while (q_head == q_tail && timer_ms() < end)
		cpu_wait_for_interrupt();
	if (q_head != q_tail)
		c = input_pop();
	irq_restore(flags);
	return c;
}

bool console_serial_enabled(void)
{
	return serial_enabled;
}
