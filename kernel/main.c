/* main.c - kmain(), the kernel's first C code.

   Receives (from entry.asm): the boot-info block's address, a 16 KiB
   stack in .bss, .bss cleared, interrupts disabled, stage 2's GDT and
   page tables (first 4 GiB identity-mapped, see include/portix/boot.h).
   Never returns: it ends in the shell, or halts.  */

#include <portix/boot.h>

#include "arch/x86_64/gdt.h"
#include "arch/x86_64/idt.h"
#include "boot/bootinfo.h"
#include "boot/cmdline.h"
#include "config.h"
#include "console.h"
#include "crash.h"
#include "lib/printf.h"
#include "panic.h"
#include "shell/shell.h"

__attribute__((noreturn)) void kmain(const struct portix_boot_info *raw);

void kmain(const struct portix_boot_info *raw)
{
	bootinfo_copy(raw);		// boot info out of low memory, first
	console_init(bootinfo_wants_serial()); // COM1, unless told not to
	gdt_init();			// own GDT; TSS with #DF/NMI/#MC stacks
	idt_init();			// exception vectors; after gdt_init()
	kprintf("%s\n", PORTIX_BANNER);	// tests wait for this line
	bootinfo_check();		// halts unless protocol matches
	cmdline_init(bootinfo()->cmdline); // after bootinfo_check()
	panic_set_debug_exit(cmdline_has_flag("debug-exit")); // for tests
	bootinfo_print();		// boot:, memory:, cmdline: lines
	crash_from_cmdline();		// crash=KIND tests; after idt_init()
	shell_run();			// never returns
}
