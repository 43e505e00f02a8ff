/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* loader.h - the parts of the Portix UEFI loader (BOOTX64.EFI).

   efi_main (main.c) runs the steps: find the medium (disk.c), read and
   check the kernel, gather what the firmware knows (main.c), take the
   memory map and leave boot services (memmap.c), enter the kernel as
   stage 2 does.  console.c prints on the firmware console until boot
   services end; nothing is printed after that.  */

#ifndef PORTIX_EFI_LOADER_H
#define PORTIX_EFI_LOADER_H

#include <stddef.h>
#include <stdint.h>

#include <portix/boot.h>

#include "efi.h"

/* The firmware's tables, set first thing by efi_main.  */
extern EFI_HANDLE efi_image;
extern EFI_SYSTEM_TABLE *efi_st;
extern EFI_BOOT_SERVICES *efi_bs;

/* console.c: "portix-efi: " lines on ConOut (and so on serial when the
   firmware mirrors it there).  Formats: %s (ASCII), %u (u64), %x (u64,
   hex; the numbers are passed as uint64_t).  fail() prints and returns to the firmware's boot manager.  */
void say(const char *fmt, ...);
__attribute__((noreturn)) void fail(EFI_STATUS status, const char *fmt, ...);

/* memory.c: the helpers the compiler may call, and page allocation.  */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *alloc_pages_below_4g(uint64_t bytes);

/* disk.c: the medium the loader came from, and the Portix image on it.  */
struct medium {
	EFI_BLOCK_IO_PROTOCOL *bio;	/* the whole disk or CD */
	uint32_t block_size;
	uint64_t image_offset;		/* byte offset of the image's LBA 0 */
	struct portix_boot_disk identity;
	uint64_t base_lba;		/* for the boot info, as stage 2 */
};
void medium_open(EFI_HANDLE image, struct medium *m);
/* Read LEN bytes at byte OFFSET of the image into BUF (fails loudly).  */
void medium_read(const struct medium *m, uint64_t offset, void *buf,
		 uint64_t len);

/* memmap.c: the final memory map in E820 form, and the end of boot
   services.  Every range in CLAIMS that the loader could not allocate
   must be memory that is free once boot services are over (and not the
   loader's own): the loader writes it after the exit.  */
struct claim {
	uint64_t start, end;
	const char *what;
	int allocated;		/* AllocatePages gave it to the loader */
};
void memmap_exit_boot_services(EFI_HANDLE image,
			       struct portix_boot_info *bi,
			       const struct claim *claims, unsigned int n);

#endif /* PORTIX_EFI_LOADER_H */
