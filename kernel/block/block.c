/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* block.c - the block device table and its I/O: disks and CDs go to
   their driver's blk_ops, views to their parent.  See block.h.

   State: the device table (filled by blk_init and blk_add_view, never
   shrunk) and one 2048-byte buffer that holds the CD sector read last,
   so reading a CD in 512-byte pieces costs one command per 2048 bytes.  */

#include <stddef.h>
#include <stdint.h>

#include "block/block.h"
#include "kassert.h"
#include "lib/error.h"
#include "lib/printf.h"
#include "lib/string.h"

static struct blkdev devs[BLK_MAX_DEVS];
static int ndevs;

/* A CD's sector, the unit of its driver's read.  */
#define CD_SECTOR_SIZE	2048

/* The last CD sector read: whose, which, and whether valid.  */
static struct {
	const struct blkdev *dev;
	uint32_t lba;
	bool valid;
	uint8_t data[CD_SECTOR_SIZE];
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

struct blkdev *blk_add_drive(enum blk_kind kind, const struct blk_ops *ops,
			     void *drive)
{
	static int counts[2];	/* disks, CDs named so far */
	struct blkdev *b;
	bool cd = kind == BLK_CDROM;

	KASSERT(kind == BLK_DISK || kind == BLK_CDROM);
	KASSERT(ops && ops->read && (cd || (ops->write && ops->flush)));
	b = new_dev();
	if (!b)
		return NULL;
	b->kind = kind;
	b->ops = ops;
	b->drive = drive;
	b->rdonly = cd;
	ksnprintf(b->name, sizeof(b->name), cd ? "cd%d" : "hd%d",
		  counts[cd]++);
	return b;
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
	const uint32_t per = CD_SECTOR_SIZE / BLK_SECTOR_SIZE;
	uint32_t cd_lba, off, n;
	int err;

	while (count) {
		cd_lba = (uint32_t)(lba / per);
		off = (uint32_t)(lba % per);
		/* Whole CD sectors go straight into the caller's buffer.  */
		if (!off && count >= per) {
			n = count / per;
			err = b->ops->read(b->drive, cd_lba, n, buf);
			if (err)
				return err;
			n *= per;
		} else {
			if (!cd_buf.valid || cd_buf.dev != b ||
			    cd_buf.lba != cd_lba) {
				cd_buf.valid = false;
				err = b->ops->read(b->drive, cd_lba, 1,
						   cd_buf.data);
				if (err)
					return err;
				cd_buf.dev = b;
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
		return ERR_RANGE;
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
		return b->ops->read(b->drive, lba, count, buf);
	}
}

int blk_write(struct blkdev *b, uint64_t lba, uint32_t count,
	      const void *buf)
{
	int err = check(b, lba, count);

	if (err)
		return err;
	if (b->rdonly)
		return ERR_ROFS;
	if (b->kind == BLK_VIEW)
		return blk_write(b->parent, b->start + lba, count, buf);
	return b->ops->write(b->drive, lba, count, buf);
}

int blk_flush(struct blkdev *b)
{
	b = blk_root(b);
	if (!b || b->rdonly)
		return 0;
	return b->ops->flush(b->drive);
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

const char *blk_controller_name(enum blk_controller c)
{
	switch (c) {
	case BLK_CTRL_IDE:
		return "ide";
	case BLK_CTRL_AHCI:
		return "ahci";
	case BLK_CTRL_VIRTIO:
		return "virtio";
	default:
		return "";
	}
}

void blk_location_str(const struct blk_location *loc, char *buf,
		      size_t size)
{
	static const char *const ide_names[4] = {
		"primary master", "primary slave",
		"secondary master", "secondary slave",
	};
	char pci[16] = "";
	size_t n;

	if (loc->pci)
		ksnprintf(pci, sizeof(pci), " %02x:%02x.%x", loc->bus,
			  loc->dev, loc->fn);
	n = (size_t)ksnprintf(buf, size, "%s%s",
			      blk_controller_name(loc->controller), pci);
	if (n >= size)
		return;
	switch (loc->controller) {
	case BLK_CTRL_IDE:
		if (loc->port < 2 && loc->unit < 2)
			ksnprintf(buf + n, size - n, " %s",
				  ide_names[loc->port * 2 + loc->unit]);
		break;
	case BLK_CTRL_AHCI:
		ksnprintf(buf + n, size - n, " port %u", loc->port);
		break;
	default:
		break;
	}
}
