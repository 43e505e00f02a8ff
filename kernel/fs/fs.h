/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fs.h - the mounted root file system, the current directory and path
   names, for the shell.

   Layers: the shell (shell/cmd-fs.c) sits above; below are the FAT
   library (<portix/fat.h>) and the block layer (block/block.h), which
   this module joins: it hands the FAT library a struct fat_blockdev
   whose callbacks go to a partition's struct blkdev.

   Call order:
     fs_mount_root()   once at boot, after blk_init(): finds the boot
                       drive (fs/bootdisk.h: the disk or CD whose image
                       has the boot info's disk signature), registers
                       its partitions and mounts the first FAT one on
                       "/" (read-only from a CD, or when two drives
                       hold the same image, or when the volume is found
                       damaged: one more "fs:" line says how).  Never
                       fails hard: without a root,
                       fs_root() is NULL and fs_root_error() says why.
     fs_root(), fs_path(), fs_chdir(), fs_sync() ...
   State: one volume and the current directory; one shell, no locks.  */

#ifndef FS_FS_H
#define FS_FS_H

#include <stddef.h>

#include <portix/fat.h>

struct blkdev;

/* Longest absolute path fs_path produces, with its NUL.  */
#define FS_PATH_MAX	1024

/* Mount "/" at boot and print one "fs:" line saying what happened.
   Returns 0 or a negative code (the reason is in fs_root_error()).  */
int fs_mount_root(void);

/* The root volume, or NULL when nothing is mounted.  */
struct fat_volume *fs_root(void);
/* The partition under "/", or NULL.  */
struct blkdev *fs_root_dev(void);
/* Why "/" is not mounted ("" when it is).  */
const char *fs_root_error(void);

/* Make PATH absolute (relative ones start at the current directory)
   and normal: no ".", "..", empty components or trailing '/'.  ".."
   of "/" is "/".  Writes at most SIZE bytes to OUT.  Returns 0, or
   FAT_ENAMETOOLONG when the result does not fit.  */
int fs_path(const char *path, char *out, size_t size);

/* The current directory, absolute and normal ("/" at boot).  */
const char *fs_cwd(void);
/* Change it to PATH, which must be a directory.  Returns 0, FAT_EINVAL
   (nothing mounted), or a fat_stat code / FAT_ENOTDIR.  */
int fs_chdir(const char *path);

/* fat_sync on the root: everything written reaches the disk, whose
   cache is flushed.  Returns 0 or a FAT_E* code; 0 when unmounted.  */
int fs_sync(void);

#endif /* FS_FS_H */
