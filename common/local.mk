## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## common/local.mk - freestanding code compiled both into libportix (here,
## through tools/local.mk) and into the kernel (kernel/local.mk).

COMMON_SOURCES = common/crc32.c common/utf8.c

# The FAT16/FAT32 file system (contract: include/portix/fat.h), bottom
# layer first.
FAT_SOURCES = \
	common/fat/fat-int.h \
	common/fat/cache.c \
	common/fat/table.c \
	common/fat/name.c \
	common/fat/dir.c \
	common/fat/diradd.c \
	common/fat/path.c \
	common/fat/file.c \
	common/fat/ops.c \
	common/fat/mount.c \
	common/fat/format.c \
	common/fat/check.c \
	common/fat/time.c \
	common/fat/error.c
