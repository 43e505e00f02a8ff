/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* bootinfo.c - copy, check and show the boot-info block from stage 2.

   Receives: RDI from entry.asm, which stage 2 sets to the block it
   built (protocol in include/portix/boot.h).  The block sits in low
   memory the kernel will want back, so it is copied whole into .bss
   before anything else happens.
   Leaves:   the copy, reachable through bootinfo().  */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <portix/boot.h>
#include <portix/layout.h>

#include "boot/bootinfo.h"
#include "boot/cmdline.h"
#include "config.h"
#include "klog.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "panic.h"

#if PORTIX_DEBUG
/* Set by the linker script (kernel.ld.S).  */
extern char __kernel_start[], __kernel_image_end[];
extern char __bss_start[], __bss_end[];
#endif

static struct portix_boot_info info;
static uint64_t info_addr;	/* where stage 2 put it, for messages */
static bool info_copied;	/* the address was readable */

bool bootinfo_copy(const struct portix_boot_info *raw)
{
	info_addr = (uint64_t)(uintptr_t)raw;
	/* Beyond stage 2's identity map, reading would fault.  */
	if (!raw || info_addr > PORTIX_BOOT_IDENTITY_END - sizeof(info))
		return false;
	memcpy(&info, raw, sizeof(info));
	info.cmdline[PORTIX_CMDLINE_MAX - 1] = '\0';
	info_copied = true;
	return info.magic == PORTIX_BI_MAGIC;
}

bool bootinfo_wants_serial(void)
{
	if (info.magic != PORTIX_BI_MAGIC)
		return true;
	if (info.flags & PORTIX_BI_FLAG_NO_SERIAL)
		return false;
	return !cmdline_line_has_flag(info.cmdline, PORTIX_CMDLINE_NO_SERIAL);
}

bool bootinfo_has_vga_text(void)
{
	if (info.magic != PORTIX_BI_MAGIC)
		return true;
	return info.firmware.kind != PORTIX_FIRMWARE_UEFI;
}

const struct portix_framebuffer *bootinfo_framebuffer(void)
{
	if (info.magic != PORTIX_BI_MAGIC ||
	    info.version != PORTIX_PROTOCOL_VERSION ||
	    info.firmware.fb.format == PORTIX_FB_FORMAT_NONE)
		return NULL;
	return &info.firmware.fb;
}

void bootinfo_check(void)
{
	if (!info_copied)
		panic("boot-info: address 0x%lx is outside mapped memory",
		      info_addr);
	if (info.magic != PORTIX_BI_MAGIC)
		panic("boot-info: bad magic 0x%08x at 0x%lx (expected 0x%08x)",
		      info.magic, info_addr, PORTIX_BI_MAGIC);
	if (info.version != PORTIX_PROTOCOL_VERSION)
		panic("boot-info: protocol version %u, kernel speaks %u",
		      info.version, PORTIX_PROTOCOL_VERSION);
	if (info.size != sizeof(info))
		panic("boot-info: size %u, kernel expects %zu", info.size,
		      sizeof(info));
	if (info.e820_count > PORTIX_E820_MAX)
		panic("boot-info: %u E820 entries, at most %u fit",
		      info.e820_count, PORTIX_E820_MAX);
	if (info.kernel_addr != PORTIX_KERNEL_ADDR)
		panic("boot-info: kernel loaded at 0x%lx, linked for 0x%x",
		      info.kernel_addr, PORTIX_KERNEL_ADDR);
}

static void print_memory(void)
{
	uint64_t usable = 0;
	unsigned int i;

	for (i = 0; i < info.e820_count; i++)
		if (info.e820[i].type == PORTIX_E820_USABLE)
			usable += info.e820[i].length;
	klog(KLOG_INFO, "memory: %lu MiB usable in %u E820 entries",
	     usable >> 20, info.e820_count);
	/* Ranges are [start, end): end is exclusive.  */
	for (i = 0; i < info.e820_count; i++)
		klog(KLOG_INFO, "  e820: 0x%016lx-0x%016lx type %u",
			info.e820[i].base,
			info.e820[i].base + info.e820[i].length,
			info.e820[i].type);
}

/* The length of the space-padded field F of at most MAX characters.  */
static int padded_len(const char *f, int max)
{
	while (max > 0 && (f[max - 1] == ' ' || f[max - 1] == '\0'))
		max--;
	return max;
}

/* "boot disk: signature 0x..., CD ..., EDD ...": what stage 2 learnt of
   the disk it came from (fs/mount.c looks for that disk).  */
static void print_disk(void)
{
	const struct portix_boot_disk *d = &info.disk;

	kprintf("boot disk: signature 0x%08x", d->signature);
	if (d->flags & PORTIX_BD_FLAG_CD)
		kprintf(", El Torito CD (media %u, image at CD sector %u)",
			d->cd_media, d->cd_image_lba);
	if (d->flags & PORTIX_BD_FLAG_USB)
		kprintf(", USB");
	if (d->flags & PORTIX_BD_FLAG_EDD)
		kprintf(", EDD %.*s %.*s path %02x:%02x.%x channel %u device %u",
			padded_len(d->edd_host_bus, PORTIX_EDD_HOST_BUS_LEN),
			d->edd_host_bus,
			padded_len(d->edd_interface, PORTIX_EDD_INTERFACE_LEN),
			d->edd_interface,
			d->edd_iface_path[0], d->edd_iface_path[1],
			d->edd_iface_path[2], d->edd_iface_path[3],
			d->edd_device_path[0]);
	kprintf("\n");
}

/* "firmware: ..." into the log: who booted, what it handed over.  */
static void print_firmware(void)
{
	const struct portix_firmware_info *f = &info.firmware;

	klog(KLOG_INFO, "firmware: %s, ACPI RSDP %s0x%lx",
	     f->kind == PORTIX_FIRMWARE_UEFI ? "UEFI" : "BIOS",
	     f->acpi_rsdp ? "at " : "to be found, ", f->acpi_rsdp);
	if (f->fb.format != PORTIX_FB_FORMAT_NONE)
		klog(KLOG_INFO, "framebuffer: %ux%u, %u bpp, pitch %u, at 0x%lx",
		     f->fb.width, f->fb.height, f->fb.bpp, f->fb.pitch,
		     f->fb.addr);
}

void bootinfo_print(void)
{
	kprintf("boot: drive 0x%02x, base LBA %lu, kernel %u bytes at 0x%lx"
		"%s\n", info.boot_drive, info.base_lba, info.kernel_size,
		info.kernel_addr,
		(info.flags & PORTIX_BI_FLAG_CHS) ? ", CHS" : "");
	print_disk();
	print_firmware();
	print_memory();
	klog(KLOG_INFO, "cmdline: %s", info.cmdline[0] ? info.cmdline : "(none)");
#if PORTIX_DEBUG
	klog(KLOG_DEBUG, "kernel image 0x%lx-0x%lx, .bss 0x%lx-0x%lx",
		(uint64_t)(uintptr_t)__kernel_start,
		(uint64_t)(uintptr_t)__kernel_image_end,
		(uint64_t)(uintptr_t)__bss_start,
		(uint64_t)(uintptr_t)__bss_end);
#endif
}

const struct portix_boot_info *bootinfo(void)
{
	return &info;
}
