/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* sparse.h - an in-memory disk that keeps only what was written.

   The data partition is built in memory before any writer runs, but a
   4 GiB partition must not cost 4 GiB: the device starts as all zeros
   and stores only the chunks that received a non-zero byte, so memory
   follows the content (the FATs' first sectors, directories, the added
   files), not the size.  Writing zeros where nothing is stored stores
   nothing.

   Call order:
	pxi_sparse_init(sp, sectors);
	pxi_sparse_read/write(sp, ...)	(datapart.c wraps them in a
					 struct fat_blockdev)
	pxi_sparse_extents(sp, base, out)	(the stored chunks, in order)
	pxi_sparse_free(sp);
   The extents point into SP's chunks: they are valid until
   pxi_sparse_free.  Used by datapart.c; knows nothing of FAT.  */

#ifndef PORTIX_LIBPORTIX_SPARSE_H
#define PORTIX_LIBPORTIX_SPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "internal.h"

/* The unit of storage: 64 KiB.  Large enough that a big file costs few
   allocations, small enough that a lone boot sector costs little.  */
#define PXI_SPARSE_CHUNK_SECTORS 128u
#define PXI_SPARSE_CHUNK_BYTES (PXI_SPARSE_CHUNK_SECTORS * PORTIX_SECTOR_SIZE)

struct pxi_chunk {
	uint64_t index;		/* chunk number: its first sector / 128 */
	uint8_t *data;		/* PXI_SPARSE_CHUNK_BYTES, malloc'd */
};

struct pxi_sparse {
	uint64_t sectors;	/* size of the device */
	struct pxi_chunk *chunks;	/* sorted by index, no duplicates */
	size_t n_chunks;
	size_t cap_chunks;
	size_t last;		/* index into chunks of the last hit */
	bool nomem;		/* a write failed for lack of memory */
};

/* An empty (all-zero) device of SECTORS sectors.  Allocates nothing.  */
void pxi_sparse_init(struct pxi_sparse *sp, uint64_t sectors);

/* Release every chunk; SP is then empty (and may be initialised again).  */
void pxi_sparse_free(struct pxi_sparse *sp);

/* Copy COUNT sectors from LBA into BUF (zeros where nothing is stored).
   Return 0, or -1 if the range passes the end.  */
int pxi_sparse_read(struct pxi_sparse *sp, uint64_t lba, uint32_t count,
		    void *buf);

/* Store COUNT sectors from BUF at LBA.  Return 0, or -1 if the range
   passes the end or memory ran out (then sp->nomem is set; sectors
   before the failing chunk may have been stored).  */
int pxi_sparse_write(struct pxi_sparse *sp, uint64_t lba, uint32_t count,
		     const void *buf);

/* The number of extents pxi_sparse_extents would fill, at most.  */
size_t pxi_sparse_max_extents(const struct pxi_sparse *sp);

/* Fill OUT with one extent per stored chunk that holds a non-zero byte,
   in order, at byte offset BASE + the chunk's offset; the last chunk is
   cut at the device's end.  Return the number filled.  */
size_t pxi_sparse_extents(const struct pxi_sparse *sp, uint64_t base,
			  struct pxi_extent *out);

#endif /* PORTIX_LIBPORTIX_SPARSE_H */
