/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* path.h - the current directory and path names, for the shell.

   Layers: the shell sits above; fs_chdir looks the directory up on the
   root volume (fs/mount.h).  The rest is string work.
   State: the current directory; one shell, no locks.  */

#ifndef FS_PATH_H
#define FS_PATH_H

#include <stddef.h>

/* Longest absolute path fs_path produces, with its NUL.  */
#define FS_PATH_MAX	1024

/* Make PATH absolute (relative ones start at the current directory)
   and normal: no ".", "..", empty components or trailing '/'.  ".."
   of "/" is "/".  Writes at most SIZE bytes to OUT.  Returns 0, or
   ERR_NAMETOOLONG when the result does not fit.  */
int fs_path(const char *path, char *out, size_t size);

/* The current directory, absolute and normal ("/" at boot).  */
const char *fs_cwd(void);
/* Change it to PATH, which must be a directory.  Returns 0, ERR_INVAL
   (nothing mounted), ERR_NOTDIR, or fat_stat's code through
   fs_error.  */
int fs_chdir(const char *path);

#endif /* FS_PATH_H */
