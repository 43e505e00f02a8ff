/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-fat-unit.c - functional tests: format, files, directories,
   rename, delete, truncate, full disk, read-only and I/O errors.

   Each scenario formats a fresh in-memory volume (FAT16: 7 MiB, the
   data partition of the default 8 MiB image; FAT32: 64 MiB), runs its
   operations, checks results and finally runs the independent checker
   of test-fat-fsck.c over the image.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <portix/le.h>

#include "test-fat.h"

#define FAT16_SECTORS	(7u * 2048)
#define FAT32_SECTORS	(64u * 2048)

struct memdev dev;
struct fat_volume vol;

static uint32_t sectors_for(unsigned type)
{
	return type == 32 ? FAT32_SECTORS : FAT16_SECTORS;
}

/* Format a fresh volume of TYPE; false (and a FAIL) if that fails.  */
bool fresh(unsigned type, const char *name)
{
	struct fat_format_params p = {
		.fat_type = type, .hidden_sectors = 2048,
		.serial = 0x1234ABCD, .label = "PortixTest",
	};
	struct fat_blockdev ops;
	int r;

	memdev_free(&dev);
	memdev_init(&dev, sectors_for(type));
	dev.clock = (struct fat_datetime){ 2024, 5, 6, 7, 8, 10, 42 };
	ops = memdev_ops(&dev, true);
	r = fat_format(&vol, &ops, &p);
	if (r != 0)
		check(false, name, "fat_format: %s", fat_strerror(r));
	return r == 0;
}

int remount(unsigned flags)
{
	struct fat_blockdev ops = memdev_ops(&dev, true);
	int r = fat_unmount(&vol);

	/* FAT_EINVAL: it was not mounted.  */
	return r && r != FAT_EINVAL ? r : fat_mount(&vol, &ops, flags);
}

uint32_t free_clusters(void)
{
	struct fat_statfs st;

	return fat_statfs(&vol, &st) == 0 ? st.free_clusters : 0;
}

/* Write SIZE pattern bytes (seed SEED) to PATH in CHUNK-byte writes.  */
int put_file(const char *path, uint32_t seed, uint32_t size,
		    uint32_t chunk)
{
	static uint8_t buf[1 << 16];
	struct fat_file f;
	uint32_t off = 0;
	int r;

	r = fat_open(&vol, path, FAT_O_WRITE | FAT_O_CREAT | FAT_O_TRUNC, &f);
	while (r == 0 && off < size) {
		uint32_t n = size - off < chunk ? size - off : chunk;
		int32_t w;

		if (n > sizeof(buf))
			n = sizeof(buf);
		pattern_fill(buf, n, seed, off);
		w = fat_write(&f, buf, n);
		if (w < 0)
			r = w;
		else if ((uint32_t)w != n)
			r = FAT_ENOSPC;
		off += n;
	}
	if (r == 0)
		r = fat_close(&f);
	return r;
}

/* 0 when PATH holds exactly SIZE pattern bytes of SEED (read in CHUNK
   pieces); -100 on a mismatch.  */
int get_file(const char *path, uint32_t seed, uint32_t size,
		    uint32_t chunk)
{
	static uint8_t buf[1 << 16], want[1 << 16];
	struct fat_file f;
	uint32_t off = 0;
	int32_t n;
	int r;

	if (chunk > sizeof(buf))
		chunk = sizeof(buf);
	r = fat_open(&vol, path, FAT_O_READ, &f);
	if (r)
		return r;
	if (fat_size(&f) != size)
		return -100;
	while ((n = fat_read(&f, buf, chunk)) > 0) {
		pattern_fill(want, (size_t)n, seed, off);
		if (memcmp(buf, want, (size_t)n) != 0)
			return -100;
		off += (uint32_t)n;
	}
	if (n < 0)
		return n;
	fat_close(&f);
	return off == size ? 0 : -100;
}

static void test_format(unsigned type)
{
	char name[80];
	struct fat_statfs st;
	const uint8_t *b;

	snprintf(name, sizeof(name), "fat%u format and mount", type);
	if (!fresh(type, name))
		return;
	b = dev.data;
	REQUIRE(fat_statfs(&vol, &st), name);
	check(st.type == type, name, "type %u", st.type);
	snprintf(name, sizeof(name), "fat%u boot sector fields", type);
	check(b[510] == 0x55 && b[511] == 0xAA && b[21] == 0xF8 &&
	      b[16] == 2 && b[11] == 0 && b[12] == 2 &&
	      b[24] == 63 && b[26] == 255 &&
	      b[28] == 0x00 && b[29] == 0x08 &&	/* hidden 2048 */
	      (type == 32 ? b[14] >= 32 && b[44] == 2 && b[17] == 0 :
	       b[17] == 0x00 && b[18] == 0x02),
	      name, "unexpected BPB bytes");
	snprintf(name, sizeof(name), "fat%u label and serial", type);
	check(strcmp(st.label, "PORTIXTEST") == 0 && st.serial == 0x1234ABCD,
	      name, "label '%s' serial %08x", st.label, st.serial);
	if (type == 32) {
		const uint8_t *fsi = b + 512;

		check(memcmp(b, b + 6 * 512, 512) == 0 &&
		      memcmp(fsi, b + 7 * 512, 512) == 0 &&
		      fsi[0] == 'R' && fsi[1] == 'R' && fsi[2] == 'a' &&
		      fsi[3] == 'A' && fsi[484] == 'r' && fsi[510] == 0x55,
		      "fat32 backup boot sector and FSInfo",
		      "backup or FSInfo sector wrong");
	}
	snprintf(name, sizeof(name), "fat%u free space after format", type);
	check(st.free_clusters == st.total_clusters - (type == 32),
	      name, "%u free of %u", st.free_clusters, st.total_clusters);
	snprintf(name, sizeof(name), "fat%u fresh volume is consistent",
		 type);
	check_fsck(&dev, name);
}

static void test_format_params(void)
{
	struct fat_format_params p = { 0 };
	struct fat_blockdev ops;
	struct fat_statfs st;
	struct memdev m;

	memdev_init(&m, 64 * 2048);
	ops = memdev_ops(&m, false);
	p.fat_type = 16;
	CHECK_RC(fat_format(&vol, &ops, &p), 0,
		 "format forced FAT16 on 64 MiB");
	check(fat_statfs(&vol, &st) == 0 && st.type == 16, "format forced "
	      "FAT16 is FAT16", "type %u", st.type);
	check_fsck(&m, "format forced FAT16 is consistent");
	p.fat_type = 12;
	CHECK_RC(fat_format(&vol, &ops, &p), FAT_EINVAL,
		 "format FAT12 refused");
	p.fat_type = 0;
	p.sectors_per_cluster = 3;
	CHECK_RC(fat_format(&vol, &ops, &p), FAT_EINVAL,
		 "format 3 sectors per cluster refused");
	p.sectors_per_cluster = 0;
	p.label = "BAD*LABEL";
	CHECK_RC(fat_format(&vol, &ops, &p), FAT_EINVAL,
		 "format bad label refused");
	p.label = "";
	CHECK_RC(fat_format(&vol, &ops, &p), 0, "format empty label");
	check(fat_statfs(&vol, &st) == 0 && strcmp(st.label, "NO NAME") == 0,
	      "format empty label reads NO NAME", "label '%s'", st.label);
	fat_unmount(&vol);
	memdev_free(&m);

	memdev_init(&m, 8 * 2048);
	ops = memdev_ops(&m, false);
	p = (struct fat_format_params){ .fat_type = 32 };
	CHECK_RC(fat_format(&vol, &ops, &p), FAT_EINVAL,
		 "format FAT32 on 8 MiB refused");
	memdev_free(&m);
	memdev_init(&m, 1024);
	ops = memdev_ops(&m, false);
	CHECK_RC(fat_format(&vol, &ops, NULL), FAT_EINVAL,
		 "format 512 KiB device refused (would be FAT12)");
	memdev_free(&m);
}

static void test_files(unsigned type)
{
	static const uint32_t sizes[] = {
		0, 1, 511, 512, 513, 1023, 1024, 1025, 4095, 4096, 4097,
		10000, 65536, 100001,
	};
	char name[80], path[64];
	int bad = 0, r = 0;

	snprintf(name, sizeof(name), "fat%u many files", type);
	if (!fresh(type, name))
		return;
	REQUIRE(fat_mkdir(&vol, "/data"), name);
	for (unsigned i = 0; i < 120 && r == 0; i++) {
		snprintf(path, sizeof(path), "%sfile-%03u.bin",
			 i % 2 ? "/data/" : "/", i);
		r = put_file(path, i, sizes[i % 14], 1 + i * 37 % 3000);
	}
	check(r == 0, name, "writing: %s", fat_strerror(r));
	REQUIRE(remount(0), name);
	for (unsigned i = 0; i < 120; i++) {
		snprintf(path, sizeof(path), "%sfile-%03u.bin",
			 i % 2 ? "/data/" : "/", i);
		if (get_file(path, i, sizes[i % 14], 4096 - i) != 0)
			bad++;
	}
	check(bad == 0, name, "%d files read back wrong", bad);

	snprintf(name, sizeof(name), "fat%u multi-MiB file", type);
	r = put_file("/big.bin", 77, 3u << 20 | 12345, 65536);
	if (r == 0)
		r = put_file("/data/odd.bin", 78, 1500000, 777);
	if (r == 0)
		r = remount(0);
	if (r == 0)
		r = get_file("/big.bin", 77, 3u << 20 | 12345, 4000);
	if (r == 0)
		r = get_file("/data/odd.bin", 78, 1500000, 65536);
	check(r == 0, name, "%d (%s)", r, fat_strerror(r));
	snprintf(name, sizeof(name), "fat%u files are consistent", type);
	check_fsck(&dev, name);
}

static void test_seek_append(unsigned type)
{
	uint8_t buf[3000], want[3000];
	struct fat_file f;
	char name[80];
	int32_t n;

	snprintf(name, sizeof(name), "fat%u seek past end zero-fills", type);
	if (!fresh(type, name))
		return;
	REQUIRE(fat_open(&vol, "/gap", FAT_O_RDWR | FAT_O_CREAT, &f), name);
	pattern_fill(buf, 100, 5, 0);
	fat_write(&f, buf, 100);
	fat_seek(&f, 2500);
	fat_write(&f, buf, 100);
	fat_seek(&f, 0);
	n = fat_read(&f, buf, sizeof(buf));
	memset(want, 0, sizeof(want));
	pattern_fill(want, 100, 5, 0);
	pattern_fill(want + 2500, 100, 5, 0);
	check(n == 2600 && memcmp(buf, want, 2600) == 0, name,
	      "read %d bytes", n);
	fat_close(&f);

	snprintf(name, sizeof(name), "fat%u append mode", type);
	REQUIRE(fat_open(&vol, "/gap", FAT_O_WRITE | FAT_O_APPEND, &f), name);
	fat_seek(&f, 0);
	n = fat_write(&f, "xyz", 3);
	check(n == 3 && fat_size(&f) == 2603, name, "size %u",
	      fat_size(&f));
	fat_close(&f);
	CHECK_RC(fat_open(&vol, "/gap", FAT_O_WRITE | FAT_O_CREAT |
			  FAT_O_EXCL, &f), FAT_EEXIST, "open CREAT|EXCL on "
		 "an existing file");
	CHECK_RC(fat_open(&vol, "/nothere", FAT_O_READ, &f), FAT_ENOENT,
		 "open missing file");
	CHECK_RC(fat_open(&vol, "/", FAT_O_READ, &f), FAT_EISDIR,
		 "open the root directory");
	CHECK_RC(fat_open(&vol, "/gap", FAT_O_READ | FAT_O_TRUNC, &f),
		 FAT_EINVAL, "open TRUNC without WRITE");
	REQUIRE(fat_open(&vol, "/gap", FAT_O_READ, &f), name);
	check(fat_write(&f, "a", 1) == FAT_EBADF, "write on a read-only "
	      "handle", "not refused");
	fat_close(&f);
	check(fat_read(&f, buf, 1) == FAT_EBADF, "read after close",
	      "not refused");
	check_fsck(&dev, "seek and append leave a consistent volume");
}

static void test_dirs(unsigned type)
{
	struct fat_stat st, up;
	struct fat_dir d;
	struct fat_dirent ent;
	char name[80];
	int n = 0, r;

	snprintf(name, sizeof(name), "fat%u nested mkdir", type);
	if (!fresh(type, name))
		return;
	CHECK_RC(fat_mkdir(&vol, "/a"), 0, name);
	CHECK_RC(fat_mkdir(&vol, "/a/b"), 0, name);
	CHECK_RC(fat_mkdir(&vol, "a/b/c/"), 0, name);
	CHECK_RC(fat_mkdir(&vol, "/a/b/c/deeper directory"), 0, name);
	CHECK_RC(put_file("/a/b/c/deeper directory/f.txt", 1, 10, 10), 0,
		 name);
	check(fat_stat(&vol, "/A/B/C/DEEPER DIRECTORY/F.TXT", &st) == 0 &&
	      st.size == 10, "lookup is case-insensitive", "stat failed");
	check(fat_stat(&vol, "/a/b/../b/./c/..", &st) == 0 &&
	      fat_stat(&vol, "/a/b", &up) == 0 &&
	      st.first_cluster == up.first_cluster &&
	      (st.attr & FAT_ATTR_DIR), "dot and dot-dot in paths",
	      "wrong directory");
	check(fat_stat(&vol, "/a/..", &st) == 0 && (st.attr & FAT_ATTR_DIR),
	      "dot-dot of a top directory is the root", "stat failed");
	CHECK_RC(fat_mkdir(&vol, "/a/b"), FAT_EEXIST, "mkdir existing");
	CHECK_RC(fat_mkdir(&vol, "/x/y"), FAT_ENOENT, "mkdir missing parent");
	CHECK_RC(fat_mkdir(&vol, "/a/b/c/deeper directory/f.txt/z"),
		 FAT_ENOTDIR, "mkdir parent is a file");
	CHECK_RC(fat_stat(&vol, "/a/b/c/deeper directory/f.txt/", &st),
		 FAT_ENOTDIR, "stat trailing slash on a file");
	CHECK_RC(fat_rmdir(&vol, "/a/b"), FAT_ENOTEMPTY,
		 "rmdir non-empty refused");
	CHECK_RC(fat_rmdir(&vol, "/a/b/c/deeper directory/f.txt"),
		 FAT_ENOTDIR, "rmdir a file");
	CHECK_RC(fat_unlink(&vol, "/a/b"), FAT_EISDIR, "unlink a directory");
	CHECK_RC(fat_rmdir(&vol, "/"), FAT_EINVAL, "rmdir the root");
	CHECK_RC(fat_opendir(&vol, "/a/b/c/deeper directory", &d), 0,
		 "opendir");
	while ((r = fat_readdir(&d, &ent)) > 0)
		n++;
	check(r == 0 && n == 1 && strcmp(ent.name, "f.txt") == 0,
	      "readdir skips dot entries", "%d entries, last '%s'", n,
	      ent.name);
	snprintf(name, sizeof(name), "fat%u directories are consistent",
		 type);
	check_fsck(&dev, name);
}

static void test_rename(unsigned type)
{
	struct fat_stat st, a, b;
	char name[80];

	snprintf(name, sizeof(name), "fat%u rename", type);
	if (!fresh(type, name))
		return;
	REQUIRE(fat_mkdir(&vol, "/src"), name);
	REQUIRE(fat_mkdir(&vol, "/dst"), name);
	REQUIRE(fat_mkdir(&vol, "/src/sub"), name);
	REQUIRE(put_file("/src/sub/data.bin", 9, 5000, 1000), name);
	REQUIRE(put_file("/src/file.txt", 8, 3000, 1000), name);
	CHECK_RC(fat_rename(&vol, "/src/file.txt", "/dst/A Longer Name.txt"),
		 0, "rename file across directories");
	check(get_file("/dst/a longer name.TXT", 8, 3000, 512) == 0 &&
	      fat_stat(&vol, "/src/file.txt", &st) == FAT_ENOENT,
	      "rename file moved with its data", "not moved");
	CHECK_RC(fat_rename(&vol, "/src/sub", "/dst/moved"), 0,
		 "rename directory across directories");
	check(fat_stat(&vol, "/dst/moved/..", &a) == 0 &&
	      fat_stat(&vol, "/dst", &b) == 0 &&
	      a.first_cluster == b.first_cluster,
	      "rename moved directory's .. points to its new parent",
	      "dot-dot not updated");
	check(get_file("/dst/moved/data.bin", 9, 5000, 700) == 0,
	      "rename moved directory keeps its files", "lost");
	CHECK_RC(fat_rename(&vol, "/dst", "/dst/moved/inside"), FAT_EINVAL,
		 "rename directory into its own subtree");
	CHECK_RC(fat_rename(&vol, "/dst/moved", "/dst/moved"), 0,
		 "rename onto itself");
	CHECK_RC(put_file("/other", 1, 1, 1), 0, name);
	CHECK_RC(fat_rename(&vol, "/other", "/dst/A LONGER NAME.TXT"),
		 FAT_EEXIST, "rename onto an existing name");
	CHECK_RC(fat_rename(&vol, "/other", "/OTHER"), 0,
		 "rename change of case");
	check(fat_rename(&vol, "/", "/x") == FAT_EINVAL,
	      "rename the root refused", "not refused");
	snprintf(name, sizeof(name), "fat%u renames are consistent", type);
	check_fsck(&dev, name);
}

static void test_delete_truncate(unsigned type)
{
	struct fat_file f;
	char name[80], path[64];
	uint32_t before, after;
	uint8_t buf[4096];
	int r = 0;

	snprintf(name, sizeof(name), "fat%u delete frees space exactly",
		 type);
	if (!fresh(type, name))
		return;
	before = free_clusters();
	REQUIRE(fat_mkdir(&vol, "/tree"), name);
	REQUIRE(fat_mkdir(&vol, "/tree/sub"), name);
	for (unsigned i = 0; i < 60 && r == 0; i++) {
		snprintf(path, sizeof(path), "/tree/%sa rather long name %u",
			 i % 3 ? "" : "sub/", i);
		r = put_file(path, i, i * 1000, 999);
	}
	REQUIRE(r, name);
	for (unsigned i = 0; i < 60 && r == 0; i++) {
		snprintf(path, sizeof(path), "/tree/%sa rather long name %u",
			 i % 3 ? "" : "sub/", i);
		r = fat_unlink(&vol, path);
	}
	if (r == 0)
		r = fat_rmdir(&vol, "/tree/sub");
	if (r == 0)
		r = fat_rmdir(&vol, "/tree");
	after = free_clusters();
	check(r == 0 && before == after, name, "%s; free %u before, %u after",
	      fat_strerror(r), before, after);

	snprintf(name, sizeof(name), "fat%u truncate", type);
	REQUIRE(put_file("/t", 3, 100000, 4096), name);
	REQUIRE(fat_open(&vol, "/t", FAT_O_RDWR, &f), name);
	CHECK_RC(fat_truncate(&f, 5000), 0, name);
	fat_close(&f);
	check(get_file("/t", 3, 5000, 333) == 0, "truncate shrink keeps "
	      "the head", "content differs");
	REQUIRE(fat_open(&vol, "/t", FAT_O_RDWR, &f), name);
	CHECK_RC(fat_truncate(&f, 9000), 0, name);
	fat_seek(&f, 4000);
	{
		uint8_t want[4096];

		memset(want, 0, sizeof(want));
		pattern_fill(want, 1000, 3, 4000);
		check(fat_read(&f, buf, sizeof(buf)) == 4096 &&
		      memcmp(buf, want, sizeof(want)) == 0,
		      "truncate growth reads zeros", "wrong bytes");
	}
	CHECK_RC(fat_truncate(&f, 0), 0, name);
	fat_close(&f);
	check(free_clusters() == before - 0, "truncate to zero frees "
	      "every cluster", "free %u, want %u", free_clusters(), before);
	REQUIRE(fat_open(&vol, "/t", FAT_O_RDWR | FAT_O_TRUNC, &f), name);
	fat_close(&f);
	CHECK_RC(fat_unlink(&vol, "/t"), 0, name);
	check(free_clusters() == before, "unlink empty file",
	      "free count changed");
	snprintf(name, sizeof(name), "fat%u after deletes the volume is "
		 "consistent", type);
	check_fsck(&dev, name);
}

static void test_full(unsigned type)
{
	static uint8_t buf[65536];
	struct fat_file f;
	char name[80];
	uint32_t before;
	int32_t n = 0;
	int r;

	snprintf(name, sizeof(name), "fat%u full disk gives FAT_ENOSPC",
		 type);
	if (!fresh(type, name))
		return;
	before = free_clusters();
	REQUIRE(put_file("/small", 1, 3000, 3000), name);
	REQUIRE(fat_open(&vol, "/filler", FAT_O_WRITE | FAT_O_CREAT, &f),
		name);
	pattern_fill(buf, sizeof(buf), 2, 0);
	while ((n = fat_write(&f, buf, sizeof(buf) - 7)) > 0)
		;
	check(n == FAT_ENOSPC && free_clusters() == 0, name,
	      "last write %d, free %u", n, free_clusters());
	fat_close(&f);
	r = put_file("/one more", 1, 10, 10);
	check(r == FAT_ENOSPC, "full disk new file with data refused",
	      "%s", fat_strerror(r));
	snprintf(name, sizeof(name), "fat%u full volume is consistent",
		 type);
	check_fsck(&dev, name);
	r = remount(0);
	check(r == 0 && get_file("/small", 1, 3000, 100) == 0,
	      "full disk earlier files intact", "%s", fat_strerror(r));
	fat_unlink(&vol, "/filler");
	fat_unlink(&vol, "/small");
	fat_unlink(&vol, "/one more");
	check(free_clusters() == before, "full disk all space comes back",
	      "free %u, want %u", free_clusters(), before);
	check_fsck(&dev, "full disk consistent after cleanup");
}

static void test_rdonly_and_errors(void)
{
	struct fat_blockdev ops;
	struct fat_file f;
	int r;

	if (!fresh(16, "read-only mount"))
		return;
	REQUIRE(put_file("/f", 1, 2000, 2000), "read-only mount");
	REQUIRE(remount(FAT_MOUNT_RDONLY), "read-only mount");
	CHECK_RC(fat_open(&vol, "/f", FAT_O_WRITE, &f), FAT_EROFS,
		 "read-only open for writing");
	CHECK_RC(fat_mkdir(&vol, "/d"), FAT_EROFS, "read-only mkdir");
	CHECK_RC(fat_unlink(&vol, "/f"), FAT_EROFS, "read-only unlink");
	CHECK_RC(get_file("/f", 1, 2000, 100), 0, "read-only reading works");
	fat_unmount(&vol);

	ops = memdev_ops(&dev, true);
	dev.fail_reads = true;
	CHECK_RC(fat_mount(&vol, &ops, 0), FAT_EIO, "I/O mount with failing "
		 "reads");
	dev.fail_reads = false;
	REQUIRE(fat_mount(&vol, &ops, 0), "I/O errors");
	dev.writes_left = 3;
	r = put_file("/g", 1, 300000, 4096);
	check(r == FAT_EIO, "I/O failing writes give FAT_EIO", "%s",
	      fat_strerror(r));
	dev.writes_left = -1;
	r = fat_unmount(&vol);
	CHECK_RC(fat_mount(&vol, &ops, 0), 0, "I/O volume mounts after "
		 "write errors");
	fat_unmount(&vol);
	CHECK_RC(fat_stat(&vol, "/f", &(struct fat_stat){ 0 }), FAT_EINVAL,
		 "calls on an unmounted volume");
}

static void test_time(void)
{
	struct fat_datetime dt;
	struct fat_stat st;

	fat_time_from_unix(1700000000, &dt);
	check(dt.year == 2023 && dt.month == 11 && dt.day == 14 &&
	      dt.hour == 22 && dt.minute == 13 && dt.second == 20,
	      "time from Unix seconds", "%u-%u-%u %u:%u:%u", dt.year,
	      dt.month, dt.day, dt.hour, dt.minute, dt.second);
	fat_time_from_unix(0, &dt);
	check(dt.year == 1980 && dt.month == 1 && dt.day == 1,
	      "time before 1980 clamps", "%u", dt.year);
	fat_time_from_unix(951782400, &dt);	/* 2000-02-29 */
	check(dt.year == 2000 && dt.month == 2 && dt.day == 29,
	      "time leap day", "%u-%u-%u", dt.year, dt.month, dt.day);
	if (!fresh(32, "time stamps"))
		return;
	REQUIRE(put_file("/stamped", 1, 1, 1), "time stamps");
	check(fat_stat(&vol, "/stamped", &st) == 0 && st.mtime.year == 2024 &&
	      st.mtime.month == 5 && st.mtime.day == 6 &&
	      st.mtime.hour == 7 && st.mtime.minute == 8 &&
	      st.mtime.second == 10 && st.ctime.centi == 42 &&
	      st.atime.day == 6, "time stamps come from the clock",
	      "%u-%u-%u %u:%u:%u", st.mtime.year, st.mtime.month,
	      st.mtime.day, st.mtime.hour, st.mtime.minute, st.mtime.second);
	check(strcmp(fat_strerror(FAT_ENOSPC), "no space left on volume") ==
	      0 && strcmp(fat_strerror(-999), "unknown error") == 0,
	      "strerror", "unexpected messages");
}

static void test_stale_handle(void)
{
	struct fat_file f;

	if (!fresh(16, "stale handle"))
		return;
	REQUIRE(put_file("/a", 1, 10, 10), "stale handle");
	REQUIRE(fat_open(&vol, "/a", FAT_O_WRITE, &f), "stale handle");
	REQUIRE(fat_rename(&vol, "/a", "/b"), "stale handle");
	check(fat_write(&f, "x", 1) == FAT_EBADF, "stale handle write "
	      "after rename refused", "not refused");
	check_fsck(&dev, "stale handle volume consistent");
}

/* FAT32 with mirroring off uses and updates only the active FAT.  */
static void test_fat32_details(void)
{
	struct fat_file f;
	uint8_t *b, before[512], lead[4];
	uint32_t fatsz;
	int r;

	if (!fresh(32, "fat32 one active FAT"))
		return;
	fat_unmount(&vol);
	b = dev.data;
	fatsz = b[36] | b[37] << 8 | (uint32_t)b[38] << 16;
	b[40] = 0x81;		/* mirroring off, FAT 1 active */
	memcpy(before, b + (size_t)(b[14] | b[15] << 8) * 512, 512);
	r = remount(0);
	if (r == 0)
		r = put_file("/only in fat 1", 1, 50000, 4096);
	check(r == 0 && memcmp(before, b + (size_t)(b[14] | b[15] << 8) *
			       512, 512) == 0 &&
	      memcmp(before, b + (size_t)((b[14] | b[15] << 8) + fatsz) *
		     512, 512) != 0,
	      "fat32 one active FAT", "%s, or the wrong FAT changed",
	      fat_strerror(r));
	check(get_file("/only in fat 1", 1, 50000, 999) == 0,
	      "fat32 one active FAT reads back", "content differs");
	fat_unmount(&vol);
	memcpy(lead, b + 512, 4);
	memset(b + 512, 0, 4);	/* break FSInfo's lead signature */
	CHECK_RC(remount(0), 0, "fat32 bad FSInfo still mounts");
	check(fat_mount_damage(&vol) != NULL &&
	      fat_open(&vol, "/big", FAT_O_WRITE | FAT_O_CREAT, &f) ==
	      FAT_EROFS, "fat32 bad FSInfo mounts read-only",
	      "damage %s", fat_mount_damage(&vol) ? "named" : "not named");
	fat_unmount(&vol);
	memcpy(b + 512, lead, 4);
	CHECK_RC(remount(0), 0, "fat32 repaired FSInfo mounts");
	check(free_clusters() > 0 && portix_get_le32(b + 512 + 488) != 0 &&
	      fat_mount_damage(&vol) == NULL &&
	      fat_open(&vol, "/big", FAT_O_WRITE | FAT_O_CREAT, &f) == 0 &&
	      fat_seek(&f, 0xFFFFFFF0u) == 0 &&
	      fat_write(&f, "0123456789abcdefg", 17) == FAT_EFBIG,
	      "write past 4 GiB gives FAT_EFBIG", "not refused");
	fat_close(&f);
}

/* fat_check on the volume in use (read-write, its cache full of FAT
   and directory sectors) agrees with the checker that reads the
   device.  */
static void test_check_live(unsigned type)
{
	char name[80];
	uint8_t *bitmap;
	int r;

	snprintf(name, sizeof(name), "fat%u check of a volume in use", type);
	if (!fresh(type, name))
		return;
	if (fat_mkdir(&vol, "/d") || put_file("/d/a", 1, 70000, 4096) ||
	    put_file("/b", 2, 10, 10) || fat_unlink(&vol, "/b")) {
		check(false, name, "could not fill the volume");
		return;
	}
	bitmap = malloc(fat_check_bitmap_bytes(&vol));
	r = fat_check(&vol, bitmap, fat_check_bitmap_bytes(&vol),
		      FAT_CHECK_NAMES, NULL, NULL);
	free(bitmap);
	check(r == 0, name, "fat_check gave %d", r);
	check(get_file("/d/a", 1, 70000, 999) == 0,
	      strcat(name, " leaves it readable"), "content differs");
}

void run_unit_tests(void)
{
	test_format_params();
	for (unsigned type = 16; type <= 32; type += 16) {
		test_format(type);
		test_files(type);
		test_seek_append(type);
		test_dirs(type);
		test_rename(type);
		test_delete_truncate(type);
		test_full(type);
		test_check_live(type);
	}
	test_rdonly_and_errors();
	test_time();
	test_stale_handle();
	test_fat32_details();
	fat_unmount(&vol);
	memdev_free(&dev);
}
