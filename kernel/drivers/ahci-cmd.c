/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* ahci-cmd.c - AHCI commands: one at a time in slot 0, built from an
   H2D register FIS (and an ATAPI packet) with a PRD entry per data
   frame, polled to completion; a failure is reported and the port
   recovered (ahci.c).  The I/O calls of ahci.h: disk reads, writes and
   flushes, CD reads and capacity, and IDENTIFY for ahci.c's probe.
   See ahci-hw.h for what the two files share.  */

#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/pit.h"
#include "drivers/ahci-hw.h"
#include "klog.h"
#include "lib/error.h"
#include "lib/printf.h"
#include "lib/string.h"

/* One command, as execute() builds it.  */
struct ahci_cmd {
	uint8_t command;	/* ATA_CMD_* */
	uint8_t features;
	uint8_t device;		/* ATA_DEV_LBA (| LBA28 bits 24..27) */
	uint64_t lba;		/* 48 bits; ATAPI: byte count limit << 8 */
	uint16_t count;		/* sector count (0 for none) */
	bool write;		/* data to the device */
	const uint8_t *packet;	/* ATAPI packet, or NULL */
	uint32_t bytes;		/* data, through the drive's frames */
	uint64_t timeout_ms;
};

static void build_fis(uint8_t *fis, const struct ahci_cmd *c)
{
	memset(fis, 0, FIS_H2D_SIZE);
	fis[0] = FIS_H2D;
	fis[1] = FIS_H2D_COMMAND;
	fis[2] = c->command;
	fis[3] = c->features;
	fis[4] = (uint8_t)c->lba;
	fis[5] = (uint8_t)(c->lba >> 8);
	fis[6] = (uint8_t)(c->lba >> 16);
	fis[7] = c->device;
	fis[8] = (uint8_t)(c->lba >> 24);
	fis[9] = (uint8_t)(c->lba >> 32);
	fis[10] = (uint8_t)(c->lba >> 40);
	fis[12] = (uint8_t)c->count;
	fis[13] = (uint8_t)(c->count >> 8);
}

/* Slot 0 of drive ARG is done: completed or failed.  */
static bool completed(void *arg)
{
	const struct ahci_drive *d = arg;

	return !(port_read(d, PX_CI) & 1) ||
	       (port_read(d, PX_IS) & PXIS_ERRORS);
}

/* How a command ended: the port's task file and interrupt status, and
   the bytes the HBA moved.  */
struct outcome {
	uint32_t tfd, is, moved;
};

/* Issue C in slot 0 and poll until it completes, fails or times out.
   A command that moved fewer bytes than asked failed too.  */
static int execute(struct ahci_drive *d, const struct ahci_cmd *c,
		   struct outcome *out)
{
	struct cmd_header *hdr = dma_ptr(d->mem + MEM_CMD_LIST);
	uint8_t *table = dma_ptr(d->mem + MEM_CMD_TABLE);
	struct prd *prdt = (struct prd *)(table + TABLE_PRDT);
	uint32_t left = c->bytes, n;
	uint16_t i;
	bool done;

	KASSERT(c->bytes <= DATA_BYTES && !(c->bytes & 1));
	memset(out, 0, sizeof(*out));
	out->tfd = port_read(d, PX_TFD);
	out->is = port_read(d, PX_IS);
	/* A port that did not come back from a failure takes nothing.  */
	if (!(port_read(d, PX_CMD) & PXCMD_ST) || (port_read(d, PX_CI) & 1))
		return ERR_IO;
	memset(table, 0, TABLE_PRDT);
	build_fis(table + TABLE_CFIS, c);
	if (c->packet)
		memcpy(table + TABLE_ACMD, c->packet, ATAPI_PACKET_SIZE);
	for (i = 0; left; i++) {
		n = left < FRAME_SIZE ? left : (uint32_t)FRAME_SIZE;
		prdt[i].dba = (uint32_t)d->data[i];
		prdt[i].dbau = (uint32_t)(d->data[i] >> 32);
		prdt[i].reserved = 0;
		prdt[i].dbc = n - 1;
		left -= n;
	}
	memset(hdr, 0, sizeof(*hdr));
	hdr->flags = (uint16_t)(FIS_H2D_SIZE / 4 |
				(c->packet ? HDR_ATAPI : 0) |
				(c->write ? HDR_WRITE : 0));
	hdr->prdtl = i;
	hdr->ctba = (uint32_t)(d->mem + MEM_CMD_TABLE);
	hdr->ctbau = (uint32_t)((d->mem + MEM_CMD_TABLE) >> 32);
	port_write(d, PX_IS, ~0U);
	/* The header and table are in memory before the HBA may fetch
	   them (x86 keeps stores in order; the compiler must too).  */
	__asm__ volatile("" ::: "memory");
	port_write(d, PX_CI, 1);

	done = completed(d) || timer_poll(completed, d, c->timeout_ms);
	__asm__ volatile("" ::: "memory");
	out->tfd = port_read(d, PX_TFD);
	out->is = port_read(d, PX_IS);
	out->moved = ((volatile struct cmd_header *)hdr)->prdbc;
	if (!done)
		return ERR_TIMEDOUT;
	if (out->tfd & (ATA_ST_ERR | ATA_ST_DF))
		return ata_error(out->tfd & 0xFF, (out->tfd >> 8) & 0xFF,
				 c->packet != NULL);
	/* A bus error, or fewer bytes than asked: the link, not the drive.  */
	if ((out->is & PXIS_ERRORS) || out->moved != c->bytes)
		return ERR_IO;
	return 0;
}

static const char *command_name(uint8_t command)
{
	switch (command) {
	case ATA_CMD_READ_DMA_EXT:
		return "READ DMA EXT";
	case ATA_CMD_WRITE_DMA_EXT:
		return "WRITE DMA EXT";
	case ATA_CMD_READ_DMA:
		return "READ DMA";
	case ATA_CMD_WRITE_DMA:
		return "WRITE DMA";
	case ATA_CMD_FLUSH_EXT:
		return "FLUSH CACHE EXT";
	case ATA_CMD_FLUSH:
		return "FLUSH CACHE";
	case ATA_CMD_IDENTIFY:
		return "IDENTIFY DEVICE";
	case ATA_CMD_ID_PACKET:
		return "IDENTIFY PACKET DEVICE";
	case ATA_CMD_PACKET:
		return "PACKET";
	default:
		return "command";
	}
}

/* Run C; on failure, say what failed (when REPORT) and recover the
   port.  */
static int run(struct ahci_drive *d, const struct ahci_cmd *c, bool report)
{
	struct outcome out;
	uint32_t serr;
	char what[160];
	int err = execute(d, c, &out);

	if (!err)
		return 0;
	serr = port_read(d, PX_SERR);
	if (report) {
		if (c->packet)
			ksnprintf(what, sizeof(what), "PACKET 0x%02x",
				  c->packet[0]);
		else if (c->count)
			ksnprintf(what, sizeof(what), "%s at LBA %llu, %u"
				  " sectors", command_name(c->command),
				  (unsigned long long)c->lba, c->count);
		else
			ksnprintf(what, sizeof(what), "%s",
				  command_name(c->command));
		ksnprintf(what + strlen(what), sizeof(what) - strlen(what),
			  ": %s: status 0x%02x, error 0x%02x, IS 0x%08x,"
			  " SERR 0x%08x, %u of %u bytes", error_message(err),
			  out.tfd & 0xFF, (out.tfd >> 8) & 0xFF, out.is, serr,
			  out.moved, c->bytes);
		ahci_say(d, KLOG_ERR, what);
	}
	ahci_port_recover(d);
	return err;
}

/* Copy BYTES between BUF and the drive's data frames.  */
static void to_frames(const struct ahci_drive *d, const uint8_t *buf,
		      uint32_t bytes)
{
	uint32_t n;
	int i;

	for (i = 0; bytes; i++, buf += n, bytes -= n) {
		n = bytes < FRAME_SIZE ? bytes : (uint32_t)FRAME_SIZE;
		memcpy(dma_ptr(d->data[i]), buf, n);
	}
}

static void from_frames(const struct ahci_drive *d, uint8_t *buf,
			uint32_t bytes)
{
	uint32_t n;
	int i;

	for (i = 0; bytes; i++, buf += n, bytes -= n) {
		n = bytes < FRAME_SIZE ? bytes : (uint32_t)FRAME_SIZE;
		memcpy(buf, dma_ptr(d->data[i]), n);
	}
}

static int check_disk_range(const struct ahci_drive *d, uint64_t lba,
			    uint32_t count)
{
	if (!d || d->atapi || !count || lba >= d->sectors ||
	    count > d->sectors - lba || lba + count > ATA_LBA48_LIMIT ||
	    (!d->lba48 && lba + count > ATA_LBA28_LIMIT))
		return ERR_INVAL;
	return 0;
}

/* Move COUNT sectors between the disk and BUF, DATA_BYTES at a time;
   WRITE says which way.  */
static int transfer(struct ahci_drive *d, uint64_t lba, uint32_t count,
		    uint8_t *buf, bool write)
{
	const uint32_t per = DATA_BYTES / ATA_SECTOR_SIZE;
	struct ahci_cmd c;
	uint32_t n;
	int err = check_disk_range(d, lba, count);

	if (err)
		return err;
	for (; count; count -= n, lba += n, buf += n * ATA_SECTOR_SIZE) {
		n = count < per ? count : per;
		memset(&c, 0, sizeof(c));
		c.count = (uint16_t)n;
		c.write = write;
		c.bytes = n * ATA_SECTOR_SIZE;
		c.timeout_ms = AHCI_TIMEOUT_MS;
		if (d->lba48) {
			c.command = write ? ATA_CMD_WRITE_DMA_EXT :
					    ATA_CMD_READ_DMA_EXT;
			c.device = ATA_DEV_LBA;
		} else {
			/* LBA28: bits 24..27 go in the device register; the
			   FIS's high LBA bytes are ignored.  */
			c.command = write ? ATA_CMD_WRITE_DMA :
					    ATA_CMD_READ_DMA;
			c.device = (uint8_t)(ATA_DEV_LBA | ((lba >> 24) & 0xF));
		}
		c.lba = lba;
		if (write)
			to_frames(d, buf, c.bytes);
		err = run(d, &c, true);
		if (err)
			return err;
		if (!write)
			from_frames(d, buf, c.bytes);
	}
	return 0;
}

int ahci_read(struct ahci_drive *d, uint64_t lba, uint32_t count, void *buf)
{
	return transfer(d, lba, count, buf, false);
}

/* The buffer is only read: transfer's pointer is not const because it
   serves both directions.  */
int ahci_write(struct ahci_drive *d, uint64_t lba, uint32_t count,
	       const void *buf)
{
	return transfer(d, lba, count, (uint8_t *)(uintptr_t)buf, true);
}

int ahci_flush(struct ahci_drive *d)
{
	struct ahci_cmd c;

	if (!d || d->atapi)
		return ERR_INVAL;
	memset(&c, 0, sizeof(c));
	c.command = d->lba48 ? ATA_CMD_FLUSH_EXT : ATA_CMD_FLUSH;
	c.device = ATA_DEV_LBA;
	c.timeout_ms = AHCI_FLUSH_TIMEOUT_MS;
	return run(d, &c, true);
}

/* The packet PKT with BYTES of answer into the data frames, retried:
   the first one after a reset or medium change fails with UNIT
   ATTENTION.  Only the last failure is reported, and only if REPORT.  */
static int packet(struct ahci_drive *d, const uint8_t *pkt, uint32_t bytes,
		  bool report)
{
	struct ahci_cmd c;
	int tries, err = ERR_IO;

	memset(&c, 0, sizeof(c));
	c.command = ATA_CMD_PACKET;
	/* Without DMA, the HBA moves the data by PIO (PIO Setup FISes) in
	   pieces of at most the byte count limit.  */
	c.features = d->atapi_dma ? PACKET_DMA : 0;
	c.lba = (uint64_t)(bytes < PACKET_BYTE_LIMIT ? bytes :
			   PACKET_BYTE_LIMIT) << 8;
	c.packet = pkt;
	c.bytes = bytes;
	c.timeout_ms = AHCI_TIMEOUT_MS;
	for (tries = 1; tries <= 3; tries++) {
		err = run(d, &c, report && tries == 3);
		if (!ata_drive_said_no(err))
			break;
	}
	return err;
}

int ahci_atapi_read(struct ahci_drive *d, uint32_t lba, uint32_t count,
		    void *buf)
{
	const uint32_t per = DATA_BYTES / ATAPI_SECTOR_SIZE;
	uint8_t pkt[ATAPI_PACKET_SIZE], *p = buf;
	uint32_t n;
	int err;

	if (!d || !d->atapi || !count)
		return ERR_INVAL;
	for (; count; count -= n, lba += n, p += n * ATAPI_SECTOR_SIZE) {
		n = count < per ? count : per;
		atapi_read10_packet(pkt, lba, (uint16_t)n);
		err = packet(d, pkt, n * ATAPI_SECTOR_SIZE, true);
		if (err)
			return err;
		from_frames(d, p, n * ATAPI_SECTOR_SIZE);
	}
	return 0;
}

int ahci_atapi_capacity(struct ahci_drive *d, uint32_t *sectors)
{
	uint8_t pkt[ATAPI_PACKET_SIZE], ans[ATAPI_CAPACITY_ANSWER];
	int err;

	if (!d || !d->atapi)
		return ERR_INVAL;
	atapi_capacity_packet(pkt);
	err = packet(d, pkt, sizeof(ans), false);
	if (err)
		return err;
	from_frames(d, ans, sizeof(ans));
	*sectors = atapi_capacity_sectors(ans);
	return 0;
}

bool ahci_identify(struct ahci_drive *d)
{
	uint16_t id[ATA_IDENTIFY_WORDS];
	struct ata_identity ident;
	struct ahci_cmd c;

	memset(&c, 0, sizeof(c));
	c.command = d->atapi ? ATA_CMD_ID_PACKET : ATA_CMD_IDENTIFY;
	c.bytes = sizeof(id);
	c.timeout_ms = AHCI_TIMEOUT_MS;
	if (run(d, &c, true))
		return false;
	from_frames(d, (uint8_t *)id, sizeof(id));
	if (!ata_parse_identify(id, d->atapi, &ident))
		return false;
	d->lba48 = ident.lba48;
	d->atapi_dma = d->atapi && ident.dma;
	d->sectors = ident.sectors;
	memcpy(d->model, ident.model, sizeof(d->model));
	return true;
}
