/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fscheck.h - checking the root volume: at mount, and for the shell's
   "check" command.

   Layers: fs/mount.c and shell/cmd-fs.c call this; it calls the
   FAT library's fat_check with a bitmap from the kernel heap.

   The library's own mount makes the cheap checks (FAT copies, FSInfo,
   the FAT32 root chain).  At boot the kernel can afford the whole
   structural check as well: a volume where a write could destroy data
   still readable (a chain broken or shared, a wrong "." or "..") is
   then mounted read-only.  Problems a write cannot make worse (clusters
   owned by nothing, sizes shorter than their chains, a stale free
   count, long-name slots, names) leave it writable.  */

#ifndef FS_FSCHECK_H
#define FS_FSCHECK_H

#include <stdbool.h>
#include <stddef.h>

#include <portix/fat.h>

/* Largest bitmap taken from the heap: volumes of up to 32 Mi clusters
   are checked.  */
#define FS_CHECK_BITMAP_MAX	(4u << 20)
/* The check at mount reads every FAT copy and the directory tree; it
   is made for volumes of up to 256 Ki clusters (a FAT of at most 1 MiB:
   every FAT16 volume, FAT32 up to 1 GiB in 4 KiB clusters), so that a
   boot never reads megabytes of FAT.  */
#define FS_CHECK_AT_MOUNT_CLUSTERS	(256u << 10)

/* fat_check over VOL with FLAGS and REPORT/CTX, its bitmap from the
   heap.  Returns what fat_check returns, or FAT_ENOSPC when the bitmap
   would be larger than FS_CHECK_BITMAP_MAX or the heap has no room.  */
int fs_check(struct fat_volume *vol, unsigned flags,
	     fat_check_report *report, void *ctx);

/* One problem as "PATH: what (name A, name B)", into BUF of SIZE
   bytes.  */
void fs_check_describe(const struct fat_problem *p, char *buf,
		       size_t size);

/* True for the problems that make a read-write mount unsafe.  */
bool fs_check_unsafe(unsigned kind);

/* At mount: check VOL, mounted read-write over DEV, if it has at most
   FS_CHECK_AT_MOUNT_CLUSTERS clusters (else say so); when it is unsafe,
   mount it again read-only and point *WHY at what was found, for the
   boot message (else *WHY is NULL).  Returns 0, or the read-only
   mount's error (VOL is then unmounted).  */
int fs_check_at_mount(struct fat_volume *vol,
		      const struct fat_blockdev *dev, const char **why);

#endif /* FS_FSCHECK_H */
