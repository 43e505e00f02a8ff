/* kernel-shim.h - the few kernel services the fuzzed kernel files call,
   for the host (kernel-shim.c).

   The files under test (kernel/block, kernel/fs/mbr.c, eltorito.c,
   kernel/boot/bootinfo.c, cmdline.c, kernel/shell/lineedit.c) are
   compiled unchanged with -Ikernel; their calls to the console, the
   printf family, panic() and the ATA driver land here.  */

#ifndef FUZZ_KERNEL_SHIM_H
#define FUZZ_KERNEL_SHIM_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

/* panic() jumps here (set it before calling code that may panic).  */
extern jmp_buf shim_panic_jump;

/* The drives the ATA shim reports: a disk of DISK_BYTES and, if
   CD_BYTES > 0, an ATAPI drive; both read from their buffer, and abort
   on a request outside it (the block layer must never send one).  */
void shim_set_drives(const uint8_t *disk, size_t disk_bytes,
		     const uint8_t *cd, size_t cd_bytes);

/* Console input for console_getc(): the bytes to type (0xFF: a byte
   the console dropped), then LF forever; console_getc_within() sees a
   pause instead once they are used up.  Output is dropped.  */
int console_getc_within(uint64_t ms);
void shim_set_input(const uint8_t *data, size_t len);
/* Whether all the input has been read.  */
int shim_input_done(void);

#endif /* FUZZ_KERNEL_SHIM_H */
