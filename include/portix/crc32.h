/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* crc32.h - CRC-32 as zlib computes it (IEEE 802.3, reflected 0xEDB88320).

   Freestanding: built into the kernel and into libportix.  The stage 2
   header's kernel checksum is this function over the kernel's bytes.

   Usage, in one call or chained over pieces:
	crc = portix_crc32(0, buf, len);
	crc = portix_crc32(crc, more, more_len);
   Chaining gives the same value as one call over the concatenation.  */

#ifndef PORTIX_CRC32_H
#define PORTIX_CRC32_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Return CRC updated with LEN bytes at BUF.  Start with CRC = 0.
   BUF may be NULL only when LEN is 0 (CRC is then returned unchanged).
   portix_crc32(0, "123456789", 9) == 0xCBF43926.  */
uint32_t portix_crc32(uint32_t crc, const void *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* PORTIX_CRC32_H */
