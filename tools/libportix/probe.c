/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* probe.c - media by name, and by content (portix/probe.h).

   Each medium is recognised by its container's signature, then the
   Portix disk inside is found (its byte offset in the file) and checked:
   stage 1's 55 AA and stage 2's magic.  The raw disk is tried first, so
   a file that is a Portix disk at byte 0 is raw whatever else it holds.
   Numbers come from portix/layout.h and the writers' format headers.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <portix/probe.h>

#include "internal.h"
#include "vdi.h"
#include "vmdk.h"

static const char *const mode_names[] = {
	[PORTIX_MODE_RAW] = "raw",
	[PORTIX_MODE_ISO] = "iso",
	[PORTIX_MODE_VDI] = "vdi",
	[PORTIX_MODE_VMDK] = "vmdk",
	[PORTIX_MODE_VENTOY_SIM] = "ventoy-sim",
};
#define N_MODES (sizeof(mode_names) / sizeof(mode_names[0]))

const char *portix_mode_name(enum portix_mode mode)
{
	if ((unsigned int)mode >= N_MODES)
		return NULL;
	return mode_names[mode];
}

int portix_mode_by_name(const char *name, enum portix_mode *mode)
{
	for (size_t i = 0; name && i < N_MODES; i++)
		if (strcmp(name, mode_names[i]) == 0) {
			*mode = (enum portix_mode)i;
			return PORTIX_OK;
		}
	return PORTIX_EINVAL;
}

/* The bytes a Portix disk is recognised by: stage 1 and stage 2's first
   sector.  */
#define DISK_HEAD_BYTES ((PORTIX_STAGE2_LBA + 1) * PORTIX_SECTOR_SIZE)

/* The file being probed.  */
struct probe {
	struct portix_image *img;
	const char *path;
	int fd;
};

/* Read LEN bytes at OFFSET into BUF; bytes past the end of the file
   read as zeros (a short file then fails the checks, not the read).
   Return PORTIX_OK, or PORTIX_EIO with the message set.  */
static int read_at(struct probe *p, uint64_t offset, void *buf, size_t len)
{
	uint8_t *to = buf;
	size_t done = 0;

	if (offset > (uint64_t)INT64_MAX - len) {
		memset(buf, 0, len);
		return PORTIX_OK;
	}
	while (done < len) {
		ssize_t n = pread(p->fd, to + done, len - done,
				  (off_t)(offset + done));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return pxi_error_errno(p->img, errno, "%s: cannot read",
					       p->path);
		if (n == 0)
			break;
		done += (size_t)n;
	}
	memset(to + done, 0, len - done);
	return PORTIX_OK;
}

/* Whether a Portix disk starts at byte OFFSET of the file: 1 yes, 0 no,
   or PORTIX_EIO.  */
static int disk_at(struct probe *p, uint64_t offset)
{
	uint8_t head[DISK_HEAD_BYTES];
	const uint8_t *s2 = head + PORTIX_STAGE2_LBA * PORTIX_SECTOR_SIZE;
	int rc = read_at(p, offset, head, sizeof(head));

	if (rc < 0)
		return rc;
	return head[PORTIX_MBR_SIGNATURE] == 0x55 &&
	       head[PORTIX_MBR_SIGNATURE + 1] == 0xAA &&
	       pxi_get_le32(s2 + PORTIX_S2_HDR_MAGIC) == PORTIX_S2_MAGIC;
}

/* Report what the file is when no Portix disk was found in it.  */
static int not_portix(struct probe *p, const char *what)
{
	return pxi_error(p->img, PORTIX_EINVAL,
			 "%s: %s, not a Portix medium (no Portix stage 1 and"
			 " stage 2 in it)", p->path, what);
}

/* The medium if the disk at OFFSET is a Portix one, else the report
   that the container WHAT holds none.  */
static int inside(struct probe *p, uint64_t offset, enum portix_mode found,
		  enum portix_mode *mode, const char *what)
{
	int rc = disk_at(p, offset);

	if (rc < 0)
		return rc;
	if (!rc)
		return not_portix(p, what);
	*mode = found;
	return PORTIX_OK;
}

/* An ISO 9660 image: the El Torito boot record's catalog, its initial
   entry's load RBA (portix/layout.h describes the walk).  */
static int probe_iso(struct probe *p, enum portix_mode *mode)
{
	uint8_t sector[PORTIX_ISO_SECTOR_SIZE];
	uint64_t catalog;
	int rc;

	rc = read_at(p, (uint64_t)PORTIX_ISO_BOOT_RECORD_LBA *
		     PORTIX_ISO_SECTOR_SIZE, sector, sizeof(sector));
	if (rc < 0)
		return rc;
	if (sector[0] != 0 || memcmp(sector + 1, "CD001", 5) != 0 ||
	    memcmp(sector + 7, "EL TORITO SPECIFICATION", 23) != 0)
		return pxi_error(p->img, PORTIX_EINVAL,
				 "%s: an ISO 9660 image without an El Torito"
				 " boot record, not a Portix medium", p->path);
	catalog = pxi_get_le32(sector + PORTIX_ELTORITO_CATALOG_PTR);
	rc = read_at(p, catalog * PORTIX_ISO_SECTOR_SIZE, sector,
		     sizeof(sector));
	if (rc < 0)
		return rc;
	if (sector[PORTIX_ELTORITO_KEY] != 0x55 ||
	    sector[PORTIX_ELTORITO_KEY + 1] != 0xAA)
		return not_portix(p, "an ISO 9660 image whose El Torito boot"
				  " catalog is damaged");
	return inside(p, (uint64_t)pxi_get_le32(sector +
						  PORTIX_ELTORITO_LOAD_RBA) *
		      PORTIX_ISO_SECTOR_SIZE, PORTIX_MODE_ISO, mode,
		      "an ISO 9660 image");
}

/* A VDI: the first block of the disk, through the block map.  */
static int probe_vdi(struct probe *p, const uint8_t *header,
		     enum portix_mode *mode)
{
	uint8_t entry[4];
	uint32_t block;
	uint64_t size = pxi_get_le32(header + VDI_OFF_BLOCK_SIZE);
	uint64_t extra = pxi_get_le32(header + VDI_OFF_BLOCK_EXTRA);
	int rc = read_at(p, pxi_get_le32(header + VDI_OFF_BLOCKS), entry,
			 sizeof(entry));

	if (rc < 0)
		return rc;
	block = pxi_get_le32(entry);
	if (block == VDI_BLOCK_FREE || size < DISK_HEAD_BYTES)
		return not_portix(p, "a VDI image");
	return inside(p, pxi_get_le32(header + VDI_OFF_DATA) +
		      block * (size + extra) + extra, PORTIX_MODE_VDI, mode,
		      "a VDI image");
}

/* A sparse VMDK: the first grain, through the grain directory and the
   first grain table.  */
static int probe_vmdk(struct probe *p, const uint8_t *header,
		      enum portix_mode *mode)
{
	uint8_t entry[4];
	uint64_t gt, grain;
	int rc;

	/* Compressed grains: the header is all there is to go by.  */
	if (pxi_get_le32(header + VMDK_H_FLAGS) & VMDK_FLAG_COMPRESSED) {
		*mode = PORTIX_MODE_VMDK;
		return PORTIX_OK;
	}
	rc = read_at(p, pxi_get_le32(header + VMDK_H_GD_OFFSET) *
		     (uint64_t)PORTIX_SECTOR_SIZE, entry, sizeof(entry));
	if (rc < 0)
		return rc;
	gt = pxi_get_le32(entry);
	rc = read_at(p, gt * PORTIX_SECTOR_SIZE, entry, sizeof(entry));
	if (rc < 0)
		return rc;
	grain = pxi_get_le32(entry);
	if (gt == 0 || grain == 0)
		return not_portix(p, "a VMDK image");
	return inside(p, grain * PORTIX_SECTOR_SIZE, PORTIX_MODE_VMDK, mode,
		      "a VMDK image");
}

/* An MBR whose bootable partition holds the disk (ventoy-sim).  */
static int probe_partitions(struct probe *p, const uint8_t *mbr,
			    enum portix_mode *mode)
{
	for (int i = 0; i < 4; i++) {
		const uint8_t *e = mbr + PORTIX_MBR_PARTITION_TABLE +
				   i * PORTIX_MBR_PARTITION_ENTRY_SIZE;
		int rc;

		if (e[PORTIX_MBR_PART_STATUS] != 0x80 ||
		    e[PORTIX_MBR_PART_TYPE] == 0)
			continue;
		rc = disk_at(p, (uint64_t)pxi_get_le32(e + PORTIX_MBR_PART_LBA)
			     * PORTIX_SECTOR_SIZE);
		if (rc != 0) {
			if (rc > 0)
				*mode = PORTIX_MODE_VENTOY_SIM;
			return rc < 0 ? rc : PORTIX_OK;
		}
	}
	return not_portix(p, "a disk with an MBR");
}

static int probe_file(struct probe *p, enum portix_mode *mode)
{
	uint8_t head[PORTIX_SECTOR_SIZE];
	uint8_t cd[6];
	int rc = disk_at(p, 0);

	if (rc < 0)
		return rc;
	if (rc) {
		*mode = PORTIX_MODE_RAW;
		return PORTIX_OK;
	}
	rc = read_at(p, 0, head, sizeof(head));
	if (rc == PORTIX_OK)
		/* The primary volume descriptor, just before the boot
		   record.  */
		rc = read_at(p, (PORTIX_ISO_BOOT_RECORD_LBA - 1) *
			     PORTIX_ISO_SECTOR_SIZE, cd, sizeof(cd));
	if (rc < 0)
		return rc;
	if (pxi_get_le32(head + VMDK_H_MAGIC) == VMDK_MAGIC)
		return probe_vmdk(p, head, mode);
	if (pxi_get_le32(head + VDI_OFF_SIGNATURE) == VDI_SIGNATURE)
		return probe_vdi(p, head, mode);
	if (memcmp(cd + 1, "CD001", 5) == 0)
		return probe_iso(p, mode);
	if (head[PORTIX_MBR_SIGNATURE] == 0x55 &&
	    head[PORTIX_MBR_SIGNATURE + 1] == 0xAA)
		return probe_partitions(p, head, mode);
	return pxi_error(p->img, PORTIX_EINVAL,
			 "%s: not a Portix medium (no boot signature, and no"
			 " ISO, VDI or VMDK header)", p->path);
}

int portix_image_probe(struct portix_image *img, const char *path,
		       enum portix_mode *mode)
{
	struct probe p = { img, path, -1 };
	int rc;

	pxi_clear_error(img);
	if (!path || !mode)
		return pxi_error(img, PORTIX_EINVAL,
				 "portix_image_probe: no path or no mode");
	p.fd = open(path, O_RDONLY | O_CLOEXEC);
	if (p.fd < 0)
		return pxi_error_errno(img, errno, "%s: cannot open", path);
	rc = probe_file(&p, mode);
	close(p.fd);
	return rc;
}
