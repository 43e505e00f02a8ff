/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* exceptions.c - report a CPU exception on the console, then stop.

   Receives: a trap frame from isr.asm (via trap_dispatch()), interrupts
   disabled, possibly on an IST stack.
   Leaves:   nothing; system_halt() never returns (it halts, or exits
             QEMU when the command line says "debug-exit").

   The report, which tests match line by line:
     EXCEPTION: #PF Page Fault (vector 14)
       error code: 0x0000000000000002 [write, not-present, kernel] at 0x...
       RIP: 0x...  RSP: 0x...  RFLAGS: 0x...
       at: function+0x1c            (when RIP is in the symbol table)
       CR2: 0x...  CR3: 0x...
       RAX=0x... RBX=0x... RCX=0x...   (five lines, RAX..R15)
       CS: 0x0008  SS: 0x0010
     System halted.
   Vectors without a CPU error code print "error code: none".  A fault
   whose CR2 lies in the guard page under the kernel stack (normally a
   #DF: the #PF could not be delivered on the full stack) ends the
   first line with ": kernel stack overflow".  */

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/trap.h"
#include "ksyms.h"
#include "lib/printf.h"
#include "mm/paging.h"
#include "panic.h"

struct exception_name {
	const char *mnemonic;
	const char *name;
};

/* Intel SDM vol. 3, table "Protected-Mode Exceptions and Interrupts",
   plus AMD's #VC and #SX.  */
static const struct exception_name exception_names[TRAP_NUM_EXCEPTIONS] = {
	[0] = { "#DE", "Divide Error" },
	[1] = { "#DB", "Debug" },
	[2] = { "NMI", "Non-Maskable Interrupt" },
	[3] = { "#BP", "Breakpoint" },
	[4] = { "#OF", "Overflow" },
	[5] = { "#BR", "BOUND Range Exceeded" },
	[6] = { "#UD", "Invalid Opcode" },
	[7] = { "#NM", "Device Not Available" },
	[8] = { "#DF", "Double Fault" },
	[9] = { "#CSO", "Coprocessor Segment Overrun" },
	[10] = { "#TS", "Invalid TSS" },
	[11] = { "#NP", "Segment Not Present" },
	[12] = { "#SS", "Stack-Segment Fault" },
	[13] = { "#GP", "General Protection" },
	[14] = { "#PF", "Page Fault" },
	[15] = { "#RES", "Reserved" },
	[16] = { "#MF", "x87 Floating-Point Error" },
	[17] = { "#AC", "Alignment Check" },
	[18] = { "#MC", "Machine Check" },
	[19] = { "#XM", "SIMD Floating-Point" },
	[20] = { "#VE", "Virtualization Exception" },
	[21] = { "#CP", "Control Protection" },
	[22 ... 27] = { "#RES", "Reserved" },
	[28] = { "#HV", "Hypervisor Injection" },
	[29] = { "#VC", "VMM Communication" },
	[30] = { "#SX", "Security Exception" },
	[31] = { "#RES", "Reserved" },
};

/* The vectors for which the CPU pushes an error code (isr.asm pushes a
   dummy 0 for the others).  */
static bool has_error_code(uint64_t vector)
{
	switch (vector) {
	case 8: case 10: case 11: case 12: case 13: case 14:
	case 17: case 21: case 29: case 30:
		return true;
	default:
		return false;
	}
}

/* Page-fault error code bits.  */
#define PF_P	(1UL << 0)	/* 0: page not present; 1: protection */
#define PF_W	(1UL << 1)	/* write access */
#define PF_U	(1UL << 2)	/* CPL 3 */
#define PF_RSVD	(1UL << 3)	/* reserved bit set in a paging entry */
#define PF_I	(1UL << 4)	/* instruction fetch */
#define PF_PK	(1UL << 5)	/* protection key */

static void print_pf_bits(uint64_t err)
{
	kprintf(" [%s, %s, %s", (err & PF_W) ? "write" : "read",
		(err & PF_P) ? "protection" : "not-present",
		(err & PF_U) ? "user" : "kernel");
	if (err & PF_RSVD)
		kprintf(", reserved-bit");
	if (err & PF_I)
		kprintf(", instruction-fetch");
	if (err & PF_PK)
		kprintf(", protection-key");
	kprintf("]");
}

/* Selector error code (#TS, #NP, #SS, #GP): bit 0 external event,
   bit 1 the index is an IDT vector, else bit 2 picks LDT over GDT.  */
static void print_selector_bits(uint64_t err)
{
	uint64_t index = (err & 0xFFFF) >> 3;

	if (err == 0) {
		kprintf(" [no selector]");
		return;
	}
	if (err & 2)
		kprintf(" [IDT vector %lu", index);
	else
		kprintf(" [%s index %lu", (err & 4) ? "LDT" : "GDT", index);
	if (err & 1)
		kprintf(", external");
	kprintf("]");
}

static void print_error_code(const struct trap_frame *tf, uint64_t cr2)
{
	if (!has_error_code(tf->vector)) {
		kprintf("  error code: none\n");
		return;
	}
	kprintf("  error code: 0x%016lx", tf->error_code);
	switch (tf->vector) {
	case 14:
		print_pf_bits(tf->error_code);
		kprintf(" at 0x%016lx", cr2);
		break;
	case 10: case 11: case 12: case 13:
		print_selector_bits(tf->error_code);
		break;
	}
	kprintf("\n");
}

static void print_registers(const struct trap_frame *tf)
{
	kprintf("  RAX=0x%016lx RBX=0x%016lx RCX=0x%016lx\n",
		tf->rax, tf->rbx, tf->rcx);
	kprintf("  RDX=0x%016lx RSI=0x%016lx RDI=0x%016lx\n",
		tf->rdx, tf->rsi, tf->rdi);
	kprintf("  RBP=0x%016lx R8 =0x%016lx R9 =0x%016lx\n",
		tf->rbp, tf->r8, tf->r9);
	kprintf("  R10=0x%016lx R11=0x%016lx R12=0x%016lx\n",
		tf->r10, tf->r11, tf->r12);
	kprintf("  R13=0x%016lx R14=0x%016lx R15=0x%016lx\n",
		tf->r13, tf->r14, tf->r15);
}

/* The function RIP is in, where the kernel keeps a symbol table.  */
static void print_symbol(uint64_t rip)
{
	uint64_t off;
	const char *name = ksym_lookup(rip, &off);

	if (name)
		kprintf("  at: %s+0x%lx\n", name, off);
}

/* How many reports are under way: more than one means the report
   itself faulted.  */
static unsigned int reporting;

void exception_fatal(const struct trap_frame *tf)
{
	/* Read CR2 before anything else can fault and overwrite it.  */
	uint64_t cr2 = read_cr2();
	const struct exception_name *en;
	static const struct exception_name unknown = { "#??", "Unknown" };

	if (++reporting > 1) {
		/* Say so once, briefly; if even that faults, just stop.  */
		if (reporting == 2) {
			kprintf("\nEXCEPTION: vector %lu while reporting an "
				"exception\n", tf->vector);
			system_halt();
		}
		cpu_halt_forever();
	}
	en = tf->vector < TRAP_NUM_EXCEPTIONS ?
		&exception_names[tf->vector] : &unknown;
	kprintf("\nEXCEPTION: %s %s (vector %lu)%s\n", en->mnemonic, en->name,
		tf->vector,
		(tf->vector == 8 || tf->vector == 14) &&
		paging_is_stack_guard(cr2) ? ": kernel stack overflow" : "");
	print_error_code(tf, cr2);
	kprintf("  RIP: 0x%016lx  RSP: 0x%016lx  RFLAGS: 0x%016lx\n",
		tf->rip, tf->rsp, tf->rflags);
	print_symbol(tf->rip);
	kprintf("  CR2: 0x%016lx  CR3: 0x%016lx\n", cr2, read_cr3());
	print_registers(tf);
	kprintf("  CS: 0x%04lx  SS: 0x%04lx\n", tf->cs, tf->ss);
	system_halt();
}
