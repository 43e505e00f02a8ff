/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* mbr.h - find the partitions of an MBR partition table and register
   each as a block device view (block/block.h).

   Layers: fs/mount.c calls this at boot; it reads through the block layer.
   The table is read at sector BASE of the disk and its LBAs are taken
   relative to BASE: a Portix image written at LBA 2048 of a bigger disk
   (boot-info base_lba) finds its own partitions, not the outer ones.  */

#ifndef BLOCK_MBR_H
#define BLOCK_MBR_H

#include <stdbool.h>
#include <stdint.h>

struct blkdev;

/* Read the table at sector BASE of DISK and register its primary
   partitions (types other than 0, non-empty, inside DISK) as views
   named DISK "p" N (N = 1..4, the slot).  PARTS (MAX entries) receives
   them in slot order.  Returns the number found, ERR_NOTABLE (no
   0x55AA at the end of the sector) or blk_read's error.  */
int mbr_scan(struct blkdev *disk, uint64_t base, struct blkdev **parts,
	     int max);

/* True for the MBR types of FAT16 and FAT32 (0x04, 0x06, 0x0B, 0x0C,
   0x0E).  */
bool mbr_type_is_fat(uint8_t type);

#endif /* BLOCK_MBR_H */
