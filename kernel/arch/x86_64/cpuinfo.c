/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cpuinfo.c - decode CPUID leaves 0, 1, 7 and 0x8000000x.  */

#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/cpuinfo.h"
#include "lib/string.h"

enum reg { ECX1, EDX1, EBX7, ECX7, ECX_EXT, EDX_EXT };

struct feature {
	enum reg reg;
	unsigned int bit;
	const char *name;
};

/* Intel SDM vol. 2A, CPUID; AMD APM vol. 3, appendix E.  */
static const struct feature features[] = {
	{ EDX1, 0, "fpu" }, { EDX1, 4, "tsc" }, { EDX1, 5, "msr" },
	{ EDX1, 6, "pae" }, { EDX1, 8, "cx8" }, { EDX1, 9, "apic" },
	{ EDX1, 13, "pge" }, { EDX1, 15, "cmov" }, { EDX1, 16, "pat" },
	{ EDX1, 19, "clflush" }, { EDX1, 23, "mmx" }, { EDX1, 24, "fxsr" },
	{ EDX1, 25, "sse" }, { EDX1, 26, "sse2" }, { EDX1, 28, "ht" },
	{ ECX1, 0, "sse3" }, { ECX1, 1, "pclmulqdq" }, { ECX1, 9, "ssse3" },
	{ ECX1, 12, "fma" }, { ECX1, 13, "cx16" }, { ECX1, 19, "sse4_1" },
	{ ECX1, 20, "sse4_2" }, { ECX1, 21, "x2apic" }, { ECX1, 22, "movbe" },
	{ ECX1, 23, "popcnt" }, { ECX1, 25, "aes" }, { ECX1, 26, "xsave" },
	{ ECX1, 28, "avx" }, { ECX1, 30, "rdrand" },
	{ ECX1, 31, "hypervisor" },
	{ EBX7, 0, "fsgsbase" }, { EBX7, 3, "bmi1" }, { EBX7, 5, "avx2" },
	{ EBX7, 7, "smep" }, { EBX7, 8, "bmi2" }, { EBX7, 18, "rdseed" },
	{ EBX7, 20, "smap" }, { EBX7, 16, "avx512f" }, { ECX7, 2, "umip" },
	{ EDX_EXT, 11, "syscall" }, { EDX_EXT, 20, "nx" },
	{ EDX_EXT, 26, "pdpe1gb" }, { EDX_EXT, 27, "rdtscp" },
	{ EDX_EXT, 29, "lm" }, { ECX_EXT, 0, "lahf_lm" },
	{ ECX_EXT, 5, "abm" },
};

void cpuinfo_read(struct cpu_info *ci)
{
	uint32_t r[4];
	unsigned int i, base_family, base_model;

	memset(ci, 0, sizeof(*ci));
	cpuid(0, r);
	ci->max_leaf = r[0];
	memcpy(ci->vendor, &r[1], 4);
	memcpy(ci->vendor + 4, &r[3], 4);
	memcpy(ci->vendor + 8, &r[2], 4);
	if (ci->max_leaf >= 1) {
		cpuid(1, r);
		base_family = (r[0] >> 8) & 0xF;
		base_model = (r[0] >> 4) & 0xF;
		ci->stepping = r[0] & 0xF;
		ci->family = base_family;
		ci->model = base_model;
		if (base_family == 0xF)
			ci->family += (r[0] >> 20) & 0xFF;
		if (base_family == 0x6 || base_family == 0xF)
			ci->model |= ((r[0] >> 16) & 0xF) << 4;
		ci->ecx1 = r[2];
		ci->edx1 = r[3];
	}
	if (ci->max_leaf >= 7) {
		cpuid(7, r);
		ci->ebx7 = r[1];
		ci->ecx7 = r[2];
	}
	cpuid(0x80000000, r);
	ci->max_ext_leaf = r[0];
	if (ci->max_ext_leaf >= 0x80000001) {
		cpuid(0x80000001, r);
		ci->ecx_ext = r[2];
		ci->edx_ext = r[3];
	}
	if (ci->max_ext_leaf >= 0x80000004) {
		for (i = 0; i < 3; i++) {
			cpuid(0x80000002 + i, r);
			memcpy(ci->brand + 16 * i, r, 16);
		}
	}
}

static uint32_t reg_value(const struct cpu_info *ci, enum reg reg)
{
	switch (reg) {
	case ECX1: return ci->ecx1;
	case EDX1: return ci->edx1;
	case EBX7: return ci->ebx7;
	case ECX7: return ci->ecx7;
	case ECX_EXT: return ci->ecx_ext;
	case EDX_EXT: return ci->edx_ext;
	}
	return 0;
}

char *cpuinfo_features(const struct cpu_info *ci, char *buf, size_t size)
{
	size_t i, len = 0, n;

	if (!size)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < sizeof(features) / sizeof(features[0]); i++) {
		const struct feature *f = &features[i];

		if (!(reg_value(ci, f->reg) & (1U << f->bit)))
			continue;
		n = strlen(f->name);
		if (len + n + 2 > size)
			break;
		if (len)
			buf[len++] = ' ';
		memcpy(buf + len, f->name, n + 1);
		len += n;
	}
	return buf;
}
