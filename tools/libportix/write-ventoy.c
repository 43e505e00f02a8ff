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

   With a UEFI loader the image carries an EFI system partition, but
   firmware looks for one only in the outer disk's table, where the
   image's entry covers it.  So, as a real multi-boot stick keeps its own
   EFI partition, the outer disk gets a second entry, type 0xEF, for a
   copy of the image's ESP placed after the image (its BPB's hidden
   sectors set to its new start).  BOOTX64.EFI started from there finds
   the image through the outer table (boot/efi/disk.c).

   Only the MBR and the image's extents are written; the rest is holes.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <assert.h>
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

/* The BPB field "hidden sectors": the volume's start LBA on its disk.  */
#define BPB_HIDDEN_SECTORS 0x1C

/* One MBR entry: STATUS, TYPE, from LBA START for SECTORS sectors.  */
static void put_entry(uint8_t *e, uint8_t status, uint8_t type,
		      uint64_t start, uint64_t sectors)
{
	e[PORTIX_MBR_PART_STATUS] = status;
	put_chs(e + 1, start);
	e[PORTIX_MBR_PART_TYPE] = type;
	put_chs(e + 5, start + sectors - 1);
	pxi_put_le32(e + PORTIX_MBR_PART_LBA, (uint32_t)start);
	pxi_put_le32(e + PORTIX_MBR_PART_SECTORS, (uint32_t)sectors);
}

/* Where the ESP's copy starts on the outer disk: the first MiB
   boundary after the image.  */
static uint64_t outer_esp_lba(const struct pxi_layout *lay)
{
	uint64_t end = PORTIX_VENTOY_IMAGE_LBA +
		       lay->disk_size / PORTIX_SECTOR_SIZE;
	uint64_t align = PXI_MIB / PORTIX_SECTOR_SIZE;

	return (end + align - 1) / align * align;
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
	put_entry(e, 0x80, PORTIX_VENTOY_PART_TYPE, PORTIX_VENTOY_IMAGE_LBA,
		  sectors);
	if (lay->esp_sectors)
		put_entry(e + PORTIX_MBR_PARTITION_ENTRY_SIZE, 0,
			  PORTIX_MBR_TYPE_ESP, outer_esp_lba(lay),
			  lay->esp_sectors);
}

/* Copy the image's ESP to OUTER_LBA of the outer disk: its extents, then
   the hidden-sectors field that names where it starts.  */
static int write_esp_copy(struct portix_image *img,
			  const struct pxi_layout *lay, struct pxi_output *out,
			  uint64_t outer_lba)
{
	uint64_t from = (uint64_t)lay->esp_lba * PORTIX_SECTOR_SIZE;
	uint64_t to = outer_lba * PORTIX_SECTOR_SIZE;
	uint64_t end = from + (uint64_t)lay->esp_sectors * PORTIX_SECTOR_SIZE;
	uint8_t hidden[4];
	int rc;

	for (unsigned int i = 0; i < lay->n_extents; i++) {
		const struct pxi_extent *x = &lay->extents[i];

		if (x->offset < from || x->offset >= end)
			continue;
		assert(x->offset + x->len <= end);
		rc = pxi_output_write(img, out, x->data, x->len,
				      to + x->offset - from);
		if (rc < 0)
			return rc;
	}
	pxi_put_le32(hidden, (uint32_t)outer_lba);
	return pxi_output_write(img, out, hidden, sizeof(hidden),
				to + BPB_HIDDEN_SECTORS);
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
	uint64_t end = lay->esp_sectors ?
		(outer_esp_lba(lay) + lay->esp_sectors) * PORTIX_SECTOR_SIZE :
		base + lay->disk_size;
	uint64_t need_mb = (end + PXI_MIB - 1) / PXI_MIB;
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
	if (lay->esp_sectors && outer_esp_lba(lay) > 0xFFFFFFFFu)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: disk too big for an EFI system partition after it",
				 out->path);
	if (disk_mb == 0)
		disk_mb = need_mb > PORTIX_VENTOY_DISK_MB_DEFAULT ?
			  need_mb : PORTIX_VENTOY_DISK_MB_DEFAULT;
	if (disk_mb < need_mb)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: a %llu MiB ventoy-sim disk cannot hold a %llu MiB image at LBA %d%s (needs %llu MiB)",
				 out->path, (unsigned long long)disk_mb,
				 (unsigned long long)(lay->disk_size / PXI_MIB),
				 PORTIX_VENTOY_IMAGE_LBA,
				 lay->esp_sectors ? " and its ESP" : "",
				 (unsigned long long)need_mb);

	fill_mbr(img, mbr, lay);
	rc = pxi_output_set_size(img, out, disk_mb * PXI_MIB);
	if (rc == PORTIX_OK)
		rc = pxi_output_write(img, out, mbr, sizeof(mbr), 0);
	if (rc == PORTIX_OK)
		rc = pxi_write_extents(img, out, lay, base, &done,
				       pxi_disk_data_bytes(lay));
	if (rc == PORTIX_OK && lay->esp_sectors)
		rc = write_esp_copy(img, lay, out, outer_esp_lba(lay));
	return rc;
}
