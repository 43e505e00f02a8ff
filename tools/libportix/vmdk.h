/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* vmdk.h - the VMware sparse extent header: the numbers its writer
   (write-vmdk.c) and its reader (probe.c) share.

   The header is the file's first sector (and, in a stream-optimized
   file, its footer); offsets and sizes in it count 512-byte sectors.  */

#ifndef PORTIX_LIBPORTIX_VMDK_H
#define PORTIX_LIBPORTIX_VMDK_H

#define VMDK_MAGIC 0x564D444Bu		/* "KDMV" on disk */

/* Header flags.  */
#define VMDK_FLAG_NL_DETECT 0x00001u	/* the line-end bytes are valid */
#define VMDK_FLAG_RGD 0x00002u		/* a redundant GD is present */
#define VMDK_FLAG_COMPRESSED 0x10000u
#define VMDK_FLAG_MARKERS 0x20000u

/* Header byte offsets (the structure is packed).  */
enum {
	VMDK_H_MAGIC = 0, VMDK_H_VERSION = 4, VMDK_H_FLAGS = 8,
	VMDK_H_CAPACITY = 12, VMDK_H_GRAIN_SIZE = 20, VMDK_H_DESC_OFFSET = 28,
	VMDK_H_DESC_SIZE = 36, VMDK_H_GTES_PER_GT = 44, VMDK_H_RGD_OFFSET = 48,
	VMDK_H_GD_OFFSET = 56, VMDK_H_OVERHEAD = 64, VMDK_H_UNCLEAN = 72,
	VMDK_H_NL = 73, VMDK_H_NON_NL = 74, VMDK_H_CR = 75,
	VMDK_H_CRLF_NL = 76, VMDK_H_COMPRESS = 77
};

#endif /* PORTIX_LIBPORTIX_VMDK_H */
