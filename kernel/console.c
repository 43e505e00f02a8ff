/* console.c - fan kernel output out to the console devices; read input.

   State: which devices are enabled, set once by console_init().  */

#include <stdbool.h>
#include <stddef.h>

#include "arch/x86_64/cpu.h"
#include "config.h"
#include "console.h"
#include "drivers/serial.h"

static bool serial_enabled;

void console_init(bool use_serial)
{
#if PORTIX_WITH_SERIAL
	if (use_serial)
		serial_enabled = serial_init();
#else
	(void)use_serial;
#endif
}

void console_putc(char c)
{
#if PORTIX_WITH_SERIAL
	if (serial_enabled) {
		if (c == '\n')
			serial_putc('\r');
		serial_putc(c);
	}
#else
	(void)c;
#endif
}

void console_write(const char *s, size_t len)
{
	while (len--)
		console_putc(*s++);
}

void console_flush(void)
{
#if PORTIX_WITH_SERIAL
	if (serial_enabled)
		serial_flush();
#endif
}

bool console_has_input(void)
{
	return serial_enabled;
}

int console_getc(void)
{
	for (;;) {
#if PORTIX_WITH_SERIAL
		if (serial_enabled) {
			int c = serial_poll_getc();

			if (c >= 0)
				return c;
		}
#endif
		cpu_relax();
	}
}
