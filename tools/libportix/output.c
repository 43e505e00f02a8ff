/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* output.c - write a file so that it appears whole or not at all.

   pxi_output_open creates a temporary file in the target's directory (so
   the final rename stays on one file system), the writer sizes and fills
   it, and pxi_output_commit renames it over the target; pxi_output_abort
   removes it instead.  Until the rename, an existing target is untouched.
   Messages name the target, which is what the user asked for.  The
   handle's tmpfile hook hears of the temporary file once it exists and
   again once it is gone, so a program can remove it if a signal ends
   the process in between.  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "internal.h"

/* Tries at a free temporary name before giving up.  */
#define TMP_TRIES 100

/* Refuse to replace what is not a file: renaming over a device node or a
   directory is never what "write the image to PATH" meant.  */
static int check_target(struct portix_image *img, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return errno == ENOENT ? PORTIX_OK :
		       pxi_error_errno(img, errno, "%s", path);
	if (S_ISDIR(st.st_mode))
		return pxi_error(img, PORTIX_EINVAL, "%s: is a directory",
				 path);
	if (!S_ISREG(st.st_mode))
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: exists and is not a regular file", path);
	return PORTIX_OK;
}

/* Write into BUF (SIZE bytes) the temporary name for try number TRY:
   PATH's directory, then as much of PATH's last component as leaves room
   within NAME_MAX for ".tmp-PID-TRY".  A legal name of 245 bytes or more
   with the suffix appended whole would not be one.  */
static void tmp_name(char *buf, size_t size, const char *path, int try)
{
	const char *slash = strrchr(path, '/');
	size_t dir_len = slash ? (size_t)(slash + 1 - path) : 0;
	size_t base_len = strlen(path + dir_len);
	char suffix[48];
	int suffix_len;

	suffix_len = snprintf(suffix, sizeof(suffix), ".tmp-%ld-%d",
			      (long)getpid(), try);
	if (base_len + (size_t)suffix_len > NAME_MAX)
		base_len = NAME_MAX - (size_t)suffix_len;
	snprintf(buf, size, "%.*s%.*s%s", (int)dir_len, path, (int)base_len,
		 path + dir_len, suffix);
}

/* Tell the handle's hook, if any, that the temporary file exists (NAME)
   or is gone (NULL).  */
static void tell_hook(const struct pxi_output *out, const char *name)
{
	if (out->img->tmpfile_hook)
		out->img->tmpfile_hook(out->img->tmpfile_opaque, name);
}

/* Not mkstemp(): it creates the file 0600, and a library cannot read the
   umask to widen that without briefly changing it for the whole process.
   open(O_EXCL) with 0666 lets the kernel apply the umask (or the
   directory's default ACL) itself; O_EXCL also refuses a planted
   symlink, so the predictable name is safe.  */
int pxi_output_open(struct portix_image *img, struct pxi_output *out,
		    const char *path)
{
	size_t size = strlen(path) + 48;
	int rc;

	out->img = img;
	out->path = path;
	out->fd = -1;
	out->tmp_path = NULL;
	if (path[0] == '\0')
		return pxi_error(img, PORTIX_EINVAL, "no output file named");
	rc = check_target(img, path);
	if (rc < 0)
		return rc;
	out->tmp_path = malloc(size);
	if (!out->tmp_path)
		return pxi_error(img, PORTIX_ENOMEM, "%s: out of memory", path);
	for (int i = 0; i < TMP_TRIES; i++) {
		tmp_name(out->tmp_path, size, path, i);
		out->fd = open(out->tmp_path,
			       O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (out->fd >= 0) {
			tell_hook(out, out->tmp_path);
			return PORTIX_OK;
		}
		if (errno != EEXIST)
			break;
	}
	rc = pxi_error_errno(img, errno, "%s", path);
	free(out->tmp_path);
	out->tmp_path = NULL;
	return rc;
}

int pxi_output_set_size(struct portix_image *img, struct pxi_output *out,
			uint64_t size)
{
	/* image.c keeps the size within off_t.  */
	if (ftruncate(out->fd, (off_t)size) < 0)
		return pxi_error_errno(img, errno, "%s", out->path);
	return PORTIX_OK;
}

int pxi_output_write(struct portix_image *img, struct pxi_output *out,
		     const void *buf, size_t len, uint64_t offset)
{
	const uint8_t *p = buf;
	ssize_t n;

	while (len > 0) {
		n = pwrite(out->fd, p, len, (off_t)offset);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return pxi_error_errno(img, errno, "%s", out->path);
		if (n == 0)
			return pxi_error_errno(img, ENOSPC, "%s", out->path);
		p += n;
		len -= (size_t)n;
		offset += (uint64_t)n;
	}
	return PORTIX_OK;
}

/* No fsync: an image is a build product, made again in a second.  close()
   is still checked, as some file systems report write errors only there.  */
int pxi_output_commit(struct portix_image *img, struct pxi_output *out)
{
	int rc = PORTIX_OK;
	int fd = out->fd;

	out->fd = -1;
	if (close(fd) < 0)
		rc = pxi_error_errno(img, errno, "%s", out->path);
	else if (rename(out->tmp_path, out->path) < 0)
		rc = pxi_error_errno(img, errno, "%s", out->path);
	if (rc < 0)
		unlink(out->tmp_path);
	tell_hook(out, NULL);
	free(out->tmp_path);
	out->tmp_path = NULL;
	return rc;
}

void pxi_output_abort(struct pxi_output *out)
{
	if (out->fd >= 0)
		close(out->fd);
	out->fd = -1;
	if (out->tmp_path) {
		unlink(out->tmp_path);
		tell_hook(out, NULL);
	}
	free(out->tmp_path);
	out->tmp_path = NULL;
}
