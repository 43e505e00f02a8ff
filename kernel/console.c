/* console.c - fan kernel output out to the console devices; queue input.

   State: which devices are enabled (set once), and the input queue,
   filled by the serial and keyboard IRQ handlers and drained by
   console_getc().  The queue's indices are only touched with
   interrupts disabled.  */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "config.h"
#include "console.h"
#include "kassert.h"
#include "drivers/keyboard.h"
#include "drivers/serial.h"
#include "drivers/vga.h"

#define INPUT_QUEUE_SIZE 256

static bool serial_enabled;
static bool keyboard_enabled;

static char queue[INPUT_QUEUE_SIZE];
static unsigned int q_head, q_tail;	/* read at head, write at tail */

void console_init(bool use_serial)
{
	vga_init();
	if (use_serial)
		serial_enabled = serial_init();
}

/* Called in IRQ context.  A full queue drops the byte.  */
static void input_push(char c)
{
	unsigned int next = (q_tail + 1) % INPUT_QUEUE_SIZE;

	KASSERT(!interrupts_enabled());
	if (next == q_head)
		return;
	queue[q_tail] = c;
	q_tail = next;
}

void console_start_input(void)
{
	if (serial_enabled)
		serial_start_input(input_push);
	keyboard_enabled = keyboard_init(input_push);
}

void console_putc(char c)
{
	vga_putc(c);
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
	vga_clear();
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

int console_getc(void)
{
	uint64_t flags;
	int c;

	vga_sync_cursor();	/* the user looks where the next key goes */
	flags = irq_save();
	while (q_head == q_tail)
		cpu_wait_for_interrupt();
	c = (unsigned char)queue[q_head];
	q_head = (q_head + 1) % INPUT_QUEUE_SIZE;
	irq_restore(flags);
	return c;
}

bool console_serial_enabled(void)
{
	return serial_enabled;
}
