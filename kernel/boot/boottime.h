/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* boottime.h - where the boot's time goes, in TSC stamps.

   Stage 2 stamps its steps at PORTIX_BT_ADDR (see layout.h); the kernel
   adds its own marks.  Call order (kmain):
     boottime_start()       first thing: copy stage 2's stamps out of low
                            memory and mark the kernel's entry
     boottime_mark(WHAT)    after each boot step worth timing
   The shell's "boottime" calls boottime_print(), which measures the TSC
   rate against the PIT the first time it runs, not at boot: timing the
   boot must not slow it.  */

#ifndef BOOT_BOOTTIME_H
#define BOOT_BOOTTIME_H

void boottime_start(void);

/* Stamp the step that just ended; WHAT must be a string constant.  Marks
   beyond BOOTTIME_MARKS_MAX are dropped.  */
void boottime_mark(const char *what);

/* Print every stamp: milliseconds since the TSC's reset and since the
   previous stamp.  */
void boottime_print(void);

#define BOOTTIME_MARKS_MAX 16

#endif /* BOOT_BOOTTIME_H */
