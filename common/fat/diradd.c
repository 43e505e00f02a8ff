/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* diradd.c - adding an entry to a directory: alias, slots, growth.

   Layer: above dir.c, table.c and name.c; used by file.c and ops.c.

   A name that is a valid 8.3 name in one case per part gets a short
   entry alone (all-lower-case parts set the NT case flags).  Any other
   name gets long-name slots and an alias: the specification's basis
   name, with the smallest ~N tail no other short entry in the directory
   uses, when the basis changed the name or is already taken.  The slots
   are the first run of free ones long enough; a cluster directory grows
   by a zeroed cluster when there is none (the FAT16 root cannot grow:
   FAT_ENOSPC).  Slots after the end marker (first byte 0) count as free;
   when they are used, the slot that follows becomes the new marker.  */

#include "fat-int.h"

/* Tail numbers are searched this many at a time (one directory pass).  */
#define TAIL_WINDOW	1024
#define TAIL_MAX	999999

static bool same_entry(const struct fat_entry *a, const struct fat_entry *b)
{
	return b && a->sfn.first == b->sfn.first &&
	       a->sfn.index == b->sfn.index;
}

/* 1 when some short entry of DIR other than SKIP is SFN.  */
static int sfn_taken(struct fat_volume *v, uint32_t dir, const uint8_t *sfn,
		     const struct fat_entry *skip)
{
	struct fat_dirpos p;
	struct fat_entry e;
	int r;

	dir_rewind(v, dir, &p);
	while ((r = dir_read(v, &p, &e)) > 0)
		if (memcmp(e.raw, sfn, 11) == 0 && !same_entry(&e, skip))
			return 1;
	return r;
}

/* The smallest free ~N tail for BASIS, TAIL_WINDOW numbers per pass.  */
static int pick_tail(struct fat_volume *v, uint32_t dir,
		     const uint8_t *basis, const struct fat_entry *skip,
		     uint8_t *sfn)
{
	uint8_t used[TAIL_WINDOW / 8];
	struct fat_dirpos p;
	struct fat_entry e;
	int r;

	for (uint32_t lo = 1; lo <= TAIL_MAX; lo += TAIL_WINDOW) {
		memset(used, 0, sizeof(used));
		dir_rewind(v, dir, &p);
		while ((r = dir_read(v, &p, &e)) > 0) {
			uint32_t num = fat_sfn_tail_of(basis, e.raw);

			if (num >= lo && num - lo < TAIL_WINDOW &&
			    !same_entry(&e, skip))
				used[(num - lo) / 8] |=
					(uint8_t)(1u << ((num - lo) % 8));
		}
		if (r < 0)
			return r;
		for (uint32_t i = 0; i < TAIL_WINDOW && lo + i <= TAIL_MAX;
		     i++) {
			if (!(used[i / 8] & (1u << (i % 8)))) {
				fat_sfn_tail(basis, lo + i, sfn);
				return 0;
			}
		}
	}
	return FAT_EEXIST;
}

/* Choose the short name; *lfn: long-name slots are needed.  */
static int choose_sfn(struct fat_volume *v, uint32_t dir,
		      const uint16_t *name, unsigned n,
		      const struct fat_entry *skip, uint8_t *sfn,
		      uint8_t *ntres, bool *lfn)
{
	uint8_t basis[11];
	bool tail;
	int r;

	if (fat_sfn_exact(name, n, sfn, ntres)) {
		r = sfn_taken(v, dir, sfn, skip);
		if (r <= 0) {
			*lfn = false;
			return r;
		}
	}
	*lfn = true;
	*ntres = 0;
	tail = fat_sfn_basis(name, n, basis);
	if (!tail) {
		r = sfn_taken(v, dir, basis, skip);
		if (r < 0)
			return r;
		if (r == 0) {
			memcpy(sfn, basis, 11);
			return 0;
		}
	}
	return pick_tail(v, dir, basis, skip, sfn);
}

/* Find COUNT consecutive free slots in DIR, growing it if needed.
   *past_end: the run reaches past the end marker.  */
static int find_slots(struct fat_volume *v, uint32_t dir, unsigned count,
		      struct fat_dirpos *start, bool *past_end)
{
	struct fat_dirpos p;
	unsigned run = 0;
	bool end = false;
	uint8_t *ent;
	uint32_t c;
	int err;

	dir_rewind(v, dir, &p);
	for (;;) {
		if (p.end) {
			if (p.first == 0 ||
			    p.index + (count - run) > FAT_DIR_MAX_ENTRIES)
				return FAT_ENOSPC;
			err = fat_alloc(v, p.clus, true, &c);
			if (err)
				return err;
			p.clus = c;
			p.end = 0;
		}
		err = dir_map(v, &p, FAT_B_READ, &ent);
		if (err)
			return err;
		if (ent[0] == DIR_END)
			end = true;
		if (end || ent[0] == DIR_FREE) {
			if (run++ == 0)
				*start = p;
			if (run == count) {
				*past_end = end;
				return 0;
			}
		} else {
			run = 0;
		}
		err = dir_step(v, &p);
		if (err)
			return err;
	}
}

/* After using slots past the end marker, make the next slot the marker
   so that stale bytes behind it never read as entries.  */
static int seal(struct fat_volume *v, struct fat_dirpos p)
{
	uint8_t *ent;
	int err;

	err = dir_step(v, &p);
	if (err || p.end)
		return err;
	err = dir_map(v, &p, FAT_B_READ, &ent);
	if (err || ent[0] == DIR_END)
		return err;
	err = dir_map(v, &p, FAT_B_WRITE, &ent);
	if (!err)
		memset(ent, 0, FAT_DIRENT_SIZE);
	return err;
}

int dir_add(struct fat_volume *v, uint32_t dir, const uint16_t *name,
	    unsigned n, const uint8_t tmpl[32], const struct fat_entry *skip,
	    struct fat_entry *e)
{
	uint8_t sfn[11], ntres, sum, *ent;
	struct fat_dirpos p;
	unsigned count;
	bool lfn, past_end;
	int err;

	err = dir_verify(v, dir);
	if (!err)
		err = choose_sfn(v, dir, name, n, skip, sfn, &ntres, &lfn);
	if (err)
		return err;
	count = lfn ? 1 + (n + LFN_UNITS - 1) / LFN_UNITS : 1;
	err = find_slots(v, dir, count, &p, &past_end);
	if (err)
		return err;
	e->start = p;
	sum = fat_sfn_checksum(sfn);
	for (unsigned i = count - 1; i > 0; i--) {
		err = dir_map(v, &p, FAT_B_WRITE, &ent);
		if (!err) {
			dir_lfn_fill(ent, i, i == count - 1, sum, name, n);
			err = dir_step(v, &p);
		}
		if (err)
			return err;
	}
	memcpy(e->raw, tmpl, FAT_DIRENT_SIZE);
	memcpy(e->raw + DIR_NAME, sfn, 11);
	e->raw[DIR_NTRES] = ntres;
	e->sfn = p;
	e->name = NULL;
	e->name_len = 0;
	e->short_len = fat_sfn_units(e->raw, e->short_units);
	err = dir_write_sfn(v, e);
	if (!err && past_end)
		err = seal(v, p);
	return err;
}
