/* cmd-blk.c - lsblk: the drives and partitions the block layer knows.

   Layers: the shell calls it; it reads block/block.h's table and the
   ATA drive behind each device, and fs/fs.h for what is mounted.  */

#include <stddef.h>
#include <stdint.h>

#include "block/block.h"
#include "drivers/ata.h"
#include "fs/fs.h"
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

static const char *channel_name(const struct ata_drive *d)
{
	static const char *const names[4] = {
		"primary master", "primary slave",
		"secondary master", "secondary slave",
	};

	return names[d->channel * 2 + d->slave];
}

int cmd_lsblk(int argc, char **argv)
{
	const struct blkdev *b, *root;
	char size[24];
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
		else
			kprintf("%s, %s%s%s", b->drive->model,
				channel_name(b->drive),
				b->drive->lba48 ? ", LBA48" : "",
				b->kind == BLK_CDROM && !b->sectors ?
				", no medium" : "");
		kprintf("\n");
	}
	if (!blk_count())
		kprintf("(no drives found)\n");
	return 0;
}
