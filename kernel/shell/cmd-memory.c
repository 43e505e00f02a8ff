/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cmd-memory.c - shell commands about memory: mem and heaptest.  */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <portix/boot.h>

#include "boot/bootinfo.h"
#include "config.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "shell/shell.h"

static const char *e820_type_name(uint32_t type)
{
	switch (type) {
	case PORTIX_E820_USABLE: return "usable";
	case PORTIX_E820_RESERVED: return "reserved";
	case PORTIX_E820_ACPI: return "ACPI data";
	case PORTIX_E820_NVS: return "ACPI NVS";
	case PORTIX_E820_BAD: return "bad";
	default: return "other";
	}
}

int cmd_mem(int argc, char **argv)
{
	const struct portix_boot_info *bi = bootinfo();
	struct frame_stats fs;
	struct heap_stats hs;
	unsigned int i;

	(void)argc;
	(void)argv;
	frame_get_stats(&fs);
	heap_get_stats(&hs);
	kprintf("E820 map (%u entries):\n", bi->e820_count);
	for (i = 0; i < bi->e820_count; i++) {
		const struct portix_e820_entry *e = &bi->e820[i];

		kprintf("  0x%016lx-0x%016lx %-9s %lu KiB\n", e->base,
			e->base + e->length, e820_type_name(e->type),
			e->length >> 10);
	}
	kprintf("RAM:    %lu MiB usable (%lu KiB)\n", fs.usable_bytes >> 20,
		fs.usable_bytes >> 10);
	kprintf("frames: %lu managed, %lu free (%lu MiB), %lu used\n",
		fs.managed_frames, fs.free_frames,
		(uint64_t)(fs.free_frames * FRAME_SIZE) >> 20,
		fs.managed_frames - fs.free_frames);
	kprintf("kernel: %lu KiB image and .bss, %lu KiB frame bitmap\n",
		fs.kernel_bytes >> 10, fs.bitmap_bytes >> 10);
	kprintf("heap:   %zu arena(s) of %u KiB, %zu block(s) in use "
		"(%zu bytes), %zu bytes free in arenas, %zu large block(s)\n",
		hs.arenas, HEAP_ARENA_SIZE / 1024, hs.used_blocks,
		hs.used_bytes, hs.free_bytes, hs.large_blocks);
	return 0;
}

/* ---- heaptest ---- */

#define HT_SLOTS	128
#define HT_DEFAULT_ROUNDS 10000
#define HT_MAX_ROUNDS	10000000
#define HT_SEED		0x2545F4914F6CDD1DULL
#define HT_CHECK_EVERY	1000
/* "heaptest overrun": a small block's size (its red zone follows).  */
#define HT_OVERRUN_SIZE	24

struct ht_slot {
	uint8_t *p;
	size_t size;
	uint8_t tag;
};

static struct ht_slot slots[HT_SLOTS];
static uint64_t rng;

/* xorshift64*: deterministic, so a failure can be replayed.  */
static uint64_t next_random(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545F4914F6CDD1DULL;
}

/* Mostly small blocks, some page-sized, a few large ones.  */
static size_t random_size(void)
{
	uint64_t r = next_random(), pick = r % 100;

	r >>= 8;
	if (pick < 70)
		return 1 + r % 256;
	if (pick < 95)
		return 1 + r % 4096;
	if (pick < 99)
		return 1 + r % HEAP_LARGE_MIN;
	return HEAP_LARGE_MIN + 1 + r % (4 * HEAP_LARGE_MIN);
}

/* Returns false if the block's pattern was damaged.  */
static bool ht_release(struct ht_slot *s)
{
	bool ok = true;
	size_t i;

	for (i = 0; i < s->size; i++)
		if (s->p[i] != (uint8_t)(s->tag + i)) {
			ok = false;
			break;
		}
	kfree(s->p);
	s->p = NULL;
	return ok;
}

static unsigned long parse_rounds(int argc, char **argv)
{
	unsigned long n = 0;
	const char *p;

	if (argc < 2)
		return HT_DEFAULT_ROUNDS;
	for (p = argv[1]; *p; p++) {
		if (*p < '0' || *p > '9' || n > HT_MAX_ROUNDS)
			return 0;
		n = n * 10 + (unsigned long)(*p - '0');
	}
	return n <= HT_MAX_ROUNDS ? n : 0;
}

static void print_usage_line(const char *when, const struct heap_stats *hs,
			     const struct frame_stats *fs)
{
	kprintf("heaptest: %s: %zu block(s) (%zu bytes) in use, "
		"%zu arena(s), %lu free frames\n", when, hs->used_blocks,
		hs->used_bytes, hs->arenas, fs->free_frames);
}

/* "heaptest overrun", debug kernels only: write one byte past a block
   and free it, so the red-zone assertion in kfree() stops the system.
   Returns only if nothing caught the overrun.  */
static int ht_overrun(void)
{
	uint8_t *p = kmalloc(HT_OVERRUN_SIZE);

	if (!p) {
		kprintf("heaptest: out of memory\n");
		return 1;
	}
	kprintf("heaptest: writing one byte past a %d-byte block\n",
		HT_OVERRUN_SIZE);
	p[HT_OVERRUN_SIZE] = 0;
	kfree(p);
	kprintf("heaptest: FAILED: the overrun went unnoticed\n");
	return 1;
}

int cmd_heaptest(int argc, char **argv)
{
	struct heap_stats h0, h1;
	struct frame_stats f0, f1;
	unsigned long rounds = parse_rounds(argc, argv), r;
	unsigned long allocs = 0, frees = 0, bad = 0, failed = 0;
	const char *check = NULL;
	struct ht_slot *s;
	size_t i;
	bool leak;

	if (PORTIX_DEBUG && argc == 2 && !strcmp(argv[1], "overrun"))
		return ht_overrun();
	if (!rounds) {
		kprintf("usage: heaptest [ROUNDS] (1 to %d)%s\n", HT_MAX_ROUNDS,
			PORTIX_DEBUG ? ", heaptest overrun" : "");
		return 1;
	}
	rng = HT_SEED;
	heap_get_stats(&h0);
	frame_get_stats(&f0);
	kprintf("heaptest: %lu rounds, %d slots, seed 0x%lx\n", rounds,
		HT_SLOTS, (uint64_t)HT_SEED);
	print_usage_line("before", &h0, &f0);

	for (r = 0; r < rounds && !check; r++) {
		s = &slots[next_random() % HT_SLOTS];
		if (s->p) {
			bad += !ht_release(s);
			frees++;
		} else {
			s->size = random_size();
			s->tag = (uint8_t)next_random();
			s->p = kmalloc(s->size);
			if (!s->p) {
				failed++;
				continue;
			}
			allocs++;
			if ((uintptr_t)s->p % HEAP_ALIGN)
				bad++;
			for (i = 0; i < s->size; i++)
				s->p[i] = (uint8_t)(s->tag + i);
		}
		if (r % HT_CHECK_EVERY == 0)
			check = heap_check();
	}
	for (i = 0; i < HT_SLOTS; i++) {
		if (slots[i].p) {
			bad += !ht_release(&slots[i]);
			frees++;
		}
	}
	if (!check)
		check = heap_check();

	heap_get_stats(&h1);
	frame_get_stats(&f1);
	print_usage_line("after", &h1, &f1);
	kprintf("heaptest: %lu allocations, %lu frees, %lu failed, "
		"%lu corrupted\n", allocs, frees, failed, bad);
	/* Frames the heap keeps in arenas are not a leak: count them.  */
	leak = h1.used_blocks != h0.used_blocks ||
	       h1.used_bytes != h0.used_bytes ||
	       f1.free_frames + h1.arena_bytes / FRAME_SIZE !=
	       f0.free_frames + h0.arena_bytes / FRAME_SIZE;
	if (check)
		kprintf("heaptest: heap check FAILED: %s\n", check);
	if (leak || bad || check) {
		kprintf("heaptest: FAILED:%s%s\n", leak ? " leak" : "",
			bad || check ? " corruption" : "");
		return 1;
	}
	kprintf("heaptest: no leak, no corruption\n");
	return 0;
}
