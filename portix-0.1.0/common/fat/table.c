/* table.c - the file allocation table: entries, chains, allocation.

   Layer: above cache.c; used by dir.c, file.c, ops.c, mount.c.

   Invariants: every cluster number read from the disk is checked with
   fat_clus_ok() before use; every walk along a chain stops after
   v->cluster_count steps (a chain of distinct clusters cannot be longer),
   so a looping chain is FAT_ECORRUPT, never a hang.  Writes go to the
   active FAT through the cache, which mirrors them to the other copies.
   free_count and next_free mirror what FSInfo will hold (FAT32).  */

#include "fat-int.h"

#define FAT16_EOC_MIN	0xFFF8
#define FAT32_EOC_MIN	0x0FFFFFF8
#define FAT32_MASK	0x0FFFFFFF

uint32_t fat_eoc(const struct fat_volume *v)
{
	return v->type == 32 ? FAT32_MASK : 0xFFFF;
}

static bool is_eoc(const struct fat_volume *v, uint32_t val)
{
	return val >= (v->type == 32 ? FAT32_EOC_MIN : FAT16_EOC_MIN);
}

static int entry_sector(const struct fat_volume *v, uint32_t c,
			uint32_t *sector, unsigned *off)
{
	uint32_t byte;

	if (!fat_clus_ok(v, c))
		return FAT_ECORRUPT;
	byte = c * (v->type == 32 ? 4u : 2u);
	*sector = v->fat_start + byte / FAT_SECTOR_SIZE;
	*off = byte % FAT_SECTOR_SIZE;
	return 0;
}

int fat_get(struct fat_volume *v, uint32_t c, uint32_t *val)
{
	uint32_t sector;
	unsigned off;
	uint8_t *b;
	int err;

	err = entry_sector(v, c, &sector, &off);
	if (!err)
		err = fat_bget(v, sector, FAT_B_READ, &b);
	if (err)
		return err;
	*val = v->type == 32 ? get32(b + off) & FAT32_MASK : get16(b + off);
	return 0;
}

int fat_set(struct fat_volume *v, uint32_t c, uint32_t val)
{
	uint32_t sector;
	unsigned off;
	uint8_t *b;
	int err;

	err = entry_sector(v, c, &sector, &off);
	if (!err)
		err = fat_bget(v, sector, FAT_B_WRITE, &b);
	if (err)
		return err;
	if (v->type == 32)	/* the top 4 bits are reserved: keep them */
		put32(b + off, (get32(b + off) & ~FAT32_MASK) |
		      (val & FAT32_MASK));
	else
		put16(b + off, (uint16_t)val);
	return 0;
}

int fat_next(struct fat_volume *v, uint32_t c, uint32_t *next)
{
	uint32_t val;
	int err;

	err = fat_get(v, c, &val);
	if (err)
		return err;
	if (is_eoc(v, val)) {
		*next = 0;
		return 0;
	}
	/* Free (0), reserved (1), bad or beyond the volume.  */
	if (!fat_clus_ok(v, val))
		return FAT_ECORRUPT;
	*next = val;
	return 0;
}

/* Brent's cycle check finds a loop after about its own length; the
   cluster-count bound alone would also end the walk.  */
int fat_chain_length(struct fat_volume *v, uint32_t first, uint32_t *len)
{
	uint32_t c = first, mark = first, next;
	uint32_t n = 1, power = 1, lam = 0;
	int err;

	*len = 0;
	if (first == 0)
		return 0;
	if (!fat_clus_ok(v, first))
		return FAT_ECORRUPT;
	for (;;) {
		err = fat_next(v, c, &next);
		if (err)
			return err;
		if (next == 0)
			break;
		if (++n > v->cluster_count || next == mark)
			return FAT_ECORRUPT;
		c = next;
		if (++lam == power) {
			mark = c;
			power <<= 1;
			lam = 0;
		}
	}
	*len = n;
	return 0;
}

static int zero_cluster(struct fat_volume *v, uint32_t c)
{
	uint32_t s = fat_clus_sector(v, c);
	uint8_t *b;
	int err;

	for (uint32_t i = 0; i < (1u << v->spc_shift); i++) {
		err = fat_bget(v, s + i, FAT_B_ZERO, &b);
		if (err)
			return err;
	}
	return 0;
}

static void set_hint(struct fat_volume *v, uint32_t c)
{
	v->next_free = fat_clus_ok(v, c) ? c : 2;
	v->fsinfo_dirty = true;
}

int fat_alloc(struct fat_volume *v, uint32_t prev, bool zero, uint32_t *out)
{
	uint32_t c = v->next_free, val = 1;
	int err;

	if (v->free_count == 0)
		return FAT_ENOSPC;
	if (!fat_clus_ok(v, c))
		c = 2;
	for (uint32_t i = 0; i < v->cluster_count; i++) {
		err = fat_get(v, c, &val);
		if (err)
			return err;
		if (val == 0)
			break;
		if (++c - 2 >= v->cluster_count)
			c = 2;
	}
	if (val != 0) {
		v->free_count = 0;
		v->fsinfo_dirty = true;
		return FAT_ENOSPC;
	}
	err = fat_set(v, c, fat_eoc(v));
	if (!err && zero)
		err = zero_cluster(v, c);
	if (!err && prev)
		err = fat_set(v, prev, c);
	if (err)
		return err;
	if (v->free_count != UINT32_MAX)
		v->free_count--;
	set_hint(v, c + 1);
	*out = c;
	return 0;
}

int fat_free_chain(struct fat_volume *v, uint32_t first)
{
	uint32_t c = first, val;
	int err;

	if (first == 0)
		return 0;
	for (uint32_t n = 0; n < v->cluster_count; n++) {
		err = fat_get(v, c, &val);
		if (!err)
			err = fat_set(v, c, 0);
		if (err)
			return err;
		if (v->free_count < v->cluster_count)
			v->free_count++;
		v->fsinfo_dirty = true;
		if (is_eoc(v, val))
			return 0;
		/* A loop comes back to a cluster just freed: val is 0.  */
		if (!fat_clus_ok(v, val))
			return FAT_ECORRUPT;
		c = val;
	}
	return FAT_ECORRUPT;
}

int fat_cut_chain(struct fat_volume *v, uint32_t c)
{
	uint32_t next;
	int err;

	err = fat_next(v, c, &next);
	if (!err)
		err = fat_set(v, c, fat_eoc(v));
	if (!err && next)
		err = fat_free_chain(v, next);
	return err;
}

/* Read the FAT FAT_CACHE_SECTORS sectors at a time, with the cache's
   memory as the buffer: the cache is flushed and emptied first.  */
int fat_count_free(struct fat_volume *v)
{
	unsigned per = FAT_SECTOR_SIZE / (v->type == 32 ? 4 : 2);
	uint32_t end = v->cluster_count + 2, n = 0, c = 0;
	uint32_t sectors = (end + per - 1) / per;
	int err;

	err = fat_bflush(v);
	if (err)
		return err;
	fat_binval(v);
	for (uint32_t s = 0; s < sectors; s += FAT_CACHE_SECTORS) {
		uint32_t cnt = sectors - s < FAT_CACHE_SECTORS ?
			       sectors - s : FAT_CACHE_SECTORS;
		const uint8_t *b = v->cache[0];

		err = fat_dev_read(v, v->fat_start + s, cnt, v->cache);
		if (err)
			break;
		for (uint32_t i = 0; i < cnt * per && c < end; i++, c++) {
			uint32_t val = v->type == 32 ?
				get32(b + 4 * i) & FAT32_MASK :
				get16(b + 2 * i);

			if (c >= 2 && val == 0)
				n++;
		}
	}
	fat_binval(v);
	if (!err)
		v->free_count = n;
	return err;
}
