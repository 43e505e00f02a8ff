/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-fat-ops.c - libFuzzer target: sequences of FAT operations,
   checked against a model and an independent fsck.

   A fresh volume (FAT16, or FAT32 when the first byte is odd) is taken
   from a template formatted once.  Each following group of three bytes
   is an operation on one of a few fixed paths (some nested, one long
   name): write, append, truncate, unlink, mkdir, rmdir, rename, read,
   remount.  The model predicts whether each succeeds; the library must
   agree, and must never fail for want of space (the files are small).
   At the end every path is compared with the model (type, size, bytes),
   every directory lists exactly the model's children, and fat_fsck
   (tools/tests/test-fat-fsck.c, written apart from common/fat) finds
   the volume consistent.  A disagreement aborts.  */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <portix/fat.h>

#include "fuzz-fat.h"

#define FAT16_SECTORS 4400u		/* just over 4085 clusters */
#define FAT32_SECTORS 67584u		/* 33 MiB: just over 65525 */
#define MAX_FILE 8192u
#define N_PATHS 8

/* The paths, and the index of each one's parent (-1: the root).  */
static const struct {
	const char *path;
	const char *name;
	int parent;
} paths[N_PATHS] = {
	{ "/D", "D", -1 },
	{ "/D/E", "E", 0 },
	{ "/a", "a", -1 },
	{ "/b.txt", "b.txt", -1 },
	{ "/D/c", "c", 0 },
	{ "/D/E/A long file name, needing several entries.dat",
	  "A long file name, needing several entries.dat", 1 },
	{ "/D/x", "x", 0 },
	{ "/D/E/zz", "zz", 1 },
};

struct node {
	bool exists, is_dir;
	uint32_t size;
	uint8_t data[MAX_FILE];
};

static struct node model[N_PATHS];
/* Each type's freshly formatted volume, and a device restored to it
   after each run.  */
static struct memdev templates[2];
static struct fuzz_dev devs[2];
static struct fuzz_dev *dev_;
static struct fat_volume vol_;
static struct fat_blockdev ops_;

static void fail(const char *what, int i, int rc)
{
	fprintf(stderr, "fuzz-fat-ops: %s %s: %d (%s)\n", what,
		i >= 0 ? paths[i].path : "", rc, fat_strerror(rc));
	abort();
}

static void make_template(struct memdev *m, uint64_t sectors,
			  unsigned type)
{
	struct fat_format_params p = { .fat_type = type, .serial = 1,
				       .sectors_per_cluster = 1 };
	struct fat_blockdev ops;
	struct fat_volume vol;
	int rc;

	memdev_init(m, sectors);
	ops = memdev_ops(m, false);
	rc = fat_format(&vol, &ops, &p);
	if (rc != 0 || fat_unmount(&vol) != 0)
		fail("format", -1, rc);
}

static bool parent_is_dir(int i)
{
	int p = paths[i].parent;

	return p < 0 || (model[p].exists && model[p].is_dir);
}

static bool has_children(int i)
{
	for (int k = 0; k < N_PATHS; k++)
		if (paths[k].parent == i && model[k].exists)
			return true;
	return false;
}

/* Whether path I lies in the subtree of path J (or is J).  */
static bool inside(int i, int j)
{
	for (; i >= 0; i = paths[i].parent)
		if (i == j)
			return true;
	return false;
}

static void fill(uint8_t *buf, uint32_t len, uint8_t seed)
{
	for (uint32_t k = 0; k < len; k++)
		buf[k] = (uint8_t)(seed + k * 7 + (k >> 8));
}

/* The library's result RC against the model's prediction OK.  */
static void expect(const char *what, int i, bool ok, int rc)
{
	if (ok != (rc >= 0))
		fail(what, i, rc);
}

static void op_write(int i, uint8_t arg, bool append)
{
	static uint8_t buf[MAX_FILE];
	struct node *n = &model[i];
	uint32_t len = (uint32_t)arg * 29 % 4000;
	bool ok = append ? n->exists && !n->is_dir :
		  parent_is_dir(i) && !(n->exists && n->is_dir);
	struct fat_file f;
	unsigned flags = FAT_O_WRITE |
			 (append ? FAT_O_APPEND : FAT_O_CREAT | FAT_O_TRUNC);
	int32_t w;
	int rc;

	if (append && n->exists && n->size + len > MAX_FILE)
		len = MAX_FILE - n->size;
	rc = fat_open(&vol_, paths[i].path, flags, &f);
	expect(append ? "append" : "write", i, ok, rc);
	if (rc < 0)
		return;
	fill(buf, len, arg);
	w = fat_write(&f, buf, len);
	if (w != (int32_t)len)
		fail("fat_write", i, w);
	fat_close(&f);
	if (!append) {
		n->exists = true;
		n->is_dir = false;
		n->size = 0;
	}
	memcpy(n->data + n->size, buf, len);
	n->size += len;
}

static void op_truncate(int i, uint8_t arg)
{
	struct node *n = &model[i];
	bool ok = n->exists && !n->is_dir;
	struct fat_file f;
	uint32_t size;
	int rc;

	rc = fat_open(&vol_, paths[i].path, FAT_O_WRITE, &f);
	expect("open to truncate", i, ok, rc);
	if (rc < 0)
		return;
	/* Shorter, or longer (zero-filled) within the model's room.  */
	size = (uint32_t)arg * 37 % MAX_FILE;
	rc = fat_truncate(&f, size);
	fat_close(&f);
	if (rc != 0)
		fail("fat_truncate", i, rc);
	if (size > n->size)
		memset(n->data + n->size, 0, size - n->size);
	n->size = size;
}

static void op_unlink(int i)
{
	bool ok = model[i].exists && !model[i].is_dir;

	expect("unlink", i, ok, fat_unlink(&vol_, paths[i].path));
	if (ok)
		model[i].exists = false;
}

static void op_mkdir(int i)
{
	bool ok = parent_is_dir(i) && !model[i].exists;

	expect("mkdir", i, ok, fat_mkdir(&vol_, paths[i].path));
	if (ok) {
		model[i].exists = model[i].is_dir = true;
		model[i].size = 0;
	}
}

static void op_rmdir(int i)
{
	bool ok = model[i].exists && model[i].is_dir && !has_children(i);

	expect("rmdir", i, ok, fat_rmdir(&vol_, paths[i].path));
	if (ok)
		model[i].exists = false;
}

/* Rename I to J when the outcome is clear: J free, its parent a
   directory, I a file or an empty directory not above J.  */
static void op_rename(int i, int j)
{
	bool ok;

	if (model[j].exists || i == j)
		return;
	if (model[i].exists && model[i].is_dir && has_children(i))
		return;
	ok = model[i].exists && parent_is_dir(j) && !inside(j, i);
	expect("rename", i, ok, fat_rename(&vol_, paths[i].path,
					   paths[j].path));
	if (ok) {
		model[j] = model[i];
		model[i].exists = false;
	}
}

static void compare_file(int i)
{
	static uint8_t buf[MAX_FILE + 1];
	struct fat_file f;
	int32_t n;
	int rc;

	rc = fat_open(&vol_, paths[i].path, FAT_O_READ, &f);
	if (rc != 0)
		fail("open to read", i, rc);
	n = fat_read(&f, buf, sizeof(buf));
	fat_close(&f);
	if (n != (int32_t)model[i].size ||
	    memcmp(buf, model[i].data, model[i].size) != 0)
		fail("contents differ", i, n);
}

static void op_read(int i)
{
	struct fat_file f;
	int rc;

	if (model[i].exists && !model[i].is_dir) {
		compare_file(i);
		return;
	}
	rc = fat_open(&vol_, paths[i].path, FAT_O_READ, &f);
	if (rc == 0) {
		fat_close(&f);
		fail("a directory or nothing opened as a file", i, rc);
	}
}

static void remount_volume(void)
{
	int rc = fat_unmount(&vol_);

	if (rc == 0)
		rc = fat_mount(&vol_, &ops_, 0);
	if (rc != 0)
		fail("remount", -1, rc);
}

/* The children of directory DIR (-1: root) the library lists must be
   the model's, by name.  */
static void compare_dir(int dir)
{
	bool seen[N_PATHS] = { false };
	struct fat_dirent ent;
	struct fat_dir d;
	int rc;

	rc = fat_opendir(&vol_, dir < 0 ? "/" : paths[dir].path, &d);
	if (rc != 0)
		fail("opendir", dir, rc);
	while ((rc = fat_readdir(&d, &ent)) > 0) {
		int k;

		if (strcmp(ent.name, ".") == 0 || strcmp(ent.name, "..") == 0)
			continue;
		for (k = 0; k < N_PATHS; k++)
			if (paths[k].parent == dir && model[k].exists &&
			    strcmp(paths[k].name, ent.name) == 0)
				break;
		if (k == N_PATHS || seen[k])
			fail("unexpected entry in", dir, 0);
		seen[k] = true;
	}
	if (rc < 0)
		fail("readdir", dir, rc);
	for (int k = 0; k < N_PATHS; k++)
		if (paths[k].parent == dir && model[k].exists && !seen[k])
			fail("missing from its directory", k, 0);
}

static void compare_all(void)
{
	char msg[256];

	compare_dir(-1);
	for (int i = 0; i < N_PATHS; i++) {
		struct fat_stat st;
		int rc = fat_stat(&vol_, paths[i].path, &st);

		if (model[i].exists != (rc == 0))
			fail("stat disagrees", i, rc);
		if (!model[i].exists)
			continue;
		if (model[i].is_dir != ((st.attr & FAT_ATTR_DIR) != 0))
			fail("type differs", i, 0);
		if (model[i].is_dir)
			compare_dir(i);
		else
			compare_file(i);
	}
	if (fat_fsck(&dev_->m, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "fuzz-fat-ops: fsck: %s\n", msg);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	int rc;

	if (size < 1)
		return 0;
	if (!templates[0].data) {
		make_template(&templates[0], FAT16_SECTORS, 16);
		make_template(&templates[1], FAT32_SECTORS, 32);
		for (int t = 0; t < 2; t++)
			fuzz_dev_init(&devs[t], templates[t].sectors,
				      templates[t].data);
	}
	dev_ = &devs[data[0] & 1];
	ops_ = fuzz_dev_ops(dev_, dev_->capacity);
	memset(model, 0, sizeof(model));
	rc = fat_mount(&vol_, &ops_, 0);
	if (rc != 0)
		fail("mount", -1, rc);

	for (size_t k = 1; k + 3 <= size; k += 3) {
		int i = data[k + 1] % N_PATHS;
		uint8_t arg = data[k + 2];

		switch (data[k] % 9) {
		case 0: op_write(i, arg, false); break;
		case 1: op_write(i, arg, true); break;
		case 2: op_truncate(i, arg); break;
		case 3: op_unlink(i); break;
		case 4: op_mkdir(i); break;
		case 5: op_rmdir(i); break;
		case 6: op_rename(i, arg % N_PATHS); break;
		case 7: op_read(i); break;
		default: remount_volume(); break;
		}
	}
	fat_unmount(&vol_);
	rc = fat_mount(&vol_, &ops_, 0);
	if (rc != 0)
		fail("final mount", -1, rc);
	compare_all();
	fat_unmount(&vol_);
	fuzz_dev_reset(dev_);
	return 0;
}
