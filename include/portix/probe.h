/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* probe.h - libportix: name and recognise Portix media.

   portix-mkimage writes media by name (--mode=iso), portix-run boots
   them by content: both take the names from here, and the recognition
   below is the one place that knows how to tell the media apart.

   A Portix disk is a disk whose LBA 0 ends in 55 AA (stage 1) and whose
   LBA PORTIX_STAGE2_LBA starts with the stage 2 magic PORTIX_S2_MAGIC.
   Each medium holds one (see enum portix_mode in portix/image.h):
	raw		the disk itself, at byte 0
	iso		ISO 9660 with an El Torito boot record whose boot
			catalog's initial entry loads the disk
	vdi		a VirtualBox VDI whose first block holds the disk
	vmdk		a VMware sparse VMDK whose first grain holds the
			disk (stream-optimized files, whose grains are
			compressed, are recognised by their header only)
	ventoy-sim	an MBR whose bootable partition holds the disk

   Link with -lportix (pkg-config --libs portix).  */

#ifndef PORTIX_PROBE_H
#define PORTIX_PROBE_H

#include <portix/image.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Return the name of MODE as portix-mkimage --mode takes it ("raw",
   "iso", "vdi", "vmdk", "ventoy-sim"), or NULL for a value that names
   no medium.  The modes are numbered from 0 without gaps, so a caller
   can list them all by counting up until NULL.  */
const char *portix_mode_name(enum portix_mode mode);

/* Find the medium called NAME (as portix_mode_name() spells it) and
   store it in *MODE.  Return PORTIX_OK, or PORTIX_EINVAL for an
   unknown name (*MODE is then unchanged).  */
int portix_mode_by_name(const char *name, enum portix_mode *mode);

/* Recognise the medium in the file PATH from its content, store its
   kind in *MODE and return PORTIX_OK.  Only the file is read; IMG's
   loaded pieces and settings are neither used nor changed, IMG only
   carries the message (portix_image_error()).
   Return PORTIX_OK;
	  PORTIX_EINVAL if the file holds no Portix medium (the message
	  says what was found: "FILE: an ISO 9660 image without an El
	  Torito boot record", "FILE: not a Portix medium: ...");
	  PORTIX_EIO if it cannot be opened or read.  */
int portix_image_probe(struct portix_image *img, const char *path,
		       enum portix_mode *mode);

#ifdef __cplusplus
}
#endif

#endif /* PORTIX_PROBE_H */
