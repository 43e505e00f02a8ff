/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-boot-pieces.c - see fuzz-boot-pieces.h.  Written with write(2),
   not stdio: fuzz-mkimage-args routes the program's fclose().  */

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <portix/layout.h>

#include "fuzz-boot-pieces.h"

void fuzz_put_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	if (fd < 0 || write(fd, data, len) != (ssize_t)len || close(fd) != 0)
		abort();
}

void fuzz_put_boot_pieces(const char *boot, const char *stage2)
{
	static uint8_t b[PORTIX_SECTOR_SIZE];
	static uint8_t s[PORTIX_STAGE2_SECTORS * PORTIX_SECTOR_SIZE];

	b[510] = 0x55;
	b[511] = 0xAA;
	memcpy(s, "PXS2", 4);
	s[PORTIX_S2_HDR_VERSION] = PORTIX_PROTOCOL_VERSION;
	s[PORTIX_S2_HDR_SIZE] = PORTIX_S2_HEADER_SIZE & 0xFF;
	s[PORTIX_S2_HDR_SIZE + 1] = PORTIX_S2_HEADER_SIZE >> 8;
	fuzz_put_file(boot, b, sizeof(b));
	fuzz_put_file(stage2, s, sizeof(s));
}
