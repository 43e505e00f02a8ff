/* eltorito.c - locate the emulated hard disk on an El Torito CD: the
   Boot Record Volume Descriptor at CD sector 17 points to the boot
   catalog; its initial entry gives the image's first CD sector (the
   "load RBA").  See eltorito.h.  No state.  */

#include <stdint.h>

#include "block/block.h"
#include "fs/eltorito.h"
#include "lib/string.h"

/* CD sectors are 2048 bytes, four of ours.  */
#define CD_TO_BLK		4
#define BRVD_CD_SECTOR		17
#define BRVD_CATALOG		0x47
#define ENTRY_SIZE		32
#define BOOTABLE		0x88
#define MEDIA_HARD_DISK		4

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

int eltorito_find_hd_image(struct blkdev *cd, uint64_t *start)
{
	static const char brvd_id[] = "\0CD001\1EL TORITO SPECIFICATION";
	static uint8_t sector[BLK_SECTOR_SIZE];
	const uint8_t *init = sector + ENTRY_SIZE;
	uint16_t sum = 0;
	uint32_t catalog;
	int i;

	if (blk_read(cd, (uint64_t)BRVD_CD_SECTOR * CD_TO_BLK, 1, sector))
		return ELTORITO_EIO;
	if (memcmp(sector, brvd_id, sizeof(brvd_id) - 1))
		return ELTORITO_ENOBOOT;
	catalog = le32(sector + BRVD_CATALOG);
	if (blk_read(cd, (uint64_t)catalog * CD_TO_BLK, 1, sector))
		return ELTORITO_EIO;
	/* Validation entry: header 1, key 55 AA, words summing to 0.  */
	for (i = 0; i < ENTRY_SIZE; i += 2)
		sum = (uint16_t)(sum + (sector[i] | sector[i + 1] << 8));
	if (sector[0] != 1 || sector[30] != 0x55 || sector[31] != 0xAA ||
	    sum)
		return ELTORITO_ENOBOOT;
	if (init[0] != BOOTABLE || (init[1] & 0x0F) != MEDIA_HARD_DISK)
		return ELTORITO_ENOTHD;
	*start = (uint64_t)le32(init + 8) * CD_TO_BLK;
	return 0;
}
