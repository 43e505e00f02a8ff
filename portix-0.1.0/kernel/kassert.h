/* kassert.h - kernel assertions.

   KASSERT(cond) checks COND in kernels configured with --enable-debug
   (PORTIX_DEBUG=1) and panics with the condition, file and line when it
   is false.  In release builds it compiles to nothing (COND is not
   evaluated, so it must have no side effects).  */

#ifndef KERNEL_KASSERT_H
#define KERNEL_KASSERT_H

#include "config.h"
#include "panic.h"

#if PORTIX_DEBUG
# define KASSERT(cond) \
	do { \
		if (!(cond)) \
			panic("assertion failed: %s (%s:%d)", #cond, \
			      __FILE__, __LINE__); \
	} while (0)
#else
# define KASSERT(cond) do { } while (0)
#endif

#endif /* KERNEL_KASSERT_H */
