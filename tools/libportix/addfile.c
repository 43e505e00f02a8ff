/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* addfile.c - portix_image_add_file: the list of files for the data
   partition.

   Adding only checks and records: the host file must be a readable
   regular file now, the destination a well-formed absolute FAT path that
   no earlier add claims (as the file itself, or as a directory on its
   way).  The bytes are read when a medium is written (datapart.c), so a
   large file is never held twice.  A refused add leaves the list as it
   was.

   Names are compared as FAT compares them, without regard to case (for
   ASCII letters; other case clashes are caught when the volume is
   filled).  */

#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <portix/fat.h>
#include <portix/utf8.h>

#include "datapart.h"
#include "internal.h"

/* Characters a FAT long name may not hold (besides control codes).  */
static const char bad_chars[] = "\"*:<>?\\|";

/* DEST, or DEST followed by SRC's last component when DEST ends in '/'.
   malloc'd; NULL if out of memory.  */
static char *full_dest(const char *src, const char *dest)
{
	size_t dlen = strlen(dest);
	const char *base = strrchr(src, '/');
	char *out;

	base = base ? base + 1 : src;
	if (dlen == 0 || dest[dlen - 1] != '/')
		base = "";
	out = malloc(dlen + strlen(base) + 1);
	if (!out)
		return NULL;
	memcpy(out, dest, dlen);
	strcpy(out + dlen, base);
	return out;
}

/* UTF-16 units of the UTF-8 name P (LEN bytes), as FAT counts them;
   0 if P is not valid UTF-8.  */
static size_t utf16_units(const char *p, size_t len)
{
	size_t units = 0;

	for (size_t i = 0, n; i < len; i += n) {
		uint32_t cp;

		n = portix_utf8_decode((const uint8_t *)p + i, len - i, &cp);
		if (n == 0)
			return 0;
		units += cp >= 0x10000 ? 2 : 1;	/* a surrogate pair */
	}
	return units;
}

/* Check one component NAME (LEN bytes) of DEST.  */
static int check_name(struct portix_image *img, const char *dest,
		      const char *name, size_t len)
{
	if (len == 0 || (len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: invalid destination: empty, '.' or '..' component",
				 dest);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c < 0x20 || c == 0x7F)
			return pxi_error(img, PORTIX_EINVAL,
					 "%s: invalid destination: control character in a name",
					 dest);
		if (strchr(bad_chars, c))
			return pxi_error(img, PORTIX_EINVAL,
					 "%s: invalid destination: '%c' is not allowed in a FAT name",
					 dest, c);
	}
	/* FAT drops them silently; the user would not get the name asked
	   for.  */
	if (name[len - 1] == '.' || name[len - 1] == ' ')
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: invalid destination: a FAT name cannot end in '.' or ' '",
				 dest);
	if (utf16_units(name, len) == 0)
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: invalid destination: not valid UTF-8 (FAT names are Unicode)",
				 dest);
	if (utf16_units(name, len) > FAT_NAME_MAX)
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: invalid destination: a name is longer than %d characters",
				 dest, FAT_NAME_MAX);
	return PORTIX_OK;
}

static int check_dest(struct portix_image *img, const char *dest)
{
	const char *p = dest + 1;
	int rc;

	if (dest[0] != '/')
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: invalid destination: must be an absolute path in the data partition (start with '/')",
				 dest);
	for (;;) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);

		rc = check_name(img, dest, p, len);
		if (rc < 0 || !slash)
			return rc;
		p = slash + 1;
	}
}

/* Whether the path DIR is a proper ancestor of PATH, ignoring case.  */
static int is_ancestor(const char *dir, const char *path)
{
	size_t len = strlen(dir);

	return strncasecmp(dir, path, len) == 0 && path[len] == '/';
}

/* DEST against the earlier adds: not the same file, not inside an
   earlier file, not a directory an earlier file lives in.  */
static int check_conflicts(struct portix_image *img, const char *dest)
{
	for (size_t i = 0; i < img->n_adds; i++) {
		const struct pxi_add *a = &img->adds[i];

		if (strcasecmp(a->dest, dest) == 0)
			return pxi_error(img, PORTIX_EINVAL,
					 "%s: destination already added (from %s)",
					 dest, a->src);
		if (is_ancestor(a->dest, dest))
			return pxi_error(img, PORTIX_EINVAL,
					 "%s: %s is a file (added from %s)",
					 dest, a->dest, a->src);
		if (is_ancestor(dest, a->dest))
			return pxi_error(img, PORTIX_EINVAL,
					 "%s: is a directory (holding %s)",
					 dest, a->dest);
	}
	return PORTIX_OK;
}

/* ST, the status of SRC, must be a regular file's.  */
static int check_regular(struct portix_image *img, const char *src,
			 const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: is a directory (add its files one by one)",
				 src);
	if (!S_ISREG(st->st_mode))
		return pxi_error(img, PORTIX_EINVAL,
				 "%s: not a regular file", src);
	return PORTIX_OK;
}

int pxi_open_regular(struct portix_image *img, const char *src, int *fd,
		     struct stat *st)
{
	int rc;

	/* The type first: opening a FIFO for reading waits for a writer.  */
	if (stat(src, st) < 0)
		return pxi_error_errno(img, errno, "%s", src);
	rc = check_regular(img, src, st);
	if (rc < 0)
		return rc;
	/* O_NONBLOCK in case SRC became a FIFO since; it changes nothing
	   for a regular file.  */
	*fd = open(src, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (*fd < 0)
		return pxi_error_errno(img, errno, "%s", src);
	rc = fstat(*fd, st) < 0 ? pxi_error_errno(img, errno, "%s", src) :
	     check_regular(img, src, st);
	if (rc < 0) {
		close(*fd);
		*fd = -1;
	}
	return rc;
}

/* SRC must be a regular file we can open.  */
static int check_source(struct portix_image *img, const char *src)
{
	struct stat st;
	int fd, rc;

	if (src[0] == '\0')
		return pxi_error(img, PORTIX_EINVAL, "no source file named");
	rc = pxi_open_regular(img, src, &fd, &st);
	if (rc == PORTIX_OK)
		close(fd);
	return rc;
}

int portix_image_add_file(struct portix_image *img, const char *src,
			  const char *dest)
{
	struct pxi_add *adds;
	char *full = NULL, *src_copy = NULL;
	int rc;

	pxi_clear_error(img);
	if (!src || !dest)
		return pxi_error(img, PORTIX_EINVAL, "no file given");
	rc = check_source(img, src);
	if (rc < 0)
		return rc;
	full = full_dest(src, dest);
	src_copy = strdup(src);
	if (!full || !src_copy) {
		rc = pxi_error(img, PORTIX_ENOMEM, "%s: out of memory", src);
		goto out_free;
	}
	rc = check_dest(img, full);
	if (rc == PORTIX_OK)
		rc = check_conflicts(img, full);
	if (rc < 0)
		goto out_free;
	adds = realloc(img->adds, (img->n_adds + 1) * sizeof(*adds));
	if (!adds) {
		rc = pxi_error(img, PORTIX_ENOMEM, "%s: out of memory", src);
		goto out_free;
	}
	img->adds = adds;
	adds[img->n_adds].src = src_copy;
	adds[img->n_adds].dest = full;
	img->n_adds++;
	return PORTIX_OK;

out_free:
	free(full);
	free(src_copy);
	return rc;
}

void pxi_adds_free(struct portix_image *img)
{
	for (size_t i = 0; i < img->n_adds; i++) {
		free(img->adds[i].src);
		free(img->adds[i].dest);
	}
	free(img->adds);
	img->adds = NULL;
	img->n_adds = 0;
}
