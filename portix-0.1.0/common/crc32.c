/* crc32.c - CRC-32 (IEEE 802.3), the value zlib's crc32() returns.

   Freestanding: no libc, no state, so the kernel and libportix share it.
   It works a bit at a time: the inputs are at most about a megabyte (the
   kernel), where this costs milliseconds, and there is no table to build,
   keep or get wrong.  */

#include <portix/crc32.h>

/* The IEEE polynomial, bit-reversed for LSB-first processing.  */
#define CRC32_POLY_REFLECTED 0xEDB88320u

uint32_t portix_crc32(uint32_t crc, const void *buf, size_t len)
{
	const uint8_t *p = buf;

	/* zlib's convention: the register starts (and ends) inverted, so a
	   caller starts from 0 and can chain calls.  */
	crc = ~crc;
	while (len--) {
		crc ^= *p++;
		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (CRC32_POLY_REFLECTED & -(crc & 1u));
	}
	return ~crc;
}
