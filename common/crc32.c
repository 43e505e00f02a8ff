/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* crc32.c - CRC-32 (IEEE 802.3), the value zlib's crc32() returns.

   Freestanding: no libc, no mutable state, so the kernel and libportix
   share it.  It works a byte at a time through a 256-entry table that
   the compiler computes from the polynomial (the macros below), so
   there is no table to build at run time and none typed in by hand.  */

#include <portix/crc32.h>

/* The IEEE polynomial, bit-reversed for LSB-first processing.  */
#define CRC32_POLY_REFLECTED 0xEDB88320u

/* One bit of the register shifted out: with the polynomial when it
   was 1.  CRC_BYTE(n) is the register after shifting byte N through.  */
#define CRC_BIT(c) (((c) >> 1) ^ (CRC32_POLY_REFLECTED & (0u - ((c) & 1u))))
#define CRC_BIT2(c) CRC_BIT(CRC_BIT(c))
#define CRC_BIT4(c) CRC_BIT2(CRC_BIT2(c))
#define CRC_BYTE(n) CRC_BIT4(CRC_BIT4((uint32_t)(n)))
/* Entries N .. N + 2^k - 1.  */
#define CRC_T1(n) CRC_BYTE(n), CRC_BYTE((n) + 1)
#define CRC_T2(n) CRC_T1(n), CRC_T1((n) + 2)
#define CRC_T4(n) CRC_T2(n), CRC_T2((n) + 4)
#define CRC_T8(n) CRC_T4(n), CRC_T4((n) + 8)
#define CRC_T16(n) CRC_T8(n), CRC_T8((n) + 16)
#define CRC_T32(n) CRC_T16(n), CRC_T16((n) + 32)
#define CRC_T64(n) CRC_T32(n), CRC_T32((n) + 64)
#define CRC_T128(n) CRC_T64(n), CRC_T64((n) + 128)

static const uint32_t crc_table[256] = { CRC_T128(0) };

uint32_t portix_crc32(uint32_t crc, const void *buf, size_t len)
{
	const uint8_t *p = buf;

	/* zlib's convention: the register starts (and ends) inverted, so a
	   caller starts from 0 and can chain calls.  */
	crc = ~crc;
	while (len--)
		crc = (crc >> 8) ^ crc_table[(crc ^ *p++) & 0xFF];
	return ~crc;
}
