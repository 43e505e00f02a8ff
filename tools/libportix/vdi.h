/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* vdi.h - the VirtualBox VDI 1.1 format: the numbers its writer
   (write-vdi.c) and its reader (probe.c) share.

   File layout as libportix writes it: pre-header and header, the block
   map at VDI_MAP_OFFSET (one u32 per block of the disk: its index among
   the stored blocks, or VDI_BLOCK_FREE), then the stored blocks from the
   header's VDI_OFF_DATA.  Readers take the map's and the blocks' places
   and the block size from the header, as VirtualBox does.  */

#ifndef PORTIX_LIBPORTIX_VDI_H
#define PORTIX_LIBPORTIX_VDI_H

#include "internal.h"

#define VDI_TEXT "<<< Oracle VM VirtualBox Disk Image >>>\n"
#define VDI_SIGNATURE 0xBEDA107Fu
#define VDI_VERSION 0x00010001u		/* 1.1 */
#define VDI_TYPE_NORMAL 1		/* dynamic */
#define VDI_BLOCK_FREE 0xFFFFFFFFu
#define VDI_BLOCK_SIZE PXI_MIB

/* Byte offsets in the file (pre-header, then the 1.1 header).  */
enum {
	VDI_OFF_TEXT = 0x00,
	VDI_OFF_SIGNATURE = 0x40,
	VDI_OFF_VERSION = 0x44,
	VDI_OFF_HEADER_SIZE = 0x48,
	VDI_OFF_TYPE = 0x4C,
	VDI_OFF_FLAGS = 0x50,
	VDI_OFF_COMMENT = 0x54,		/* 256 bytes */
	VDI_OFF_BLOCKS = 0x154,		/* offset of the block map */
	VDI_OFF_DATA = 0x158,		/* offset of the first block */
	VDI_OFF_LEGACY_GEOMETRY = 0x15C,	/* C, H, S, sector size */
	VDI_OFF_SECTOR_SIZE = 0x168,
	VDI_OFF_DISK_SIZE = 0x170,
	VDI_OFF_BLOCK_SIZE = 0x178,
	VDI_OFF_BLOCK_EXTRA = 0x17C,
	VDI_OFF_BLOCKS_IN_IMAGE = 0x180,
	VDI_OFF_BLOCKS_ALLOCATED = 0x184,
	VDI_OFF_UUID_CREATE = 0x188,
	VDI_OFF_UUID_MODIFY = 0x198,
	VDI_OFF_UUID_LINKAGE = 0x1A8,
	VDI_OFF_UUID_PARENT = 0x1B8,
	VDI_OFF_LCHS_GEOMETRY = 0x1C8,	/* 16 bytes: 0 = let the VM pick */
	VDI_HEADER_END = 0x1D8
};

/* The header proper runs from VDI_OFF_HEADER_SIZE to VDI_HEADER_END:
   0x190 bytes, the size VirtualBox itself writes (1.1 plus LCHS).  */
#define VDI_HEADER_BYTES (VDI_HEADER_END - VDI_OFF_HEADER_SIZE)
#define VDI_MAP_OFFSET 0x200
#define VDI_PREFIX_SIZE 0x200

_Static_assert(VDI_HEADER_BYTES == 0x190, "VDI 1.1 header is 0x190 bytes");
_Static_assert(VDI_OFF_UUID_CREATE == VDI_OFF_BLOCKS_ALLOCATED + 4,
	       "VDI header fields must follow each other");

#endif /* PORTIX_LIBPORTIX_VDI_H */
