/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* ahci.h - SATA disks and ATAPI drives behind AHCI host bus adapters,
   by DMA through command lists and PRD tables, polled.

   Layers: the block layer (block/block.h, through block/drives.c) sits
   above and wraps each drive in a struct blkdev, exactly as it wraps
   IDE drives; below are PCI (drivers/pci.h: any function of class
   01:06:01, whatever its vendor), the HBA's registers mapped with
   paging_map_mmio(), frames from the frame allocator for the command
   list, received FISes, command table and data, and the PIT
   (timer_poll bounds every wait).  The HBA never interrupts (GHC.IE
   and every PxIE are clear): each command is polled to completion.
   The driver is ahci.c (controllers, ports, recovery) and ahci-cmd.c
   (commands), which share ahci-hw.h.

   Call order:
     ahci_init()                once, after paging_init() and
                                pit_start(): takes each controller
                                from the BIOS, enables AHCI mode,
                                starts every port with a device and
                                identifies it (IDENTIFY / IDENTIFY
                                PACKET DEVICE)
     ahci_drive(i), i < ahci_drive_count()   the drives found
     ahci_read / ahci_write / ahci_flush     disks, 512-byte sectors
     ahci_atapi_read / ahci_atapi_capacity   CD drives, 2048-byte sectors
   Drives are numbered by controller (PCI order), then port.

   Return values: 0 on success, or a negative enum kerror
   (lib/error.h), as the IDE driver's; ERR_IO also for a bus error or a
   short transfer.
   A failed command is reported on the console (command, LBA, task-file
   status and error, interrupt and SATA error bits) and the port is
   recovered (stopped, its errors cleared, reset with COMRESET when the
   device stays busy, started again): a failing drive costs that
   command, never the kernel.  Concurrency: none.  */

#ifndef DRIVERS_AHCI_H
#define DRIVERS_AHCI_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/atacmd.h"

#define AHCI_MAX_DRIVES		8
/* Frames a command moves data through (one PRD entry each): 64 KiB,
   128 disk sectors or 32 CD sectors.  */
#define AHCI_DATA_FRAMES	16
/* Longest wait for one command (a disk spinning up); a flush gets
   AHCI_FLUSH_TIMEOUT_MS.  */
#define AHCI_TIMEOUT_MS		5000
#define AHCI_FLUSH_TIMEOUT_MS	30000

struct ahci_hba;

struct ahci_drive {
	struct ahci_hba *hba;	/* the controller */
	uint8_t port;		/* its port number, 0..31 */
	bool atapi;		/* packet device (CD/DVD) */
	bool atapi_dma;		/* its packet data may move by DMA */
	bool lba48;		/* 48-bit addressing supported */
	uint64_t sectors;	/* disk: addressable sectors; ATAPI: 0 */
	char model[ATA_MODEL_MAX];	/* from IDENTIFY */
	uint64_t mem;		/* frame: command list, FISes, table */
	uint64_t data[AHCI_DATA_FRAMES];	/* frames for data */
};

/* Find and start every AHCI controller.  Returns the drives found.  */
int ahci_init(void);

int ahci_drive_count(void);
/* Drive I (0 <= I < ahci_drive_count()), or NULL.  */
struct ahci_drive *ahci_drive(int i);

/* The PCI address of D's controller.  */
void ahci_drive_pci(const struct ahci_drive *d, uint8_t *bus, uint8_t *dev,
		    uint8_t *fn);

/* Read/write COUNT (>= 1) 512-byte sectors at LBA of a disk, with
   READ/WRITE DMA EXT (READ/WRITE DMA below 2^28 on a disk without
   LBA48).  Returns 0, the drive's error, ERR_IO, ERR_TIMEDOUT or
   ERR_INVAL (ATAPI drive, range past the end).  */
int ahci_read(struct ahci_drive *d, uint64_t lba, uint32_t count, void *buf);
int ahci_write(struct ahci_drive *d, uint64_t lba, uint32_t count,
	       const void *buf);

/* FLUSH CACHE (EXT): call at the end of a write sequence.  */
int ahci_flush(struct ahci_drive *d);

/* ATAPI: READ(10) of COUNT 2048-byte sectors at LBA.  Returns 0, the
   drive's error (ERR_NOTREADY: no medium), ERR_IO, ERR_TIMEDOUT,
   ERR_INVAL (not ATAPI).  */
int ahci_atapi_read(struct ahci_drive *d, uint32_t lba, uint32_t count,
		    void *buf);

/* ATAPI: READ CAPACITY.  *SECTORS = last LBA + 1.  As ahci_atapi_read,
   but a failure (no medium) is not reported on the console.  */
int ahci_atapi_capacity(struct ahci_drive *d, uint32_t *sectors);

#endif /* DRIVERS_AHCI_H */
