/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* ksyms.c - look up an address in the generated symbol table.  */

#include <stddef.h>
#include <stdint.h>

#include "ksyms.h"

extern char __kernel_start[], __text_end[];

const char *ksym_lookup(uint64_t addr, uint64_t *offset)
{
	size_t lo = 0, hi = ksym_count, mid;

	if (addr < (uint64_t)(uintptr_t)__kernel_start ||
	    addr >= (uint64_t)(uintptr_t)__text_end || !ksym_count)
		return NULL;
	/* The last entry whose address is <= ADDR.  */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (ksym_table[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	if (ksym_table[lo].addr > addr)
		return NULL;
	*offset = addr - ksym_table[lo].addr;
	return ksym_table[lo].name;
}
