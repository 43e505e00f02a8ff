/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* trap.h - the trap frame that isr.asm builds for every vector.

   Layout, from the lowest address (what trap_dispatch() gets a pointer
   to) upwards: the 15 general-purpose registers saved by isr_common,
   the vector number and error code pushed by the vector's stub (a
   dummy 0 where the CPU pushes none), then what the CPU pushed.
   isr.asm depends on this order: change both together.  */

#ifndef ARCH_X86_64_TRAP_H
#define ARCH_X86_64_TRAP_H

#include <stddef.h>
#include <stdint.h>

struct trap_frame {
	/* Saved by isr_common (pushed rax first, r15 last).  */
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	/* Pushed by the per-vector stub.  */
	uint64_t vector;
	uint64_t error_code;
	/* Pushed by the CPU; RSP/SS always, in 64-bit mode.  */
	uint64_t rip, cs, rflags, rsp, ss;
};

_Static_assert(offsetof(struct trap_frame, vector) == 15 * 8,
	       "isr.asm pushes 15 registers below the vector number");
_Static_assert(sizeof(struct trap_frame) == 22 * 8,
	       "trap frame must stay a multiple of 16 bytes (see isr.asm)");

/* Number of CPU exception vectors (0-31).  */
#define TRAP_NUM_EXCEPTIONS 32

/* Called by isr_common with interrupts disabled.  If it returns, the
   interrupted code resumes with the (possibly edited) frame.  */
void trap_dispatch(struct trap_frame *tf);

/* Report a CPU exception on the console and stop (exceptions.c).  */
__attribute__((noreturn)) void exception_fatal(const struct trap_frame *tf);

#endif /* ARCH_X86_64_TRAP_H */
