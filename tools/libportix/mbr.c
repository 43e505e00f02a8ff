/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* mbr.c - the data partition's place on the disk and its MBR entry.

   See mbr.h for the contract and for why the geometry is what it is.
   Entry fields are written byte by byte at the offsets of
   portix/layout.h, so the host's byte order does not matter.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <string.h>

#include "internal.h"
#include "mbr.h"

_Static_assert(PORTIX_RESERVED_END_LBA % PORTIX_PARTITION_ALIGN_SECTORS == 0,
	       "the data partition must start on an alignment boundary");
_Static_assert(PORTIX_CHS_HEADS * PORTIX_CHS_SECTORS ==
	       PORTIX_PARTITION_ALIGN_SECTORS,
	       "a small disk's cylinder must be the partition alignment");

/* Large disks: the geometry every BIOS reports for them.  */
#define LARGE_HEADS 255
#define LARGE_SECTORS 63

/* The most sectors an MBR entry can count.  */
#define ENTRY_MAX_SECTORS 0xFFFFFFFFu

/* Round down to the partition alignment.  */
#define ALIGN_DOWN(n) ((n) / PORTIX_PARTITION_ALIGN_SECTORS * \
		       PORTIX_PARTITION_ALIGN_SECTORS)

/* The geometry PART's CHS fields use on a disk of DISK_SECTORS.  */
static void set_geometry(struct pxi_partition *part, uint64_t disk_sectors)
{
	uint64_t small = (uint64_t)PXI_CHS_CYLINDERS * PORTIX_CHS_HEADS *
			 PORTIX_CHS_SECTORS;

	if (disk_sectors <= small) {
		part->heads = PORTIX_CHS_HEADS;
		part->sectors_per_track = PORTIX_CHS_SECTORS;
	} else {
		part->heads = LARGE_HEADS;
		part->sectors_per_track = LARGE_SECTORS;
	}
}

void pxi_partition_plan(uint64_t disk_sectors, uint32_t esp_sectors,
			struct pxi_partition *part, struct pxi_partition *esp)
{
	uint64_t len = disk_sectors - PORTIX_RESERVED_END_LBA - esp_sectors;
	/* Both partitions must end within what an entry can address.  */
	uint64_t max = ALIGN_DOWN((uint64_t)ENTRY_MAX_SECTORS - esp_sectors -
				  PORTIX_RESERVED_END_LBA);

	memset(part, 0, sizeof(*part));
	part->start = PORTIX_RESERVED_END_LBA;
	part->sectors = (uint32_t)(len > max ? max : len);
	set_geometry(part, disk_sectors);
	*esp = *part;
	esp->start = part->start + part->sectors;
	esp->sectors = esp_sectors;
}

/* 1023/254/63: "beyond CHS reach, use the LBA fields".  */
static void put_chs_saturated(uint8_t *p)
{
	p[0] = 0xFE;
	p[1] = 0xFF;
	p[2] = 0xFF;
}

/* The three CHS bytes of LBA: head; sector (bits 0-5) with cylinder
   bits 8-9 (bits 6-7); cylinder bits 0-7.  Saturated beyond reach.  */
static void put_chs(uint8_t *p, uint64_t lba, const struct pxi_partition *g)
{
	uint64_t track = lba / g->sectors_per_track;
	uint64_t cyl = track / g->heads;
	unsigned head = (unsigned)(track % g->heads);
	unsigned sector = (unsigned)(lba % g->sectors_per_track) + 1;

	if (cyl >= PXI_CHS_CYLINDERS) {
		put_chs_saturated(p);
		return;
	}
	p[0] = (uint8_t)head;
	p[1] = (uint8_t)(sector | (cyl >> 8) << 6);
	p[2] = (uint8_t)cyl;
}

/* Write PART as entry INDEX of MBR's table, with partition type TYPE.  */
static void put_entry(uint8_t *mbr, unsigned int index,
		      const struct pxi_partition *part, uint8_t type)
{
	uint8_t *e = mbr + PORTIX_MBR_PARTITION_TABLE +
		     index * PORTIX_MBR_PARTITION_ENTRY_SIZE;
	uint64_t last = (uint64_t)part->start + part->sectors - 1;

	memset(e, 0, PORTIX_MBR_PARTITION_ENTRY_SIZE);
	e[PORTIX_MBR_PART_STATUS] = 0x00;
	put_chs(e + PORTIX_MBR_PART_STATUS + 1, part->start, part);
	e[PORTIX_MBR_PART_TYPE] = type;
	/* A large disk's last sector is out of reach by definition.  */
	if (part->heads == PORTIX_CHS_HEADS)
		put_chs(e + PORTIX_MBR_PART_TYPE + 1, last, part);
	else
		put_chs_saturated(e + PORTIX_MBR_PART_TYPE + 1);
	pxi_put_le32(e + PORTIX_MBR_PART_LBA, part->start);
	pxi_put_le32(e + PORTIX_MBR_PART_SECTORS, part->sectors);
}

void pxi_mbr_put_partitions(uint8_t *mbr, const struct pxi_partition *part,
			    const struct pxi_partition *esp)
{
	memset(mbr + PORTIX_MBR_PARTITION_TABLE, 0,
	       4 * PORTIX_MBR_PARTITION_ENTRY_SIZE);
	put_entry(mbr, 0, part, part->fat_type == 32 ?
		  PORTIX_MBR_TYPE_FAT32_LBA : PORTIX_MBR_TYPE_FAT16_LBA);
	if (esp->sectors)
		put_entry(mbr, 1, esp, PORTIX_MBR_TYPE_ESP);
}

void pxi_mbr_rebase(uint8_t *mbr, uint32_t delta, uint64_t disk_sectors)
{
	for (unsigned int i = 0; i < 4; i++) {
		uint8_t *e = mbr + PORTIX_MBR_PARTITION_TABLE +
			     i * PORTIX_MBR_PARTITION_ENTRY_SIZE;
		struct pxi_partition part;

		if (e[PORTIX_MBR_PART_TYPE] == 0)
			continue;
		memset(&part, 0, sizeof(part));
		part.start = pxi_get_le32(e + PORTIX_MBR_PART_LBA) + delta;
		part.sectors = pxi_get_le32(e + PORTIX_MBR_PART_SECTORS);
		set_geometry(&part, disk_sectors);
		put_entry(mbr, i, &part, e[PORTIX_MBR_PART_TYPE]);
	}
}
