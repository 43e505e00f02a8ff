/* cpu.h - x86_64 control registers, descriptor-table loads, halting.

   Inline wrappers only; no state.  Kernel code is general-registers-only,
   so nothing here touches x87/SSE state.  */

#ifndef ARCH_X86_64_CPU_H
#define ARCH_X86_64_CPU_H

#include <stdint.h>

/* CR0 bits the kernel cares about.  */
#define CR0_PE		(1UL << 0)
#define CR0_MP		(1UL << 1)
#define CR0_EM		(1UL << 2)
#define CR0_TS		(1UL << 3)
#define CR0_WP		(1UL << 16)
#define CR0_PG		(1UL << 31)

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
