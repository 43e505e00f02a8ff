/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* write-iso.c - the CD image writer (--mode=iso).

   An ISO 9660 volume whose El Torito boot catalog names the disk image
   as a hard-disk-emulation boot image: the BIOS maps the image as drive
   80h, loads its LBA 0 (stage 1) and stage 1 boots it as from a hard
   disk (by CHS: SeaBIOS offers no INT 13h extensions on an emulated
   disk; the geometry comes from the image's partition table).  The same
   image is the file PORTIX.IMG, so it can be copied off the CD, and the
   kernel finds it through the catalog (see portix/layout.h).

   With a UEFI loader the image has an EFI system partition, and the ISO
   is hybrid: the catalog gets a second section, platform EFI, whose
   no-emulation entry is the ESP's bytes inside PORTIX.IMG (nothing is
   stored twice; the file EFIBOOT.IMG names the same bytes), and the
   system area starts with stage 1 again, its base LBA PORTIX_ISO_HYBRID_BASE
   (where PORTIX.IMG starts, in 512-byte sectors) and its partition
   table moved by as much, so the file written raw to a disk boots under
   BIOS (stage 1 reads stage 2 at base + 1) and UEFI (the ESP entry).

   Volume layout, in 2048-byte sectors:
	0-15	system area: zeros, or the hybrid MBR in its first 512 bytes
	16	primary volume descriptor
	17	El Torito boot record (must be sector 17)
	18	volume descriptor set terminator
	19, 20	path table, little- and big-endian
	21	root directory: ".", "..", BOOT.CAT, PORTIX.IMG (, EFIBOOT.IMG)
	22	boot catalog (BOOT.CAT)
	32	the disk image (PORTIX.IMG) to the end of the volume
   A file's extent holds at most 4 GiB - 2 KiB, so a bigger image is
   recorded as a multi-extent file (ISO 9660 level 3), in pieces.

   Every date is the epoch (media.c); nothing else varies.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"
#include "mbr.h"

#define ISO_SECTOR PORTIX_ISO_SECTOR_SIZE
#define PVD_LBA 16
#define BOOT_RECORD_LBA PORTIX_ISO_BOOT_RECORD_LBA
#define TERMINATOR_LBA 18
#define PATH_L_LBA 19
#define PATH_M_LBA 20
#define ROOT_LBA 21
#define CATALOG_LBA 22
#define IMAGE_LBA 32
#define HEADER_SECTORS IMAGE_LBA
/* The largest extent that ends on a sector boundary.  */
#define EXTENT_MAX 0xFFFFF800ull

_Static_assert(BOOT_RECORD_LBA == 17, "El Torito puts its record at 17");
_Static_assert(IMAGE_LBA * (ISO_SECTOR / PORTIX_SECTOR_SIZE) ==
	       PORTIX_ISO_HYBRID_BASE, "PORTIX.IMG starts at the hybrid base");
_Static_assert(PORTIX_ESP_SECTORS % (ISO_SECTOR / PORTIX_SECTOR_SIZE) == 0 &&
	       PORTIX_ESP_SECTORS <= 0xFFFF,
	       "the ESP is whole CD sectors and an El Torito count holds it");

/* El Torito section header and entry fields beyond the initial entry.  */
#define ELTORITO_FINAL_HEADER 0x91
#define ELTORITO_PLATFORM_EFI 0xEF
#define ELTORITO_MEDIA_NO_EMULATION 0
/* 512-byte sectors per CD sector.  */
#define CD_TO_DISK (ISO_SECTOR / PORTIX_SECTOR_SIZE)

/* The root directory is one sector: ".", "..", BOOT.CAT (112 bytes of
   records) and PORTIX.IMG's pieces of EXTENT_MAX bytes, 46 bytes each.
   64 GiB takes 17 pieces, well inside it.  */
#define ISO_DISK_MAX_MB 65536ull
_Static_assert(112 + 46 * ((ISO_DISK_MAX_MB << 20) / EXTENT_MAX + 1) <=
	       ISO_SECTOR, "the largest ISO's pieces fit the root directory");
_Static_assert(ISO_DISK_MAX_MB <= PORTIX_DISK_MB_MAX,
	       "an ISO's disk is an MBR disk too");
const uint64_t pxi_iso_max_mb = ISO_DISK_MAX_MB;

/* Both-endian numbers, as ISO 9660 stores most of them.  */
static void put_both16(uint8_t *p, uint16_t v)
{
	pxi_put_le16(p, v);
	pxi_put_be16(p + 2, v);
}

static void put_both32(uint8_t *p, uint32_t v)
{
	pxi_put_le32(p, v);
	pxi_put_be32(p + 4, v);
}

/* A text field padded with spaces.  */
static void put_text(uint8_t *p, size_t size, const char *text)
{
	size_t len = strlen(text);

	memset(p, ' ', size);
	memcpy(p, text, len < size ? len : size);
}

/* The 17-byte date of a volume descriptor; TM NULL means "not set".  */
static void put_volume_date(uint8_t *p, const struct tm *tm)
{
	char text[96];

	if (!tm) {
		memset(p, '0', 16);
		p[16] = 0;
		return;
	}
	snprintf(text, sizeof(text), "%04d%02d%02d%02d%02d%02d00",
		 tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
		 tm->tm_hour, tm->tm_min, tm->tm_sec);
	memcpy(p, text, 16);
	p[16] = 0;		/* offset from GMT, 15-minute units */
}

static void put_record_date(uint8_t *p, const struct tm *tm)
{
	p[0] = (uint8_t)tm->tm_year;
	p[1] = (uint8_t)(tm->tm_mon + 1);
	p[2] = (uint8_t)tm->tm_mday;
	p[3] = (uint8_t)tm->tm_hour;
	p[4] = (uint8_t)tm->tm_min;
	p[5] = (uint8_t)tm->tm_sec;
	p[6] = 0;
}

#define DIR_FLAG_DIRECTORY 0x02
#define DIR_FLAG_MULTI_EXTENT 0x80

/* A directory record at P; return its length.  */
static size_t put_record(uint8_t *p, uint32_t lba, uint32_t size,
			 uint8_t flags, const char *id, size_t id_len,
			 const struct tm *tm)
{
	size_t len = 33 + id_len + (id_len % 2 == 0);	/* even length */

	memset(p, 0, len);
	p[0] = (uint8_t)len;
	put_both32(p + 2, lba);
	put_both32(p + 10, size);
	put_record_date(p + 18, tm);
	p[25] = flags;
	put_both16(p + 28, 1);		/* volume sequence number */
	p[32] = (uint8_t)id_len;
	memcpy(p + 33, id, id_len);
	return len;
}

static void fill_pvd(uint8_t *p, uint32_t volume_sectors,
		     const struct tm *tm)
{
	p[0] = 1;
	memcpy(p + 1, "CD001", 5);
	p[6] = 1;
	put_text(p + 8, 32, "");			/* system */
	put_text(p + 40, 32, "PORTIX");			/* volume */
	put_both32(p + 80, volume_sectors);
	put_both16(p + 120, 1);				/* set size */
	put_both16(p + 124, 1);				/* sequence */
	put_both16(p + 128, ISO_SECTOR);
	put_both32(p + 132, 10);			/* path table */
	pxi_put_le32(p + 140, PATH_L_LBA);
	pxi_put_be32(p + 148, PATH_M_LBA);
	put_record(p + 156, ROOT_LBA, ISO_SECTOR, DIR_FLAG_DIRECTORY,
		   "\0", 1, tm);
	put_text(p + 190, 128, "PORTIX");		/* volume set */
	put_text(p + 318, 128, "");			/* publisher */
	put_text(p + 446, 128, "");			/* preparer */
	put_text(p + 574, 128, "PORTIX-MKIMAGE");	/* application */
	put_text(p + 702, 37 * 3, "");		/* copyright, abstract, biblio */
	put_volume_date(p + 813, tm);		/* created */
	put_volume_date(p + 830, tm);		/* modified */
	put_volume_date(p + 847, NULL);		/* expires: never */
	put_volume_date(p + 864, NULL);		/* effective: at once */
	p[881] = 1;				/* file structure version */
}

static void fill_boot_record(uint8_t *p)
{
	p[0] = 0;
	memcpy(p + 1, "CD001", 5);
	p[6] = 1;
	memcpy(p + 7, "EL TORITO SPECIFICATION", 23);
	pxi_put_le32(p + PORTIX_ELTORITO_CATALOG_PTR, CATALOG_LBA);
}

/* The catalog: a validation entry and the initial (default) entry.  */
static void fill_catalog(uint8_t *p, const struct pxi_layout *lay)
{
	uint16_t sum = 0;

	p[0] = PORTIX_ELTORITO_HEADER_ID;
	p[1] = 0;			/* platform: 80x86 */
	memcpy(p + 4, "PORTIX", 6);
	p[PORTIX_ELTORITO_KEY] = 0x55;
	p[PORTIX_ELTORITO_KEY + 1] = 0xAA;
	/* The checksum makes the 16 words of the entry sum to 0.  */
	for (int i = 0; i < PORTIX_ELTORITO_ENTRY_SIZE; i += 2)
		sum = (uint16_t)(sum + pxi_get_le16(p + i));
	pxi_put_le16(p + 0x1C, (uint16_t)-sum);

	p[PORTIX_ELTORITO_BOOT_INDICATOR] = PORTIX_ELTORITO_BOOTABLE;
	p[PORTIX_ELTORITO_MEDIA_TYPE] = PORTIX_ELTORITO_MEDIA_HD;
	pxi_put_le16(p + 34, 0);	/* load segment: the default, 07C0 */
	/* System type: the image's first partition type, as El Torito
	   asks for hard-disk emulation.  */
	p[36] = lay->stage1[PORTIX_MBR_PARTITION_TABLE + PORTIX_MBR_PART_TYPE];
	pxi_put_le16(p + 38, 1);	/* load one sector: the MBR */
	pxi_put_le32(p + PORTIX_ELTORITO_LOAD_RBA, IMAGE_LBA);

	if (!lay->esp_sectors)
		return;
	/* The last section: UEFI, one no-emulation entry, the ESP.  */
	p += 2 * PORTIX_ELTORITO_ENTRY_SIZE;
	p[0] = ELTORITO_FINAL_HEADER;
	p[1] = ELTORITO_PLATFORM_EFI;
	pxi_put_le16(p + 2, 1);
	p += PORTIX_ELTORITO_ENTRY_SIZE;
	p[0] = PORTIX_ELTORITO_BOOTABLE;
	p[1] = ELTORITO_MEDIA_NO_EMULATION;
	pxi_put_le16(p + 6, (uint16_t)lay->esp_sectors);
	pxi_put_le32(p + 8, IMAGE_LBA + lay->esp_lba / CD_TO_DISK);
}

/* The system area's MBR: stage 1 as on the disk, but its image starts
   at PORTIX_ISO_HYBRID_BASE, and so do its partitions.  */
static void fill_hybrid_mbr(uint8_t *p, const struct pxi_layout *lay,
			    uint64_t volume_sectors)
{
	memcpy(p, lay->stage1, PORTIX_SECTOR_SIZE);
	pxi_put_le64(p + PORTIX_S1_PARAMS + PORTIX_S1_BASE_LBA,
		     PORTIX_ISO_HYBRID_BASE);
	pxi_mbr_rebase(p, PORTIX_ISO_HYBRID_BASE, volume_sectors * CD_TO_DISK);
}

/* The root directory, with the image in pieces of at most EXTENT_MAX.  */
static int fill_root(struct portix_image *img, uint8_t *p,
		     const struct pxi_layout *lay, const struct tm *tm,
		     const char *path)
{
	uint64_t left = lay->disk_size;
	uint32_t lba = IMAGE_LBA;
	size_t at = 0;

	at += put_record(p + at, ROOT_LBA, ISO_SECTOR, DIR_FLAG_DIRECTORY,
			 "\0", 1, tm);
	at += put_record(p + at, ROOT_LBA, ISO_SECTOR, DIR_FLAG_DIRECTORY,
			 "\1", 1, tm);
	at += put_record(p + at, CATALOG_LBA, ISO_SECTOR, 0, "BOOT.CAT;1",
			 10, tm);
	do {
		uint64_t n = left > EXTENT_MAX ? EXTENT_MAX : left;

		/* The records must fit the directory's one sector.  */
		if (at + 33 + 12 > ISO_SECTOR)
			return pxi_error(img, PORTIX_ENOSPC,
					 "%s: disk too big for an ISO image",
					 path);
		left -= n;
		at += put_record(p + at, lba, (uint32_t)n,
				 left ? DIR_FLAG_MULTI_EXTENT : 0,
				 "PORTIX.IMG;1", 12, tm);
		lba += (uint32_t)(n / ISO_SECTOR);
	} while (left > 0);
	if (lay->esp_sectors) {
		if (at + 33 + 13 > ISO_SECTOR)
			return pxi_error(img, PORTIX_ENOSPC,
					 "%s: disk too big for an ISO image",
					 path);
		put_record(p + at, IMAGE_LBA + lay->esp_lba / CD_TO_DISK,
			   lay->esp_sectors * PORTIX_SECTOR_SIZE, 0,
			   "EFIBOOT.IMG;1", 13, tm);
	}
	return PORTIX_OK;
}

/* Path tables: the root alone.  */
static void fill_path_table(uint8_t *p, bool big_endian)
{
	p[0] = 1;			/* identifier length */
	if (big_endian) {
		pxi_put_be32(p + 2, ROOT_LBA);
		pxi_put_be16(p + 6, 1);
	} else {
		pxi_put_le32(p + 2, ROOT_LBA);
		pxi_put_le16(p + 6, 1);
	}
}

int pxi_write_iso(struct portix_image *img, const struct pxi_layout *lay,
		  struct pxi_output *out)
{
	uint8_t (*sectors)[ISO_SECTOR];
	uint8_t mbr[PORTIX_SECTOR_SIZE];
	size_t header_bytes = (HEADER_SECTORS - PVD_LBA) * ISO_SECTOR;
	uint64_t volume = HEADER_SECTORS + lay->disk_size / ISO_SECTOR;
	uint64_t done = 0;
	time_t t = (time_t)img->epoch;
	struct tm tm;
	int rc;

	if (lay->disk_size % ISO_SECTOR || volume > 0xFFFFFFFFu)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: disk too big for an ISO image", out->path);
	if (!gmtime_r(&t, &tm))
		return pxi_error(img, PORTIX_EINVAL, "%s: bad epoch",
				 out->path);
	/* 32 KiB: too big for a library to put on the caller's stack.  */
	sectors = calloc(HEADER_SECTORS - PVD_LBA, ISO_SECTOR);
	if (!sectors)
		return pxi_error(img, PORTIX_ENOMEM, "out of memory");
	fill_pvd(sectors[PVD_LBA - PVD_LBA], (uint32_t)volume, &tm);
	fill_boot_record(sectors[BOOT_RECORD_LBA - PVD_LBA]);
	sectors[TERMINATOR_LBA - PVD_LBA][0] = 255;
	memcpy(sectors[TERMINATOR_LBA - PVD_LBA] + 1, "CD001", 5);
	sectors[TERMINATOR_LBA - PVD_LBA][6] = 1;
	fill_path_table(sectors[PATH_L_LBA - PVD_LBA], false);
	fill_path_table(sectors[PATH_M_LBA - PVD_LBA], true);
	fill_catalog(sectors[CATALOG_LBA - PVD_LBA], lay);
	rc = fill_root(img, sectors[ROOT_LBA - PVD_LBA], lay, &tm, out->path);

	if (rc == PORTIX_OK)
		rc = pxi_output_set_size(img, out, volume * ISO_SECTOR);
	if (rc == PORTIX_OK)
		rc = pxi_output_write(img, out, sectors, header_bytes,
				      (uint64_t)PVD_LBA * ISO_SECTOR);
	free(sectors);
	if (rc == PORTIX_OK && lay->esp_sectors) {
		fill_hybrid_mbr(mbr, lay, volume);
		rc = pxi_output_write(img, out, mbr, sizeof(mbr), 0);
	}
	if (rc == PORTIX_OK)
		rc = pxi_write_extents(img, out, lay,
				       (uint64_t)IMAGE_LBA * ISO_SECTOR, &done,
				       pxi_disk_data_bytes(lay));
	return rc;
}
