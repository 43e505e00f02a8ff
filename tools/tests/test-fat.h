/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-fat.h - shared pieces of the FAT test program (test-fat*.c).

   The program compiles the files of common/fat/ for the host and drives it over
   an in-memory block device; see test-fat.c for its modes.  */

#ifndef TEST_FAT_H
#define TEST_FAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <portix/fat.h>

/* ---- test-fat.c: reporting ---- */

extern int test_failures;

/* Print "PASS: name" or "FAIL: name: detail" (printf-style detail).  */
bool check(bool ok, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* EXPR must return WANT (0 or a FAT_E* code).  */
#define CHECK_RC(expr, want, name) do { \
	int rc_ = (expr); \
	check(rc_ == (want), (name), "%s returned %d (%s), want %d", #expr, \
	      rc_, fat_strerror(rc_), (want)); \
} while (0)
/* Quietly abort the current scenario on failure (one FAIL line).  */
#define REQUIRE(expr, name) do { \
	int rc_ = (expr); \
	if (rc_ != 0) { \
		check(false, (name), "%s returned %d (%s)", #expr, rc_, \
		      fat_strerror(rc_)); \
		return; \
	} \
} while (0)

/* ---- test-fat-dev.c: block devices, content, consistency ---- */

struct memdev {
	uint8_t *data;
	uint64_t sectors;
	long writes_left;	/* < 0: unlimited; 0: writes fail */
	bool fail_reads;
	unsigned long nreads, nwrites;
	struct fat_datetime clock;	/* what now() returns */
};

void memdev_init(struct memdev *m, uint64_t sectors);
void memdev_free(struct memdev *m);
/* A blockdev over M; with CLOCK, m->clock is the time.  */
struct fat_blockdev memdev_ops(struct memdev *m, bool clock);
int memdev_load(struct memdev *m, const char *path);
int memdev_save(const struct memdev *m, const char *path);

/* Deterministic content: byte I of the file SEED.  */
void pattern_fill(uint8_t *buf, size_t len, uint32_t seed, uint64_t off);

/* An fsck written for these tests (independent of common/fat): walks
   every directory, follows every chain and compares with the FAT.
   Returns 0 when consistent, else -1 with a reason in MSG.  */
int fat_fsck(const struct memdev *m, char *msg, size_t cap);
/* The library's own checker, fat_check (all checks), over a read-only
   mount of M, reporting to REPORT: the number of problems or a FAT_E*
   code (of the mount too).  */
int library_check_report(const struct memdev *m,
			 fat_check_report *report, void *ctx);
/* The same, with the first problem (or the error) in MSG, CAP >= 256
   bytes.  */
int library_check(const struct memdev *m, char *msg, size_t cap);
/* check() the result of fat_fsck under NAME, and that library_check
   agrees (both clean, or both finding problems).  */
void check_fsck(const struct memdev *m, const char *name);

/* ---- test-fat-unit.c: the volume under test and helpers ---- */

extern struct memdev dev;
extern struct fat_volume vol;
/* Format a fresh volume (16: 7 MiB, 32: 64 MiB) into dev/vol.  */
bool fresh(unsigned type, const char *name);
int remount(unsigned flags);
uint32_t free_clusters(void);
/* Write/verify SIZE pattern bytes of SEED in CHUNK-byte calls;
   get_file returns -100 on a content mismatch.  */
int put_file(const char *path, uint32_t seed, uint32_t size,
	     uint32_t chunk);
int get_file(const char *path, uint32_t seed, uint32_t size,
	     uint32_t chunk);

/* ---- scenarios ---- */

void run_unit_tests(void);		/* test-fat-unit.c */
void run_name_tests(void);		/* test-fat-names.c */
void run_corrupt_tests(void);		/* test-fat-corrupt.c */
void run_fuzz(unsigned rounds, uint32_t seed);	/* test-fat-corrupt.c */
int image_main(int argc, char **argv);	/* test-fat-image.c */

#endif /* TEST_FAT_H */
