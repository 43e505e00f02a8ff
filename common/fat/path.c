/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* path.c - from a path to a directory entry.

   Layer: above dir.c and name.c; used by file.c and ops.c.

   Paths are walked one component at a time from the root; "." stays
   and ".." follows the directory's ".." entry (the root's parent is the
   root), so the walk is physical, not textual:
     path_lookup("/a/b/../c")  looks up a, b, then c inside a.
   A path is bounded by its length, every lookup by its directory.
   Every directory passed through has its chain checked first.  */

#include "fat-int.h"

static bool is_dots(const char *c, size_t len, size_t dots)
{
	return len == dots && c[0] == '.' && (dots == 1 || c[1] == '.');
}

/* Find the entry of directory CLUS inside directory DIR.  */
static int find_cluster(struct fat_volume *v, uint32_t dir, uint32_t clus,
			struct fat_entry *e)
{
	struct fat_dirpos p;
	int r;

	dir_rewind(v, dir, &p);
	while ((r = dir_read(v, &p, e)) > 0)
		if ((e->raw[DIR_ATTR] & FAT_ATTR_DIR) && e->raw[0] != '.' &&
		    dir_cluster(v, e->raw) == clus)
			return 0;
	return r < 0 ? r : FAT_ECORRUPT;
}

/* Move NODE from directory CUR to CUR's parent.  */
static int go_up(struct fat_volume *v, uint32_t cur, struct fat_node *node)
{
	uint32_t parent, grand;
	int err;

	err = dir_parent(v, cur, &parent);
	if (err)
		return err;
	if (parent == 0) {
		node->root = true;
		node->parent = 0;
		return 0;
	}
	err = dir_parent(v, parent, &grand);
	if (!err)
		err = find_cluster(v, grand, parent, &node->e);
	if (err)
		return err;
	node->root = false;
	node->parent = grand;
	return 0;
}

/* The directory NODE names, as an id; FAT_ENOTDIR for a file.  */
static int node_dir(struct fat_volume *v, const struct fat_node *node,
		    uint32_t *dir)
{
	if (node->root) {
		*dir = 0;
		return 0;
	}
	if (!(node->e.raw[DIR_ATTR] & FAT_ATTR_DIR))
		return FAT_ENOTDIR;
	return dir_id_of(v, node->e.raw, dir);
}

static int walk(struct fat_volume *v, const char *s, size_t len,
		struct fat_node *node)
{
	uint16_t name[FAT_NAME_MAX];
	size_t i = 0;
	uint32_t cur;
	unsigned n;
	int err;

	node->root = true;
	node->parent = 0;
	while (i < len) {
		const char *c;
		size_t clen;

		while (i < len && s[i] == '/')
			i++;
		if (i == len)
			break;
		c = s + i;
		while (i < len && s[i] != '/')
			i++;
		clen = (size_t)(s + i - c);
		err = node_dir(v, node, &cur);
		if (!err)
			err = dir_verify(v, cur);
		if (err)
			return err;
		if (is_dots(c, clen, 1))
			continue;
		if (is_dots(c, clen, 2)) {
			err = go_up(v, cur, node);
			if (err)
				return err;
			continue;
		}
		err = fat_name_parse(c, clen, name, &n);
		if (!err)
			err = dir_find(v, cur, name, n, &node->e);
		if (err)
			return err;
		node->root = false;
		node->parent = cur;
	}
	/* "file/" names a directory that is not one.  */
	if (len > 0 && s[len - 1] == '/' && !node->root &&
	    !(node->e.raw[DIR_ATTR] & FAT_ATTR_DIR))
		return FAT_ENOTDIR;
	return 0;
}

int path_lookup(struct fat_volume *v, const char *path,
		struct fat_node *node)
{
	if (!path)
		return FAT_EINVAL;
	return walk(v, path, strlen(path), node);
}

int path_parent(struct fat_volume *v, const char *path, uint32_t *dir,
		uint16_t *name, unsigned *n)
{
	struct fat_node node;
	size_t len, start;
	int err;

	if (!path)
		return FAT_EINVAL;
	len = strlen(path);
	while (len > 0 && path[len - 1] == '/')
		len--;
	start = len;
	while (start > 0 && path[start - 1] != '/')
		start--;
	if (start == len || is_dots(path + start, len - start, 1) ||
	    is_dots(path + start, len - start, 2))
		return FAT_EINVAL;
	err = walk(v, path, start, &node);
	if (!err)
		err = node_dir(v, &node, dir);
	if (!err)
		err = dir_verify(v, *dir);
	if (!err)
		err = fat_name_parse(path + start, len - start, name, n);
	return err;
}
