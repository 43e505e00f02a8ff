/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* printf.h - formatted output for the kernel.

   kprintf() writes to the console (console.c); ksnprintf() to a buffer.
   Conversions: %d %i %u %x %X %o %c %s %p %%, with the length modifiers
   hh h l ll z t j, flags '-' (left-justify) and '0' (zero-pad), a field
   width (digits or '*') and, for %s, a precision ('.N' or '.*').
   %p prints 0x and 16 hex digits.  A NULL %s prints "(null)".
   No floating point.  Unknown conversions are printed verbatim.
   All return the number of characters produced (for ksnprintf: that
   would have been produced, as C99 snprintf).  */

#ifndef LIB_PRINTF_H
#define LIB_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

__attribute__((format(printf, 1, 2)))
int kprintf(const char *fmt, ...);
int kvprintf(const char *fmt, va_list ap);

__attribute__((format(printf, 3, 4)))
int ksnprintf(char *buf, size_t size, const char *fmt, ...);
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif /* LIB_PRINTF_H */
