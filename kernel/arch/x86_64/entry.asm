; Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
; entry.asm - the kernel's first instructions (_start, the first byte of
; kernel.bin, at PORTIX_KERNEL_ADDR).
;
; Receives (from stage 2, see include/portix/boot.h): 64-bit long mode,
;   RDI = boot-info address, interrupts off, DF clear, the first 4 GiB
;   identity-mapped, a small stack in low memory.
; Leaves: RSP on the kernel's own 32 KiB stack in .bss, .bss zeroed,
;   then calls kmain(boot_info).  The stack sits on page boundaries with
;   one page below it that paging_init() leaves unmapped: an overflow
;   faults there instead of silently overwriting .bss.  kmain never
;   returns; if it did, the CPU halts here.

bits 64
default rel

extern kmain
extern __bss_start
extern __bss_end
global kernel_stack_guard
global kernel_stack
global kernel_stack_top

KERNEL_STACK_SIZE equ 32768
PAGE_SIZE equ 4096

section .text.entry
global _start
_start:
	cli
	cld
	mov r12, rdi			; boot info; rep stosb needs RDI

	; Zero .bss.  The stack is in .bss too, but nothing is on it yet.
	lea rdi, [__bss_start]
	lea rcx, [__bss_end]
	sub rcx, rdi
	xor eax, eax
	rep stosb

	lea rsp, [kernel_stack_top]	; 16-byte aligned (see below)
	xor ebp, ebp			; end of the frame-pointer chain
	mov rdi, r12
	call kmain			; RSP+8 is 16-aligned inside, per ABI

.halt:
	cli
	hlt
	jmp .halt

section .bss.stack nobits alloc noexec write align=4096
kernel_stack_guard:
	resb PAGE_SIZE
kernel_stack:
	resb KERNEL_STACK_SIZE
kernel_stack_top:

section .note.GNU-stack noalloc noexec nowrite progbits
