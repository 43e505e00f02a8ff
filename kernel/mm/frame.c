/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* frame.c - a bitmap of physical frames (see frame.h).

   Receives: the boot-info copy (E820 map), stage 2's identity map of
   the first 4 GiB (the bitmap is placed below 4 GiB, so it is
   reachable before and after paging_init()).
   State:    the bitmap (bit set = frame in use or not RAM), the frame
             count, a next-fit search hint and the statistics; in
             debug kernels also the owner bitmap (below).  */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <portix/boot.h>
#include <portix/layout.h>

#include "arch/x86_64/irq.h"
#include "boot/bootinfo.h"
#include "config.h"
#include "kassert.h"
#include "klog.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "panic.h"

#define BITS_PER_WORD	64

extern char __kernel_end[];

static uint64_t *bitmap;
/* Debug kernels keep a second bitmap right after the first: set = handed
   out by frame_alloc_run() and not yet freed.  The first bitmap cannot
   tell an allocated frame from a reserved one (the kernel, low memory,
   a hole in RAM); this one lets frame_free_run() assert that it only
   takes back what it gave.  NULL in release kernels.  */
static uint64_t *owned;
static size_t nframes;
static size_t nwords;
static size_t hint;		/* word index where searches start */
static struct frame_stats stats;

static inline bool test_bit(size_t f)
{
	return bitmap[f / BITS_PER_WORD] & (1ULL << (f % BITS_PER_WORD));
}

static inline void set_bit(size_t f)
{
	bitmap[f / BITS_PER_WORD] |= 1ULL << (f % BITS_PER_WORD);
}

static inline void clear_bit(size_t f)
{
	bitmap[f / BITS_PER_WORD] &= ~(1ULL << (f % BITS_PER_WORD));
}

/* Record frames [F, F + COUNT) as handed out (ON) or given back, in
   debug kernels.  */
static void mark_owned(size_t f, size_t count, bool on)
{
	uint64_t bit;
	size_t i;

	for (i = f; owned && i < f + count; i++) {
		bit = 1ULL << (i % BITS_PER_WORD);
		if (on)
			owned[i / BITS_PER_WORD] |= bit;
		else
			owned[i / BITS_PER_WORD] &= ~bit;
	}
}

/* Whether each frame of [F, F + COUNT) is handed out (ON) or none is.  */
__attribute__((unused))
static bool owned_run(size_t f, size_t count, bool on)
{
	bool bit;
	size_t i;

	for (i = f; i < f + count; i++) {
		bit = owned[i / BITS_PER_WORD] & (1ULL << (i % BITS_PER_WORD));
		if (bit != on)
			return false;
	}
	return true;
}

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static uint64_t align_down(uint64_t v, uint64_t a)
{
	return v & ~(a - 1);
}

/* Mark [BASE, END) used (USED) or free; partial frames at the edges
   are treated as used either way.  */
static void mark_range(uint64_t base, uint64_t end, bool used)
{
	uint64_t f, first, last;

	if (end > (uint64_t)nframes * FRAME_SIZE)
		end = (uint64_t)nframes * FRAME_SIZE;
	if (used) {
		first = align_down(base, FRAME_SIZE) >> FRAME_SHIFT;
		last = align_up(end, FRAME_SIZE) >> FRAME_SHIFT;
	} else {
		first = align_up(base, FRAME_SIZE) >> FRAME_SHIFT;
		last = align_down(end, FRAME_SIZE) >> FRAME_SHIFT;
	}
	for (f = first; f < last && f < nframes; f++) {
		if (used)
			set_bit(f);
		else
			clear_bit(f);
	}
}

/* End of the highest usable E820 range (capped), and the usable total.  */
static uint64_t scan_e820(const struct portix_boot_info *bi)
{
	uint64_t top = 0, end;
	unsigned int i;

	for (i = 0; i < bi->e820_count; i++) {
		const struct portix_e820_entry *e = &bi->e820[i];

		if (e->type != PORTIX_E820_USABLE || !e->length)
			continue;
		stats.usable_bytes += e->length;
		end = e->base + e->length;
		if (end > FRAME_MAX_ADDR)
			end = FRAME_MAX_ADDR;
		if (end > top)
			top = end;
	}
	return align_down(top, FRAME_SIZE);
}

/* A page-aligned spot of SIZE bytes in usable RAM above the kernel and
   below 4 GiB, or 0.  */
static uint64_t place_bitmap(const struct portix_boot_info *bi, uint64_t size)
{
	uint64_t floor = align_up((uint64_t)(uintptr_t)__kernel_end, FRAME_SIZE);
	uint64_t start, end;
	unsigned int i;

	for (i = 0; i < bi->e820_count; i++) {
		const struct portix_e820_entry *e = &bi->e820[i];

		if (e->type != PORTIX_E820_USABLE)
			continue;
		start = align_up(e->base > floor ? e->base : floor, FRAME_SIZE);
		end = e->base + e->length;
		/* Stage 2 maps only this much.  */
		if (end > PORTIX_BOOT_IDENTITY_END)
			end = PORTIX_BOOT_IDENTITY_END;
		if (start < end && end - start >= size)
			return start;
	}
	return 0;
}

static uint64_t count_free(void)
{
	uint64_t n = 0;
	size_t f;

	for (f = 0; f < nframes; f++)
		if (!test_bit(f))
			n++;
	return n;
}

void frame_init(void)
{
	const struct portix_boot_info *bi = bootinfo();
	uint64_t top, bytes, where, kend;
	unsigned int i;

	top = scan_e820(bi);
	nframes = top >> FRAME_SHIFT;
	nwords = (nframes + BITS_PER_WORD - 1) / BITS_PER_WORD;
	/* One bitmap, two in debug kernels (the owner bitmap).  */
	bytes = align_up(nwords * sizeof(uint64_t), FRAME_SIZE) *
		(PORTIX_DEBUG ? 2 : 1);
	where = place_bitmap(bi, bytes);
	if (!nframes || !where)
		panic("frame: no usable RAM above the kernel for the "
		      "frame bitmap (%lu bytes)", bytes);
	bitmap = (uint64_t *)(uintptr_t)where;
	if (PORTIX_DEBUG) {
		owned = (uint64_t *)(uintptr_t)(where + bytes / 2);
		memset(owned, 0, nwords * sizeof(uint64_t));
	}

	/* Everything used, then free what E820 calls usable, then take
	   back what overlaps anything else.  */
	memset(bitmap, 0xFF, nwords * sizeof(uint64_t));
	for (i = 0; i < bi->e820_count; i++)
		if (bi->e820[i].type == PORTIX_E820_USABLE)
			mark_range(bi->e820[i].base,
				   bi->e820[i].base + bi->e820[i].length, false);
	for (i = 0; i < bi->e820_count; i++)
		if (bi->e820[i].type != PORTIX_E820_USABLE)
			mark_range(bi->e820[i].base,
				   bi->e820[i].base + bi->e820[i].length, true);
	kend = align_up((uint64_t)(uintptr_t)__kernel_end, FRAME_SIZE);
	mark_range(0, FRAME_LOW_LIMIT, true);
	mark_range(PORTIX_KERNEL_ADDR, kend, true);
	mark_range(where, where + bytes, true);

	stats.kernel_bytes = kend - PORTIX_KERNEL_ADDR;
	stats.bitmap_bytes = bytes;
	stats.top = top;
	stats.free_frames = count_free();
	stats.managed_frames = stats.free_frames;
	klog(KLOG_INFO, "frame: %lu frames (%lu MiB) free, bitmap %lu KiB "
	     "at 0x%lx", stats.free_frames,
	     (uint64_t)(stats.free_frames * FRAME_SIZE) >> 20, bytes >> 10,
	     where);
}

/* The first run of COUNT free frames at or after word START; -1 if
   none.  */
static long find_run(size_t start, size_t count)
{
	size_t f = start * BITS_PER_WORD, run = 0;

	while (f < nframes) {
		if (!run && !(f % BITS_PER_WORD) &&
		    bitmap[f / BITS_PER_WORD] == ~0ULL) {
			f += BITS_PER_WORD;	/* a full word: skip it */
			continue;
		}
		if (test_bit(f)) {
			run = 0;
		} else if (++run == count) {
			return (long)(f + 1 - count);
		}
		f++;
	}
	return -1;
}

uint64_t frame_alloc_run(size_t count)
{
	long first;
	size_t f;

	KASSERT(!irq_in_handler());
	if (!count || !bitmap)
		return 0;
	first = find_run(hint, count);
	if (first < 0 && hint)
		first = find_run(0, count);
	if (first < 0)
		return 0;
	for (f = (size_t)first; f < (size_t)first + count; f++)
		set_bit(f);
	KASSERT(!owned || owned_run((size_t)first, count, false));
	mark_owned((size_t)first, count, true);
	stats.free_frames -= count;
	hint = ((size_t)first + count) / BITS_PER_WORD;
	return (uint64_t)first << FRAME_SHIFT;
}

uint64_t frame_alloc(void)
{
	uint64_t addr = frame_alloc_run(1);

	if (addr)
		memset((void *)(uintptr_t)addr, 0, FRAME_SIZE);
	return addr;
}

void frame_free_run(uint64_t addr, size_t count)
{
	size_t f = addr >> FRAME_SHIFT, i;

	KASSERT(!irq_in_handler());
	if (addr % FRAME_SIZE || f + count > nframes || f + count < f)
		panic("frame: freeing 0x%lx (+%zu frames): not a frame",
		      addr, count);
	for (i = f; i < f + count; i++) {
		if (!test_bit(i))
			panic("frame: double free of 0x%lx",
			      (uint64_t)i << FRAME_SHIFT);
		clear_bit(i);
	}
	/* Only frames frame_alloc_run() handed out come back (a reserved
	   frame is "in use" in the bitmap too, so the loop cannot tell).  */
	KASSERT(!owned || owned_run(f, count, true));
	mark_owned(f, count, false);
	stats.free_frames += count;
	if (f / BITS_PER_WORD < hint)
		hint = f / BITS_PER_WORD;
}

void frame_free(uint64_t addr)
{
	frame_free_run(addr, 1);
}

void frame_get_stats(struct frame_stats *st)
{
	*st = stats;
}
