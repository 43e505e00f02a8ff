/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* kernel-shim.h - the few kernel services the fuzzed kernel files call,
   for the host (kernel-shim.c).

   The files under test (kernel/block, kernel/block/mbr.c, eltorito.c,
   kernel/boot/bootinfo.c, cmdline.c, kernel/shell/lineedit.c) are
   compiled unchanged with -iquote kernel; their calls to the console,
   the printf family, klog and panic() land here (the drives the block
   layer reads are fuzz-blk-scan.c's own).  */

#ifndef FUZZ_KERNEL_SHIM_H
#define FUZZ_KERNEL_SHIM_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

/* panic() jumps here (set it before calling code that may panic).  */
extern jmp_buf shim_panic_jump;

/* Console input for console_getc(): the bytes to type (0xFF: a byte
   the console dropped), then LF forever; console_getc_within() sees a
   pause instead once they are used up.  Output is dropped.  */
int console_getc_within(uint64_t ms);
void shim_set_input(const uint8_t *data, size_t len);
/* Whether all the input has been read.  */
int shim_input_done(void);

#endif /* FUZZ_KERNEL_SHIM_H */
