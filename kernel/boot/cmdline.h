/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cmdline.h - the kernel command line.

   The line is space-separated words; a word is either a flag
   ("debug-exit") or KEY=VALUE ("crash=pf").  cmdline_init() copies the
   line; the lookups then work on that copy.  Lookups before
   cmdline_init() see an empty line.  Known words today:
     debug-exit   on a fatal error, exit QEMU instead of halting (panic.h)
     noserial     nothing on COM1 (PORTIX_CMDLINE_NO_SERIAL, bootinfo.h)
     crash=KIND   raise an exception after init, for tests (crash.h)  */

#ifndef BOOT_CMDLINE_H
#define BOOT_CMDLINE_H

#include <stdbool.h>
#include <stddef.h>

void cmdline_init(const char *line);

/* The whole line ("" if none).  */
const char *cmdline(void);

/* True if WORD appears as a word of its own.  */
bool cmdline_has_flag(const char *word);

/* The same test on the line S, for a caller that runs before
   cmdline_init() (the console's choice of devices).  */
bool cmdline_line_has_flag(const char *s, const char *word);

/* If KEY=VALUE appears (first occurrence wins), copy VALUE into BUF
   (truncated to SIZE - 1 bytes, NUL-terminated) and return true.  */
bool cmdline_get_value(const char *key, char *buf, size_t size);

#endif /* BOOT_CMDLINE_H */
