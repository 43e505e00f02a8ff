/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* string.h - the kernel's mem* and str* functions.

   Freestanding subset of the C library with the standard semantics
   (code shared with the host, like the FAT driver, relies on that).
   The compiler may emit calls to memcpy, memmove, memset and memcmp on
   its own, so these four must exist under exactly these names.
   Included as "lib/string.h", never as <string.h>.  */

#ifndef LIB_STRING_H
#define LIB_STRING_H

#include <stddef.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);

/* BSD strlcpy: copies at most SIZE - 1 bytes, always NUL-terminates
   when SIZE > 0; returns strlen(src) (>= SIZE means truncated).  */
size_t strlcpy(char *restrict dst, const char *restrict src, size_t size);

#endif /* LIB_STRING_H */
