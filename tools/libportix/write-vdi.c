/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* write-vdi.c - the VirtualBox disk image writer (--mode=vdi).

   A dynamic VDI (format 1.1): a pre-header (text and signature), the
   header, the block map (one u32 per 1 MiB block of the disk: the
   block's index among the stored blocks, or VDI_BLOCK_FREE) and the
   stored blocks in disk order.  Only blocks with a non-zero byte are
   stored, so the file is as big as the disk's data, rounded to blocks.

   File layout:
	0		pre-header and header (VDI_HEADER_SIZE)
	0x200		block map
	1 MiB (or the next MiB after the map)	stored blocks
   Both UUIDs derive from the content and the epoch (media.c).  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vdi.h"

/* The first block's offset (after the map, 4 bytes per block, rounded up
   to a MiB) is a u32 in the header: the format holds about a PiB, so
   the MBR's 2 TiB is the limit.  */
#define VDI_DATA_OFFSET(blocks) \
	((VDI_MAP_OFFSET + (uint64_t)(blocks) * 4 + PXI_MIB - 1) / PXI_MIB * \
	 PXI_MIB)
_Static_assert(VDI_DATA_OFFSET(PORTIX_DISK_MB_MAX) <= 0xFFFFFFFFu,
	       "the largest disk's block map ends below 4 GiB");
const uint64_t pxi_vdi_max_mb = PORTIX_DISK_MB_MAX;
_Static_assert(VDI_OFF_UUID_CREATE == VDI_OFF_BLOCKS_ALLOCATED + 4,
	       "VDI header fields must follow each other");

/* An RFC 9562 version 8 (custom) UUID from two derived numbers.  */
static void put_uuid(uint8_t *p, uint64_t hi, uint64_t lo)
{
	for (int i = 0; i < 8; i++) {
		p[i] = (uint8_t)(hi >> (56 - 8 * i));
		p[8 + i] = (uint8_t)(lo >> (56 - 8 * i));
	}
	p[6] = (uint8_t)((p[6] & 0x0F) | 0x80);
	p[8] = (uint8_t)((p[8] & 0x3F) | 0x80);
}

static void fill_header(const struct portix_image *img, uint8_t *h,
			uint64_t disk_size, uint32_t blocks,
			uint32_t allocated, uint32_t data_offset,
			uint64_t digest)
{
	memcpy(h + VDI_OFF_TEXT, VDI_TEXT, strlen(VDI_TEXT));
	pxi_put_le32(h + VDI_OFF_SIGNATURE, VDI_SIGNATURE);
	pxi_put_le32(h + VDI_OFF_VERSION, VDI_VERSION);
	pxi_put_le32(h + VDI_OFF_HEADER_SIZE, VDI_HEADER_BYTES);
	pxi_put_le32(h + VDI_OFF_TYPE, VDI_TYPE_NORMAL);
	memcpy(h + VDI_OFF_COMMENT, "Portix", 6);
	pxi_put_le32(h + VDI_OFF_BLOCKS, VDI_MAP_OFFSET);
	pxi_put_le32(h + VDI_OFF_DATA, data_offset);
	pxi_put_le32(h + VDI_OFF_SECTOR_SIZE, PORTIX_SECTOR_SIZE);
	pxi_put_le64(h + VDI_OFF_DISK_SIZE, disk_size);
	pxi_put_le32(h + VDI_OFF_BLOCK_SIZE, VDI_BLOCK_SIZE);
	pxi_put_le32(h + VDI_OFF_BLOCKS_IN_IMAGE, blocks);
	pxi_put_le32(h + VDI_OFF_BLOCKS_ALLOCATED, allocated);
	put_uuid(h + VDI_OFF_UUID_CREATE, pxi_derive_id(img, digest, 1),
		 pxi_derive_id(img, digest, 2));
	put_uuid(h + VDI_OFF_UUID_MODIFY, pxi_derive_id(img, digest, 3),
		 pxi_derive_id(img, digest, 4));
	/* Linkage and parent stay nil: no snapshot, no parent.  */
}

int pxi_write_vdi(struct portix_image *img, const struct pxi_layout *lay,
		  struct pxi_output *out)
{
	uint8_t header[VDI_PREFIX_SIZE] = { 0 };
	uint64_t blocks64 = (lay->disk_size + VDI_BLOCK_SIZE - 1) /
			    VDI_BLOCK_SIZE;
	uint32_t blocks, allocated = 0, data_offset;
	uint8_t *map, *buf = NULL;
	int rc;

	/* Block indices are u32, and the first block's offset too: checked
	   in 64 bits, or a huge disk's offset would wrap to 0.  */
	if (blocks64 >= VDI_BLOCK_FREE ||
	    VDI_DATA_OFFSET(blocks64) > 0xFFFFFFFFu)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: disk too big for a VDI (at most %llu MiB)",
				 out->path,
				 (unsigned long long)pxi_vdi_max_mb);
	blocks = (uint32_t)blocks64;
	map = malloc((size_t)blocks * 4);
	if (!map)
		return pxi_error(img, PORTIX_ENOMEM, "out of memory");
	for (uint32_t b = 0; b < blocks; b++) {
		bool used = pxi_disk_nonzero(lay, (uint64_t)b * VDI_BLOCK_SIZE,
					     VDI_BLOCK_SIZE);

		pxi_put_le32(map + 4 * (size_t)b,
			     used ? allocated++ : VDI_BLOCK_FREE);
	}
	/* Blocks start on the first MiB boundary after the map.  */
	data_offset = (uint32_t)VDI_DATA_OFFSET(blocks);
	fill_header(img, header, lay->disk_size, blocks, allocated,
		    data_offset, pxi_disk_digest(lay));

	rc = pxi_output_write(img, out, header, sizeof(header), 0);
	if (rc == PORTIX_OK)
		rc = pxi_output_write(img, out, map, (size_t)blocks * 4,
				      VDI_MAP_OFFSET);
	/* The file ends after the last block, or after the map if none.  */
	if (rc == PORTIX_OK)
		rc = pxi_output_set_size(img, out, data_offset +
					 (uint64_t)allocated * VDI_BLOCK_SIZE);
	if (rc == PORTIX_OK && allocated > 0) {
		buf = malloc(VDI_BLOCK_SIZE);
		if (!buf)
			rc = pxi_error(img, PORTIX_ENOMEM, "out of memory");
	}
	for (uint32_t b = 0, n = 0; rc == PORTIX_OK && b < blocks; b++) {
		if (pxi_get_le32(map + 4 * (size_t)b) == VDI_BLOCK_FREE)
			continue;
		pxi_disk_read(lay, (uint64_t)b * VDI_BLOCK_SIZE, buf,
			      VDI_BLOCK_SIZE);
		rc = pxi_output_write(img, out, buf, VDI_BLOCK_SIZE,
				      data_offset +
				      (uint64_t)n * VDI_BLOCK_SIZE);
		n++;
		pxi_progress(img, (uint64_t)n * VDI_BLOCK_SIZE,
			     (uint64_t)allocated * VDI_BLOCK_SIZE);
	}
	free(buf);
	free(map);
	return rc;
}
