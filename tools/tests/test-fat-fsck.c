/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-fat-fsck.c - a consistency checker written for the tests.

   It shares no code with common/fat/ (it reads the raw image itself), so
   it can judge what that code wrote.  It checks what fsck.fat would:
   the FAT copies are identical; every chain is in range, loop-free and
   owned by one entry only; a file's chain is exactly as long as its size
   needs; "." and ".." are right; every long-name run is well formed and
   carries its short entry's checksum; no short name repeats in a
   directory; the clusters in use are exactly the non-free FAT entries;
   on FAT32 the FSInfo free count is exact and the backup boot sector
   matches.  */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test-fat.h"

struct ck {
	const uint8_t *img;
	unsigned type, spc;
	uint32_t fat_start, fat_sectors, nfats, root_start, root_entries;
	uint32_t data_start, clusters, root_cluster, cb;
	uint8_t *used;
	char *msg;
	size_t cap;
	bool bad;
};

static uint32_t rd16(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t rd32(const uint8_t *p)
{
	return rd16(p) | rd16(p + 2) << 16;
}

static bool fail(struct ck *c, const char *fmt, ...)
{
	va_list ap;

	if (!c->bad) {
		va_start(ap, fmt);
		vsnprintf(c->msg, c->cap, fmt, ap);
		va_end(ap);
	}
	c->bad = true;
	return false;
}

static uint32_t fat(const struct ck *c, uint32_t n)
{
	const uint8_t *f = c->img + (size_t)c->fat_start * 512;

	return c->type == 32 ? rd32(f + 4 * n) & 0x0FFFFFFF : rd16(f + 2 * n);
}

static bool eoc(const struct ck *c, uint32_t v)
{
	return v >= (c->type == 32 ? 0x0FFFFFF8u : 0xFFF8u);
}

static bool valid(const struct ck *c, uint32_t n)
{
	return n >= 2 && n < c->clusters + 2;
}

/* Claim the chain at FIRST; its length in *len.  */
static bool claim(struct ck *c, uint32_t first, uint32_t *len,
		  const char *what)
{
	uint32_t n = first;

	*len = 0;
	if (first == 0)
		return true;
	for (;;) {
		if (!valid(c, n))
			return fail(c, "%s: cluster %u out of range", what, n);
		if (c->used[n])
			return fail(c, "%s: cluster %u used twice", what, n);
		c->used[n] = 1;
		++*len;
		n = fat(c, n);
		if (eoc(c, n))
			return true;
	}
}

static const uint8_t *cluster_ptr(const struct ck *c, uint32_t n)
{
	return c->img + ((size_t)c->data_start + (size_t)(n - 2) * c->spc) *
		512;
}

static bool walk(struct ck *c, uint32_t first, uint32_t parent,
		 unsigned depth, const char *path);

static bool check_entry(struct ck *c, const uint8_t *e, uint32_t self,
			uint32_t parent, unsigned slot, unsigned depth,
			const char *path)
{
	uint32_t cl = rd16(e + 26) | (c->type == 32 ? rd16(e + 20) << 16 : 0);
	uint32_t len, size = rd32(e + 28);
	char sub[512];

	snprintf(sub, sizeof(sub), "%s/%.11s", path, (const char *)e);
	if (memcmp(e, ".          ", 11) == 0) {
		if (slot != 0 || cl != self)
			return fail(c, "%s: bad \".\"", path);
		return true;
	}
	if (memcmp(e, "..         ", 11) == 0) {
		uint32_t want = parent == c->root_cluster ? 0 : parent;

		if (slot != 1 || cl != want)
			return fail(c, "%s: bad \"..\" (%u, want %u)", path, cl,
				    want);
		return true;
	}
	if (e[11] & 0x10) {
		if (!valid(c, cl))
			return fail(c, "%s: directory cluster %u", sub, cl);
		if (depth > 32)
			return fail(c, "%s: too deep", sub);
		return walk(c, cl, self, depth + 1, sub);
	}
	if (!claim(c, cl, &len, sub))
		return false;
	if (len != (uint32_t)(((uint64_t)size + c->cb - 1) / c->cb))
		return fail(c, "%s: size %u but %u clusters", sub, size, len);
	return true;
}

static uint8_t lfn_sum(const uint8_t *e)
{
	uint8_t s = 0;

	for (int i = 0; i < 11; i++)
		s = (uint8_t)(((s & 1) << 7) + (s >> 1) + e[i]);
	return s;
}

/* The 32-byte slots of a directory, in order, into SLOTS (malloc'd).  */
static uint8_t *gather(struct ck *c, uint32_t first, size_t *count,
		       const char *path)
{
	uint8_t *slots;
	uint32_t len;

	if (first == 0) {
		*count = c->root_entries;
		slots = malloc((size_t)c->root_entries * 32);
		memcpy(slots, c->img + (size_t)c->root_start * 512,
		       (size_t)c->root_entries * 32);
		return slots;
	}
	if (!claim(c, first, &len, path))
		return NULL;
	slots = malloc((size_t)len * c->cb);
	for (uint32_t i = 0, n = first; i < len; i++, n = fat(c, n))
		memcpy(slots + (size_t)i * c->cb, cluster_ptr(c, n), c->cb);
	*count = (size_t)len * c->cb / 32;
	return slots;
}

static bool walk(struct ck *c, uint32_t first, uint32_t parent,
		 unsigned depth, const char *path)
{
	size_t count, i;
	uint8_t *s = gather(c, first, &count, path);
	unsigned lfn_next = 0, lfn_sum_want = 0;
	bool ok = true;

	if (!s)
		return false;
	for (i = 0; i < count && ok; i++) {
		const uint8_t *e = s + i * 32;

		if (e[0] == 0)
			break;
		if (e[0] == 0xE5) {
			if (lfn_next)
				ok = fail(c, "%s: long name cut by a free slot",
					  path);
			continue;
		}
		if ((e[11] & 0x3F) == 0x0F) {
			unsigned ord = e[0] & 0x3F;

			if (e[0] & 0x40) {
				if (lfn_next)
					ok = fail(c, "%s: long name restarts",
						  path);
				lfn_next = ord;
				lfn_sum_want = e[13];
			} else if (ord != lfn_next - 1 ||
				   e[13] != lfn_sum_want) {
				ok = fail(c, "%s: long name slot out of order",
					  path);
			} else {
				lfn_next = ord;
			}
			if (ord == 0 || ord > 20)
				ok = fail(c, "%s: long name ord %u", path, ord);
			continue;
		}
		if (lfn_next && (lfn_next != 1 || lfn_sum(e) != lfn_sum_want))
			ok = fail(c, "%s/%.11s: orphan long name", path,
				  (const char *)e);
		lfn_next = 0;
		if (e[11] & 0x08)
			continue;
		for (size_t k = 0; k < i && ok; k++)
			if (memcmp(s + k * 32, e, 11) == 0 &&
			    (s[k * 32 + 11] & 0x3F) != 0x0F &&
			    !(s[k * 32 + 11] & 0x08) && s[k * 32] != 0xE5)
				ok = fail(c, "%s: short name %.11s twice", path,
					  (const char *)e);
		if (ok)
			ok = check_entry(c, e, first, parent, (unsigned)i,
					 depth, path);
	}
	if (ok && lfn_next)
		ok = fail(c, "%s: long name at the end", path);
	free(s);
	return ok;
}

static bool geometry(struct ck *c)
{
	const uint8_t *b = c->img;
	uint32_t rsvd = rd16(b + 14), tot = rd16(b + 19) ? rd16(b + 19) :
					       rd32(b + 32);
	uint32_t fatsz = rd16(b + 22) ? rd16(b + 22) : rd32(b + 36);
	uint32_t rootsecs;

	if (b[510] != 0x55 || b[511] != 0xAA || rd16(b + 11) != 512)
		return fail(c, "boot sector signature or sector size");
	c->spc = b[13];
	c->nfats = b[16];
	c->root_entries = rd16(b + 17);
	rootsecs = (c->root_entries * 32 + 511) / 512;
	c->fat_start = rsvd;
	c->fat_sectors = fatsz;
	c->root_start = rsvd + c->nfats * fatsz;
	c->data_start = c->root_start + rootsecs;
	c->clusters = (tot - c->data_start) / c->spc;
	c->type = c->clusters < 65525 ? 16 : 32;
	c->cb = c->spc * 512;
	c->root_cluster = c->type == 32 ? rd32(b + 44) : 0;
	if ((c->type == 32) != (rd16(b + 22) == 0))
		return fail(c, "FAT type and BPB disagree");
	return true;
}

static bool tables(struct ck *c)
{
	uint32_t free_count = 0;

	for (uint32_t k = 1; k < c->nfats; k++)
		if (memcmp(c->img + (size_t)c->fat_start * 512,
			   c->img + (size_t)(c->fat_start + k *
					     c->fat_sectors) * 512,
			   (size_t)c->fat_sectors * 512) != 0)
			return fail(c, "FAT copy %u differs from copy 0", k);
	for (uint32_t n = 2; n < c->clusters + 2; n++) {
		uint32_t v = fat(c, n);

		if (v == 0)
			free_count++;
		if (v == 0 && c->used[n])
			return fail(c, "cluster %u in use but free", n);
		if (v != 0 && !c->used[n])
			return fail(c, "cluster %u lost (FAT 0x%x)", n, v);
	}
	if (c->type == 32) {
		const uint8_t *fsi = c->img + (size_t)rd16(c->img + 48) * 512;

		if (rd32(fsi) != 0x41615252 || rd32(fsi + 484) != 0x61417272 ||
		    rd32(fsi + 508) != 0xAA550000)
			return fail(c, "FSInfo signatures");
		if (rd32(fsi + 488) != free_count)
			return fail(c, "FSInfo free count %u, really %u",
				    rd32(fsi + 488), free_count);
		if (memcmp(c->img, c->img + (size_t)rd16(c->img + 50) * 512,
			   512) != 0)
			return fail(c, "backup boot sector differs");
	}
	return true;
}

int fat_fsck(const struct memdev *m, char *msg, size_t cap)
{
	struct ck c = { .img = m->data, .msg = msg, .cap = cap };
	bool ok;

	snprintf(msg, cap, "ok");
	if (!geometry(&c))
		return -1;
	c.used = calloc(c.clusters + 2, 1);
	ok = walk(&c, c.root_cluster, c.root_cluster, 0, "") && tables(&c);
	free(c.used);
	return ok ? 0 : -1;
}

/* The first problem fat_check reports, as text.  */
static void first_problem(void *ctx, const struct fat_problem *p)
{
	char *msg = ctx;

	if (!msg[0])
		snprintf(msg, 256, "%s: %s (%u, %u)", p->path,
			 fat_check_text(p->kind), p->a, p->b);
}

int library_check_report(const struct memdev *m,
			 fat_check_report *report, void *ctx)
{
	struct fat_blockdev ops = memdev_ops((struct memdev *)m, false);
	struct fat_volume v;
	uint8_t *bitmap;
	int r;

	r = fat_mount(&v, &ops, FAT_MOUNT_RDONLY);
	if (r != 0)
		return r;
	bitmap = malloc(fat_check_bitmap_bytes(&v));
	r = fat_check(&v, bitmap, fat_check_bitmap_bytes(&v),
		      FAT_CHECK_NAMES, report, ctx);
	free(bitmap);
	fat_unmount(&v);
	return r;
}

int library_check(const struct memdev *m, char *msg, size_t cap)
{
	int r;

	msg[0] = '\0';
	if (cap < 256)
		return FAT_EINVAL;
	r = library_check_report(m, first_problem, msg);
	if (r < 0)
		snprintf(msg, cap, "fat_check: %s", fat_strerror(r));
	return r;
}

/* Two checkers, one verdict: the independent one above judges the
   library, and the library's fat_check must agree with it.  */
void check_fsck(const struct memdev *m, const char *name)
{
	char msg[256], lib[256], both[600];
	int r = fat_fsck(m, msg, sizeof(msg));
	int l = library_check(m, lib, sizeof(lib));

	check(r == 0, name, "%s", msg);
	snprintf(both, sizeof(both), "%s, fat_check agrees", name);
	check((r == 0) == (l == 0), both, "fsck: %s; fat_check (%d): %s",
	      msg, l, lib[0] ? lib : "clean");
}
