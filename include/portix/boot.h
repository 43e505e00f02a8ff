/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* boot.h - the Portix boot protocol as C structures.

   Stage 2 fills a struct portix_boot_info at PORTIX_BOOTINFO_ADDR and
   jumps to the kernel at PORTIX_KERNEL_ADDR in 64-bit long mode with:
     RDI = address of the boot-info block;
     CS = PORTIX_BOOT_CODE64_SEL, DS/ES/SS = PORTIX_BOOT_DATA_SEL;
     interrupts disabled, PIC lines masked, direction flag clear;
     paging on, the first 4 GiB identity-mapped with 2 MiB pages;
     RSP = a valid stack below PORTIX_BOOT_STACK_TOP (the kernel sets its own).
   Protocol version 2 appends struct portix_boot_disk to the boot info:
   which disk stage 2 was loaded from (signature, El Torito, EDD path).
   Protocol version 3 appends struct portix_firmware_info: BIOS or UEFI,
   the ACPI RSDP and the framebuffer.  The UEFI loader (boot/efi/) keeps
   the same contract: it fills the same block and enters the same way.
   Everything is little-endian.  The offsets live in layout.h (NASM reads
   them there); the assertions below keep the structures in step.
   Installed with libportix as the boot protocol's definition (see
   portix(7)); none of libportix's functions takes these structures.  */

#ifndef PORTIX_BOOT_H
#define PORTIX_BOOT_H

#include <stdint.h>
#include <portix/layout.h>

/* The header in the first sector of stage 2, patched by portix-mkimage.  */
struct portix_stage2_header {
	uint32_t magic;			/* PORTIX_S2_MAGIC */
	uint16_t version;		/* PORTIX_PROTOCOL_VERSION */
	uint16_t header_size;		/* PORTIX_S2_HEADER_SIZE */
	uint32_t kernel_lba;		/* relative to the image's base LBA */
	uint32_t kernel_sectors;
	uint32_t kernel_size;		/* bytes */
	uint32_t kernel_crc32;
	uint32_t flags;			/* PORTIX_S2_FLAG_* */
	uint32_t reserved;
	char cmdline[PORTIX_CMDLINE_MAX];	/* NUL-terminated */
};

/* One BIOS E820 entry, as INT 15h returns it (24-byte form).  */
struct portix_e820_entry {
	uint64_t base;
	uint64_t length;
	uint32_t type;			/* 1 usable, 2 reserved, 3 ACPI, ... */
	uint32_t acpi;			/* ACPI 3.0 extended attributes */
};

#define PORTIX_E820_USABLE 1
#define PORTIX_E820_RESERVED 2
#define PORTIX_E820_ACPI 3
#define PORTIX_E820_NVS 4
#define PORTIX_E820_BAD 5

/* Which disk stage 2 was loaded from, as the BIOS and stage 1 saw it
   (protocol version 2).  The kernel matches this against the disks its
   drivers find: the disk signature at the base LBA first, a CD when
   PORTIX_BD_FLAG_CD says so, the EDD path to tell equal disks apart.  */
struct portix_boot_disk {
	uint32_t signature;		/* stage 1's MBR disk signature */
	uint16_t flags;			/* PORTIX_BD_FLAG_* */
	uint8_t cd_media;		/* El Torito boot media type */
	uint8_t cd_controller;		/* El Torito controller index */
	uint16_t cd_device;		/* El Torito device specification */
	uint16_t reserved;
	uint32_t cd_image_lba;		/* CD sector of the image */
	char edd_host_bus[PORTIX_EDD_HOST_BUS_LEN];	/* "PCI " */
	char edd_interface[PORTIX_EDD_INTERFACE_LEN];	/* "ATA     " */
	uint8_t edd_iface_path[PORTIX_EDD_IFACE_PATH_LEN];
	uint8_t edd_device_path[PORTIX_EDD_DEVICE_PATH_LEN];
	uint32_t reserved_end;
};

/* A linear framebuffer (protocol version 3).  */
struct portix_framebuffer {
	uint64_t addr;			/* physical address of pixel (0, 0) */
	uint64_t size;			/* bytes */
	uint32_t width;			/* pixels */
	uint32_t height;		/* pixels */
	uint32_t pitch;			/* bytes per row */
	uint8_t bpp;			/* bits per pixel */
	uint8_t format;			/* PORTIX_FB_FORMAT_* */
	uint16_t reserved;
	uint32_t red_mask;
	uint32_t green_mask;
	uint32_t blue_mask;
	uint32_t reserved_mask;
};

/* What the firmware told the loader (protocol version 3).  */
struct portix_firmware_info {
	uint32_t kind;			/* PORTIX_FIRMWARE_* */
	uint32_t reserved;
	uint64_t acpi_rsdp;		/* 0: scan the BIOS areas */
	struct portix_framebuffer fb;
};

/* What stage 2 hands the kernel.  */
struct portix_boot_info {
	uint32_t magic;			/* PORTIX_BI_MAGIC */
	uint16_t version;		/* PORTIX_PROTOCOL_VERSION */
	uint16_t size;			/* PORTIX_BI_SIZE */
	uint8_t boot_drive;		/* BIOS drive number (DL) */
	uint8_t flags;			/* PORTIX_BI_FLAG_* */
	uint16_t e820_count;		/* valid entries in e820[] */
	uint32_t kernel_size;		/* bytes loaded at kernel_addr */
	uint64_t base_lba;		/* image's LBA 0 on the boot disk */
	uint64_t kernel_addr;		/* PORTIX_KERNEL_ADDR */
	char cmdline[PORTIX_CMDLINE_MAX];	/* NUL-terminated */
	struct portix_e820_entry e820[PORTIX_E820_MAX];
	struct portix_boot_disk disk;	/* since protocol version 2 */
	struct portix_firmware_info firmware;	/* since version 3 */
};

/* The checks need C11 (the kernel and libportix are built as C11); a
   C99 or C++ user of this header skips them.  */
#if defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define PORTIX_CHECK_OFFSET(type, field, off) \
	_Static_assert(__builtin_offsetof(type, field) == (off), \
		       #type "." #field " must sit at " #off)

PORTIX_CHECK_OFFSET(struct portix_stage2_header, magic, PORTIX_S2_HDR_MAGIC);
PORTIX_CHECK_OFFSET(struct portix_stage2_header, version, PORTIX_S2_HDR_VERSION);
PORTIX_CHECK_OFFSET(struct portix_stage2_header, header_size, PORTIX_S2_HDR_SIZE);
PORTIX_CHECK_OFFSET(struct portix_stage2_header, kernel_lba, PORTIX_S2_HDR_KERNEL_LBA);
PORTIX_CHECK_OFFSET(struct portix_stage2_header, kernel_sectors, PORTIX_S2_HDR_KERNEL_SECTORS);
PORTIX_CHECK_OFFSET(struct portix_stage2_header, kernel_size, PORTIX_S2_HDR_KERNEL_SIZE);
PORTIX_CHECK_OFFSET(struct portix_stage2_header, kernel_crc32, PORTIX_S2_HDR_KERNEL_CRC32);
PORTIX_CHECK_OFFSET(struct portix_stage2_header, flags, PORTIX_S2_HDR_FLAGS);
PORTIX_CHECK_OFFSET(struct portix_stage2_header, cmdline, PORTIX_S2_HDR_CMDLINE);
_Static_assert(sizeof(struct portix_stage2_header) == PORTIX_S2_HEADER_SIZE,
	       "stage 2 header size");
_Static_assert(PORTIX_S2_HEADER_SIZE <= PORTIX_S2_ENTRY_OFFSET,
	       "stage 2 header must fit before the entry point");

_Static_assert(sizeof(struct portix_e820_entry) == PORTIX_E820_ENTRY_SIZE,
	       "E820 entry size");
PORTIX_CHECK_OFFSET(struct portix_boot_info, magic, PORTIX_BI_OFF_MAGIC);
PORTIX_CHECK_OFFSET(struct portix_boot_info, version, PORTIX_BI_OFF_VERSION);
PORTIX_CHECK_OFFSET(struct portix_boot_info, size, PORTIX_BI_OFF_SIZE);
PORTIX_CHECK_OFFSET(struct portix_boot_info, boot_drive, PORTIX_BI_OFF_BOOT_DRIVE);
PORTIX_CHECK_OFFSET(struct portix_boot_info, flags, PORTIX_BI_OFF_FLAGS);
PORTIX_CHECK_OFFSET(struct portix_boot_info, e820_count, PORTIX_BI_OFF_E820_COUNT);
PORTIX_CHECK_OFFSET(struct portix_boot_info, kernel_size, PORTIX_BI_OFF_KERNEL_SIZE);
PORTIX_CHECK_OFFSET(struct portix_boot_info, base_lba, PORTIX_BI_OFF_BASE_LBA);
PORTIX_CHECK_OFFSET(struct portix_boot_info, kernel_addr, PORTIX_BI_OFF_KERNEL_ADDR);
PORTIX_CHECK_OFFSET(struct portix_boot_info, cmdline, PORTIX_BI_OFF_CMDLINE);
PORTIX_CHECK_OFFSET(struct portix_boot_info, e820, PORTIX_BI_OFF_E820);
PORTIX_CHECK_OFFSET(struct portix_boot_info, disk, PORTIX_BI_OFF_DISK);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, signature, PORTIX_BD_OFF_SIGNATURE);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, flags, PORTIX_BD_OFF_FLAGS);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, cd_media, PORTIX_BD_OFF_CD_MEDIA);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, cd_controller, PORTIX_BD_OFF_CD_CONTROLLER);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, cd_device, PORTIX_BD_OFF_CD_DEVICE);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, reserved, PORTIX_BD_OFF_RESERVED);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, cd_image_lba, PORTIX_BD_OFF_CD_IMAGE_LBA);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, edd_host_bus, PORTIX_BD_OFF_EDD_HOST_BUS);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, edd_interface, PORTIX_BD_OFF_EDD_INTERFACE);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, edd_iface_path, PORTIX_BD_OFF_EDD_IFACE_PATH);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, edd_device_path, PORTIX_BD_OFF_EDD_DEVICE_PATH);
PORTIX_CHECK_OFFSET(struct portix_boot_disk, reserved_end, PORTIX_BD_OFF_RESERVED_END);
PORTIX_CHECK_OFFSET(struct portix_boot_info, firmware, PORTIX_BI_OFF_FIRMWARE);
PORTIX_CHECK_OFFSET(struct portix_firmware_info, kind, PORTIX_FW_OFF_KIND);
PORTIX_CHECK_OFFSET(struct portix_firmware_info, reserved, PORTIX_FW_OFF_RESERVED);
PORTIX_CHECK_OFFSET(struct portix_firmware_info, acpi_rsdp, PORTIX_FW_OFF_ACPI_RSDP);
PORTIX_CHECK_OFFSET(struct portix_firmware_info, fb, PORTIX_FW_OFF_FB);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, addr, PORTIX_FB_OFF_ADDR);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, size, PORTIX_FB_OFF_SIZE);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, width, PORTIX_FB_OFF_WIDTH);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, height, PORTIX_FB_OFF_HEIGHT);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, pitch, PORTIX_FB_OFF_PITCH);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, bpp, PORTIX_FB_OFF_BPP);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, format, PORTIX_FB_OFF_FORMAT);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, reserved, PORTIX_FB_OFF_RESERVED);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, red_mask, PORTIX_FB_OFF_RED_MASK);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, green_mask, PORTIX_FB_OFF_GREEN_MASK);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, blue_mask, PORTIX_FB_OFF_BLUE_MASK);
PORTIX_CHECK_OFFSET(struct portix_framebuffer, reserved_mask, PORTIX_FB_OFF_RESERVED_MASK);
_Static_assert(sizeof(struct portix_framebuffer) == PORTIX_FB_SIZE,
	       "framebuffer size");
_Static_assert(sizeof(struct portix_firmware_info) == PORTIX_FW_SIZE,
	       "firmware block size");
_Static_assert(sizeof(struct portix_boot_disk) == PORTIX_BD_SIZE,
	       "boot-disk identity size");
_Static_assert(sizeof(struct portix_boot_info) == PORTIX_BI_SIZE,
	       "boot-info size");
_Static_assert(PORTIX_BI_SIZE <= PORTIX_BOOTINFO_MAX_SIZE,
	       "boot-info must fit its page");

#endif /* C11 */

#endif /* PORTIX_BOOT_H */
