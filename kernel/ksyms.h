/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* ksyms.h - the kernel's own symbol table, for exception reports.

   The build links the kernel twice: the first link (with an empty
   table) gives the function addresses, nm lists them, kernel/local.mk
   turns the list into ksyms-table.c, and the second link adds that
   table.  The table only holds text symbols, and it only adds
   read-only data after all text, so no function moves between the two
   links.  Kernels built without the table (the serial-less test
   kernel) just have none.  No state beyond the table.  */

#ifndef KERNEL_KSYMS_H
#define KERNEL_KSYMS_H

#include <stddef.h>
#include <stdint.h>

struct ksym {
	uint64_t addr;
	const char *name;
};

/* Sorted by address (the generated file).  */
extern const struct ksym ksym_table[];
extern const size_t ksym_count;

/* The function ADDR is in: its name, and ADDR's offset into it in
   *OFFSET.  NULL if ADDR is outside kernel text or the table is empty.  */
const char *ksym_lookup(uint64_t addr, uint64_t *offset);

#endif /* KERNEL_KSYMS_H */
