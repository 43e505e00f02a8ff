/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* eltorito.h - find the hard-disk image an El Torito CD boots from.

   Layers: fs/mount.c calls this when the kernel was booted from a CD; it
   reads the CD through the block layer (512-byte sectors).  */

#ifndef BLOCK_ELTORITO_H
#define BLOCK_ELTORITO_H

#include <stdint.h>

struct blkdev;

/* Read the boot catalog of CD and set *START to the 512-byte sector
   where the initial entry's emulated hard disk begins (its load RBA
   times 4).  Returns 0, ERR_NOBOOTCAT (no Boot Record Volume
   Descriptor, or a malformed boot catalog), ERR_NOTHDIMAGE (the initial
   entry is not a bootable hard-disk emulation image) or blk_read's
   error.  */
int eltorito_find_hd_image(struct blkdev *cd, uint64_t *start);

#endif /* BLOCK_ELTORITO_H */
