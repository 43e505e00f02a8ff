/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* write-raw.c - the raw disk image writer (--mode=raw).

   A raw image is the disk byte for byte: the layout's extents at their
   offsets in a file of the disk's size.  Only the extents are written;
   the rest stays a hole, so a 4 GiB image costs what its boot area costs
   (about a megabyte at most) and takes no time to write.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include "internal.h"

/* The MBR's limit: a raw file has none of its own.  */
const uint64_t pxi_raw_max_mb = PORTIX_DISK_MB_MAX;

int pxi_write_raw(struct portix_image *img, const struct pxi_layout *lay,
		  struct pxi_output *out)
{
	uint64_t done = 0;
	int rc;

	rc = pxi_output_set_size(img, out, lay->disk_size);
	if (rc == PORTIX_OK)
		rc = pxi_write_extents(img, out, lay, 0, &done,
				       pxi_disk_data_bytes(lay));
	return rc;
}

/* The older entry point: the same as portix_image_write in raw mode.  */
int portix_image_write_raw(struct portix_image *img, const char *path)
{
	return portix_image_write(img, PORTIX_MODE_RAW, path);
}
