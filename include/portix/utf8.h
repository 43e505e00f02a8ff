/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* utf8.h - decode UTF-8, strictly.

   Freestanding: built into the kernel and into libportix, which exports
   it for its programs.  Strict as RFC 3629: overlong forms, surrogates
   (U+D800 to U+DFFF), code points beyond U+10FFFF and truncated
   sequences are malformed.

   Usage, walking a string:
	for (size_t i = 0, n; i < len; i += n)
		if ((n = portix_utf8_decode(s + i, len - i, &cp)) == 0)
			... malformed byte at s[i] ...  */

#ifndef PORTIX_UTF8_H
#define PORTIX_UTF8_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Decode the sequence at S (LEFT bytes, LEFT > 0) into *CP.  Return its
   length (1 to 4), or 0 if it is malformed (*CP is then unchanged).  */
size_t portix_utf8_decode(const uint8_t *s, size_t left, uint32_t *cp);

#ifdef __cplusplus
}
#endif

#endif /* PORTIX_UTF8_H */
