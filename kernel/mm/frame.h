/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* frame.h - the physical frame allocator.

   Hands out 4 KiB frames of RAM by physical address.  The kernel maps
   all usable RAM one-to-one (paging.c), so a frame's physical address
   is also a pointer to it.  Built from the E820 map stage 2 passed on:
   every usable frame, except low memory (below 1 MiB, which holds the
   boot data, the BIOS areas and VGA), the kernel image with its .bss,
   and the allocator's own bitmap.  RAM above FRAME_MAX_ADDR is ignored.
   Call frame_init() once, after bootinfo_check() and before
   paging_init() (which takes its page tables from here).  Not for use
   in IRQ handlers.  */

#ifndef MM_FRAME_H
#define MM_FRAME_H

#include <stddef.h>
#include <stdint.h>

#define FRAME_SIZE	4096ULL
#define FRAME_SHIFT	12
/* Highest physical address the allocator manages (64 GiB).  */
#define FRAME_MAX_ADDR	(64ULL << 30)
/* Memory below this is never handed out.  */
#define FRAME_LOW_LIMIT	0x100000ULL

struct frame_stats {
	uint64_t usable_bytes;		/* E820 usable RAM, all of it */
	uint64_t managed_frames;	/* frames the allocator may hand out */
	uint64_t free_frames;		/* of which free now */
	uint64_t kernel_bytes;		/* image + .bss, reserved */
	uint64_t bitmap_bytes;		/* the allocator's bitmap, reserved */
	uint64_t top;			/* end of the highest managed frame */
};

void frame_init(void);

/* One zero-filled frame's address, or 0 when memory is exhausted.  */
uint64_t frame_alloc(void);

/* COUNT contiguous frames (not zeroed); the first one's address, or 0.  */
uint64_t frame_alloc_run(size_t count);

/* Give back frames from frame_alloc() / frame_alloc_run().  Freeing a
   frame that is not allocated panics; in debug kernels so does (by
   KASSERT) freeing a reserved frame the allocator never handed out.  */
void frame_free(uint64_t addr);
void frame_free_run(uint64_t addr, size_t count);

void frame_get_stats(struct frame_stats *st);

#endif /* MM_FRAME_H */
