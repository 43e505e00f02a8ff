/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* ksyms-empty.c - an empty symbol table, for the first of the two
   kernel links and for kernels built without one (see ksyms.h).  */

#include <stddef.h>

#include "ksyms.h"

const struct ksym ksym_table[] = { { 0, NULL } };
const size_t ksym_count = 0;
