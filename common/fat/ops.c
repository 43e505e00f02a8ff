/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* ops.c - operations on names: stat, mkdir, rmdir, unlink, rename,
   opendir/readdir.

   Layer: public API over path.c, diradd.c, dir.c, table.c, cache.c.

   Each mutating call checks everything it can (names, emptiness, the
   chain it will free) before it changes anything, and ends with
   fat_done() so that its changes are on the device when it returns.
   Order of changes: new entries first, old ones removed after, chains
   freed last; an interrupted call may leak clusters (fsck reclaims
   them) but never leaves an entry pointing at free clusters.  */

#include "fat-int.h"

static const uint8_t dot_name[11] = {
	'.', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '
};
static const uint8_t dotdot_name[11] = {
	'.', '.', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '
};

static void root_stat(struct fat_volume *v, struct fat_stat *st)
{
	static const struct fat_datetime t = { 1980, 1, 1, 0, 0, 0, 0 };

	memset(st, 0, sizeof(*st));
	st->attr = FAT_ATTR_DIR;
	st->first_cluster = v->type == 32 ? v->root_cluster : 0;
	st->ctime = t;
	st->mtime = t;
	st->atime = t;
}

int fat_stat(struct fat_volume *v, const char *path, struct fat_stat *st)
{
	struct fat_node node;
	int err = fat_check_vol(v, false);

	if (!err && !st)
		err = FAT_EINVAL;
	if (!err)
		err = path_lookup(v, path, &node);
	if (err)
		return err;
	if (node.root)
		root_stat(v, st);
	else
		fat_stat_from_raw(v, node.e.raw, st);
	return 0;
}

/* Write "." and ".." into the new directory cluster C of PARENT.  */
static int init_dir(struct fat_volume *v, uint32_t c, uint32_t parent)
{
	uint8_t *b;
	int err;

	err = fat_bget(v, fat_clus_sector(v, c), FAT_B_WRITE, &b);
	if (err)
		return err;
	memset(b, 0, 2 * FAT_DIRENT_SIZE);
	for (unsigned i = 0; i < 2; i++) {
		uint8_t *ent = b + i * FAT_DIRENT_SIZE;

		memcpy(ent, i ? dotdot_name : dot_name, 11);
		ent[DIR_ATTR] = FAT_ATTR_DIR;
		dir_set_cluster(ent, i ? parent : c);
		fat_stamp(v, ent, FAT_STAMP_CREATE | FAT_STAMP_WRITE |
			  FAT_STAMP_ACCESS);
	}
	return 0;
}

static int mkdir_in(struct fat_volume *v, const char *path)
{
	uint16_t name[FAT_NAME_MAX];
	uint8_t tmpl[FAT_DIRENT_SIZE];
	struct fat_entry e;
	uint32_t dir, c;
	unsigned n;
	int err;

	err = path_parent(v, path, &dir, name, &n);
	if (err)
		return err;
	err = dir_find(v, dir, name, n, &e);
	if (err == 0)
		return FAT_EEXIST;
	if (err != FAT_ENOENT)
		return err;
	err = fat_alloc(v, 0, true, &c);
	if (err)
		return err;
	err = init_dir(v, c, dir);
	if (!err) {
		memset(tmpl, 0, sizeof(tmpl));
		tmpl[DIR_ATTR] = FAT_ATTR_DIR;
		dir_set_cluster(tmpl, c);
		fat_stamp(v, tmpl, FAT_STAMP_CREATE | FAT_STAMP_WRITE |
			  FAT_STAMP_ACCESS);
		err = dir_add(v, dir, name, n, tmpl, NULL, &e);
	}
	if (err)
		fat_free_chain(v, c);
	return err;
}

int fat_mkdir(struct fat_volume *v, const char *path)
{
	int err = fat_check_vol(v, true);

	if (err)
		return err;
	return fat_done(v, mkdir_in(v, path));
}

/* Look PATH up for removal: not the root, a directory iff WANT_DIR, and
   a sound chain that no other chain joins.  */
static int find_victim(struct fat_volume *v, const char *path,
		       bool want_dir, struct fat_node *node)
{
	bool is_dir;
	int err;

	err = path_lookup(v, path, node);
	if (err)
		return err;
	if (node->root)
		return want_dir ? FAT_EINVAL : FAT_EISDIR;
	is_dir = node->e.raw[DIR_ATTR] & FAT_ATTR_DIR;
	if (is_dir != want_dir)
		return want_dir ? FAT_ENOTDIR : FAT_EISDIR;
	if (want_dir) {
		uint32_t d;

		err = dir_id_of(v, node->e.raw, &d);
		if (!err && d == 0)
			err = FAT_ECORRUPT;
		if (!err)
			err = dir_empty(v, d);
		if (err)
			return err;
	}
	return fat_chain_owned(v, dir_cluster(v, node->e.raw), 0);
}

static int remove_path(struct fat_volume *v, const char *path, bool dir)
{
	struct fat_node node;
	int err = fat_check_vol(v, true);

	if (err)
		return err;
	err = find_victim(v, path, dir, &node);
	if (!err)
		err = dir_remove(v, &node.e);
	if (!err)
		err = fat_free_chain(v, dir_cluster(v, node.e.raw));
	return fat_done(v, err);
}

int fat_rmdir(struct fat_volume *v, const char *path)
{
	return remove_path(v, path, true);
}

int fat_unlink(struct fat_volume *v, const char *path)
{
	return remove_path(v, path, false);
}

/* FAT_EINVAL when directory TARGET is SRC or lies below it.  */
static int check_not_below(struct fat_volume *v, uint32_t target,
			   uint32_t src)
{
	uint32_t d = target;
	int err;

	for (uint32_t steps = 0; steps <= v->cluster_count; steps++) {
		if (d == src)
			return FAT_EINVAL;
		if (d == 0)
			return 0;
		err = dir_parent(v, d, &d);
		if (err)
			return err;
	}
	return FAT_ECORRUPT;
}

/* Point the ".." of directory DIR at PARENT.  */
static int set_dotdot(struct fat_volume *v, uint32_t dir, uint32_t parent)
{
	struct fat_dirpos p;
	uint8_t *ent;
	int err;

	dir_rewind(v, dir, &p);
	err = dir_step(v, &p);
	if (!err)
		err = dir_map(v, &p, FAT_B_READ, &ent);
	if (!err && memcmp(ent, dotdot_name, 11) != 0)
		err = FAT_ECORRUPT;
	if (!err)
		err = dir_map(v, &p, FAT_B_WRITE, &ent);
	if (err)
		return err;
	dir_set_cluster(ent, parent);
	return 0;
}

static int rename_in(struct fat_volume *v, const char *oldpath,
		     const char *newpath)
{
	uint16_t name[FAT_NAME_MAX];
	struct fat_node src;
	struct fat_entry t;
	uint32_t ndir, sdir = 0;
	bool is_dir, same_dir;
	unsigned n;
	int err;

	err = path_lookup(v, oldpath, &src);
	if (!err && src.root)
		err = FAT_EINVAL;
	if (!err)
		err = path_parent(v, newpath, &ndir, name, &n);
	if (err)
		return err;
	is_dir = src.e.raw[DIR_ATTR] & FAT_ATTR_DIR;
	if (is_dir) {
		err = dir_id_of(v, src.e.raw, &sdir);
		if (!err)
			err = check_not_below(v, ndir, sdir);
		if (err)
			return err;
	}
	same_dir = ndir == src.parent;
	err = dir_find(v, ndir, name, n, &t);
	if (err == 0 && !(same_dir && t.sfn.index == src.e.sfn.index))
		return FAT_EEXIST;
	if (err != 0 && err != FAT_ENOENT)
		return err;
	err = dir_add(v, ndir, name, n, src.e.raw, same_dir ? &src.e : NULL,
		      &t);
	if (!err)
		err = dir_remove(v, &src.e);
	if (!err && is_dir && !same_dir)
		err = set_dotdot(v, sdir, ndir);
	return err;
}

int fat_rename(struct fat_volume *v, const char *oldpath,
	       const char *newpath)
{
	int err = fat_check_vol(v, true);

	if (err)
		return err;
	return fat_done(v, rename_in(v, oldpath, newpath));
}

int fat_opendir(struct fat_volume *v, const char *path, struct fat_dir *d)
{
	struct fat_node node;
	uint32_t dir = 0, len;
	int err = fat_check_vol(v, false);

	if (!err && !d)
		err = FAT_EINVAL;
	if (!err)
		err = path_lookup(v, path, &node);
	if (!err && !node.root) {
		if (!(node.e.raw[DIR_ATTR] & FAT_ATTR_DIR))
			err = FAT_ENOTDIR;
		else
			err = dir_id_of(v, node.e.raw, &dir);
	}
	/* A loop behind the end marker would go unseen by fat_readdir.  */
	if (!err && (dir != 0 || v->type == 32))
		err = fat_chain_length(v, dir ? dir : v->root_cluster, &len);
	if (err)
		return err;
	d->vol = v;
	d->magic = FAT_MAGIC_DIR;
	dir_rewind(v, dir, &d->pos);
	return 0;
}

int fat_readdir(struct fat_dir *d, struct fat_dirent *ent)
{
	struct fat_volume *v;
	struct fat_entry e;
	int r;

	if (!d || d->magic != FAT_MAGIC_DIR ||
	    fat_check_vol(d->vol, false) != 0)
		return FAT_EBADF;
	if (!ent)
		return FAT_EINVAL;
	v = d->vol;
	while ((r = dir_read(v, &d->pos, &e)) > 0) {
		if (memcmp(e.raw, dot_name, 11) == 0 ||
		    memcmp(e.raw, dotdot_name, 11) == 0)
			continue;
		if (e.name)
			fat_name_utf8(e.name, e.name_len, ent->name,
				      sizeof(ent->name));
		else
			fat_name_utf8(e.short_units, e.short_len, ent->name,
				      sizeof(ent->name));
		fat_sfn_string(e.raw, ent->short_name);
		fat_stat_from_raw(v, e.raw, &ent->st);
		return 1;
	}
	return r;
}
