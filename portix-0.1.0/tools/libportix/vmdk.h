/* vmdk.h - the VMware sparse extent header: the numbers its writer
   (write-vmdk.c) and its reader (probe.c) share.

   The header is the file's first sector (and, in a stream-optimized
   file, its footer); offsets and sizes in it count 512-byte sectors.  */

#ifndef PORTIX_LIBPORTIX_VMDK_H
#define PORTIX_LIBPORTIX_VMDK_H

#define VMDK_MAGIC 0x564D444Bu		/* "KDMV" on disk */

/* Header flags.  */
#define FLAG_NL_DETECT 0x00001u		/* the line-end bytes are valid */
#define FLAG_RGD 0x00002u		/* a redundant GD is present */
#define FLAG_COMPRESSED 0x10000u
#define FLAG_MARKERS 0x20000u

/* Header byte offsets (the structure is packed).  */
enum {
	H_MAGIC = 0, H_VERSION = 4, H_FLAGS = 8, H_CAPACITY = 12,
	H_GRAIN_SIZE = 20, H_DESC_OFFSET = 28, H_DESC_SIZE = 36,
	H_GTES_PER_GT = 44, H_RGD_OFFSET = 48, H_GD_OFFSET = 56,
	H_OVERHEAD = 64, H_UNCLEAN = 72, H_NL = 73, H_NON_NL = 74,
	H_CR = 75, H_CRLF_NL = 76, H_COMPRESS = 77
};

#endif /* PORTIX_LIBPORTIX_VMDK_H */
