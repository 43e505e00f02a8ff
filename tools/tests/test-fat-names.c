/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-fat-names.c - names: short-only entries, NT case flags, long
   names, ~N aliases and their collisions, Unicode, invalid names, the
   fixed FAT16 root filling up, directories growing.  */

#include <stdio.h>
#include <string.h>

#include "test-fat.h"

/* Slot I of the FAT16 root directory in the raw image.  */
static const uint8_t *root_slot(unsigned i)
{
	const uint8_t *b = dev.data;
	unsigned rsvd = b[14] | b[15] << 8, fatsz = b[22] | b[23] << 8;

	return b + (size_t)(rsvd + 2 * fatsz) * 512 + i * 32;
}

/* The short name readdir reports for PATH's last component in DIR.  */
static int short_of(const char *dir, const char *name, char *out)
{
	struct fat_dir d;
	struct fat_dirent ent;
	int r = fat_opendir(&vol, dir, &d);

	while (r >= 0 && (r = fat_readdir(&d, &ent)) > 0) {
		if (strcmp(ent.name, name) == 0) {
			strcpy(out, ent.short_name);
			return 0;
		}
	}
	strcpy(out, "?");
	return r ? r : FAT_ENOENT;
}

static void expect_alias(const char *name, const char *alias)
{
	char path[600], got[16], test[700];

	snprintf(path, sizeof(path), "/%s", name);
	snprintf(test, sizeof(test), "alias of '%s' is %s", name, alias);
	if (put_file(path, 1, 1, 1) != 0) {
		check(false, test, "cannot create");
		return;
	}
	short_of("/", name, got);
	check(strcmp(got, alias) == 0, test, "got %s", got);
}

static void test_short_names(void)
{
	const uint8_t *s;
	char got[16];

	if (!fresh(16, "names short-only entries"))
		return;
	/* Slot 0 is the volume label.  */
	put_file("/readme.txt", 1, 1, 1);
	s = root_slot(1);
	check(memcmp(s, "README  TXT", 11) == 0 && s[12] == 0x18,
	      "names lower-case 8.3 is one entry with NT flags",
	      "slot '%.11s' attr %02x nt %02x", (const char *)s, s[11], s[12]);
	put_file("/UPPER.TXT", 1, 1, 1);
	s = root_slot(2);
	check(memcmp(s, "UPPER   TXT", 11) == 0 && s[12] == 0,
	      "names upper-case 8.3 is one plain entry", "slot '%.11s'",
	      (const char *)s);
	put_file("/mixed.TXT", 1, 1, 1);
	s = root_slot(3);
	check(memcmp(s, "MIXED   TXT", 11) == 0 && s[12] == 0x08,
	      "names lower base, upper extension", "slot '%.11s' nt %02x",
	      (const char *)s, s[12]);
	put_file("/Readme2.txt", 1, 1, 1);
	s = root_slot(4);
	check(s[11] == 0x0F && memcmp(root_slot(5), "README2 TXT", 11) == 0,
	      "names mixed case gets a long name and no tail",
	      "slot 4 attr %02x, slot 5 '%.11s'", s[11],
	      (const char *)root_slot(5));
	check(short_of("/", "readme.txt", got) == 0 &&
	      short_of("/", "mixed.TXT", got) == 0,
	      "names readdir honours NT case flags", "not listed");
	check_fsck(&dev, "names short entries are consistent");
}

static void test_aliases(void)
{
	char name[64], got[16], want[16];
	int bad = 0;

	if (!fresh(16, "names aliases"))
		return;
	expect_alias("A long file name.txt", "ALONGF~1.TXT");
	expect_alias(".bashrc", "BASHRC~1");
	expect_alias("hot+cold", "HOT_CO~1");
	expect_alias("a.b.c", "AB~1.C");
	expect_alias("caf\xc3\xa9.txt", "CAF_~1.TXT");
	expect_alias("extension.html", "EXTENS~1.HTM");
	expect_alias("x.html", "X~1.HTM");
	for (unsigned i = 1; i <= 12; i++) {
		snprintf(name, sizeof(name), "/longfilename%02u.txt", i);
		put_file(name, i, i, 1);
	}
	for (unsigned i = 1; i <= 12; i++) {
		snprintf(name, sizeof(name), "longfilename%02u.txt", i);
		snprintf(want, sizeof(want), i < 10 ? "LONGFI~%u.TXT" :
			 "LONGF~%u.TXT", i);
		if (short_of("/", name, got) != 0 || strcmp(got, want) != 0)
			bad++;
	}
	check(bad == 0, "names colliding aliases get ~1 .. ~12",
	      "%d wrong", bad);
	fat_unlink(&vol, "/longfilename02.txt");
	put_file("/longfilename99.txt", 1, 1, 1);
	short_of("/", "longfilename99.txt", got);
	check(strcmp(got, "LONGFI~2.TXT") == 0,
	      "names a freed tail number is reused", "got %s", got);
	check(get_file("/LONGFI~5.TXT", 5, 5, 1) == 0,
	      "names a file opens by its alias", "not found");
	check(get_file("/LONGFILENAME07.TXT", 7, 7, 1) == 0,
	      "names long names match case-insensitively", "not found");
	check(get_file("/CAF\xc3\x89.txt", 1, 1, 1) == 0,
	      "names Latin-1 letters match case-insensitively", "not found");
	check_fsck(&dev, "names aliases are consistent");
}

static void test_unicode_and_limits(void)
{
	static const char *names[] = {
		("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xe3\x83\x95\xe3\x82"
		 "\xa1\xe3\x82\xa4\xe3\x83\xab.txt"),
		"smile \xf0\x9f\x98\x80.txt",
		"  leading spaces",
		"many.dots.in.this.name",
	};
	char name[300], path[310], got[16];
	struct fat_stat st;
	int bad = 0;

	if (!fresh(32, "names unicode"))
		return;
	for (unsigned i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "/%s", names[i]);
		if (put_file(path, i, 100, 100) != 0 ||
		    short_of("/", names[i], got) != 0 ||
		    get_file(path, i, 100, 7) != 0)
			bad++;
	}
	check(bad == 0, "names UTF-8 names round-trip", "%d failed", bad);
	memset(name, 'n', 255);
	name[255] = '\0';
	snprintf(path, sizeof(path), "/%s", name);
	check(put_file(path, 1, 1, 1) == 0 && short_of("/", name, got) == 0,
	      "names 255 characters", "not stored");
	strcat(path, "n");
	CHECK_RC(fat_mkdir(&vol, path), FAT_ENAMETOOLONG,
		 "names 256 characters refused");
	CHECK_RC(fat_mkdir(&vol, "/a*b"), FAT_EINVAL, "names '*' refused");
	CHECK_RC(fat_mkdir(&vol, "/a:b"), FAT_EINVAL, "names colon refused");
	CHECK_RC(fat_mkdir(&vol, "/bad\x01"), FAT_EINVAL,
		 "names control character refused");
	CHECK_RC(fat_mkdir(&vol, "/bad\xff"), FAT_EINVAL,
		 "names invalid UTF-8 refused");
	CHECK_RC(fat_mkdir(&vol, "/..."), FAT_EINVAL,
		 "names only dots refused");
	CHECK_RC(fat_mkdir(&vol, "/trail."), 0, "names trailing dot");
	check(fat_stat(&vol, "/trail", &st) == 0 && (st.attr & FAT_ATTR_DIR),
	      "names trailing dot is dropped", "not found");
	check_fsck(&dev, "names unicode volume is consistent");
}

static void test_root_full(void)
{
	char path[32];
	unsigned made = 0;
	int r = 0;

	if (!fresh(16, "names FAT16 root fills up"))
		return;
	while (made < 600) {
		snprintf(path, sizeof(path), "/F%05u", made);
		r = fat_mkdir(&vol, path);
		if (r)
			break;
		made++;
	}
	/* 512 slots, one holds the label.  */
	check(r == FAT_ENOSPC && made == 511, "names FAT16 root full gives "
	      "FAT_ENOSPC", "%u made, then %s", made, fat_strerror(r));
	check_fsck(&dev, "names full root is consistent");
}

static void test_growth(unsigned type)
{
	struct fat_dirent ent;
	struct fat_dir d;
	char path[80], test[80];
	unsigned seen = 0;
	int r = 0;

	snprintf(test, sizeof(test), "fat%u directory grows", type);
	if (!fresh(type, test))
		return;
	REQUIRE(fat_mkdir(&vol, "/grow"), test);
	for (unsigned i = 0; i < 300 && r == 0; i++) {
		snprintf(path, sizeof(path), "/grow/a fairly long name %u", i);
		r = put_file(path, i, i % 3, 1);
	}
	check(r == 0, test, "%s", fat_strerror(r));
	for (unsigned i = 0; i < 300; i += 2) {
		snprintf(path, sizeof(path), "/grow/a fairly long name %u", i);
		fat_unlink(&vol, path);
	}
	for (unsigned i = 0; i < 100 && r == 0; i++) {
		snprintf(path, sizeof(path), "/grow/n%u", i);
		r = put_file(path, i, 10, 10);
	}
	r = fat_opendir(&vol, "/grow", &d);
	while (r >= 0 && (r = fat_readdir(&d, &ent)) > 0)
		seen++;
	check(r == 0 && seen == 250, "directory lists every entry after "
	      "reuse", "%u seen, %s", seen, fat_strerror(r));
	snprintf(test, sizeof(test), "fat%u grown directory is consistent",
		 type);
	check_fsck(&dev, test);
}

void run_name_tests(void)
{
	test_short_names();
	test_aliases();
	test_unicode_and_limits();
	test_root_full();
	test_growth(16);
	test_growth(32);
}
