/* ahci.c - AHCI host bus adapters: SATA disks and ATAPI drives by DMA
   through a command list and PRD tables, one command at a time (slot
   0), polled to completion.

   Receives: paging_init() has run (the HBA's registers are mapped here
   with paging_map_mmio), the frame allocator, and the PIT running
   (timer_poll and timer_sleep_ms bound every wait).  Leaves: ahci_init()
   fills the drive table; each port with a drive is running (PxCMD.FRE
   and ST set) and idle between calls, with no interrupt enabled.
   See ahci.h for the contract.

   Memory: each drive has one frame for what the HBA reads and writes
   besides data (command list, received FIS area, command table: see
   MEM_*) and AHCI_DATA_FRAMES frames that every command's data passes
   through, one PRD entry each, so a caller's buffer needs no alignment
   and no particular address.  Frames are physical addresses, and
   paging maps RAM one-to-one (mm/paging.h), so the same number is the
   CPU's pointer: dma_ptr() asserts it.  Without 64-bit DMA (CAP.S64A),
   frames above 4 GiB are refused.  */

#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/pit.h"
#include "drivers/ahci.h"
#include "drivers/pci.h"
#include "kassert.h"
#include "klog.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/paging.h"

/* The PCI BAR that holds the HBA's registers (ABAR).  */
#define AHCI_ABAR		5
#define AHCI_MAX_HBAS		4

/* Generic host control registers.  */
#define HBA_CAP		0x00
#define HBA_GHC		0x04
#define HBA_PI		0x0C	/* ports implemented */
#define HBA_VS		0x10
#define HBA_CAP2	0x24
#define HBA_BOHC	0x28	/* BIOS/OS handoff control and status */
#define HBA_PORTS	0x100	/* port 0's registers, 0x80 each */
#define HBA_PORT_SIZE	0x80

#define CAP_NP(cap)	(((cap) & 0x1F) + 1)		/* ports */
#define CAP_NCS(cap)	((((cap) >> 8) & 0x1F) + 1) /* command slots */
#define CAP_S64A	(1U << 31)	/* 64-bit DMA addresses */
#define GHC_IE		(1U << 1)
#define GHC_AE		(1U << 31)	/* AHCI mode, not legacy IDE */
#define CAP2_BOH	(1U << 0)	/* BIOS/OS handoff supported */
#define BOHC_BOS	(1U << 0)	/* the BIOS owns the HBA */
#define BOHC_OOS	(1U << 1)	/* the OS asks for it */
#define BOHC_BB		(1U << 4)	/* the BIOS is busy with it */

/* Port registers, from the port's base.  */
#define PX_CLB		0x00	/* command list base */
#define PX_CLBU		0x04
#define PX_FB		0x08	/* received FIS base */
#define PX_FBU		0x0C
#define PX_IS		0x10	/* interrupt status (1s clear) */
#define PX_IE		0x14
#define PX_CMD		0x18
#define PX_TFD		0x20	/* task file: status, error << 8 */
#define PX_SIG		0x24
#define PX_SSTS		0x28	/* SATA status */
#define PX_SCTL		0x2C	/* SATA control */
#define PX_SERR		0x30	/* SATA error (write 1 to clear) */
#define PX_CI		0x38	/* commands issued */

#define PXCMD_ST	(1U << 0)	/* process the command list */
#define PXCMD_SUD	(1U << 1)	/* spin up the device */
#define PXCMD_POD	(1U << 2)	/* power on the device */
#define PXCMD_FRE	(1U << 4)	/* receive FISes */
#define PXCMD_FR	(1U << 14)	/* FIS receive running */
#define PXCMD_CR	(1U << 15)	/* command list running */

#define PXIS_TFES	(1U << 30)	/* task file error */
#define PXIS_HBFS	(1U << 29)	/* host bus fatal error */
#define PXIS_HBDS	(1U << 28)	/* host bus data error */
#define PXIS_IFS	(1U << 27)	/* interface fatal error */
#define PXIS_ERRORS	(PXIS_TFES | PXIS_HBFS | PXIS_HBDS | PXIS_IFS)

#define SSTS_DET(ssts)	((ssts) & 0xF)
#define DET_NO_PHY	1	/* a device, but no communication yet */
#define DET_PRESENT	3	/* a device, and the link is up */
#define SCTL_DET_MASK	0xFU
#define SCTL_DET_RESET	0x1U	/* hold COMRESET */

/* A signature no device sent: no D2H FIS since the last reset.  */
#define SIG_NONE	0xFFFFFFFFU

/* How long the HBA may take to stop a port's engines, to bring the link
   up after COMRESET, and the BIOS to give the HBA up (2 s more when it
   says it is busy).  COMRESET is held at least 1 ms.  */
#define STOP_MS			500
#define LINK_MS			1000
#define HANDOFF_MS		25
#define HANDOFF_BUSY_MS		2000
#define COMRESET_HOLD_MS	2

/* The layout of a drive's memory frame.  */
#define MEM_CMD_LIST	0x000	/* 32 command headers; 1 KiB aligned */
#define MEM_RX_FIS	0x400	/* received FISes; 256 bytes, aligned */
#define MEM_CMD_TABLE	0x500	/* slot 0's table, 128-aligned */
#define TABLE_CFIS	0x00	/* the command FIS */
#define TABLE_ACMD	0x40	/* the ATAPI packet */
#define TABLE_PRDT	0x80	/* the PRD entries */

/* A command header (the command list holds 32).  */
struct cmd_header {
	uint16_t flags;		/* FIS length in dwords, HDR_* */
	uint16_t prdtl;		/* PRD entries */
	uint32_t prdbc;		/* bytes moved, written by the HBA */
	uint32_t ctba, ctbau;	/* command table */
	uint32_t reserved[4];
};
#define HDR_ATAPI	(1U << 5)
#define HDR_WRITE	(1U << 6)	/* data to the device */

/* A physical region descriptor.  */
struct prd {
	uint32_t dba, dbau;	/* data base address, even */
	uint32_t reserved;
	uint32_t dbc;		/* byte count - 1 (odd: counts are even) */
};

/* A register host-to-device FIS.  */
#define FIS_H2D		0x27
#define FIS_H2D_SIZE	20
#define FIS_H2D_COMMAND	0x80	/* byte 1: it carries a command */
/* ATAPI PACKET's features bit: data by DMA.  */
#define PACKET_DMA	0x01
/* The byte count limit a PIO packet command would use (even).  */
#define PACKET_BYTE_LIMIT	0xFFFE

_Static_assert(sizeof(struct cmd_header) == 32, "command header layout");
_Static_assert(sizeof(struct prd) == 16, "PRD layout");
_Static_assert(MEM_CMD_TABLE + TABLE_PRDT +
	       AHCI_DATA_FRAMES * sizeof(struct prd) <= FRAME_SIZE,
	       "the command table fits the drive's frame");

/* The most data one command moves.  */
#define DATA_BYTES	(AHCI_DATA_FRAMES * FRAME_SIZE)

struct ahci_hba {
	uint64_t abar;		/* registers, mapped one-to-one */
	struct pci_function pci;
	uint32_t cap;
};

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

static struct ahci_hba hbas[AHCI_MAX_HBAS];
static int nhbas;
static struct ahci_drive drives[AHCI_MAX_DRIVES];
static int ndrives;

/* Frame PHYS as the CPU's pointer.  Frame addresses go to the HBA as
   they are, so this is where the identity map is relied on.  */
static void *dma_ptr(uint64_t phys)
{
	void *p = phys_ptr(phys);

	KASSERT((uint64_t)(uintptr_t)p == phys);
	return p;
}

static uint32_t hba_read(const struct ahci_hba *h, uint32_t reg)
{
	return *(volatile uint32_t *)phys_ptr(h->abar + reg);
}

static void hba_write(const struct ahci_hba *h, uint32_t reg, uint32_t v)
{
	*(volatile uint32_t *)phys_ptr(h->abar + reg) = v;
}

static uint32_t port_reg(const struct ahci_drive *d, uint32_t reg)
{
	return HBA_PORTS + d->port * HBA_PORT_SIZE + reg;
}

static uint32_t port_read(const struct ahci_drive *d, uint32_t reg)
{
	return hba_read(d->hba, port_reg(d, reg));
}

static void port_write(const struct ahci_drive *d, uint32_t reg, uint32_t v)
{
	hba_write(d->hba, port_reg(d, reg), v);
}

/* What reg_reached waits for, and the value it saw last.  */
struct reg_wait {
	const struct ahci_hba *h;
	uint32_t reg, mask, want;
	uint32_t val;
};

static bool reg_reached(void *arg)
{
	struct reg_wait *w = arg;

	w->val = hba_read(w->h, w->reg);
	return (w->val & w->mask) == w->want;
}

/* Wait until (register REG & MASK) == WANT.  False after MS ms.  */
static bool hba_wait(const struct ahci_hba *h, uint32_t reg, uint32_t mask,
		     uint32_t want, uint64_t ms)
{
	struct reg_wait w = { h, reg, mask, want, 0 };

	return reg_reached(&w) || timer_poll(reg_reached, &w, ms);
}

static bool port_wait(const struct ahci_drive *d, uint32_t reg,
		      uint32_t mask, uint32_t want, uint64_t ms)
{
	return hba_wait(d->hba, port_reg(d, reg), mask, want, ms);
}

/* Log WHAT at LEVEL, after "ahci: 00:1f.2 port 0: ".  */
static void say(const struct ahci_drive *d, int level, const char *what)
{
	const struct pci_function *f = &d->hba->pci;

	klog(level, "ahci: %02x:%02x.%x port %u: %s", f->bus, f->dev, f->fn,
	     d->port, what);
}

/* Stop the command list engine (and the FIS receive engine too, when
   FIS is true).  False if the HBA does not stop them in time.  */
static bool port_stop(struct ahci_drive *d, bool fis)
{
	uint32_t cmd = port_read(d, PX_CMD);

	if (cmd & PXCMD_ST)
		port_write(d, PX_CMD, cmd & ~PXCMD_ST);
	if (!port_wait(d, PX_CMD, PXCMD_CR, 0, STOP_MS))
		return false;
	if (!fis)
		return true;
	cmd = port_read(d, PX_CMD);
	if (cmd & PXCMD_FRE)
		port_write(d, PX_CMD, cmd & ~PXCMD_FRE);
	return port_wait(d, PX_CMD, PXCMD_FR, 0, STOP_MS);
}

/* COMRESET: reset the link and the device behind it.  True when the
   link is up again.  */
static bool port_comreset(struct ahci_drive *d)
{
	uint32_t sctl = port_read(d, PX_SCTL) & ~SCTL_DET_MASK;
	bool up;

	port_write(d, PX_SCTL, sctl | SCTL_DET_RESET);
	timer_sleep_ms(COMRESET_HOLD_MS);
	port_write(d, PX_SCTL, sctl);
	up = port_wait(d, PX_SSTS, 0xF, DET_PRESENT, LINK_MS);
	/* The link going down and up leaves its marks in SERR.  */
	port_write(d, PX_SERR, ~0U);
	return up;
}

/* Start the command list engine once the device is idle.  */
static int port_start(struct ahci_drive *d)
{
	if (!port_wait(d, PX_TFD, ATA_ST_BSY | ATA_ST_DRQ, 0, AHCI_TIMEOUT_MS))
		return ATA_ETIMEDOUT;
	port_write(d, PX_CMD, port_read(d, PX_CMD) | PXCMD_FRE | PXCMD_ST);
	return 0;
}

/* After a failed command: stop the port, clear its errors, reset the
   device if it stays busy, start again.  */
static void port_recover(struct ahci_drive *d)
{
	if (!port_stop(d, false))
		say(d, KLOG_WARN, "command engine does not stop");
	port_write(d, PX_SERR, ~0U);
	port_write(d, PX_IS, ~0U);
	if (port_read(d, PX_TFD) & (ATA_ST_BSY | ATA_ST_DRQ)) {
		say(d, KLOG_WARN, "device busy: COMRESET");
		if (!port_comreset(d))
			say(d, KLOG_WARN, "link down after COMRESET");
		port_write(d, PX_IS, ~0U);
	}
	if (port_start(d))
		say(d, KLOG_WARN, "device still busy: port not restarted");
}

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

/* Issue C in slot 0 and poll until it completes, fails or times out.
   *TFD and *IS receive the port's task file and interrupt status.  */
static int execute(struct ahci_drive *d, const struct ahci_cmd *c,
		   uint32_t *tfd, uint32_t *is)
{
	struct cmd_header *hdr = dma_ptr(d->mem + MEM_CMD_LIST);
	uint8_t *table = dma_ptr(d->mem + MEM_CMD_TABLE);
	struct prd *prdt = (struct prd *)(table + TABLE_PRDT);
	uint32_t left = c->bytes, n;
	uint16_t i;
	bool done;

	KASSERT(c->bytes <= DATA_BYTES && !(c->bytes & 1));
	*tfd = port_read(d, PX_TFD);
	*is = port_read(d, PX_IS);
	/* A port that did not come back from a failure takes nothing.  */
	if (!(port_read(d, PX_CMD) & PXCMD_ST) || (port_read(d, PX_CI) & 1))
		return ATA_EIO;
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
	*tfd = port_read(d, PX_TFD);
	*is = port_read(d, PX_IS);
	if (!done)
		return ATA_ETIMEDOUT;
	if ((*is & PXIS_ERRORS) || (*tfd & (ATA_ST_ERR | ATA_ST_DF)))
		return ATA_EIO;
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
	uint32_t tfd, is, serr;
	char what[128];
	int err = execute(d, c, &tfd, &is);

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
			  " SERR 0x%08x", ata_strerror(err), tfd & 0xFF,
			  (tfd >> 8) & 0xFF, is, serr);
		say(d, KLOG_ERR, what);
	}
	port_recover(d);
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
		return ATA_EINVAL;
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
		return ATA_EINVAL;
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
	int tries, err = ATA_EIO;

	memset(&c, 0, sizeof(c));
	c.command = ATA_CMD_PACKET;
	c.features = PACKET_DMA;
	c.lba = (uint64_t)(bytes < PACKET_BYTE_LIMIT ? bytes :
			   PACKET_BYTE_LIMIT) << 8;
	c.packet = pkt;
	c.bytes = bytes;
	c.timeout_ms = AHCI_TIMEOUT_MS;
	for (tries = 1; tries <= 3; tries++) {
		err = run(d, &c, report && tries == 3);
		if (err != ATA_EIO)
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
		return ATA_EINVAL;
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
		return ATA_EINVAL;
	atapi_capacity_packet(pkt);
	err = packet(d, pkt, sizeof(ans), false);
	if (err)
		return err;
	from_frames(d, ans, sizeof(ans));
	*sectors = atapi_capacity_sectors(ans);
	return 0;
}

/* IDENTIFY (PACKET) DEVICE into D.  */
static bool identify(struct ahci_drive *d)
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
	d->sectors = ident.sectors;
	memcpy(d->model, ident.model, sizeof(d->model));
	return true;
}

static void free_memory(struct ahci_drive *d)
{
	int i;

	for (i = 0; i < AHCI_DATA_FRAMES; i++)
		if (d->data[i])
			frame_free(d->data[i]);
	if (d->mem)
		frame_free(d->mem);
	d->mem = 0;
	memset(d->data, 0, sizeof(d->data));
}

/* A frame the HBA can reach, or 0.  */
static uint64_t dma_frame(const struct ahci_hba *h)
{
	uint64_t f = frame_alloc();

	if (f && !(h->cap & CAP_S64A) && f + FRAME_SIZE > (1ULL << 32)) {
		frame_free(f);
		return 0;
	}
	return f;
}

static bool alloc_memory(struct ahci_drive *d)
{
	int i;

	d->mem = dma_frame(d->hba);
	for (i = 0; i < AHCI_DATA_FRAMES && d->mem; i++) {
		d->data[i] = dma_frame(d->hba);
		if (!d->data[i])
			break;
	}
	if (d->mem && i == AHCI_DATA_FRAMES)
		return true;
	free_memory(d);
	return false;
}

/* Point the port at D's memory and start it; find out what is there.
   Returns false (after saying why) if there is nothing we drive.  */
static bool port_attach(struct ahci_drive *d)
{
	uint64_t fis = d->mem + MEM_RX_FIS;
	uint32_t sig;
	char what[80];

	port_write(d, PX_CLB, (uint32_t)(d->mem + MEM_CMD_LIST));
	port_write(d, PX_CLBU, (uint32_t)((d->mem + MEM_CMD_LIST) >> 32));
	port_write(d, PX_FB, (uint32_t)fis);
	port_write(d, PX_FBU, (uint32_t)(fis >> 32));
	port_write(d, PX_SERR, ~0U);
	port_write(d, PX_IS, ~0U);
	port_write(d, PX_CMD, port_read(d, PX_CMD) | PXCMD_SUD | PXCMD_POD |
		   PXCMD_FRE);
	sig = port_read(d, PX_SIG);
	/* Busy since the BIOS left it, or no signature since the last
	   reset: a COMRESET makes the device send a fresh one.  */
	if (port_start(d) || sig == SIG_NONE) {
		(void)port_stop(d, false);
		if (!port_comreset(d) || port_start(d)) {
			say(d, KLOG_WARN, "no answer after COMRESET");
			return false;
		}
		sig = port_read(d, PX_SIG);
	}
	if (sig == ATA_SIG_ATAPI) {
		d->atapi = true;
	} else if (sig != ATA_SIG_ATA) {
		ksnprintf(what, sizeof(what),
			  "signature 0x%08x: not a disk or CD drive", sig);
		say(d, KLOG_WARN, what);
		return false;
	}
	if (!identify(d)) {
		say(d, KLOG_WARN, d->atapi ? "IDENTIFY PACKET DEVICE failed" :
			"IDENTIFY DEVICE failed");
		return false;
	}
	return true;
}

/* Set up port PORT of H.  Returns true if a drive was added; *EMPTY
   gets the port's bit when there is no device.  */
static bool port_probe(struct ahci_hba *h, uint8_t port, uint32_t *empty)
{
	struct ahci_drive *d = &drives[ndrives];
	char what[96];

	memset(d, 0, sizeof(*d));
	d->hba = h;
	d->port = port;
	port_write(d, PX_IE, 0);
	if (!port_stop(d, true)) {
		say(d, KLOG_WARN, "does not stop: left alone");
		return false;
	}
	if (SSTS_DET(port_read(d, PX_SSTS)) == DET_NO_PHY)
		(void)port_comreset(d);
	if (SSTS_DET(port_read(d, PX_SSTS)) != DET_PRESENT) {
		*empty |= 1U << port;
		return false;
	}
	if (ndrives == AHCI_MAX_DRIVES) {
		say(d, KLOG_WARN, "too many drives: left alone");
		return false;
	}
	if (!alloc_memory(d)) {
		say(d, KLOG_WARN, "no memory for DMA: left alone");
		return false;
	}
	if (!port_attach(d)) {
		(void)port_stop(d, true);
		free_memory(d);
		return false;
	}
	if (d->atapi)
		ksnprintf(what, sizeof(what), "CD drive \"%s\"", d->model);
	else
		ksnprintf(what, sizeof(what), "disk \"%s\", %llu sectors%s",
			  d->model, (unsigned long long)d->sectors,
			  d->lba48 ? ", LBA48" : "");
	say(d, KLOG_INFO, what);
	ndrives++;
	return true;
}

/* Take H from the BIOS, if it has a say (CAP2.BOH): ask for ownership
   and wait for the BIOS to let go.  */
static void bios_handoff(struct ahci_hba *h)
{
	if (!(hba_read(h, HBA_CAP2) & CAP2_BOH))
		return;
	hba_write(h, HBA_BOHC, hba_read(h, HBA_BOHC) | BOHC_OOS);
	if (hba_wait(h, HBA_BOHC, BOHC_BOS, 0, HANDOFF_MS))
		return;
	if ((hba_read(h, HBA_BOHC) & BOHC_BB) &&
	    hba_wait(h, HBA_BOHC, BOHC_BOS, 0, HANDOFF_BUSY_MS))
		return;
	klog(KLOG_WARN, "ahci: %02x:%02x.%x: the BIOS keeps the controller;"
	     " taking it anyway", h->pci.bus, h->pci.dev, h->pci.fn);
}

/* The port numbers in MASK, as " 1 3 4" into BUF.  */
static void port_list(uint32_t mask, char *buf, size_t size)
{
	size_t n = 0;
	unsigned int p;

	buf[0] = '\0';
	for (p = 0; p < 32 && n < size; p++)
		if (mask & (1U << p))
			n += (size_t)ksnprintf(buf + n, size - n, " %u", p);
}

static void hba_init(const struct pci_function *f)
{
	struct ahci_hba *h = &hbas[nhbas];
	struct pci_bar bar;
	uint32_t pi, vs, empty = 0;
	unsigned int p, top = 0;
	char list[100];

	if (!pci_bar(f, AHCI_ABAR, &bar) || bar.io || !bar.addr) {
		klog(KLOG_WARN, "ahci: %02x:%02x.%x: no register BAR: left"
		     " alone", f->bus, f->dev, f->fn);
		return;
	}
	if (paging_map_mmio(bar.addr, HBA_PORTS)) {
		klog(KLOG_WARN, "ahci: %02x:%02x.%x: cannot map registers at"
		     " 0x%llx", f->bus, f->dev, f->fn,
		     (unsigned long long)bar.addr);
		return;
	}
	memset(h, 0, sizeof(*h));
	h->abar = bar.addr;
	h->pci = *f;
	pci_enable(f, PCI_CMD_MEMORY | PCI_CMD_BUS_MASTER);
	hba_write(h, HBA_GHC, (hba_read(h, HBA_GHC) | GHC_AE) & ~GHC_IE);
	bios_handoff(h);
	hba_write(h, HBA_GHC, (hba_read(h, HBA_GHC) | GHC_AE) & ~GHC_IE);
	h->cap = hba_read(h, HBA_CAP);
	pi = hba_read(h, HBA_PI);
	vs = hba_read(h, HBA_VS);
	for (p = 0; p < 32; p++)
		if (pi & (1U << p))
			top = p;
	if (paging_map_mmio(bar.addr, HBA_PORTS + (top + 1) * HBA_PORT_SIZE))
		return;
	nhbas++;
	klog(KLOG_INFO, "ahci: %02x:%02x.%x %04x:%04x, AHCI %u.%u, %u ports,"
	     " %u command slots%s", f->bus, f->dev, f->fn, f->vendor,
	     f->device, vs >> 16, (vs >> 8) & 0xFF, CAP_NP(h->cap),
	     CAP_NCS(h->cap), h->cap & CAP_S64A ? ", 64-bit DMA" : "");
	for (p = 0; p < 32; p++)
		if (pi & (1U << p))
			(void)port_probe(h, (uint8_t)p, &empty);
	if (empty) {
		port_list(empty, list, sizeof(list));
		klog(KLOG_INFO, "ahci: %02x:%02x.%x: no device on port%s%s",
		     f->bus, f->dev, f->fn, empty & (empty - 1) ? "s" : "",
		     list);
	}
}

int ahci_init(void)
{
	struct pci_function f;
	unsigned int i;

	ndrives = 0;
	nhbas = 0;
	for (i = 0; nhbas < AHCI_MAX_HBAS &&
		    pci_find_class(PCI_CLASS_STORAGE, PCI_SUBCLASS_SATA,
				   PCI_PROG_IF_AHCI, i, &f); i++)
		hba_init(&f);
	return ndrives;
}

int ahci_drive_count(void)
{
	return ndrives;
}

struct ahci_drive *ahci_drive(int i)
{
	return i >= 0 && i < ndrives ? &drives[i] : NULL;
}

void ahci_drive_pci(const struct ahci_drive *d, uint8_t *bus, uint8_t *dev,
		    uint8_t *fn)
{
	*bus = d->hba->pci.bus;
	*dev = d->hba->pci.dev;
	*fn = d->hba->pci.fn;
}
