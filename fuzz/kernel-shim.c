/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* kernel-shim.c - host stand-ins for the kernel services the fuzzed
   kernel files call (see kernel-shim.h).  Kept small: each function
   does what the real one promises its callers, nothing more.  */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel-shim.h"

jmp_buf shim_panic_jump;

/* ---- lib/printf.h ---- */

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	return vsnprintf(buf, size, fmt, ap);
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int kvprintf(const char *fmt, va_list ap)
{
	char buf[1024];

	return vsnprintf(buf, sizeof(buf), fmt, ap);
}

int kprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvprintf(fmt, ap);
	va_end(ap);
	return n;
}

/* ---- lib/string.h: what glibc lacks ---- */

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

/* ---- panic.h ---- */

void panic(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	longjmp(shim_panic_jump, 1);
}

/* ---- klog.h ---- */

void klog(int level, const char *fmt, ...)
{
	char buf[1024];
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

/* A 0xFF byte stands for input the console dropped: console_getc()
   returns -1 (CONSOLE_INPUT_LOST) in its place.  */
int console_getc(void)
{
	if (input_at >= input_len)
		return '\n';
	return input[input_at] == 0xFF ? (input_at++, -1) : input[input_at++];
}

/* Waiting for input that has run out is a pause: -2
   (CONSOLE_INPUT_NONE).  */
int console_getc_within(uint64_t ms)
{
	(void)ms;
	return input_at < input_len ? console_getc() : -2;
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
