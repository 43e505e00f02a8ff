/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-fat.h - what the FAT targets share (fuzz-fat-support.c).

   A fuzz_dev is the tests' in-memory device (tools/tests/test-fat.h,
   which aborts on any access outside it) allocated once, that keeps
   track of the sectors a run changed, so the next run starts from the
   same content by restoring only those: a 33 MiB FAT32 volume costs
   what a run touches, not 33 MiB of copying.  */

#ifndef FUZZ_FAT_H
#define FUZZ_FAT_H

#include <stdint.h>

#include <portix/fat.h>

#include "../tools/tests/test-fat.h"

struct fuzz_dev {
	struct memdev m;		/* the bytes; m.sectors: this run's */
	uint64_t capacity;		/* sectors allocated */
	const uint8_t *base;		/* what a reset restores; NULL: zeros */
	uint8_t *dirty;			/* one byte per sector */
	struct fat_blockdev inner;	/* the memdev's own callbacks */
};

/* Allocate SECTORS sectors holding BASE's (or zeros).  */
void fuzz_dev_init(struct fuzz_dev *d, uint64_t sectors, const uint8_t *base);
/* Callbacks over the first SECTORS sectors (at most the capacity).  */
struct fat_blockdev fuzz_dev_ops(struct fuzz_dev *d, uint64_t sectors);
/* Note that sectors [LBA, LBA + COUNT) were changed by hand.  */
void fuzz_dev_mark(struct fuzz_dev *d, uint64_t lba, uint64_t count);
/* Put every changed sector back as it was at init.  */
void fuzz_dev_reset(struct fuzz_dev *d);

#endif /* FUZZ_FAT_H */
