/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* media.c - portix_image_write: pick a medium writer; what they share.

   Every medium holds the same disk, the struct pxi_layout that
   pxi_layout_build makes for the raw image (so whatever the layout gains,
   every medium gains).  The writers read the disk only through the
   helpers here: pxi_disk_nonzero/pxi_disk_read see the extents as one
   disk with zeros between them, so no writer ever holds or scans the
   whole disk, and a 4 GiB disk costs what its data costs.

   Identifiers (VDI UUIDs, the VMDK CID, the ventoy-sim disk signature)
   come from pxi_derive_id: a digest of the disk's content mixed with the
   epoch and a tag, so they are reproducible and still tell different
   media apart.  Nothing here reads the clock, the environment or a
   random source.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "internal.h"

/* 2155-12-31 23:59:59 UTC: ISO 9660 directory records count years from
   1900 in one byte.  */
#define EPOCH_MAX 5869583999LL

int portix_image_set_epoch(struct portix_image *img, int64_t epoch)
{
	pxi_clear_error(img);
	if (epoch < 0 || epoch > EPOCH_MAX)
		return pxi_error(img, PORTIX_EINVAL,
				 "epoch %lld is out of range (0 to %lld)",
				 (long long)epoch, (long long)EPOCH_MAX);
	img->epoch = epoch;
	return PORTIX_OK;
}

int portix_image_set_vmdk_format(struct portix_image *img,
				 enum portix_vmdk_format format)
{
	pxi_clear_error(img);
	if (format != PORTIX_VMDK_MONOLITHIC_SPARSE &&
	    format != PORTIX_VMDK_STREAM_OPTIMIZED)
		return pxi_error(img, PORTIX_EINVAL, "unknown VMDK format %d",
				 (int)format);
	img->vmdk_format = format;
	return PORTIX_OK;
}

int portix_image_set_ventoy_size_mb(struct portix_image *img, uint64_t mb)
{
	pxi_clear_error(img);
	if (mb > PORTIX_DISK_MB_MAX)
		return pxi_error(img, PORTIX_EINVAL,
				 "ventoy-sim disk size %llu MiB is too large (at most %d MiB)",
				 (unsigned long long)mb, PORTIX_DISK_MB_MAX);
	img->ventoy_mb = mb;
	return PORTIX_OK;
}

int portix_image_set_progress(struct portix_image *img,
			      portix_progress_fn *fn, void *opaque)
{
	pxi_clear_error(img);
	img->progress = fn;
	img->progress_opaque = opaque;
	return PORTIX_OK;
}

int pxi_layout_new(struct portix_image *img, struct pxi_layout **lay)
{
	int rc;

	/* Tens of KiB: too big for a library to put on the caller's stack.  */
	*lay = malloc(sizeof(**lay));
	if (!*lay)
		return pxi_error(img, PORTIX_ENOMEM, "out of memory");
	rc = pxi_layout_build(img, *lay);
	if (rc < 0) {
		free(*lay);
		*lay = NULL;
	}
	return rc;
}

/* The part of extent E inside [OFFSET, OFFSET + LEN), as [*FROM, *TO)
   in E's data; false if none.  */
static bool overlap(const struct pxi_extent *e, uint64_t offset,
		    uint64_t len, size_t *from, size_t *to)
{
	uint64_t start = e->offset > offset ? e->offset : offset;
	uint64_t e_end = e->offset + e->len;
	uint64_t end = e_end < offset + len ? e_end : offset + len;

	if (start >= end)
		return false;
	*from = (size_t)(start - e->offset);
	*to = (size_t)(end - e->offset);
	return true;
}

/* The first extent that ends after OFFSET (n_extents if none): the
   extents are sorted and disjoint, so a binary search finds it, and a
   walk over a big disk stays linear in its blocks plus its extents.  */
static unsigned int first_extent(const struct pxi_layout *lay,
				 uint64_t offset)
{
	unsigned int lo = 0, hi = lay->n_extents;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;
		const struct pxi_extent *e = &lay->extents[mid];

		if (e->offset + e->len <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool pxi_disk_nonzero(const struct pxi_layout *lay, uint64_t offset,
		      uint64_t len)
{
	size_t from, to;

	for (unsigned int i = first_extent(lay, offset); i < lay->n_extents;
	     i++) {
		const struct pxi_extent *e = &lay->extents[i];

		if (e->offset >= offset + len)
			break;		/* sorted: none further can overlap */
		if (!overlap(e, offset, len, &from, &to))
			continue;
		for (size_t k = from; k < to; k++)
			if (e->data[k])
				return true;
	}
	return false;
}

void pxi_disk_read(const struct pxi_layout *lay, uint64_t offset,
		   uint8_t *buf, size_t len)
{
	size_t from, to;

	memset(buf, 0, len);
	for (unsigned int i = first_extent(lay, offset); i < lay->n_extents;
	     i++) {
		const struct pxi_extent *e = &lay->extents[i];

		if (e->offset >= offset + len)
			break;
		if (overlap(e, offset, len, &from, &to))
			memcpy(buf + (e->offset + from - offset),
			       e->data + from, to - from);
	}
}

uint64_t pxi_disk_data_bytes(const struct pxi_layout *lay)
{
	uint64_t sum = 0;

	for (unsigned int i = 0; i < lay->n_extents; i++)
		sum += lay->extents[i].len;
	return sum;
}

/* FNV-1a, 64 bits: fast, and good enough to tell disks apart.  */
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static uint64_t fnv_u64(uint64_t h, uint64_t v)
{
	for (int i = 0; i < 8; i++) {
		h ^= (uint8_t)(v >> (8 * i));
		h *= FNV_PRIME;
	}
	return h;
}

uint64_t pxi_disk_digest(const struct pxi_layout *lay)
{
	uint64_t h = fnv_u64(FNV_OFFSET, lay->disk_size);

	for (unsigned int i = 0; i < lay->n_extents; i++) {
		const struct pxi_extent *e = &lay->extents[i];

		h = fnv_u64(h, e->offset);
		h = fnv_u64(h, e->len);
		for (size_t k = 0; k < e->len; k++) {
			h ^= e->data[k];
			h *= FNV_PRIME;
		}
	}
	return h;
}

/* splitmix64's finaliser: every input bit reaches every output bit.  */
static uint64_t mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint64_t pxi_derive_id(const struct portix_image *img, uint64_t digest,
		       uint32_t tag)
{
	uint64_t h = mix(digest ^ 0x9e3779b97f4a7c15ULL);

	h = mix(h ^ (uint64_t)img->epoch);
	return mix(h + tag);
}

void pxi_progress(const struct portix_image *img, uint64_t done,
		  uint64_t total)
{
	if (img->progress)
		img->progress(img->progress_opaque, done, total);
}

/* Large extents go in slices, so progress moves while they are written.  */
#define SLICE (4u * PXI_MIB)

int pxi_write_extents(struct portix_image *img, struct pxi_output *out,
		      const struct pxi_layout *lay, uint64_t base,
		      uint64_t *done, uint64_t total)
{
	int rc;

	for (unsigned int i = 0; i < lay->n_extents; i++) {
		const struct pxi_extent *e = &lay->extents[i];

		for (size_t k = 0; k < e->len; k += SLICE) {
			size_t n = e->len - k < SLICE ? e->len - k : SLICE;

			rc = pxi_output_write(img, out, e->data + k, n,
					      base + e->offset + k);
			if (rc < 0)
				return rc;
			*done += n;
			pxi_progress(img, *done, total);
		}
	}
	return PORTIX_OK;
}

/* Every medium: its writer, its name in messages and the largest disk
   it holds (each writer states its format's limit).  */
static const struct medium {
	enum portix_mode mode;
	int (*writer)(struct portix_image *, const struct pxi_layout *,
		      struct pxi_output *);
	const char *name;
	const uint64_t *max_mb;
} media[] = {
	{ PORTIX_MODE_RAW, pxi_write_raw, "raw", &pxi_raw_max_mb },
	{ PORTIX_MODE_ISO, pxi_write_iso, "ISO", &pxi_iso_max_mb },
	{ PORTIX_MODE_VDI, pxi_write_vdi, "VDI", &pxi_vdi_max_mb },
	{ PORTIX_MODE_VMDK, pxi_write_vmdk, "VMDK", &pxi_vmdk_max_mb },
	{ PORTIX_MODE_VENTOY_SIM, pxi_write_ventoy, "ventoy-sim",
	  &pxi_ventoy_max_mb },
};

static const struct medium *medium_of(enum portix_mode mode)
{
	for (size_t i = 0; i < sizeof(media) / sizeof(media[0]); i++)
		if (media[i].mode == mode)
			return &media[i];
	return NULL;
}

uint64_t portix_image_max_size_mb(enum portix_mode mode)
{
	const struct medium *m = medium_of(mode);

	return m ? *m->max_mb : 0;
}

int portix_image_set_tmpfile_hook(struct portix_image *img,
				  portix_tmpfile_fn *fn, void *opaque)
{
	pxi_clear_error(img);
	img->tmpfile_hook = fn;
	img->tmpfile_opaque = opaque;
	return PORTIX_OK;
}

int portix_image_write(struct portix_image *img, enum portix_mode mode,
		       const char *path)
{
	const struct medium *m = medium_of(mode);
	struct pxi_output out;
	struct pxi_layout *lay;
	int rc;

	pxi_clear_error(img);
	if (!m)
		return pxi_error(img, PORTIX_EINVAL, "unknown medium %d",
				 (int)mode);
	/* Before the layout: a disk too big is refused at once, not after
	   minutes of work (each writer checks its own arithmetic too).  */
	if (img->size_mb > *m->max_mb)
		return pxi_error(img, PORTIX_ENOSPC,
				 "disk size %llu MiB is too large for a %s image (at most %llu MiB)",
				 (unsigned long long)img->size_mb, m->name,
				 (unsigned long long)*m->max_mb);

	rc = pxi_layout_new(img, &lay);
	if (rc < 0)
		return rc;
	rc = pxi_output_open(img, &out, path);
	if (rc < 0)
		goto out_free_layout;
	rc = m->writer(img, lay, &out);
	if (rc < 0) {
		pxi_output_abort(&out);
		goto out_free_layout;
	}
	rc = pxi_output_commit(img, &out);

out_free_layout:
	free(lay);
	return rc;
}
