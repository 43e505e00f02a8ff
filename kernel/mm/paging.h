/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* paging.h - the kernel's own page tables.

   paging_init() replaces stage 2's tables (4 GiB identity, all
   writable and executable) with tables built from the E820 map:
     - everything stays identity-mapped (virtual = physical);
     - page 0 is not mapped, so NULL dereferences fault;
     - low memory [4 KiB, 1 MiB): read/write, no-execute;
     - kernel text: read-only, executable; rodata: read-only; data and
       .bss: read/write; both no-execute;
     - the page under the kernel stack (entry.asm) is not mapped;
     - all usable, ACPI and NVS RAM: read/write, no-execute, in 2 MiB
       pages (rounded out to 2 MiB).
   "No-execute" only where the CPU has NX (EFER.NXE is then turned
   on); CR0.WP makes read-only pages binding on the kernel too.
   Call after frame_init() (the tables come from the frame allocator),
   with interrupts disabled.  Other physical ranges (device memory,
   firmware tables outside E820 RAM) must be mapped with
   paging_map_mmio() before use.  */

#ifndef MM_PAGING_H
#define MM_PAGING_H

#include <stdbool.h>
#include <stdint.h>

void paging_init(void);

/* Identity-map [PHYS, PHYS + LEN) uncached, read/write, no-execute,
   where not yet mapped.  Returns 0, or -1 if a page table could not
   be allocated (or paging_init() has not run: then stage 2's map of
   the first 4 GiB is used, and addresses above it fail).  */
int paging_map_mmio(uint64_t phys, uint64_t len);

/* True if ADDR lies in the unmapped guard page under the kernel
   stack: a fault there is a stack overflow.  */
bool paging_is_stack_guard(uint64_t addr);

/* True when the CPU has NX and the tables use it.  */
bool paging_nx_enabled(void);

/* Physical address ADDR as a pointer (the map is identity).  The empty
   asm hides the constant from the compiler, which would otherwise take
   a small address such as the BIOS data area's for an offset from
   NULL and warn.  */
static inline void *phys_ptr(uint64_t addr)
{
	__asm__("" : "+r"(addr));
	return (void *)(uintptr_t)addr;
}

#endif /* MM_PAGING_H */
