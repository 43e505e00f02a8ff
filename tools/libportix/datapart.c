/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* datapart.c - format the data partition and copy the added files in.

   Receives the partition's extent (mbr.c) and the handle's add list;
   leaves img->part, a sparse in-memory disk holding the partition's
   non-zero sectors, for layout.c to turn into extents.  The FAT code is
   the one the kernel runs (common/fat); it sees a struct fat_blockdev
   over the sparse disk and a clock that always reads img->epoch, so
   the same inputs give the same bytes.

   Files are streamed from the host in COPY_BYTES pieces straight into
   the volume: the sparse disk holds the only copy.  Before a file is
   copied its clusters are checked against the free space, so the usual
   "too big" case gets a clear message; a directory that has to grow on
   the way can still fill the volume, and that gives the same message.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <portix/fat.h>

#include "datapart.h"

/* How much of a host file is read at a time.  */
#define COPY_BYTES (256 * 1024)
/* The FAT volume label.  */
#define VOLUME_LABEL "PORTIX"
/* The EFI system partition's label.  */
#define ESP_LABEL "EFI"

/* What the block device callbacks see.  */
struct dp_dev {
	struct pxi_sparse *sp;
	struct fat_datetime when;
};

static int dev_read(void *ctx, uint64_t lba, uint32_t count, void *buf)
{
	return pxi_sparse_read(((struct dp_dev *)ctx)->sp, lba, count, buf);
}

static int dev_write(void *ctx, uint64_t lba, uint32_t count,
		     const void *buf)
{
	return pxi_sparse_write(((struct dp_dev *)ctx)->sp, lba, count, buf);
}

static void dev_now(void *ctx, struct fat_datetime *dt)
{
	*dt = ((struct dp_dev *)ctx)->when;
}

/* Report the FAT error RC about WHAT; running out of memory in the
   sparse disk shows as FAT_EIO and is reported as what it is.  */
static int fat_error(struct portix_image *img, const struct pxi_sparse *sp,
		     int rc, const char *what)
{
	if (sp->nomem)
		return pxi_error(img, PORTIX_ENOMEM, "%s: out of memory",
				 what);
	if (rc == FAT_EIO)
		return pxi_error(img, PORTIX_EIO,
				 "%s: data partition: I/O error", what);
	if (rc == FAT_EEXIST)
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: already exists in the data partition",
				 what);
	if (rc == FAT_ENOSPC)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: no room left in the data partition",
				 what);
	return pxi_error(img, rc == FAT_EFBIG ? PORTIX_ENOSPC : PORTIX_EINVAL,
			 "%s: in the data partition: %s", what,
			 fat_strerror(rc));
}

static int does_not_fit(struct portix_image *img, const char *src,
			uint64_t avail)
{
	return pxi_error(img, PORTIX_ENOSPC,
			 "%s: does not fit in the data partition (%llu bytes free)",
			 src, (unsigned long long)avail);
}

/* FAT_ENOSPC while making a directory entry for DEST: out of clusters,
   or its directory is full: the FAT16 root directory's fixed slots, or
   any directory's FAT_DIR_MAX_ENTRIES.  */
static int no_entry(struct portix_image *img, struct fat_volume *vol,
		    const char *src, const char *dest)
{
	struct fat_statfs st;
	bool in_root = strchr(dest + 1, '/') == NULL;

	if (fat_statfs(vol, &st) < 0 || st.free_clusters == 0)
		return does_not_fit(img, src, 0);
	if (in_root && st.type == 16)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: its directory is full (a FAT16 root directory holds 512 entries, long names take several: use a subdirectory)",
				 dest);
	return pxi_error(img, PORTIX_ENOSPC,
			 "%s: its directory is full (a FAT directory holds %d entries, long names take several: use another directory)",
			 dest, FAT_DIR_MAX_ENTRIES);
}

/* mkdir -p for the directories above DEST.  */
static int make_parents(struct portix_image *img, struct fat_volume *vol,
			const struct pxi_sparse *sp, const struct pxi_add *a)
{
	const char *dest = a->dest;
	char *path = strdup(dest);
	struct fat_stat st;
	int rc = PORTIX_OK;

	if (!path)
		return pxi_error(img, PORTIX_ENOMEM, "%s: out of memory", dest);
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		int err;

		*p = '\0';
		err = fat_mkdir(vol, path);
		if (err == FAT_EEXIST) {
			err = fat_stat(vol, path, &st);
			if (err == 0 && !(st.attr & FAT_ATTR_DIR)) {
				rc = pxi_error(img, PORTIX_EINVAL,
					       "%s: %s is a file in the data partition",
					       dest, path);
				break;
			}
		}
		if (err == FAT_ENOSPC) {
			rc = no_entry(img, vol, a->src, dest);
			break;
		}
		if (err < 0) {
			rc = fat_error(img, sp, err, dest);
			break;
		}
		*p = '/';
	}
	free(path);
	return rc;
}

/* The copying of every added file: its buffer, and its progress
   (reported as the writers report theirs: big files take seconds).  */
struct copying {
	uint8_t *buf;			/* COPY_BYTES */
	uint64_t done, total;		/* bytes */
};

/* Copy from FD (SIZE bytes at open) into the new file A->dest.  */
static int copy_into(struct portix_image *img, struct fat_volume *vol,
		     const struct pxi_sparse *sp, const struct pxi_add *a,
		     int fd, uint64_t avail, struct copying *cp)
{
	uint8_t *buf = cp->buf;
	struct fat_file f;
	int rc, err;

	err = fat_open(vol, a->dest, FAT_O_WRITE | FAT_O_CREAT | FAT_O_EXCL,
		       &f);
	if (err == FAT_ENOSPC)
		return no_entry(img, vol, a->src, a->dest);
	if (err < 0)
		return fat_error(img, sp, err, a->dest);
	rc = PORTIX_OK;
	for (;;) {
		ssize_t n = read(fd, buf, COPY_BYTES);
		int32_t w;

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = pxi_error_errno(img, errno, "%s", a->src);
			break;
		}
		if (n == 0)
			break;
		cp->done += (uint64_t)n;
		pxi_progress(img, cp->done, cp->total);
		w = fat_write(&f, buf, (uint32_t)n);
		if (w == FAT_ENOSPC || (w >= 0 && w < n)) {
			rc = does_not_fit(img, a->src, avail);
			break;
		}
		if (w == FAT_EFBIG) {
			rc = pxi_error(img, PORTIX_ENOSPC,
				       "%s: too large for a FAT file (at most 4 GiB - 1 bytes)",
				       a->src);
			break;
		}
		if (w < 0) {
			rc = fat_error(img, sp, w, a->dest);
			break;
		}
	}
	fat_close(&f);
	return rc;
}

/* Copy the host file A->src to A->dest, making its directories.  */
static int add_one(struct portix_image *img, struct fat_volume *vol,
		   const struct pxi_sparse *sp, const struct pxi_add *a,
		   struct copying *cp)
{
	struct fat_statfs fs;
	struct stat st;
	uint64_t avail, need;
	int fd, rc;

	rc = pxi_open_regular(img, a->src, &fd, &st);
	if (rc < 0)
		return rc;
	if ((uint64_t)st.st_size > UINT32_MAX) {
		rc = pxi_error(img, PORTIX_ENOSPC,
			       "%s: too large for a FAT file (%llu bytes, at most 4 GiB - 1)",
			       a->src, (unsigned long long)st.st_size);
		goto out_close;
	}
	rc = fat_statfs(vol, &fs);
	if (rc < 0) {
		rc = fat_error(img, sp, rc, a->dest);
		goto out_close;
	}
	avail = (uint64_t)fs.free_clusters * fs.cluster_bytes;
	need = ((uint64_t)st.st_size + fs.cluster_bytes - 1) /
	       fs.cluster_bytes * fs.cluster_bytes;
	if (need > avail) {
		rc = does_not_fit(img, a->src, avail);
		goto out_close;
	}
	rc = make_parents(img, vol, sp, a);
	if (rc == PORTIX_OK)
		rc = copy_into(img, vol, sp, a, fd, avail, cp);
out_close:
	close(fd);
	return rc;
}

/* A block device over DD's sparse disk of SECTORS sectors.  */
static void sparse_dev(struct fat_blockdev *dev, struct dp_dev *dd,
		       uint32_t sectors)
{
	memset(dev, 0, sizeof(*dev));
	dev->ctx = dd;
	dev->read = dev_read;
	dev->write = dev_write;
	dev->now = dev_now;
	dev->sector_count = sectors;
}

/* Format PART's sectors (DEV) as FAT labelled LABEL and mount it in VOL;
   set part->fat_type.  WHAT names the volume in messages.  */
static int format(struct portix_image *img, struct fat_volume *vol,
		  const struct fat_blockdev *dev, struct pxi_partition *part,
		  uint32_t serial, const char *label, const char *what)
{
	struct fat_format_params params;
	struct fat_statfs st;
	int err;

	memset(&params, 0, sizeof(params));
	params.hidden_sectors = part->start;
	params.serial = serial;
	params.label = label;
	params.sectors_per_track = part->sectors_per_track;
	params.heads = part->heads;
	err = fat_format(vol, dev, &params);
	if (err == 0)
		err = fat_statfs(vol, &st);
	if (err < 0)
		return fat_error(img, ((struct dp_dev *)dev->ctx)->sp, err,
				 what);
	part->fat_type = st.type;
	return PORTIX_OK;
}

/* Format, then add every file.  VOL is left unmounted.  */
static int fill(struct portix_image *img, struct fat_volume *vol,
		struct dp_dev *dd, struct pxi_partition *part, uint32_t serial)
{
	struct fat_blockdev dev;
	struct copying cp = { NULL, 0, 0 };
	int rc, err;

	sparse_dev(&dev, dd, part->sectors);
	rc = format(img, vol, &dev, part, serial, VOLUME_LABEL,
		    "data partition");
	if (rc < 0)
		return rc;
	if (img->n_adds > 0) {
		cp.buf = malloc(COPY_BYTES);
		if (!cp.buf)
			rc = pxi_error(img, PORTIX_ENOMEM, "out of memory");
	}
	for (size_t i = 0; i < img->n_adds; i++) {
		struct stat st;

		if (stat(img->adds[i].src, &st) == 0 && S_ISREG(st.st_mode))
			cp.total += (uint64_t)st.st_size;
	}
	for (size_t i = 0; rc == PORTIX_OK && i < img->n_adds; i++)
		rc = add_one(img, vol, dd->sp, &img->adds[i], &cp);
	free(cp.buf);
	err = fat_unmount(vol);
	if (rc == PORTIX_OK && err < 0)
		rc = fat_error(img, dd->sp, err, "data partition");
	return rc;
}

/* Allocate *SP for SECTORS sectors, and a volume; NULL both on failure.  */
static int alloc_volume(struct portix_image *img, struct pxi_sparse **sp,
			struct fat_volume **vol, uint32_t sectors)
{
	*sp = malloc(sizeof(**sp));
	*vol = malloc(sizeof(**vol));
	if (!*sp || !*vol) {
		free(*sp);
		free(*vol);
		*sp = NULL;
		*vol = NULL;
		return pxi_error(img, PORTIX_ENOMEM, "out of memory");
	}
	pxi_sparse_init(*sp, sectors);
	return PORTIX_OK;
}

static void free_sparse(struct pxi_sparse **sp)
{
	if (*sp) {
		pxi_sparse_free(*sp);
		free(*sp);
		*sp = NULL;
	}
}

int pxi_datapart_build(struct portix_image *img, struct pxi_partition *part,
		       uint32_t serial)
{
	struct fat_volume *vol;
	struct dp_dev dd;
	int rc;

	pxi_datapart_release(img);
	rc = alloc_volume(img, &img->part, &vol, part->sectors);
	if (rc < 0)
		return rc;
	dd.sp = img->part;
	fat_time_from_unix(img->epoch, &dd.when);
	rc = fill(img, vol, &dd, part, serial);
	free(vol);
	if (rc < 0)
		pxi_datapart_release(img);
	return rc;
}

/* Write the loader to PORTIX_ESP_LOADER_PATH in VOL, making its
   directories.  */
static int put_loader(struct portix_image *img, struct fat_volume *vol,
		      const struct pxi_sparse *sp)
{
	static const char *const dirs[] = { "/EFI", "/EFI/BOOT" };
	struct fat_file f;
	int32_t w;
	int err;

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		err = fat_mkdir(vol, dirs[i]);
		if (err < 0)
			return fat_error(img, sp, err, dirs[i]);
	}
	err = fat_open(vol, PORTIX_ESP_LOADER_PATH,
		       FAT_O_WRITE | FAT_O_CREAT | FAT_O_EXCL, &f);
	if (err < 0)
		return fat_error(img, sp, err, PORTIX_ESP_LOADER_PATH);
	w = fat_write(&f, img->efi, (uint32_t)img->efi_size);
	fat_close(&f);
	if (w >= 0 && (size_t)w != img->efi_size)
		w = FAT_ENOSPC;
	return w < 0 ? fat_error(img, sp, w, PORTIX_ESP_LOADER_PATH) :
		       PORTIX_OK;
}

int pxi_esp_build(struct portix_image *img, struct pxi_partition *esp,
		  uint32_t serial)
{
	struct fat_blockdev dev;
	struct fat_volume *vol;
	struct dp_dev dd;
	int rc, err;

	free_sparse(&img->esp);
	rc = alloc_volume(img, &img->esp, &vol, esp->sectors);
	if (rc < 0)
		return rc;
	dd.sp = img->esp;
	fat_time_from_unix(img->epoch, &dd.when);
	sparse_dev(&dev, &dd, esp->sectors);
	rc = format(img, vol, &dev, esp, serial, ESP_LABEL,
		    "EFI system partition");
	if (rc == PORTIX_OK) {
		/* FAT16 by the size: a FAT32 ESP would need 33 MiB.  */
		assert(esp->fat_type == 16);
		rc = put_loader(img, vol, img->esp);
		err = fat_unmount(vol);
		if (rc == PORTIX_OK && err < 0)
			rc = fat_error(img, img->esp, err,
				       "EFI system partition");
	}
	free(vol);
	if (rc < 0)
		free_sparse(&img->esp);
	return rc;
}

void pxi_datapart_release(struct portix_image *img)
{
	free_sparse(&img->part);
	free_sparse(&img->esp);
	free(img->extents);
	img->extents = NULL;
}
