/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* mount.h - the root file system: find the boot volume and mount it on
   "/".

   Layers: the shell (shell/cmd-fs.c) and fs/path.c sit above; below
   are the FAT library (<portix/fat.h>) and the block layer
   (block/block.h, block/bootdisk.h, block/mbr.h), which this module
   joins: it hands the FAT library a struct fat_blockdev whose
   callbacks go to a partition's struct blkdev.

   Call order:
     fs_mount_root()   once at boot, after blk_init(): finds the boot
                       drive (block/bootdisk.h: the disk or CD whose
                       image has the boot info's disk signature),
                       registers its partitions and mounts the first FAT
                       one on "/" (read-only from a CD, or when two
                       drives hold the same image, or when the volume is
                       found damaged: one more "fs:" line says how).
                       Never fails hard: without a root, fs_root() is
                       NULL and fs_root_error() says why.
     fs_root(), fs_root_dev(), fs_sync() ...
   State: one volume; one shell, no locks.  */

#ifndef FS_MOUNT_H
#define FS_MOUNT_H

#include <portix/fat.h>

struct blkdev;

/* Mount "/" at boot and print one "fs:" line saying what happened.
   Returns 0 or a negative enum kerror (the reason in words is in
   fs_root_error()).  */
int fs_mount_root(void);

/* The root volume, or NULL when nothing is mounted.  */
struct fat_volume *fs_root(void);
/* The partition under "/", or NULL.  */
struct blkdev *fs_root_dev(void);
/* Why "/" is not mounted ("" when it is).  */
const char *fs_root_error(void);

/* fat_sync on the root: everything written reaches the disk, whose
   cache is flushed.  Returns 0 or an enum kerror; 0 when unmounted.  */
int fs_sync(void);

/* The enum kerror (lib/error.h) for what a FAT library call on the
   root volume returned: FAT_EIO becomes the block layer's code for the
   failed read, write or flush (ERR_MEDIA, ERR_TIMEDOUT ...), every
   other FAT_E* its own kernel code; 0 and counts pass unchanged.  The
   one place the two vocabularies meet.  */
int fs_error(int fat_code);

#endif /* FS_MOUNT_H */
