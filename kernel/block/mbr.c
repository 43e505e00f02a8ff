/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* mbr.c - MBR partition table parsing, relative to a base LBA.  See
   mbr.h.  No state of its own: the views it finds go into the block
   device table.  */

#include <stdint.h>

#include <portix/layout.h>
#include <portix/le.h>

#include "block/block.h"
#include "block/mbr.h"
#include "lib/error.h"
#include "lib/printf.h"

bool mbr_type_is_fat(uint8_t type)
{
	return type == PORTIX_MBR_TYPE_FAT16_SMALL ||
	       type == PORTIX_MBR_TYPE_FAT16 ||
	       type == PORTIX_MBR_TYPE_FAT32 ||
	       type == PORTIX_MBR_TYPE_FAT32_LBA ||
	       type == PORTIX_MBR_TYPE_FAT16_LBA;
}

int mbr_scan(struct blkdev *disk, uint64_t base, struct blkdev **parts,
	     int max)
{
	static uint8_t sector[BLK_SECTOR_SIZE];
	char name[BLK_NAME_MAX];
	const uint8_t *e;
	struct blkdev *p;
	uint64_t start, count;
	int i, err, n = 0;

	err = blk_read(disk, base, 1, sector);
	if (err)
		return err;
	if (sector[PORTIX_MBR_SIGNATURE] != 0x55 ||
	    sector[PORTIX_MBR_SIGNATURE + 1] != 0xAA)
		return ERR_NOTABLE;
	for (i = 0; i < 4 && n < max; i++) {
		e = sector + PORTIX_MBR_PARTITION_TABLE +
		    i * PORTIX_MBR_PARTITION_ENTRY_SIZE;
		/* Status other than 0x00/0x80: not a partition entry
		   (a boot sector's code, not a table).  */
		if ((e[PORTIX_MBR_PART_STATUS] & 0x7F) ||
		    !e[PORTIX_MBR_PART_TYPE])
			continue;
		start = base + portix_get_le32(e + PORTIX_MBR_PART_LBA);
		count = portix_get_le32(e + PORTIX_MBR_PART_SECTORS);
		ksnprintf(name, sizeof(name), "%sp%d", disk->name, i + 1);
		p = blk_add_view(disk, name, start, count,
				 e[PORTIX_MBR_PART_TYPE]);
		if (p)
			parts[n++] = p;
	}
	return n;
}
