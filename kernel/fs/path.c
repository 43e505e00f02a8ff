/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* path.c - the current directory and normal absolute paths.  See
   path.h.

   State: the current directory.  */

#include <stddef.h>

#include <portix/fat.h>

#include "fs/mount.h"
#include "fs/path.h"
#include "lib/error.h"
#include "lib/string.h"

static char cwd[FS_PATH_MAX] = "/";

/* Append component NAME (LEN bytes) to the normal path OUT (LEN_OUT
   bytes long), handling "." and "..".  Returns the new length, or -1
   when it would not fit in SIZE.  */
static long push(char *out, size_t len_out, const char *name, size_t len,
		 size_t size)
{
	if (len == 1 && name[0] == '.')
		return (long)len_out;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		while (len_out > 1 && out[len_out - 1] != '/')
			len_out--;
		if (len_out > 1)
			len_out--;	/* the '/' before the last name */
		out[len_out] = '\0';
		return (long)len_out;
	}
	if (len_out + (len_out > 1) + len + 1 > size)
		return -1;
	if (len_out > 1)
		out[len_out++] = '/';
	memcpy(out + len_out, name, len);
	len_out += len;
	out[len_out] = '\0';
	return (long)len_out;
}

/* Append the components of PATH to OUT.  */
static long push_all(char *out, long n, const char *path, size_t size)
{
	const char *p = path, *e;

	while (n >= 0 && *p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		e = p;
		while (*e && *e != '/')
			e++;
		n = push(out, (size_t)n, p, (size_t)(e - p), size);
		p = e;
	}
	return n;
}

int fs_path(const char *path, char *out, size_t size)
{
	long n;

	if (size < 2)
		return ERR_NAMETOOLONG;
	strlcpy(out, "/", size);
	n = 1;
	if (path[0] != '/')
		n = push_all(out, n, cwd, size);
	n = push_all(out, n, path, size);
	return n < 0 ? ERR_NAMETOOLONG : 0;
}

const char *fs_cwd(void)
{
	return cwd;
}

int fs_chdir(const char *path)
{
	char abs[FS_PATH_MAX];
	struct fat_volume *root = fs_root();
	struct fat_stat st;
	int err;

	if (!root)
		return ERR_INVAL;
	err = fs_path(path, abs, sizeof(abs));
	if (!err)
		err = fs_error(fat_stat(root, abs, &st));
	if (!err && !(st.attr & FAT_ATTR_DIR))
		err = ERR_NOTDIR;
	if (!err)
		strlcpy(cwd, abs, sizeof(cwd));
	return err;
}
