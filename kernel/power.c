/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* power.c - reboot and poweroff, the ways that work on PCs in order.  */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/acpi.h"
#include "arch/x86_64/cpu.h"
#include "arch/x86_64/pit.h"
#include "console.h"
#include "drivers/keyboard.h"
#include "lib/printf.h"
#include "power.h"

#define RESET_WAIT_MS	500

static bool never(void *unused)
{
	(void)unused;
	return false;
}

void system_reboot(void)
{
	struct descriptor_ptr no_idt = { 0, 0 };

	kprintf("Rebooting.\n");
	console_flush();
	cli();
	keyboard_reset_cpu();
	timer_poll(never, NULL, RESET_WAIT_MS);
	acpi_reset();
	/* Last resort: an exception with no IDT is a triple fault, which
	   resets the CPU.  */
	lidt(&no_idt);
	__asm__ volatile("int3");
	cpu_halt_forever();
}

int system_poweroff(void)
{
	const char *why = "unknown";
	uint64_t flags;

	kprintf("Powering off.\n");
	console_flush();
	flags = irq_save();
	acpi_poweroff(&why);
	irq_restore(flags);
	kprintf("poweroff: failed: %s\n", why);
	return -1;
}
