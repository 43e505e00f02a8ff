/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* ata.c - polled PIO driver for ATA disks and ATAPI drives on IDE
   channels: the legacy ports (primary 0x1F0/0x3F6, secondary
   0x170/0x376) of a PCI IDE function in compatibility mode or of an
   ISA controller, and the BAR-given ports of a channel in native-PCI
   mode.

   Receives: the PIT programmed (timer_poll bounds every wait, with
   interrupts on or off); the drives never interrupt (nIEN).  Leaves: ata_init() fills the
   drive table; after that each call is one complete command, and the
   channel is idle (BSY clear) between calls, or reset after a timeout.
   See ata.h for the contract.  */

#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/io.h"
#include "arch/x86_64/pit.h"
#include "drivers/ata.h"
#include "drivers/pci.h"
#include "lib/error.h"
#include "lib/string.h"

/* Command block registers, offsets from io.  */
#define REG_DATA	0
#define REG_ERROR	1	/* read */
#define REG_FEATURES	1	/* write */
#define REG_COUNT	2
#define REG_LBA0	3
#define REG_LBA1	4	/* ATAPI: byte count, low */
#define REG_LBA2	5	/* ATAPI: byte count, high */
#define REG_DRIVE	6
#define REG_STATUS	7	/* read */
#define REG_COMMAND	7	/* write */

/* Control block: alternate status (read), device control (write).  */
#define CTRL_NIEN	0x02
#define CTRL_SRST	0x04

/* PIO commands that move a block of sectors per DRQ handshake.  */
#define CMD_READ_MULTI		0xC4	/* READ MULTIPLE (LBA28) */
#define CMD_WRITE_MULTI		0xC5
#define CMD_READ_MULTI_EXT	0x29	/* READ MULTIPLE EXT (LBA48) */
#define CMD_WRITE_MULTI_EXT	0x39
#define CMD_SET_MULTI		0xC6	/* SET MULTIPLE MODE */
/* IDENTIFY word 47, bits 0-7: the most sectors per DRQ block READ/WRITE
   MULTIPLE may move (0: no such commands).  */
#define ID_MULTI_MAX		47

static struct ata_drive drives[ATA_MAX_DRIVES];
static int ndrives;

/* The ports of channel N (0 primary, 1 secondary) in compatibility
   mode.  */
static const struct {
	uint16_t io, ctrl;
} legacy_ports[2] = { { 0x1F0, 0x3F6 }, { 0x170, 0x376 } };

/* Programming interface bit that puts channel N in native-PCI mode: its
   ports then come from BARs 2N (command block) and 2N + 1 (control
   block, whose byte 2 is the device control / alternate status).  */
#define PROG_IF_NATIVE(n)	(1u << (2 * (n)))
#define NATIVE_CTRL_OFFSET	2

/* A channel to probe: its ports, where it sits, and which drive it last
   selected (0xFF: unknown).  */
struct ide_channel {
	uint16_t io, ctrl;
	uint8_t number;		/* 0 primary, 1 secondary */
	bool pci;
	uint8_t bus, dev, fn;
	uint8_t selected;
};

static struct ide_channel chans[ATA_MAX_CHANNELS];
static int nchans;

/* The 400 ns a drive needs after a select or a command before its
   status means anything: four reads of the alternate status.  */
static void delay400(uint16_t ctrl)
{
	int i;

	for (i = 0; i < 4; i++)
		(void)inb(ctrl);
}

/* What wait_status waits for, and the status it saw last.  */
struct status_wait {
	uint16_t io;
	uint8_t mask, want;
	uint8_t st;
};

static bool status_reached(void *arg)
{
	struct status_wait *w = arg;

	w->st = inb(w->io + REG_STATUS);
	if (w->st & ATA_ST_BSY)
		return false;
	return (w->st & (ATA_ST_ERR | ATA_ST_DF)) ||
	       (w->st & w->mask) == w->want;
}

/* Wait until BSY is clear and (STATUS & MASK) == WANT, or ERR/DF.
   Returns the final status, or -1 after MS milliseconds.  */
static int wait_status(uint16_t io, uint8_t mask, uint8_t want,
		       uint64_t ms)
{
	struct status_wait w = { io, mask, want, 0 };

	if (status_reached(&w) || timer_poll(status_reached, &w, ms))
		return w.st;
	return -1;
}

/* Software reset of a channel: the way out of a timed-out command.  */
static void channel_reset(const struct ata_drive *d)
{
	outb(d->ctrl, CTRL_NIEN | CTRL_SRST);
	delay400(d->ctrl);	/* SRST must be held at least 5 us */
	delay400(d->ctrl);
	delay400(d->ctrl);
	outb(d->ctrl, CTRL_NIEN);
	(void)wait_status(d->io, 0, 0, ATA_TIMEOUT_MS);
	chans[d->chan].selected = 0xFF;
}

/* Select D with the LBA mode bits HEAD (0xE0 | bits 24..27 for LBA28,
   0x40 for LBA48, 0xA0 for ATAPI).  */
static int select_drive(struct ata_drive *d, uint8_t head)
{
	if (wait_status(d->io, 0, 0, ATA_TIMEOUT_MS) < 0)
		return ERR_TIMEDOUT;
	outb(d->io + REG_DRIVE, head | (uint8_t)(d->slave << 4));
	if (chans[d->chan].selected != d->slave) {
		delay400(d->ctrl);
		chans[d->chan].selected = d->slave;
	}
	return 0;
}

/* A failed step: note the error register, reset after a timeout.  */
static int fail(struct ata_drive *d, int st)
{
	if (st < 0) {
		d->last_error = 0;
		channel_reset(d);
		return ERR_TIMEDOUT;
	}
	d->last_error = inb(d->io + REG_ERROR);
	return ata_error((uint8_t)st, d->last_error, d->atapi);
}

static void read_words(uint16_t port, void *buf, size_t words)
{
	__asm__ volatile("rep insw"
			 : "+D"(buf), "+c"(words)
			 : "d"(port)
			 : "memory");
}

static void write_words(uint16_t port, const void *buf, size_t words)
{
	__asm__ volatile("rep outsw"
			 : "+S"(buf), "+c"(words)
			 : "d"(port)
			 : "memory");
}

/* Sector data moves 32 bits per I/O: PCI IDE controllers split each
   access into two 16-bit ones on the cable, and it halves the port
   accesses (which an emulator pays for one by one).  */
static void read_sectors(uint16_t port, void *buf, uint32_t sectors)
{
	size_t dwords = (size_t)sectors * ATA_SECTOR_SIZE / 4;

	__asm__ volatile("rep insl"
			 : "+D"(buf), "+c"(dwords)
			 : "d"(port)
			 : "memory");
}

static void write_sectors(uint16_t port, const void *buf, uint32_t sectors)
{
	size_t dwords = (size_t)sectors * ATA_SECTOR_SIZE / 4;

	__asm__ volatile("rep outsl"
			 : "+S"(buf), "+c"(dwords)
			 : "d"(port)
			 : "memory");
}

/* Move D's transfers to READ/WRITE MULTIPLE with the largest DRQ block
   it offers (a power of two), so each block of sectors costs one status
   wait rather than one per sector.  On any refusal D keeps
   single-sector blocks.  */
static void set_multiple(struct ata_drive *d, unsigned int max)
{
	unsigned int n = 1;
	int st;

	while (n * 2 <= max)
		n *= 2;
	if (n < 2 || select_drive(d, 0xE0) != 0)
		return;
	outb(d->io + REG_COUNT, (uint8_t)n);
	outb(d->io + REG_COMMAND, CMD_SET_MULTI);
	delay400(d->ctrl);
	st = wait_status(d->io, 0, 0, ATA_TIMEOUT_MS);
	if (st < 0)
		channel_reset(d);
	else if (!(st & (ATA_ST_ERR | ATA_ST_DF)))
		d->multiple = (uint8_t)n;
}

/* Probe one position with IDENTIFY (DEVICE or, after the ATAPI
   signature, PACKET DEVICE).  Fills D and returns true if a drive
   answered.  */
static bool probe(struct ata_drive *d)
{
	uint16_t id[ATA_IDENTIFY_WORDS];
	struct ata_identity ident;
	uint8_t cmd = ATA_CMD_IDENTIFY, mid, high;
	int st;

	outb(d->io + REG_DRIVE, 0xA0 | (uint8_t)(d->slave << 4));
	delay400(d->ctrl);
	chans[d->chan].selected = d->slave;
	/* No device answers with status 0 (or a floating 0xFF).  */
	st = inb(d->io + REG_STATUS);
	if (st == 0 || st == 0xFF)
		return false;
again:
	outb(d->io + REG_COUNT, 0);
	outb(d->io + REG_LBA0, 0);
	outb(d->io + REG_LBA1, 0);
	outb(d->io + REG_LBA2, 0);
	outb(d->io + REG_COMMAND, cmd);
	delay400(d->ctrl);
	if (inb(d->io + REG_STATUS) == 0)
		return false;
	st = wait_status(d->io, 0, 0, ATA_TIMEOUT_MS);
	if (st < 0) {
		channel_reset(d);
		return false;
	}
	mid = inb(d->io + REG_LBA1);
	high = inb(d->io + REG_LBA2);
	if (cmd == ATA_CMD_IDENTIFY && mid == 0x14 && high == 0xEB) {
		/* Packet device: it aborted IDENTIFY DEVICE on purpose.  */
		d->atapi = true;
		cmd = ATA_CMD_ID_PACKET;
		goto again;
	}
	if (cmd == ATA_CMD_IDENTIFY && (mid || high))
		return false;	/* SATA or something else we do not drive */
	st = wait_status(d->io, ATA_ST_DRQ, ATA_ST_DRQ, ATA_TIMEOUT_MS);
	if (st < 0 || (st & (ATA_ST_ERR | ATA_ST_DF)))
		return false;
	read_words(d->io + REG_DATA, id, ATA_IDENTIFY_WORDS);
	if (!ata_parse_identify(id, d->atapi, &ident))
		return false;
	d->lba48 = ident.lba48;
	d->sectors = ident.sectors;
	memcpy(d->model, ident.model, sizeof(d->model));
	if (!d->atapi)
		set_multiple(d, id[ID_MULTI_MAX] & 0xFF);
	return true;
}

/* Add channel NUMBER with ports IO and CTRL, of the PCI function F
   (NULL: none known).  */
static void add_channel(const struct pci_function *f, uint8_t number,
			uint16_t io, uint16_t ctrl)
{
	struct ide_channel *c;

	if (nchans == ATA_MAX_CHANNELS)
		return;
	c = &chans[nchans++];
	memset(c, 0, sizeof(*c));
	c->io = io;
	c->ctrl = ctrl;
	c->number = number;
	c->selected = 0xFF;
	if (f) {
		c->pci = true;
		c->bus = f->bus;
		c->dev = f->dev;
		c->fn = f->fn;
	}
}

/* Channel N of the PCI IDE function F in native mode, its ports from
   its BARs; false if they are not assigned I/O ranges.  */
static bool add_native_channel(const struct pci_function *f, uint8_t n)
{
	struct pci_bar cmd, ctl;

	if (!pci_bar(f, 2 * n, &cmd) || !pci_bar(f, 2 * n + 1, &ctl) ||
	    !cmd.io || !ctl.io || !cmd.addr || !ctl.addr ||
	    cmd.addr > 0xFFFF || ctl.addr + NATIVE_CTRL_OFFSET > 0xFFFF)
		return false;
	pci_enable(f, PCI_CMD_IO);
	add_channel(f, n, (uint16_t)cmd.addr,
		    (uint16_t)(ctl.addr + NATIVE_CTRL_OFFSET));
	return true;
}

/* Every channel to probe: those of each PCI IDE function (class 01:01),
   a native-mode one at the ports its BARs give, a compatibility-mode
   one at the legacy ports (which only one function can decode); then
   the legacy ports no PCI function claimed, for an ISA controller.  */
static void find_channels(void)
{
	struct pci_function f;
	bool legacy_taken[2] = { false, false };
	unsigned int i;
	uint8_t n;

	nchans = 0;
	for (i = 0; pci_find_class(PCI_CLASS_STORAGE, PCI_SUBCLASS_IDE,
				   PCI_ANY_PROG_IF, i, &f); i++) {
		for (n = 0; n < 2; n++) {
			if (f.prog_if & PROG_IF_NATIVE(n)) {
				(void)add_native_channel(&f, n);
			} else if (!legacy_taken[n]) {
				legacy_taken[n] = true;
				add_channel(&f, n, legacy_ports[n].io,
					    legacy_ports[n].ctrl);
			}
		}
	}
	for (n = 0; n < 2; n++)
		if (!legacy_taken[n])
			add_channel(NULL, n, legacy_ports[n].io,
				    legacy_ports[n].ctrl);
}

int ata_init(void)
{
	const struct ide_channel *c;
	int i, s;

	find_channels();
	ndrives = 0;
	for (i = 0; i < nchans; i++) {
		c = &chans[i];
		outb(c->ctrl, CTRL_NIEN);
		/* A floating bus (no controller or no drives) reads 0xFF.  */
		if (inb(c->io + REG_STATUS) == 0xFF)
			continue;
		for (s = 0; s < 2 && ndrives < ATA_MAX_DRIVES; s++) {
			struct ata_drive *d = &drives[ndrives];

			memset(d, 0, sizeof(*d));
			d->io = c->io;
			d->ctrl = c->ctrl;
			d->chan = (uint8_t)i;
			d->channel = c->number;
			d->slave = (uint8_t)s;
			d->pci = c->pci;
			d->bus = c->bus;
			d->dev = c->dev;
			d->fn = c->fn;
			if (probe(d))
				ndrives++;
		}
	}
	return ndrives;
}

int ata_drive_count(void)
{
	return ndrives;
}

struct ata_drive *ata_drive(int i)
{
	return i >= 0 && i < ndrives ? &drives[i] : NULL;
}

/* Issue a read or write command for COUNT sectors at LBA (COUNT at most
   256 for LBA28, 65536 for LBA48).  */
static int issue(struct ata_drive *d, uint64_t lba, uint32_t count,
		 bool write)
{
	static const uint8_t commands[2][2][2] = {
		/* [lba48][multiple][write] */
		{ { ATA_CMD_READ, ATA_CMD_WRITE },
		  { CMD_READ_MULTI, CMD_WRITE_MULTI } },
		{ { ATA_CMD_READ_EXT, ATA_CMD_WRITE_EXT },
		  { CMD_READ_MULTI_EXT, CMD_WRITE_MULTI_EXT } },
	};
	uint16_t io = d->io;
	bool lba48 = !(lba + count <= ATA_LBA28_LIMIT && count <= 256);
	uint8_t cmd = commands[lba48][d->multiple != 0][write];
	int err;

	if (!lba48) {
		err = select_drive(d, 0xE0 | (uint8_t)((lba >> 24) & 0x0F));
		if (err)
			return err;
		outb(io + REG_FEATURES, 0);
		outb(io + REG_COUNT, (uint8_t)count);
		outb(io + REG_LBA0, (uint8_t)lba);
		outb(io + REG_LBA1, (uint8_t)(lba >> 8));
		outb(io + REG_LBA2, (uint8_t)(lba >> 16));
		outb(io + REG_COMMAND, cmd);
	} else {
		err = select_drive(d, 0x40);
		if (err)
			return err;
		/* High-order bytes first, then low: each register is a
		   two-deep FIFO.  */
		outb(io + REG_COUNT, (uint8_t)(count >> 8));
		outb(io + REG_LBA0, (uint8_t)(lba >> 24));
		outb(io + REG_LBA1, (uint8_t)(lba >> 32));
		outb(io + REG_LBA2, (uint8_t)(lba >> 40));
		outb(io + REG_COUNT, (uint8_t)count);
		outb(io + REG_LBA0, (uint8_t)lba);
		outb(io + REG_LBA1, (uint8_t)(lba >> 8));
		outb(io + REG_LBA2, (uint8_t)(lba >> 16));
		outb(io + REG_COMMAND, cmd);
	}
	delay400(d->ctrl);
	return 0;
}

/* The most sectors one command may move at LBA for D, or 0.  */
static uint32_t chunk_limit(const struct ata_drive *d, uint64_t lba,
			    uint32_t want)
{
	uint32_t max;

	if (lba + (want < 256 ? want : 256) <= ATA_LBA28_LIMIT)
		max = 256;
	else if (d->lba48)
		max = 65536;
	else
		return 0;
	return want < max ? want : max;
}

static int check_range(const struct ata_drive *d, uint64_t lba,
		       uint32_t count)
{
	if (!d || d->atapi || !count || lba >= d->sectors ||
	    count > d->sectors - lba || lba + count > ATA_LBA48_LIMIT)
		return ERR_INVAL;
	return 0;
}

/* Move COUNT sectors between the drive and BUF, in commands of at most
   chunk_limit() sectors, each in DRQ blocks of d->multiple sectors (the
   last one shorter) or of one; WRITE says which way.  */
static int pio_transfer(struct ata_drive *d, uint64_t lba, uint32_t count,
			uint8_t *buf, bool write)
{
	uint32_t block = d->multiple ? d->multiple : 1;
	uint32_t n, i, k;
	int st, err;

	err = check_range(d, lba, count);
	if (err)
		return err;
	while (count) {
		n = chunk_limit(d, lba, count);
		if (!n)
			return ERR_INVAL;
		err = issue(d, lba, n, write);
		if (err)
			return err;
		for (i = 0; i < n; i += k) {
			k = n - i < block ? n - i : block;
			st = wait_status(d->io, ATA_ST_DRQ, ATA_ST_DRQ,
					 ATA_TIMEOUT_MS);
			if (st < 0 || (st & (ATA_ST_ERR | ATA_ST_DF)))
				return fail(d, st);
			if (write)
				write_sectors(d->io + REG_DATA, buf, k);
			else
				read_sectors(d->io + REG_DATA, buf, k);
			buf += k * ATA_SECTOR_SIZE;
		}
		if (write) {
			/* The drive takes the last sector, then drops BSY.  */
			st = wait_status(d->io, 0, 0, ATA_TIMEOUT_MS);
			if (st < 0 || (st & (ATA_ST_ERR | ATA_ST_DF)))
				return fail(d, st);
		}
		lba += n;
		count -= n;
	}
	return 0;
}

int ata_read(struct ata_drive *d, uint64_t lba, uint32_t count, void *buf)
{
	return pio_transfer(d, lba, count, buf, false);
}

/* The buffer is only read: pio_transfer's pointer is not const because
   it serves both directions.  */
int ata_write(struct ata_drive *d, uint64_t lba, uint32_t count,
	      const void *buf)
{
	return pio_transfer(d, lba, count, (uint8_t *)(uintptr_t)buf, true);
}

int ata_flush(struct ata_drive *d)
{
	int st, err;

	if (!d || d->atapi)
		return ERR_INVAL;
	err = select_drive(d, 0xE0);
	if (err)
		return err;
	outb(d->io + REG_COMMAND, d->lba48 ? ATA_CMD_FLUSH_EXT : ATA_CMD_FLUSH);
	delay400(d->ctrl);
	/* A flush may write a whole cache: allow it more time.  */
	st = wait_status(d->io, 0, 0, 6 * ATA_TIMEOUT_MS);
	if (st < 0 || (st & (ATA_ST_ERR | ATA_ST_DF)))
		return fail(d, st);
	return 0;
}

/* Send the 12-byte packet PKT to ATAPI drive D and read up to LEN bytes
   of its answer into BUF (the rest is read and dropped).  */
static int packet(struct ata_drive *d, const uint8_t *pkt, void *buf,
		  uint32_t len)
{
	uint8_t *p = buf;
	uint16_t scratch;
	uint32_t got = 0, n, i;
	int st, err;

	err = select_drive(d, 0xA0);
	if (err)
		return err;
	outb(d->io + REG_FEATURES, 0);		/* PIO, no DMA */
	outb(d->io + REG_LBA1, ATAPI_SECTOR_SIZE & 0xFF);
	outb(d->io + REG_LBA2, ATAPI_SECTOR_SIZE >> 8);
	outb(d->io + REG_COMMAND, ATA_CMD_PACKET);
	delay400(d->ctrl);
	st = wait_status(d->io, ATA_ST_DRQ, ATA_ST_DRQ, ATA_TIMEOUT_MS);
	if (st < 0 || (st & (ATA_ST_ERR | ATA_ST_DF)))
		return fail(d, st);
	write_words(d->io + REG_DATA, pkt, 6);
	delay400(d->ctrl);
	for (;;) {
		st = wait_status(d->io, 0, 0, ATA_TIMEOUT_MS);
		if (st < 0 || (st & (ATA_ST_ERR | ATA_ST_DF)))
			return fail(d, st);
		if (!(st & ATA_ST_DRQ))
			break;		/* command complete */
		n = inb(d->io + REG_LBA1) | (uint32_t)inb(d->io + REG_LBA2) << 8;
		if (!(n & 1) && got + n <= len) {
			read_words(d->io + REG_DATA, p + got, n / 2);
			got += n;
			delay400(d->ctrl);
			continue;
		}
		for (i = 0; i < (n + 1) / 2; i++) {
			read_words(d->io + REG_DATA, &scratch, 1);
			if (got < len)
				p[got] = (uint8_t)scratch;
			if (got + 1 < len)
				p[got + 1] = (uint8_t)(scratch >> 8);
			got += 2;
		}
		delay400(d->ctrl);
	}
	return got >= len ? 0 : ERR_IO;
}

/* A packet command, retried: the first one after a medium change fails
   with UNIT ATTENTION.  */
static int packet_retry(struct ata_drive *d, const uint8_t *pkt, void *buf,
			uint32_t len)
{
	int tries, err = ERR_IO;

	for (tries = 0; tries < 3; tries++) {
		err = packet(d, pkt, buf, len);
		if (!ata_drive_said_no(err))
			break;
	}
	return err;
}

int atapi_read(struct ata_drive *d, uint32_t lba, uint32_t count,
	       void *buf)
{
	uint8_t pkt[ATAPI_PACKET_SIZE];
	uint8_t *p = buf;
	uint32_t n;
	int err;

	if (!d || !d->atapi || !count)
		return ERR_INVAL;
	while (count) {
		/* 16 sectors (32 KiB) per command keeps each DRQ block
		   small and the byte count register in range.  */
		n = count < 16 ? count : 16;
		atapi_read10_packet(pkt, lba, (uint16_t)n);
		err = packet_retry(d, pkt, p, n * ATAPI_SECTOR_SIZE);
		if (err)
			return err;
		p += n * ATAPI_SECTOR_SIZE;
		lba += n;
		count -= n;
	}
	return 0;
}

int atapi_capacity(struct ata_drive *d, uint32_t *sectors)
{
	uint8_t pkt[ATAPI_PACKET_SIZE], ans[ATAPI_CAPACITY_ANSWER];
	int err;

	if (!d || !d->atapi)
		return ERR_INVAL;
	atapi_capacity_packet(pkt);
	err = packet_retry(d, pkt, ans, sizeof(ans));
	if (err)
		return err;
	*sectors = atapi_capacity_sectors(ans);
	return 0;
}
