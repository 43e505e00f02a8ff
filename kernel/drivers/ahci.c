/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* ahci.c - AHCI host bus adapters: finding them, taking them from the
   BIOS, bringing up each port with a device, and recovering a port
   after a failed command.  The commands themselves are in ahci-cmd.c;
   both share ahci-hw.h.

   Receives: paging_init() has run (the HBA's registers are mapped here
   with paging_map_mmio), the frame allocator, and the PIT running
   (timer_poll and timer_sleep_ms bound every wait).  Leaves: ahci_init()
   fills the drive table; each port with a drive is running (PxCMD.FRE
   and ST set) and idle between calls, with no interrupt enabled.
   See ahci.h for the contract.

   State: the controller and drive tables, filled by ahci_init() and
   never shrunk, so drive pointers stay valid; each drive's frames,
   held for the kernel's lifetime.

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
#include "drivers/ahci-hw.h"
#include "klog.h"
#include "lib/error.h"
#include "lib/printf.h"
#include "lib/string.h"

#define AHCI_MAX_HBAS		4

/* How long the HBA may take to stop a port's engines, to bring the link
   up after COMRESET, and the BIOS to give the HBA up (2 s more when it
   says it is busy).  COMRESET is held at least 1 ms.  */
#define STOP_MS			500
#define LINK_MS			1000
#define SPIN_UP_LINK_MS		50
#define HANDOFF_MS		25
#define HANDOFF_BUSY_MS		2000
#define COMRESET_HOLD_MS	2

static struct ahci_hba hbas[AHCI_MAX_HBAS];
static int nhbas;
static struct ahci_drive drives[AHCI_MAX_DRIVES];
static int ndrives;

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
void ahci_say(const struct ahci_drive *d, int level, const char *what)
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
	up = port_wait(d, PX_SSTS, SSTS_DET_MASK, DET_PRESENT, LINK_MS);
	/* The link going down and up leaves its marks in SERR.  */
	port_write(d, PX_SERR, ~0U);
	return up;
}

/* Start the command list engine once the device is idle.  */
static int port_start(struct ahci_drive *d)
{
	if (!port_wait(d, PX_TFD, ATA_ST_BSY | ATA_ST_DRQ, 0, AHCI_TIMEOUT_MS))
		return ERR_TIMEDOUT;
	port_write(d, PX_CMD, port_read(d, PX_CMD) | PXCMD_FRE | PXCMD_ST);
	return 0;
}

void ahci_port_recover(struct ahci_drive *d)
{
	if (!port_stop(d, false))
		ahci_say(d, KLOG_WARN, "command engine does not stop");
	port_write(d, PX_SERR, ~0U);
	port_write(d, PX_IS, ~0U);
	if (port_read(d, PX_TFD) & (ATA_ST_BSY | ATA_ST_DRQ)) {
		ahci_say(d, KLOG_WARN, "device busy: COMRESET");
		if (!port_comreset(d))
			ahci_say(d, KLOG_WARN, "link down after COMRESET");
		port_write(d, PX_IS, ~0U);
	}
	if (port_start(d))
		ahci_say(d, KLOG_WARN, "device still busy: port not restarted");
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
	port_write(d, PX_CMD, port_read(d, PX_CMD) | PXCMD_FRE);
	sig = port_read(d, PX_SIG);
	/* Busy since the BIOS left it, or no signature since the last
	   reset: a COMRESET makes the device send a fresh one.  */
	if (port_start(d) || sig == SIG_NONE) {
		(void)port_stop(d, false);
		if (!port_comreset(d) || port_start(d)) {
			ahci_say(d, KLOG_WARN, "no answer after COMRESET");
			return false;
		}
		sig = port_read(d, PX_SIG);
	}
	if (sig == ATA_SIG_ATAPI) {
		d->atapi = true;
	} else if (sig != ATA_SIG_ATA) {
		ksnprintf(what, sizeof(what),
			  "signature 0x%08x: not a disk or CD drive", sig);
		ahci_say(d, KLOG_WARN, what);
		return false;
	}
	if (!ahci_identify(d)) {
		ahci_say(d, KLOG_WARN, "not identified: left alone");
		return false;
	}
	return true;
}

/* Set up port PORT of H.  Returns true if a drive was added; *EMPTY
   gets the port's bit when there is no device.  */
static bool port_probe(struct ahci_hba *h, uint8_t port, uint32_t *empty)
{
	/* With the table full, a port is still looked at, to say so.  */
	static struct ahci_drive spare;
	struct ahci_drive *d = ndrives < AHCI_MAX_DRIVES ? &drives[ndrives] :
							     &spare;
	char what[96];

	memset(d, 0, sizeof(*d));
	d->hba = h;
	d->port = port;
	port_write(d, PX_IE, 0);
	if (!port_stop(d, true)) {
		ahci_say(d, KLOG_WARN, "does not stop: left alone");
		return false;
	}
	/* With staggered spin-up, the link comes up only once asked.  */
	port_write(d, PX_CMD, port_read(d, PX_CMD) | PXCMD_SUD | PXCMD_POD);
	if (h->cap & CAP_SSS)
		(void)port_wait(d, PX_SSTS, SSTS_DET_MASK, DET_PRESENT,
				SPIN_UP_LINK_MS);
	if (SSTS_DET(port_read(d, PX_SSTS)) == DET_NO_PHY)
		(void)port_comreset(d);
	if (SSTS_DET(port_read(d, PX_SSTS)) != DET_PRESENT) {
		*empty |= 1U << port;
		return false;
	}
	if (d == &spare) {
		ahci_say(d, KLOG_WARN, "too many drives: left alone");
		return false;
	}
	if (!alloc_memory(d)) {
		ahci_say(d, KLOG_WARN, "no memory for DMA: left alone");
		return false;
	}
	if (!port_attach(d)) {
		(void)port_stop(d, true);
		free_memory(d);
		return false;
	}
	if (d->atapi)
		ksnprintf(what, sizeof(what), "CD drive \"%s\", data by %s",
			  d->model, d->atapi_dma ? "DMA" : "PIO");
	else
		ksnprintf(what, sizeof(what), "disk \"%s\", %llu sectors%s",
			  d->model, (unsigned long long)d->sectors,
			  d->lba48 ? ", LBA48" : "");
	ahci_say(d, KLOG_INFO, what);
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
