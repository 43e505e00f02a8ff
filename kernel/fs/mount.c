/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* mount.c - find the boot volume and mount it on "/".  See mount.h.

   State: the root volume (static: struct fat_volume holds its sector
   cache), the partition under it, the reason a mount failed, and the
   block layer's code behind the FAT library's last FAT_EIO.  */

#include <stdbool.h>
#include <stdint.h>

#include <portix/boot.h>
#include <portix/layout.h>

#include "block/block.h"
#include "boot/bootinfo.h"
#include "drivers/rtc.h"
#include "block/bootdisk.h"
#include "fs/mount.h"
#include "kassert.h"
#include "fs/fscheck.h"
#include "block/mbr.h"
#include "lib/error.h"
#include "lib/printf.h"
#include "lib/string.h"

#define MAX_PARTS	4

static struct fat_volume root_vol;
static struct blkdev *root_dev;
static bool mounted;
static char root_error[80] = "not mounted yet";
/* The FAT library reports every failed callback as FAT_EIO: the
   block layer's own code is kept here for fs_error.  */
static int last_io_error = ERR_IO;

/* ---- struct fat_blockdev over a struct blkdev ---- */

/* Keep ERR, a block-layer result, for fs_error; pass it on.  */
static int kept(int err)
{
	if (err)
		last_io_error = err;
	return err;
}

static int dev_read(void *ctx, uint64_t lba, uint32_t count, void *buf)
{
	return kept(blk_read(ctx, lba, count, buf));
}

static int dev_write(void *ctx, uint64_t lba, uint32_t count,
		     const void *buf)
{
	return kept(blk_write(ctx, lba, count, buf));
}

static int dev_flush(void *ctx)
{
	return kept(blk_flush(ctx));
}

int fs_error(int fat_code)
{
	switch (fat_code) {
	case FAT_EIO:		return last_io_error;
	case FAT_ENOFS:		return ERR_NOFS;
	case FAT_ENOTSUP:	return ERR_FSUNSUPP;
	case FAT_ECORRUPT:	return ERR_CORRUPT;
	case FAT_EINVAL:	return ERR_INVAL;
	case FAT_ENOENT:	return ERR_NOENT;
	case FAT_EEXIST:	return ERR_EXIST;
	case FAT_ENOTDIR:	return ERR_NOTDIR;
	case FAT_EISDIR:	return ERR_ISDIR;
	case FAT_ENOTEMPTY:	return ERR_NOTEMPTY;
	case FAT_ENOSPC:	return ERR_NOSPC;
	case FAT_ENAMETOOLONG:	return ERR_NAMETOOLONG;
	case FAT_EROFS:		return ERR_ROFS;
	case FAT_EFBIG:		return ERR_FBIG;
	case FAT_EBADF:		return ERR_BADF;
	default:
		/* A count or success passes; an unknown code is a new
		   FAT_E* this table lacks.  */
		KASSERT(fat_code >= 0);
		return fat_code >= 0 ? fat_code : ERR_IO;
	}
}

/* File times from the CMOS clock; left at the FAT epoch (1980-01-01,
   all fields as the library's zeroed default) if it does not answer.  */
static void dev_now(void *ctx, struct fat_datetime *dt)
{
	struct rtc_time t;

	(void)ctx;
	if (rtc_read(&t) < 0) {
		memset(dt, 0, sizeof(*dt));
		dt->year = 1980;
		dt->month = 1;
		dt->day = 1;
		return;
	}
	dt->year = t.year;
	dt->month = t.month;
	dt->day = t.day;
	dt->hour = t.hour;
	dt->minute = t.minute;
	dt->second = t.second;
	dt->centi = 0;
}

/* ---- Finding the boot disk ---- */

/* Register the partitions of the disks we did not boot from, so
   lsblk shows them.  */
static void scan_other_disks(const struct blkdev *boot)
{
	struct blkdev *parts[MAX_PARTS], *b;
	int i, n = blk_count();

	for (i = 0; i < n; i++) {
		b = blk_get(i);
		if (b->kind == BLK_DISK && b != boot)
			(void)mbr_scan(b, 0, parts, MAX_PARTS);
	}
}

static int give_up(int code, const char *why)
{
	strlcpy(root_error, why, sizeof(root_error));
	kprintf("fs: cannot mount /: %s\n", root_error);
	return code;
}

int fs_mount_root(void)
{
	struct blkdev *parts[MAX_PARTS], *disk, *part = NULL;
	const struct portix_boot_info *bi = bootinfo();
	struct bootdisk_match boot;
	struct fat_blockdev dev;
	const char *damage;
	uint64_t base;
	bool rdonly;
	int i, n, err, found;

	found = bootdisk_find(&bi->disk, bi->base_lba, &boot);
	scan_other_disks(boot.drive);
	if (!boot.drive) {
		char why[sizeof(root_error)];

		/* The kernel has no USB driver: the disk cannot be among
		   those it sees, so say that rather than "no disk".  */
		if (bi->disk.flags & PORTIX_BD_FLAG_USB) {
			strlcpy(root_error, "booted from a USB device: no "
				"driver for it yet", sizeof(root_error));
			kprintf("fs: %s, / not mounted\n", root_error);
			return ERR_NODEV;
		}
		if (found) {
			strlcpy(why, "no room for the boot CD's image view",
				sizeof(why));
			return give_up(ERR_NODEVSLOT, why);
		}
			ksnprintf(why, sizeof(why), "no %s holds this Portix "
				  "image (signature 0x%08x)",
				  (bi->disk.flags & PORTIX_BD_FLAG_CD) ? "CD" :
				  "disk or CD", bi->disk.signature);
		return give_up(ERR_NODEV, why);
	}
	disk = boot.image;
	base = boot.base;
	/* Two drives hold this very image and nothing tells which one the
	   BIOS read: writing to the wrong one would lose data.  */
	if (boot.tie)
		kprintf("fs: %s and %s both hold this Portix image (signature "
			"0x%08x): neither is written to\n", boot.drive->name,
			boot.tie->name, bi->disk.signature);
	n = mbr_scan(disk, base, parts, MAX_PARTS);
	if (n < 0) {
		char why[sizeof(root_error)];

		if (n == ERR_NOTABLE)
			ksnprintf(why, sizeof(why), "%s: %s", disk->name,
				  error_message(n));
		else
			ksnprintf(why, sizeof(why), "%s: cannot read the "
				  "partition table: %s", disk->name,
				  error_message(n));
		return give_up(n, why);
	}
	for (i = 0; i < n && !part; i++)
		if (mbr_type_is_fat(parts[i]->part_type))
			part = parts[i];
	if (!part)
		return give_up(ERR_NOFS, "no FAT partition");
	rdonly = part->rdonly || boot.tie;

	memset(&dev, 0, sizeof(dev));
	dev.ctx = part;
	dev.read = dev_read;
	dev.write = dev_write;
	dev.flush = dev_flush;
	dev.now = dev_now;
	dev.sector_count = part->sectors;
	err = fat_mount(&root_vol, &dev, rdonly ? FAT_MOUNT_RDONLY : 0);
	damage = fat_mount_damage(&root_vol);
	if (!err && !damage && !rdonly)
		err = fs_check_at_mount(&root_vol, &dev, &damage);
	if (err) {
		char why[sizeof(root_error)];

		err = fs_error(err);
		ksnprintf(why, sizeof(why), "%s: %s", part->name,
			  error_message(err));
		return give_up(err, why);
	}
	root_dev = part;
	mounted = true;
	root_error[0] = '\0';
	/* The type only: fat_statfs would count the free clusters, which
	   waits for df or the first write.  */
	kprintf("fs: / is %s (FAT%u, %llu KiB, %s)\n", part->name,
		root_vol.type,
		(unsigned long long)(part->sectors / 2),
		rdonly || damage ? "read-only" : "read-write");
	if (damage)
		kprintf("fs: / is damaged (%s): mounted read-only; "
			"\"check\" lists the problems\n", damage);
	return 0;
}

struct fat_volume *fs_root(void)
{
	return mounted ? &root_vol : NULL;
}

struct blkdev *fs_root_dev(void)
{
	return mounted ? root_dev : NULL;
}

const char *fs_root_error(void)
{
	return root_error;
}

int fs_sync(void)
{
	return mounted ? fs_error(fat_sync(&root_vol)) : 0;
}
