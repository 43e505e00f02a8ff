/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* printf.c - the kernel's printf family (see printf.h).

   One formatter, kformat(), drives an output sink: the console for
   kprintf(), a bounded buffer for ksnprintf().  Layers: callers above,
   console.c below.  No state between calls.  */

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "console.h"
#include "lib/printf.h"

struct sink {
	void (*put)(struct sink *s, char c);
	char *buf;			/* ksnprintf: destination */
	size_t size;			/* ksnprintf: capacity, NUL included */
	size_t count;			/* characters produced so far */
};

struct spec {
	bool left;			/* '-' */
	bool zero;			/* '0' */
	int width;
	int precision;			/* -1: none */
	/* 0: int; 1: 64-bit (l ll z t j); -1: short; -2: char */
	int length;
};

static void emit(struct sink *s, char c)
{
	s->put(s, c);
	s->count++;
}

static void pad(struct sink *s, char c, int n)
{
	while (n-- > 0)
		emit(s, c);
}

static void put_string(struct sink *s, const struct spec *sp, const char *str)
{
	int len = 0;

	if (!str)
		str = "(null)";
	while (str[len] && (sp->precision < 0 || len < sp->precision))
		len++;
	if (!sp->left)
		pad(s, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		emit(s, str[i]);
	if (sp->left)
		pad(s, ' ', sp->width - len);
}

/* Print V in BASE; NEG adds a minus sign, PREFIX (e.g. "0x") goes
   between the sign/padding and the digits.  */
static void put_number(struct sink *s, const struct spec *sp, uint64_t v,
		       bool neg, unsigned int base, bool upper,
		       const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];			/* 2^64 in octal is 22 digits */
	int n = 0, len, plen = 0;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	while (prefix && prefix[plen])
		plen++;
	len = n + plen + (neg ? 1 : 0);

	if (!sp->left && !sp->zero)
		pad(s, ' ', sp->width - len);
	if (neg)
		emit(s, '-');
	for (int i = 0; i < plen; i++)
		emit(s, prefix[i]);
	if (!sp->left && sp->zero)
		pad(s, '0', sp->width - len);
	while (n)
		emit(s, tmp[--n]);
	if (sp->left)
		pad(s, ' ', sp->width - len);
}

/* Fetch an integer argument of the size the length modifier says.  */
static uint64_t get_unsigned(const struct spec *sp, va_list *ap)
{
	switch (sp->length) {
	case 1:
		return va_arg(*ap, unsigned long long);
	case -1:
		return (unsigned short)va_arg(*ap, unsigned int);
	case -2:
		return (unsigned char)va_arg(*ap, unsigned int);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static int64_t get_signed(const struct spec *sp, va_list *ap)
{
	switch (sp->length) {
	case 1:
		return va_arg(*ap, long long);
	case -1:
		return (short)va_arg(*ap, int);
	case -2:
		return (signed char)va_arg(*ap, int);
	default:
		return va_arg(*ap, int);
	}
}

/* Parse flags, width, precision and length at *FMT; advance past them.  */
static void parse_spec(const char **fmt, struct spec *sp, va_list *ap)
{
	const char *f = *fmt;

	sp->left = sp->zero = false;
	sp->width = 0;
	sp->precision = -1;
	sp->length = 0;

	for (;; f++) {
		if (*f == '-')
			sp->left = true;
		else if (*f == '0')
			sp->zero = true;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		f++;
	} else {
		while (*f >= '0' && *f <= '9')
			sp->width = sp->width * 10 + (*f++ - '0');
	}
	if (*f == '.') {
		f++;
		sp->precision = 0;
		if (*f == '*') {
			sp->precision = va_arg(*ap, int);
			f++;
		} else {
			while (*f >= '0' && *f <= '9')
				sp->precision = sp->precision * 10 +
						(*f++ - '0');
		}
	}
	/* long, long long, size_t, ptrdiff_t, intmax_t: all 64-bit here.  */
	if (*f == 'h') {
		sp->length = -1;
		if (*++f == 'h') {
			sp->length = -2;
			f++;
		}
	} else if (*f == 'l') {
		sp->length = 1;
		if (*++f == 'l')
			f++;
	} else if (*f == 'z' || *f == 't' || *f == 'j') {
		sp->length = 1;
		f++;
	}
	*fmt = f;
}

static void kformat(struct sink *s, const char *fmt, va_list ap)
{
	struct spec sp;
	const char *start;
	int64_t v;

	/* va_list may be an array type: work on a copy we can point to.  */
	va_list args;
	va_copy(args, ap);

	while (*fmt) {
		if (*fmt != '%') {
			emit(s, *fmt++);
			continue;
		}
		start = fmt++;
		parse_spec(&fmt, &sp, &args);
		switch (*fmt) {
		case 'd':
		case 'i':
			v = get_signed(&sp, &args);
			put_number(s, &sp, v < 0 ? -(uint64_t)v : (uint64_t)v,
				   v < 0, 10, false, NULL);
			break;
		case 'u':
			put_number(s, &sp, get_unsigned(&sp, &args), false, 10,
				   false, NULL);
			break;
		case 'x':
		case 'X':
			put_number(s, &sp, get_unsigned(&sp, &args), false, 16,
				   *fmt == 'X', NULL);
			break;
		case 'o':
			put_number(s, &sp, get_unsigned(&sp, &args), false, 8,
				   false, NULL);
			break;
		case 'p':
			sp.zero = true;
			sp.width = 18;
			sp.left = false;
			put_number(s, &sp, (uintptr_t)va_arg(args, void *),
				   false, 16, false, "0x");
			break;
		case 'c': {
			char c = (char)va_arg(args, int);

			if (!sp.left)
				pad(s, ' ', sp.width - 1);
			emit(s, c);
			if (sp.left)
				pad(s, ' ', sp.width - 1);
			break;
		}
		case 's':
			put_string(s, &sp, va_arg(args, const char *));
			break;
		case '%':
			emit(s, '%');
			break;
		default:
			/* Unknown or truncated: print the directive as is.  */
			while (start < fmt)
				emit(s, *start++);
			if (!*fmt)
				continue;
			emit(s, *fmt);
			break;
		}
		fmt++;
	}
	va_end(args);
}

static void console_sink(struct sink *s, char c)
{
	(void)s;
	console_putc(c);
}

int kvprintf(const char *fmt, va_list ap)
{
	struct sink s = { .put = console_sink };

	kformat(&s, fmt, ap);
	return (int)s.count;
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

/* Store while there is room, always leaving a byte for the NUL.  */
static void buffer_sink(struct sink *s, char c)
{
	if (s->size && s->count < s->size - 1)
		s->buf[s->count] = c;
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { .put = buffer_sink, .buf = buf, .size = size };

	kformat(&s, fmt, ap);
	if (size)
		buf[s.count < size ? s.count : size - 1] = '\0';
	return (int)s.count;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
