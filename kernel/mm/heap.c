/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* heap.c - kmalloc/kfree over arenas of frames (see heap.h).

   An arena: struct arena, then blocks back to back, each starting with
   a struct block header, then an end marker (a header with size 0).
   A block's size includes its header; prev_size is the size of the
   block just before it in the arena (0 for the first), so kfree can
   merge both ways in constant time.  Free blocks keep their free-list
   links in the payload.  Invariants: no two free blocks are adjacent;
   every free block is on the free list exactly once.  In debug kernels
   each block also ends in a red zone of HEAP_REDZONE bytes of
   REDZONE_BYTE just after the bytes asked for, and kfree() asserts that
   it is intact, that the header agrees with its neighbours, and that it
   runs outside IRQ handlers.
   State: the arena list, the free list, the statistics.  */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/irq.h"
#include "config.h"
#include "kassert.h"
#include "klog.h"
#include "lib/string.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "panic.h"

#define MAGIC_USED	0x55534544U	/* "DESU" */
#define MAGIC_FREE	0x46524545U	/* "EERF" */
#define MAGIC_LARGE	0x4C415247U	/* "GRAL" */
#define MAGIC_END	0x454E4421U	/* "!DNE" */

/* Debug kernels: bytes after each block's payload that must stay
   REDZONE_BYTE (an overrun of up to this much is caught on kfree).  */
#define HEAP_REDZONE	(PORTIX_DEBUG ? HEAP_ALIGN : 0)
#define REDZONE_BYTE	0xFD

struct block {
	uint32_t magic;
	uint32_t unused;
	size_t size;			/* whole block, header included */
	size_t prev_size;		/* previous block's size, 0 if first */
	size_t req;			/* bytes the caller asked for */
};

struct free_links {
	struct block *next, *prev;
};

struct arena {
	struct arena *next, *prev;
	size_t size;
	size_t unused;
};

#define HDR		sizeof(struct block)
#define MIN_BLOCK	(HDR + sizeof(struct free_links))
#define ARENA_FIRST(a)	((struct block *)((char *)(a) + sizeof(struct arena)))

_Static_assert(sizeof(struct block) % HEAP_ALIGN == 0, "header alignment");
_Static_assert(sizeof(struct arena) % HEAP_ALIGN == 0, "arena alignment");
_Static_assert(MIN_BLOCK % HEAP_ALIGN == 0, "minimum block alignment");

static struct arena *arenas;
static struct block *free_list;
static struct heap_stats stats;

static inline struct free_links *links(struct block *b)
{
	return (struct free_links *)(b + 1);
}

static inline struct block *next_block(struct block *b)
{
	return (struct block *)((char *)b + b->size);
}

static inline struct block *prev_block(struct block *b)
{
	return (struct block *)((char *)b - b->prev_size);
}

static void list_push(struct block *b)
{
	b->magic = MAGIC_FREE;
	links(b)->prev = NULL;
	links(b)->next = free_list;
	if (free_list)
		links(free_list)->prev = b;
	free_list = b;
}

static void list_remove(struct block *b)
{
	struct free_links *l = links(b);

	if (l->prev)
		links(l->prev)->next = l->next;
	else
		free_list = l->next;
	if (l->next)
		links(l->next)->prev = l->prev;
}

/* Debug kernels: fill B's red zone (after the B->req bytes asked for).  */
static void redzone_fill(struct block *b)
{
	if (HEAP_REDZONE)
		memset((char *)(b + 1) + b->req, REDZONE_BYTE, HEAP_REDZONE);
}

/* Whether B's red zone is as redzone_fill() left it.  */
__attribute__((unused))
static bool redzone_intact(const struct block *b)
{
	const unsigned char *z = (const unsigned char *)(b + 1) + b->req;
	const unsigned char *end = z + HEAP_REDZONE;

	for (; z < end; z++)
		if (*z != REDZONE_BYTE)
			return false;
	return true;
}

static bool arena_add(void)
{
	uint64_t addr = frame_alloc_run(HEAP_ARENA_SIZE / FRAME_SIZE);
	struct arena *a = (struct arena *)(uintptr_t)addr;
	struct block *b, *end;

	if (!addr)
		return false;
	a->size = HEAP_ARENA_SIZE;
	a->prev = NULL;
	a->next = arenas;
	if (arenas)
		arenas->prev = a;
	arenas = a;

	b = ARENA_FIRST(a);
	b->size = HEAP_ARENA_SIZE - sizeof(struct arena) - HDR;
	b->prev_size = 0;
	b->req = 0;
	end = next_block(b);
	end->magic = MAGIC_END;
	end->size = 0;
	end->prev_size = b->size;
	list_push(b);
	klog(KLOG_DEBUG, "heap: new arena at 0x%lx", addr);
	stats.arenas++;
	stats.arena_bytes += HEAP_ARENA_SIZE;
	stats.free_bytes += b->size;
	return true;
}

/* B is free and spans all of its arena: give the arena back.  */
static void arena_release(struct block *b)
{
	struct arena *a = (struct arena *)((char *)b - sizeof(struct arena));

	list_remove(b);
	if (a->prev)
		a->prev->next = a->next;
	else
		arenas = a->next;
	if (a->next)
		a->next->prev = a->prev;
	stats.arenas--;
	stats.arena_bytes -= HEAP_ARENA_SIZE;
	stats.free_bytes -= b->size;
	frame_free_run((uint64_t)(uintptr_t)a, HEAP_ARENA_SIZE / FRAME_SIZE);
}

static bool spans_arena(struct block *b)
{
	return b->prev_size == 0 && next_block(b)->magic == MAGIC_END &&
	       b->size == HEAP_ARENA_SIZE - sizeof(struct arena) - HDR;
}

static void *alloc_large(size_t size)
{
	size_t frames = (size + HDR + HEAP_REDZONE + FRAME_SIZE - 1) /
			FRAME_SIZE;
	uint64_t addr = frame_alloc_run(frames);
	struct block *b = (struct block *)(uintptr_t)addr;

	if (!addr)
		return NULL;
	b->magic = MAGIC_LARGE;
	b->size = frames * FRAME_SIZE;
	b->prev_size = 0;
	b->req = size;
	redzone_fill(b);
	stats.large_blocks++;
	stats.large_bytes += b->size;
	return b + 1;
}

static struct block *find_fit(size_t need)
{
	struct block *b;

	for (b = free_list; b; b = links(b)->next)
		if (b->size >= need)
			return b;
	return NULL;
}

static void *alloc_small(size_t size)
{
	size_t need = (size + HDR + HEAP_REDZONE + HEAP_ALIGN - 1) &
		      ~(size_t)(HEAP_ALIGN - 1);
	struct block *b, *rest;

	if (need < MIN_BLOCK)
		need = MIN_BLOCK;
	b = find_fit(need);
	if (!b) {
		if (!arena_add())
			return NULL;
		b = find_fit(need);
	}
	list_remove(b);
	stats.free_bytes -= b->size;
	if (b->size - need >= MIN_BLOCK) {
		rest = (struct block *)((char *)b + need);
		rest->size = b->size - need;
		rest->prev_size = need;
		rest->req = 0;
		next_block(rest)->prev_size = rest->size;
		b->size = need;
		list_push(rest);
		stats.free_bytes += rest->size;
	}
	b->magic = MAGIC_USED;
	b->req = size;
	redzone_fill(b);
	return b + 1;
}

void *kmalloc(size_t size)
{
	uint64_t flags;
	void *p;

	KASSERT(!irq_in_handler());
	if (size > FRAME_MAX_ADDR)
		goto fail;
	flags = irq_save();
	p = size > HEAP_LARGE_MIN ? alloc_large(size) : alloc_small(size);
	if (p) {
		stats.allocs++;
		stats.used_blocks++;
		stats.used_bytes += size;
	} else {
		stats.failures++;
	}
	irq_restore(flags);
	return p;
fail:
	stats.failures++;
	return NULL;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

static void free_small(struct block *b)
{
	struct block *n = next_block(b), *p;

	/* Boundary tags agree both ways; the caller's bytes fit.  */
	KASSERT(b->size >= MIN_BLOCK && b->size % HEAP_ALIGN == 0);
	KASSERT(b->req + HEAP_REDZONE <= b->size - HDR);
	KASSERT(!b->prev_size || prev_block(b)->size == b->prev_size);
	if (n->magic != MAGIC_USED && n->magic != MAGIC_FREE &&
	    n->magic != MAGIC_END)
		panic("heap: block after %p overwritten (magic 0x%08x)",
		      (void *)(b + 1), n->magic);
	KASSERT(n->prev_size == b->size);
	stats.free_bytes += b->size;
	if (n->magic == MAGIC_FREE) {
		list_remove(n);
		b->size += n->size;
	}
	if (b->prev_size) {
		p = prev_block(b);
		if (p->magic == MAGIC_FREE) {
			list_remove(p);
			p->size += b->size;
			b = p;
		}
	}
	next_block(b)->prev_size = b->size;
	b->req = 0;
	list_push(b);
	/* Keep one arena around, so a kmalloc/kfree pair in a loop does
	   not take and return frames every time.  */
	if (spans_arena(b) && stats.arenas > 1)
		arena_release(b);
}

void kfree(void *ptr)
{
	struct block *b;
	uint64_t flags;

	KASSERT(!irq_in_handler());
	if (!ptr)
		return;
	if ((uintptr_t)ptr % HEAP_ALIGN)
		panic("heap: kfree(%p): not a heap pointer", ptr);
	b = (struct block *)ptr - 1;
	flags = irq_save();
	stats.frees++;
	stats.used_blocks--;
	stats.used_bytes -= b->req;
	switch (b->magic) {
	case MAGIC_USED:
		KASSERT(redzone_intact(b));
		free_small(b);
		break;
	case MAGIC_LARGE:
		KASSERT((uintptr_t)b % FRAME_SIZE == 0 &&
			b->size % FRAME_SIZE == 0);
		KASSERT(redzone_intact(b));
		stats.large_blocks--;
		stats.large_bytes -= b->size;
		b->magic = 0;
		frame_free_run((uint64_t)(uintptr_t)b, b->size / FRAME_SIZE);
		break;
	case MAGIC_FREE:
		panic("heap: kfree(%p): freed twice", ptr);
	default:
		panic("heap: kfree(%p): bad header (magic 0x%08x)", ptr,
		      b->magic);
	}
	irq_restore(flags);
}

void heap_get_stats(struct heap_stats *st)
{
	uint64_t flags = irq_save();

	*st = stats;
	irq_restore(flags);
}

static const char *check_arena(struct arena *a, size_t *nfree,
			       size_t *free_bytes, size_t *used)
{
	struct block *b = ARENA_FIRST(a), *end;
	size_t prev = 0;
	bool prev_free = false;

	end = (struct block *)((char *)a + a->size - HDR);
	while (b < end) {
		if (b->prev_size != prev)
			return "boundary tag mismatch";
		if (b->size < MIN_BLOCK || b->size % HEAP_ALIGN ||
		    (char *)b + b->size > (char *)end)
			return "block size out of range";
		if (b->magic == MAGIC_FREE) {
			if (prev_free)
				return "two free blocks side by side";
			(*nfree)++;
			*free_bytes += b->size;
		} else if (b->magic == MAGIC_USED) {
			(*used)++;
		} else {
			return "bad block magic";
		}
		prev_free = b->magic == MAGIC_FREE;
		prev = b->size;
		b = next_block(b);
	}
	if (b != end || b->magic != MAGIC_END || b->prev_size != prev)
		return "arena end marker damaged";
	return NULL;
}

const char *heap_check(void)
{
	size_t nfree = 0, listed = 0, free_bytes = 0, used = 0, n = 0;
	const char *err = NULL;
	struct arena *a;
	struct block *b;
	uint64_t flags = irq_save();

	for (a = arenas; a && !err; a = a->next, n++)
		err = check_arena(a, &nfree, &free_bytes, &used);
	for (b = free_list; b && !err; b = links(b)->next)
		if (b->magic != MAGIC_FREE || ++listed > nfree)
			err = "free list damaged";
	if (!err && listed != nfree)
		err = "free block missing from the free list";
	if (!err && (n != stats.arenas || free_bytes != stats.free_bytes ||
		     used + stats.large_blocks != stats.used_blocks))
		err = "statistics disagree with the arenas";
	irq_restore(flags);
	return err;
}
