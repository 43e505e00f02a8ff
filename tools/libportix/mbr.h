/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* mbr.h - the data partition's place on the disk and its MBR entry.

   Portix disks carry one partition: a FAT data partition from the first
   1 MiB boundary after the reserved boot area (PORTIX_RESERVED_END_LBA)
   to the end of the disk.  This module decides its extent and the disk
   geometry its CHS fields are written in, and writes the entry into
   stage 1's partition table.  It knows nothing of FAT beyond the two
   partition type codes (FAT16 and FAT32 by LBA, from layout.h).

   Call order (layout.c):
	pxi_partition_plan(disk_sectors, &part);
	... format the partition (datapart.c), set part.fat_type ...
	pxi_mbr_put_partition(stage1_sector, &part);

   Geometry, and why it matters: a disk of at most 1024 cylinders of
   64 heads x 32 sectors (1 GiB) is described in that geometry, where a
   cylinder is 1 MiB, so every partition boundary is a cylinder boundary
   and the end CHS names the disk's true last sector.  SeaBIOS guesses
   the geometry of an El Torito hard-disk-emulated image from the
   partition table's end CHS, and stage 1 then reads by CHS with that
   geometry: the fields must be exact.  A larger disk is beyond CHS
   reach in that geometry: it is described as 255 x 63 (the start CHS
   and the FAT boot sector say so) and its end CHS is written saturated
   (1023/254/63, bytes FE FF FF) as partitioning tools do.  */

#ifndef PORTIX_LIBPORTIX_MBR_H
#define PORTIX_LIBPORTIX_MBR_H

#include <stdint.h>

/* Small disks use PORTIX_CHS_HEADS x PORTIX_CHS_SECTORS (layout.h).
   Cylinders CHS can address:  */
#define PXI_CHS_CYLINDERS 1024

struct pxi_partition {
	uint32_t start;		/* first sector (LBA) */
	uint32_t sectors;	/* length: to the end of the disk, at most
				   2^32 - 1 (what the entry can hold) */
	uint16_t heads;		/* the geometry the CHS fields use, also */
	uint16_t sectors_per_track;	/* put in the FAT boot sector */
	unsigned fat_type;	/* 16 or 32, set once formatted */
};

/* Fill PART for a disk of DISK_SECTORS sectors (more than
   PORTIX_RESERVED_END_LBA; image.c keeps it at 8 MiB or more).  */
void pxi_partition_plan(uint64_t disk_sectors, struct pxi_partition *part);

/* Write PART as entry 0 of the partition table in MBR (a 512-byte stage
   1 sector) and clear entries 1 to 3.  Status 0x00 (the partition holds
   data; stage 1 in the MBR is what boots), type by part->fat_type.  */
void pxi_mbr_put_partition(uint8_t *mbr, const struct pxi_partition *part);

#endif /* PORTIX_LIBPORTIX_MBR_H */
