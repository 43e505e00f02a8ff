/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* datapart.h - the data partition's file system, built in memory.

   Layers: layout.c calls down into datapart.c, which formats and fills
   a FAT volume (common/fat, <portix/fat.h>) on a sparse in-memory disk
   (sparse.h); the files come from the handle's add list (addfile.c).

   Call order, per layout:
	pxi_partition_plan(...);			(mbr.h)
	pxi_datapart_build(img, &part, serial);		img->part is the disk
	... extents from img->part (pxi_sparse_extents) ...
	pxi_datapart_release(img);	(by the next build, or on free)  */

#ifndef PORTIX_LIBPORTIX_DATAPART_H
#define PORTIX_LIBPORTIX_DATAPART_H

#include <stdint.h>
#include <sys/stat.h>

#include "internal.h"
#include "mbr.h"
#include "sparse.h"

/* Format PART's sectors as FAT (the type and cluster size fat_format
   picks for the size; geometry and hidden sectors from PART; volume
   serial SERIAL; timestamps from img->epoch) and copy every added file
   in, creating directories on the way.  Sets part->fat_type.  On
   success img->part holds the partition's sectors (any earlier one is
   released); on failure img->part is NULL.
   Return PORTIX_OK;
	  PORTIX_ENOSPC if a file does not fit ("SRC: does not fit in the
	  data partition (N bytes free)") or is larger than FAT allows;
	  PORTIX_EINVAL if a destination is refused (exists, a parent is a
	  file, a bad name);
	  PORTIX_EIO if a file cannot be read;
	  PORTIX_ENOMEM.  */
int pxi_datapart_build(struct portix_image *img, struct pxi_partition *part,
		       uint32_t serial);

/* Format ESP's sectors as FAT16 labelled "EFI" (volume serial SERIAL,
   timestamps from img->epoch) and write img->efi to
   PORTIX_ESP_LOADER_PATH.  On success img->esp holds its sectors (any
   earlier one is released); on failure img->esp is NULL.  Return
   PORTIX_OK, PORTIX_ENOSPC if the loader does not fit, PORTIX_ENOMEM.  */
int pxi_esp_build(struct portix_image *img, struct pxi_partition *esp,
		  uint32_t serial);

/* Free img->part, img->esp and img->extents (all may be NULL).  */
void pxi_datapart_release(struct portix_image *img);

/* addfile.c: forget every added file.  */
void pxi_adds_free(struct portix_image *img);

/* addfile.c: open the host file SRC for reading into *FD, with its
   status in *ST, checking it is a regular file before and after opening
   (a FIFO never blocks the open).  Return PORTIX_OK; PORTIX_EINVAL if
   SRC is a directory or not a regular file; PORTIX_EIO if it cannot be
   opened.  On failure *FD is not open.  */
int pxi_open_regular(struct portix_image *img, const char *src, int *fd,
		     struct stat *st);

#endif /* PORTIX_LIBPORTIX_DATAPART_H */
