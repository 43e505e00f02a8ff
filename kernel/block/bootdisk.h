/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* bootdisk.h - find the disk or CD the kernel was booted from, by the
   identity stage 2 passed in the boot info (struct portix_boot_disk).

   Layers: fs/mount.c calls this once at boot, after blk_init(); it reads
   through the block layer (block/block.h) and the El Torito catalog
   (block/eltorito.h), and compares each drive's struct blk_location with
   the BIOS's EDD device path.

   The rule, in order:
     1. the kind: a CD when stage 2 says the BIOS booted one (El
        Torito), a disk otherwise;
     2. the image: the sector at the base LBA (on a CD: at the El
        Torito image's start) is a Portix stage 1 followed by a stage 2
        header, and carries the disk signature stage 2 saw;
     3. the path, to tell apart drives that pass 2 (copies of one
        image): the EDD PCI function, channel and unit, or the El
        Torito drive position.
   Drives that still tie make the answer ambiguous: the caller must not
   write to any of them.  When the BIOS did not say it booted a CD and no
   disk matches, CDs are tried too (they are read-only).
   State: the drive chosen last, for bootdisk_drive().  */

#ifndef BLOCK_BOOTDISK_H
#define BLOCK_BOOTDISK_H

#include <stdbool.h>
#include <stdint.h>

struct blkdev;
struct portix_boot_disk;

struct bootdisk_match {
	/* The drive (BLK_DISK or BLK_CDROM), or NULL when none matched.  */
	struct blkdev *drive;
	/* The device holding the image: DRIVE itself, or a view of the
	   image inside the CD.  */
	struct blkdev *image;
	/* The image's LBA 0 on IMAGE.  */
	uint64_t base;
	/* Another drive matched as well as DRIVE: not safe to write.  */
	struct blkdev *tie;
};

/* Find the boot drive described by WANT, with the image at BASE_LBA of
   a disk.  Fills *M (M->drive NULL when nothing matched).  A CD's image
   is registered as the view "cdNi".  Returns the number of drives that
   hold a Portix image with WANT's signature of the right kind.  */
int bootdisk_find(const struct portix_boot_disk *want, uint64_t base_lba,
		  struct bootdisk_match *m);

/* The drive bootdisk_find chose last, or NULL when it found none or a
   tie (lsblk marks it).  */
struct blkdev *bootdisk_drive(void);

#endif /* BLOCK_BOOTDISK_H */
