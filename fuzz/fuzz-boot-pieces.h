/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-boot-pieces.h - files for the targets that drive portix-mkimage
   and the medium writers (fuzz-boot-pieces.c).  Each aborts on
   failure: a fuzzer cannot run without its fixtures.  */

#ifndef FUZZ_BOOT_PIECES_H
#define FUZZ_BOOT_PIECES_H

#include <stddef.h>

/* Write LEN bytes at DATA to PATH, replacing it.  */
void fuzz_put_file(const char *path, const void *data, size_t len);

/* Write the smallest stage 1 (BOOT) and stage 2 (STAGE2) that the
   library accepts: the 0x55AA signature, and a stage 2 header with the
   magic, protocol version and header size.  */
void fuzz_put_boot_pieces(const char *boot, const char *stage2);

#endif /* FUZZ_BOOT_PIECES_H */
