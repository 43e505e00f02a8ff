/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* panic.c - stop the system: panic() and system_halt().

   Safe to call from any context, including exception handlers on an
   IST stack: it only uses the console and port I/O.  */

#include <stdarg.h>
#include <stdbool.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/io.h"
#include "console.h"
#include "kassert.h"
#include "lib/printf.h"
#include "panic.h"

static bool debug_exit;

void panic_set_debug_exit(bool on)
{
	debug_exit = on;
}

void system_halt(void)
{
	cli();
	kprintf("System halted.\n");
	/* QEMU exits the moment the port is written: let the UART drain.  */
	console_flush();
	if (debug_exit) {
		outb(PANIC_DEBUG_EXIT_PORT, PANIC_DEBUG_EXIT_CODE);
		outb(PANIC_DEBUG_EXIT_PORT_DEFAULT, PANIC_DEBUG_EXIT_CODE);
	}
	cpu_halt_forever();
}

void panic(const char *fmt, ...)
{
	va_list ap;

	cli();
	kprintf("panic: ");
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	system_halt();
}

void kassert_fail(const char *expr, const char *file, int line)
{
	panic("assertion failed: %s at %s:%d", expr, file, line);
}
