/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cache.c - the volume's sector cache and its device I/O.

   Layer: lowest.  Above: table.c, dir.c, file.c, mount.c.  Below: the
   caller's struct fat_blockdev.

   The cache is FAT_CACHE_SECTORS sectors inside struct fat_volume, LRU,
   write-back within one public call: fat_done() flushes it before the
   call returns, so between calls every slot is clean.  Sectors of the
   active FAT are written to every FAT copy when mirroring is on, which
   is how the copies stay in step.  Whole-sector file data bypasses the
   cache (fat_dev_read/fat_dev_write), which keeps slots coherent with
   what it moves.  Every sector number is checked against the volume.
   FAT_ASSERT checks the dirty discipline: only valid slots are dirty,
   only dirty ones are written back, and none is dirty once a call's
   flush succeeded or when the cache is emptied.  */

#include "fat-int.h"

/* Whether no slot holds changes the device lacks.  */
__attribute__((unused))
static bool all_clean(const struct fat_volume *v)
{
	for (unsigned i = 0; i < FAT_CACHE_SECTORS; i++)
		if (v->slot[i].dirty)
			return false;
	return true;
}

static int dev_read(struct fat_volume *v, uint32_t sector, uint32_t count,
		    void *buf)
{
	if (count == 0 || sector >= v->total_sectors ||
	    count > v->total_sectors - sector)
		return FAT_ECORRUPT;
	if (v->dev.read(v->dev.ctx, sector, count, buf) != 0)
		return FAT_EIO;
	return 0;
}

static int dev_write(struct fat_volume *v, uint32_t sector, uint32_t count,
		     const void *buf)
{
	if (v->rdonly)
		return FAT_EROFS;
	if (count == 0 || sector >= v->total_sectors ||
	    count > v->total_sectors - sector)
		return FAT_ECORRUPT;
	if (v->dev.write(v->dev.ctx, sector, count, buf) != 0)
		return FAT_EIO;
	return 0;
}

static bool in_active_fat(const struct fat_volume *v, uint32_t sector)
{
	return sector >= v->fat_start && sector - v->fat_start < v->fat_sectors;
}

/* Write slot I back; a FAT sector goes to each copy.  */
static int writeback(struct fat_volume *v, unsigned i)
{
	uint32_t sector = v->slot[i].sector;
	int err;

	FAT_ASSERT(v->slot[i].valid && v->slot[i].dirty);
	if (v->mirror && in_active_fat(v, sector)) {
		uint32_t rel = sector - v->fat_start;

		for (unsigned k = 0; k < v->nfats; k++) {
			err = dev_write(v, v->fat0_start + k * v->fat_sectors +
					rel, 1, v->cache[i]);
			if (err)
				return err;
		}
	} else {
		err = dev_write(v, sector, 1, v->cache[i]);
		if (err)
			return err;
	}
	v->slot[i].dirty = 0;
	return 0;
}

static void touch(struct fat_volume *v, unsigned i)
{
	if (++v->clock == 0) {
		/* The clock wrapped: restart it, keeping I the newest.  */
		for (unsigned k = 0; k < FAT_CACHE_SECTORS; k++)
			v->slot[k].stamp = 0;
		v->clock = 1;
	}
	v->slot[i].stamp = v->clock;
}

static int victim(struct fat_volume *v, unsigned *out)
{
	unsigned best = 0;

	for (unsigned i = 0; i < FAT_CACHE_SECTORS; i++) {
		if (!v->slot[i].valid) {
			*out = i;
			return 0;
		}
		if (v->slot[i].stamp < v->slot[best].stamp)
			best = i;
	}
	if (v->slot[best].dirty) {
		int err = writeback(v, best);

		if (err)
			return err;
	}
	v->slot[best].valid = 0;
	*out = best;
	return 0;
}

int fat_bget(struct fat_volume *v, uint32_t sector, unsigned mode,
	     uint8_t **buf)
{
	unsigned i;
	int err;

	if (sector >= v->total_sectors)
		return FAT_ECORRUPT;
	if (mode != FAT_B_READ && v->rdonly)
		return FAT_EROFS;
	for (i = 0; i < FAT_CACHE_SECTORS; i++)
		if (v->slot[i].valid && v->slot[i].sector == sector)
			break;
	if (i == FAT_CACHE_SECTORS) {
		err = victim(v, &i);
		if (err)
			return err;
		if (mode != FAT_B_ZERO) {
			err = dev_read(v, sector, 1, v->cache[i]);
			if (err)
				return err;
		}
		v->slot[i].sector = sector;
		v->slot[i].valid = 1;
		v->slot[i].dirty = 0;
	}
	FAT_ASSERT(v->slot[i].valid && (!v->slot[i].dirty || !v->rdonly));
	if (mode == FAT_B_ZERO)
		memset(v->cache[i], 0, FAT_SECTOR_SIZE);
	if (mode != FAT_B_READ)
		v->slot[i].dirty = 1;
	touch(v, i);
	*buf = v->cache[i];
	return 0;
}

static int write_fsinfo(struct fat_volume *v)
{
	uint8_t *b;
	int err;

	err = fat_bget(v, v->fsinfo_sector, FAT_B_WRITE, &b);
	if (err)
		return err;
	put32(b + FSI_FREE_COUNT, v->free_count);
	put32(b + FSI_NXT_FREE, v->next_free);
	v->fsinfo_dirty = false;
	return 0;
}

int fat_bflush(struct fat_volume *v)
{
	int err, ret = 0;

	if (v->fsinfo_dirty && v->fsinfo_sector && !v->rdonly) {
		err = write_fsinfo(v);
		if (err)
			ret = err;
	}
	for (unsigned i = 0; i < FAT_CACHE_SECTORS; i++) {
		if (v->slot[i].valid && v->slot[i].dirty) {
			err = writeback(v, i);
			if (err && !ret)
				ret = err;
		}
	}
	return ret;
}

void fat_binval(struct fat_volume *v)
{
	/* Emptying the cache must not drop changes: callers flush first.  */
	FAT_ASSERT(all_clean(v));
	for (unsigned i = 0; i < FAT_CACHE_SECTORS; i++) {
		v->slot[i].valid = 0;
		v->slot[i].dirty = 0;
		v->slot[i].stamp = 0;
	}
	v->clock = 0;
}

/* Cached copies are current: lay them over what the device returned.  */
int fat_dev_read(struct fat_volume *v, uint32_t sector, uint32_t count,
		 void *buf)
{
	uint8_t *out = buf;
	int err;

	err = dev_read(v, sector, count, buf);
	if (err)
		return err;
	for (unsigned i = 0; i < FAT_CACHE_SECTORS; i++) {
		uint32_t s = v->slot[i].sector;

		if (v->slot[i].valid && s >= sector && s - sector < count)
			memcpy(out + (size_t)(s - sector) * FAT_SECTOR_SIZE,
			       v->cache[i], FAT_SECTOR_SIZE);
	}
	return 0;
}

/* The device now holds the newest data: refresh cached copies.  */
int fat_dev_write(struct fat_volume *v, uint32_t sector, uint32_t count,
		  const void *buf)
{
	const uint8_t *in = buf;
	int err;

	err = dev_write(v, sector, count, buf);
	if (err)
		return err;
	for (unsigned i = 0; i < FAT_CACHE_SECTORS; i++) {
		uint32_t s = v->slot[i].sector;

		if (v->slot[i].valid && s >= sector && s - sector < count) {
			memcpy(v->cache[i],
			       in + (size_t)(s - sector) * FAT_SECTOR_SIZE,
			       FAT_SECTOR_SIZE);
			v->slot[i].dirty = 0;
		}
	}
	return 0;
}

int fat_done(struct fat_volume *v, int ret)
{
	int err = fat_bflush(v);

	/* Between public calls every slot is clean.  */
	FAT_ASSERT(err || all_clean(v));
	if (ret < 0)
		return ret;
	return err < 0 ? err : ret;
}
