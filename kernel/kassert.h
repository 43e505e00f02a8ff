/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* kassert.h - kernel assertions: the one way to check an invariant.

   KASSERT(cond) checks COND in kernels configured with --enable-debug
   (PORTIX_DEBUG=1).  When COND is false, kassert_fail() panics with
   "assertion failed: COND at FILE:LINE" (the panic path: the message,
   "System halted.", and QEMU's exit under debug-exit).  In release
   builds COND is type-checked but never evaluated, so it must have no
   side effects.  The shared FAT library reaches the same kassert_fail()
   through FAT_ASSERT (common/fat/fat-int.h).  */

#ifndef KERNEL_KASSERT_H
#define KERNEL_KASSERT_H

#include "config.h"

/* Report the failed assertion EXPR at FILE:LINE and stop (panic.c).  */
__attribute__((noreturn, cold))
void kassert_fail(const char *expr, const char *file, int line);

#if PORTIX_DEBUG
# define KASSERT(cond) \
	((cond) ? (void)0 : kassert_fail(#cond, __FILE__, __LINE__))
#else
# define KASSERT(cond) ((void)sizeof(!(cond)))
#endif

#endif /* KERNEL_KASSERT_H */
