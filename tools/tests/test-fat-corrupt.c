/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-fat-corrupt.c - damaged volumes give error codes, never a hang,
   a crash or an access outside the device.

   Targeted cases edit one structure of a known image (BPB fields, a
   FAT chain, a directory entry, a directory's chain) and check the
   error; the fuzzer flips random bytes of the metadata and then runs
   every operation over whatever it finds.  A watchdog (alarm) turns a
   hang into a FAIL; the memdev aborts on a request outside the device;
   ASan/UBSan builds catch the rest.  */

#define _POSIX_C_SOURCE 200809L

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test-fat.h"

static const char *watch_name = "";

static void on_alarm(int sig)
{
	static const char msg[] = "FAIL: watchdog: operation hung in ";

	(void)sig;
	if (write(1, msg, sizeof(msg) - 1) < 0 ||
	    write(1, watch_name, strlen(watch_name)) < 0 ||
	    write(1, "\n", 1) < 0)
		_exit(3);
	_exit(1);
}

static void watchdog(const char *name, unsigned secs)
{
	watch_name = name;
	signal(SIGALRM, on_alarm);
	alarm(secs);
}

/* ---- raw image access ---- */

static unsigned r16(const uint8_t *p)
{
	return p[0] | p[1] << 8;
}

static uint32_t r32(const uint8_t *p)
{
	return r16(p) | (uint32_t)r16(p + 2) << 16;
}

static void w16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
}

static void w32(uint8_t *p, uint32_t v)
{
	w16(p, v & 0xFFFF);
	w16(p + 2, v >> 16);
}

struct geo {
	unsigned type, spc;
	uint32_t fat, fatsz, data, root_sector, clusters;
};

static struct geo geo_of(const struct memdev *m)
{
	const uint8_t *b = m->data;
	struct geo g;
	uint32_t tot = r16(b + 19) ? r16(b + 19) : r32(b + 32);

	g.spc = b[13];
	g.fat = r16(b + 14);
	g.fatsz = r16(b + 22) ? r16(b + 22) : r32(b + 36);
	g.type = r16(b + 22) ? 16 : 32;
	g.root_sector = g.fat + 2 * g.fatsz;
	g.data = g.root_sector + (r16(b + 17) * 32 + 511) / 512;
	if (g.type == 32)
		g.root_sector = g.data + (r32(b + 44) - 2) * g.spc;
	g.clusters = (tot - g.data) / g.spc;
	return g;
}

static void set_fat(struct memdev *m, uint32_t c, uint32_t v)
{
	struct geo g = geo_of(m);

	for (unsigned k = 0; k < 2; k++) {
		uint8_t *f = m->data + (size_t)(g.fat + k * g.fatsz) * 512;

		if (g.type == 32)
			w32(f + 4 * c, v);
		else
			w16(f + 2 * c, v);
	}
}

/* The short entry NAME11 in the directory starting at SECTOR.  */
static uint8_t *raw_entry(struct memdev *m, uint32_t sector,
			  const char *name11)
{
	uint8_t *p = m->data + (size_t)sector * 512;

	for (unsigned i = 0; i < 512; i++, p += 32)
		if (memcmp(p, name11, 11) == 0)
			return p;
	return NULL;
}

static uint32_t fat_of(const struct memdev *m, uint32_t c)
{
	struct geo g = geo_of(m);
	const uint8_t *f = m->data + (size_t)g.fat * 512;

	return g.type == 32 ? r32(f + 4 * c) & 0x0FFFFFFF : r16(f + 2 * c);
}

static uint32_t last_cluster(const struct memdev *m, uint32_t c)
{
	while (fat_of(m, c) < (geo_of(m).type == 32 ? 0x0FFFFFF8u : 0xFFF8u))
		c = fat_of(m, c);
	return c;
}

static uint32_t cluster_sector(const struct memdev *m, uint32_t c)
{
	struct geo g = geo_of(m);

	return g.data + (c - 2) * g.spc;
}

/* ---- the targeted cases ---- */

static struct memdev pristine, before;
static uint32_t file_clus, dir_clus;

/* A volume with /FILE (5 clusters) and /DIR/X, saved in pristine.  */
static bool build(unsigned type)
{
	struct fat_stat st;
	struct fat_statfs sf;

	if (!fresh(type, "corrupt build image"))
		return false;
	fat_statfs(&vol, &sf);
	if (put_file("/FILE", 1, 5 * sf.cluster_bytes, 4096) ||
	    fat_mkdir(&vol, "/DIR") || put_file("/DIR/X", 2, 100, 100) ||
	    put_file("/A long name.txt", 3, 10, 10) ||
	    fat_stat(&vol, "/FILE", &st))
		return false;
	/* Directories longer than one cluster, so loops are reachable.  */
	for (unsigned i = 0; i < 40; i++) {
		char path[32];

		snprintf(path, sizeof(path), "/DIR/F%02u", i);
		put_file(path, 1, 1, 1);
		snprintf(path, sizeof(path), "/R%02u", i);
		put_file(path, 1, 1, 1);
	}
	file_clus = st.first_cluster;
	fat_stat(&vol, "/DIR", &st);
	dir_clus = st.first_cluster;
	fat_unmount(&vol);
	memdev_free(&pristine);
	memdev_init(&pristine, dev.sectors);
	memdev_free(&before);
	memdev_init(&before, dev.sectors);
	memcpy(pristine.data, dev.data, (size_t)dev.sectors * 512);
	return true;
}

static void reset(void)
{
	memcpy(dev.data, pristine.data, (size_t)dev.sectors * 512);
}

static int try_mount(void)
{
	struct fat_blockdev ops = memdev_ops(&dev, false);

	return fat_mount(&vol, &ops, 0);
}

struct bpb_case {
	const char *what;
	unsigned off, size;
	uint32_t value;
	int want;
	unsigned only;		/* 0: both types */
};

static const struct bpb_case bpb_cases[] = {
	{ "no 55AA signature", 510, 2, 0, FAT_ENOFS, 0 },
	{ "no jump instruction", 0, 1, 0, FAT_ENOFS, 0 },
	{ "1024-byte sectors", 11, 2, 1024, FAT_ENOTSUP, 0 },
	{ "513-byte sectors", 11, 2, 513, FAT_ENOFS, 0 },
	{ "3 sectors per cluster", 13, 1, 3, FAT_ENOFS, 0 },
	{ "0 sectors per cluster", 13, 1, 0, FAT_ENOFS, 0 },
	{ "0 reserved sectors", 14, 2, 0, FAT_ENOFS, 0 },
	{ "0 FATs", 16, 1, 0, FAT_ENOFS, 0 },
	{ "bad media byte", 21, 1, 0x12, FAT_ENOFS, 0 },
	{ "volume larger than the device", 19, 2, 0xFFFF, FAT_ENOFS, 16 },
	{ "volume larger than the device", 32, 4, 0x7FFFFFFF, FAT_ENOFS, 32 },
	{ "FAT too small", 22, 2, 1, FAT_ENOFS, 16 },
	{ "FAT too small", 36, 4, 1, FAT_ENOFS, 32 },
	{ "FAT12-sized volume", 19, 2, 2000, FAT_ENOTSUP, 16 },
	{ "FAT32 with a fixed root", 17, 2, 512, FAT_ENOFS, 32 },
	{ "root cluster out of range", 44, 4, 0x0FFFFFF0, FAT_ENOFS, 32 },
	{ "FAT32 version 1", 42, 2, 1, FAT_ENOTSUP, 32 },
	{ "FATs fill the volume", 22, 2, 0x7000, FAT_ENOFS, 16 },
};

static void test_bpb(unsigned type)
{
	char name[120];

	for (size_t i = 0; i < sizeof(bpb_cases) / sizeof(bpb_cases[0]);
	     i++) {
		const struct bpb_case *c = &bpb_cases[i];

		if (c->only && c->only != type)
			continue;
		reset();
		if (c->size == 1)
			dev.data[c->off] = (uint8_t)c->value;
		else if (c->size == 2)
			w16(dev.data + c->off, c->value);
		else
			w32(dev.data + c->off, c->value);
		snprintf(name, sizeof(name), "fat%u corrupt BPB, %s", type,
			 c->what);
		CHECK_RC(try_mount(), c->want, name);
	}
}

/* The independent checker and the library's fat_check both see the
   damage WHAT.  */
static void both_find_damage(const char *what, unsigned type)
{
	char name[160], msg[256], lib[256];
	int r, l;

	snprintf(name, sizeof(name), "fat%u corrupt, %s, both checkers "
		 "find it", type, what);
	r = fat_fsck(&dev, msg, sizeof(msg));
	l = library_check(&dev, lib, sizeof(lib));
	check(r != 0 && l > 0, name, "fsck: %s; fat_check (%d): %s", msg, l,
	      lib[0] ? lib : "clean");
}

/* Open PATH with FLAGS, then truncate to SIZE or write a byte (SIZE
   UINT32_MAX).  */
static int modify(const char *path, unsigned flags, uint32_t size)
{
	struct fat_file f;
	int r = fat_open(&vol, path, flags, &f);

	if (r == 0 && size != UINT32_MAX)
		r = fat_truncate(&f, size);
	else if (r == 0)
		r = fat_write(&f, "x", 1) == 1 ? 0 : FAT_ECORRUPT;
	fat_close(&f);
	return r;
}

/* Mount the damaged image; OP(PATH) must give WANT.  A refused
   operation must leave every byte of the image as it was.  */
static void expect(const char *what, unsigned type, const char *op,
		   const char *path, int want)
{
	struct fat_file f;
	struct fat_dir d;
	struct fat_dirent ent;
	char name[160];
	int r;

	snprintf(name, sizeof(name), "fat%u corrupt, %s, %s gives %s", type,
		 what, op, fat_strerror(want));
	watchdog(name, 20);
	both_find_damage(what, type);
	memcpy(before.data, dev.data, (size_t)dev.sectors * 512);
	r = try_mount();
	if (r == 0 && strcmp(op, "open") == 0) {
		r = fat_open(&vol, path, FAT_O_READ, &f);
		if (r == 0) {
			uint8_t buf[4096];

			while ((r = fat_read(&f, buf, sizeof(buf))) > 0)
				;
			fat_close(&f);
		}
	} else if (r == 0 && strcmp(op, "readdir") == 0) {
		r = fat_opendir(&vol, path, &d);
		while (r == 0 && (r = fat_readdir(&d, &ent)) > 0)
			r = 0;
	} else if (r == 0 && strcmp(op, "unlink") == 0) {
		r = fat_unlink(&vol, path);
	} else if (r == 0 && strcmp(op, "rmdir") == 0) {
		r = fat_rmdir(&vol, path);
	} else if (r == 0 && strcmp(op, "create") == 0) {
		r = put_file(path, 1, 1, 1);
	} else if (r == 0 && strcmp(op, "stat") == 0) {
		r = fat_stat(&vol, path, &(struct fat_stat){ 0 });
	} else if (r == 0 && strcmp(op, "truncate") == 0) {
		r = modify(path, FAT_O_RDWR, 0);
	} else if (r == 0 && strcmp(op, "shrink") == 0) {
		r = modify(path, FAT_O_RDWR, 1);
	} else if (r == 0 && strcmp(op, "append") == 0) {
		r = modify(path, FAT_O_WRITE | FAT_O_APPEND, UINT32_MAX);
	} else if (r == 0 && strcmp(op, "replace") == 0) {
		r = modify(path, FAT_O_WRITE | FAT_O_TRUNC, UINT32_MAX);
	}
	check(r == want, name, "got %d (%s)", r, fat_strerror(r));
	fat_unmount(&vol);
	if (r != 0)
		check(memcmp(before.data, dev.data,
			     (size_t)dev.sectors * 512) == 0,
		      strcat(name, ", writes nothing"), "the image changed");
	alarm(0);
}

static void test_chains(unsigned type)
{
	struct geo g = (reset(), geo_of(&dev));
	uint32_t last = file_clus + 4, bad = type == 32 ? 0x0FFFFFF7 : 0xFFF7;
	uint8_t *e;

	reset();
	set_fat(&dev, last, file_clus);
	expect("chain loops to its start", type, "open", "/FILE",
	       FAT_ECORRUPT);
	expect("chain loops to its start", type, "unlink", "/FILE",
	       FAT_ECORRUPT);
	reset();
	set_fat(&dev, file_clus + 2, file_clus + 2);
	expect("cluster points to itself", type, "open", "/FILE",
	       FAT_ECORRUPT);
	reset();
	set_fat(&dev, file_clus + 1, g.clusters + 10);
	expect("chain leaves the volume", type, "open", "/FILE",
	       FAT_ECORRUPT);
	reset();
	set_fat(&dev, file_clus + 1, 0);
	expect("free cluster inside a chain", type, "open", "/FILE",
	       FAT_ECORRUPT);
	reset();
	set_fat(&dev, file_clus + 1, bad);
	expect("bad-cluster mark inside a chain", type, "open", "/FILE",
	       FAT_ECORRUPT);
	reset();
	e = raw_entry(&dev, g.root_sector, "FILE       ");
	w32(e + 28, 50u << 20);
	expect("size larger than the chain", type, "open", "/FILE",
	       FAT_ECORRUPT);
	reset();
	e = raw_entry(&dev, g.root_sector, "FILE       ");
	w16(e + 26, 0xFFF0);
	w16(e + 20, type == 32 ? 0x0FFF : 0);
	expect("entry's cluster outside the volume", type, "open", "/FILE",
	       FAT_ECORRUPT);
	expect("entry's cluster outside the volume", type, "unlink", "/FILE",
	       FAT_ECORRUPT);
	reset();
	e = raw_entry(&dev, g.root_sector, "FILE       ");
	w16(e + 26, 0);
	w16(e + 20, 0);
	expect("data but no cluster", type, "open", "/FILE", FAT_ECORRUPT);
}

static void test_dirs(unsigned type)
{
	struct geo g = (reset(), geo_of(&dev));
	uint8_t *e;

	reset();
	set_fat(&dev, dir_clus, dir_clus);
	expect("directory chain loops", type, "readdir", "/DIR",
	       FAT_ECORRUPT);
	expect("directory chain loops", type, "stat", "/DIR/nothing",
	       FAT_ECORRUPT);
	expect("directory chain loops", type, "create", "/DIR/new file",
	       FAT_ECORRUPT);
	reset();
	set_fat(&dev, last_cluster(&dev, dir_clus), dir_clus);
	expect("directory chain loops after its end marker", type,
	       "readdir", "/DIR", FAT_ECORRUPT);
	reset();
	e = raw_entry(&dev, g.root_sector, "DIR        ");
	w16(e + 26, 0xFFF0);
	w16(e + 20, type == 32 ? 0x0FFF : 0);
	expect("directory entry outside the volume", type, "readdir",
	       "/DIR", FAT_ECORRUPT);
	expect("directory entry outside the volume", type, "stat",
	       "/DIR/X", FAT_ECORRUPT);
	reset();
	e = raw_entry(&dev, g.root_sector, "DIR        ");
	w16(e + 26, 0);
	w16(e + 20, 0);
	expect("directory without a cluster", type, "stat", "/DIR/X",
	       FAT_ECORRUPT);
	reset();
	e = raw_entry(&dev, cluster_sector(&dev, dir_clus), "..         ");
	memcpy(e, "XX         ", 11);
	expect("directory without ..", type, "stat", "/DIR/..",
	       FAT_ECORRUPT);
	reset();
	e = raw_entry(&dev, cluster_sector(&dev, dir_clus), "X          ");
	w16(e + 26, (uint16_t)dir_clus);
	w16(e + 20, (uint16_t)(dir_clus >> 16));
	e[11] = 0x10;
	expect("directory containing itself", type, "stat",
	       "/DIR/X/X/X/X/X/X/X/X/X/X/X/X/X/nothing", FAT_ENOENT);
	if (type == 32) {
		reset();
		set_fat(&dev, 2, 2);
		expect("root chain loops", type, "stat", "/nothing",
		       FAT_ECORRUPT);
		expect("root chain loops", type, "readdir", "/",
		       FAT_ECORRUPT);
	}
}

/* The FSInfo sector's byte offset in the image.  */
static size_t fsinfo_at(const struct memdev *m)
{
	return (size_t)r16(m->data + 48) * 512;
}

/* Writes on a damaged volume never destroy what they cannot
   understand: a directory whose own chain is broken, chains that
   another chain joins, the FAT32 root marked free.  */
static void test_no_loss(unsigned type)
{
	struct geo g = (reset(), geo_of(&dev));
	uint32_t x_clus;
	uint8_t *e;

	reset();
	set_fat(&dev, dir_clus, 0);
	expect("directory's first FAT entry free", type, "create",
	       "/DIR/new2.txt", FAT_ECORRUPT);
	expect("directory's first FAT entry free", type, "replace",
	       "/DIR/X", FAT_ECORRUPT);
	expect("directory's first FAT entry free", type, "stat",
	       "/DIR/X", FAT_ECORRUPT);
	expect("directory's first FAT entry free", type, "unlink",
	       "/DIR/F01", FAT_ECORRUPT);
	reset();
	set_fat(&dev, last_cluster(&dev, dir_clus), 0);
	expect("directory's last FAT entry free", type, "create",
	       "/DIR/new2.txt", FAT_ECORRUPT);

	/* /DIR/X's one cluster made to lead into /FILE's third.  */
	reset();
	e = raw_entry(&dev, cluster_sector(&dev, dir_clus), "X          ");
	x_clus = r16(e + 26) | (type == 32 ? (uint32_t)r16(e + 20) << 16 : 0);
	set_fat(&dev, x_clus, file_clus + 2);
	expect("cross-linked chains", type, "unlink", "/FILE",
	       FAT_ECORRUPT);
	expect("cross-linked chains", type, "truncate", "/FILE",
	       FAT_ECORRUPT);
	expect("cross-linked chains", type, "shrink", "/FILE",
	       FAT_ECORRUPT);
	expect("cross-linked chains", type, "replace", "/FILE",
	       FAT_ECORRUPT);
	expect("cross-linked chains", type, "unlink", "/DIR/X",
	       FAT_ECORRUPT);
	expect("cross-linked chains", type, "unlink", "/R05", 0);
	reset();
	set_fat(&dev, file_clus + 4, file_clus);
	expect("chain loops to its start", type, "truncate", "/FILE",
	       FAT_ECORRUPT);

	if (type != 32)
		return;
	/* The root's FAT entry free and FSInfo pointing at it: the mount
	   turns read-only.  */
	reset();
	set_fat(&dev, r32(dev.data + 44), 0);
	w32(dev.data + fsinfo_at(&dev) + 492, r32(dev.data + 44));
	expect("root's first FAT entry free", type, "append", "/FILE",
	       FAT_EROFS);
	expect("root's first FAT entry free", type, "create", "/new.txt",
	       FAT_EROFS);
	check(try_mount() == 0 && vol.rdonly && fat_mount_damage(&vol),
	      "fat32 corrupt, root's first FAT entry free, mounts read-only",
	      "read-write, no damage named");
	fat_unmount(&vol);
	/* Other damage that turns the mount read-only.  */
	reset();
	w32(dev.data + fsinfo_at(&dev) + 488, g.clusters + 1);
	expect("FSInfo free count too large", type, "create", "/new.txt",
	       FAT_EROFS);
	/* The same root damage after a clean mount: the allocator will
	   not hand the root cluster out.  */
	reset();
	{
		struct fat_file f;
		uint32_t root = r32(dev.data + 44), sector, off;
		int r;

		r = try_mount();
		if (r == 0)
			r = fat_open(&vol, "/FILE", FAT_O_WRITE | FAT_O_APPEND,
				     &f);
		check(r == 0, "fat32 corrupt, clean mount opens /FILE",
		      "%s", fat_strerror(r));
		if (r != 0)
			return;
		set_fat(&dev, root, 0);
		sector = g.fat + root * 4 / 512;
		off = root * 4 % 512;
		for (unsigned i = 0; i < FAT_CACHE_SECTORS; i++)
			if (vol.slot[i].valid && vol.slot[i].sector == sector)
				w32(vol.cache[i] + off, 0);
		vol.next_free = root;
		memcpy(before.data, dev.data, (size_t)dev.sectors * 512);
		r = fat_write(&f, "x", 1);
		check(r == FAT_ECORRUPT,
		      "fat32 corrupt, root cluster free after mount, "
		      "allocation refuses it", "write gave %d", r);
		fat_unmount(&vol);
		check(memcmp(before.data, dev.data,
			     (size_t)dev.sectors * 512) == 0,
		      "fat32 corrupt, root cluster free after mount, "
		      "writes nothing", "the image changed");
	}
}

/* fat_check's report: the kinds seen, as bits.  */
static void note_kind(void *ctx, const struct fat_problem *p)
{
	*(uint32_t *)ctx |= 1u << p->kind;
}

/* fat_check (all checks) must report problem KIND for damage WHAT,
   and the independent checker must see the damage too.  */
static void check_reports(const char *what, unsigned type, unsigned kind)
{
	uint32_t seen = 0;
	char name[160];
	int r;

	snprintf(name, sizeof(name), "fat%u check, %s, reports %s", type,
		 what, fat_check_text(kind));
	both_find_damage(what, type);
	r = library_check_report(&dev, note_kind, &seen);
	check(r > 0 && (seen & (1u << kind)), name,
	      "fat_check gave %d, kinds 0x%x", r, (unsigned)seen);
}

/* Each kind of problem fat_check knows, made on purpose.  */
static void test_check_kinds(unsigned type)
{
	struct geo g = (reset(), geo_of(&dev));
	uint32_t root_dir = g.root_sector;
	uint8_t *e, *f;

	reset();
	set_fat(&dev, file_clus + 1, 0);
	check_reports("free entry in a chain", type, FAT_CHECK_CHAIN);
	reset();
	e = raw_entry(&dev, cluster_sector(&dev, dir_clus), "X          ");
	w16(e + 26, (uint16_t)file_clus);
	w16(e + 20, (uint16_t)(file_clus >> 16));
	check_reports("two entries share a chain", type, FAT_CHECK_SHARED);
	reset();
	e = raw_entry(&dev, cluster_sector(&dev, dir_clus), "X          ");
	w32(e + 28, 0);
	check_reports("size 0 with a cluster", type, FAT_CHECK_SIZE);
	reset();
	e = raw_entry(&dev, cluster_sector(&dev, dir_clus), ".          ");
	w16(e + 26, (uint16_t)(dir_clus + 1));
	check_reports("\".\" points elsewhere", type, FAT_CHECK_DOTS);
	reset();
	e = raw_entry(&dev, root_dir, "ALONGN~1TXT");
	if (check(e != NULL, "corrupt build has a long name", "no alias")) {
		e[-32 + 13] ^= 0xFF;	/* the last LFN slot's checksum */
		check_reports("long name with a wrong checksum", type,
			      FAT_CHECK_LFN);
	}
	reset();
	e = raw_entry(&dev, root_dir, "R02        ");
	memcpy(e, "R01        ", 11);
	check_reports("short name twice", type, FAT_CHECK_DUP_NAME);
	reset();
	set_fat(&dev, g.clusters, type == 32 ? 0x0FFFFFFF : 0xFFFF);
	check_reports("cluster in use by nothing", type, FAT_CHECK_LOST);
	reset();
	f = dev.data + (size_t)(g.fat + g.fatsz) * 512;
	f[4 * 5] ^= 0x01;
	check_reports("FAT copy 1 differs", type, FAT_CHECK_FAT_COPIES);
	if (type != 32)
		return;
	reset();
	w32(dev.data + fsinfo_at(&dev) + 488,
	    r32(dev.data + fsinfo_at(&dev) + 488) + 1);
	check_reports("FSInfo count off by one", type, FAT_CHECK_FREE_COUNT);
	reset();
	dev.data[fsinfo_at(&dev)] ^= 0xFF;
	check_reports("FSInfo signature", type, FAT_CHECK_FSINFO);
	reset();
	dev.data[(size_t)r16(dev.data + 50) * 512 + 3] ^= 0xFF;
	check_reports("backup boot sector", type, FAT_CHECK_BACKUP_BOOT);
}

void run_corrupt_tests(void)
{
	for (unsigned type = 16; type <= 32; type += 16) {
		if (!build(type))
			continue;
		test_bpb(type);
		test_chains(type);
		test_dirs(type);
		test_no_loss(type);
		test_check_kinds(type);
	}
	memdev_free(&pristine);
	memdev_free(&before);
}
