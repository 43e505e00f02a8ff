/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* block.h - block devices: 512-byte sector I/O on disks, CD drives and
   views (partitions, an image inside a CD) of them.

   Layers: file systems (fs/) sit above and reach the hardware only
   through blk_read/blk_write/blk_flush; below are the drivers
   (drivers/ata.h, ...), reached through each drive's struct blk_ops
   (block/drives.c fills them in).  A view adds its start to every LBA
   and hands the request to its parent, so a partition of a partition
   works.  A CD (2048-byte sectors) is offered as a read-only device of
   512-byte sectors.  Every drive records where it is (struct
   blk_location: controller, PCI function, port, unit), so the boot
   disk can be told from others and lsblk can say where each one is.

   Call order:
     blk_init()            after the drivers' init (block/drives.c): one
                           device per drive, named hd0, hd1, ... and
                           cd0, cd1, ..., in blk_init's driver order
     blk_add_view(...)     partitions (block/mbr.c) and other views
     blk_count/blk_get/blk_find   walk or look up devices
   Devices live in a fixed table for the kernel's lifetime; pointers
   to them stay valid.  Concurrency: none.

   Return values: 0, or a negative enum kerror (lib/error.h): the
   driver's code unchanged (ERR_MEDIA, ERR_TIMEDOUT ...), or the block
   layer's own ERR_RANGE (LBA or count outside the device, or a zero
   count) and ERR_ROFS (write to a read-only device).  */

#ifndef BLOCK_BLOCK_H
#define BLOCK_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BLK_SECTOR_SIZE	512
#define BLK_MAX_DEVS	16
#define BLK_NAME_MAX	12

enum blk_kind {
	BLK_DISK,		/* an ATA disk */
	BLK_CDROM,		/* an ATAPI drive, read in 512-byte pieces */
	BLK_VIEW,		/* a range of another device */
};

/* The kind of controller a drive hangs off.  */
enum blk_controller {
	BLK_CTRL_NONE,		/* a view: see its parent */
	BLK_CTRL_IDE,		/* ATA task-file ports (PCI IDE or legacy) */
	BLK_CTRL_AHCI,		/* a SATA port of an AHCI HBA */
	BLK_CTRL_VIRTIO,	/* a virtio block device */
};

/* Where a drive is, as firmware (EDD device paths) and users speak of
   it.  */
struct blk_location {
	enum blk_controller controller;
	bool pci;		/* the controller is a PCI function ... */
	uint8_t bus, dev, fn;	/* ... at this address */
	uint8_t port;		/* IDE channel (0 primary), AHCI port, 0 */
	uint8_t unit;		/* IDE 0 master/1 slave, port multiplier port */
};

/* How the block layer reaches one drive.  DRIVE is the driver's own
   pointer; LBA and COUNT are in the drive's sectors (512 bytes for a
   disk, 2048 for a CD).  Each returns 0 or the driver's negative enum
   kerror, which the block layer passes on unchanged.  write and flush are NULL for a
   read-only drive.  */
struct blk_ops {
	int (*read)(void *drive, uint64_t lba, uint32_t count, void *buf);
	int (*write)(void *drive, uint64_t lba, uint32_t count,
		     const void *buf);
	int (*flush)(void *drive);
};

#define BLK_MODEL_MAX	41

struct blkdev {
	char name[BLK_NAME_MAX];
	enum blk_kind kind;
	uint64_t sectors;	/* 512-byte sectors */
	bool rdonly;
	/* BLK_DISK, BLK_CDROM: */
	const struct blk_ops *ops;
	void *drive;			/* the driver's handle, for OPS */
	struct blk_location loc;
	char model[BLK_MODEL_MAX];	/* as the drive names itself */
	bool lba48;			/* ATA 48-bit addressing */
	/* BLK_VIEW: */
	struct blkdev *parent;
	uint64_t start;			/* first sector in parent */
	uint8_t part_type;		/* MBR type, 0 if none */
};

/* Register one device per drive the drivers found (block/drives.c).
   Returns how many devices there are.  */
int blk_init(void);

/* Register a drive of KIND (BLK_DISK or BLK_CDROM), reached through
   OPS with DRIVE, and name it (hd0.., cd0..).  The caller fills in
   sectors, loc, model and lba48; a CD is read-only.  Returns the new
   device, or NULL when the table is full.  */
struct blkdev *blk_add_drive(enum blk_kind kind, const struct blk_ops *ops,
			     void *drive);

/* Register a view of SECTORS sectors at START of PARENT, called NAME,
   with MBR type TYPE (0: none).  The view is read-only if PARENT is.
   Returns the new device, or NULL (table full, range outside PARENT).  */
struct blkdev *blk_add_view(struct blkdev *parent, const char *name,
			    uint64_t start, uint64_t sectors, uint8_t type);

int blk_read(struct blkdev *b, uint64_t lba, uint32_t count, void *buf);
int blk_write(struct blkdev *b, uint64_t lba, uint32_t count,
	      const void *buf);
/* Make every write so far durable (the drive's cache is flushed).  */
int blk_flush(struct blkdev *b);

int blk_count(void);
struct blkdev *blk_get(int i);
struct blkdev *blk_find(const char *name);
/* The disk or CD under B (B itself when it is one).  */
struct blkdev *blk_root(struct blkdev *b);

/* The controller's short name: "ide", "ahci", "virtio" ("" for none).  */
const char *blk_controller_name(enum blk_controller c);

/* LOC in words into BUF (SIZE bytes, cut to fit): "ide 00:01.1
   primary master", "ahci 00:1f.2 port 0", "virtio 00:04.0".  */
void blk_location_str(const struct blk_location *loc, char *buf,
		      size_t size);

#endif /* BLOCK_BLOCK_H */
