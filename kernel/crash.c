/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* crash.c - raise a chosen CPU exception on request (crash=KIND on the
   command line, or the shell's "crash KIND").

   Test scaffolding: each trigger is a few instructions that fault in a
   known way, so the boot tests can check every path of the exception
   report.  Nothing else in the kernel calls these.  The triggers that
   wreck RSP never return; the others would only return if the CPU did
   not fault, which the caller reports.  */

#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"
#include "boot/cmdline.h"
#include "crash.h"
#include "lib/printf.h"
#include "lib/string.h"

/* Canonical, above any RAM the kernel maps (frame.h caps it at 64 GiB)
   and not in the E820 map: any access faults.  */
#define UNMAPPED_ADDR		0x4000000000ULL
/* Bit 63 set, bits 47-62 clear: not canonical.  */
#define NONCANONICAL_ADDR	0x8000000000000000ULL

/* #DE: divide by zero.  */
static void crash_de(void)
{
	__asm__ volatile("xorl %%ecx, %%ecx\n\t"
			 "divl %%ecx"
			 : : : "eax", "ecx", "edx");
}

/* #DB: set RFLAGS.TF; the CPU traps after the next instruction.
   (ICEBP, opcode F1, would be shorter, but QEMU 7.2 raises #UD for it.)  */
static void crash_db(void)
{
	__asm__ volatile("pushfq\n\t"
			 "orq %0, (%%rsp)\n\t"
			 "popfq\n\t"
			 "nop"
			 : : "i"(RFLAGS_TF) : "memory", "cc");
}

/* #BP: INT3.  */
static void crash_bp(void)
{
	__asm__ volatile("int3");
}

/* #UD: UD2, the architecturally undefined instruction.  */
static void crash_ud(void)
{
	__asm__ volatile("ud2");
}

/* #NM: with CR0.TS set, any x87 instruction faults.  The only x87
   instruction in the kernel, on purpose; FNOP touches no x87 state.  */
static void crash_nm(void)
{
	write_cr0(read_cr0() | CR0_TS);
	__asm__ volatile("fnop");
}

/* #DF: point RSP at unmapped memory and push.  The push page-faults,
   and delivering that #PF needs the same stack, so it faults again:
   a fault while delivering #PF is a double fault, which the IDT sends
   to its own IST stack.  */
static void crash_df(void)
{
	__asm__ volatile("movabsq %0, %%rsp\n\t"
			 "pushq %%rax"
			 : : "i"(UNMAPPED_ADDR) : "memory");
	__builtin_unreachable();
}

/* #NP: load DS with a selector whose descriptor is not present.  */
static void crash_np(void)
{
	__asm__ volatile("movw %0, %%ax\n\t"
			 "movw %%ax, %%ds"
			 : : "i"(GDT_ABSENT_DS) : "rax", "memory");
}

/* #SS: load SS with the same not-present descriptor (a not-present
   stack segment is #SS, not #NP).  RSP stays valid, so the report is
   delivered on the normal stack.  */
static void crash_ss(void)
{
	__asm__ volatile("movw %0, %%ax\n\t"
			 "movw %%ax, %%ss"
			 : : "i"(GDT_ABSENT_DS) : "rax", "memory");
}

/* #GP: read through a non-canonical address.  */
static void crash_gp(void)
{
	uint64_t v;

	__asm__ volatile("movq (%1), %0"
			 : "=r"(v) : "r"(NONCANONICAL_ADDR) : "memory");
}

/* #PF: read from canonical but unmapped memory.  */
static void crash_pf(void)
{
	uint64_t v;

	__asm__ volatile("movq (%1), %0"
			 : "=r"(v) : "r"(UNMAPPED_ADDR) : "memory");
}

/* Stack overflow: recurse until a push lands in the unmapped guard
   page under the kernel stack.  Delivering that #PF needs the same
   stack, so the CPU raises #DF, on its own IST stack, and the report
   says "kernel stack overflow".  The depth limit is a volatile zero
   ("no limit"), only there so compilers see the recursion can end.  */
static volatile unsigned long stack_depth_limit;

static unsigned long recurse(unsigned long depth)
{
	volatile char frame[256];
	unsigned long r;

	frame[0] = (char)depth;
	if (stack_depth_limit && depth >= stack_depth_limit)
		return depth;
	r = recurse(depth + 1);
	/* FRAME must outlive the call: no tail call, no loop.  */
	__asm__ volatile("" : : "r"(frame) : "memory");
	return r + (unsigned long)frame[0];
}

static void crash_stack(void)
{
	recurse(0);
}

struct crash_kind {
	const char *name;
	void (*trigger)(void);
};

static const struct crash_kind crash_kinds[] = {
	{ "de", crash_de },
	{ "db", crash_db },
	{ "bp", crash_bp },
	{ "ud", crash_ud },
	{ "nm", crash_nm },
	{ "df", crash_df },
	{ "np", crash_np },
	{ "ss", crash_ss },
	{ "gp", crash_gp },
	{ "pf", crash_pf },
	{ "stack", crash_stack },
};

#define CRASH_KIND_MAX 32

int crash_raise(const char *kind)
{
	size_t i;

	for (i = 0; i < sizeof(crash_kinds) / sizeof(crash_kinds[0]); i++) {
		if (strcmp(kind, crash_kinds[i].name))
			continue;
		kprintf("crash: raising '%s'\n", kind);
		crash_kinds[i].trigger();
		kprintf("crash: '%s' did not raise an exception\n", kind);
		return -1;
	}
	kprintf("crash: unknown kind '%s'\n", kind);
	return -1;
}

void crash_from_cmdline(void)
{
	char kind[CRASH_KIND_MAX];

	if (cmdline_get_value("crash", kind, sizeof(kind)))
		crash_raise(kind);
}
