/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* internal.h - libportix's private interface, shared by its files.

   Layers, called downward only:
	media.c		portix_image_write: build the layout, pick a writer
	write-*.c	one writer per medium (raw, iso, vdi, vmdk, ventoy):
			the layout's extents in its own container format
	output.c	a temporary file renamed over the target when complete
	layout.c	the loaded pieces to patched sectors and extents
	mbr.c, datapart.c, addfile.c, sparse.c
			the data partition: its MBR entry, the FAT volume
			formatted and filled in a sparse in-memory disk
	load.c		files to checked, loaded pieces
	image.c		the handle, its setters and its error message

   Nothing here is exported: the library exports only names that start with
   "portix_", so internal names start with "pxi_".  */

#ifndef PORTIX_LIBPORTIX_INTERNAL_H
#define PORTIX_LIBPORTIX_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <portix/image.h>
#include <portix/layout.h>
#include <portix/le.h>

#define PXI_STAGE2_BYTES (PORTIX_STAGE2_SECTORS * PORTIX_SECTOR_SIZE)
#define PXI_MIB 1048576u

/* The handle.  A load or setter changes it only when it succeeds.  */
struct portix_image {
	uint64_t size_mb;
	bool have_stage1;
	uint8_t stage1[PORTIX_SECTOR_SIZE];	/* as read, unpatched */
	uint8_t *stage2;	/* PXI_STAGE2_BYTES as read, or NULL */
	uint8_t *kernel;	/* kernel_size bytes, or NULL */
	size_t kernel_size;
	char cmdline[PORTIX_CMDLINE_MAX];	/* NUL-terminated */
	bool force_chs;
	bool no_serial;		/* PORTIX_S2_FLAG_NO_SERIAL in stage 2 */
	uint32_t disk_signature;	/* 0: derived from the content */
	char *error;		/* malloc'd message, NULL if none */
	bool error_nomem;	/* the message could not be stored */
	/* Media options (media.c).  */
	int64_t epoch;		/* SOURCE_DATE_EPOCH, default 0 */
	enum portix_vmdk_format vmdk_format;
	uint64_t ventoy_mb;	/* 0: automatic */
	portix_progress_fn *progress;
	void *progress_opaque;
	portix_tmpfile_fn *tmpfile_hook;	/* output.c tells it */
	void *tmpfile_opaque;
	/* The data partition (addfile.c, datapart.c).  */
	struct pxi_add *adds;	/* files to copy in, in the order given */
	size_t n_adds;
	struct pxi_sparse *part;	/* the last layout's partition, or NULL */
	/* The UEFI loader (portix_image_load_efi) and the EFI system
	   partition holding it (datapart.c).  */
	uint8_t *efi;		/* efi_size bytes, or NULL: no ESP */
	size_t efi_size;
	struct pxi_sparse *esp;	/* the last layout's ESP, or NULL */
	struct pxi_extent *extents;	/* the last layout's extents */
};

/* A file to copy into the data partition (portix_image_add_file).  */
struct pxi_add {
	char *src;		/* host path, as given */
	char *dest;		/* absolute path in the volume, checked */
};

struct pxi_sparse;

/* ---- image.c: the error message ---- */

/* Forget the message: each public function starts with this.  */
void pxi_clear_error(struct portix_image *img);
/* Store a message and return CODE, for "return pxi_error(...);".  */
int pxi_error(struct portix_image *img, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same with ": strerror(ERRNUM)" appended; returns PORTIX_EIO.  */
int pxi_error_errno(struct portix_image *img, int errnum, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));

/* ---- layout.c: what goes where on the disk ---- */

/* A run of data at a byte offset of the disk; everything no extent
   covers is zero.  Extents are sorted and do not overlap.  */
struct pxi_extent {
	uint64_t offset;
	const uint8_t *data;
	size_t len;
};

/* A complete disk: owns its patched copies of stages 1 and 2, points at
   the handle's kernel and at the handle's data partition and extent list
   (img->part, img->extents), so it is valid while the handle is
   unchanged and until the next pxi_layout_build on it; free() is all it
   needs.  Extents: stage 1, stage 2, the kernel, then the data
   partition's non-zero chunks (up to 64 KiB each, many for a big file).  */
struct pxi_layout {
	uint64_t disk_size;		/* bytes */
	uint8_t stage1[PORTIX_SECTOR_SIZE];
	uint8_t stage2[PXI_STAGE2_BYTES];
	struct pxi_extent *extents;	/* img->extents */
	unsigned int n_extents;
	/* The EFI system partition's first LBA and length in sectors;
	   both 0 when the image has no UEFI loader.  */
	uint32_t esp_lba;
	uint32_t esp_sectors;
};

/* Fill LAY from IMG, formatting the data partition and copying the
   added files into it (datapart.c).  Return PORTIX_OK, PORTIX_EINVAL if
   an input is not loaded or a destination is refused, PORTIX_ENOSPC if
   the disk is too small or an added file does not fit, PORTIX_EIO if an
   added file cannot be read, PORTIX_ENOMEM.  */
int pxi_layout_build(struct portix_image *img, struct pxi_layout *lay);

/* ---- output.c: land a file atomically ---- */

struct pxi_output {
	struct portix_image *img;	/* for its tmpfile hook */
	const char *path;	/* the target, as the caller named it */
	char *tmp_path;		/* malloc'd; the file being written */
	int fd;
};

/* Create a temporary file beside PATH (mode 0666 less the umask).
   On failure nothing is left to undo.  */
int pxi_output_open(struct portix_image *img, struct pxi_output *out,
		    const char *path);
/* Set the file's size: what is not written afterwards reads as zeros
   and, where the file system can, takes no space.  */
int pxi_output_set_size(struct portix_image *img, struct pxi_output *out,
			uint64_t size);
/* Write LEN bytes at byte OFFSET.  */
int pxi_output_write(struct portix_image *img, struct pxi_output *out,
		     const void *buf, size_t len, uint64_t offset);
/* Close the file and rename it over the target.  Whatever the result, OUT
   is finished with: on failure the temporary file is gone.  */
int pxi_output_commit(struct portix_image *img, struct pxi_output *out);
/* Give up: close and remove the temporary file.  */
void pxi_output_abort(struct pxi_output *out);

/* ---- media.c: what every medium writer shares ---- */

/* Allocate *LAY and build it from IMG (pxi_layout_build); free() it.  */
int pxi_layout_new(struct portix_image *img, struct pxi_layout **lay);
/* Whether any byte of the disk in [OFFSET, OFFSET + LEN) is non-zero.  */
bool pxi_disk_nonzero(const struct pxi_layout *lay, uint64_t offset,
		      uint64_t len);
/* The disk's bytes [OFFSET, OFFSET + LEN): extents, zeros between.  */
void pxi_disk_read(const struct pxi_layout *lay, uint64_t offset,
		   uint8_t *buf, size_t len);
/* Bytes of the disk the extents cover (what a writer has to write).  */
uint64_t pxi_disk_data_bytes(const struct pxi_layout *lay);
/* A 64-bit digest of the disk: its size and every extent.  */
uint64_t pxi_disk_digest(const struct pxi_layout *lay);
/* The 64-bit identifier number TAG for a medium of this content and
   epoch: the same inputs give the same value, any change a new one.  */
uint64_t pxi_derive_id(const struct portix_image *img, uint64_t digest,
		       uint32_t tag);
/* Tell the caller's progress function, if any.  */
void pxi_progress(const struct portix_image *img, uint64_t done,
		  uint64_t total);
/* Write the disk's extents at byte BASE of OUT, reporting progress
   from *DONE of TOTAL (advanced).  Holes stay holes.  */
int pxi_write_extents(struct portix_image *img, struct pxi_output *out,
		      const struct pxi_layout *lay, uint64_t base,
		      uint64_t *done, uint64_t total);

/* The medium writers (write-*.c); LAY is built, OUT open.  */
int pxi_write_raw(struct portix_image *img, const struct pxi_layout *lay,
		  struct pxi_output *out);
int pxi_write_iso(struct portix_image *img, const struct pxi_layout *lay,
		  struct pxi_output *out);
int pxi_write_vdi(struct portix_image *img, const struct pxi_layout *lay,
		  struct pxi_output *out);
int pxi_write_vmdk(struct portix_image *img, const struct pxi_layout *lay,
		   struct pxi_output *out);
int pxi_write_ventoy(struct portix_image *img, const struct pxi_layout *lay,
		     struct pxi_output *out);
/* The largest disk in MiB each writer's format holds (at most
   PORTIX_DISK_MB_MAX); portix_image_max_size_mb() reports them.  */
extern const uint64_t pxi_raw_max_mb, pxi_iso_max_mb, pxi_vdi_max_mb,
	pxi_vmdk_max_mb, pxi_ventoy_max_mb;

static inline void pxi_put_be16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static inline void pxi_put_be32(uint8_t *p, uint32_t v)
{
	pxi_put_be16(p, (uint16_t)(v >> 16));
	pxi_put_be16(p + 2, (uint16_t)v);
}

/* ---- Little-endian fields: <portix/le.h>, under the library's prefix ---- */

#define pxi_put_le16(p, v) portix_put_le16(p, v)
#define pxi_put_le32(p, v) portix_put_le32(p, v)
#define pxi_put_le64(p, v) portix_put_le64(p, v)
#define pxi_get_le16(p) portix_get_le16(p)
#define pxi_get_le32(p) portix_get_le32(p)

#endif /* PORTIX_LIBPORTIX_INTERNAL_H */
