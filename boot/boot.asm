; Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
; boot.asm - Portix stage 1: the MBR.  Loads stage 2 and jumps to it.
;
; Receives: the BIOS (or a chain-loading MBR) has put this sector at
;   PORTIX_STAGE1_ADDR and jumped to it in real mode, DL = boot drive.
;   A chain-loader may also pass DS:SI = the partition entry it booted.
;
; Leaves, at the jump to PORTIX_STAGE2_ADDR + PORTIX_S2_ENTRY_OFFSET:
;   real mode, CS = DS = SS = 0, SP below PORTIX_BOOT_STACK_TOP, IF set,
;   DF clear, DL = boot drive; all PORTIX_STAGE2_SECTORS sectors of stage 2
;   at PORTIX_STAGE2_ADDR, their header magic checked.  This sector stays
;   at PORTIX_STAGE1_ADDR: stage 2 reads the parameter block at
;   PORTIX_S1_PARAMS, whose base LBA is the one actually used and whose
;   flags (PORTIX_S1_FLAG_FORCE_CHS) it honours too.
;
; The base LBA is the chain-loader's partition start when DS:SI points at a
; plausible partition entry (see PORTIX_CHAINLOAD_ADDR), else the value
; portix-mkimage patched in.  Disk reads use INT 13h extensions when AH=41h
; offers them, else CHS with the geometry from AH=08h; one sector at a
; time, each tried TRIES times with a disk reset in between.
;
; Failure prints "E" and a PORTIX_S1_ERR_* code on the screen and COM1,
; then halts.
;
; Sector layout: jmp, zeroed BPB area, code, parameter block, disk
; signature and partition table (portix-mkimage writes both), 55 AA.

%include "layout.inc"
%include "bios.inc"

	bits	16
	org	PORTIX_STAGE1_ADDR

TRIES		equ	4		; reads of a sector before giving up
PARAMS		equ	PORTIX_STAGE1_ADDR + PORTIX_S1_PARAMS
S2_MAGIC	equ	PORTIX_STAGE2_ADDR + PORTIX_S2_HDR_MAGIC
CHAIN_TABLE	equ	PORTIX_CHAINLOAD_ADDR + PORTIX_MBR_PARTITION_TABLE

; BP holds PARAMS throughout: [bp + PORTIX_S1_*] is a parameter, and
; [bp + V(x)] is variable x, just below the parameter block (short
; addresses keep the code inside its bytes).
%define V(x) ((x) - params)

%if PORTIX_MBR_PARTITION_ENTRY_SIZE != 16
%error "the chain-loader check below assumes 16-byte partition entries"
%endif

start:
	MBR_BPB_GAP main

main:
	cli
	xor	ax, ax
	mov	ss, ax
	mov	sp, PORTIX_BOOT_STACK_TOP
	mov	cx, ds			; the chain-loader's DS, checked below
	mov	ds, ax
	mov	es, ax
	jmp	0:.cs_zero		; some BIOSes enter at 07C0:0000
.cs_zero:
	mov	bp, PARAMS
	mov	[bp + V(boot_drive)], dl
	sti
	cld

	; Base LBA: a chain-loader's partition entry beats the patched value.
	; Take 0:SI only if it is one of the four entries of an MBR relocated
	; to PORTIX_CHAINLOAD_ADDR, with a valid status byte and a start.
	mov	eax, [bp + PORTIX_S1_BASE_LBA]
	mov	edx, [bp + PORTIX_S1_BASE_LBA + 4]
	test	cx, cx
	jnz	.base_known
	lea	bx, [si - CHAIN_TABLE]	; 0, 16, 32 or 48: only bits 4-5
	test	bx, 0xFFFF & ~(3 * PORTIX_MBR_PARTITION_ENTRY_SIZE)
	jnz	.base_known
	test	byte [si + PORTIX_MBR_PART_STATUS], 0x7F
	jnz	.base_known
	mov	ebx, [si + PORTIX_MBR_PART_LBA]
	test	ebx, ebx
	jz	.base_known
	xchg	eax, ebx
	xor	edx, edx
.base_known:
	mov	[bp + PORTIX_S1_BASE_LBA], eax	; stage 2 reads it here
	mov	[bp + PORTIX_S1_BASE_LBA + 4], edx
	add	eax, [bp + PORTIX_S1_STAGE2_LBA]
	adc	edx, 0
	mov	[bp + V(dap.lba)], eax
	mov	[bp + V(dap.lba) + 4], edx

	; INT 13h extensions, unless told to test the CHS path.
	test	byte [bp + PORTIX_S1_FLAGS], PORTIX_S1_FLAG_FORCE_CHS
	jnz	.chs
	mov	ah, 0x41
	mov	bx, 0x55AA
	mov	dl, [bp + V(boot_drive)]
	int	0x13
	jc	.chs
	cmp	bx, 0xAA55
	jne	.chs
	shr	cl, 1			; bit 0: AH=42h and friends work
	jc	.load			; [spt] = 0 selects AH=42h
.chs:
	mov	ah, 0x08
	mov	dl, [bp + V(boot_drive)]
	xor	di, di			; ES:DI = 0:0 guards against BIOS bugs
	int	0x13
	mov	al, PORTIX_S1_ERR_GEOMETRY
	jc	error
	and	cx, 0x3F		; CL bits 0-5: sectors per track
	jz	error
	mov	[bp + V(spt)], cx
	movzx	dx, dh			; DH: last head
	inc	dx
	mov	[bp + V(heads)], dx

	; Read stage 2 one sector at a time, each up to TRIES times with a
	; disk reset in between.  The CHS address is worked out afresh for
	; every try, so nothing can clobber it.
.load:
	mov	cx, [bp + PORTIX_S1_STAGE2_SECTORS]
	jcxz	.loaded
.next_sector:
	push	cx
	mov	di, TRIES
.try:
	mov	byte [bp + V(dap.count)], 1	; a failed AH=42h may change it
	mov	si, dap
	mov	ah, 0x42
	mov	ecx, [bp + V(spt)]
	jecxz	.int13
	; LBA / spt = track, remainder + 1 = sector;
	; track / heads = cylinder, remainder = head.
	mov	eax, [bp + V(dap.lba)]
	cmp	dword [bp + V(dap.lba) + 4], 0
	jne	.beyond_chs
	xor	edx, edx
	div	ecx
	inc	dx
	mov	cx, dx			; CL = sector (1-63)
	xor	edx, edx
	div	dword [bp + V(heads)]
	cmp	eax, 1023		; the most CX can encode
	ja	.beyond_chs
	mov	ch, al			; CH = cylinder bits 0-7
	shl	ah, 6
	or	cl, ah			; CL bits 6-7 = cylinder bits 8-9
	mov	dh, dl			; DH = head
	les	bx, [bp + V(dap.offset)]
	mov	ax, 0x0201
.int13:
	mov	dl, [bp + V(boot_drive)]
	int	0x13
	jnc	.read_ok
	dec	di
	jz	.read_failed
	xor	ax, ax			; reset the disk, then try again
	mov	dl, [bp + V(boot_drive)]
	int	0x13
	jmp	.try
.read_ok:
	pop	cx
	add	word [bp + V(dap.segment)], PORTIX_SECTOR_SIZE >> 4
	add	dword [bp + V(dap.lba)], 1
	adc	dword [bp + V(dap.lba) + 4], 0
	loop	.next_sector

.loaded:
	cmp	dword [S2_MAGIC], PORTIX_S2_MAGIC
	mov	al, PORTIX_S1_ERR_STAGE2_MAGIC
	jne	error
	mov	dl, [bp + V(boot_drive)]
	jmp	PORTIX_STAGE2_ADDR + PORTIX_S2_ENTRY_OFFSET

.read_failed:
	mov	al, PORTIX_S1_ERR_LBA_READ
	cmp	byte [bp + V(spt)], 0
	je	error
.beyond_chs:
	mov	al, PORTIX_S1_ERR_CHS_READ
	; fall through

; error: print "E" and the code in AL on the screen and COM1, halt.
	FAIL_ROUTINES 'E'

; Variables.  They sit close enough to the parameter block for short
; [bp + V(x)] addresses.
;
; INT 13h AH=42h disk address packet.  The CHS path reads its buffer
; address and LBA too; both walk through stage 2 a sector at a time.
dap:
		db	0x10		; packet size
		db	0
.count:		dw	1
.offset:	dw	PORTIX_STAGE2_ADDR & 0xF
.segment:	dw	PORTIX_STAGE2_ADDR >> 4
.lba:		dq	0
spt:		dd	0		; CHS geometry; spt = 0: use AH=42h
heads:		dd	0
boot_drive:	db	0

code_end:
	; NASM fails here if code and variables run into the parameter block.
	times	PORTIX_S1_PARAMS - ($ - $$) db 0

; The parameter block portix-mkimage patches, with the defaults for an
; image at LBA 0.  Each field sits at its PORTIX_S1_* offset (NASM fails
; if one would overlap the one before).
params:
	times	PORTIX_S1_BASE_LBA - ($ - params) db 0
	dq	0
	times	PORTIX_S1_STAGE2_LBA - ($ - params) db 0
	dd	PORTIX_STAGE2_LBA
	times	PORTIX_S1_STAGE2_SECTORS - ($ - params) db 0
	dw	PORTIX_STAGE2_SECTORS
	times	PORTIX_S1_FLAGS - ($ - params) db 0
	db	0
	times	PORTIX_S1_PARAMS_SIZE - ($ - params) db 0

	; Disk signature and partition table: portix-mkimage writes them.
	times	PORTIX_MBR_SIGNATURE - ($ - $$) db 0
	db	0x55, 0xAA

%if ($ - $$) != PORTIX_SECTOR_SIZE
%error "stage 1 must be exactly one sector"
%endif
