/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* layout.c - place the boot pieces on the disk and patch their fields.

   Receives a handle with stage 1, stage 2 and the kernel loaded (load.c
   checked them); leaves a struct pxi_layout that any writer turns into a
   file: stage 1 at PORTIX_STAGE1_LBA with its parameter block and disk
   signature filled in, stage 2 at PORTIX_STAGE2_LBA with its header
   describing the kernel, the kernel at PORTIX_KERNEL_LBA, the FAT data
   partition (datapart.c) from PORTIX_RESERVED_END_LBA to the end or, with
   a UEFI loader, to the EFI system partition in the disk's last
   PORTIX_ESP_SECTORS, with their entries in stage 1's partition table
   (mbr.c), zeros elsewhere.
   Every field is written byte by byte in little-endian order at the
   offsets of portix/layout.h, so the host's byte order does not matter.
   Nothing here depends on time or chance: the same inputs give the same
   bytes.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdlib.h>
#include <string.h>

#include <portix/crc32.h>

#include "datapart.h"
#include "internal.h"

#define SECTOR_BYTES(lba) ((uint64_t)(lba) * PORTIX_SECTOR_SIZE)

/* The extents must come in order and must not overlap.  */
_Static_assert(PORTIX_STAGE1_LBA < PORTIX_STAGE2_LBA,
	       "stage 2 must follow stage 1");
_Static_assert(PORTIX_STAGE2_LBA + PORTIX_STAGE2_SECTORS <= PORTIX_KERNEL_LBA,
	       "the kernel must follow stage 2");
_Static_assert(PORTIX_S1_PARAMS + PORTIX_S1_PARAMS_SIZE <=
	       PORTIX_MBR_DISK_SIGNATURE,
	       "stage 1's parameter block must end before the disk signature");

static uint32_t kernel_sectors(const struct portix_image *img)
{
	return (uint32_t)((img->kernel_size + PORTIX_SECTOR_SIZE - 1) /
			  PORTIX_SECTOR_SIZE);
}

/* Stage 2's header: where the kernel is, how long, its checksum, the
   command line and the serial flag.  Magic, version, header size and the
   other flags stay as built.  */
static void patch_stage2(const struct portix_image *img, uint8_t *s2)
{
	pxi_put_le32(s2 + PORTIX_S2_HDR_KERNEL_LBA, PORTIX_KERNEL_LBA);
	pxi_put_le32(s2 + PORTIX_S2_HDR_KERNEL_SECTORS, kernel_sectors(img));
	pxi_put_le32(s2 + PORTIX_S2_HDR_KERNEL_SIZE,
		     (uint32_t)img->kernel_size);
	pxi_put_le32(s2 + PORTIX_S2_HDR_KERNEL_CRC32,
		     portix_crc32(0, img->kernel, img->kernel_size));
	/* The whole field, so nothing of stage2.bin's bytes survives.  */
	memcpy(s2 + PORTIX_S2_HDR_CMDLINE, img->cmdline, PORTIX_CMDLINE_MAX);
	if (img->no_serial)
		s2[PORTIX_S2_HDR_FLAGS] |= PORTIX_S2_FLAG_NO_SERIAL;
	else
		s2[PORTIX_S2_HDR_FLAGS] &= ~PORTIX_S2_FLAG_NO_SERIAL;
}

/* A digest of the boot pieces: a CRC-32 of the patched stage 2 (which
   covers the kernel's checksum and command line), the kernel, the disk
   size and the flags.  The FAT volume serial derives from it.  */
static uint32_t boot_digest(const struct portix_image *img,
			    const uint8_t *s2, uint64_t disk_size)
{
	uint8_t size_le[8];
	uint8_t flags = img->force_chs;
	uint32_t crc;

	pxi_put_le64(size_le, disk_size);
	crc = portix_crc32(0, s2, PXI_STAGE2_BYTES);
	crc = portix_crc32(crc, img->kernel, img->kernel_size);
	crc = portix_crc32(crc, size_le, sizeof(size_le));
	crc = portix_crc32(crc, &flags, 1);
	return crc;
}

/* Which pxi_derive_id a disk signature is: identifiers of other media
   derived from the same digest then differ from it.  */
#define SIGNATURE_TAG 0x44534947u

/* The disk signature: the one asked for, or one derived from the boot
   digest, every byte of the data partition (files included) and the
   epoch, so that images differing in anything differ in it, without
   randomness.  Zero means "no signature" to some systems: never 0.  */
static uint32_t disk_signature(const struct portix_image *img,
			       uint32_t boot, const struct pxi_layout *lay,
			       unsigned int first_part_extent)
{
	uint8_t offset_le[8];
	uint32_t crc = 0, sig;

	if (img->disk_signature)
		return img->disk_signature;
	for (unsigned int i = first_part_extent; i < lay->n_extents; i++) {
		const struct pxi_extent *e = &lay->extents[i];

		pxi_put_le64(offset_le, e->offset);
		crc = portix_crc32(crc, offset_le, sizeof(offset_le));
		crc = portix_crc32(crc, e->data, e->len);
	}
	sig = (uint32_t)pxi_derive_id(img, (uint64_t)boot << 32 | crc,
				      SIGNATURE_TAG);
	return sig ? sig : 1;
}

/* The sectors of stage 2 (patched, at S2) that stage 1 must read: up to
   its last non-zero byte.  Stage 2 zeroes the rest itself, and stage 1
   reads a sector per BIOS call, so a shorter read is a faster boot.  */
static uint16_t stage2_sectors_to_read(const uint8_t *s2)
{
	const size_t at_least = PORTIX_S2_ENTRY_OFFSET / PORTIX_SECTOR_SIZE + 1;
	size_t end = PXI_STAGE2_BYTES;

	while (end > 0 && s2[end - 1] == 0)
		end--;
	end = (end + PORTIX_SECTOR_SIZE - 1) / PORTIX_SECTOR_SIZE;
	/* The header and the entry sector, always.  */
	return (uint16_t)(end < at_least ? at_least : end);
}

/* Stage 1's parameter block: the image starts at LBA 0 of the disk it is
   written to, stage 2 follows.  add_partition fills the partition table.  */
static void patch_stage1(const struct portix_image *img, uint8_t *s1,
			 const uint8_t *s2)
{
	uint8_t *params = s1 + PORTIX_S1_PARAMS;

	pxi_put_le64(params + PORTIX_S1_BASE_LBA, 0);
	pxi_put_le32(params + PORTIX_S1_STAGE2_LBA, PORTIX_STAGE2_LBA);
	pxi_put_le16(params + PORTIX_S1_STAGE2_SECTORS,
		     stage2_sectors_to_read(s2));
	params[PORTIX_S1_FLAGS] = img->force_chs ? PORTIX_S1_FLAG_FORCE_CHS : 0;
}

static void add_extent(struct pxi_layout *lay, uint64_t lba,
		       const uint8_t *data, size_t len)
{
	struct pxi_extent *e = &lay->extents[lay->n_extents++];

	e->offset = SECTOR_BYTES(lba);
	e->data = data;
	e->len = len;
}

/* The FAT volume serial: from the epoch and the boot digest, so it is
   reproducible, and differs when either does.  */
static uint32_t volume_serial(const struct portix_image *img, uint32_t boot)
{
	uint8_t buf[12];

	pxi_put_le32(buf, boot);
	pxi_put_le64(buf + 4, (uint64_t)img->epoch);
	return portix_crc32(0, buf, sizeof(buf));
}

/* The boot pieces' extents, before the partition's chunks.  */
#define BOOT_EXTENTS 3

/* Which serial the ESP's volume gets: the data partition's, tagged, so
   the two differ.  */
#define ESP_SERIAL_TAG 0x45535000u

/* Build the data partition and, with a UEFI loader, the EFI system
   partition; enter them in stage 1's table and list the extents: the
   three boot pieces, the data partition's chunks, the ESP's.  */
static int add_partition(struct portix_image *img, struct pxi_layout *lay,
			 uint32_t boot)
{
	struct pxi_partition part, esp;
	uint32_t serial = volume_serial(img, boot);
	size_t max;
	int rc;

	pxi_partition_plan(lay->disk_size / PORTIX_SECTOR_SIZE,
			   img->efi ? PORTIX_ESP_SECTORS : 0, &part, &esp);
	rc = pxi_datapart_build(img, &part, serial);
	if (rc == PORTIX_OK && esp.sectors)
		rc = pxi_esp_build(img, &esp, serial ^ ESP_SERIAL_TAG);
	if (rc < 0) {
		pxi_datapart_release(img);
		return rc;
	}
	pxi_mbr_put_partitions(lay->stage1, &part, &esp);
	lay->esp_lba = esp.start;
	lay->esp_sectors = esp.sectors;

	max = BOOT_EXTENTS + pxi_sparse_max_extents(img->part) +
	      (img->esp ? pxi_sparse_max_extents(img->esp) : 0);
	img->extents = malloc(max * sizeof(*img->extents));
	if (!img->extents) {
		pxi_datapart_release(img);
		return pxi_error(img, PORTIX_ENOMEM, "out of memory");
	}
	lay->extents = img->extents;
	add_extent(lay, PORTIX_STAGE1_LBA, lay->stage1, PORTIX_SECTOR_SIZE);
	add_extent(lay, PORTIX_STAGE2_LBA, lay->stage2, PXI_STAGE2_BYTES);
	add_extent(lay, PORTIX_KERNEL_LBA, img->kernel, img->kernel_size);
	_Static_assert(BOOT_EXTENTS == 3, "three boot pieces");
	lay->n_extents += (unsigned int)pxi_sparse_extents(img->part,
			SECTOR_BYTES(part.start), lay->extents + lay->n_extents);
	/* The ESP follows the data partition: the extents stay sorted.  */
	if (img->esp)
		lay->n_extents += (unsigned int)pxi_sparse_extents(img->esp,
				SECTOR_BYTES(esp.start),
				lay->extents + lay->n_extents);
	return PORTIX_OK;
}

int pxi_layout_build(struct portix_image *img, struct pxi_layout *lay)
{
	static const char *const what[] = { "stage 1", "stage 2", "kernel" };
	const bool have[] = { img->have_stage1, img->stage2 != NULL,
			      img->kernel != NULL };
	uint32_t boot;
	int rc;

	for (size_t i = 0; i < sizeof(have) / sizeof(have[0]); i++)
		if (!have[i])
			return pxi_error(img, PORTIX_EINVAL,
					 "no %s loaded", what[i]);

	memset(lay, 0, sizeof(*lay));
	lay->disk_size = img->size_mb * PXI_MIB;
	/* load.c keeps the kernel inside the reserved area; the disk must
	   hold that area whole.  */
	if (lay->disk_size < SECTOR_BYTES(PORTIX_RESERVED_END_LBA))
		return pxi_error(img, PORTIX_ENOSPC,
				 "a %llu MiB disk is too small for the boot area",
				 (unsigned long long)img->size_mb);

	memcpy(lay->stage2, img->stage2, PXI_STAGE2_BYTES);
	patch_stage2(img, lay->stage2);
	memcpy(lay->stage1, img->stage1, PORTIX_SECTOR_SIZE);
	boot = boot_digest(img, lay->stage2, lay->disk_size);
	patch_stage1(img, lay->stage1, lay->stage2);
	rc = add_partition(img, lay, boot);
	if (rc < 0)
		return rc;
	/* Last: the signature covers the partition, and stage 1's extent
	   points at lay->stage1, so the patch reaches every writer.  */
	pxi_put_le32(lay->stage1 + PORTIX_MBR_DISK_SIGNATURE,
		     disk_signature(img, boot, lay, BOOT_EXTENTS));
	return PORTIX_OK;
}
