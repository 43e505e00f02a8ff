; Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
; chain.asm - the ventoy-sim MBR: boot the active partition's first sector.
;
; Receives: the BIOS has put this sector at PORTIX_STAGE1_ADDR and jumped
;   to it in real mode, DL = boot drive.
;
; Leaves, at the jump to 0:PORTIX_STAGE1_ADDR (as DOS-style MBRs and
; Ventoy-like chain-loaders do):
;   the first sector of the first partition marked 0x80 at
;   PORTIX_STAGE1_ADDR, its 55 AA checked; this sector relocated to
;   PORTIX_CHAINLOAD_ADDR; DS = ES = SS = 0; DS:SI = that partition's
;   entry in the relocated table (PORTIX_CHAINLOAD_ADDR +
;   PORTIX_MBR_PARTITION_TABLE + 16 n); DL = boot drive.  Stage 1 takes
;   its base LBA from the entry, so the image inside runs unchanged.
;
; The sector is read with INT 13h extensions when AH=41h offers them,
; else by CHS from the entry's start CHS; each way up to TRIES times with
; a disk reset in between.  Failure prints "C" and a PORTIX_CHAIN_ERR_*
; code on the screen and COM1, then halts.
;
; portix-mkimage fills in the disk signature and the partition table.

%include "layout.inc"
%include "bios.inc"

	bits	16
	org	PORTIX_CHAINLOAD_ADDR

TRIES		equ	4
TABLE		equ	PORTIX_CHAINLOAD_ADDR + PORTIX_MBR_PARTITION_TABLE
LOADED_SIG	equ	PORTIX_STAGE1_ADDR + PORTIX_MBR_SIGNATURE

start:
	MBR_BPB_GAP main

main:
	cli
	xor	ax, ax
	mov	ss, ax
	mov	sp, PORTIX_BOOT_STACK_TOP
	mov	ds, ax
	mov	es, ax
	; Make room at PORTIX_STAGE1_ADDR for the partition's sector.  The
	; code runs from the copy: this sector was assembled for that
	; address, so nothing above ran at an address that mattered.
	mov	si, PORTIX_STAGE1_ADDR
	mov	di, PORTIX_CHAINLOAD_ADDR
	mov	cx, PORTIX_SECTOR_SIZE / 2
	cld
	rep	movsw
	jmp	0:relocated

relocated:
	sti
	mov	[boot_drive], dl

	; The first bootable entry.
	mov	si, TABLE
	mov	cx, 4
.scan:
	cmp	byte [si + PORTIX_MBR_PART_STATUS], 0x80
	je	.found
	add	si, PORTIX_MBR_PARTITION_ENTRY_SIZE
	loop	.scan
	mov	al, PORTIX_CHAIN_ERR_NO_ACTIVE
	jmp	error

.found:
	mov	eax, [si + PORTIX_MBR_PART_LBA]
	mov	[dap.lba], eax
	mov	bp, TRIES
.try:
	push	si
	mov	dl, [boot_drive]
	INT13X_OR_GOTO .chs
	mov	word [dap.count], 1	; a failed AH=42h may change it
	mov	si, dap
	mov	ah, 0x42
	jmp	.int13
.chs:
	pop	si
	push	si
	mov	dh, [si + 1]		; start head
	mov	cx, [si + 2]		; start sector, cylinder
	mov	bx, PORTIX_STAGE1_ADDR
	mov	ax, 0x0201
.int13:
	mov	dl, [boot_drive]
	int	0x13
	pop	si
	jnc	.read_ok
	xor	ax, ax			; reset the disk, then try again
	mov	dl, [boot_drive]
	int	0x13
	dec	bp
	jnz	.try
	mov	al, PORTIX_CHAIN_ERR_READ
	jmp	error

.read_ok:
	cmp	word [LOADED_SIG], 0xAA55
	mov	al, PORTIX_CHAIN_ERR_SIGNATURE
	jne	error
	mov	dl, [boot_drive]
	xor	ax, ax
	mov	ds, ax			; DS:SI = the partition entry
	jmp	0:PORTIX_STAGE1_ADDR

; error: print "C" and the code in AL on the screen and COM1, halt.
	FAIL_ROUTINES 'C'

; INT 13h AH=42h disk address packet: one sector to PORTIX_STAGE1_ADDR.
dap:
		db	0x10, 0
.count:		dw	1
		dw	PORTIX_STAGE1_ADDR, 0
.lba:		dq	0
boot_drive:	db	0

	; NASM fails here if the code runs into the disk signature.
	times	PORTIX_MBR_DISK_SIGNATURE - ($ - $$) db 0
	; Disk signature and partition table: portix-mkimage writes them.
	times	PORTIX_MBR_SIGNATURE - ($ - $$) db 0
	db	0x55, 0xAA

%if ($ - $$) != PORTIX_SECTOR_SIZE
%error "the chain MBR must be exactly one sector"
%endif
