/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* check.c - fat_check: find what is inconsistent on a volume, repair
   nothing.

   Layer: public API over dir.c, table.c and cache.c; reads only.

   One walk over the directory tree from the root claims every chain in
   the caller's bitmap (a bit per cluster), so a cluster met twice is
   shared; every entry is checked on the way ("." and "..", long-name
   runs, short names met twice, file sizes against their chains).  Then
   one pass over the FAT compares it with the bitmap (clusters owned by
   nobody, clusters owned but free) and counts the free ones for FSInfo.
   Every problem goes to the caller's report function as it is found.
   Bounded like every walk here: chains by the cluster count, the tree
   by FAT_CHECK_DEPTH (deeper directories are reported, not entered).  */

#include "fat-int.h"

#define FAT16_BAD	0xFFF7
#define FAT32_BAD	0x0FFFFFF7

struct checker {
	struct fat_volume *v;
	uint8_t *owned;			/* one bit per cluster */
	unsigned flags;
	fat_check_report *report;
	void *ctx;
	int problems;
	size_t path_len;
	char path[FAT_CHECK_PATH_MAX];
};

static void problem(struct checker *k, unsigned kind, uint32_t a,
		    uint32_t b)
{
	struct fat_problem p = { kind, k->path_len ? k->path : "/", a, b };

	k->problems++;
	if (k->report)
		k->report(k->ctx, &p);
}

static bool owned(const struct checker *k, uint32_t c)
{
	return k->owned[c / 8] & (1u << (c % 8));
}

/* Claim the chain at FIRST; *len its clusters.  false after reporting
   a chain that leaves the volume, loops, meets a free or bad entry, or
   joins a chain claimed before.  */
static bool claim(struct checker *k, uint32_t first, uint32_t *len)
{
	struct fat_volume *v = k->v;
	uint32_t c = first, next;

	*len = 0;
	if (first == 0)
		return true;
	for (;;) {
		if (!fat_clus_ok(v, c)) {
			problem(k, FAT_CHECK_CHAIN, c, 0);
			return false;
		}
		if (owned(k, c)) {
			problem(k, FAT_CHECK_SHARED, c, 0);
			return false;
		}
		k->owned[c / 8] |= (uint8_t)(1u << (c % 8));
		++*len;
		if (fat_next(v, c, &next) != 0) {
			problem(k, FAT_CHECK_CHAIN, c, 0);
			return false;
		}
		if (next == 0)
			return true;
		c = next;
	}
}

/* Append "/NAME" to the path (cut when it does not fit); returns the
   length to restore.  */
static size_t path_push(struct checker *k, const struct fat_entry *e)
{
	size_t old = k->path_len, room = sizeof(k->path) - old;

	if (room > 2) {
		k->path[old] = '/';
		k->path_len += 1 + (e->name ?
			fat_name_utf8(e->name, e->name_len, k->path + old + 1,
				      room - 1) :
			fat_name_utf8(e->short_units, e->short_len,
				      k->path + old + 1, room - 1));
	}
	return old;
}

static void path_pop(struct checker *k, size_t len)
{
	k->path_len = len;
	k->path[len] = '\0';
}

static bool is_dots(const uint8_t *raw, unsigned dots)
{
	return memcmp(raw, dots == 1 ? ".          " : "..         ", 11) == 0;
}

/* Is the short name of slot P used by an earlier slot of its
   directory?  */
static int earlier_twin(struct fat_volume *v, const struct fat_dirpos *p,
			const uint8_t *sfn)
{
	struct fat_dirpos q;
	uint8_t *ent;
	int err;

	dir_rewind(v, p->first, &q);
	while (q.index < p->index) {
		err = dir_map(v, &q, FAT_B_READ, &ent);
		if (err)
			return err;
		if (ent[0] != DIR_FREE && memcmp(ent, sfn, 11) == 0 &&
		    (ent[DIR_ATTR] & ATTR_LFN_MASK) != ATTR_LFN &&
		    !(ent[DIR_ATTR] & FAT_ATTR_VOLUME))
			return 1;
		err = dir_step(v, &q);
		if (err)
			return err;
	}
	return 0;
}

/* Long-name runs, and (FAT_CHECK_NAMES) short names met twice, from the
   raw slots of the directory at P (rewound; its chain is sound).  */
static int check_slots(struct checker *k, struct fat_dirpos p)
{
	struct fat_volume *v = k->v;
	unsigned next_ord = 0;
	uint8_t sum = 0, sfn[11], *ent;
	int err;

	while (!p.end) {
		err = dir_map(v, &p, FAT_B_READ, &ent);
		if (err || ent[0] == DIR_END)
			return err;
		if (ent[0] == DIR_FREE) {
			if (next_ord)
				problem(k, FAT_CHECK_LFN, p.index, 0);
			next_ord = 0;
		} else if ((ent[DIR_ATTR] & ATTR_LFN_MASK) == ATTR_LFN) {
			unsigned ord = ent[LFN_ORD] & 0x3F;
			bool last = ent[LFN_ORD] & LFN_LAST;

			if (ord == 0 || ord > LFN_MAX_ENTRIES ||
			    (last && next_ord) ||
			    (!last && (ord + 1 != next_ord ||
				       ent[LFN_CHKSUM] != sum))) {
				problem(k, FAT_CHECK_LFN, p.index, 0);
				next_ord = 0;
			} else {
				sum = ent[LFN_CHKSUM];
				next_ord = ord;
			}
		} else {
			if (next_ord && (next_ord != 1 ||
					 fat_sfn_checksum(ent) != sum))
				problem(k, FAT_CHECK_LFN, p.index, 0);
			next_ord = 0;
			memcpy(sfn, ent, 11);
			if (!(ent[DIR_ATTR] & FAT_ATTR_VOLUME) &&
			    (k->flags & FAT_CHECK_NAMES)) {
				err = earlier_twin(v, &p, sfn);
				if (err < 0)
					return err;
				if (err)
					problem(k, FAT_CHECK_DUP_NAME, p.index,
						0);
			}
		}
		err = dir_step(v, &p);
		if (err)
			return err;
	}
	return 0;
}

static int check_dir(struct checker *k, uint32_t dir, uint32_t parent,
		     unsigned depth);

/* One short entry E of directory DIR (child of PARENT).  */
static int check_entry(struct checker *k, const struct fat_entry *e,
		       uint32_t dir, uint32_t parent, unsigned depth)
{
	struct fat_volume *v = k->v;
	uint32_t c = dir_cluster(v, e->raw), len, size, want;
	size_t saved;
	int err = 0;

	if (is_dots(e->raw, 1) || is_dots(e->raw, 2)) {
		bool dot = is_dots(e->raw, 1);
		uint32_t self = dir ? dir : v->root_cluster;

		want = dot ? self : parent;
		/* ".." of a child of the FAT32 root is 0; some systems
		   write the root's cluster, and dir_id_of reads both.  */
		if (!dot && want == 0 && v->type == 32 &&
		    c == v->root_cluster)
			c = 0;
		if (dir == 0 || e->sfn.index != (dot ? 0u : 1u) ||
		    !(e->raw[DIR_ATTR] & FAT_ATTR_DIR) || c != want)
			problem(k, FAT_CHECK_DOTS, c, want);
		return 0;
	}
	saved = path_push(k, e);
	if (e->raw[DIR_ATTR] & FAT_ATTR_DIR) {
		if (!fat_clus_ok(v, c) ||
		    (v->type == 32 && c == v->root_cluster))
			problem(k, FAT_CHECK_CHAIN, c, 0);
		else if (depth >= FAT_CHECK_DEPTH)
			problem(k, FAT_CHECK_TOO_DEEP, depth, 0);
		else
			err = check_dir(k, c, dir, depth + 1);
	} else if (claim(k, c, &len)) {
		size = get32(e->raw + DIR_FILE_SIZE);
		want = (uint32_t)(((uint64_t)size + v->cluster_bytes - 1) /
				  v->cluster_bytes);
		if (len != want)
			problem(k, FAT_CHECK_SIZE, size, len);
	}
	path_pop(k, saved);
	return err;
}

/* Directory DIR (0: the root), child of PARENT: claim its chain, then
   its slots and entries, depth first.  */
static int check_dir(struct checker *k, uint32_t dir, uint32_t parent,
		     unsigned depth)
{
	struct fat_volume *v = k->v;
	struct fat_dirpos p;
	struct fat_entry e;
	uint32_t len;
	int r;

	if ((dir != 0 || v->type == 32) &&
	    !claim(k, dir ? dir : v->root_cluster, &len))
		return 0;	/* reported; its entries cannot be trusted */
	dir_rewind(v, dir, &p);
	r = check_slots(k, p);
	if (r)
		return r;
	while ((r = dir_read(v, &p, &e)) > 0) {
		r = check_entry(k, &e, dir, parent, depth);
		if (r)
			return r;
	}
	return r;
}

/* What the pass over the FAT counts.  */
struct tally {
	struct checker *k;
	uint32_t bad, free_count, lost, first_lost;
};

static void tally_one(void *ctx, uint32_t c, uint32_t val)
{
	struct tally *t = ctx;

	if (val == 0)
		t->free_count++;
	if (val == 0 && owned(t->k, c))
		problem(t->k, FAT_CHECK_FREE_OWNED, c, 0);
	if (val != 0 && val != t->bad && !owned(t->k, c) && !t->lost++)
		t->first_lost = c;
}

/* The FAT against the bitmap; FSInfo's count against the FAT.  */
static int check_table(struct checker *k)
{
	struct fat_volume *v = k->v;
	struct tally t = { k, v->type == 32 ? FAT32_BAD : FAT16_BAD, 0, 0, 0 };
	uint32_t val;
	uint8_t *b;
	int err;

	err = fat_scan(v, tally_one, &t);
	if (err)
		return err;
	if (t.lost)
		problem(k, FAT_CHECK_LOST, t.lost, t.first_lost);
	if (v->type != 32)
		return 0;
	/* The mount forgot an FSInfo whose signatures are wrong; a BPB
	   that names no FSInfo sector is allowed.  */
	if (!v->fsinfo_sector) {
		err = fat_bget(v, 0, FAT_B_READ, &b);
		if (err)
			return err;
		val = get16(b + BPB32_FS_INFO);
		if (val >= 1 && val < v->fat0_start)
			problem(k, FAT_CHECK_FSINFO, val, 0);
		return 0;
	}
	err = fat_bget(v, v->fsinfo_sector, FAT_B_READ, &b);
	if (err)
		return err;
	val = get32(b + FSI_FREE_COUNT);
	if (val != t.free_count)
		problem(k, FAT_CHECK_FREE_COUNT, val, t.free_count);
	return 0;
}

/* The backup boot sector (FAT32) must equal sector 0.  */
static int check_backup(struct checker *k)
{
	struct fat_volume *v = k->v;
	uint8_t *b, first[FAT_SECTOR_SIZE];
	uint32_t bk;
	int err;

	if (v->type != 32)
		return 0;
	err = fat_bget(v, 0, FAT_B_READ, &b);
	if (err)
		return err;
	memcpy(first, b, sizeof(first));
	bk = get16(first + BPB32_BK_BOOT);
	if (bk == 0 || bk == 0xFFFF)
		return 0;
	if (bk >= v->fat0_start) {
		problem(k, FAT_CHECK_BACKUP_BOOT, bk, 0);
		return 0;
	}
	err = fat_bget(v, bk, FAT_B_READ, &b);
	if (err)
		return err;
	if (memcmp(first, b, sizeof(first)) != 0)
		problem(k, FAT_CHECK_BACKUP_BOOT, bk, 0);
	return 0;
}

size_t fat_check_bitmap_bytes(const struct fat_volume *v)
{
	if (!v || v->magic != FAT_MAGIC_VOLUME)
		return 0;
	return ((size_t)v->cluster_count + 2 + 7) / 8;
}

int fat_check(struct fat_volume *v, uint8_t *bitmap, size_t bytes,
	      unsigned flags, fat_check_report *report, void *ctx)
{
	struct checker k;
	bool same;
	int err = fat_check_vol(v, false);

	if (err)
		return err;
	if (!bitmap || bytes < fat_check_bitmap_bytes(v) ||
	    (flags & ~FAT_CHECK_NAMES))
		return FAT_EINVAL;
	k = (struct checker){ .v = v, .owned = bitmap, .flags = flags,
			      .report = report, .ctx = ctx };
	memset(bitmap, 0, fat_check_bitmap_bytes(v));
	/* With mirroring off, only the active copy is kept up to date.  */
	if (v->mirror) {
		err = fat_compare_copies(v, &same);
		if (!err && !same)
			problem(&k, FAT_CHECK_FAT_COPIES, 0, 0);
	}
	if (!err)
		err = check_dir(&k, 0, 0, 0);
	if (!err)
		err = check_table(&k);
	if (!err)
		err = check_backup(&k);
	return err ? err : k.problems;
}

/* Each kind's text and the names of its numbers a and b (NULL: none).  */
static const struct {
	const char *text, *a, *b;
} kinds[] = {
	[FAT_CHECK_FAT_COPIES] = { "the FAT copies differ", NULL, NULL },
	[FAT_CHECK_CHAIN] = { "cluster chain broken: out of range, looping, "
			      "or at a free or bad entry", "cluster", NULL },
	[FAT_CHECK_SHARED] = { "cluster owned by two chains (cross-linked)",
			       "cluster", NULL },
	[FAT_CHECK_SIZE] = { "file size does not match its chain", "bytes",
			     "clusters" },
	[FAT_CHECK_DOTS] = { "wrong \".\" or \"..\" entry", "cluster",
			     "expected" },
	[FAT_CHECK_LFN] = { "malformed long-name entries", "slot", NULL },
	[FAT_CHECK_DUP_NAME] = { "short name used twice", "slot", NULL },
	[FAT_CHECK_FREE_OWNED] = { "owned cluster marked free", "cluster",
				   NULL },
	[FAT_CHECK_LOST] = { "clusters in use but owned by nothing", "count",
			     "first" },
	[FAT_CHECK_FSINFO] = { "FSInfo signatures wrong", "sector", NULL },
	[FAT_CHECK_FREE_COUNT] = { "FSInfo free count wrong", "stored",
				   "real" },
	[FAT_CHECK_BACKUP_BOOT] = { "backup boot sector differs", "sector",
				    NULL },
	[FAT_CHECK_TOO_DEEP] = { "directory not checked: nested too deep",
				 "depth", NULL },
};

static bool known(unsigned kind)
{
	return kind < sizeof(kinds) / sizeof(kinds[0]) && kinds[kind].text;
}

const char *fat_check_text(unsigned kind)
{
	return known(kind) ? kinds[kind].text : "unknown problem";
}

const char *fat_check_label(unsigned kind, unsigned which)
{
	if (!known(kind))
		return NULL;
	return which == 0 ? kinds[kind].a : which == 1 ? kinds[kind].b : NULL;
}
