/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-fat-support.c - what the FAT targets borrow from tools/tests/.

   The in-memory device (test-fat-dev.c, which aborts on any access
   outside it) and the independent fsck (test-fat-fsck.c) are linked in
   as they are; their reporting hook check() is defined here to abort,
   so a finding is a crash libFuzzer keeps.  And the fuzz_dev of
   fuzz-fat.h.  */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-fat.h"

int test_failures;

bool check(bool ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (ok)
		return true;
	fprintf(stderr, "FAIL: %s: ", name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* ---- A device a run can undo cheaply ---- */

static int fd_read(void *ctx, uint64_t lba, uint32_t count, void *buf)
{
	struct fuzz_dev *d = ctx;

	return d->inner.read(d->inner.ctx, lba, count, buf);
}

static int fd_write(void *ctx, uint64_t lba, uint32_t count,
		    const void *buf)
{
	struct fuzz_dev *d = ctx;

	fuzz_dev_mark(d, lba, count);
	return d->inner.write(d->inner.ctx, lba, count, buf);
}

static int fd_flush(void *ctx)
{
	struct fuzz_dev *d = ctx;

	return d->inner.flush ? d->inner.flush(d->inner.ctx) : 0;
}

void fuzz_dev_init(struct fuzz_dev *d, uint64_t sectors, const uint8_t *base)
{
	memdev_init(&d->m, sectors);
	d->capacity = sectors;
	d->base = base;
	if (base)
		memcpy(d->m.data, base, (size_t)sectors * FAT_SECTOR_SIZE);
	d->dirty = calloc((size_t)sectors, 1);
	if (!d->dirty)
		abort();
	d->inner = memdev_ops(&d->m, false);
}

struct fat_blockdev fuzz_dev_ops(struct fuzz_dev *d, uint64_t sectors)
{
	struct fat_blockdev ops = {
		.ctx = d, .read = fd_read, .write = fd_write,
		.flush = fd_flush, .sector_count = sectors,
	};

	if (sectors > d->capacity)
		abort();
	d->m.sectors = sectors;
	return ops;
}

void fuzz_dev_mark(struct fuzz_dev *d, uint64_t lba, uint64_t count)
{
	if (lba > d->capacity || count > d->capacity - lba)
		abort();
	memset(d->dirty + lba, 1, (size_t)count);
}

void fuzz_dev_reset(struct fuzz_dev *d)
{
	for (uint64_t s = 0; s < d->capacity; s++) {
		uint8_t *p = d->m.data + (size_t)s * FAT_SECTOR_SIZE;

		if (!d->dirty[s])
			continue;
		d->dirty[s] = 0;
		if (d->base)
			memcpy(p, d->base + (size_t)s * FAT_SECTOR_SIZE,
			       FAT_SECTOR_SIZE);
		else
			memset(p, 0, FAT_SECTOR_SIZE);
	}
}
