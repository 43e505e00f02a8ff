/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-fat-image.c - image files for judges we did not write.

   test-fat image mkimg IMG SIZE_MB TYPE EXPECTDIR [full]
       Format a SIZE_MB partition image (TYPE 0 = by size, 16, 32), fill
       it with a fixed tree (short and long names, aliases, Unicode,
       nested directories, multi-cluster files, a deleted, a renamed and
       a truncated file; "full": then a file until FAT_ENOSPC), write
       every file's expected bytes under EXPECTDIR and print one line per
       file: "PATH<TAB>EXPECTED-FILE".  fsck.fat and mtools then judge
       IMG.
   test-fat image cat IMG PATH            print PATH's bytes
   test-fat image verify IMG PATH HOST    PATH must equal file HOST
   test-fat image ls IMG PATH             "name<TAB>short<TAB>size" lines
   test-fat image check IMG               mount, walk, independent fsck
   Exit status 0 on success, 1 on a failed check, 2 on usage errors.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-fat.h"

struct spec {
	const char *path;
	uint32_t size;		/* UINT32_MAX: a directory */
};

#define DIR UINT32_MAX

static const struct spec tree[] = {
	{ "/README.TXT", 1000 },
	{ "/readme2.txt", 777 },
	{ "/A long file name.txt", 5000 },
	{ "/empty.dat", 0 },
	{ "/emptydir", DIR },
	{ "/Documents", DIR },
	{ "/Documents/report 2024 final version.pdf", 300000 },
	{ "/Documents/Sub Dir", DIR },
	{ "/Documents/Sub Dir/deep", DIR },
	{ "/Documents/Sub Dir/deep/file.bin", 70000 },
	{ "/unicode caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac.txt", 4321 },
	{ "/big.bin", 2500000 },
};

static const char *image_path;

/* The manifest: image path and expected-bytes file of each file.  */
#define MAX_FILES 64
static char manifest[MAX_FILES][2][512];
static unsigned nfiles;

/* Files under directory FROM now live under TO.  */
static void moved(const char *from, const char *to)
{
	size_t n = strlen(from);

	for (unsigned i = 0; i < nfiles; i++) {
		char *p = manifest[i][0], tmp[512];

		if (strncmp(p, from, n) == 0 && (p[n] == '/' || p[n] == 0)) {
			snprintf(tmp, sizeof(tmp), "%s%s", to, p + n);
			strcpy(p, tmp);
		}
	}
}

static int fail(const char *what, int r)
{
	fprintf(stderr, "test-fat: %s: %s: %s\n", image_path, what,
		fat_strerror(r));
	return 1;
}

static int mount_file(struct memdev *m, struct fat_volume *v,
		      unsigned flags)
{
	struct fat_blockdev ops;
	int r;

	if (memdev_load(m, image_path) != 0) {
		fprintf(stderr, "test-fat: %s: cannot read\n", image_path);
		return -1;
	}
	ops = memdev_ops(m, false);
	r = fat_mount(v, &ops, flags);
	if (r) {
		fail("mount", r);
		return -1;
	}
	return 0;
}

/* Write SIZE pattern bytes of SEED to PATH on the volume and to HOST.  */
static int write_both(const char *path, uint32_t seed, uint32_t size,
		      const char *host)
{
	FILE *f = fopen(host, "wb");
	static uint8_t buf[65536];
	int r;

	if (!f)
		return FAT_EIO;
	for (uint32_t off = 0; off < size; off += sizeof(buf)) {
		uint32_t n = size - off < sizeof(buf) ? size - off :
			     (uint32_t)sizeof(buf);

		pattern_fill(buf, n, seed, off);
		fwrite(buf, 1, n, f);
	}
	if (fclose(f) != 0)
		return FAT_EIO;
	r = put_file(path, seed, size, 3001);
	if (r == 0 && nfiles < MAX_FILES) {
		snprintf(manifest[nfiles][0], 512, "%s", path);
		snprintf(manifest[nfiles][1], 512, "%s", host);
		nfiles++;
	}
	return r;
}

static int mkimg(char **argv, int argc)
{
	struct fat_format_params p = { .label = "PORTIX", .serial = 0x2024 };
	struct fat_blockdev ops;
	struct fat_file f;
	char host[1024], path[128];
	bool full = argc > 4 && strcmp(argv[4], "full") == 0;
	int r = 0;

	p.fat_type = (unsigned)atoi(argv[2]);
	memdev_init(&dev, (uint64_t)atoi(argv[1]) * 2048);
	ops = memdev_ops(&dev, false);
	r = fat_format(&vol, &ops, &p);
	if (r)
		return fail("format", r);
	for (size_t i = 0; i < sizeof(tree) / sizeof(tree[0]) && !r; i++) {
		snprintf(host, sizeof(host), "%s/f%zu", argv[3], i);
		r = tree[i].size == DIR ? fat_mkdir(&vol, tree[i].path) :
		    write_both(tree[i].path, (uint32_t)i, tree[i].size, host);
	}
	for (unsigned i = 1; i <= 12 && !r; i++) {
		snprintf(path, sizeof(path), "/Documents/longfilename%02u.txt",
			 i);
		snprintf(host, sizeof(host), "%s/l%u", argv[3], i);
		r = write_both(path, 100 + i, 100 * i, host);
	}
	/* Deleted, renamed, truncated.  */
	if (!r)
		r = put_file("/deleted file.tmp", 5, 20000, 4096);
	if (!r)
		r = fat_unlink(&vol, "/deleted file.tmp");
	snprintf(host, sizeof(host), "%s/renamed", argv[3]);
	if (!r)
		r = write_both("/old name.txt", 6, 6000, host);
	if (!r)
		r = fat_rename(&vol, "/old name.txt",
			       "/Documents/Sub Dir/new name.txt");
	moved("/old name.txt", "/Documents/Sub Dir/new name.txt");
	if (!r)
		r = fat_rename(&vol, "/Documents/Sub Dir/deep", "/deep moved");
	moved("/Documents/Sub Dir/deep", "/deep moved");
	if (!r) {
		snprintf(host, sizeof(host), "%s/trunc", argv[3]);
		r = write_both("/trunc.bin", 7, 12345, host);
	}
	if (!r && (r = fat_open(&vol, "/trunc.bin", FAT_O_RDWR, &f)) == 0) {
		fat_truncate(&f, 50000);
		fat_truncate(&f, 12345);
		fat_close(&f);
	}
	if (r)
		return fail("populate", r);
	if (full) {
		r = put_file("/filler.bin", 8, UINT32_MAX / 2, 65536);
		if (r != FAT_ENOSPC)
			return fail("filling the volume", r);
	}
	r = fat_unmount(&vol);
	if (r)
		return fail("unmount", r);
	if (memdev_save(&dev, image_path) != 0)
		return fail("write", FAT_EIO);
	for (unsigned i = 0; i < nfiles; i++)
		printf("%s\t%s\n", manifest[i][0], manifest[i][1]);
	return 0;
}

static int cat(const char *path)
{
	static uint8_t buf[65536];
	struct fat_file f;
	int32_t n;
	int r;

	if (mount_file(&dev, &vol, FAT_MOUNT_RDONLY))
		return 1;
	r = fat_open(&vol, path, FAT_O_READ, &f);
	if (r)
		return fail(path, r);
	while ((n = fat_read(&f, buf, sizeof(buf))) > 0)
		fwrite(buf, 1, (size_t)n, stdout);
	return n < 0 ? fail(path, n) : 0;
}

static int verify(const char *path, const char *hostpath)
{
	static uint8_t a[65536], b[65536];
	FILE *h = fopen(hostpath, "rb");
	struct fat_file f;
	int32_t n;
	int r;

	if (!h || mount_file(&dev, &vol, FAT_MOUNT_RDONLY))
		return 1;
	r = fat_open(&vol, path, FAT_O_READ, &f);
	if (r)
		return fail(path, r);
	while ((n = fat_read(&f, a, sizeof(a))) > 0) {
		if (fread(b, 1, (size_t)n, h) != (size_t)n ||
		    memcmp(a, b, (size_t)n) != 0) {
			fprintf(stderr, "test-fat: %s differs from %s\n", path,
				hostpath);
			return 1;
		}
	}
	if (n < 0)
		return fail(path, n);
	if (fgetc(h) != EOF) {
		fprintf(stderr, "test-fat: %s is shorter than %s\n", path,
			hostpath);
		return 1;
	}
	fclose(h);
	return 0;
}

static int ls(const char *path)
{
	struct fat_dirent ent;
	struct fat_dir d;
	int r;

	if (mount_file(&dev, &vol, FAT_MOUNT_RDONLY))
		return 1;
	r = fat_opendir(&vol, path, &d);
	while (r == 0 && (r = fat_readdir(&d, &ent)) > 0) {
		printf("%s\t%s\t%u%s\n", ent.name, ent.short_name,
		       ent.st.size,
		       ent.st.attr & FAT_ATTR_DIR ? "\t<DIR>" : "");
		r = 0;
	}
	return r < 0 ? fail(path, r) : 0;
}

static int check_image(void)
{
	char msg[256];

	if (mount_file(&dev, &vol, FAT_MOUNT_RDONLY))
		return 1;
	if (fat_unmount(&vol) != 0 || fat_fsck(&dev, msg, sizeof(msg)) != 0) {
		fprintf(stderr, "test-fat: %s: %s\n", image_path, msg);
		return 1;
	}
	return 0;
}

int image_main(int argc, char **argv)
{
	if (argc < 2)
		goto usage;
	image_path = argv[1];
	if (strcmp(argv[0], "mkimg") == 0 && argc >= 5)
		return mkimg(argv + 1, argc - 1);
	if (strcmp(argv[0], "cat") == 0 && argc == 3)
		return cat(argv[2]);
	if (strcmp(argv[0], "verify") == 0 && argc == 4)
		return verify(argv[2], argv[3]);
	if (strcmp(argv[0], "ls") == 0 && argc == 3)
		return ls(argv[2]);
	if (strcmp(argv[0], "check") == 0 && argc == 2)
		return check_image();
usage:
	fputs("usage: test-fat image mkimg IMG SIZE_MB TYPE EXPECTDIR [full]\n"
	      "       test-fat image cat|ls IMG PATH\n"
	      "       test-fat image verify IMG PATH HOSTFILE\n"
	      "       test-fat image check IMG\n", stderr);
	return 2;
}
