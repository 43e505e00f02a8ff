/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* paging.c - build and load the kernel's page tables (see paging.h).

   Receives: stage 2's tables (first 4 GiB identity, 2 MiB pages), the
   frame allocator ready.
   Leaves:   CR3 on the tables below, EFER.NXE on if the CPU has NX,
             CR0.WP on.
   State:    the PML4's address, whether NX is in use.
   The first 2 MiB-aligned stretch holding low memory and the kernel
   uses 4 KiB pages (each kernel section gets its own rights); the rest
   uses 2 MiB pages.  */

#include <stdbool.h>
#include <stdint.h>

#include <portix/boot.h>
#include <portix/layout.h>

#include "arch/x86_64/cpu.h"
#include "boot/bootinfo.h"
#include "klog.h"
#include "mm/frame.h"
#include "mm/paging.h"
#include "panic.h"

#define PTE_P		(1ULL << 0)
#define PTE_W		(1ULL << 1)
#define PTE_PWT		(1ULL << 3)
#define PTE_PCD		(1ULL << 4)
#define PTE_PS		(1ULL << 7)	/* 2 MiB page, in a PD entry */
#define PTE_NX		(1ULL << 63)
#define PTE_ADDR	0x000FFFFFFFFFF000ULL

#define PAGE_4K		0x1000ULL
#define PAGE_2M		0x200000ULL
#define CPUID_EXT_NX	(1U << 20)	/* CPUID 0x80000001 EDX */

/* Linker script and entry.asm.  */
extern char __kernel_start[], __text_end[], __rodata_start[];
extern char __data_start[], __kernel_end[];
extern char kernel_stack_guard[];

static uint64_t *pml4;
static uint64_t nx;		/* PTE_NX, or 0 without NX */

static uint64_t align_up(uint64_t v, uint64_t a)
{
	return (v + a - 1) & ~(a - 1);
}

static bool cpu_has_nx(void)
{
	uint32_t r[4];

	cpuid(0x80000000, r);
	if (r[0] < 0x80000001)
		return false;
	cpuid(0x80000001, r);
	return r[3] & CPUID_EXT_NX;
}

/* The table ENTRY points to, made on demand; NULL if out of memory.  */
static uint64_t *next_table(uint64_t *entry)
{
	uint64_t frame;

	if (*entry & PTE_P)
		return (uint64_t *)(uintptr_t)(*entry & PTE_ADDR);
	frame = frame_alloc();
	if (!frame)
		return NULL;
	*entry = frame | PTE_P | PTE_W;
	return (uint64_t *)(uintptr_t)frame;
}

/* The page directory entry for ADDR, tables made on demand.  */
static uint64_t *pd_entry(uint64_t addr)
{
	uint64_t *pdpt, *pd;

	pdpt = next_table(&pml4[(addr >> 39) & 511]);
	if (!pdpt)
		return NULL;
	pd = next_table(&pdpt[(addr >> 30) & 511]);
	if (!pd)
		return NULL;
	return &pd[(addr >> 21) & 511];
}

static void map_4k(uint64_t addr, uint64_t flags)
{
	uint64_t *pde = pd_entry(addr), *pt;

	if (!pde || !(pt = next_table(pde)))
		panic("paging: out of memory for page tables");
	pt[(addr >> 12) & 511] = addr | flags;
}

/* Map the 2 MiB page at ADDR unless something maps it already.
   Returns false when out of memory.  */
static bool map_2m(uint64_t addr, uint64_t flags)
{
	uint64_t *pde = pd_entry(addr);

	if (!pde)
		return false;
	if (!(*pde & PTE_P))
		*pde = addr | flags | PTE_PS;
	return true;
}

/* Rights of the 4 KiB page at ADDR in the low/kernel stretch; 0 means
   leave it unmapped.  */
static uint64_t low_page_flags(uint64_t addr)
{
	uint64_t guard = (uint64_t)(uintptr_t)kernel_stack_guard;

	if (addr == 0 || addr == guard)
		return 0;
	if (addr < (uint64_t)(uintptr_t)__kernel_start)
		return PTE_P | PTE_W | nx;
	if (addr < (uint64_t)(uintptr_t)__text_end)
		return PTE_P;
	if (addr < (uint64_t)(uintptr_t)__data_start)
		return PTE_P | nx;
	return PTE_P | PTE_W | nx;
}

static bool e820_mapped_type(uint32_t type)
{
	return type == PORTIX_E820_USABLE || type == PORTIX_E820_ACPI ||
	       type == PORTIX_E820_NVS;
}

void paging_init(void)
{
	const struct portix_boot_info *bi = bootinfo();
	uint64_t low_end, a, end, mapped = 0;
	unsigned int i;

	if (cpu_has_nx()) {
		wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_NXE);
		nx = PTE_NX;
	}
	pml4 = (uint64_t *)(uintptr_t)frame_alloc();
	if (!pml4)
		panic("paging: no frame for the PML4");

	low_end = align_up((uint64_t)(uintptr_t)__kernel_end, PAGE_2M);
	for (a = 0; a < low_end; a += PAGE_4K) {
		uint64_t f = low_page_flags(a);

		if (f)
			map_4k(a, f);
	}
	for (i = 0; i < bi->e820_count; i++) {
		const struct portix_e820_entry *e = &bi->e820[i];

		if (!e820_mapped_type(e->type) || !e->length)
			continue;
		end = e->base + e->length;
		if (end > FRAME_MAX_ADDR)
			end = FRAME_MAX_ADDR;
		for (a = e->base & ~(PAGE_2M - 1); a < end; a += PAGE_2M) {
			if (a < low_end)
				continue;
			if (!map_2m(a, PTE_P | PTE_W | nx))
				panic("paging: out of memory for page tables");
			mapped += PAGE_2M;
		}
	}
	write_cr3((uint64_t)(uintptr_t)pml4);
	write_cr0(read_cr0() | CR0_WP);
	klog(KLOG_INFO, "paging: %lu MiB mapped, NX %s, stack guard at 0x%lx",
	     (low_end + mapped) >> 20, nx ? "on" : "off (CPU lacks it)",
	     (uint64_t)(uintptr_t)kernel_stack_guard);
}

int paging_map_mmio(uint64_t phys, uint64_t len)
{
	uint64_t a, end = phys + len;

	if (!pml4)
		return end <= PORTIX_BOOT_IDENTITY_END ? 0 : -1;
	for (a = phys & ~(PAGE_2M - 1); a < end; a += PAGE_2M) {
		if (!map_2m(a, PTE_P | PTE_W | PTE_PCD | PTE_PWT | nx))
			return -1;
		invlpg(a);
	}
	return 0;
}

bool paging_is_stack_guard(uint64_t addr)
{
	uint64_t guard = (uint64_t)(uintptr_t)kernel_stack_guard;

	return addr >= guard && addr < guard + PAGE_4K;
}

bool paging_nx_enabled(void)
{
	return nx != 0;
}
