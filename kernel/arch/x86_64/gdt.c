/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* gdt.c - load the kernel's GDT, reload the segments, load the TSS.

   Receives: stage 2's GDT (CS=0x08, data=0x10), interrupts disabled.
   Leaves:   the kernel GDT below in GDTR, CS=GDT_KERNEL_CS,
             DS/ES/SS=GDT_KERNEL_DS, FS/GS null, TR=GDT_TSS with IST
             stacks for #DF, NMI and #MC (see gdt.h).  */

#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/gdt.h"

/* 64-bit TSS (Intel SDM vol. 3, "Task-State Segment in IA-32e Mode").  */
struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];		/* CPL 0-2 stacks; unused, no ring 3 */
	uint64_t reserved1;
	uint64_t ist[7];		/* ist[n - 1] is IST slot n */
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;		/* >= limit: no I/O permission bitmap */
} __attribute__((packed));

_Static_assert(sizeof(struct tss) == 104, "64-bit TSS is 104 bytes");

#define IST_STACK_SIZE	8192

/* One stack per IST slot in use; 16-byte aligned as the ABI wants at a
   call, and the CPU aligns RSP to 16 on entry anyway.  */
static uint8_t ist_stacks[3][IST_STACK_SIZE] __attribute__((aligned(16)));

static struct tss tss;

/* Flat descriptors: base 0, limit 4 GiB, granularity 4 KiB.  */
#define DESC_CODE64	0x00AF9A000000FFFFULL	/* P, DPL 0, exec/read, L */
#define DESC_DATA	0x00CF92000000FFFFULL	/* P, DPL 0, read/write */
#define DESC_ABSENT	0x00CF12000000FFFFULL	/* DESC_DATA without P */

static uint64_t gdt[6] __attribute__((aligned(16))) = {
	[0] = 0,
	[GDT_KERNEL_CS / 8] = DESC_CODE64,
	[GDT_KERNEL_DS / 8] = DESC_DATA,
	/* [GDT_TSS / 8] and the slot after it: filled in by gdt_init().  */
	[GDT_ABSENT_DS / 8] = DESC_ABSENT,
};

/* Build the 16-byte system descriptor of an available 64-bit TSS.  */
static void set_tss_descriptor(uint64_t base, uint32_t limit)
{
	uint64_t lo;

	lo = (limit & 0xFFFFULL)
	   | ((base & 0xFFFFFFULL) << 16)
	   | (0x89ULL << 40)			/* P, DPL 0, type 9 */
	   | ((uint64_t)((limit >> 16) & 0xF) << 48)
	   | (((base >> 24) & 0xFFULL) << 56);
	gdt[GDT_TSS / 8] = lo;
	gdt[GDT_TSS / 8 + 1] = base >> 32;
}

/* Load GDTR, then reload CS with a far return and the data segments
   with plain moves.  */
static void load_gdt(void)
{
	struct descriptor_ptr p = {
		.limit = sizeof(gdt) - 1,
		.base = (uint64_t)(uintptr_t)gdt,
	};

	lgdt(&p);
	__asm__ volatile(
		"pushq %[cs]\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movw %[ds], %%ax\n\t"
		"movw %%ax, %%ds\n\t"
		"movw %%ax, %%es\n\t"
		"movw %%ax, %%ss\n\t"
		"xorl %%eax, %%eax\n\t"
		"movw %%ax, %%fs\n\t"
		"movw %%ax, %%gs\n\t"
		:
		: [cs] "i"(GDT_KERNEL_CS), [ds] "i"(GDT_KERNEL_DS)
		: "rax", "memory");
}

void gdt_init(void)
{
	/* Stacks grow down: each IST entry points at the end of its stack.  */
	tss.ist[IST_DOUBLE_FAULT - 1] =
		(uint64_t)(uintptr_t)(ist_stacks[0] + IST_STACK_SIZE);
	tss.ist[IST_NMI - 1] =
		(uint64_t)(uintptr_t)(ist_stacks[1] + IST_STACK_SIZE);
	tss.ist[IST_MACHINE_CHECK - 1] =
		(uint64_t)(uintptr_t)(ist_stacks[2] + IST_STACK_SIZE);
	tss.iomap_base = sizeof(tss);

	set_tss_descriptor((uint64_t)(uintptr_t)&tss, sizeof(tss) - 1);
	load_gdt();
	ltr(GDT_TSS);
}
