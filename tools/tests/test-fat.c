/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-fat.c - host tests of the Portix FAT code (common/fat/).

   Usage:
     test-fat [unit]          functional tests over in-memory volumes
     test-fat corrupt         damaged volumes must give errors, not hangs
     test-fat fuzz [N [SEED]] N rounds of random damage (default 300)
     test-fat all             unit + corrupt + fuzz
     test-fat image ...       image-file modes for fsck.fat and mtools
                              (see test-fat-image.c)
   Test modes print one "PASS: name" or "FAIL: name: detail" line per
   check (names never contain a colon, so the testsuite can split the
   line) and exit 1 if any check failed.  Build it from the files of
   common/fat/ and tools/tests/test-fat*.c with -I include.  */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-fat.h"

int test_failures;

bool check(bool ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("PASS: %s\n", name);
	} else {
		printf("FAIL: %s: ", name);
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
		putchar('\n');
		test_failures++;
	}
	fflush(stdout);
	return ok;
}

static int usage(void)
{
	fputs("usage: test-fat [unit|corrupt|fuzz [N [SEED]]|all]\n"
	      "       test-fat image MODE ARGS...\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "unit";
	unsigned rounds = 300;
	uint32_t seed = 1;

	if (strcmp(mode, "image") == 0)
		return image_main(argc - 2, argv + 2);
	if (strcmp(mode, "fuzz") == 0) {
		if (argc > 2)
			rounds = (unsigned)strtoul(argv[2], NULL, 0);
		if (argc > 3)
			seed = (uint32_t)strtoul(argv[3], NULL, 0);
	} else if (argc > 2) {
		return usage();
	}
	if (strcmp(mode, "unit") == 0 || strcmp(mode, "all") == 0) {
		run_unit_tests();
		run_name_tests();
	}
	if (strcmp(mode, "corrupt") == 0 || strcmp(mode, "all") == 0)
		run_corrupt_tests();
	if (strcmp(mode, "fuzz") == 0 || strcmp(mode, "all") == 0)
		run_fuzz(rounds, seed);
	if (strcmp(mode, "unit") && strcmp(mode, "corrupt") &&
	    strcmp(mode, "fuzz") && strcmp(mode, "all"))
		return usage();
	return test_failures ? 1 : 0;
}
