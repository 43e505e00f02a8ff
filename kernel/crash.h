/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* crash.h - deliberate exceptions for the boot tests.

   crash_from_cmdline() looks for crash=KIND on the kernel command line
   and, if present, raises that exception at once; the exception report
   then halts the system (or exits QEMU with debug-exit).  It returns
   only when there is no crash= word, or KIND is unknown (it prints
   "crash: unknown kind 'KIND'"), or the exception failed to happen.
   Call it after idt_init() and cmdline_init(), before the shell.
   crash_raise(KIND) does the same for the shell's "crash KIND"; it
   returns -1 only when KIND is unknown or nothing happened.
   Kinds: de db bp ud nm df np ss gp pf stack (see crash.c for how;
   "stack" needs paging_init()'s guard page).  */

#ifndef KERNEL_CRASH_H
#define KERNEL_CRASH_H

void crash_from_cmdline(void);
int crash_raise(const char *kind);
/* The kinds, space-separated, for usage messages.  */
#define CRASH_KINDS "de db bp ud nm df np ss gp pf stack"

#endif /* KERNEL_CRASH_H */
