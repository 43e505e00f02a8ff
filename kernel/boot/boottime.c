/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* boottime.c - stage 2's boot stamps and the kernel's, for "boottime".

   State: stage 2's stamps (copied at entry; none when its magic is
   missing), the kernel's marks, and the TSC rate once measured.  */

#include <stdint.h>

#include <portix/layout.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/pit.h"
#include "boot/boottime.h"
#include "lib/printf.h"

struct mark {
	const char *what;
	uint64_t tsc;
};

static const char *const stage2_names[PORTIX_BT_STAMPS] = {
	[PORTIX_BT_STAGE2_START] = "stage 2 started",
	[PORTIX_BT_STAGE2_INFO] = "stage 2 boot info, E820",
	[PORTIX_BT_STAGE2_LOADED] = "stage 2 kernel read",
	[PORTIX_BT_STAGE2_CRC] = "stage 2 kernel CRC",
};

static struct mark marks[PORTIX_BT_STAMPS + BOOTTIME_MARKS_MAX];
static unsigned int num_marks;

void boottime_start(void)
{
	uint64_t entry = rdtsc();
	const uint8_t *bt = (const uint8_t *)(uintptr_t)PORTIX_BT_ADDR;
	uint32_t magic, count;

	__builtin_memcpy(&magic, bt + PORTIX_BT_OFF_MAGIC, sizeof(magic));
	__builtin_memcpy(&count, bt + PORTIX_BT_OFF_COUNT, sizeof(count));
	if (magic == PORTIX_BT_MAGIC && count <= PORTIX_BT_STAMPS) {
		for (unsigned int i = 0; i < count; i++) {
			marks[i].what = stage2_names[i];
			__builtin_memcpy(&marks[i].tsc,
					 bt + PORTIX_BT_OFF_TSC + i * 8, 8);
		}
		num_marks = count;
	}
	boottime_mark("kernel entered");
	marks[num_marks - 1].tsc = entry;
}

void boottime_mark(const char *what)
{
	if (num_marks < sizeof(marks) / sizeof(marks[0]))
		marks[num_marks++] = (struct mark){ what, rdtsc() };
}

/* Print TICKS as milliseconds with three decimals.  */
static void print_ms(uint64_t ticks)
{
	uint64_t us = ticks * 1000 / tsc_per_ms();

	kprintf("%5lu.%03lu", us / 1000, us % 1000);
}

void boottime_print(void)
{
	kprintf("%-28s %9s %9s\n", "step ends", "ms", "+ms");
	for (unsigned int i = 0; i < num_marks; i++) {
		kprintf("%-28s ", marks[i].what);
		print_ms(marks[i].tsc);
		kprintf(" ");
		print_ms(i ? marks[i].tsc - marks[i - 1].tsc : marks[i].tsc);
		kprintf("\n");
	}
	kprintf("TSC: %lu kHz; ms since reset\n", tsc_per_ms());
}
