/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* kernel-shim.h - the few kernel services that kernel files compiled
   for the host call, for the host tests and the fuzzers
   (kernel-shim.c).

   The files under test (kernel/block: block.c, mbr.c, eltorito.c;
   kernel/boot/bootinfo.c, cmdline.c, kernel/shell/lineedit.c) are
   compiled unchanged with the kernel's headers first in the include
   path, and with kernel/lib/printf.c for the printf family; their calls
   to the console, klog, panic() and strlcpy land here (the drives the
   block layer reads are fuzz-blk-scan.c's own).  */

#ifndef TOOLS_TESTS_KERNEL_SHIM_H
#define TOOLS_TESTS_KERNEL_SHIM_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

/* panic() jumps here (set it before calling code that may panic).  */
extern jmp_buf shim_panic_jump;

/* Console input: console_getc() returns the LEN bytes at DATA in turn,
   CONSOLE_INPUT_LOST in the place of each 0xFF (a byte the console
   dropped), then LF for every read past the end; console_getc_within()
   sees a pause (CONSOLE_INPUT_NONE) instead once they are used up.
   Output is dropped.  */
void shim_set_input(const uint8_t *data, size_t len);
/* Whether all the input has been read.  */
int shim_input_done(void);
/* How many bytes console_getc() has handed out since shim_set_input(),
   the LFs past the end included: the input's length when the code read
   all of it and wanted no more.  */
size_t shim_input_read(void);

#endif /* TOOLS_TESTS_KERNEL_SHIM_H */
