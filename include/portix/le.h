/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* le.h - little-endian fields in byte buffers, whatever the host's
   byte order: the one set of readers and writers for on-disk structures
   (MBR, FAT, El Torito, the images libportix writes).  Freestanding:
   the kernel, the FAT library and libportix all include it.  */

#ifndef PORTIX_LE_H
#define PORTIX_LE_H

#include <stdint.h>

static inline uint16_t portix_get_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static inline uint32_t portix_get_le32(const uint8_t *p)
{
	return portix_get_le16(p) | (uint32_t)portix_get_le16(p + 2) << 16;
}

static inline uint64_t portix_get_le64(const uint8_t *p)
{
	return portix_get_le32(p) | (uint64_t)portix_get_le32(p + 4) << 32;
}

static inline void portix_put_le16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static inline void portix_put_le32(uint8_t *p, uint32_t v)
{
	portix_put_le16(p, (uint16_t)v);
	portix_put_le16(p + 2, (uint16_t)(v >> 16));
}

static inline void portix_put_le64(uint8_t *p, uint64_t v)
{
	portix_put_le32(p, (uint32_t)v);
	portix_put_le32(p + 4, (uint32_t)(v >> 32));
}

#endif /* PORTIX_LE_H */
