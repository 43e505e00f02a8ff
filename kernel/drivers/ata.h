/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* ata.h - ATA/ATAPI disks on IDE channels, by polled PIO.

   Layers: the block layer (block/block.h) sits above and wraps each
   drive in a struct blkdev; below are the I/O ports (arch/x86_64/io.h)
   and the PIT (timer_poll bounds every wait).  No interrupts: nIEN is set
   on both channels and every command is polled.

   Call order:
     ata_init()                 once, after pit_init(): probes each
                                PCI IDE function's channels (class
                                01:01; native-mode ones at the ports
                                their BARs give, compatibility-mode
                                ones at 0x1F0 and 0x170), then legacy
                                ports no function claimed; master and
                                slave, with IDENTIFY / IDENTIFY PACKET
                                DEVICE
     ata_drive(i), i < ata_drive_count()   the drives found
     ata_read / ata_write / ata_flush      ATA disks, 512-byte sectors
     atapi_read                 ATAPI (CD) drives, 2048-byte sectors
   Drives are numbered in probe order: by PCI function, then primary
   master, primary slave, secondary master, secondary slave (absent
   ones are skipped).

   Return values: 0 on success, or a negative enum kerror (lib/error.h):
   ERR_TIMEDOUT, ERR_INVAL (a request this drive cannot take), or what
   the drive's status and error registers say (ata_error in
   drivers/atacmd.h: ERR_MEDIA, ERR_ABORTED, ERR_NOTREADY ...).
   Every wait is bounded by a timeout (ATA_TIMEOUT_MS), so a dead or
   missing drive costs time, never a hang.  Concurrency: none.  */

#ifndef DRIVERS_ATA_H
#define DRIVERS_ATA_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/atacmd.h"

#define ATA_MAX_CHANNELS	4
#define ATA_MAX_DRIVES		(2 * ATA_MAX_CHANNELS)
/* Longest wait for one step of a command (a disk spinning up).  */
#define ATA_TIMEOUT_MS		5000

struct ata_drive {
	uint16_t io;		/* command block base: 0x1F0, 0x170, a BAR */
	uint16_t ctrl;		/* device control: 0x3F6, 0x376, a BAR + 2 */
	uint8_t chan;		/* index of the channel in ata.c's table */
	uint8_t channel;	/* 0 primary, 1 secondary */
	uint8_t slave;		/* 0 master, 1 slave */
	bool pci;		/* the ports are a PCI IDE function's ... */
	uint8_t bus, dev, fn;	/* ... at this address */
	bool atapi;		/* packet device (CD/DVD) */
	bool lba48;		/* 48-bit addressing supported */
	uint64_t sectors;	/* ATA: addressable sectors; ATAPI: 0 */
	uint8_t multiple;	/* sectors per DRQ block with READ/WRITE
				   MULTIPLE, 0 if not in use */
	char model[ATA_MODEL_MAX];	/* from IDENTIFY */
	uint8_t last_error;	/* error register after the last failure */
};

/* Probe every channel.  Returns the number of drives found.  */
int ata_init(void);

int ata_drive_count(void);
/* Drive I (0 <= I < ata_drive_count()), or NULL.  */
struct ata_drive *ata_drive(int i);

/* Read/write COUNT (>= 1) sectors at LBA.  LBA28 is used where it
   reaches, LBA48 beyond (when the drive has it).  Returns 0, the
   drive's error, ERR_TIMEDOUT or ERR_INVAL (ATAPI drive, range past the
   end).  */
int ata_read(struct ata_drive *d, uint64_t lba, uint32_t count, void *buf);
int ata_write(struct ata_drive *d, uint64_t lba, uint32_t count,
	      const void *buf);

/* FLUSH CACHE (EXT): call at the end of a write sequence, not after
   every sector.  Returns 0, the drive's error or ERR_TIMEDOUT.  */
int ata_flush(struct ata_drive *d);

/* ATAPI: READ(10) of COUNT 2048-byte sectors at LBA.  Returns 0, the
   drive's error (ERR_NOTREADY: no medium), ERR_TIMEDOUT, ERR_INVAL (not
   ATAPI).  */
int atapi_read(struct ata_drive *d, uint32_t lba, uint32_t count,
	       void *buf);

/* ATAPI: READ CAPACITY.  *SECTORS = last LBA + 1.  Returns as atapi_read.  */
int atapi_capacity(struct ata_drive *d, uint32_t *sectors);

#endif /* DRIVERS_ATA_H */
