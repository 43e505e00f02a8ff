/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cmd-system.c - shell commands about the machine as a whole: uptime,
   cpu, log, boottime, crash, reboot, poweroff.  */

#include <stdint.h>

#include "arch/x86_64/cpuinfo.h"
#include "arch/x86_64/pit.h"
#include "boot/boottime.h"
#include "crash.h"
#include "klog.h"
#include "lib/printf.h"
#include "mm/paging.h"
#include "power.h"
#include "shell/shell.h"

int cmd_uptime(int argc, char **argv)
{
	uint64_t ms = timer_ms();

	(void)argc;
	(void)argv;
	kprintf("up %lu.%03lu s (%lu:%02lu:%02lu)\n", ms / 1000, ms % 1000,
		ms / 3600000, ms / 60000 % 60, ms / 1000 % 60);
	return 0;
}

int cmd_cpu(int argc, char **argv)
{
	struct cpu_info ci;
	char features[512];

	(void)argc;
	(void)argv;
	cpuinfo_read(&ci);
	kprintf("vendor:   %s\n", ci.vendor);
	kprintf("brand:    %s\n", ci.brand[0] ? ci.brand : "(none)");
	kprintf("family:   %u, model %u, stepping %u\n", ci.family, ci.model,
		ci.stepping);
	kprintf("features: %s\n",
		cpuinfo_features(&ci, features, sizeof(features)));
	kprintf("paging:   NX %s\n", paging_nx_enabled() ? "in use" :
		"not available");
	return 0;
}

int cmd_log(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	klog_dump();
	return 0;
}

int cmd_boottime(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	boottime_print();
	return 0;
}

int cmd_crash(int argc, char **argv)
{
	if (argc != 2) {
		kprintf("usage: crash KIND (one of: %s)\n", CRASH_KINDS);
		return 1;
	}
	return crash_raise(argv[1]) ? 1 : 0;
}

int cmd_reboot(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	system_reboot();
}

int cmd_poweroff(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return system_poweroff() ? 1 : 0;
}
