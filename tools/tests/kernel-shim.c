/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* kernel-shim.c - host stand-ins for the kernel services that kernel
   files compiled for the host call (see kernel-shim.h).  Kept small:
   each function does what the real one promises its callers, nothing
   more.  */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "console.h"
#include "klog.h"
#include "panic.h"
#include "kernel-shim.h"

jmp_buf shim_panic_jump;

/* ---- lib/string.h: what the host C library may lack ---- */

size_t strlcpy(char *restrict dst, const char *restrict src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* ---- panic.h, klog.h: each message is formatted (a sanitizer sees
   its arguments read), then dropped ---- */

void panic(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	longjmp(shim_panic_jump, 1);
}

void klog(int level, const char *fmt, ...)
{
	char buf[KLOG_LINE_MAX];
	va_list ap;

	(void)level;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
}

/* ---- console.h ---- */

static const uint8_t *input;
static size_t input_len, input_at;

void shim_set_input(const uint8_t *data, size_t len)
{
	input = data;
	input_len = len;
	input_at = 0;
}

int shim_input_done(void)
{
	return input_at >= input_len;
}

size_t shim_input_read(void)
{
	return input_at;
}

int console_getc(void)
{
	uint8_t c;

	if (input_at >= input_len) {
		input_at++;
		return '\n';
	}
	c = input[input_at++];
	return c == 0xFF ? CONSOLE_INPUT_LOST : c;
}

int console_getc_within(uint64_t ms)
{
	(void)ms;
	return input_at < input_len ? console_getc() : CONSOLE_INPUT_NONE;
}

bool console_has_input(void)
{
	return input_at < input_len;
}

void console_putc(char c)
{
	(void)c;
}

void console_write(const char *s, size_t len)
{
	(void)s, (void)len;
}
