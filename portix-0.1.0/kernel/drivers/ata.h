/* ata.h - ATA/ATAPI disks on the legacy IDE ports, by polled PIO.

   Layers: the block layer (block/block.h) sits above and wraps each
   drive in a struct blkdev; below are the I/O ports (arch/x86_64/io.h)
   and the PIT (timer_poll bounds every wait).  No interrupts: nIEN is set
   on both channels and every command is polled.

   Call order:
     ata_init()                 once, after pit_init(): probes the
                                primary (0x1F0) and secondary (0x170)
                                channels, master and slave, with
                                IDENTIFY / IDENTIFY PACKET DEVICE
     ata_drive(i), i < ata_drive_count()   the drives found
     ata_read / ata_write / ata_flush      ATA disks, 512-byte sectors
     atapi_read                 ATAPI (CD) drives, 2048-byte sectors
   Drives are numbered in probe order: primary master, primary slave,
   secondary master, secondary slave (absent ones are skipped).

   Return values: 0 on success, or one of the negative ATA_E* codes.
   Every wait is bounded by a timeout (ATA_TIMEOUT_MS), so a dead or
   missing drive costs time, never a hang.  Concurrency: none.  */

#ifndef DRIVERS_ATA_H
#define DRIVERS_ATA_H

#include <stdbool.h>
#include <stdint.h>

/* The drive set ERR in its status (the error register is kept).  */
#define ATA_EIO		(-1)
/* BSY or DRQ did not come (or go) in time.  */
#define ATA_ETIMEDOUT	(-2)
/* LBA, count or drive kind out of range for this call.  */
#define ATA_EINVAL	(-3)

#define ATA_MAX_DRIVES		4
#define ATA_SECTOR_SIZE		512
#define ATAPI_SECTOR_SIZE	2048
/* Longest wait for one step of a command (a disk spinning up).  */
#define ATA_TIMEOUT_MS		5000

struct ata_drive {
	uint16_t io;		/* command block base: 0x1F0 or 0x170 */
	uint16_t ctrl;		/* control block: 0x3F6 or 0x376 */
	uint8_t channel;	/* 0 primary, 1 secondary */
	uint8_t slave;		/* 0 master, 1 slave */
	bool atapi;		/* packet device (CD/DVD) */
	bool lba48;		/* 48-bit addressing supported */
	uint64_t sectors;	/* ATA: addressable sectors; ATAPI: 0 */
	char model[41];		/* from IDENTIFY, trailing spaces cut */
	uint8_t last_error;	/* error register after the last failure */
};

/* Probe both channels.  Returns the number of drives found.  */
int ata_init(void);

int ata_drive_count(void);
/* Drive I (0 <= I < ata_drive_count()), or NULL.  */
struct ata_drive *ata_drive(int i);

/* Read/write COUNT (>= 1) sectors at LBA.  LBA28 is used where it
   reaches, LBA48 beyond (when the drive has it).  Returns 0, ATA_EIO,
   ATA_ETIMEDOUT or ATA_EINVAL (ATAPI drive, range past the end).  */
int ata_read(struct ata_drive *d, uint64_t lba, uint32_t count, void *buf);
int ata_write(struct ata_drive *d, uint64_t lba, uint32_t count,
	      const void *buf);

/* FLUSH CACHE (EXT): call at the end of a write sequence, not after
   every sector.  Returns 0, ATA_EIO or ATA_ETIMEDOUT.  */
int ata_flush(struct ata_drive *d);

/* ATAPI: READ(10) of COUNT 2048-byte sectors at LBA.  Returns 0,
   ATA_EIO (also: no medium), ATA_ETIMEDOUT, ATA_EINVAL (not ATAPI).  */
int atapi_read(struct ata_drive *d, uint32_t lba, uint32_t count,
	       void *buf);

/* ATAPI: READ CAPACITY.  *SECTORS = last LBA + 1.  Returns as atapi_read.  */
int atapi_capacity(struct ata_drive *d, uint32_t *sectors);

/* A short English name for an ATA_E* code.  */
const char *ata_strerror(int code);

#endif /* DRIVERS_ATA_H */
