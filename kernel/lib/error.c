/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* error.c - the messages of enum kerror.  See error.h.  No state.  */

#include "kassert.h"
#include "lib/error.h"

/* Indexed by -code.  */
static const char *const messages[] = {
	[-ERR_OK] = "success",
	[-ERR_IO] = "I/O error",
	[-ERR_TIMEDOUT] = "timeout",
	[-ERR_NOTREADY] = "device not ready",
	[-ERR_NOMEDIUM] = "no medium",
	[-ERR_MEDIA] = "media error",
	[-ERR_ABORTED] = "command aborted by the device",
	[-ERR_DEVFAULT] = "device fault",
	[-ERR_UNSUPP] = "not supported by the device",
	[-ERR_INVAL] = "invalid argument",
	[-ERR_RANGE] = "sector out of range",
	[-ERR_ROFS] = "read-only volume",
	[-ERR_NODEV] = "no such device",
	[-ERR_NODEVSLOT] = "too many block devices",
	[-ERR_NOTABLE] = "no partition table",
	[-ERR_NOBOOTCAT] = "no El Torito boot catalog",
	[-ERR_NOTHDIMAGE] = "the CD boots no hard-disk image",
	[-ERR_NOFS] = "not a FAT volume",
	[-ERR_FSUNSUPP] = "unsupported FAT variant",
	[-ERR_CORRUPT] = "file system is corrupted",
	[-ERR_NOENT] = "no such file or directory",
	[-ERR_EXIST] = "file exists",
	[-ERR_NOTDIR] = "not a directory",
	[-ERR_ISDIR] = "is a directory",
	[-ERR_NOTEMPTY] = "directory not empty",
	[-ERR_NOSPC] = "no space left on volume",
	[-ERR_NAMETOOLONG] = "file name too long",
	[-ERR_FBIG] = "file too large",
	[-ERR_BADF] = "bad or stale file handle",
};

_Static_assert(sizeof(messages) / sizeof(messages[0]) == 1 - ERR_LAST,
	       "one message per enum kerror");

const char *error_message(int code)
{
	if (code > 0)
		code = 0;
	if (code < ERR_LAST)
		return "unknown error";
	KASSERT(messages[-code]);
	return messages[-code];
}
