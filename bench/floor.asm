; Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
; floor.asm - the boot-time benchmark's floor: a one-sector boot record
; that prints one line on COM1 and halts.  Booted the way Portix is
; (same image writer, same QEMU command line), it measures what the
; firmware and QEMU cost before any Portix code runs.

%include "layout.inc"
%include "bios.inc"

	bits	16
	org	PORTIX_STAGE1_ADDR

	MBR_BPB_GAP start
start:
	xor	ax, ax
	mov	ds, ax
	mov	si, line
	mov	dx, COM1
.next:
	lodsb
	test	al, al
	jz	.halt
	out	dx, al
	jmp	.next
.halt:
	cli
	hlt
	jmp	.halt

line:	db	"floor: up", 13, 10, 0

%if $ - $$ > PORTIX_S1_PARAMS
%error "the floor must leave portix-mkimage's parameter block free"
%endif
	times	PORTIX_MBR_SIGNATURE - ($ - $$) db 0
	dw	0xAA55
