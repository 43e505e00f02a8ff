/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-fat-mount.c - libFuzzer target: the FAT library (common/fat)
   mounting and walking arbitrary bytes.

   The input is the volume itself (whole 512-byte sectors; the device is
   as big as its boot sector says, zeros after the input), or, after the
   magic "SPRS", records of a 4-byte little-endian sector number and
   that sector's 512 bytes: a FAT32 volume is mostly zeros, and its seed
   stays small that way.  It is
   mounted read-only and walked: every directory listed, every entry
   stat'ed, every file read to its end; then mounted read-write and
   changed a little (a directory, a file written, renamed, removed).
   Any result is acceptable except a crash, a sanitizer report, a hang
   or an access outside the device (the device aborts).  */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <portix/fat.h>

#include "fuzz-fat.h"

/* Enough for the smallest FAT32 volume (65525 clusters); the device is
   allocated once and only what a run changed is cleared after it.  */
#define MAX_SECTORS 70000u
#define SPARSE_MAGIC "SPRS"
#define SPARSE_RECORD (4 + FAT_SECTOR_SIZE)
/* Bounds on the walk, so a deep or huge tree cannot time out.  */
#define MAX_DEPTH 8
#define MAX_READ_BYTES (1u << 20)

static uint32_t read_budget;

static void read_file(struct fat_volume *vol, const char *path)
{
	static uint8_t buf[4096];
	struct fat_file f;
	int32_t n;

	if (fat_open(vol, path, FAT_O_READ, &f) != 0)
		return;
	while (read_budget > 0 &&
	       (n = fat_read(&f, buf, sizeof(buf))) > 0)
		read_budget -= (uint32_t)n < read_budget ? (uint32_t)n
							   : read_budget;
	fat_close(&f);
}

static void walk(struct fat_volume *vol, const char *path, int depth)
{
	struct fat_dir dir;
	struct fat_dirent ent;
	struct fat_stat st;
	char child[512];

	if (depth > MAX_DEPTH || fat_opendir(vol, path, &dir) != 0)
		return;
	while (fat_readdir(&dir, &ent) > 0) {
		if (strcmp(ent.name, ".") == 0 || strcmp(ent.name, "..") == 0)
			continue;
		snprintf(child, sizeof(child), "%s/%s",
			 strcmp(path, "/") == 0 ? "" : path, ent.name);
		if (fat_stat(vol, child, &st) != 0)
			continue;
		if (st.attr & FAT_ATTR_DIR)
			walk(vol, child, depth + 1);
		else
			read_file(vol, child);
	}
}

static void change(struct fat_volume *vol)
{
	static const char text[] = "written by the fuzzer\n";
	struct fat_file f;

	fat_mkdir(vol, "/fz");
	if (fat_open(vol, "/fz/new file.txt",
		     FAT_O_WRITE | FAT_O_CREAT | FAT_O_TRUNC, &f) == 0) {
		fat_write(&f, text, sizeof(text) - 1);
		fat_truncate(&f, 5);
		fat_close(&f);
	}
	fat_rename(vol, "/fz/new file.txt", "/renamed");
	fat_unlink(vol, "/renamed");
	fat_rmdir(vol, "/fz");
}

static uint32_t le32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The device's size: what the input covers, or what boot sector B
   (NULL: none) says if that is more; at most MAX_SECTORS.  */
static uint64_t device_sectors(uint64_t covered, const uint8_t *b)
{
	uint64_t n = covered;

	if (b) {
		uint32_t total = b[19] | b[20] << 8;

		if (total == 0)
			total = le32(b + 32);
		if (total > n)
			n = total;
	}
	return n > MAX_SECTORS ? MAX_SECTORS : n;
}

/* Put the input into D; return the device's size in sectors (0: none).  */
static uint64_t load(struct fuzz_dev *d, const uint8_t *data, size_t size)
{
	size_t magic = sizeof(SPARSE_MAGIC) - 1;
	const uint8_t *boot = NULL;
	uint64_t covered = 0, n;

	if (size < magic || memcmp(data, SPARSE_MAGIC, magic) != 0) {
		covered = size / FAT_SECTOR_SIZE;
		if (covered == 0)
			return 0;
		n = device_sectors(covered, data);
		if (covered > n)
			covered = n;
		memcpy(d->m.data, data, (size_t)covered * FAT_SECTOR_SIZE);
		fuzz_dev_mark(d, 0, covered);
		return n;
	}
	for (size_t at = magic; at + SPARSE_RECORD <= size;
	     at += SPARSE_RECORD) {
		uint32_t lba = le32(data + at);

		if (lba == 0)
			boot = data + at + 4;
		if (lba < MAX_SECTORS && lba + 1u > covered)
			covered = lba + 1u;
	}
	if (covered == 0)
		return 0;
	n = device_sectors(covered, boot);
	for (size_t at = magic; at + SPARSE_RECORD <= size;
	     at += SPARSE_RECORD) {
		uint32_t lba = le32(data + at);

		if (lba < n) {
			memcpy(d->m.data + (size_t)lba * FAT_SECTOR_SIZE,
			       data + at + 4, FAT_SECTOR_SIZE);
			fuzz_dev_mark(d, lba, 1);
		}
	}
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fuzz_dev dev;
	struct fat_volume vol;
	struct fat_statfs sfs;
	struct fat_blockdev ops;
	uint64_t sectors;

	if (!dev.m.data)
		fuzz_dev_init(&dev, MAX_SECTORS, NULL);
	sectors = load(&dev, data, size);
	if (sectors == 0) {
		fuzz_dev_reset(&dev);
		return 0;
	}
	ops = fuzz_dev_ops(&dev, sectors);

	if (fat_mount(&vol, &ops, FAT_MOUNT_RDONLY) == 0) {
		read_budget = MAX_READ_BYTES;
		fat_statfs(&vol, &sfs);
		walk(&vol, "/", 0);
		fat_unmount(&vol);
	}
	if (fat_mount(&vol, &ops, 0) == 0) {
		read_budget = MAX_READ_BYTES;
		change(&vol);
		walk(&vol, "/", 0);
		fat_unmount(&vol);
	}
	fuzz_dev_reset(&dev);
	return 0;
}
