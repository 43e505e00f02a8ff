/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-blk-scan.c - libFuzzer target: MBR and El Torito scanning
   through the kernel's real block layer (kernel/block/block.c,
   kernel/block/mbr.c, kernel/block/eltorito.c, compiled for the host).

   The input is a disk and, read in 2048-byte sectors, a CD: the same
   bytes serve as both, as on a hybrid medium.  The scan does what
   fs_mount_root does: the partition table at a base LBA (taken from
   the input's last byte), the partitions of each partition, and the
   hard-disk image an El Torito catalog points at and its table.  The
   drives (kernel-shim.c) abort on any read outside them: the block
   layer must refuse such a request itself.  */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "block/block.h"
#include "block/eltorito.h"
#include "block/mbr.h"
#include "kernel-shim.h"

/* block.c's table is static: included here so each run starts empty.  */
#include "../kernel/block/block.c"

static void reset_block_layer(void)
{
	ndevs = 0;
	cd_buf.valid = false;
}

/* A CD's sector, as the block layer reads a CD drive.  */
#define SHIM_CD_SECTOR 2048

/* ---- The drives: the input, through struct blk_ops ---- */

static struct shim_drive {
	const uint8_t *data;
	size_t bytes;
	size_t sector;		/* 512 for the disk, 2048 for the CD */
} drives[2];

/* Copy COUNT sectors at LBA of DRIVE into BUF; abort outside it.  */
static int drive_read(void *drive, uint64_t lba, uint32_t count, void *buf)
{
	struct shim_drive *d = drive;
	uint64_t off = lba * d->sector, len = (uint64_t)count * d->sector;

	if (off > d->bytes || len > d->bytes - off) {
		fprintf(stderr, "kernel-shim: read of %llu bytes at %llu is outside a drive of %zu bytes\n",
			(unsigned long long)len, (unsigned long long)off,
			d->bytes);
		abort();
	}
	memcpy(buf, d->data + off, (size_t)len);
	return 0;
}

static int drive_write(void *drive, uint64_t lba, uint32_t count,
		       const void *buf)
{
	(void)drive, (void)lba, (void)count, (void)buf;
	return -1;
}

static int drive_flush(void *drive)
{
	(void)drive;
	return 0;
}

static const struct blk_ops shim_ops = {
	.read = drive_read, .write = drive_write, .flush = drive_flush,
};

static void add_drives(const uint8_t *disk, size_t disk_bytes,
		     const uint8_t *cd, size_t cd_bytes,
		     struct blkdev **disk_dev, struct blkdev **cd_dev)
{
	drives[0] = (struct shim_drive){ disk, disk_bytes, BLK_SECTOR_SIZE };
	drives[1] = (struct shim_drive){ cd, cd_bytes, SHIM_CD_SECTOR };
	*disk_dev = blk_add_drive(BLK_DISK, &shim_ops, &drives[0]);
	if (*disk_dev)
		(*disk_dev)->sectors = disk_bytes / BLK_SECTOR_SIZE;
	*cd_dev = NULL;
	if (cd_bytes >= SHIM_CD_SECTOR) {
		*cd_dev = blk_add_drive(BLK_CDROM, &shim_ops, &drives[1]);
		if (*cd_dev)
			(*cd_dev)->sectors = cd_bytes / SHIM_CD_SECTOR *
					     (SHIM_CD_SECTOR / BLK_SECTOR_SIZE);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct blkdev *parts[4], *inner[4], *disk, *cd, *img;
	uint64_t base, start;
	int n;

	if (size < BLK_SECTOR_SIZE)
		return 0;
	reset_block_layer();
	add_drives(data, size - size % BLK_SECTOR_SIZE, data,
			size - size % SHIM_CD_SECTOR, &disk, &cd);
	base = data[size - 1] % 4;
	n = disk ? mbr_scan(disk, base, parts, 4) : 0;
	for (int i = 0; i < n; i++) {
		uint8_t sector[BLK_SECTOR_SIZE];

		blk_read(parts[i], 0, 1, sector);
		blk_read(parts[i], parts[i]->sectors - 1, 1, sector);
		(void)mbr_scan(parts[i], 0, inner, 4);
	}
	if (cd && cd->sectors && eltorito_find_hd_image(cd, &start) == 0 &&
	    start < cd->sectors) {
		img = blk_add_view(cd, "cd0i", start, cd->sectors - start, 0);
		if (img)
			mbr_scan(img, 0, parts, 4);
	}
	return 0;
}
