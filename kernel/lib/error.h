/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* error.h - the kernel's one error vocabulary.

   Every kernel function that can fail returns 0 (or a count) on
   success and a negative enum kerror on failure.  A code travels
   unchanged from where it arises to whoever prints it: a drive's
   "media error" reaches the shell as "media error", never as a generic
   I/O error.  Layers add their own codes (no partition table, not a FAT
   volume) but do not fold codes from below into them.  The FAT library
   (<portix/fat.h>), shared with host tools, keeps its FAT_E* codes at
   its API boundary; fs_error() (fs/mount.h) turns them into these.
   No state.  */

#ifndef LIB_ERROR_H
#define LIB_ERROR_H

enum kerror {
	ERR_OK = 0,

	/* Drives (drivers/): what the device or the driver says.  */
	ERR_IO = -1,		/* the device failed, and said no more */
	ERR_TIMEDOUT = -2,	/* it did not finish in time */
	ERR_NOTREADY = -3,	/* it is not ready (ATAPI NOT READY) */
	ERR_NOMEDIUM = -4,	/* no medium in the drive */
	ERR_MEDIA = -5,		/* the sector cannot be read back */
	ERR_ABORTED = -6,	/* the device refused the command */
	ERR_DEVFAULT = -7,	/* the device reports a fault */
	ERR_UNSUPP = -8,	/* the device does not do that */
	ERR_INVAL = -9,		/* bad request or argument */

	/* Block layer (block/).  */
	ERR_RANGE = -10,	/* sector outside the device */
	ERR_ROFS = -11,		/* write to something read-only */
	ERR_NODEV = -12,	/* no such device (no drive holds it) */
	ERR_NODEVSLOT = -13,	/* the block device table is full */
	ERR_NOTABLE = -14,	/* no partition table */
	ERR_NOBOOTCAT = -15,	/* no El Torito boot record or catalog */
	ERR_NOTHDIMAGE = -16,	/* the CD boots no hard-disk image */

	/* File systems (fs/, from the FAT library's FAT_E* codes).  */
	ERR_NOFS = -17,		/* not a FAT volume */
	ERR_FSUNSUPP = -18,	/* a FAT variant we do not handle */
	ERR_CORRUPT = -19,	/* file system is corrupted */
	ERR_NOENT = -20,	/* no such file or directory */
	ERR_EXIST = -21,
	ERR_NOTDIR = -22,
	ERR_ISDIR = -23,
	ERR_NOTEMPTY = -24,
	ERR_NOSPC = -25,	/* no space left on the volume */
	ERR_NAMETOOLONG = -26,
	ERR_FBIG = -27,		/* file too large */
	ERR_BADF = -28,		/* bad or stale file handle */

	ERR_LAST = ERR_BADF	/* keep last */
};

/* A short English message for CODE (0 or an enum kerror), as the user
   sees it after "CMD: PATH: ".  */
const char *error_message(int code);

#endif /* LIB_ERROR_H */
