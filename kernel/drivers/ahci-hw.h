/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* ahci-hw.h - what the AHCI driver's two files share: the HBA's
   registers and the structures it reads from memory (AHCI 1.3), the
   controller's state, register access, and the calls each file makes
   into the other.  ahci.c brings controllers and ports up and recovers
   a port after a failure; ahci-cmd.c builds, runs and reports commands.
   Internal to the driver: everything else includes drivers/ahci.h.  */

#ifndef DRIVERS_AHCI_HW_H
#define DRIVERS_AHCI_HW_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/ahci.h"
#include "drivers/pci.h"
#include "kassert.h"
#include "mm/frame.h"
#include "mm/paging.h"

/* The PCI BAR that holds the HBA's registers (ABAR).  */
#define AHCI_ABAR		5

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
#define CAP_SSS		(1U << 27)	/* staggered spin-up */
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

#define SSTS_DET_MASK	0xFU
#define SSTS_DET(ssts)	((ssts) & SSTS_DET_MASK)
#define DET_NO_PHY	1	/* a device, but no communication yet */
#define DET_PRESENT	3	/* a device, and the link is up */
#define SCTL_DET_MASK	0xFU
#define SCTL_DET_RESET	0x1U	/* hold COMRESET */

/* A signature no device sent: no D2H FIS since the last reset.  */
#define SIG_NONE	0xFFFFFFFFU

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

/* Frame PHYS as the CPU's pointer.  Frame addresses go to the HBA as
   they are, so this is where the identity map is relied on.  */
static inline void *dma_ptr(uint64_t phys)
{
	void *p = phys_ptr(phys);

	KASSERT((uint64_t)(uintptr_t)p == phys);
	return p;
}

static inline uint32_t hba_read(const struct ahci_hba *h, uint32_t reg)
{
	return *(volatile uint32_t *)phys_ptr(h->abar + reg);
}

static inline void hba_write(const struct ahci_hba *h, uint32_t reg,
			     uint32_t v)
{
	*(volatile uint32_t *)phys_ptr(h->abar + reg) = v;
}

static inline uint32_t port_reg(const struct ahci_drive *d, uint32_t reg)
{
	return HBA_PORTS + d->port * HBA_PORT_SIZE + reg;
}

static inline uint32_t port_read(const struct ahci_drive *d, uint32_t reg)
{
	return hba_read(d->hba, port_reg(d, reg));
}

static inline void port_write(const struct ahci_drive *d, uint32_t reg,
			      uint32_t v)
{
	hba_write(d->hba, port_reg(d, reg), v);
}

/* Log WHAT at LEVEL (klog.h), after "ahci: 00:1f.2 port 0: ".  */
void ahci_say(const struct ahci_drive *d, int level, const char *what);

/* ahci.c: after a failed command, stop the port, clear its errors,
   reset the device if it stays busy, and start the port again.  */
void ahci_port_recover(struct ahci_drive *d);

/* ahci-cmd.c: IDENTIFY (PACKET) DEVICE into D (d->atapi says which).
   False if the command failed (reported) or the disk has no LBA size.  */
bool ahci_identify(struct ahci_drive *d);

#endif /* DRIVERS_AHCI_HW_H */
