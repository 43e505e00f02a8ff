/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cpu.h - x86_64 control registers, descriptor-table loads, halting.

   Inline wrappers only; no state.  Kernel code is general-registers-only,
   so nothing here touches x87/SSE state.  */

#ifndef ARCH_X86_64_CPU_H
#define ARCH_X86_64_CPU_H

#include <stdbool.h>
#include <stdint.h>

/* CR0 bits the kernel cares about.  */
#define CR0_PE		(1UL << 0)
#define CR0_MP		(1UL << 1)
#define CR0_EM		(1UL << 2)
#define CR0_TS		(1UL << 3)
#define CR0_WP		(1UL << 16)
#define CR0_PG		(1UL << 31)

/* CR4 bits.  */
#define CR4_PAE		(1UL << 5)
#define CR4_PGE		(1UL << 7)

/* EFER (extended feature enable register) and its bits.  */
#define MSR_EFER	0xC0000080U
#define EFER_LME	(1UL << 8)
#define EFER_NXE	(1UL << 11)

/* RFLAGS bits.  */
#define RFLAGS_TF	(1UL << 8)	/* single-step trap */
#define RFLAGS_IF	(1UL << 9)

/* Operand of lgdt/lidt.  */
struct descriptor_ptr {
	uint16_t limit;
	uint64_t base;
} __attribute__((packed));

static inline uint64_t read_cr0(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr0, %0" : "=r"(v));
	return v;
}

static inline void write_cr0(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}

static inline uint64_t read_cr2(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline uint64_t read_cr3(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(uint64_t v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline uint64_t read_cr4(void)
{
	uint64_t v;

	__asm__ volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

static inline uint64_t read_rflags(void)
{
	uint64_t v;

	__asm__ volatile("pushfq; popq %0" : "=r"(v));
	return v;
}

/* Whether maskable interrupts are on (RFLAGS.IF).  */
static inline bool interrupts_enabled(void)
{
	return (read_rflags() & RFLAGS_IF) != 0;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ volatile("wrmsr"
			 : : "c"(msr), "a"((uint32_t)v),
			     "d"((uint32_t)(v >> 32))
			 : "memory");
}

/* CPUID leaf LEAF, subleaf 0; REGS gets EAX, EBX, ECX, EDX.  */
static inline void cpuid(uint32_t leaf, uint32_t regs[4])
{
	__asm__ volatile("cpuid"
			 : "=a"(regs[0]), "=b"(regs[1]), "=c"(regs[2]),
			   "=d"(regs[3])
			 : "a"(leaf), "c"(0));
}

static inline void invlpg(uint64_t addr)
{
	__asm__ volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

static inline void cli(void)
{
	__asm__ volatile("cli" : : : "memory");
}

static inline void sti(void)
{
	__asm__ volatile("sti" : : : "memory");
}

static inline void hlt(void)
{
	__asm__ volatile("hlt" : : : "memory");
}

/* Disable interrupts and return the previous RFLAGS, for
   irq_restore().  */
static inline uint64_t irq_save(void)
{
	uint64_t flags = read_rflags();

	cli();
	return flags;
}

/* Re-enable interrupts if FLAGS (from irq_save()) had them on.  */
static inline void irq_restore(uint64_t flags)
{
	if (flags & RFLAGS_IF)
		sti();
}

/* Enable interrupts and halt until the next one, atomically: STI takes
   effect after the following instruction, so an interrupt that is
   already pending wakes this HLT rather than slipping in before it.
   Returns with interrupts disabled again.  */
static inline void cpu_wait_for_interrupt(void)
{
	__asm__ volatile("sti; hlt; cli" : : : "memory");
}

/* The time-stamp counter: cycles (or a constant rate) since reset.  */
static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

/* Spin-wait hint for polling loops.  */
static inline void cpu_relax(void)
{
	__asm__ volatile("pause" : : : "memory");
}

static inline void lgdt(const struct descriptor_ptr *p)
{
	__asm__ volatile("lgdt %0" : : "m"(*p) : "memory");
}

static inline void lidt(const struct descriptor_ptr *p)
{
	__asm__ volatile("lidt %0" : : "m"(*p) : "memory");
}

static inline void ltr(uint16_t sel)
{
	__asm__ volatile("ltr %0" : : "r"(sel) : "memory");
}

/* Stop this CPU for good: interrupts off, then hlt (an NMI can still
   wake it, hence the loop).  */
static inline __attribute__((noreturn)) void cpu_halt_forever(void)
{
	for (;;)
		__asm__ volatile("cli; hlt" : : : "memory");
}

#endif /* ARCH_X86_64_CPU_H */
