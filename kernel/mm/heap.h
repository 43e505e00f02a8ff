/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* heap.h - the kernel heap: kmalloc/kfree for blocks of any size.

   Small blocks (up to HEAP_LARGE_MIN bytes) come from arenas of
   HEAP_ARENA_SIZE bytes taken from the frame allocator: first fit over
   a free list, split on allocation, merged with free neighbours on
   kfree (boundary tags); an arena that becomes wholly free goes back
   to the frame allocator (one is kept).  Larger blocks get frames of
   their own.  Every block is 16-byte aligned and carries a header
   whose magic kfree() checks: freeing a pointer the heap did not hand
   out, freeing twice or overwriting the next block's header panics
   with "heap: ...".  Debug kernels also put a red zone after every
   block and assert on kfree() that it is intact (an overrun), that the
   header agrees with its neighbours, and that no IRQ handler is
   running.  No fixed addresses: the heap starts empty and grows on
   demand.  Usable after frame_init(); interrupts are held off inside,
   but IRQ handlers must not allocate.  */

#ifndef MM_HEAP_H
#define MM_HEAP_H

#include <stddef.h>
#include <stdint.h>

#define HEAP_ALIGN	16
#define HEAP_ARENA_SIZE	(256 * 1024)
#define HEAP_LARGE_MIN	(64 * 1024)

/* SIZE bytes (any size; 0 gives a minimal block), or NULL when memory
   is exhausted.  kzalloc() zero-fills them.  */
void *kmalloc(size_t size);
void *kzalloc(size_t size);

/* Release a block from kmalloc()/kzalloc(); NULL is ignored.  */
void kfree(void *p);

struct heap_stats {
	size_t arenas;			/* arenas held */
	size_t arena_bytes;		/* bytes in them */
	size_t free_bytes;		/* free inside arenas, headers included */
	size_t used_blocks;		/* live blocks, large ones included */
	size_t used_bytes;		/* bytes callers asked for, live blocks */
	size_t large_blocks;		/* live blocks with frames of their own */
	size_t large_bytes;		/* frames they hold, in bytes */
	uint64_t allocs, frees, failures;	/* since boot */
};

void heap_get_stats(struct heap_stats *st);

/* Walk every arena and check headers, boundary tags, the free list and
   the statistics.  NULL when all is consistent, else what is wrong.  */
const char *heap_check(void);

#endif /* MM_HEAP_H */
