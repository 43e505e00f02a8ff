/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cmd-fs.c - shell commands on the root file system: ls, cat, write,
   append, touch, mkdir, rmdir, rm, mv, stat, df, check, cd, pwd,
   hexdump, crc32.

   Layers: the shell calls these; they call fs/mount.h (root volume)
   and fs/path.h (current directory, paths) and the FAT library.  Paths given by the
   user are made absolute against the current directory first.  Every
   command that changes the volume ends with fs_sync(), so when the
   prompt returns the data is on the disk and the disk's cache is
   flushed.  Messages: "CMD: PATH: reason".  */

#include <stdbool.h>
#include <stdint.h>

#include <portix/crc32.h>
#include <portix/fat.h>

#include "block/block.h"
#include "console.h"
#include "fs/mount.h"
#include "fs/path.h"
#include "fs/fscheck.h"
#include "lib/error.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "shell/cmd-fs.h"
#include "shell/shell.h"

/* File data passes through here (one shell, one command at a time).
   64 KiB: FAT reads a contiguous run in one request, and the driver
   moves it in multi-sector blocks.  */
static uint8_t iobuf[64 * 1024];

/* Scratch for directory entries and the text of write/append.  */
static struct fat_dirent dent;
static char text[SHELL_LINE_MAX + 2];

/* The root volume, or NULL after telling the user why there is none.  */
static struct fat_volume *volume(const char *cmd)
{
	struct fat_volume *vol = fs_root();

	if (!vol)
		kprintf("%s: no file system on /: %s\n", cmd, fs_root_error());
	return vol;
}

/* Say "CMD: PATH: reason" for ERR, an enum kerror (a FAT library
   result goes through fs_error first).  */
static int complain(const char *cmd, const char *path, int err)
{
	kprintf("%s: %s: %s\n", cmd, path, error_message(err));
	return 1;
}

/* ARG made absolute into OUT (FS_PATH_MAX bytes); false after a
   message.  */
static bool absolute(const char *cmd, const char *arg, char *out)
{
	int err = fs_path(arg, out, FS_PATH_MAX);

	if (err)
		complain(cmd, arg, err);
	return !err;
}

/* End of a command that wrote: push it all to the disk.  */
static int synced(const char *cmd, int status)
{
	int err = fs_sync();

	if (err) {
		kprintf("%s: sync: %s\n", cmd, error_message(err));
		return 1;
	}
	return status;
}

static int usage(const char *cmd, const char *args)
{
	kprintf("usage: %s %s\n", cmd, args);
	return 1;
}

static const char *basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* One line of ls: size (or <dir>) and name, directories with a '/'.  */
static void ls_line(const char *name, const struct fat_stat *st)
{
	if (st->attr & FAT_ATTR_DIR)
		kprintf("%10s  %s/\n", "<dir>", name);
	else
		kprintf("%10u  %s\n", st->size, name);
}

int cmd_ls(int argc, char **argv)
{
	struct fat_volume *vol = volume(argv[0]);
	const char *arg = argc > 1 ? argv[1] : ".";
	char path[FS_PATH_MAX];
	struct fat_stat st;
	struct fat_dir dir;
	int err;

	if (!vol)
		return 1;
	if (argc > 2)
		return usage(argv[0], "[PATH]");
	if (!absolute(argv[0], arg, path))
		return 1;
	err = fat_stat(vol, path, &st);
	if (err)
		return complain(argv[0], arg, fs_error(err));
	if (!(st.attr & FAT_ATTR_DIR)) {
		ls_line(basename(path), &st);
		return 0;
	}
	err = fat_opendir(vol, path, &dir);
	while (!err && (err = fat_readdir(&dir, &dent)) == 1) {
		ls_line(dent.name, &dent.st);
		err = 0;
	}
	return err < 0 ? complain(argv[0], arg, fs_error(err)) : 0;
}

/* Open PATH for reading.  */
static bool open_read(const char *cmd, const char *arg, struct fat_file *f)
{
	struct fat_volume *vol = volume(cmd);
	char path[FS_PATH_MAX];
	int err;

	if (!vol || !absolute(cmd, arg, path))
		return false;
	err = fat_open(vol, path, FAT_O_READ, f);
	if (err)
		complain(cmd, arg, fs_error(err));
	return !err;
}

int cmd_cat(int argc, char **argv)
{
	struct fat_file f;
	int32_t n;
	int i, status = 0;

	if (argc < 2)
		return usage(argv[0], "PATH...");
	for (i = 1; i < argc; i++) {
		if (!open_read(argv[0], argv[i], &f)) {
			status = 1;
			continue;
		}
		while ((n = fat_read(&f, iobuf, sizeof(iobuf))) > 0)
			console_write((const char *)iobuf, (size_t)n);
		if (n < 0)
			status = complain(argv[0], argv[i], fs_error(n));
		fat_close(&f);
	}
	return status;
}

/* write and append: the words after PATH, one space apart, and a
   newline, into PATH opened with FLAGS.  */
static int put_text(int argc, char **argv, unsigned flags)
{
	struct fat_volume *vol = volume(argv[0]);
	char path[FS_PATH_MAX];
	struct fat_file f;
	size_t len = 0;
	int32_t n;
	int i, err;

	if (!vol)
		return 1;
	if (argc < 2)
		return usage(argv[0], "PATH [TEXT]...");
	if (!absolute(argv[0], argv[1], path))
		return 1;
	for (i = 2; i < argc && len < sizeof(text); i++) {
		if (i > 2)
			len += strlcpy(text + len, " ", sizeof(text) - len);
		if (len < sizeof(text))
			len += strlcpy(text + len, argv[i],
				       sizeof(text) - len);
	}
	if (len < sizeof(text))
		len += strlcpy(text + len, "\n", sizeof(text) - len);
	if (len >= sizeof(text))
		return usage(argv[0], "PATH [TEXT]... (shorter TEXT)");
	err = fat_open(vol, path, FAT_O_WRITE | FAT_O_CREAT | flags, &f);
	if (err)
		return synced(argv[0],
			      complain(argv[0], argv[1], fs_error(err)));
	n = fat_write(&f, text, (uint32_t)len);
	fat_close(&f);
	if (n < 0)
		return synced(argv[0],
			      complain(argv[0], argv[1], fs_error(n)));
	if ((size_t)n != len)
		return synced(argv[0],
			      complain(argv[0], argv[1], ERR_NOSPC));
	return synced(argv[0], 0);
}

int cmd_write(int argc, char **argv)
{
	return put_text(argc, argv, FAT_O_TRUNC);
}

int cmd_append(int argc, char **argv)
{
	return put_text(argc, argv, FAT_O_APPEND);
}

/* Commands that apply OP to each PATH argument (touch, mkdir, rmdir,
   rm).  */
static int each_path(int argc, char **argv,
		     int (*op)(struct fat_volume *, const char *))
{
	struct fat_volume *vol = volume(argv[0]);
	char path[FS_PATH_MAX];
	int i, err, status = 0;

	if (!vol)
		return 1;
	if (argc < 2)
		return usage(argv[0], "PATH...");
	for (i = 1; i < argc; i++) {
		if (!absolute(argv[0], argv[i], path)) {
			status = 1;
			continue;
		}
		err = op(vol, path);
		if (err)
			status = complain(argv[0], argv[i], fs_error(err));
	}
	return synced(argv[0], status);
}

static int touch_one(struct fat_volume *vol, const char *path)
{
	struct fat_file f;
	int err = fat_open(vol, path, FAT_O_WRITE | FAT_O_CREAT, &f);

	if (!err)
		fat_close(&f);
	return err;
}

int cmd_touch(int argc, char **argv)
{
	return each_path(argc, argv, touch_one);
}

int cmd_mkdir(int argc, char **argv)
{
	return each_path(argc, argv, fat_mkdir);
}

int cmd_rmdir(int argc, char **argv)
{
	return each_path(argc, argv, fat_rmdir);
}

int cmd_rm(int argc, char **argv)
{
	return each_path(argc, argv, fat_unlink);
}

/* mv OLD NEW; an existing directory NEW receives OLD under its name.  */
int cmd_mv(int argc, char **argv)
{
	static char from[FS_PATH_MAX], to[FS_PATH_MAX];
	struct fat_volume *vol = volume(argv[0]);
	struct fat_stat st;
	const char *name;
	int err;

	if (!vol)
		return 1;
	if (argc != 3)
		return usage(argv[0], "OLD NEW");
	if (!absolute(argv[0], argv[1], from) ||
	    !absolute(argv[0], argv[2], to))
		return 1;
	if (!fat_stat(vol, to, &st) && (st.attr & FAT_ATTR_DIR) &&
	    strcmp(from, to)) {
		name = basename(from);
		if (strlen(to) + 1 + strlen(name) + 1 > sizeof(to))
			return complain(argv[0], argv[2], ERR_NAMETOOLONG);
		if (strcmp(to, "/"))
			strlcpy(to + strlen(to), "/", sizeof(to) - strlen(to));
		strlcpy(to + strlen(to), name, sizeof(to) - strlen(to));
	}
	err = fat_rename(vol, from, to);
	if (err)
		return synced(argv[0],
			      complain(argv[0], argv[1], fs_error(err)));
	return synced(argv[0], 0);
}

static void print_time(const char *what, const struct fat_datetime *t)
{
	kprintf("%s: %04u-%02u-%02u %02u:%02u:%02u\n", what, t->year,
		t->month, t->day, t->hour, t->minute, t->second);
}

int cmd_stat(int argc, char **argv)
{
	struct fat_volume *vol = volume(argv[0]);
	char path[FS_PATH_MAX], attrs[6];
	struct fat_stat st;
	int err;

	if (!vol)
		return 1;
	if (argc != 2)
		return usage(argv[0], "PATH");
	if (!absolute(argv[0], argv[1], path))
		return 1;
	err = fat_stat(vol, path, &st);
	if (err)
		return complain(argv[0], argv[1], fs_error(err));
	attrs[0] = st.attr & FAT_ATTR_DIR ? 'd' : '-';
	attrs[1] = st.attr & FAT_ATTR_READONLY ? 'r' : '-';
	attrs[2] = st.attr & FAT_ATTR_HIDDEN ? 'h' : '-';
	attrs[3] = st.attr & FAT_ATTR_SYSTEM ? 's' : '-';
	attrs[4] = st.attr & FAT_ATTR_ARCHIVE ? 'a' : '-';
	attrs[5] = '\0';
	kprintf("path: %s\n", path);
	kprintf("type: %s\n", st.attr & FAT_ATTR_DIR ? "directory" : "file");
	kprintf("size: %u\n", st.size);
	kprintf("attributes: %s\n", attrs);
	kprintf("first cluster: %u\n", st.first_cluster);
	print_time("modified", &st.mtime);
	print_time("created", &st.ctime);
	return 0;
}

int cmd_df(int argc, char **argv)
{
	struct fat_volume *vol = volume(argv[0]);
	struct fat_statfs st;
	uint64_t total, free;
	int err;

	(void)argc;
	if (!vol)
		return 1;
	err = fat_statfs(vol, &st);
	if (err)
		return complain(argv[0], "/", fs_error(err));
	total = (uint64_t)st.total_clusters * st.cluster_bytes / 1024;
	free = (uint64_t)st.free_clusters * st.cluster_bytes / 1024;
	kprintf("%-10s %-6s %10s %10s %10s  %s\n", "device", "type",
		"KiB", "used", "free", "mounted on");
	kprintf("%-10s FAT%-3u %10llu %10llu %10llu  /\n",
		fs_root_dev()->name, st.type, (unsigned long long)total,
		(unsigned long long)(total - free), (unsigned long long)free);
	kprintf("label: %s, serial: %04x-%04x, cluster: %u bytes\n",
		st.label[0] ? st.label : "(none)", st.serial >> 16,
		st.serial & 0xFFFF, st.cluster_bytes);
	return 0;
}

/* Problems "check" prints before it only counts them.  */
#define CHECK_SHOWN	50

/* One problem: "check: PATH: what (numbers)".  */
static void check_line(void *ctx, const struct fat_problem *p)
{
	unsigned *count = ctx;

	if ((*count)++ >= CHECK_SHOWN)
		return;
	fs_check_describe(p, text, sizeof(text));
	kprintf("check: %s\n", text);
}

int cmd_check(int argc, char **argv)
{
	struct fat_volume *vol = volume(argv[0]);
	unsigned count = 0;
	int r;

	if (!vol)
		return 1;
	if (argc > 1)
		return usage(argv[0], "");
	r = fs_check(vol, FAT_CHECK_NAMES, check_line, &count);
	if (r < 0)
		return complain(argv[0], "/", fs_error(r));
	if (r > CHECK_SHOWN)
		kprintf("check: ... and %d more\n", r - CHECK_SHOWN);
	if (r == 0)
		kprintf("check: / is clean\n");
	else
		kprintf("check: %d problem%s on /\n", r, r == 1 ? "" : "s");
	return r ? 1 : 0;
}

int cmd_cd(int argc, char **argv)
{
	const char *arg = argc > 1 ? argv[1] : "/";
	int err;

	if (!volume(argv[0]))
		return 1;
	if (argc > 2)
		return usage(argv[0], "[PATH]");
	err = fs_chdir(arg);
	return err ? complain(argv[0], arg, err) : 0;
}

int cmd_pwd(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	kprintf("%s\n", fs_cwd());
	return 0;
}

/* One hexdump line: offset, 16 bytes in hex, the same as text.  */
static void hex_line(uint32_t off, const uint8_t *p, uint32_t n)
{
	char chars[17];
	uint32_t i;

	kprintf("%08x ", off);
	for (i = 0; i < 16; i++) {
		if (i == 8)
			kprintf(" ");
		if (i < n)
			kprintf(" %02x", p[i]);
		else
			kprintf("   ");
		chars[i] = i < n && p[i] >= 0x20 && p[i] < 0x7F ?
			   (char)p[i] : '.';
	}
	chars[n < 16 ? n : 16] = '\0';
	kprintf("  |%s|\n", chars);
}

int cmd_hexdump(int argc, char **argv)
{
	struct fat_file f;
	uint32_t off = 0, i;
	int32_t n;

	if (argc != 2)
		return usage(argv[0], "PATH");
	if (!open_read(argv[0], argv[1], &f))
		return 1;
	/* 4096 is a multiple of 16: lines never straddle two reads.  */
	while ((n = fat_read(&f, iobuf, sizeof(iobuf))) > 0) {
		for (i = 0; i < (uint32_t)n; i += 16)
			hex_line(off + i, iobuf + i,
				 (uint32_t)n - i < 16 ? (uint32_t)n - i : 16);
		off += (uint32_t)n;
	}
	fat_close(&f);
	if (n < 0)
		return complain(argv[0], argv[1], fs_error(n));
	kprintf("%08x\n", off);
	return 0;
}

int cmd_crc32(int argc, char **argv)
{
	struct fat_file f;
	uint32_t crc = 0, size = 0;
	int32_t n;

	if (argc != 2)
		return usage(argv[0], "PATH");
	if (!open_read(argv[0], argv[1], &f))
		return 1;
	while ((n = fat_read(&f, iobuf, sizeof(iobuf))) > 0) {
		crc = portix_crc32(crc, iobuf, (size_t)n);
		size += (uint32_t)n;
	}
	fat_close(&f);
	if (n < 0)
		return complain(argv[0], argv[1], fs_error(n));
	kprintf("%08x %u %s\n", crc, size, argv[1]);
	return 0;
}
