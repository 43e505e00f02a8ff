; Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
; isr.asm - entry stubs for the 32 CPU exception vectors and the 16
; legacy PIC interrupt lines (vectors 32-47, see pic.h).
;
; Receives: the CPU's interrupt frame (SS, RSP, RFLAGS, CS, RIP, and an
;   error code for vectors 8, 10-14, 17, 21, 29, 30), interrupts off
;   (all gates are interrupt gates, see idt.c).
; Each stub makes the frame uniform (a dummy error code where the CPU
; pushes none, then the vector number) and jumps to isr_common, which
; saves every general-purpose register, aligns the stack for C and calls
; trap_dispatch(struct trap_frame *).  If that returns, the registers
; are restored and IRETQ resumes the interrupted code.
; The frame layout is struct trap_frame in trap.h: change both together.
; Exports isr_stub_table (32 stub addresses, indexed by vector) and
; irq_stub_table (16 stub addresses, indexed by IRQ line).

bits 64
default rel

extern trap_dispatch
global isr_stub_table
global irq_stub_table

section .text

; Vector without a CPU error code: push a dummy one.
%macro ISR_NOERR 1
isr_%1:
	push qword 0
	push qword %1
	jmp isr_common
%endmacro

; Vector whose error code the CPU has already pushed.
%macro ISR_ERR 1
isr_%1:
	push qword %1
	jmp isr_common
%endmacro

ISR_NOERR 0		; #DE divide error
ISR_NOERR 1		; #DB debug
ISR_NOERR 2		; NMI
ISR_NOERR 3		; #BP breakpoint
ISR_NOERR 4		; #OF overflow
ISR_NOERR 5		; #BR bound range
ISR_NOERR 6		; #UD invalid opcode
ISR_NOERR 7		; #NM device not available
ISR_ERR   8		; #DF double fault (error code, always 0)
ISR_NOERR 9		; coprocessor segment overrun (reserved)
ISR_ERR   10		; #TS invalid TSS
ISR_ERR   11		; #NP segment not present
ISR_ERR   12		; #SS stack-segment fault
ISR_ERR   13		; #GP general protection
ISR_ERR   14		; #PF page fault
ISR_NOERR 15		; reserved
ISR_NOERR 16		; #MF x87 floating-point error
ISR_ERR   17		; #AC alignment check
ISR_NOERR 18		; #MC machine check
ISR_NOERR 19		; #XM SIMD floating-point
ISR_NOERR 20		; #VE virtualization exception
ISR_ERR   21		; #CP control protection
ISR_NOERR 22		; reserved
ISR_NOERR 23		; reserved
ISR_NOERR 24		; reserved
ISR_NOERR 25		; reserved
ISR_NOERR 26		; reserved
ISR_NOERR 27		; reserved
ISR_NOERR 28		; #HV hypervisor injection
ISR_ERR   29		; #VC VMM communication
ISR_ERR   30		; #SX security exception
ISR_NOERR 31		; reserved

; IRQ lines 0-15 arrive as vectors 32-47 (pic.c remaps the PICs there).
%assign i 32
%rep 16
ISR_NOERR i
%assign i i + 1
%endrep

isr_common:
	push rax
	push rbx
	push rcx
	push rdx
	push rsi
	push rdi
	push rbp
	push r8
	push r9
	push r10
	push r11
	push r12
	push r13
	push r14
	push r15
	cld			; the C ABI wants DF clear on entry

	mov rdi, rsp		; struct trap_frame *
	; The CPU aligned RSP to 16 before pushing its 5 (or 6) words and
	; the frame is 22 words, so RSP should already be 16-byte aligned
	; here; align explicitly anyway so a mistake in the frame layout
	; cannot misalign C code.  RBX is callee-saved: it keeps the frame.
	mov rbx, rsp
	and rsp, -16
	call trap_dispatch
	mov rsp, rbx

	pop r15
	pop r14
	pop r13
	pop r12
	pop r11
	pop r10
	pop r9
	pop r8
	pop rbp
	pop rdi
	pop rsi
	pop rdx
	pop rcx
	pop rbx
	pop rax
	add rsp, 16		; drop vector and error code
	iretq

section .rodata
align 8
isr_stub_table:
%assign i 0
%rep 32
	dq isr_%[i]
%assign i i + 1
%endrep

irq_stub_table:
%assign i 32
%rep 16
	dq isr_%[i]
%assign i i + 1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
