/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* dir.c - reading directories: slots, long-name runs, lookups.

   Layer: above table.c and name.c; used by diradd.c, path.c, file.c and
   ops.c.

   A directory is named by an id: 0 for the root, else its first cluster.
   The FAT16 root is a fixed run of sectors; every other directory is a
   cluster chain of at most FAT_DIR_MAX_ENTRIES slots (a longer chain is
   FAT_ECORRUPT, which also ends any loop in it).  A directory's whole
   chain is checked (dir_verify) before anything looks inside it or
   writes to it, so its clusters are all in use in the FAT and can never
   be handed out to something else.  A logical entry is a
   run of long-name slots (ord N|0x40, N-1, ..., 1, each carrying the
   checksum of the short name) followed by its short entry; a run that
   breaks those rules is ignored and the short name stands alone.  */

#include "fat-int.h"

/* Byte offsets of the 13 UTF-16 units in a long-name slot.  */
static const uint8_t lfn_unit_off[LFN_UNITS] = {
	1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30
};

void dir_rewind(struct fat_volume *v, uint32_t dir, struct fat_dirpos *p)
{
	p->index = 0;
	p->end = 0;
	if (dir == 0 && v->type == 16) {
		p->first = 0;
		p->clus = 0;
	} else {
		p->first = dir ? dir : v->root_cluster;
		p->clus = p->first;
	}
}

int dir_verify(struct fat_volume *v, uint32_t dir)
{
	uint32_t len;

	if (dir == 0 && v->type == 16)
		return 0;
	return fat_chain_length(v, dir ? dir : v->root_cluster, &len);
}

int dir_slot(struct fat_volume *v, const struct fat_dirpos *p,
	     uint32_t *sector, uint16_t *off)
{
	uint32_t within;

	if (p->end)
		return FAT_ENOENT;
	if (p->first == 0) {
		if (p->index >= v->root_entries)
			return FAT_ENOENT;
		*sector = v->root_start + p->index / 16;
		*off = (uint16_t)(p->index % 16 * FAT_DIRENT_SIZE);
		return 0;
	}
	if (!fat_clus_ok(v, p->clus))
		return FAT_ECORRUPT;
	within = p->index % (v->cluster_bytes / FAT_DIRENT_SIZE);
	*sector = fat_clus_sector(v, p->clus) + within / 16;
	*off = (uint16_t)(within % 16 * FAT_DIRENT_SIZE);
	return 0;
}

/* Advance P by one slot.  At the end, P keeps the last cluster (where a
   new one would be linked) and sets p->end.  */
int dir_step(struct fat_volume *v, struct fat_dirpos *p)
{
	uint32_t next;
	int err;

	if (p->end)
		return 0;
	p->index++;
	if (p->first == 0) {
		if (p->index >= v->root_entries)
			p->end = 1;
		return 0;
	}
	if (p->index % (v->cluster_bytes / FAT_DIRENT_SIZE) != 0)
		return 0;
	err = fat_next(v, p->clus, &next);
	if (err)
		return err;
	if (next == 0) {
		p->end = 1;
		return 0;
	}
	if (p->index >= FAT_DIR_MAX_ENTRIES)
		return FAT_ECORRUPT;
	p->clus = next;
	return 0;
}

/* Get the slot at P mapped in the cache.  */
int dir_map(struct fat_volume *v, const struct fat_dirpos *p, unsigned mode,
	    uint8_t **ent)
{
	uint32_t sector;
	uint16_t off;
	uint8_t *b;
	int err;

	err = dir_slot(v, p, &sector, &off);
	if (!err)
		err = fat_bget(v, sector, mode, &b);
	if (err)
		return err;
	*ent = b + off;
	return 0;
}

uint32_t dir_cluster(const struct fat_volume *v, const uint8_t *raw)
{
	uint32_t lo = get16(raw + DIR_CLUS_LO);

	if (v->type == 16)	/* the high word is not ours on FAT16 */
		return lo;
	return ((uint32_t)get16(raw + DIR_CLUS_HI) << 16) | lo;
}

void dir_set_cluster(uint8_t *raw, uint32_t c)
{
	put16(raw + DIR_CLUS_HI, (uint16_t)(c >> 16));
	put16(raw + DIR_CLUS_LO, (uint16_t)c);
}

static bool is_dot(const uint8_t *raw, unsigned dots)
{
	return memcmp(raw, dots == 1 ? ".          " : "..         ", 11) == 0;
}

int dir_id_of(struct fat_volume *v, const uint8_t *raw, uint32_t *dir)
{
	uint32_t c = dir_cluster(v, raw);

	if (c == 0 && is_dot(raw, 2)) {
		*dir = 0;
		return 0;
	}
	if (v->type == 32 && c == v->root_cluster) {
		*dir = 0;
		return 0;
	}
	if (!fat_clus_ok(v, c))
		return FAT_ECORRUPT;
	*dir = c;
	return 0;
}

/* State of a long-name run being read.  */
struct lfn_run {
	unsigned left;		/* next ord expected + 1; 0: none */
	unsigned len;		/* units in the name */
	uint8_t sum;
	struct fat_dirpos start;
};

static void lfn_take(struct fat_volume *v, struct lfn_run *r,
		     const uint8_t *ent, const struct fat_dirpos *p)
{
	unsigned ord = ent[LFN_ORD] & 0x3F, base;

	if (ent[LFN_ORD] & LFN_LAST) {
		r->left = 0;
		if (ord < 1 || ord > LFN_MAX_ENTRIES)
			return;
		r->sum = ent[LFN_CHKSUM];
		r->start = *p;
		r->len = ord * LFN_UNITS;
	} else if (r->left < 2 || ord != r->left - 1 ||
		   ent[LFN_CHKSUM] != r->sum) {
		r->left = 0;
		return;
	}
	r->left = ord;
	base = (ord - 1) * LFN_UNITS;
	for (unsigned i = 0; i < LFN_UNITS; i++) {
		uint16_t u = get16(ent + lfn_unit_off[i]);

		v->lfn[base + i] = u;
		/* The name ends at the first NUL of its last slot.  */
		if (u == 0 && (ent[LFN_ORD] & LFN_LAST) && base + i < r->len)
			r->len = base + i;
	}
}

int dir_read(struct fat_volume *v, struct fat_dirpos *p,
	     struct fat_entry *e)
{
	struct lfn_run r = { 0 };
	uint8_t *ent;
	int err;

	while (!p->end) {
		err = dir_map(v, p, FAT_B_READ, &ent);
		if (err)
			return err;
		if (ent[0] == DIR_END)
			return 0;
		if (ent[0] == DIR_FREE) {
			r.left = 0;
		} else if ((ent[DIR_ATTR] & ATTR_LFN_MASK) == ATTR_LFN) {
			lfn_take(v, &r, ent, p);
		} else if (ent[DIR_ATTR] & FAT_ATTR_VOLUME) {
			r.left = 0;
		} else {
			bool lfn = r.left == 1 && r.len > 0 &&
				   r.len <= FAT_NAME_MAX &&
				   r.sum == fat_sfn_checksum(ent);

			memcpy(e->raw, ent, FAT_DIRENT_SIZE);
			e->sfn = *p;
			e->start = lfn ? r.start : *p;
			e->name = lfn ? v->lfn : NULL;
			e->name_len = lfn ? r.len : 0;
			e->short_len = fat_sfn_units(e->raw, e->short_units);
			err = dir_step(v, p);
			return err ? err : 1;
		}
		err = dir_step(v, p);
		if (err)
			return err;
	}
	return 0;
}

int dir_find(struct fat_volume *v, uint32_t dir, const uint16_t *name,
	     unsigned n, struct fat_entry *e)
{
	struct fat_dirpos p;
	int r;

	dir_rewind(v, dir, &p);
	while ((r = dir_read(v, &p, e)) > 0) {
		if (is_dot(e->raw, 1) || is_dot(e->raw, 2))
			continue;
		if (e->name && fat_name_eq(e->name, e->name_len, name, n))
			return 0;
		if (fat_name_eq(e->short_units, e->short_len, name, n))
			return 0;
	}
	return r < 0 ? r : FAT_ENOENT;
}

/* ".." is the second slot of every subdirectory.  */
int dir_parent(struct fat_volume *v, uint32_t dir, uint32_t *parent)
{
	struct fat_dirpos p;
	uint8_t *ent;
	int err;

	*parent = 0;
	if (dir == 0)
		return 0;
	dir_rewind(v, dir, &p);
	err = dir_step(v, &p);
	if (!err)
		err = dir_map(v, &p, FAT_B_READ, &ent);
	if (err)
		return err == FAT_ENOENT ? FAT_ECORRUPT : err;
	if (!is_dot(ent, 2) || !(ent[DIR_ATTR] & FAT_ATTR_DIR))
		return FAT_ECORRUPT;
	return dir_id_of(v, ent, parent);
}

int dir_remove(struct fat_volume *v, const struct fat_entry *e)
{
	struct fat_dirpos p = e->start;
	uint8_t *ent;
	int err;

	if (e->sfn.index < p.index || e->sfn.index - p.index > LFN_MAX_ENTRIES)
		return FAT_ECORRUPT;
	/* p.first is a directory id too: 0 only for the FAT16 root.  */
	err = dir_verify(v, p.first);
	if (err)
		return err;
	for (;;) {
		err = dir_map(v, &p, FAT_B_WRITE, &ent);
		if (err)
			return err;
		ent[0] = DIR_FREE;
		if (p.index == e->sfn.index)
			return 0;
		err = dir_step(v, &p);
		if (err)
			return err;
	}
}

int dir_write_sfn(struct fat_volume *v, const struct fat_entry *e)
{
	uint8_t *ent;
	int err;

	err = dir_map(v, &e->sfn, FAT_B_WRITE, &ent);
	if (err)
		return err;
	memcpy(ent, e->raw, FAT_DIRENT_SIZE);
	return 0;
}

int dir_empty(struct fat_volume *v, uint32_t dir)
{
	struct fat_dirpos p;
	struct fat_entry e;
	int r;

	dir_rewind(v, dir, &p);
	while ((r = dir_read(v, &p, &e)) > 0)
		if (!is_dot(e.raw, 1) && !is_dot(e.raw, 2))
			return FAT_ENOTEMPTY;
	return r;
}

/* Fill a long-name slot: part ORD (1-based) of NAME.  */
void dir_lfn_fill(uint8_t *ent, unsigned ord, bool last, uint8_t sum,
		  const uint16_t *name, unsigned n)
{
	memset(ent, 0, FAT_DIRENT_SIZE);
	ent[LFN_ORD] = (uint8_t)(ord | (last ? LFN_LAST : 0));
	ent[LFN_ATTR] = ATTR_LFN;
	ent[LFN_CHKSUM] = sum;
	for (unsigned i = 0; i < LFN_UNITS; i++) {
		unsigned k = (ord - 1) * LFN_UNITS + i;
		uint16_t u = k < n ? name[k] : k == n ? 0 : 0xFFFF;

		put16(ent + lfn_unit_off[i], u);
	}
}
