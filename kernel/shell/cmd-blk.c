/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cmd-blk.c - lsblk: the drives and partitions the block layer knows;
   blkcrc32: the CRC-32 of a whole block device, read in large pieces
   (so drivers move many sectors per command, and the result compares
   with the host's CRC of the image file).

   Layers: the shell calls it; it reads block/block.h's table (each
   drive's model and location) and fs/mount.h for what is mounted.  */

#include <stddef.h>
#include <stdint.h>

#include <portix/crc32.h>

#include "block/block.h"
#include "block/bootdisk.h"
#include "fs/mount.h"
#include "lib/error.h"
#include "lib/printf.h"
#include "shell/cmd-fs.h"

/* SECTORS as a short human size, rounded down ("8 MiB", "600 KiB");
   the exact count is in the SECTORS column.  */
static void human(char *buf, size_t size, uint64_t sectors)
{
	uint64_t kib = sectors / 2;

	if (kib >= 1024 * 1024)
		ksnprintf(buf, size, "%llu GiB",
			  (unsigned long long)(kib / (1024 * 1024)));
	else if (kib >= 1024)
		ksnprintf(buf, size, "%llu MiB", (unsigned long long)(kib / 1024));
	else
		ksnprintf(buf, size, "%llu KiB", (unsigned long long)kib);
}

int cmd_lsblk(int argc, char **argv)
{
	const struct blkdev *b, *root;
	char size[24], where[48];
	int i;

	(void)argc;
	(void)argv;
	root = fs_root_dev();
	kprintf("%-8s %-5s %12s %9s  %s\n", "NAME", "TYPE", "SECTORS", "SIZE",
		"DETAILS");
	for (i = 0; (b = blk_get(i)); i++) {
		human(size, sizeof(size), b->sectors);
		kprintf("%-8s %-5s %12llu %9s  ", b->name,
			b->kind == BLK_DISK ? "disk" :
			b->kind == BLK_CDROM ? "cdrom" :
			b->part_type ? "part" : "image",
			(unsigned long long)b->sectors, size);
		if (b->kind == BLK_VIEW)
			kprintf("on %s at %llu, type 0x%02x%s%s", b->parent->name,
				(unsigned long long)b->start, b->part_type,
				b->rdonly ? ", ro" : "",
				b == root ? ", mounted on /" : "");
		else {
			blk_location_str(&b->loc, where, sizeof(where));
			kprintf("%s, %s%s%s%s", b->model, where,
				b->lba48 ? ", LBA48" : "",
				b->kind == BLK_CDROM && !b->sectors ?
				", no medium" : "",
				b == bootdisk_drive() ? ", boot disk" : "");
		}
		kprintf("\n");
	}
	if (!blk_count())
		kprintf("(no drives found)\n");
	return 0;
}

/* What blkcrc32 reads with one blk_read: 128 KiB.  */
#define BLKCRC_SECTORS	256
static uint8_t blkcrc_buf[BLKCRC_SECTORS * BLK_SECTOR_SIZE];

int cmd_blkcrc32(int argc, char **argv)
{
	struct blkdev *b;
	uint64_t lba;
	uint32_t crc = 0, n;
	int err;

	if (argc != 2) {
		kprintf("usage: %s DEVICE\n", argv[0]);
		return 1;
	}
	b = blk_find(argv[1]);
	if (!b) {
		kprintf("%s: %s: no such device\n", argv[0], argv[1]);
		return 1;
	}
	for (lba = 0; lba < b->sectors; lba += n) {
		n = b->sectors - lba < BLKCRC_SECTORS ?
		    (uint32_t)(b->sectors - lba) : BLKCRC_SECTORS;
		err = blk_read(b, lba, n, blkcrc_buf);
		if (err) {
			kprintf("%s: %s: sector %llu: %s\n", argv[0], argv[1],
				(unsigned long long)lba, error_message(err));
			return 1;
		}
		crc = portix_crc32(crc, blkcrc_buf,
				   (size_t)n * BLK_SECTOR_SIZE);
	}
	kprintf("%08x %llu %s\n", crc, (unsigned long long)b->sectors,
		argv[1]);
	return 0;
}
