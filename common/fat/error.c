/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* error.c - messages for the FAT_E* codes of <portix/fat.h>.

   Layer: a leaf; the library never prints, callers do.  */

#include "fat-int.h"

const char *fat_strerror(int code)
{
	switch (code) {
	case 0:
		return "success";
	case FAT_EIO:
		return "block device I/O error";
	case FAT_ENOFS:
		return "no FAT file system (bad boot sector or BPB)";
	case FAT_ENOTSUP:
		return "unsupported FAT variant";
	case FAT_ECORRUPT:
		return "file system is corrupted";
	case FAT_EINVAL:
		return "invalid argument";
	case FAT_ENOENT:
		return "no such file or directory";
	case FAT_EEXIST:
		return "file exists";
	case FAT_ENOTDIR:
		return "not a directory";
	case FAT_EISDIR:
		return "is a directory";
	case FAT_ENOTEMPTY:
		return "directory not empty";
	case FAT_ENOSPC:
		return "no space left on volume";
	case FAT_ENAMETOOLONG:
		return "file name too long";
	case FAT_EROFS:
		return "read-only volume";
	case FAT_EFBIG:
		return "file too large";
	case FAT_EBADF:
		return "bad or stale file handle";
	default:
		return code >= 0 ? "success" : "unknown error";
	}
}
