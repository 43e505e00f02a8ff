/* block.c - the block device table and its I/O: disks and CDs go to
   the ATA driver, views to their parent.  See block.h.

   State: the device table (filled by blk_init and blk_add_view, never
   shrunk) and one 2048-byte buffer that holds the CD sector read last,
   so reading a CD in 512-byte pieces costs one command per 2048 bytes.  */

#include <stddef.h>
#include <stdint.h>

#include "block/block.h"
#include "drivers/ata.h"
#include "lib/printf.h"
#include "lib/string.h"

static struct blkdev devs[BLK_MAX_DEVS];
static int ndevs;

/* The last CD sector read: whose, which, and whether valid.  */
static struct {
	struct ata_drive *drive;
	uint32_t lba;
	bool valid;
	uint8_t data[ATAPI_SECTOR_SIZE];
} cd_buf;

static struct blkdev *new_dev(void)
{
	struct blkdev *b;

	if (ndevs == BLK_MAX_DEVS)
		return NULL;
	b = &devs[ndevs++];
	memset(b, 0, sizeof(*b));
	return b;
}

int blk_init(void)
{
	struct ata_drive *d;
	struct blkdev *b;
	uint32_t cd_sectors;
	int i, disks = 0, cds = 0;

	for (i = 0; i < ata_drive_count(); i++) {
		d = ata_drive(i);
		b = new_dev();
		if (!b)
			break;
		b->drive = d;
		if (d->atapi) {
			b->kind = BLK_CDROM;
			b->rdonly = true;
			/* No medium: size 0, every read is out of range.  */
			if (!atapi_capacity(d, &cd_sectors))
				b->sectors = (uint64_t)cd_sectors *
					     (ATAPI_SECTOR_SIZE /
					      BLK_SECTOR_SIZE);
			ksnprintf(b->name, sizeof(b->name), "cd%d", cds++);
		} else {
			b->kind = BLK_DISK;
			b->sectors = d->sectors;
			ksnprintf(b->name, sizeof(b->name), "hd%d", disks++);
		}
	}
	return ndevs;
}

struct blkdev *blk_add_view(struct blkdev *parent, const char *name,
			    uint64_t start, uint64_t sectors, uint8_t type)
{
	struct blkdev *b;

	if (!parent || !sectors || start >= parent->sectors ||
	    sectors > parent->sectors - start)
		return NULL;
	b = new_dev();
	if (!b)
		return NULL;
	strlcpy(b->name, name, sizeof(b->name));
	b->kind = BLK_VIEW;
	b->parent = parent;
	b->start = start;
	b->sectors = sectors;
	b->rdonly = parent->rdonly;
	b->part_type = type;
	return b;
}

/* 512-byte reads from a CD through the one-sector buffer.  */
static int cd_read(struct blkdev *b, uint64_t lba, uint32_t count,
		   uint8_t *buf)
{
	const uint32_t per = ATAPI_SECTOR_SIZE / BLK_SECTOR_SIZE;
	uint32_t cd_lba, off, n;
	int err;

	while (count) {
		cd_lba = (uint32_t)(lba / per);
		off = (uint32_t)(lba % per);
		/* Whole CD sectors go straight into the caller's buffer.  */
		if (!off && count >= per) {
			n = count / per;
			err = atapi_read(b->drive, cd_lba, n, buf);
			if (err)
				return BLK_EIO;
			n *= per;
		} else {
			if (!cd_buf.valid || cd_buf.drive != b->drive ||
			    cd_buf.lba != cd_lba) {
				cd_buf.valid = false;
				err = atapi_read(b->drive, cd_lba, 1,
						 cd_buf.data);
				if (err)
					return BLK_EIO;
				cd_buf.drive = b->drive;
				cd_buf.lba = cd_lba;
				cd_buf.valid = true;
			}
			n = per - off;
			if (n > count)
				n = count;
			memcpy(buf, cd_buf.data + off * BLK_SECTOR_SIZE,
			       n * BLK_SECTOR_SIZE);
		}
		buf += (uint64_t)n * BLK_SECTOR_SIZE;
		lba += n;
		count -= n;
	}
	return 0;
}

static int check(const struct blkdev *b, uint64_t lba, uint32_t count)
{
	if (!b || !count || lba >= b->sectors || count > b->sectors - lba)
		return BLK_ERANGE;
	return 0;
}

int blk_read(struct blkdev *b, uint64_t lba, uint32_t count, void *buf)
{
	int err = check(b, lba, count);

	if (err)
		return err;
	switch (b->kind) {
	case BLK_VIEW:
		return blk_read(b->parent, b->start + lba, count, buf);
	case BLK_CDROM:
		return cd_read(b, lba, count, buf);
	default:
		return ata_read(b->drive, lba, count, buf) ? BLK_EIO : 0;
	}
}

int blk_write(struct blkdev *b, uint64_t lba, uint32_t count,
	      const void *buf)
{
	int err = check(b, lba, count);

	if (err)
		return err;
	if (b->rdonly)
		return BLK_EROFS;
	if (b->kind == BLK_VIEW)
		return blk_write(b->parent, b->start + lba, count, buf);
	return ata_write(b->drive, lba, count, buf) ? BLK_EIO : 0;
}

int blk_flush(struct blkdev *b)
{
	b = blk_root(b);
	if (!b || b->rdonly)
		return 0;
	return ata_flush(b->drive) ? BLK_EIO : 0;
}

int blk_count(void)
{
	return ndevs;
}

struct blkdev *blk_get(int i)
{
	return i >= 0 && i < ndevs ? &devs[i] : NULL;
}

struct blkdev *blk_find(const char *name)
{
	int i;

	for (i = 0; i < ndevs; i++)
		if (!strcmp(devs[i].name, name))
			return &devs[i];
	return NULL;
}

struct blkdev *blk_root(struct blkdev *b)
{
	while (b && b->kind == BLK_VIEW)
		b = b->parent;
	return b;
}

const char *blk_strerror(int code)
{
	switch (code) {
	case 0:
		return "success";
	case BLK_EIO:
		return "I/O error";
	case BLK_ERANGE:
		return "sector out of range";
	case BLK_EROFS:
		return "read-only device";
	case BLK_ENOSPC:
		return "too many block devices";
	default:
		return "unknown error";
	}
}
