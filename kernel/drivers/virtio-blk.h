/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* virtio-blk.h - virtio block devices on PCI (QEMU's -drive if=virtio,
   the disks of KVM clouds), modern (virtio 1.0) transport, one
   virtqueue, polled.

   Layers: the block layer (block/drives.c) sits above and wraps each
   device in a struct blkdev; below are PCI configuration space
   (drivers/pci.h), the device's registers in a memory BAR (mapped with
   paging_map_mmio), DMA memory from the frame allocator (identity-
   mapped: a physical address is a pointer) and the PIT (timer_poll
   bounds every wait).  The device never interrupts: the driver asks it
   not to (VIRTQ_AVAIL_F_NO_INTERRUPT) and polls the used ring.

   Call order:
     virtio_blk_init()   once, after paging_init() and pit_init(): finds
                         every virtio block function (vendor 0x1AF4,
                         device 0x1001 transitional or 0x1042 modern),
                         resets it, negotiates VERSION_1 (and FLUSH, RO
                         when offered), sets up queue 0
     virtio_blk_device(i), i < virtio_blk_count()   the devices found
     virtio_blk_read / _write / _flush              512-byte sectors
   Each call is one or more complete requests: when it returns, the
   queue is empty again.  Concurrency: none.

   Return values: 0, or a negative enum kerror (lib/error.h):
   ERR_IO (the device answered VIRTIO_BLK_S_IOERR or something
   unknown), ERR_UNSUPP (VIRTIO_BLK_S_UNSUPP), ERR_TIMEDOUT (no answer
   in VIRTIO_TIMEOUT_MS: the device is reset and given up, and every
   later call fails so too), ERR_ROFS (write to a read-only device),
   ERR_INVAL (range past the end, zero count).  */

#ifndef DRIVERS_VIRTIO_BLK_H
#define DRIVERS_VIRTIO_BLK_H

#include <stdbool.h>
#include <stdint.h>

#define VIRTIO_BLK_MAX_DEVICES	4
#define VIRTIO_SECTOR_SIZE	512
/* Longest wait for one request.  */
#define VIRTIO_TIMEOUT_MS	5000

struct virtio_blk {
	uint8_t bus, dev, fn;		/* PCI function */
	uint64_t sectors;		/* capacity, 512-byte sectors */
	bool rdonly;			/* VIRTIO_BLK_F_RO */
	bool flush;			/* VIRTIO_BLK_F_FLUSH negotiated */
	bool dead;			/* reset after a timeout */
	/* The transport: registers mapped from the BARs.  */
	volatile uint8_t *common;	/* struct virtio_pci_common_cfg */
	volatile uint8_t *device;	/* struct virtio_blk_config */
	volatile uint16_t *notify;	/* queue 0's doorbell */
	/* Queue 0, in one frame: descriptors, available and used rings.  */
	uint16_t qsize;
	uint16_t used_seen;		/* used->idx already consumed */
	uint16_t avail_next;		/* avail->idx to publish next */
	uint64_t ring;			/* the frame */
	uint64_t req;			/* a frame: request header, status */
};

/* Find and set up every device.  Returns how many work.  */
int virtio_blk_init(void);

int virtio_blk_count(void);
/* Device I (0 <= I < virtio_blk_count()), or NULL.  */
struct virtio_blk *virtio_blk_device(int i);

/* Read/write COUNT (>= 1) sectors at LBA.  Returns 0 or an enum
   kerror, as above.  */
int virtio_blk_read(struct virtio_blk *v, uint64_t lba, uint32_t count,
		    void *buf);
int virtio_blk_write(struct virtio_blk *v, uint64_t lba, uint32_t count,
		     const void *buf);

/* Make every completed write durable (VIRTIO_BLK_T_FLUSH; nothing to
   do when the device did not offer FLUSH: it then writes through).
   Returns as virtio_blk_read.  */
int virtio_blk_flush(struct virtio_blk *v);

#endif /* DRIVERS_VIRTIO_BLK_H */
