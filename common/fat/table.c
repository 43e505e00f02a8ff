/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* table.c - the file allocation table: entries, chains, allocation.

   Layer: above cache.c; used by dir.c, file.c, ops.c, mount.c.

   Invariants: every cluster number read from the disk is checked with
   fat_clus_ok() before use; every walk along a chain stops after
   v->cluster_count steps (a chain of distinct clusters cannot be longer),
   so a looping chain is FAT_ECORRUPT, never a hang.  A chain is freed
   only after it proved well formed and linked to from nowhere else
   (fat_chain_owned), so freeing never takes clusters from another
   chain; allocation never hands out the FAT32 root cluster.  Writes go to the
   active FAT through the cache, which mirrors them to the other copies.
   free_count and next_free mirror what FSInfo will hold (FAT32).  */

#include "fat-int.h"

_Static_assert(FAT_CACHE_SECTORS >= 2, "fat_compare_copies needs halves");

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
	v->fsinfo_dirty = true;	/* its free count follows the FAT */
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

	/* Linking anything but a chain's last cluster would cut its tail
	   off.  */
	if (prev) {
		err = fat_get(v, prev, &val);
		if (err)
			return err;
		if (!is_eoc(v, val))
			return FAT_ECORRUPT;
		val = 1;
	}
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
	/* The FAT32 root is always in use: a free entry there is damage,
	   and handing the cluster out would overwrite the root.  */
	if (v->type == 32 && c == v->root_cluster)
		return FAT_ECORRUPT;
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

/* Runs of consecutive clusters checked per pass over the FAT.  */
#define OWNED_RUNS	16

struct run {
	uint32_t start, count;
};

/* What links_into counts.  */
struct links {
	const struct run *runs;
	unsigned n;
	uint32_t count;
};

static void count_links(void *ctx, uint32_t c, uint32_t val)
{
	struct links *l = ctx;

	(void)c;
	for (unsigned r = 0; r < l->n; r++)
		if (val - l->runs[r].start < l->runs[r].count)
			l->count++;
}

/* Count the FAT entries whose value lies in one of the N runs.  */
static int links_into(struct fat_volume *v, const struct run *runs,
		      unsigned n, uint32_t *links)
{
	struct links l = { runs, n, 0 };
	int err = fat_scan(v, count_links, &l);

	*links = l.count;
	return err;
}

/* Inside a well-formed chain every cluster but the first has exactly
   one link to it, from its predecessor; so the links into any subset
   of the chain's clusters can be counted and compared, OWNED_RUNS runs
   per pass over the FAT.  */
int fat_chain_owned(struct fat_volume *v, uint32_t first,
		    uint32_t first_links)
{
	struct run runs[OWNED_RUNS];
	uint32_t c = first, len, next, want = 0, links;
	unsigned n = 0;
	int err;

	err = fat_chain_length(v, first, &len);
	if (err || first == 0)
		return err;
	for (;;) {
		if (n > 0 && c == runs[n - 1].start + runs[n - 1].count) {
			runs[n - 1].count++;
		} else {
			runs[n].start = c;
			runs[n++].count = 1;
		}
		want += c == first ? first_links : 1;
		err = fat_next(v, c, &next);
		if (err)
			return err;
		/* Check a batch when the chain ends or the next cluster
		   would need a run more than there is room for.  */
		if (next == 0 || (n == OWNED_RUNS &&
				  next != runs[n - 1].start +
					  runs[n - 1].count)) {
			err = links_into(v, runs, n, &links);
			if (err)
				return err;
			if (links != want)
				return FAT_ECORRUPT;
			if (next == 0)
				return 0;
			n = 0;
			want = 0;
		}
		c = next;
	}
}

/* Free the chain at FIRST, which fat_chain_owned accepted.  */
static int free_checked(struct fat_volume *v, uint32_t first)
{
	uint32_t c = first, val;
	int err;

	for (;;) {
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
		c = val;
	}
}

int fat_free_chain(struct fat_volume *v, uint32_t first)
{
	int err = fat_chain_owned(v, first, 0);

	if (err || first == 0)
		return err;
	return free_checked(v, first);
}

int fat_cut_chain(struct fat_volume *v, uint32_t c)
{
	uint32_t next;
	int err;

	err = fat_next(v, c, &next);
	if (!err && next)
		err = fat_chain_owned(v, next, 1);
	if (err || !next)
		return err;
	err = fat_set(v, c, fat_eoc(v));
	if (!err)
		err = free_checked(v, next);
	return err;
}

int fat_scan(struct fat_volume *v, fat_scan_fn *fn, void *ctx)
{
	unsigned per = FAT_SECTOR_SIZE / (v->type == 32 ? 4 : 2);
	uint32_t end = v->cluster_count + 2, c = 0;
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

			if (c >= 2)
				fn(ctx, c, val);
		}
	}
	fat_binval(v);
	return err;
}

static void count_one_free(void *ctx, uint32_t c, uint32_t val)
{
	uint32_t *n = ctx;

	(void)c;
	if (val == 0)
		++*n;
}

int fat_count_free(struct fat_volume *v)
{
	uint32_t n = 0;
	int err = fat_scan(v, count_one_free, &n);

	if (!err)
		v->free_count = n;
	return err;
}

/* Half of the cache's memory for each side: the cache is flushed and
   emptied first.  */
int fat_compare_copies(struct fat_volume *v, bool *same)
{
	const uint32_t half = FAT_CACHE_SECTORS / 2;
	uint8_t *a = v->cache[0], *b = v->cache[half];
	int err = fat_bflush(v);

	*same = true;
	if (err)
		return err;
	/* No slot may serve (fat_dev_read) what its own memory is about
	   to be overwritten with.  */
	fat_binval(v);
	for (uint32_t k = 0; k < v->nfats && *same && !err; k++) {
		uint32_t copy = v->fat0_start + k * v->fat_sectors;

		if (copy == v->fat_start)
			continue;
		for (uint32_t s = 0; s < v->fat_sectors && *same; s += half) {
			uint32_t n = v->fat_sectors - s < half ?
				     v->fat_sectors - s : half;

			err = fat_dev_read(v, v->fat_start + s, n, a);
			if (!err)
				err = fat_dev_read(v, copy + s, n, b);
			if (err)
				break;
			*same = memcmp(a, b, (size_t)n * FAT_SECTOR_SIZE) == 0;
		}
	}
	fat_binval(v);
	return err;
}
