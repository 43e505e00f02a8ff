/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* atacmd.c - decoding IDENTIFY and building ATAPI packets, for every
   ATA transport.  See atacmd.h.  */

#include <stddef.h>
#include <stdint.h>

#include "drivers/atacmd.h"
#include "lib/error.h"
#include "lib/string.h"

/* SCSI operation codes.  */
#define SCSI_READ_CAPACITY	0x25
#define SCSI_READ10		0x28

/* IDENTIFY words.  */
#define ID_MODEL		27	/* 20 words */
#define ID_MODEL_WORDS		20
#define ID_CAPABILITIES		49
#define ID_CAP_DMA		(1u << 8)
#define ID_LBA28_SECTORS	60	/* 2 words */
#define ID_COMMAND_SETS		83
#define ID_LBA48_SECTORS	100	/* 4 words */
#define ID_SETS_LBA48		(1u << 10)

/* Copy an IDENTIFY string (bytes swapped in each word), cut spaces.  */
static void id_string(char *dst, const uint16_t *id, int first, int words)
{
	int i, n = 0;

	for (i = 0; i < words; i++) {
		dst[n++] = (char)(id[first + i] >> 8);
		dst[n++] = (char)(id[first + i] & 0xFF);
	}
	while (n > 0 && (dst[n - 1] == ' ' || dst[n - 1] == '\0'))
		n--;
	dst[n] = '\0';
}

bool ata_parse_identify(const uint16_t *id, bool atapi,
			struct ata_identity *out)
{
	_Static_assert(ATA_MODEL_MAX == 2 * ID_MODEL_WORDS + 1,
		       "model holds the IDENTIFY string and a NUL");
	memset(out, 0, sizeof(*out));
	id_string(out->model, id, ID_MODEL, ID_MODEL_WORDS);
	out->dma = (id[ID_CAPABILITIES] & ID_CAP_DMA) != 0;
	if (atapi)
		return true;
	out->lba48 = (id[ID_COMMAND_SETS] & ID_SETS_LBA48) != 0;
	if (out->lba48)
		out->sectors = (uint64_t)id[ID_LBA48_SECTORS] |
			       (uint64_t)id[ID_LBA48_SECTORS + 1] << 16 |
			       (uint64_t)id[ID_LBA48_SECTORS + 2] << 32 |
			       (uint64_t)id[ID_LBA48_SECTORS + 3] << 48;
	if (!out->sectors)
		out->sectors = (uint32_t)(id[ID_LBA28_SECTORS] |
			       (uint32_t)id[ID_LBA28_SECTORS + 1] << 16);
	return out->sectors != 0;	/* CHS-only disk: not supported */
}

void atapi_read10_packet(uint8_t pkt[ATAPI_PACKET_SIZE], uint32_t lba,
			 uint16_t count)
{
	memset(pkt, 0, ATAPI_PACKET_SIZE);
	pkt[0] = SCSI_READ10;
	pkt[2] = (uint8_t)(lba >> 24);
	pkt[3] = (uint8_t)(lba >> 16);
	pkt[4] = (uint8_t)(lba >> 8);
	pkt[5] = (uint8_t)lba;
	pkt[7] = (uint8_t)(count >> 8);
	pkt[8] = (uint8_t)count;
}

void atapi_capacity_packet(uint8_t pkt[ATAPI_PACKET_SIZE])
{
	memset(pkt, 0, ATAPI_PACKET_SIZE);
	pkt[0] = SCSI_READ_CAPACITY;
}

uint32_t atapi_capacity_sectors(const uint8_t ans[ATAPI_CAPACITY_ANSWER])
{
	return ((uint32_t)ans[0] << 24 | (uint32_t)ans[1] << 16 |
		(uint32_t)ans[2] << 8 | ans[3]) + 1;
}

int ata_error(uint8_t status, uint8_t error, bool atapi)
{
	if (status & ATA_ST_DF)
		return ERR_DEVFAULT;
	if (atapi) {
		switch (error >> 4) {
		case ATAPI_SENSE_NOT_READY:
			return ERR_NOTREADY;
		case ATAPI_SENSE_MEDIUM:
			return ERR_MEDIA;
		default:
			return ERR_IO;
		}
	}
	if (error & ATA_ER_NM)
		return ERR_NOMEDIUM;
	if (error & (ATA_ER_UNC | ATA_ER_IDNF))
		return ERR_MEDIA;
	if (error & ATA_ER_ABRT)
		return ERR_ABORTED;
	return ERR_IO;
}

bool ata_drive_said_no(int err)
{
	return err == ERR_IO || err == ERR_DEVFAULT || err == ERR_NOTREADY ||
	       err == ERR_MEDIA || err == ERR_NOMEDIUM || err == ERR_ABORTED;
}
