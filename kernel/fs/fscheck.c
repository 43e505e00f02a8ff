/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fscheck.c - checking the root volume (see fscheck.h).

   State: the text of the first unsafe problem found at mount.  */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <portix/fat.h>

#include "fs/fscheck.h"
#include "fs/mount.h"
#include "lib/error.h"
#include "lib/printf.h"
#include "mm/heap.h"

static char found[160];

int fs_check(struct fat_volume *vol, unsigned flags,
	     fat_check_report *report, void *ctx)
{
	size_t bytes = fat_check_bitmap_bytes(vol);
	uint8_t *bitmap;
	int r;

	if (bytes == 0)
		return FAT_EINVAL;
	if (bytes > FS_CHECK_BITMAP_MAX)
		return FAT_ENOSPC;
	bitmap = kmalloc(bytes);
	if (!bitmap)
		return FAT_ENOSPC;
	r = fat_check(vol, bitmap, bytes, flags, report, ctx);
	kfree(bitmap);
	return r;
}

void fs_check_describe(const struct fat_problem *p, char *buf,
		       size_t size)
{
	const char *what = fat_check_text(p->kind);
	const char *a = fat_check_label(p->kind, 0);
	const char *b = fat_check_label(p->kind, 1);

	if (a && b)
		ksnprintf(buf, size, "%s: %s (%s %u, %s %u)", p->path, what,
			  a, p->a, b, p->b);
	else if (a)
		ksnprintf(buf, size, "%s: %s (%s %u)", p->path, what, a,
			  p->a);
	else
		ksnprintf(buf, size, "%s: %s", p->path, what);
}

bool fs_check_unsafe(unsigned kind)
{
	switch (kind) {
	case FAT_CHECK_FAT_COPIES:
	case FAT_CHECK_CHAIN:
	case FAT_CHECK_SHARED:
	case FAT_CHECK_DOTS:
	case FAT_CHECK_FREE_OWNED:
	case FAT_CHECK_FSINFO:
		return true;
	default:
		return false;
	}
}

/* Count the unsafe problems; describe the first.  */
static void note_unsafe(void *ctx, const struct fat_problem *p)
{
	unsigned *unsafe = ctx;

	if (!fs_check_unsafe(p->kind))
		return;
	if ((*unsafe)++ == 0)
		fs_check_describe(p, found, sizeof(found));
}

int fs_check_at_mount(struct fat_volume *vol,
		      const struct fat_blockdev *dev, const char **why)
{
	unsigned unsafe = 0;
	int r;

	*why = NULL;
	if (fat_check_bitmap_bytes(vol) > FS_CHECK_AT_MOUNT_CLUSTERS / 8) {
		kprintf("fs: / is too large to check at mount; "
			"\"check\" checks it\n");
		return 0;
	}
	r = fs_check(vol, 0, note_unsafe, &unsafe);
	if (r == FAT_ENOSPC || (r >= 0 && unsafe == 0))
		return 0;
	if (r < 0)
		ksnprintf(found, sizeof(found), "checking it failed: %s",
			  error_message(fs_error(r)));
	*why = found;
	fat_unmount(vol);
	return fat_mount(vol, dev, FAT_MOUNT_RDONLY);
}
