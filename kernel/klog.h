/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* klog.h - the kernel log.

   klog(level, fmt, ...) formats one message (printf conventions, see
   lib/printf.h; no trailing newline needed) and keeps it, stamped with
   timer_ms(), in a ring of the most recent KLOG_RING_SIZE bytes of
   messages; the shell's "log" shows them.  Messages at or above the
   console level also go to the console as they are logged: KLOG_WARN
   normally (a quiet boot), after klog_set_verbose(true) KLOG_INFO, or
   KLOG_DEBUG in kernels configured with --enable-debug.  Console lines
   look like
     [    0.012] pit: 1000 Hz
   with "error: " / "warning: " after the stamp for those levels.
   Safe before console_init() (kept, not shown) and with interrupts
   off; not from IRQ handlers.  */

#ifndef KERNEL_KLOG_H
#define KERNEL_KLOG_H

#include <stdbool.h>
#include <stddef.h>

/* Lower is more important.  */
#define KLOG_ERR	0
#define KLOG_WARN	1
#define KLOG_INFO	2
#define KLOG_DEBUG	3

#define KLOG_RING_SIZE	8192
/* Longest message; longer ones are cut.  */
#define KLOG_LINE_MAX	160

__attribute__((format(printf, 2, 3)))
void klog(int level, const char *fmt, ...);

/* Show KLOG_INFO messages (KLOG_DEBUG in debug kernels) on the console
   too, or stop showing them.  */
void klog_set_verbose(bool verbose);

/* Print the kept messages, oldest first, with their level names.  */
void klog_dump(void);

#endif /* KERNEL_KLOG_H */
