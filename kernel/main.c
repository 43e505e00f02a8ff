/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* main.c - kmain(), the kernel's first C code.

   Receives (from entry.asm): the boot-info block's address, a 32 KiB
   stack in .bss with a guard page under it, .bss cleared, interrupts
   disabled, stage 2's GDT and page tables (first 4 GiB identity-mapped,
   see include/portix/boot.h).
   Never returns: it ends in the shell, or halts.  */

#include <portix/boot.h>

#include "acpi/acpi.h"
#include "arch/x86_64/gdt.h"
#include "arch/x86_64/idt.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pit.h"
#include "block/block.h"
#include "boot/bootinfo.h"
#include "boot/boottime.h"
#include "boot/cmdline.h"
#include "config.h"
#include "console.h"
#include "crash.h"
#include "drivers/ahci.h"
#include "drivers/ata.h"
#include "drivers/virtio-blk.h"
#include "fs/mount.h"
#include "klog.h"
#include "lib/printf.h"
#include "mm/frame.h"
#include "mm/paging.h"
#include "panic.h"
#include "shell/shell.h"

__attribute__((noreturn)) void kmain(const struct portix_boot_info *raw);

void kmain(const struct portix_boot_info *raw)
{
	boottime_start();		// TSC at entry, stage 2's stamps
	bootinfo_copy(raw);		// boot info out of low memory, first
	pit_init();			// PIT at PIT_HZ: bounded waits need it
	console_init(bootinfo_wants_serial(), // VGA, COM1 unless told not to
		     bootinfo_has_vga_text());
	gdt_init();			// own GDT; TSS with #DF/NMI/#MC stacks
	idt_init();			// exception vectors; after gdt_init()
	kprintf("%s\n", PORTIX_BANNER);	// tests wait for this line
	bootinfo_check();		// halts unless protocol matches
	cmdline_init(bootinfo()->cmdline); // after bootinfo_check()
	klog_set_verbose(cmdline_has_flag(PORTIX_CMDLINE_VERBOSE));
	panic_set_debug_exit(cmdline_has_flag("debug-exit")); // for tests
	bootinfo_print();		// boot: line; memory, cmdline to log
	boottime_mark("kernel console, boot info");
	acpi_init();			// FADT, \_S5; before paging_init():
					// the EBDA pointer is in page 0
	frame_init();			// physical frames from E820
	paging_init();			// own page tables; after frame_init()
	irq_init();			// PICs remapped, IRQ vectors 32-47
	pit_start();			// IRQ 0: timer_ms() runs from here
	console_start_input();		// IRQ 4 (COM1), IRQ 1 (keyboard)
	irq_enable();			// interrupts on, for good
	boottime_mark("kernel memory, interrupts");
	ata_init();			// IDE drives; waits need pit_init()
	ahci_init();			// SATA drives; after paging_init()
	virtio_blk_init();		// virtio disks; MMIO needs paging_init()
	blk_init();			// hd0.., cd0..; after the drivers' init
	boottime_mark("kernel drives");
	fs_mount_root();		// data partition on /; never fatal
	boottime_mark("kernel / mounted");
	crash_from_cmdline();		// crash=KIND tests; stack needs paging
	boottime_mark("kernel shell starts");
	shell_run();			// never returns
}
