/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-fat-fuzz.c - random damage to metadata, then every operation.

   Each round restores a populated image (FAT16 7 MiB or FAT32 33 MiB,
   alternately), overwrites a few random bytes or FAT entries in the
   boot sector, the FATs and the directories, mounts (read-write or
   read-only) and runs a tree walk, full reads and a burst of changes.
   Results are ignored: what counts is that nothing crashes, hangs (an
   alarm watchdog) or touches sectors outside the device (memdev
   aborts).  Deterministic for a given seed.  */

#define _POSIX_C_SOURCE 200809L

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test-fat.h"

#define FUZZ_FAT32_SECTORS	(67584u)	/* 33 MiB */

static uint32_t rng;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return n ? rng % n : 0;
}

static unsigned round_no;

static void on_alarm(int sig)
{
	char msg[80];
	int n = snprintf(msg, sizeof(msg), "FAIL: fuzz: round %u hung\n",
			 round_no);

	(void)sig;
	if (write(1, msg, (size_t)n) < 0)
		_exit(3);
	_exit(1);
}

struct image {
	struct memdev m;
	uint32_t meta_end;	/* sectors before the data area */
	uint32_t dir_sectors[64];	/* sectors holding directories */
	unsigned ndirs;
};

static struct image images[2];

static void note_dir(struct image *im, const char *path)
{
	struct fat_stat st;
	const uint8_t *b = im->m.data;
	uint32_t fatsz = b[22] | b[23] << 8, data;

	if (fat_stat(&vol, path, &st) != 0 || st.first_cluster < 2 ||
	    im->ndirs == 64)
		return;
	if (!fatsz)
		fatsz = b[36] | b[37] << 8 | (uint32_t)b[38] << 16;
	data = (b[14] | b[15] << 8) + 2 * fatsz +
	       ((b[17] | b[18] << 8) * 32 + 511) / 512;
	im->dir_sectors[im->ndirs++] = data + (st.first_cluster - 2) *
				       b[13];
}

static void populate(void)
{
	char path[96];

	fat_mkdir(&vol, "/a");
	fat_mkdir(&vol, "/a/b");
	fat_mkdir(&vol, "/many");
	put_file("/big file.bin", 1, 200000, 65536);
	put_file("/a/b/deep.txt", 2, 3000, 1000);
	for (unsigned i = 0; i < 60; i++) {
		snprintf(path, sizeof(path), "/many/entry with a long name %u",
			 i);
		put_file(path, i, i * 100, 4096);
	}
	put_file("/SHORT.TXT", 3, 10, 10);
}

static void build(struct image *im, unsigned type)
{
	struct fat_format_params p = { .fat_type = type };
	struct fat_blockdev ops;
	const uint8_t *b;
	uint32_t fatsz;

	memdev_init(&im->m, type == 32 ? FUZZ_FAT32_SECTORS : 7 * 2048);
	ops = memdev_ops(&im->m, false);
	if (fat_format(&vol, &ops, &p) != 0)
		return;
	populate();
	b = im->m.data;
	fatsz = b[22] | b[23] << 8;
	if (!fatsz)
		fatsz = b[36] | b[37] << 8 | (uint32_t)b[38] << 16;
	im->meta_end = (b[14] | b[15] << 8) + 2 * fatsz +
		       ((b[17] | b[18] << 8) * 32 + 511) / 512;
	note_dir(im, "/");
	note_dir(im, "/a");
	note_dir(im, "/a/b");
	note_dir(im, "/many");
	fat_unmount(&vol);
}

/* Damage: bytes of the boot sector, FAT entries, directory slots.  */
static void damage(struct image *im)
{
	uint8_t *d = dev.data;
	unsigned n = 1 + rnd(6);

	for (unsigned i = 0; i < n; i++) {
		uint32_t where = rnd(10), off;
		uint8_t val = (uint8_t)rnd(256);

		if (where == 0) {
			off = rnd(512);
		} else if (where < 5 || im->ndirs == 0) {
			off = 512 * (1 + rnd(im->meta_end - 1)) + rnd(512);
			if (rnd(2))	/* a plausible cluster number */
				val = (uint8_t)rnd(8);
		} else {
			off = 512 * im->dir_sectors[rnd(im->ndirs)] + rnd(512);
		}
		d[off] = val;
	}
}

static void walk(const char *dir, unsigned depth)
{
	static uint8_t buf[8192];
	struct fat_dirent ent;
	struct fat_dir d;
	struct fat_file f;
	char path[1024];
	unsigned count = 0;

	if (depth > 6 || fat_opendir(&vol, dir, &d) != 0)
		return;
	while (fat_readdir(&d, &ent) > 0 && count++ < 200) {
		snprintf(path, sizeof(path), "%s/%s", dir, ent.name);
		fat_stat(&vol, path, &(struct fat_stat){ 0 });
		if (ent.st.attr & FAT_ATTR_DIR) {
			struct fat_dir save = d;

			walk(path, depth + 1);
			d = save;
		} else if (fat_open(&vol, path, FAT_O_READ, &f) == 0) {
			while (fat_read(&f, buf, sizeof(buf)) > 0)
				;
			fat_close(&f);
		}
	}
}

static void mutate(void)
{
	struct fat_file f;
	static uint8_t buf[5000];

	fat_mkdir(&vol, "/fuzz dir");
	put_file("/fuzz dir/new file.txt", 9, 5000, 1234);
	put_file("/many/entry with a long name 7", 9, 70000, 4096);
	fat_rename(&vol, "/a/b/deep.txt", "/many/moved here.txt");
	fat_rename(&vol, "/a/b", "/many/b moved");
	fat_unlink(&vol, "/big file.bin");
	fat_unlink(&vol, "/many/entry with a long name 3");
	fat_rmdir(&vol, "/a");
	if (fat_open(&vol, "/SHORT.TXT", FAT_O_RDWR, &f) == 0) {
		fat_seek(&f, 3000);
		fat_write(&f, buf, sizeof(buf));
		fat_truncate(&f, 100);
		fat_close(&f);
	}
	fat_statfs(&vol, &(struct fat_statfs){ 0 });
}

void run_fuzz(unsigned rounds, uint32_t seed)
{
	struct fat_blockdev ops;
	char msg[256];

	rng = seed ? seed : 1;
	build(&images[0], 16);
	build(&images[1], 32);
	memdev_free(&dev);
	signal(SIGALRM, on_alarm);
	for (round_no = 0; round_no < rounds; round_no++) {
		struct image *im = &images[round_no % 2];

		memdev_init(&dev, im->m.sectors);
		memcpy(dev.data, im->m.data, (size_t)dev.sectors * 512);
		damage(im);
		ops = memdev_ops(&dev, false);
		alarm(30);
		library_check(&dev, msg, sizeof(msg));
		if (fat_mount(&vol, &ops, rnd(4) ? 0 : FAT_MOUNT_RDONLY) == 0) {
			walk("", 0);
			mutate();
			walk("", 0);
			fat_unmount(&vol);
		}
		library_check(&dev, msg, sizeof(msg));
		alarm(0);
		memdev_free(&dev);
	}
	check(true, "fuzz damaged volumes never crash or hang", "-");
	memdev_free(&images[0].m);
	memdev_free(&images[1].m);
}
