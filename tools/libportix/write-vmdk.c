/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* write-vmdk.c - the VMware sparse disk writer (--mode=vmdk).

   Both subformats hold the disk in grains of 64 KiB; a grain table (GT)
   maps 512 grains (32 MiB), and the grain directory (GD) lists the GTs.
   Entries are sector numbers in the file; 0 means "not stored: zeros".
   Only grains with a non-zero byte are stored.

   monolithicSparse (the default), in sectors:
	0		header
	1..20		descriptor (text)
	21		redundant GD, then its GTs
	...		GD, then its GTs
	overhead	grains (the metadata rounded up to a grain)
   Every GT is allocated, as VMware expects; GTs without grains are
   left as holes (they read as zeros).

   streamOptimized, for VMware's importers: the header says the GD is at
   the end; grains follow the descriptor, each behind a grain marker and
   deflate-framed (stored blocks: valid for any inflater, and no zlib
   needed); then a marker and the sectors of each non-empty GT, of the GD,
   of the footer (the header again, with the GD's place) and the
   end-of-stream marker.

   The descriptor's CID derives from the content and the epoch.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vmdk.h"

#define SECTOR PORTIX_SECTOR_SIZE
#define GRAIN_SECTORS 128u		/* 64 KiB */
#define GRAIN_BYTES (GRAIN_SECTORS * SECTOR)
#define GTES_PER_GT 512u
#define GT_SECTORS (GTES_PER_GT * 4 / SECTOR)
#define DESC_LBA 1u
#define DESC_SECTORS 20u
#define GD_AT_END 0xFFFFFFFFFFFFFFFFull

/* Stream markers: u64 value, u32 size, u32 type (metadata markers).  */
#define MARKER_EOS 0
#define MARKER_GT 1
#define MARKER_GD 2
#define MARKER_FOOTER 3
/* A grain marker: u64 LBA, u32 size, then the deflate stream.  */
#define GRAIN_MARKER_SIZE 12
/* zlib header, stored blocks of at most 65535 bytes, Adler-32.  */
#define STORED_MAX 65535u
#define DEFLATED_MAX (2 + (GRAIN_BYTES / STORED_MAX + 1) * 5 + \
		      GRAIN_BYTES + 4)
#define GRAIN_RECORD_SECTORS \
	((GRAIN_MARKER_SIZE + DEFLATED_MAX + SECTOR - 1) / SECTOR)

/* Grain and GT sector numbers are u32 (2 TiB); the metadata before the
   grains takes a few hundred MiB of that at the most.  */
const uint64_t pxi_vmdk_max_mb = PORTIX_DISK_MB_MAX - 1024;

struct vmdk {
	struct portix_image *img;
	const struct pxi_layout *lay;
	struct pxi_output *out;
	bool stream;
	uint64_t capacity;	/* sectors */
	uint64_t grains;
	uint32_t n_gts;
	uint32_t gd_sectors;	/* sectors of one GD */
	uint8_t *gts;		/* n_gts * GTES_PER_GT entries */
	uint8_t *gd;		/* gd_sectors sectors */
	uint8_t *grain;		/* one grain */
	uint8_t *record;	/* one stream grain record */
	uint64_t done, total;	/* progress, bytes of grains */
};

static void fill_header(const struct vmdk *v, uint8_t *h, uint64_t rgd,
			uint64_t gd, uint64_t overhead)
{
	memset(h, 0, SECTOR);
	pxi_put_le32(h + VMDK_H_MAGIC, VMDK_MAGIC);
	pxi_put_le32(h + VMDK_H_VERSION, v->stream ? 3 : 1);
	pxi_put_le32(h + VMDK_H_FLAGS, v->stream ?
		     VMDK_FLAG_NL_DETECT | VMDK_FLAG_COMPRESSED | VMDK_FLAG_MARKERS :
		     VMDK_FLAG_NL_DETECT | VMDK_FLAG_RGD);
	pxi_put_le64(h + VMDK_H_CAPACITY, v->capacity);
	pxi_put_le64(h + VMDK_H_GRAIN_SIZE, GRAIN_SECTORS);
	pxi_put_le64(h + VMDK_H_DESC_OFFSET, DESC_LBA);
	pxi_put_le64(h + VMDK_H_DESC_SIZE, DESC_SECTORS);
	pxi_put_le32(h + VMDK_H_GTES_PER_GT, GTES_PER_GT);
	pxi_put_le64(h + VMDK_H_RGD_OFFSET, rgd);
	pxi_put_le64(h + VMDK_H_GD_OFFSET, gd);
	pxi_put_le64(h + VMDK_H_OVERHEAD, overhead);
	h[VMDK_H_NL] = '\n';
	h[VMDK_H_NON_NL] = ' ';
	h[VMDK_H_CR] = '\r';
	h[VMDK_H_CRLF_NL] = '\n';
	pxi_put_le16(h + VMDK_H_COMPRESS, v->stream ? 1 : 0);
}

/* The text descriptor, in DESC_SECTORS sectors at DESC_LBA.  */
static int write_descriptor(struct vmdk *v)
{
	char text[DESC_SECTORS * SECTOR] = { 0 };
	char name[256];
	const char *base = strrchr(v->out->path, '/');
	uint32_t cid = (uint32_t)pxi_derive_id(v->img,
					       pxi_disk_digest(v->lay), 5);
	uint64_t cylinders = v->capacity / (16 * 63);
	size_t i;

	/* CID ffffffff means "no parent" in parentCID: never use it.  */
	if (cid == 0xFFFFFFFFu)
		cid = 0xFFFFFFFEu;
	/* The extent names this very file; keep the line parseable.  */
	base = base ? base + 1 : v->out->path;
	for (i = 0; base[i] && i < sizeof(name) - 1; i++)
		name[i] = base[i] == '"' || (unsigned char)base[i] < ' ' ?
			  '_' : base[i];
	name[i] = '\0';
	if (cylinders > 16383)
		cylinders = 16383;
	snprintf(text, sizeof(text),
		 "# Disk DescriptorFile\n"
		 "version=1\n"
		 "encoding=\"UTF-8\"\n"
		 "CID=%08x\n"
		 "parentCID=ffffffff\n"
		 "createType=\"%s\"\n"
		 "\n"
		 "# Extent description\n"
		 "RW %llu SPARSE \"%s\"\n"
		 "\n"
		 "# The Disk Data Base\n"
		 "#DDB\n"
		 "\n"
		 "ddb.virtualHWVersion = \"4\"\n"
		 "ddb.adapterType = \"ide\"\n"
		 "ddb.geometry.cylinders = \"%llu\"\n"
		 "ddb.geometry.heads = \"16\"\n"
		 "ddb.geometry.sectors = \"63\"\n",
		 (unsigned int)cid,
		 v->stream ? "streamOptimized" : "monolithicSparse",
		 (unsigned long long)v->capacity, name,
		 (unsigned long long)cylinders);
	return pxi_output_write(v->img, v->out, text, sizeof(text),
				(uint64_t)DESC_LBA * SECTOR);
}

/* Grain G's bytes into v->grain; false if they are all zero.  */
static bool read_grain(struct vmdk *v, uint64_t g)
{
	uint64_t offset = g * GRAIN_BYTES;

	if (!pxi_disk_nonzero(v->lay, offset, GRAIN_BYTES))
		return false;
	pxi_disk_read(v->lay, offset, v->grain, GRAIN_BYTES);
	return true;
}

static void set_gte(struct vmdk *v, uint64_t g, uint32_t sector)
{
	pxi_put_le32(v->gts + 4 * g, sector);
}

static int grain_written(struct vmdk *v)
{
	v->done += GRAIN_BYTES;
	pxi_progress(v->img, v->done, v->total);
	return PORTIX_OK;
}

/* ---- monolithicSparse ---- */

static int write_monolithic(struct vmdk *v)
{
	uint64_t rgd = DESC_LBA + DESC_SECTORS;
	uint64_t rgt = rgd + v->gd_sectors;
	uint64_t gd = rgt + (uint64_t)v->n_gts * GT_SECTORS;
	uint64_t gt = gd + v->gd_sectors;
	uint64_t overhead = gt + (uint64_t)v->n_gts * GT_SECTORS;
	uint64_t next;
	uint8_t header[SECTOR];
	int rc = PORTIX_OK;

	overhead = (overhead + GRAIN_SECTORS - 1) / GRAIN_SECTORS *
		   GRAIN_SECTORS;
	next = overhead;
	/* Grain and GT sector numbers are u32.  */
	if (overhead + v->grains * GRAIN_SECTORS > 0xFFFFFFFFull)
		return pxi_error(v->img, PORTIX_ENOSPC,
				 "%s: disk too big for a sparse VMDK (2 TiB)",
				 v->out->path);
	for (uint64_t g = 0; rc == PORTIX_OK && g < v->grains; g++) {
		if (!read_grain(v, g))
			continue;
		rc = pxi_output_write(v->img, v->out, v->grain, GRAIN_BYTES,
				      next * SECTOR);
		set_gte(v, g, (uint32_t)next);
		next += GRAIN_SECTORS;
		if (rc == PORTIX_OK)
			rc = grain_written(v);
	}
	if (rc == PORTIX_OK)
		rc = pxi_output_set_size(v->img, v->out, next * SECTOR);

	/* Both copies of the GD and the GTs; all-zero GTs stay holes.  */
	for (int copy = 0; rc == PORTIX_OK && copy < 2; copy++) {
		uint64_t dir = copy ? gd : rgd;
		uint64_t tables = copy ? gt : rgt;

		memset(v->gd, 0, (size_t)v->gd_sectors * SECTOR);
		for (uint32_t t = 0; t < v->n_gts; t++) {
			uint8_t *table = v->gts + (size_t)t * GTES_PER_GT * 4;
			uint64_t at = tables + (uint64_t)t * GT_SECTORS;

			pxi_put_le32(v->gd + 4 * (size_t)t, (uint32_t)at);
			for (size_t k = 0; k < GTES_PER_GT * 4; k++) {
				if (!table[k])
					continue;
				rc = pxi_output_write(v->img, v->out, table,
						      GT_SECTORS * SECTOR,
						      at * SECTOR);
				break;
			}
			if (rc < 0)
				return rc;
		}
		rc = pxi_output_write(v->img, v->out, v->gd,
				      (size_t)v->gd_sectors * SECTOR,
				      dir * SECTOR);
	}
	if (rc == PORTIX_OK)
		rc = write_descriptor(v);
	if (rc == PORTIX_OK) {
		fill_header(v, header, rgd, gd, overhead);
		rc = pxi_output_write(v->img, v->out, header, SECTOR, 0);
	}
	return rc;
}

/* ---- streamOptimized ---- */

/* A metadata marker sector: VALUE sectors of TYPE follow.  */
static int write_marker(struct vmdk *v, uint64_t *at, uint64_t value,
			uint32_t type)
{
	uint8_t m[SECTOR] = { 0 };
	int rc;

	pxi_put_le64(m, value);
	pxi_put_le32(m + 12, type);
	rc = pxi_output_write(v->img, v->out, m, SECTOR, *at * SECTOR);
	*at += 1;
	return rc;
}

static uint32_t adler32(const uint8_t *p, size_t len)
{
	uint32_t a = 1, b = 0;

	for (size_t i = 0; i < len; i++) {
		a = (a + p[i]) % 65521;
		b = (b + a) % 65521;
	}
	return b << 16 | a;
}

/* v->grain as a zlib stream of stored blocks at P; return its size.  */
static size_t deflate_stored(const uint8_t *src, uint8_t *p)
{
	size_t n = 0;

	p[n++] = 0x78;		/* deflate, 32 KiB window */
	p[n++] = 0x01;		/* no dictionary, fastest; (0x7801 % 31 == 0) */
	for (size_t off = 0; off < GRAIN_BYTES; off += STORED_MAX) {
		size_t len = GRAIN_BYTES - off < STORED_MAX ?
			     GRAIN_BYTES - off : STORED_MAX;

		p[n++] = off + len == GRAIN_BYTES;	/* BFINAL, stored */
		pxi_put_le16(p + n, (uint16_t)len);
		pxi_put_le16(p + n + 2, (uint16_t)~len);
		memcpy(p + n + 4, src + off, len);
		n += 4 + len;
	}
	pxi_put_be32(p + n, adler32(src, GRAIN_BYTES));
	return n + 4;
}

static int write_stream(struct vmdk *v)
{
	uint64_t at = (DESC_LBA + DESC_SECTORS + GRAIN_SECTORS - 1) /
		      GRAIN_SECTORS * GRAIN_SECTORS;
	uint64_t overhead = at, gd;
	uint8_t header[SECTOR];
	int rc = PORTIX_OK;

	fill_header(v, header, 0, GD_AT_END, overhead);
	rc = pxi_output_write(v->img, v->out, header, SECTOR, 0);
	if (rc == PORTIX_OK)
		rc = write_descriptor(v);
	for (uint64_t g = 0; rc == PORTIX_OK && g < v->grains; g++) {
		size_t len, sectors;

		if (!read_grain(v, g))
			continue;
		/* Grain table entries are u32 sector numbers.  */
		if (at + GRAIN_RECORD_SECTORS > 0xFFFFFFFFull) {
			rc = pxi_error(v->img, PORTIX_ENOSPC,
				       "%s: disk too big for a VMDK",
				       v->out->path);
			break;
		}
		memset(v->record, 0, GRAIN_RECORD_SECTORS * SECTOR);
		pxi_put_le64(v->record, g * GRAIN_SECTORS);
		len = deflate_stored(v->grain,
				     v->record + GRAIN_MARKER_SIZE);
		pxi_put_le32(v->record + 8, (uint32_t)len);
		sectors = (GRAIN_MARKER_SIZE + len + SECTOR - 1) / SECTOR;
		rc = pxi_output_write(v->img, v->out, v->record,
				      sectors * SECTOR, at * SECTOR);
		set_gte(v, g, (uint32_t)at);
		at += sectors;
		if (rc == PORTIX_OK)
			rc = grain_written(v);
	}

	/* The GTs that map a grain, each behind its marker.  */
	memset(v->gd, 0, (size_t)v->gd_sectors * SECTOR);
	for (uint32_t t = 0; rc == PORTIX_OK && t < v->n_gts; t++) {
		uint8_t *table = v->gts + (size_t)t * GTES_PER_GT * 4;
		bool used = false;

		for (size_t k = 0; k < GTES_PER_GT * 4 && !used; k++)
			used = table[k] != 0;
		if (!used)
			continue;
		rc = write_marker(v, &at, GT_SECTORS, MARKER_GT);
		if (rc == PORTIX_OK)
			rc = pxi_output_write(v->img, v->out, table,
					      GT_SECTORS * SECTOR,
					      at * SECTOR);
		pxi_put_le32(v->gd + 4 * (size_t)t, (uint32_t)at);
		at += GT_SECTORS;
	}
	if (rc == PORTIX_OK)
		rc = write_marker(v, &at, v->gd_sectors, MARKER_GD);
	gd = at;
	if (rc == PORTIX_OK)
		rc = pxi_output_write(v->img, v->out, v->gd,
				      (size_t)v->gd_sectors * SECTOR,
				      at * SECTOR);
	at += v->gd_sectors;
	if (rc == PORTIX_OK)
		rc = write_marker(v, &at, 1, MARKER_FOOTER);
	fill_header(v, header, 0, gd, overhead);
	if (rc == PORTIX_OK)
		rc = pxi_output_write(v->img, v->out, header, SECTOR,
				      at * SECTOR);
	at += 1;
	if (rc == PORTIX_OK)
		rc = write_marker(v, &at, 0, MARKER_EOS);
	return rc;
}

int pxi_write_vmdk(struct portix_image *img, const struct pxi_layout *lay,
		   struct pxi_output *out)
{
	struct vmdk v = {
		.img = img, .lay = lay, .out = out,
		.stream = img->vmdk_format == PORTIX_VMDK_STREAM_OPTIMIZED,
		.capacity = lay->disk_size / SECTOR,
	};
	uint64_t per_gt = (uint64_t)GTES_PER_GT * GRAIN_BYTES;
	int rc;

	v.grains = (lay->disk_size + GRAIN_BYTES - 1) / GRAIN_BYTES;
	if (lay->disk_size / per_gt >= 0x10000000ull)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: disk too big for a VMDK", out->path);
	v.n_gts = (uint32_t)((lay->disk_size + per_gt - 1) / per_gt);
	v.gd_sectors = (v.n_gts * 4 + SECTOR - 1) / SECTOR;
	for (uint64_t g = 0; g < v.grains; g++)
		if (pxi_disk_nonzero(lay, g * GRAIN_BYTES, GRAIN_BYTES))
			v.total += GRAIN_BYTES;

	v.gts = calloc((size_t)v.n_gts * GTES_PER_GT, 4);
	v.gd = malloc((size_t)v.gd_sectors * SECTOR);
	v.grain = malloc(GRAIN_BYTES);
	v.record = malloc(GRAIN_RECORD_SECTORS * SECTOR);
	if (!v.gts || !v.gd || !v.grain || !v.record)
		rc = pxi_error(img, PORTIX_ENOMEM, "out of memory");
	else if (v.stream)
		rc = write_stream(&v);
	else
		rc = write_monolithic(&v);
	free(v.record);
	free(v.grain);
	free(v.gd);
	free(v.gts);
	return rc;
}
