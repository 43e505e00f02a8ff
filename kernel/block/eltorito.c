/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* eltorito.c - locate the emulated hard disk on an El Torito CD: the
   Boot Record Volume Descriptor at CD sector 17 points to the boot
   catalog; its initial entry gives the image's first CD sector (the
   "load RBA").  See eltorito.h.  No state.  */

#include <stdint.h>

#include <portix/layout.h>
#include <portix/le.h>

#include "block/block.h"
#include "block/eltorito.h"
#include "lib/error.h"
#include "lib/string.h"

/* CD sectors are 2048 bytes, four of ours.  */
#define CD_TO_BLK	(PORTIX_ISO_SECTOR_SIZE / BLK_SECTOR_SIZE)

int eltorito_find_hd_image(struct blkdev *cd, uint64_t *start)
{
	static const char brvd_id[] = "\0CD001\1EL TORITO SPECIFICATION";
	static uint8_t sector[BLK_SECTOR_SIZE];
	uint16_t sum = 0;
	uint32_t catalog;
	int i, err;

	err = blk_read(cd, (uint64_t)PORTIX_ISO_BOOT_RECORD_LBA * CD_TO_BLK, 1,
		       sector);
	if (err)
		return err;
	if (memcmp(sector, brvd_id, sizeof(brvd_id) - 1))
		return ERR_NOBOOTCAT;
	catalog = portix_get_le32(sector + PORTIX_ELTORITO_CATALOG_PTR);
	err = blk_read(cd, (uint64_t)catalog * CD_TO_BLK, 1, sector);
	if (err)
		return err;
	/* Validation entry: header 1, key 55 AA, words summing to 0.  */
	for (i = 0; i < PORTIX_ELTORITO_ENTRY_SIZE; i += 2)
		sum = (uint16_t)(sum + portix_get_le16(sector + i));
	if (sector[0] != PORTIX_ELTORITO_HEADER_ID ||
	    sector[PORTIX_ELTORITO_KEY] != 0x55 ||
	    sector[PORTIX_ELTORITO_KEY + 1] != 0xAA || sum)
		return ERR_NOBOOTCAT;
	if (sector[PORTIX_ELTORITO_BOOT_INDICATOR] != PORTIX_ELTORITO_BOOTABLE ||
	    (sector[PORTIX_ELTORITO_MEDIA_TYPE] & 0x0F) !=
	    PORTIX_ELTORITO_MEDIA_HD)
		return ERR_NOTHDIMAGE;
	*start = (uint64_t)portix_get_le32(sector + PORTIX_ELTORITO_LOAD_RBA) *
		 CD_TO_BLK;
	return 0;
}
