/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* sparse.c - an in-memory disk that keeps only what was written.

   Chunks of PXI_SPARSE_CHUNK_SECTORS sectors live in an array sorted by
   chunk number; a lookup is a binary search, short-cut by the last hit
   (the FAT code mostly works sector after sector).  A chunk is created
   only when a non-zero byte is written into it, so the zeros fat_format
   lays over a large FAT cost nothing.  See sparse.h for the contract.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdlib.h>
#include <string.h>

#include "sparse.h"

void pxi_sparse_init(struct pxi_sparse *sp, uint64_t sectors)
{
	memset(sp, 0, sizeof(*sp));
	sp->sectors = sectors;
}

void pxi_sparse_free(struct pxi_sparse *sp)
{
	for (size_t i = 0; i < sp->n_chunks; i++)
		free(sp->chunks[i].data);
	free(sp->chunks);
	pxi_sparse_init(sp, 0);
}

/* The position of chunk INDEX in sp->chunks, or where it would go.  */
static size_t find(struct pxi_sparse *sp, uint64_t index, bool *found)
{
	size_t lo = 0, hi = sp->n_chunks;

	if (sp->last < sp->n_chunks && sp->chunks[sp->last].index == index) {
		*found = true;
		return sp->last;
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sp->chunks[mid].index < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < sp->n_chunks && sp->chunks[lo].index == index;
	if (*found)
		sp->last = lo;
	return lo;
}

/* True if LEN bytes at P are all zero.  A formatted disk hands over
   megabytes of zeroed FAT: comparing the buffer with itself one byte on
   lets memcmp's vector code do the scan.  */
static bool all_zero(const uint8_t *p, size_t len)
{
	return len == 0 || (p[0] == 0 && memcmp(p, p + 1, len - 1) == 0);
}

/* Insert an all-zero chunk INDEX at position POS.  NULL if out of
   memory.  */
static uint8_t *insert(struct pxi_sparse *sp, size_t pos, uint64_t index)
{
	uint8_t *data;

	if (sp->n_chunks == sp->cap_chunks) {
		size_t cap = sp->cap_chunks ? 2 * sp->cap_chunks : 64;
		struct pxi_chunk *c = realloc(sp->chunks, cap * sizeof(*c));

		if (!c)
			return NULL;
		sp->chunks = c;
		sp->cap_chunks = cap;
	}
	data = calloc(1, PXI_SPARSE_CHUNK_BYTES);
	if (!data)
		return NULL;
	memmove(&sp->chunks[pos + 1], &sp->chunks[pos],
		(sp->n_chunks - pos) * sizeof(sp->chunks[0]));
	sp->chunks[pos].index = index;
	sp->chunks[pos].data = data;
	sp->n_chunks++;
	sp->last = pos;
	return data;
}

static bool in_range(const struct pxi_sparse *sp, uint64_t lba,
		     uint32_t count)
{
	return lba <= sp->sectors && count <= sp->sectors - lba;
}

/* The part of the COUNT sectors at LBA that lies in LBA's chunk.  */
struct span {
	uint64_t index;		/* the chunk */
	size_t offset;		/* where the part starts in it, in bytes */
	size_t bytes;		/* the part's length */
	uint32_t sectors;	/* the same in sectors */
};

static struct span chunk_span(uint64_t lba, uint32_t count)
{
	uint32_t first = (uint32_t)(lba % PXI_SPARSE_CHUNK_SECTORS);
	uint32_t n = PXI_SPARSE_CHUNK_SECTORS - first;

	if (n > count)
		n = count;
	return (struct span){
		.index = lba / PXI_SPARSE_CHUNK_SECTORS,
		.offset = (size_t)first * PORTIX_SECTOR_SIZE,
		.bytes = (size_t)n * PORTIX_SECTOR_SIZE,
		.sectors = n,
	};
}

int pxi_sparse_read(struct pxi_sparse *sp, uint64_t lba, uint32_t count,
		    void *buf)
{
	uint8_t *out = buf;

	if (!in_range(sp, lba, count))
		return -1;
	while (count > 0) {
		struct span part = chunk_span(lba, count);
		bool found;
		size_t pos = find(sp, part.index, &found);

		if (found)
			memcpy(out, sp->chunks[pos].data + part.offset,
			       part.bytes);
		else
			memset(out, 0, part.bytes);
		out += part.bytes;
		lba += part.sectors;
		count -= part.sectors;
	}
	return 0;
}

int pxi_sparse_write(struct pxi_sparse *sp, uint64_t lba, uint32_t count,
		     const void *buf)
{
	const uint8_t *in = buf;

	if (!in_range(sp, lba, count))
		return -1;
	while (count > 0) {
		struct span part = chunk_span(lba, count);
		bool found;
		size_t pos = find(sp, part.index, &found);
		uint8_t *data;

		if (found) {
			data = sp->chunks[pos].data;
		} else if (all_zero(in, part.bytes)) {
			data = NULL;	/* zeros over zeros */
		} else {
			data = insert(sp, pos, part.index);
			if (!data) {
				sp->nomem = true;
				return -1;
			}
		}
		if (data)
			memcpy(data + part.offset, in, part.bytes);
		in += part.bytes;
		lba += part.sectors;
		count -= part.sectors;
	}
	return 0;
}

size_t pxi_sparse_max_extents(const struct pxi_sparse *sp)
{
	return sp->n_chunks;
}

size_t pxi_sparse_extents(const struct pxi_sparse *sp, uint64_t base,
			  struct pxi_extent *out)
{
	uint64_t end = sp->sectors * PORTIX_SECTOR_SIZE;
	size_t n = 0;

	for (size_t i = 0; i < sp->n_chunks; i++) {
		const struct pxi_chunk *c = &sp->chunks[i];
		uint64_t off = c->index * PXI_SPARSE_CHUNK_BYTES;
		size_t len = PXI_SPARSE_CHUNK_BYTES;

		if (end - off < len)
			len = (size_t)(end - off);
		/* A chunk written and later zeroed again is a hole too.  */
		if (all_zero(c->data, len))
			continue;
		out[n].offset = base + off;
		out[n].data = c->data;
		out[n].len = len;
		n++;
	}
	return n;
}
