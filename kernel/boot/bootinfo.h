/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* bootinfo.h - the kernel's copy of stage 2's boot-info block.

   Call order (kmain):
     bootinfo_copy(rdi)   first thing: copy the block out of low memory
                          (nothing is printed: the console is not up yet)
     bootinfo_check()     once the console works: halt with a message if
                          the block is not what this kernel understands
     bootinfo_print()     the "boot:" and "boot disk:" lines on the
                          console; "memory:", the E820 map and
                          "cmdline:" into the kernel log
   After bootinfo_check() returns, bootinfo() is valid for the kernel's
   lifetime (read-only) and the low-memory original may be reused.  */

#ifndef BOOT_BOOTINFO_H
#define BOOT_BOOTINFO_H

#include <stdbool.h>

#include <portix/boot.h>

/* Copy the block at RAW (from RDI at entry).  Returns true if its magic
   is right, i.e. its flags may be believed even before the full check.  */
bool bootinfo_copy(const struct portix_boot_info *raw);

/* True unless a block with the right magic asks for no serial output:
   by its flag PORTIX_BI_FLAG_NO_SERIAL (the image's choice, passed on by
   stage 2) or by the word PORTIX_CMDLINE_NO_SERIAL on its command line.  */
bool bootinfo_wants_serial(void);

/* True unless a block with the right magic says UEFI booted the kernel:
   only a BIOS leaves VGA text mode on.  */
bool bootinfo_has_vga_text(void);

/* The framebuffer the loader found, or NULL (none, or a block without
   the right magic and protocol version).  Usable before the check.  */
const struct portix_framebuffer *bootinfo_framebuffer(void);

/* Panic unless magic, version, size, E820 count and kernel address
   match this kernel.  */
void bootinfo_check(void);

void bootinfo_print(void);

const struct portix_boot_info *bootinfo(void);

#endif /* BOOT_BOOTINFO_H */
