/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* mbr.h - the data partition's place on the disk and its MBR entry.

   Portix disks carry a FAT data partition from the first 1 MiB boundary
   after the reserved boot area (PORTIX_RESERVED_END_LBA) to the end of
   the disk or, when the image has a UEFI loader, to the EFI system
   partition that fills the disk's last PORTIX_ESP_SECTORS.  This module decides its extent and the disk
   geometry its CHS fields are written in, and writes the entry into
   stage 1's partition table.  It knows nothing of FAT beyond the two
   partition type codes (FAT16 and FAT32 by LBA, from layout.h).

   Call order (layout.c):
	pxi_partition_plan(disk_sectors, esp_sectors, &part, &esp);
	... format the partitions (datapart.c), set part.fat_type ...
	pxi_mbr_put_partitions(stage1_sector, &part, &esp);

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

/* Fill PART and ESP for a disk of DISK_SECTORS sectors (image.c keeps
   it at PORTIX_DISK_MB_MIN or more) with an EFI system partition of
   ESP_SECTORS at its end (0: none; ESP->sectors is then 0).  Both
   share one geometry; the data partition ends where the ESP starts.  */
void pxi_partition_plan(uint64_t disk_sectors, uint32_t esp_sectors,
			struct pxi_partition *part, struct pxi_partition *esp);

/* Write PART as entry 0 of the partition table in MBR (a 512-byte stage
   1 sector), ESP (if it has sectors) as entry 1 of type
   PORTIX_MBR_TYPE_ESP, and clear the others.  Status 0x00 (the
   partitions hold data; stage 1 in the MBR is what boots), the data
   partition's type by part->fat_type.  */
void pxi_mbr_put_partitions(uint8_t *mbr, const struct pxi_partition *part,
			    const struct pxi_partition *esp);

/* Move every used entry of MBR's table DELTA sectors further, for a
   copy of the disk placed at LBA DELTA of a disk of DISK_SECTORS (the
   hybrid ISO's system area); CHS fields in that disk's geometry.  */
void pxi_mbr_rebase(uint8_t *mbr, uint32_t delta, uint64_t disk_sectors);

#endif /* PORTIX_LIBPORTIX_MBR_H */
