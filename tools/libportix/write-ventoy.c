/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* write-ventoy.c - the chain-loaded disk writer (--mode=ventoy-sim).

   A bigger disk, as a multi-boot USB stick holds an image: the Portix
   disk at LBA PORTIX_VENTOY_IMAGE_LBA, one bootable partition entry that
   covers it exactly, and an MBR (boot/chain.asm, built into the library
   as chain-bin.h) that loads the partition's first sector and jumps to it
   with DS:SI at the entry.  Stage 1 then takes its base LBA from that
   entry; the image itself is byte for byte the raw image (its own
   parameter block still says base 0), which is the point: a boot that
   works proves nothing in Portix assumes it starts at LBA 0.

   Only the MBR and the image's extents are written; the rest is holes.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <string.h>

#include "internal.h"
/* Generated from boot/chain.bin by the build (tools/local.mk).  */
#include "tools/libportix/chain-bin.h"

_Static_assert(sizeof(pxi_chain_bin) == PORTIX_SECTOR_SIZE,
	       "the chain MBR is one sector");

/* LBA as a 3-byte CHS address in the 64-head, 32-sector geometry, or
   the "beyond CHS" address when it does not fit.  */
static void put_chs(uint8_t *p, uint64_t lba)
{
	uint64_t per_cyl = PORTIX_CHS_HEADS * PORTIX_CHS_SECTORS;
	uint64_t c = lba / per_cyl;
	unsigned int h = (unsigned int)(lba / PORTIX_CHS_SECTORS %
					PORTIX_CHS_HEADS);
	unsigned int s = (unsigned int)(lba % PORTIX_CHS_SECTORS) + 1;

	if (c > 1023) {
		c = 1023;
		h = PORTIX_CHS_HEADS - 1;
		s = PORTIX_CHS_SECTORS;
	}
	p[0] = (uint8_t)h;
	p[1] = (uint8_t)(s | ((c >> 2) & 0xC0));
	p[2] = (uint8_t)c;
}

static void fill_mbr(const struct portix_image *img, uint8_t *mbr,
		     const struct pxi_layout *lay)
{
	uint8_t *e = mbr + PORTIX_MBR_PARTITION_TABLE;
	uint64_t sectors = lay->disk_size / PORTIX_SECTOR_SIZE;
	uint32_t signature = (uint32_t)pxi_derive_id(img,
						     pxi_disk_digest(lay), 6);

	memcpy(mbr, pxi_chain_bin, PORTIX_SECTOR_SIZE);
	pxi_put_le32(mbr + PORTIX_MBR_DISK_SIGNATURE,
		     signature ? signature : 1);
	e[PORTIX_MBR_PART_STATUS] = 0x80;
	put_chs(e + 1, PORTIX_VENTOY_IMAGE_LBA);
	e[PORTIX_MBR_PART_TYPE] = PORTIX_VENTOY_PART_TYPE;
	put_chs(e + 5, PORTIX_VENTOY_IMAGE_LBA + sectors - 1);
	pxi_put_le32(e + PORTIX_MBR_PART_LBA, PORTIX_VENTOY_IMAGE_LBA);
	pxi_put_le32(e + PORTIX_MBR_PART_SECTORS, (uint32_t)sectors);
}

/* The partition entry counts the image's sectors in a u32, from LBA
   PORTIX_VENTOY_IMAGE_LBA.  */
const uint64_t pxi_ventoy_max_mb =
	(0xFFFFFFFFull - PORTIX_VENTOY_IMAGE_LBA) * PORTIX_SECTOR_SIZE /
	PXI_MIB;

int pxi_write_ventoy(struct portix_image *img, const struct pxi_layout *lay,
		     struct pxi_output *out)
{
	uint64_t base = (uint64_t)PORTIX_VENTOY_IMAGE_LBA * PORTIX_SECTOR_SIZE;
	uint64_t need_mb = (base + lay->disk_size + PXI_MIB - 1) / PXI_MIB;
	uint64_t disk_mb = img->ventoy_mb;
	uint8_t mbr[PORTIX_SECTOR_SIZE];
	uint64_t done = 0;
	int rc;

	/* The partition entry counts sectors in a u32.  */
	if (lay->disk_size / PORTIX_SECTOR_SIZE > 0xFFFFFFFFu -
	    PORTIX_VENTOY_IMAGE_LBA)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: disk too big for an MBR partition",
				 out->path);
	if (disk_mb == 0)
		disk_mb = need_mb > PORTIX_VENTOY_DISK_MB_DEFAULT ?
			  need_mb : PORTIX_VENTOY_DISK_MB_DEFAULT;
	if (disk_mb < need_mb)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: a %llu MiB ventoy-sim disk cannot hold a %llu MiB image at LBA %d (needs %llu MiB)",
				 out->path, (unsigned long long)disk_mb,
				 (unsigned long long)(lay->disk_size / PXI_MIB),
				 PORTIX_VENTOY_IMAGE_LBA,
				 (unsigned long long)need_mb);

	fill_mbr(img, mbr, lay);
	rc = pxi_output_set_size(img, out, disk_mb * PXI_MIB);
	if (rc == PORTIX_OK)
		rc = pxi_output_write(img, out, mbr, sizeof(mbr), 0);
	if (rc == PORTIX_OK)
		rc = pxi_write_extents(img, out, lay, base, &done,
				       pxi_disk_data_bytes(lay));
	return rc;
}
