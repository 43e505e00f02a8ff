/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* image.c - the libportix handle: creation, setters, the error message.

   A new handle holds defaults and no inputs (load.c fills those).  Every
   public function clears the message first, so portix_image_error() always
   describes the last call.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "datapart.h"
#include "internal.h"

/* The largest off_t, whatever its width: the disk's byte size must fit.  */
#define PXI_OFF_MAX \
	((uint64_t)(((uint64_t)1 << (sizeof(off_t) * 8 - 1)) - 1))

struct portix_image *portix_image_new(void)
{
	struct portix_image *img = calloc(1, sizeof(*img));

	if (!img)
		return NULL;
	img->size_mb = PORTIX_DISK_MB_DEFAULT;
	return img;
}

void portix_image_free(struct portix_image *img)
{
	if (!img)
		return;
	free(img->stage2);
	free(img->kernel);
	free(img->efi);
	free(img->error);
	pxi_adds_free(img);
	pxi_datapart_release(img);
	free(img);
}

const char *portix_image_error(const struct portix_image *img)
{
	if (!img)
		return "";
	if (img->error_nomem)
		return "out of memory (while reporting an error)";
	return img->error ? img->error : "";
}

void pxi_clear_error(struct portix_image *img)
{
	free(img->error);
	img->error = NULL;
	img->error_nomem = false;
}

/* Format the message, then append SUFFIX (may be NULL).  */
static void set_message(struct portix_image *img, const char *suffix,
			const char *fmt, va_list ap)
{
	va_list ap2;
	int len;
	size_t size;
	char *msg;

	pxi_clear_error(img);
	va_copy(ap2, ap);
	len = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (len < 0)
		len = 0;
	size = (size_t)len + (suffix ? strlen(suffix) + 2 : 0) + 1;
	msg = malloc(size);
	if (!msg) {
		img->error_nomem = true;
		return;
	}
	vsnprintf(msg, size, fmt, ap);
	if (suffix) {
		strcat(msg, ": ");
		strcat(msg, suffix);
	}
	img->error = msg;
}

int pxi_error(struct portix_image *img, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(img, NULL, fmt, ap);
	va_end(ap);
	return code;
}

int pxi_error_errno(struct portix_image *img, int errnum, const char *fmt,
		    ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(img, strerror(errnum), fmt, ap);
	va_end(ap);
	return PORTIX_EIO;
}

int portix_image_set_size_mb(struct portix_image *img, uint64_t mb)
{
	pxi_clear_error(img);
	if (mb < PORTIX_DISK_MB_MIN)
		return pxi_error(img, PORTIX_EINVAL,
				 "disk size %llu MiB is below the minimum of %d MiB",
				 (unsigned long long)mb, PORTIX_DISK_MB_MIN);
	if (mb > PXI_OFF_MAX / PXI_MIB)
		return pxi_error(img, PORTIX_EINVAL,
				 "disk size %llu MiB is too large (at most %llu MiB)",
				 (unsigned long long)mb,
				 (unsigned long long)(PXI_OFF_MAX / PXI_MIB));
	img->size_mb = mb;
	return PORTIX_OK;
}

int portix_image_set_cmdline(struct portix_image *img, const char *cmdline)
{
	size_t len;

	pxi_clear_error(img);
	if (!cmdline)
		return pxi_error(img, PORTIX_EINVAL, "no command line given");
	len = strlen(cmdline);
	/* The header keeps a terminating NUL for stage 2 and the kernel.  */
	if (len >= PORTIX_CMDLINE_MAX)
		return pxi_error(img, PORTIX_ENOSPC,
				 "command line too long (%zu bytes, at most %d)",
				 len, PORTIX_CMDLINE_MAX - 1);
	memset(img->cmdline, 0, sizeof(img->cmdline));
	memcpy(img->cmdline, cmdline, len);
	return PORTIX_OK;
}

int portix_image_set_force_chs(struct portix_image *img, int on)
{
	pxi_clear_error(img);
	img->force_chs = on != 0;
	return PORTIX_OK;
}

int portix_image_set_no_serial(struct portix_image *img, int on)
{
	pxi_clear_error(img);
	img->no_serial = on != 0;
	return PORTIX_OK;
}

int portix_image_set_disk_signature(struct portix_image *img,
				    uint32_t signature)
{
	pxi_clear_error(img);
	img->disk_signature = signature;
	return PORTIX_OK;
}
