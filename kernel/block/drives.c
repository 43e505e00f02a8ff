/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* drives.c - blk_init: every drive the drivers found, registered with
   the block layer, and the blk_ops through which the block layer calls
   each driver.  The order here is the order of hd0, hd1, ... and cd0,
   cd1, ...: the legacy IDE drives first, then AHCI ones.

   Receives: each driver's init has run (kmain).  Leaves: one blkdev
   per drive, with its size, model and location filled in.  */

#include <stddef.h>
#include <stdint.h>

#include "block/block.h"
#include "drivers/ahci.h"
#include "drivers/ata.h"
#include "drivers/virtio-blk.h"
#include "lib/error.h"
#include "lib/string.h"

_Static_assert(BLK_MODEL_MAX >= ATA_MODEL_MAX,
	       "a blkdev's model holds an ATA drive's");

/* A CD's size in the block layer's 512-byte sectors.  */
static uint64_t cd_blk_sectors(uint32_t cd_sectors)
{
	return (uint64_t)cd_sectors * (ATAPI_SECTOR_SIZE / BLK_SECTOR_SIZE);
}

static int ata_disk_read(void *d, uint64_t lba, uint32_t count, void *buf)
{
	return ata_read(d, lba, count, buf);
}

static int ata_disk_write(void *d, uint64_t lba, uint32_t count,
			  const void *buf)
{
	return ata_write(d, lba, count, buf);
}

static int ata_disk_flush(void *d)
{
	return ata_flush(d);
}

static int ata_cd_read(void *d, uint64_t lba, uint32_t count, void *buf)
{
	if (lba > UINT32_MAX)
		return ERR_INVAL;
	return atapi_read(d, (uint32_t)lba, count, buf);
}

static const struct blk_ops ata_disk_ops = {
	.read = ata_disk_read,
	.write = ata_disk_write,
	.flush = ata_disk_flush,
};

static const struct blk_ops ata_cd_ops = {
	.read = ata_cd_read,
};

static void add_ata_drives(void)
{
	struct ata_drive *d;
	struct blkdev *b;
	uint32_t cd_sectors;
	int i;

	for (i = 0; (d = ata_drive(i)); i++) {
		b = blk_add_drive(d->atapi ? BLK_CDROM : BLK_DISK,
				  d->atapi ? &ata_cd_ops : &ata_disk_ops, d);
		if (!b)
			return;
		if (!d->atapi)
			b->sectors = d->sectors;
		/* A CD drive without a medium: size 0, every read is out
		   of range.  */
		else if (!atapi_capacity(d, &cd_sectors))
			b->sectors = cd_blk_sectors(cd_sectors);
		b->loc.controller = BLK_CTRL_IDE;
		b->loc.pci = d->pci;
		b->loc.bus = d->bus;
		b->loc.dev = d->dev;
		b->loc.fn = d->fn;
		b->loc.port = d->channel;
		b->loc.unit = d->slave;
		b->lba48 = d->lba48;
		memcpy(b->model, d->model, sizeof(d->model));
	}
}

static int ahci_disk_read(void *d, uint64_t lba, uint32_t count, void *buf)
{
	return ahci_read(d, lba, count, buf);
}

static int ahci_disk_write(void *d, uint64_t lba, uint32_t count,
			   const void *buf)
{
	return ahci_write(d, lba, count, buf);
}

static int ahci_disk_flush(void *d)
{
	return ahci_flush(d);
}

static int ahci_cd_read(void *d, uint64_t lba, uint32_t count, void *buf)
{
	if (lba > UINT32_MAX)
		return ERR_INVAL;
	return ahci_atapi_read(d, (uint32_t)lba, count, buf);
}

static const struct blk_ops ahci_disk_ops = {
	.read = ahci_disk_read,
	.write = ahci_disk_write,
	.flush = ahci_disk_flush,
};

static const struct blk_ops ahci_cd_ops = {
	.read = ahci_cd_read,
};

static void add_ahci_drives(void)
{
	struct ahci_drive *d;
	struct blkdev *b;
	uint32_t cd_sectors;
	int i;

	for (i = 0; (d = ahci_drive(i)); i++) {
		b = blk_add_drive(d->atapi ? BLK_CDROM : BLK_DISK,
				  d->atapi ? &ahci_cd_ops : &ahci_disk_ops, d);
		if (!b)
			return;
		if (!d->atapi)
			b->sectors = d->sectors;
		else if (!ahci_atapi_capacity(d, &cd_sectors))
			b->sectors = cd_blk_sectors(cd_sectors);
		b->loc.controller = BLK_CTRL_AHCI;
		b->loc.pci = true;
		ahci_drive_pci(d, &b->loc.bus, &b->loc.dev, &b->loc.fn);
		b->loc.port = d->port;
		b->lba48 = d->lba48;
		memcpy(b->model, d->model, sizeof(d->model));
	}
}

static int virtio_disk_read(void *v, uint64_t lba, uint32_t count,
			    void *buf)
{
	return virtio_blk_read(v, lba, count, buf);
}

static int virtio_disk_write(void *v, uint64_t lba, uint32_t count,
			     const void *buf)
{
	return virtio_blk_write(v, lba, count, buf);
}

static int virtio_disk_flush(void *v)
{
	return virtio_blk_flush(v);
}

static const struct blk_ops virtio_disk_ops = {
	.read = virtio_disk_read,
	.write = virtio_disk_write,
	.flush = virtio_disk_flush,
};

static const struct blk_ops virtio_rdonly_ops = {
	.read = virtio_disk_read,
};

static void add_virtio_drives(void)
{
	struct virtio_blk *v;
	struct blkdev *b;
	int i;

	for (i = 0; (v = virtio_blk_device(i)); i++) {
		b = blk_add_drive(BLK_DISK, v->rdonly ? &virtio_rdonly_ops :
				  &virtio_disk_ops, v);
		if (!b)
			return;
		b->sectors = v->sectors;
		b->rdonly = v->rdonly;
		b->loc.controller = BLK_CTRL_VIRTIO;
		b->loc.pci = true;
		b->loc.bus = v->bus;
		b->loc.dev = v->dev;
		b->loc.fn = v->fn;
		strlcpy(b->model, "virtio block device", sizeof(b->model));
	}
}

int blk_init(void)
{
	add_ata_drives();
	add_ahci_drives();
	add_virtio_drives();
	return blk_count();
}
