/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* kernel.ld.S - link the kernel as a flat image at PORTIX_KERNEL_ADDR.

   Preprocess, then link with it:
     cpp -P -undef -nostdinc -I include kernel.ld.S -o kernel.ld
   (-undef: no predefined macros such as "linux" or "i386" may rewrite
   words of this script).  Addresses come from <portix/layout.h> only.

   Layout: .text.entry first, so _start is byte 0 of kernel.bin; then
   .text, .rodata, .data; then .bss, which takes no room in the file
   (objcopy -O binary stops at the end of .data) and is zeroed by
   entry.asm between __bss_start and __bss_end.  Text, rodata and data
   each start on a page so paging.c can give each its own protection
   (__text_end, __rodata_start/_end, __data_start mark them).  */

#include <portix/layout.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(_start)

PHDRS
{
	text PT_LOAD FLAGS(5);		/* R X */
	rodata PT_LOAD FLAGS(4);	/* R */
	data PT_LOAD FLAGS(6);		/* R W */
}

SECTIONS
{
	. = PORTIX_KERNEL_ADDR;
	__kernel_start = .;

	.text : {
		KEEP(*(.text.entry))
		*(.text .text.*)
	} :text
	__text_end = .;

	.rodata ALIGN(4096) : {
		__rodata_start = .;
		*(.rodata .rodata.*)
	} :rodata
	__rodata_end = .;

	.data ALIGN(4096) : {
		__data_start = .;
		*(.data .data.*)
	} :data

	/* End of what kernel.bin holds (and stage 2 loads).  */
	__kernel_image_end = .;

	.bss (NOLOAD) : {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(16);
		__bss_end = .;
	} :data

	__kernel_end = .;

	/DISCARD/ : {
		*(.eh_frame .eh_frame_hdr)
		*(.note .note.*)
		*(.comment)
	}
}

ASSERT(_start == PORTIX_KERNEL_ADDR,
       "_start must be the first byte of the kernel")
ASSERT(__kernel_image_end - PORTIX_KERNEL_ADDR <=
       PORTIX_KERNEL_MAX_SECTORS * PORTIX_SECTOR_SIZE,
       "kernel.bin is larger than PORTIX_KERNEL_MAX_SECTORS")
ASSERT(__kernel_end <= PORTIX_KERNEL_LOAD_LIMIT,
       "the kernel with its .bss reaches PORTIX_KERNEL_LOAD_LIMIT")
