/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* load.c - read the boot pieces from files and check them.

   Each loader reads its file whole, checks what the boot protocol needs
   of it (size, signature, header) and only then replaces what the handle
   held: a failed load leaves the handle unchanged.  The files are read,
   not mapped, so pipes work too (a regular file's size is checked before
   its contents are read, so a huge mistake costs nothing).  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* The largest kernel the reserved area holds, and the largest that loads
   below the limit in whole sectors (stage 2 copies whole sectors).  */
#define KERNEL_AREA_BYTES \
	((uint64_t)PORTIX_KERNEL_MAX_SECTORS * PORTIX_SECTOR_SIZE)
#define KERNEL_LOAD_BYTES \
	((uint64_t)(PORTIX_KERNEL_LOAD_LIMIT - PORTIX_KERNEL_ADDR) / \
	 PORTIX_SECTOR_SIZE * PORTIX_SECTOR_SIZE)

/* A file's contents, read up to a limit.  */
struct input {
	uint8_t *data;		/* malloc'd; NULL when over the limit */
	uint64_t size;		/* bytes; if !exact, "more than limit" */
	bool exact;
};

/* Read up to LIMIT + 1 bytes of the file at PATH into IN, so that a file
   over the limit is noticed.  A regular file over the limit is not read:
   IN->size is its size and IN->data NULL.  */
static int read_input(struct portix_image *img, const char *path,
		      size_t limit, struct input *in)
{
	struct stat st;
	size_t got = 0;
	ssize_t n;
	int fd, rc;

	memset(in, 0, sizeof(*in));
	in->exact = true;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return pxi_error_errno(img, errno, "%s", path);
	if (fstat(fd, &st) < 0)
		goto out_read_error;
	if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > limit) {
		in->size = (uint64_t)st.st_size;
		close(fd);
		return PORTIX_OK;
	}
	/* One spare byte (and never malloc(0)) to see a stream run over.  */
	in->data = malloc(limit + 1);
	if (!in->data) {
		close(fd);
		return pxi_error(img, PORTIX_ENOMEM, "%s: out of memory", path);
	}
	while (got <= limit) {
		n = read(fd, in->data + got, limit + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto out_read_error;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	in->size = got;
	if (got > limit) {
		/* A pipe, or a file that grew while we read it.  */
		in->exact = false;
		free(in->data);
		in->data = NULL;
	}
	return PORTIX_OK;

out_read_error:
	/* The message first, while errno is still the read's.  */
	rc = pxi_error_errno(img, errno, "%s", path);
	free(in->data);
	in->data = NULL;
	close(fd);
	return rc;
}

/* "(got N)" or "(got more than N)", for messages about a wrong size.  */
static int wrong_size(struct portix_image *img, const char *path,
		      size_t want, const struct input *in)
{
	if (!in->exact)
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: not %zu bytes (got more than %zu)",
				 path, want, want);
	return pxi_error(img, PORTIX_EINVAL, "%s: not %zu bytes (got %llu)",
			 path, want, (unsigned long long)in->size);
}

int portix_image_load_stage1(struct portix_image *img, const char *path)
{
	const uint8_t *sig;
	struct input in;
	int rc;

	pxi_clear_error(img);
	rc = read_input(img, path, PORTIX_SECTOR_SIZE, &in);
	if (rc < 0)
		return rc;
	if (in.size != PORTIX_SECTOR_SIZE) {
		rc = wrong_size(img, path, PORTIX_SECTOR_SIZE, &in);
		goto out_free;
	}
	sig = in.data + PORTIX_MBR_SIGNATURE;
	if (sig[0] != 0x55 || sig[1] != 0xAA) {
		rc = pxi_error(img, PORTIX_EINVAL,
			       "%s: no 55 AA boot signature", path);
		goto out_free;
	}
	memcpy(img->stage1, in.data, PORTIX_SECTOR_SIZE);
	img->have_stage1 = true;
out_free:
	free(in.data);
	return rc;
}

/* Check the stage 2 header the image writer will patch.  */
static int check_stage2_header(struct portix_image *img, const char *path,
			       const uint8_t *s2)
{
	uint16_t version = pxi_get_le16(s2 + PORTIX_S2_HDR_VERSION);
	uint16_t size = pxi_get_le16(s2 + PORTIX_S2_HDR_SIZE);

	if (pxi_get_le32(s2 + PORTIX_S2_HDR_MAGIC) != PORTIX_S2_MAGIC)
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: no Portix stage 2 header (bad magic)",
				 path);
	if (version != PORTIX_PROTOCOL_VERSION)
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: boot protocol version %u, expected %d",
				 path, version, PORTIX_PROTOCOL_VERSION);
	/* A smaller header would have code where we write the cmdline.  */
	if (size != PORTIX_S2_HEADER_SIZE)
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: stage 2 header size %u, expected %d",
				 path, size, PORTIX_S2_HEADER_SIZE);
	return PORTIX_OK;
}

int portix_image_load_stage2(struct portix_image *img, const char *path)
{
	struct input in;
	int rc;

	pxi_clear_error(img);
	rc = read_input(img, path, PXI_STAGE2_BYTES, &in);
	if (rc < 0)
		return rc;
	if (in.size != PXI_STAGE2_BYTES) {
		rc = wrong_size(img, path, PXI_STAGE2_BYTES, &in);
		goto out_free;
	}
	rc = check_stage2_header(img, path, in.data);
	if (rc < 0)
		goto out_free;
	free(img->stage2);
	img->stage2 = in.data;
	return PORTIX_OK;
out_free:
	free(in.data);
	return rc;
}

/* Check a kernel of SIZE bytes fits; if !EXACT, it is larger than the
   smaller of the two limits and its size is not known.  */
static int check_kernel_size(struct portix_image *img, const char *path,
			     uint64_t size, bool exact)
{
	uint64_t sectors = (size + PORTIX_SECTOR_SIZE - 1) / PORTIX_SECTOR_SIZE;

	if (size == 0)
		return pxi_error(img, PORTIX_EINVAL, "%s: empty", path);
	if (!exact && KERNEL_AREA_BYTES <= KERNEL_LOAD_BYTES)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: too large for the reserved area (more than %d sectors)",
				 path, PORTIX_KERNEL_MAX_SECTORS);
	if (!exact)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: too large to load below 0x%X (more than %llu bytes)",
				 path, PORTIX_KERNEL_LOAD_LIMIT,
				 (unsigned long long)KERNEL_LOAD_BYTES);
	if (size > KERNEL_AREA_BYTES)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: too large for the reserved area (%llu sectors, at most %d)",
				 path, (unsigned long long)sectors,
				 PORTIX_KERNEL_MAX_SECTORS);
	if (size > KERNEL_LOAD_BYTES)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: too large to load below 0x%X (%llu bytes)",
				 path, PORTIX_KERNEL_LOAD_LIMIT,
				 (unsigned long long)size);
	return PORTIX_OK;
}

int portix_image_load_kernel(struct portix_image *img, const char *path)
{
	/* Reading past the smaller limit is pointless: the kernel fails.  */
	uint64_t limit = KERNEL_AREA_BYTES < KERNEL_LOAD_BYTES ?
			 KERNEL_AREA_BYTES : KERNEL_LOAD_BYTES;
	struct input in;
	int rc;

	pxi_clear_error(img);
	rc = read_input(img, path, (size_t)limit, &in);
	if (rc < 0)
		return rc;
	rc = check_kernel_size(img, path, in.size, in.exact);
	if (rc < 0) {
		free(in.data);
		return rc;
	}
	free(img->kernel);
	img->kernel = in.data;
	img->kernel_size = (size_t)in.size;
	return PORTIX_OK;
}

/* PE32+ fields the firmware checks before it starts an EFI application
   (Microsoft PE/COFF specification): the MZ stub's pointer to the PE
   signature, then the COFF header's machine and the optional header's
   magic and subsystem.  */
#define PE_LFANEW 0x3C
#define PE_MACHINE 4
#define PE_OPT_MAGIC 24
#define PE_OPT_SUBSYSTEM (PE_OPT_MAGIC + 68)
#define PE_MACHINE_X86_64 0x8664
#define PE_MAGIC_PE32PLUS 0x20B
#define PE_SUBSYSTEM_EFI_APPLICATION 10

/* Why DATA (SIZE bytes) is not an x86-64 EFI application, or NULL.  */
static const char *efi_app_problem(const uint8_t *data, uint64_t size)
{
	uint32_t pe;

	if (size < PE_LFANEW + 4 || data[0] != 'M' || data[1] != 'Z')
		return "no MZ header";
	pe = pxi_get_le32(data + PE_LFANEW);
	if ((uint64_t)pe + PE_OPT_SUBSYSTEM + 2 > size ||
	    memcmp(data + pe, "PE\0\0", 4) != 0)
		return "no PE header";
	if (pxi_get_le16(data + pe + PE_MACHINE) != PE_MACHINE_X86_64)
		return "not for x86-64";
	if (pxi_get_le16(data + pe + PE_OPT_MAGIC) != PE_MAGIC_PE32PLUS)
		return "not PE32+";
	if (pxi_get_le16(data + pe + PE_OPT_SUBSYSTEM) !=
	    PE_SUBSYSTEM_EFI_APPLICATION)
		return "not an EFI application";
	return NULL;
}

int portix_image_load_efi(struct portix_image *img, const char *path)
{
	const char *problem;
	struct input in;
	int rc;

	pxi_clear_error(img);
	if (!path) {
		free(img->efi);
		img->efi = NULL;
		img->efi_size = 0;
		return PORTIX_OK;
	}
	rc = read_input(img, path, PORTIX_ESP_LOADER_MAX, &in);
	if (rc < 0)
		return rc;
	if (!in.data)
		return pxi_error(img, PORTIX_ENOSPC,
				 "%s: too large for the EFI system partition (at most %d bytes)",
				 path, PORTIX_ESP_LOADER_MAX);
	problem = efi_app_problem(in.data, in.size);
	if (problem) {
		free(in.data);
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: not an x86-64 EFI application: %s",
				 path, problem);
	}
	free(img->efi);
	img->efi = in.data;
	img->efi_size = (size_t)in.size;
	return PORTIX_OK;
}
