/* write-raw.c - the raw disk image writer (--mode=raw).

   A raw image is the disk byte for byte: the layout's extents at their
   offsets in a file of the disk's size.  Only the extents are written;
   the rest stays a hole, so a 4 GiB image costs what its boot area costs
   (about a megabyte at most) and takes no time to write.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdlib.h>

#include "internal.h"

int portix_image_write_raw(struct portix_image *img, const char *path)
{
	struct pxi_output out;
	struct pxi_layout *lay;
	int rc;

	pxi_clear_error(img);
	/* About 33 KiB: too big for a library to put on the caller's stack.  */
	lay = malloc(sizeof(*lay));
	if (!lay)
		return pxi_error(img, PORTIX_ENOMEM, "out of memory");
	rc = pxi_layout_build(img, lay);
	if (rc < 0)
		goto out_free_layout;

	rc = pxi_output_open(img, &out, path);
	if (rc < 0)
		goto out_free_layout;
	rc = pxi_output_set_size(img, &out, lay->disk_size);
	for (unsigned int i = 0; rc == PORTIX_OK && i < lay->n_extents; i++)
		rc = pxi_output_write(img, &out, lay->extents[i].data,
				      lay->extents[i].len,
				      lay->extents[i].offset);
	if (rc < 0) {
		pxi_output_abort(&out);
		goto out_free_layout;
	}
	rc = pxi_output_commit(img, &out);

out_free_layout:
	free(lay);
	return rc;
}
