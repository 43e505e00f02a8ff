/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cmd-bench.c - "bench": what file I/O through FAT costs against raw
   sector reads of the same device, in MiB/s.

     bench raw MIB          read MIB MiB of the partition under "/"
                            through the block layer, from its start
     bench read PATH        read the file PATH through FAT
     bench write PATH MIB   write MIB MiB to PATH (made or emptied
                            first) through FAT, then sync

   Each moves BENCH_CHUNK bytes per call, so the three compare.  Times
   come from the TSC (late timer interrupts cannot skew them).  Output,
   one line, for bench/kernel-io:
     bench: read /big.bin: 4194304 bytes in 120.512 ms, 33.19 MiB/s  */

#include <stdbool.h>
#include <stdint.h>

#include <portix/fat.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/pit.h"
#include "block/block.h"
#include "fs/mount.h"
#include "fs/path.h"
#include "lib/error.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "shell/cmd-fs.h"

#define BENCH_CHUNK	(64 * 1024)
#define MIB		(1024 * 1024)
/* The most bench raw and bench write move: a FAT file's size is a u32.  */
#define BENCH_MAX_MIB	4095

static uint8_t chunk[BENCH_CHUNK];

static void report(const char *what, const char *path, uint64_t bytes,
		   uint64_t ticks)
{
	uint64_t us = ticks * 1000 / tsc_per_ms();
	/* MiB/s with two decimals: bytes per us scaled by 10^6 * 100.  */
	uint64_t rate = us ? bytes * 100000000 / us / MIB : 0;

	kprintf("bench: %s %s: %lu bytes in %lu.%03lu ms, %lu.%02lu MiB/s\n",
		what, path, bytes, us / 1000, us % 1000, rate / 100,
		rate % 100);
}

static bool parse_mib(const char *s, uint32_t *mib)
{
	uint32_t n = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || n > BENCH_MAX_MIB)
			return false;
		n = n * 10 + (uint32_t)(*s - '0');
	}
	*mib = n;
	return n > 0 && n <= BENCH_MAX_MIB;
}

static int bench_raw(uint32_t mib)
{
	struct blkdev *b = fs_root_dev();
	uint32_t per = BENCH_CHUNK / BLK_SECTOR_SIZE;
	uint64_t lba, end = (uint64_t)mib * (MIB / BLK_SECTOR_SIZE), t0;
	int err;

	if (!b) {
		kprintf("bench: nothing is mounted on /\n");
		return 1;
	}
	if (end > b->sectors) {
		kprintf("bench: %s has only %lu MiB\n", b->name,
			b->sectors / (MIB / BLK_SECTOR_SIZE));
		return 1;
	}
	t0 = rdtsc();
	for (lba = 0; lba < end; lba += per) {
		err = blk_read(b, lba, end - lba < per ? (uint32_t)(end - lba) :
			       per, chunk);
		if (err) {
			kprintf("bench: %s: %s\n", b->name, error_message(err));
			return 1;
		}
	}
	report("raw", b->name, end * BLK_SECTOR_SIZE, rdtsc() - t0);
	return 0;
}

static int bench_file(const char *arg, bool write, uint32_t mib)
{
	struct fat_volume *vol = fs_root();
	char path[FS_PATH_MAX];
	struct fat_file f;
	uint64_t bytes = 0, want = (uint64_t)mib * MIB, t0;
	int32_t n;
	int err;

	if (!vol) {
		kprintf("bench: no file system on /: %s\n", fs_root_error());
		return 1;
	}
	err = fs_path(arg, path, sizeof(path));
	if (!err)
		err = fs_error(fat_open(vol, path, write ? FAT_O_WRITE |
					FAT_O_CREAT | FAT_O_TRUNC : FAT_O_READ,
					&f));
	if (err) {
		kprintf("bench: %s: %s\n", arg, error_message(err));
		return 1;
	}
	memset(chunk, 0x5A, sizeof(chunk));
	t0 = rdtsc();
	if (write) {
		for (n = 0; bytes < want; bytes += (uint32_t)n) {
			n = fat_write(&f, chunk, want - bytes < BENCH_CHUNK ?
				      (uint32_t)(want - bytes) : BENCH_CHUNK);
			if (n <= 0)
				break;
		}
	} else {
		while ((n = fat_read(&f, chunk, BENCH_CHUNK)) > 0)
			bytes += (uint32_t)n;
	}
	err = fs_error(fat_close(&f));
	if (n < 0)
		err = fs_error(n);
	if (!err && write)
		err = fs_sync();
	if (err) {
		kprintf("bench: %s: %s\n", arg, error_message(err));
		return 1;
	}
	report(write ? "write" : "read", arg, bytes, rdtsc() - t0);
	return 0;
}

int cmd_bench(int argc, char **argv)
{
	uint32_t mib;

	if (argc == 3 && !strcmp(argv[1], "raw") && parse_mib(argv[2], &mib))
		return bench_raw(mib);
	if (argc == 3 && !strcmp(argv[1], "read"))
		return bench_file(argv[2], false, 0);
	if (argc == 4 && !strcmp(argv[1], "write") &&
	    parse_mib(argv[3], &mib))
		return bench_file(argv[2], true, mib);
	kprintf("usage: bench raw MIB | bench read PATH | bench write PATH MIB\n");
	return 1;
}
