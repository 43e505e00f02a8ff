/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* virtio-blk.c - virtio block devices over the modern PCI transport,
   one split virtqueue, polled.  See virtio-blk.h for the contract.

   Why the modern (virtio 1.0) transport and not the legacy one (I/O
   port BAR 0): a modern device is what every current hypervisor can
   give; the legacy interface is frozen, and a device behind a PCI
   Express port (libvirt's q35 default) or made with disable-legacy=on
   has no legacy interface at all.  QEMU's default virtio-blk-pci on pc
   and q35 is "transitional" and offers both, so the one transport
   covers everything.  Its cost over legacy is finding the register
   blocks through vendor capabilities and mapping them (MMIO).

   Receives: PCI functions as the BIOS left them (BARs assigned),
   paging_init() done (paging_map_mmio works), the PIT running.
   Leaves:   each usable device reset, features negotiated, queue 0
   enabled and idle, status DRIVER_OK; a device that failed set-up is
   reset (status 0) and not listed.  */

#include <stddef.h>
#include <stdint.h>

#include <portix/le.h>

#include "arch/x86_64/pit.h"
#include "drivers/pci.h"
#include "drivers/virtio-blk.h"
#include "kassert.h"
#include "lib/error.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/paging.h"

#define VIRTIO_VENDOR			0x1AF4
#define VIRTIO_DEV_BLK_TRANSITIONAL	0x1001
#define VIRTIO_DEV_BLK_MODERN		0x1042

/* PCI configuration space: the capability list.  */
#define PCI_COMMAND_STATUS	0x04
#define PCI_STATUS_CAP_LIST	(1u << 20)	/* status bit 4, in the dword */
#define PCI_CAP_POINTER		0x34
#define PCI_CAP_ID_VENDOR	0x09

/* struct virtio_pci_cap (virtio 1.0, 4.1.4): byte offsets.  */
#define CAP_CFG_TYPE		3
#define CAP_BAR			4
#define CAP_OFFSET		8
#define CAP_LENGTH		12
#define CAP_NOTIFY_MULTIPLIER	16	/* the notify capability only */
#define CFG_TYPE_COMMON		1
#define CFG_TYPE_NOTIFY		2
#define CFG_TYPE_DEVICE		4

/* struct virtio_pci_common_cfg: byte offsets.  */
#define COMMON_DEVICE_FEATURE_SELECT	0x00
#define COMMON_DEVICE_FEATURE		0x04
#define COMMON_DRIVER_FEATURE_SELECT	0x08
#define COMMON_DRIVER_FEATURE		0x0C
#define COMMON_DEVICE_STATUS		0x14
#define COMMON_QUEUE_SELECT		0x16
#define COMMON_QUEUE_SIZE		0x18
#define COMMON_QUEUE_ENABLE		0x1C
#define COMMON_QUEUE_NOTIFY_OFF		0x1E
#define COMMON_QUEUE_DESC		0x20
#define COMMON_QUEUE_DRIVER		0x28
#define COMMON_QUEUE_DEVICE		0x30

/* Device status bits.  */
#define STATUS_ACKNOWLEDGE	0x01
#define STATUS_DRIVER		0x02
#define STATUS_DRIVER_OK	0x04
#define STATUS_FEATURES_OK	0x08

/* Feature bits.  */
#define F_BLK_RO		5
#define F_BLK_FLUSH		9
#define F_VERSION_1		32

/* struct virtio_blk_config: capacity in 512-byte sectors.  */
#define BLK_CONFIG_CAPACITY	0x00

/* Split virtqueue (virtio 1.0, 2.4).  */
struct virtq_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};
_Static_assert(sizeof(struct virtq_desc) == 16, "virtq_desc is 16 bytes");
#define VIRTQ_DESC_F_NEXT	1
#define VIRTQ_DESC_F_WRITE	2	/* the device writes this buffer */
#define VIRTQ_AVAIL_F_NO_INTERRUPT	1

/* The queue size this driver asks for: one request of three
   descriptors at a time needs few.  Rings at fixed places in one frame:
   descriptors, then available ring (flags, idx, ring[]), then used ring
   (flags, idx, {id, len}[]).  */
#define QUEUE_SIZE		16
#define RING_DESC		0
#define RING_AVAIL		256
#define RING_USED		512
_Static_assert(RING_AVAIL >= RING_DESC + QUEUE_SIZE * 16, "descriptors fit");
_Static_assert(RING_USED >= RING_AVAIL + 6 + 2 * QUEUE_SIZE, "avail ring fits");
_Static_assert(RING_USED + 6 + 8 * QUEUE_SIZE <= FRAME_SIZE, "used ring fits");

/* The request header and status byte, in their own frame.  */
#define REQ_TYPE_IN		0
#define REQ_TYPE_OUT		1
#define REQ_TYPE_FLUSH		4
#define REQ_HEADER_SIZE		16
#define REQ_STATUS		16	/* offset of the status byte */
#define BLK_S_OK		0
#define BLK_S_IOERR		1
#define BLK_S_UNSUPP		2
/* Status before the device answers: none of the above.  */
#define BLK_S_PENDING		0xFF

/* Sectors per request: 64 KiB, well inside what any device accepts
   without SIZE_MAX/SEG_MAX being negotiated.  */
#define MAX_REQUEST_SECTORS	128

static struct virtio_blk devices[VIRTIO_BLK_MAX_DEVICES];
static int ndevices;

static inline void barrier(void)
{
	__asm__ volatile("" ::: "memory");
}

static uint8_t rd8(volatile uint8_t *base, unsigned int off)
{
	return *(volatile uint8_t *)(base + off);
}

static void wr8(volatile uint8_t *base, unsigned int off, uint8_t v)
{
	*(volatile uint8_t *)(base + off) = v;
}

static uint16_t rd16(volatile uint8_t *base, unsigned int off)
{
	return *(volatile uint16_t *)(base + off);
}

static void wr16(volatile uint8_t *base, unsigned int off, uint16_t v)
{
	*(volatile uint16_t *)(base + off) = v;
}

static uint32_t rd32(volatile uint8_t *base, unsigned int off)
{
	return *(volatile uint32_t *)(base + off);
}

static void wr32(volatile uint8_t *base, unsigned int off, uint32_t v)
{
	*(volatile uint32_t *)(base + off) = v;
}

/* A 64-bit register as two 32-bit writes, low half first.  */
static void wr64(volatile uint8_t *base, unsigned int off, uint64_t v)
{
	wr32(base, off, (uint32_t)v);
	wr32(base, off + 4, (uint32_t)(v >> 32));
}

/* The byte at OFFSET of F's configuration space.  */
static uint8_t cfg8(const struct pci_function *f, uint8_t offset)
{
	return (uint8_t)(pci_config_read32(f->bus, f->dev, f->fn, offset) >>
			 (8 * (offset & 3)));
}

static uint32_t cfg32(const struct pci_function *f, uint8_t offset)
{
	return pci_config_read32(f->bus, f->dev, f->fn, offset);
}

/* Map the register block a virtio capability at CAP describes.  Returns
   its address, or NULL (BAR not memory or not assigned, map failed).  */
static volatile uint8_t *map_cap(const struct pci_function *f, uint8_t cap)
{
	struct pci_bar bar;
	uint64_t addr;
	uint32_t len = cfg32(f, cap + CAP_LENGTH);

	if (!pci_bar(f, cfg8(f, cap + CAP_BAR), &bar) || bar.io || !bar.addr)
		return NULL;
	addr = bar.addr + cfg32(f, cap + CAP_OFFSET);
	if (!len || paging_map_mmio(addr, len))
		return NULL;
	return (volatile uint8_t *)(uintptr_t)addr;
}

/* Walk F's capabilities for the common, notify and device blocks.
   Returns false unless all three are there and mapped.  */
static bool find_registers(const struct pci_function *f, struct virtio_blk *v,
			   uint8_t *notify_cap)
{
	uint8_t cap, type;
	int guard = 48;		/* a looping list ends the walk */

	*notify_cap = 0;
	if (!(cfg32(f, PCI_COMMAND_STATUS) & PCI_STATUS_CAP_LIST))
		return false;
	for (cap = cfg8(f, PCI_CAP_POINTER) & 0xFC; cap && guard--;
	     cap = cfg8(f, cap + 1) & 0xFC) {
		if (cfg8(f, cap) != PCI_CAP_ID_VENDOR)
			continue;
		type = cfg8(f, cap + CAP_CFG_TYPE);
		if (type == CFG_TYPE_COMMON && !v->common)
			v->common = map_cap(f, cap);
		else if (type == CFG_TYPE_DEVICE && !v->device)
			v->device = map_cap(f, cap);
		else if (type == CFG_TYPE_NOTIFY && !*notify_cap)
			*notify_cap = cap;
	}
	return v->common && v->device && *notify_cap;
}

static void reset(struct virtio_blk *v)
{
	wr8(v->common, COMMON_DEVICE_STATUS, 0);
}

static bool reset_done(void *arg)
{
	struct virtio_blk *v = arg;

	return rd8(v->common, COMMON_DEVICE_STATUS) == 0;
}

/* The device's feature bits 0..63.  */
static uint64_t device_features(struct virtio_blk *v)
{
	uint64_t lo, hi;

	wr32(v->common, COMMON_DEVICE_FEATURE_SELECT, 0);
	lo = rd32(v->common, COMMON_DEVICE_FEATURE);
	wr32(v->common, COMMON_DEVICE_FEATURE_SELECT, 1);
	hi = rd32(v->common, COMMON_DEVICE_FEATURE);
	return hi << 32 | lo;
}

static void driver_features(struct virtio_blk *v, uint64_t features)
{
	wr32(v->common, COMMON_DRIVER_FEATURE_SELECT, 0);
	wr32(v->common, COMMON_DRIVER_FEATURE, (uint32_t)features);
	wr32(v->common, COMMON_DRIVER_FEATURE_SELECT, 1);
	wr32(v->common, COMMON_DRIVER_FEATURE, (uint32_t)(features >> 32));
}

/* Queue 0: size, rings, doorbell; then enable it.  */
static bool setup_queue(const struct pci_function *f, struct virtio_blk *v,
			uint8_t notify_cap)
{
	volatile uint8_t *notify_base;
	uint16_t size;
	uint32_t multiplier;

	wr16(v->common, COMMON_QUEUE_SELECT, 0);
	size = rd16(v->common, COMMON_QUEUE_SIZE);
	if (size < 4)
		return false;	/* one request takes three descriptors */
	v->qsize = size < QUEUE_SIZE ? size : QUEUE_SIZE;
	wr16(v->common, COMMON_QUEUE_SIZE, v->qsize);
	v->ring = frame_alloc();
	v->req = frame_alloc();
	if (!v->ring || !v->req)
		return false;
	*(volatile uint16_t *)(uintptr_t)(v->ring + RING_AVAIL) =
		VIRTQ_AVAIL_F_NO_INTERRUPT;
	wr64(v->common, COMMON_QUEUE_DESC, v->ring + RING_DESC);
	wr64(v->common, COMMON_QUEUE_DRIVER, v->ring + RING_AVAIL);
	wr64(v->common, COMMON_QUEUE_DEVICE, v->ring + RING_USED);

	notify_base = map_cap(f, notify_cap);
	if (!notify_base)
		return false;
	multiplier = cfg32(f, notify_cap + CAP_NOTIFY_MULTIPLIER);
	v->notify = (volatile uint16_t *)(notify_base +
		    (uint32_t)rd16(v->common, COMMON_QUEUE_NOTIFY_OFF) *
		    multiplier);
	wr16(v->common, COMMON_QUEUE_ENABLE, 1);
	return true;
}

/* Bring up the device at F as virtio 1.0, section 3.1.1, in order.  */
static bool setup(const struct pci_function *f, struct virtio_blk *v)
{
	uint64_t offered, wanted;
	uint8_t notify_cap;

	memset(v, 0, sizeof(*v));
	v->bus = f->bus;
	v->dev = f->dev;
	v->fn = f->fn;
	pci_enable(f, PCI_CMD_MEMORY | PCI_CMD_BUS_MASTER);
	if (!find_registers(f, v, &notify_cap))
		return false;
	reset(v);
	if (!reset_done(v) &&
	    !timer_poll(reset_done, v, VIRTIO_TIMEOUT_MS))
		return false;
	wr8(v->common, COMMON_DEVICE_STATUS, STATUS_ACKNOWLEDGE);
	wr8(v->common, COMMON_DEVICE_STATUS, STATUS_ACKNOWLEDGE | STATUS_DRIVER);
	offered = device_features(v);
	if (!(offered & (1ULL << F_VERSION_1)))
		goto fail;	/* a legacy-only device */
	wanted = offered & (1ULL << F_VERSION_1 | 1ULL << F_BLK_RO |
			    1ULL << F_BLK_FLUSH);
	driver_features(v, wanted);
	wr8(v->common, COMMON_DEVICE_STATUS,
	    STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK);
	if (!(rd8(v->common, COMMON_DEVICE_STATUS) & STATUS_FEATURES_OK))
		goto fail;
	v->rdonly = (wanted & (1ULL << F_BLK_RO)) != 0;
	v->flush = (wanted & (1ULL << F_BLK_FLUSH)) != 0;
	v->sectors = (uint64_t)rd32(v->device, BLK_CONFIG_CAPACITY) |
		     (uint64_t)rd32(v->device, BLK_CONFIG_CAPACITY + 4) << 32;
	if (!setup_queue(f, v, notify_cap))
		goto fail;
	wr8(v->common, COMMON_DEVICE_STATUS,
	    STATUS_ACKNOWLEDGE | STATUS_DRIVER | STATUS_FEATURES_OK |
	    STATUS_DRIVER_OK);
	return true;
fail:
	reset(v);
	return false;
}

static void probe(const struct pci_function *f, void *arg)
{
	(void)arg;
	if (f->vendor != VIRTIO_VENDOR ||
	    (f->device != VIRTIO_DEV_BLK_TRANSITIONAL &&
	     f->device != VIRTIO_DEV_BLK_MODERN))
		return;
	if (ndevices == VIRTIO_BLK_MAX_DEVICES)
		return;
	if (setup(f, &devices[ndevices]))
		ndevices++;
	else
		kprintf("virtio-blk: %02x:%02x.%x cannot be set up\n", f->bus,
			f->dev, f->fn);
}

int virtio_blk_init(void)
{
	ndevices = 0;
	(void)pci_scan(probe, NULL);
	return ndevices;
}

int virtio_blk_count(void)
{
	return ndevices;
}

struct virtio_blk *virtio_blk_device(int i)
{
	return i >= 0 && i < ndevices ? &devices[i] : NULL;
}

static volatile uint16_t *used_idx(const struct virtio_blk *v)
{
	return (volatile uint16_t *)(uintptr_t)(v->ring + RING_USED + 2);
}

static bool request_done(void *arg)
{
	struct virtio_blk *v = arg;

	return *used_idx(v) != v->used_seen;
}

/* Fill descriptor I: ADDR, LEN, FLAGS, chained to I + 1 when CHAINED.  */
static void set_desc(struct virtio_blk *v, uint16_t i, uint64_t addr,
		     uint32_t len, uint16_t flags, bool chained)
{
	volatile struct virtq_desc *d =
		(volatile struct virtq_desc *)(uintptr_t)(v->ring + RING_DESC) + i;

	d->addr = addr;
	d->len = len;
	d->flags = flags | (chained ? VIRTQ_DESC_F_NEXT : 0);
	d->next = chained ? (uint16_t)(i + 1) : 0;
}

/* One request of TYPE for COUNT sectors at LBA with data at BUF (none
   for a flush): header, data, status descriptors; publish, ring, poll.  */
static int request(struct virtio_blk *v, uint32_t type, uint64_t lba,
		   uint32_t count, void *buf)
{
	uint8_t *req = (uint8_t *)(uintptr_t)v->req;
	volatile uint8_t *status = req + REQ_STATUS;
	volatile uint16_t *avail =
		(volatile uint16_t *)(uintptr_t)(v->ring + RING_AVAIL);
	uint16_t n = 0;

	KASSERT(*used_idx(v) == v->used_seen);	/* the queue is idle */
	portix_put_le32(req, type);
	portix_put_le32(req + 4, 0);
	portix_put_le64(req + 8, lba);
	*status = BLK_S_PENDING;
	set_desc(v, n++, v->req, REQ_HEADER_SIZE, 0, true);
	if (count)
		set_desc(v, n++, (uint64_t)(uintptr_t)buf,
			 count * VIRTIO_SECTOR_SIZE,
			 type == REQ_TYPE_IN ? VIRTQ_DESC_F_WRITE : 0, true);
	set_desc(v, n, v->req + REQ_STATUS, 1, VIRTQ_DESC_F_WRITE, false);
	/* avail->ring[idx % size] = head 0, then avail->idx: the device
	   must see the entry before the index that publishes it.  */
	avail[2 + v->avail_next % v->qsize] = 0;
	barrier();
	avail[1] = ++v->avail_next;
	barrier();
	*v->notify = 0;
	if (!request_done(v) &&
	    !timer_poll(request_done, v, VIRTIO_TIMEOUT_MS)) {
		/* The device may still write our buffers: stop it for good.  */
		reset(v);
		v->dead = true;
		kprintf("virtio-blk: %02x:%02x.%x timed out, given up\n",
			v->bus, v->dev, v->fn);
		return ERR_TIMEDOUT;
	}
	barrier();
	v->used_seen++;
	if (*status == BLK_S_OK)
		return 0;
	kprintf("virtio-blk: %02x:%02x.%x: %s of %u sectors at %lu failed "
		"(status %u)\n", v->bus, v->dev, v->fn,
		type == REQ_TYPE_IN ? "read" : type == REQ_TYPE_OUT ?
		"write" : "flush", count, lba, *status);
	return *status == BLK_S_UNSUPP ? ERR_UNSUPP : ERR_IO;
}

/* Split COUNT sectors into requests of at most MAX_REQUEST_SECTORS.  */
static int transfer(struct virtio_blk *v, uint32_t type, uint64_t lba,
		    uint32_t count, uint8_t *buf)
{
	uint32_t n;
	int err;

	if (v && v->dead)
		return ERR_TIMEDOUT;
	if (!v || !count || lba >= v->sectors || count > v->sectors - lba)
		return ERR_INVAL;
	if (type == REQ_TYPE_OUT && v->rdonly)
		return ERR_ROFS;
	while (count) {
		n = count < MAX_REQUEST_SECTORS ? count : MAX_REQUEST_SECTORS;
		err = request(v, type, lba, n, buf);
		if (err)
			return err;
		buf += (uint64_t)n * VIRTIO_SECTOR_SIZE;
		lba += n;
		count -= n;
	}
	return 0;
}

int virtio_blk_read(struct virtio_blk *v, uint64_t lba, uint32_t count,
		    void *buf)
{
	return transfer(v, REQ_TYPE_IN, lba, count, buf);
}

/* The buffer is only read by the device: transfer's pointer is not
   const because it serves both directions.  */
int virtio_blk_write(struct virtio_blk *v, uint64_t lba, uint32_t count,
		     const void *buf)
{
	return transfer(v, REQ_TYPE_OUT, lba, count,
			(uint8_t *)(uintptr_t)buf);
}

int virtio_blk_flush(struct virtio_blk *v)
{
	if (!v)
		return ERR_INVAL;
	if (v->dead)
		return ERR_TIMEDOUT;
	if (!v->flush)
		return 0;
	return request(v, REQ_TYPE_FLUSH, 0, 0, NULL);
}
