/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-crc32.c - check portix_crc32() against values from zlib.

   Prints one "PASS: name" or "FAIL: name ..." line per check (the
   testsuite's crc32-unit.exp turns them into DejaGnu results) and exits
   non-zero if any check failed.  The expected values were computed with
   Python's zlib.crc32, an implementation independent of ours.  */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <portix/crc32.h>

static int failures;

static void check(const char *name, uint32_t got, uint32_t want)
{
	if (got == want) {
		printf("PASS: %s\n", name);
	} else {
		printf("FAIL: %s (got 0x%08lx, want 0x%08lx)\n", name,
		       (unsigned long)got, (unsigned long)want);
		failures++;
	}
}

static uint32_t crc_str(const char *s)
{
	return portix_crc32(0, s, strlen(s));
}

/* Feed BUF in pieces of STEP bytes: chaining must not change the sum.  */
static uint32_t crc_pieces(const uint8_t *buf, size_t len, size_t step)
{
	uint32_t crc = 0;

	for (size_t off = 0; off < len; off += step)
		crc = portix_crc32(crc, buf + off,
				   len - off < step ? len - off : step);
	return crc;
}

int main(void)
{
	static uint8_t big[1 << 20];
	uint8_t bytes[256];

	check("crc32 of nothing is 0", portix_crc32(0, NULL, 0), 0);
	check("crc32 of nothing keeps the running value",
	      portix_crc32(0x12345678, NULL, 0), 0x12345678);
	check("crc32(\"a\")", crc_str("a"), 0xE8B7BE43);
	check("crc32(\"123456789\") is the check value 0xCBF43926",
	      crc_str("123456789"), 0xCBF43926);
	check("crc32 of the quick brown fox",
	      crc_str("The quick brown fox jumps over the lazy dog"),
	      0x414FA339);

	for (int i = 0; i < 256; i++)
		bytes[i] = (uint8_t)i;
	check("crc32 of bytes 0..255", portix_crc32(0, bytes, 256),
	      0x29058C73);

	memset(big, 0, 4096);
	check("crc32 of 4096 zero bytes", portix_crc32(0, big, 4096),
	      0xC71C0011);
	memset(big, 0xFF, 4096);
	check("crc32 of 4096 0xFF bytes", portix_crc32(0, big, 4096),
	      0xF154670A);

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (uint8_t)(i * 7 + 3);
	check("crc32 of a 1 MiB pattern", portix_crc32(0, big, sizeof(big)),
	      0x4A24D8FA);
	check("crc32 chained over 1-byte pieces",
	      crc_pieces(big, sizeof(big), 1), 0x4A24D8FA);
	check("crc32 chained over 511-byte pieces",
	      crc_pieces(big, sizeof(big), 511), 0x4A24D8FA);

	if (fflush(stdout) != 0 || ferror(stdout))
		return EXIT_FAILURE;
	return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
