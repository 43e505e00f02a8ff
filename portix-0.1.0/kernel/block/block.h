/* block.h - block devices: 512-byte sector I/O on disks, CD drives and
   views (partitions, an image inside a CD) of them.

   Layers: file systems (fs/) sit above and reach the hardware only
   through blk_read/blk_write/blk_flush; below are the drivers
   (drivers/ata.h).  A view adds its start to every LBA and hands the
   request to its parent, so a partition of a partition works.  A CD
   (2048-byte sectors) is offered as a read-only device of 512-byte
   sectors.

   Call order:
     blk_init()            after ata_init(): one device per drive,
                           named hd0, hd1, ... and cd0, cd1, ...
     blk_add_view(...)     partitions (fs/mbr.c) and other views
     blk_count/blk_get/blk_find   walk or look up devices
   Devices live in a fixed table for the kernel's lifetime; pointers
   to them stay valid.  Concurrency: none.

   Return values: 0, or a negative BLK_E* code.  */

#ifndef BLOCK_BLOCK_H
#define BLOCK_BLOCK_H

#include <stdbool.h>
#include <stdint.h>

#define BLK_SECTOR_SIZE	512
#define BLK_MAX_DEVS	16
#define BLK_NAME_MAX	12

/* The driver failed (timeout, drive error).  */
#define BLK_EIO		(-1)
/* LBA or count outside the device, or a zero count.  */
#define BLK_ERANGE	(-2)
/* Write to a read-only device.  */
#define BLK_EROFS	(-3)
/* The device table is full.  */
#define BLK_ENOSPC	(-4)

enum blk_kind {
	BLK_DISK,		/* an ATA disk */
	BLK_CDROM,		/* an ATAPI drive, read in 512-byte pieces */
	BLK_VIEW,		/* a range of another device */
};

struct ata_drive;

struct blkdev {
	char name[BLK_NAME_MAX];
	enum blk_kind kind;
	uint64_t sectors;	/* 512-byte sectors */
	bool rdonly;
	struct ata_drive *drive;	/* BLK_DISK, BLK_CDROM */
	struct blkdev *parent;		/* BLK_VIEW */
	uint64_t start;			/* BLK_VIEW: first sector in parent */
	uint8_t part_type;		/* BLK_VIEW: MBR type, 0 if none */
};

/* Register one device per ATA/ATAPI drive.  Returns how many.  */
int blk_init(void);

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

const char *blk_strerror(int code);

#endif /* BLOCK_BLOCK_H */
