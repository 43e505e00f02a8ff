/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* console.c - the loader's messages on the UEFI console (ConOut).

   A tiny formatter: %s (ASCII string), %u (unsigned decimal), %x (hex),
   each taking a 64-bit argument except %s.  Text goes out as UCS-2 in
   short pieces, "\n" as "\r\n".  Only usable while boot services run.  */

#include <stdarg.h>

#include "loader.h"

#define PIECE 64

struct out {
	CHAR16 buf[PIECE + 1];
	unsigned int len;
};

static void flush(struct out *o)
{
	o->buf[o->len] = 0;
	if (o->len && efi_st && efi_st->con_out)
		efi_st->con_out->output_string(efi_st->con_out, o->buf);
	o->len = 0;
}

static void put(struct out *o, char c)
{
	if (c == '\n')
		put(o, '\r');
	if (o->len == PIECE)
		flush(o);
	o->buf[o->len++] = (CHAR16)(unsigned char)c;
}

static void put_number(struct out *o, uint64_t v, unsigned int base)
{
	char digits[20];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (base == 16) {
		put(o, '0');
		put(o, 'x');
	}
	while (n)
		put(o, digits[--n]);
}

static void vsay(const char *fmt, va_list ap)
{
	struct out o = { .len = 0 };
	const char *s;

	for (s = "portix-efi: "; *s; s++)
		put(&o, *s);
	for (; *fmt; fmt++) {
		if (*fmt != '%' || !fmt[1]) {
			put(&o, *fmt);
			continue;
		}
		switch (*++fmt) {
		case 's':
			for (s = va_arg(ap, const char *); *s; s++)
				put(&o, *s);
			break;
		case 'u':
			put_number(&o, va_arg(ap, uint64_t), 10);
			break;
		case 'x':
			put_number(&o, va_arg(ap, uint64_t), 16);
			break;
		default:
			put(&o, *fmt);
		}
	}
	put(&o, '\n');
	flush(&o);
}

void say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
}

void fail(EFI_STATUS status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	if (status)
		say("(UEFI status %x)", (uint64_t)status);
	say("cannot boot Portix");
	/* Back to the boot manager, which tries the next boot option.  */
	efi_bs->exit(efi_image, status ? status : EFI_NOT_FOUND, 0, NULL);
	for (;;)
		__asm__ volatile("hlt");
}
