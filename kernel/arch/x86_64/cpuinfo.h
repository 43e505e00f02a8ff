/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cpuinfo.h - what CPUID says about the processor.

   cpuinfo_read() fills a struct cpu_info; cpuinfo_features() writes
   the names of the features the kernel knows about (Linux
   /proc/cpuinfo spelling: "fpu tsc pae ... nx lm") into a buffer.
   No state.  */

#ifndef ARCH_X86_64_CPUINFO_H
#define ARCH_X86_64_CPUINFO_H

#include <stddef.h>
#include <stdint.h>

struct cpu_info {
	char vendor[13];		/* "GenuineIntel", "AuthenticAMD" */
	char brand[49];			/* "" if the CPU has no brand string */
	unsigned int family, model, stepping;
	uint32_t max_leaf, max_ext_leaf;
	uint32_t ecx1, edx1;		/* leaf 1 */
	uint32_t ebx7, ecx7;		/* leaf 7, subleaf 0 */
	uint32_t ecx_ext, edx_ext;	/* leaf 0x80000001 */
};

void cpuinfo_read(struct cpu_info *ci);

/* Space-separated feature names, truncated to SIZE; returns BUF.  */
char *cpuinfo_features(const struct cpu_info *ci, char *buf, size_t size);

#endif /* ARCH_X86_64_CPUINFO_H */
