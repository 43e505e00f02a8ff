/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-fat-dev.c - in-memory block device and test content.

   The device is a malloc'd array of sectors.  It enforces the contract
   of struct fat_blockdev (every request inside the device): a request
   outside it aborts the program, so the sanitizer runs and the fuzzer
   catch any such bug.  It can also fail reads, or writes after a
   budget, to test I/O error paths.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-fat.h"

static void range(const struct memdev *m, uint64_t lba, uint32_t count)
{
	if (count == 0 || lba >= m->sectors || count > m->sectors - lba) {
		fprintf(stderr, "test-fat: request outside the device: "
			"lba %llu count %u (device %llu sectors)\n",
			(unsigned long long)lba, count,
			(unsigned long long)m->sectors);
		abort();
	}
}

static int md_read(void *ctx, uint64_t lba, uint32_t count, void *buf)
{
	struct memdev *m = ctx;

	range(m, lba, count);
	m->nreads++;
	if (m->fail_reads)
		return -1;
	memcpy(buf, m->data + lba * FAT_SECTOR_SIZE,
	       (size_t)count * FAT_SECTOR_SIZE);
	return 0;
}

static int md_write(void *ctx, uint64_t lba, uint32_t count,
		    const void *buf)
{
	struct memdev *m = ctx;

	range(m, lba, count);
	m->nwrites++;
	if (m->writes_left == 0)
		return -1;
	if (m->writes_left > 0)
		m->writes_left--;
	memcpy(m->data + lba * FAT_SECTOR_SIZE, buf,
	       (size_t)count * FAT_SECTOR_SIZE);
	return 0;
}

static int md_flush(void *ctx)
{
	struct memdev *m = ctx;

	return m->writes_left == 0 ? -1 : 0;
}

static void md_now(void *ctx, struct fat_datetime *dt)
{
	struct memdev *m = ctx;

	*dt = m->clock;
}

void memdev_init(struct memdev *m, uint64_t sectors)
{
	memset(m, 0, sizeof(*m));
	m->sectors = sectors;
	m->writes_left = -1;
	m->data = calloc((size_t)sectors, FAT_SECTOR_SIZE);
	if (!m->data) {
		perror("test-fat: calloc");
		exit(2);
	}
}

void memdev_free(struct memdev *m)
{
	free(m->data);
	m->data = NULL;
}

struct fat_blockdev memdev_ops(struct memdev *m, bool clock)
{
	struct fat_blockdev d = {
		.ctx = m,
		.read = md_read,
		.write = md_write,
		.flush = md_flush,
		.now = clock ? md_now : NULL,
		.sector_count = m->sectors,
	};

	return d;
}

int memdev_load(struct memdev *m, const char *path)
{
	FILE *f = fopen(path, "rb");
	long size;

	if (!f)
		return -1;
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) <= 0 ||
	    size % FAT_SECTOR_SIZE != 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return -1;
	}
	memdev_init(m, (uint64_t)size / FAT_SECTOR_SIZE);
	if (fread(m->data, 1, (size_t)size, f) != (size_t)size) {
		fclose(f);
		memdev_free(m);
		return -1;
	}
	fclose(f);
	return 0;
}

int memdev_save(const struct memdev *m, const char *path)
{
	FILE *f = fopen(path, "wb");
	size_t size = (size_t)m->sectors * FAT_SECTOR_SIZE;

	if (!f)
		return -1;
	if (fwrite(m->data, 1, size, f) != size) {
		fclose(f);
		return -1;
	}
	return fclose(f) == 0 ? 0 : -1;
}

/* Depends on the offset within and across sectors, so a misplaced
   sector or cluster shows.  */
void pattern_fill(uint8_t *buf, size_t len, uint32_t seed, uint64_t off)
{
	for (size_t i = 0; i < len; i++) {
		uint64_t o = off + i;

		buf[i] = (uint8_t)((o * 131u) ^ (o >> 9) * 17u ^
				   seed * 2654435761u ^ (seed >> 7));
	}
}
