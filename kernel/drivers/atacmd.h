/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* atacmd.h - the ATA and ATAPI command sets, apart from any transport:
   command codes, status bits, device signatures, what IDENTIFY answers
   and the SCSI packets a CD drive takes.  The IDE driver (ata.c) sends
   these through task-file ports, the AHCI driver (ahci.c) through FISes.
   No state.  */

#ifndef DRIVERS_ATACMD_H
#define DRIVERS_ATACMD_H

#include <stdbool.h>
#include <stdint.h>

/* A disk's sector.  */
#define ATA_SECTOR_SIZE	512

/* Status register bits.  */
#define ATA_ST_ERR	0x01
#define ATA_ST_DRQ	0x08
#define ATA_ST_DF	0x20
#define ATA_ST_DRDY	0x40
#define ATA_ST_BSY	0x80

/* Error register bits (a packet device puts its sense key in the high
   nibble instead).  */
#define ATA_ER_NM	0x02	/* no media */
#define ATA_ER_ABRT	0x04	/* command aborted */
#define ATA_ER_IDNF	0x10	/* sector ID not found */
#define ATA_ER_UNC	0x40	/* uncorrectable data */
#define ATAPI_SENSE_NOT_READY	0x2
#define ATAPI_SENSE_MEDIUM	0x3

/* Commands.  */
#define ATA_CMD_READ		0x20	/* READ SECTORS (PIO, LBA28) */
#define ATA_CMD_READ_EXT	0x24	/* READ SECTORS EXT (PIO, LBA48) */
#define ATA_CMD_READ_DMA_EXT	0x25
#define ATA_CMD_WRITE		0x30
#define ATA_CMD_WRITE_EXT	0x34
#define ATA_CMD_WRITE_DMA_EXT	0x35
#define ATA_CMD_PACKET		0xA0
#define ATA_CMD_ID_PACKET	0xA1	/* IDENTIFY PACKET DEVICE */
#define ATA_CMD_READ_DMA	0xC8	/* LBA28 */
#define ATA_CMD_WRITE_DMA	0xCA
#define ATA_CMD_FLUSH		0xE7	/* FLUSH CACHE */
#define ATA_CMD_FLUSH_EXT	0xEA
#define ATA_CMD_IDENTIFY	0xEC	/* IDENTIFY DEVICE */

/* The device register's LBA bit (LBA, not CHS, addressing).  */
#define ATA_DEV_LBA	0x40

/* Where LBA28 ends and how far LBA48 goes, in sectors.  */
#define ATA_LBA28_LIMIT	(1ULL << 28)
#define ATA_LBA48_LIMIT	(1ULL << 48)

/* The signature a device leaves in the count/LBA registers after a
   reset (sector count, LBA low, mid, high from the low byte up), as
   AHCI's PxSIG holds it.  */
#define ATA_SIG_ATA	0x00000101U
#define ATA_SIG_ATAPI	0xEB140101U

#define ATA_IDENTIFY_WORDS	256
/* IDENTIFY's 40-character model string and a NUL.  */
#define ATA_MODEL_MAX		41
#define ATAPI_PACKET_SIZE	12
/* A CD's sector.  */
#define ATAPI_SECTOR_SIZE	2048

/* What a command that ended with STATUS (ERR or DF set) and ERROR
   registers failed of, as an enum kerror (lib/error.h), for every
   transport; ATAPI says how to read ERROR.  */
int ata_error(uint8_t status, uint8_t error, bool atapi);

/* True for the codes ata_error gives: the drive answered, and a packet
   command may be worth retrying (UNIT ATTENTION after a medium change
   looks the same).  */
bool ata_drive_said_no(int err);

/* What IDENTIFY (PACKET) DEVICE says of a drive.  */
struct ata_identity {
	bool lba48;		/* 48-bit addressing supported */
	bool dma;		/* DMA supported (for a packet device: its
				   data may move by DMA) */
	uint64_t sectors;	/* addressable sectors (0 for ATAPI) */
	char model[ATA_MODEL_MAX];	/* trailing spaces cut */
};

/* Decode ID, the 256 words IDENTIFY (PACKET) DEVICE returned; ATAPI
   says which of the two.  Returns false for a disk we cannot address
   (CHS only, no LBA size).  */
bool ata_parse_identify(const uint16_t *id, bool atapi,
			struct ata_identity *out);

/* SCSI packets for a CD drive: READ(10) of COUNT 2048-byte sectors at
   LBA, and READ CAPACITY (8 bytes of answer).  */
void atapi_read10_packet(uint8_t pkt[ATAPI_PACKET_SIZE], uint32_t lba,
			 uint16_t count);
void atapi_capacity_packet(uint8_t pkt[ATAPI_PACKET_SIZE]);
#define ATAPI_CAPACITY_ANSWER	8
/* The sector count (last LBA + 1) a READ CAPACITY answer gives.  */
uint32_t atapi_capacity_sectors(const uint8_t ans[ATAPI_CAPACITY_ANSWER]);

#endif /* DRIVERS_ATACMD_H */
