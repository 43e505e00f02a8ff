; Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
; stage2.asm - Portix stage 2: check the machine, load the kernel, enter
; long mode, jump to the kernel.
;
; Receives, from stage 1 (boot.asm):
;   real mode, CS = DS = SS = 0, DL = BIOS boot drive;
;   all of this file at PORTIX_STAGE2_ADDR, entered at PORTIX_S2_ENTRY_OFFSET;
;   stage 1's sector still at PORTIX_STAGE1_ADDR, its parameter block
;   giving the base LBA it used and PORTIX_S1_FLAG_FORCE_CHS.
;   The first sector of this file is the header portix-mkimage patches:
;   kernel LBA (relative to the base), sectors, bytes, CRC-32, flags and
;   command line.  Unpatched, they are zero and stage 2 stops.
;
; Leaves, as include/portix/boot.h promises the kernel:
;   64-bit long mode, paging on, the first 4 GiB identity-mapped with
;   2 MiB pages (tables at PORTIX_PAGE_TABLES_ADDR);
;   CS = PORTIX_BOOT_CODE64_SEL, DS = ES = FS = GS = SS = PORTIX_BOOT_DATA_SEL;
;   interrupts off, both PICs masked, DF clear, SSE left off;
;   RSP = PORTIX_BOOT_STACK_TOP rounded down to 16 bytes;
;   RDI = PORTIX_BOOTINFO_ADDR, a filled struct portix_boot_info;
;   the kernel at PORTIX_KERNEL_ADDR, CRC-checked, entered at its first byte.
;
; Memory used: boot info at PORTIX_BOOTINFO_ADDR, the stack below
; PORTIX_BOOT_STACK_TOP, stage 1 above it, this file, the load buffer at
; PORTIX_LOAD_BUFFER_ADDR, page tables at PORTIX_PAGE_TABLES_ADDR and the
; kernel at PORTIX_KERNEL_ADDR.
;
; The steps follow in this order below:
;   1. long mode check   2. A20   3. boot info and E820 map
;   3b. boot-disk identity (stage2-identity.inc)   4. kernel header check   5. kernel load   6. CRC-32
;   7. page tables, GDT, long mode, jump to the kernel.
; Step 5's disk code and the output routines live in stage2-disk.inc and
; stage2-console.inc, included where they fall in that order.
; Messages are lines "stage2: ..." on the screen and COM1 (unless the
; header says PORTIX_S2_FLAG_NO_SERIAL).  The steps are listed only when
; the command line has the word PORTIX_CMDLINE_VERBOSE: each line costs
; a BIOS call per byte on the screen.  A failure always says what failed
; and halts.

%include "layout.inc"
%include "bios.inc"

	bits	16
	org	PORTIX_STAGE2_ADDR

HDR		equ	PORTIX_STAGE2_ADDR
S1_PARAMS	equ	PORTIX_STAGE1_ADDR + PORTIX_S1_PARAMS
BI		equ	PORTIX_BOOTINFO_ADDR
BOOT_TIMES	equ	PORTIX_BT_ADDR

SECTOR_SHIFT	equ	9
DISK_TRIES	equ	4		; disk reads before giving up
KERNEL_ROOM	equ	PORTIX_KERNEL_LOAD_LIMIT - PORTIX_KERNEL_ADDR

; PC hardware
UART_DATA	equ	0		; register offsets from COM1
UART_DLL	equ	0		; divisor latch, with LCR_DLAB set
UART_IER	equ	1
UART_DLM	equ	1
UART_FCR	equ	2
UART_IIR	equ	2		; the same port, read
UART_LCR	equ	3
UART_MCR	equ	4
UART_LSR	equ	5
UART_CLOCK	equ	115200		; 1.8432 MHz / 16: baud at divisor 1
UART_BAUD	equ	115200
LCR_DLAB	equ	0x80
LCR_8N1		equ	0x03
FCR_ENABLE	equ	0xC7		; FIFOs on and cleared, 14-byte trigger
IIR_FIFO_ON	equ	0xC0		; IIR bits 6-7: FIFOs are on
UART_FIFO_SIZE	equ	16		; 16550A transmit FIFO, in bytes
MCR_DTR_RTS	equ	0x03
LSR_THRE	equ	0x20		; transmit holding register empty
SERIAL_SPINS	equ	0xFFFF		; LSR polls before writing anyway

KBC_DATA	equ	0x60		; 8042 keyboard controller
KBC_CMD		equ	0x64
KBC_STATUS	equ	0x64
KBC_IN_FULL	equ	0x02
KBC_WRITE_OUT	equ	0xD1		; next data byte -> output port
KBC_OUT_A20	equ	0xDF		; output port: A20 on, no reset
KBC_NULL	equ	0xFF		; no-op, lets some KBCs latch the write
KBC_SPINS	equ	0xFFFF
SYSCTL_A	equ	0x92		; "fast A20" system control port
SYSCTL_A20	equ	0x02
SYSCTL_RESET	equ	0x01
A20_SPINS	equ	0x400		; A20 tests after each method
DELAY_PORT	equ	0x80		; POST port: writes take about 1 us
PIC1_DATA	equ	0x21
PIC2_DATA	equ	0xA1

E820_SMAP	equ	0x534D4150	; "SMAP", INT 15h E820h signature
E820_MIN_SIZE	equ	20		; an entry without the ACPI field
E820_BASE	equ	0		; struct portix_e820_entry fields
E820_LENGTH	equ	8
E820_TYPE	equ	16
E820_ACPI	equ	20
E820_USABLE	equ	1		; boot.h: PORTIX_E820_USABLE
E820_ACPI_VALID	equ	1		; ACPI 3.0 attribute bit 0

CRC32_POLY	equ	0xEDB88320	; IEEE 802.3, bit-reflected (as zlib)

EFLAGS_ID	equ	1 << 21
CPUID_EXT_MAX	equ	0x80000000
CPUID_EXT_INFO	equ	0x80000001
CPUID_EDX_LM	equ	1 << 29
CR0_PE		equ	1 << 0
CR0_PG		equ	1 << 31
CR4_PAE		equ	1 << 5
MSR_EFER	equ	0xC0000080
EFER_LME	equ	1 << 8
PTE_PRESENT	equ	1 << 0
PTE_WRITE	equ	1 << 1
PTE_LARGE	equ	1 << 7		; a 2 MiB page in a page directory
PAGE_SIZE	equ	0x1000
LARGE_PAGE	equ	0x200000
PML4		equ	PORTIX_PAGE_TABLES_ADDR
PDPT		equ	PML4 + PAGE_SIZE
PD		equ	PDPT + PAGE_SIZE	; four of them, one per GiB
PD_COUNT	equ	PORTIX_BOOT_IDENTITY_END >> 30
PD_ENTRIES	equ	PAGE_SIZE / 8

; What the code assumes of layout.h.
%if (1 << SECTOR_SHIFT) != PORTIX_SECTOR_SIZE
%error "SECTOR_SHIFT does not match PORTIX_SECTOR_SIZE"
%endif
%if PORTIX_BOOTINFO_ADDR + PORTIX_BI_SIZE > 0x10000
%error "the boot info must lie in segment 0"
%endif
%if PORTIX_LOAD_BUFFER_SECTORS > 127
%error "INT 13h AH=42h reads at most 127 sectors at a time"
%endif
LOAD_BUFFER_SIZE equ	PORTIX_LOAD_BUFFER_SECTORS << SECTOR_SHIFT
LOAD_BUFFER_END	equ	PORTIX_LOAD_BUFFER_ADDR + LOAD_BUFFER_SIZE
%if (PORTIX_LOAD_BUFFER_ADDR >> 16) != ((LOAD_BUFFER_END - 1) >> 16)
%error "the load buffer must not cross a 64 KiB (DMA) boundary"
%endif
%if PORTIX_BOOTINFO_ADDR + PORTIX_BI_SIZE > BOOT_TIMES
%error "the boot timestamps must lie beyond the boot info"
%endif
%if PORTIX_BT_OFF_TSC + PORTIX_BT_STAMPS * 8 > PORTIX_BT_SIZE
%error "the boot timestamps do not fit PORTIX_BT_SIZE"
%endif
%if PORTIX_PAGE_TABLES_ADDR & (PAGE_SIZE - 1)
%error "the page tables must be page-aligned"
%endif
%if PORTIX_PAGE_TABLES_SIZE < (2 + PD_COUNT) * PAGE_SIZE
%error "the page tables need PML4, PDPT and four page directories"
%endif
%if PORTIX_PAGE_TABLES_SIZE > 0x10000
%error "the page tables must fit one real-mode segment"
%endif
%if PORTIX_PAGE_TABLES_ADDR + PORTIX_PAGE_TABLES_SIZE > 0x100000
%error "the page tables must lie below 1 MiB"
%endif
%if PORTIX_KERNEL_LOAD_LIMIT > PD_COUNT * PD_ENTRIES * LARGE_PAGE
%error "the kernel must load inside the identity map"
%endif

; PRINT "text", 10: print a string placed right after the call.
%macro PRINT 1+
	call	print_inline
	db	%1, 0
%endmacro

; STAMP n: keep the TSC as boot-time stamp n (PORTIX_BT_*), for the
; kernel's "boottime".  Keeps all registers.
%macro STAMP 1
	push	eax
	push	edx
	rdtsc
	mov	[BOOT_TIMES + PORTIX_BT_OFF_TSC + (%1) * 8], eax
	mov	[BOOT_TIMES + PORTIX_BT_OFF_TSC + (%1) * 8 + 4], edx
	mov	dword [BOOT_TIMES + PORTIX_BT_OFF_COUNT], (%1) + 1
	pop	edx
	pop	eax
%endmacro

; LOUD: print from here on even on a quiet boot (a failure's message).
%macro LOUD 0
	mov	byte [print_on], 1
%endmacro

; FAIL "text": print a line and halt.
%macro FAIL 1+
	LOUD
	PRINT	%1, 10
	jmp	halt
%endmacro

; HEADER_FIELD offset: pad the header to a PORTIX_S2_HDR_* offset; NASM
; fails if the fields before it run past.
%macro HEADER_FIELD 1
	times	(%1) - ($ - header) db 0
%endmacro

; ------------------------------------------------------------------------
; The header: the first sector, patched by portix-mkimage.

header:
	HEADER_FIELD PORTIX_S2_HDR_MAGIC
	dd	PORTIX_S2_MAGIC
	HEADER_FIELD PORTIX_S2_HDR_VERSION
	dw	PORTIX_PROTOCOL_VERSION
	HEADER_FIELD PORTIX_S2_HDR_SIZE
	dw	PORTIX_S2_HEADER_SIZE
	HEADER_FIELD PORTIX_S2_HDR_KERNEL_LBA
	dd	0
	HEADER_FIELD PORTIX_S2_HDR_KERNEL_SECTORS
	dd	0
	HEADER_FIELD PORTIX_S2_HDR_KERNEL_SIZE
	dd	0
	HEADER_FIELD PORTIX_S2_HDR_KERNEL_CRC32
	dd	0
	HEADER_FIELD PORTIX_S2_HDR_FLAGS
	dd	0
	HEADER_FIELD PORTIX_S2_HDR_RESERVED
	dd	0
	HEADER_FIELD PORTIX_S2_HDR_CMDLINE
	times	PORTIX_CMDLINE_MAX db 0
	HEADER_FIELD PORTIX_S2_HEADER_SIZE
	HEADER_FIELD PORTIX_S2_ENTRY_OFFSET

; ------------------------------------------------------------------------
; Entry from stage 1.

entry:
	cli
	xor	ax, ax
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	mov	sp, PORTIX_BOOT_STACK_TOP
	sti
	cld
	call	zero_unread_tail
	mov	[boot_drive], dl

	call	find_verbose
	call	serial_init
	PRINT	"stage2: Portix boot protocol "
	mov	eax, PORTIX_PROTOCOL_VERSION
	call	putdec
	PRINT	", boot drive 0x"
	mov	al, [boot_drive]
	call	puthex8
	PRINT	10

	call	check_long_mode		; 1
	mov	dword [BOOT_TIMES + PORTIX_BT_OFF_MAGIC], PORTIX_BT_MAGIC
	STAMP	PORTIX_BT_STAGE2_START	; RDTSC exists: long mode does
	call	enable_a20		; 2
	call	make_boot_info		; 3
	call	boot_identity		; 3b
	STAMP	PORTIX_BT_STAGE2_INFO
	call	check_kernel_header	; 4
	call	load_kernel		; 5
	STAMP	PORTIX_BT_STAGE2_LOADED
	call	check_kernel_crc	; 6
	STAMP	PORTIX_BT_STAGE2_CRC

	PRINT	"stage2: loaded kernel, "
	mov	eax, [HDR + PORTIX_S2_HDR_KERNEL_SIZE]
	call	putdec
	PRINT	" bytes, CRC ok", 10
	jmp	enter_long_mode		; 7

; zero_unread_tail: stage 1 read only the first PORTIX_S1_STAGE2_SECTORS
; sectors of this file (the rest is zeros on disk): zero the rest here.
; Keeps DX.
zero_unread_tail:
	mov	cx, [S1_PARAMS + PORTIX_S1_STAGE2_SECTORS]
	cmp	cx, PORTIX_STAGE2_SECTORS
	jae	.done
	mov	di, cx
	shl	di, SECTOR_SHIFT
	add	di, PORTIX_STAGE2_ADDR
	neg	cx
	add	cx, PORTIX_STAGE2_SECTORS
	shl	cx, SECTOR_SHIFT - 1	; in words
	xor	ax, ax
	rep	stosw
.done:
	ret

; find_verbose: print_on = 1 when the command line in the header has the
; word PORTIX_CMDLINE_VERBOSE (words are separated by spaces).
find_verbose:
	mov	si, HDR + PORTIX_S2_HDR_CMDLINE
.word:
	lodsb
	cmp	al, ' '
	je	.word
	test	al, al
	jz	.done
	dec	si			; SI = the word's first byte
	mov	di, verbose_word
	mov	cx, VERBOSE_WORD_LEN
	repe	cmpsb
	jne	.mismatch
	mov	al, [si]		; the word must end here
	cmp	al, ' '
	je	.found
	test	al, al
	jz	.found
	jmp	.skip
.mismatch:
	dec	si			; SI = the byte that differed
.skip:
	lodsb				; to the end of this word
	test	al, al
	jz	.done
	cmp	al, ' '
	jne	.skip
	jmp	.word
.found:
	mov	byte [print_on], 1
.done:
	ret

; ------------------------------------------------------------------------
; Step 1: a CPU that can run 64-bit code.  CPUID exists when EFLAGS.ID can
; be toggled; long mode is bit 29 of EDX in extended leaf 0x80000001.

check_long_mode:
	pushfd
	pop	eax
	mov	ecx, eax
	xor	eax, EFLAGS_ID
	push	eax
	popfd
	pushfd
	pop	eax
	push	ecx			; put EFLAGS back as it was
	popfd
	xor	eax, ecx
	test	eax, EFLAGS_ID
	jz	.no_cpuid
	mov	eax, CPUID_EXT_MAX
	cpuid
	cmp	eax, CPUID_EXT_INFO
	jb	.no_long_mode
	mov	eax, CPUID_EXT_INFO
	cpuid
	test	edx, CPUID_EDX_LM
	jz	.no_long_mode
	ret
.no_cpuid:
	FAIL	"stage2: no long mode (no CPUID)"
.no_long_mode:
	FAIL	"stage2: no long mode"

; ------------------------------------------------------------------------
; Step 2: the A20 line.  Try the BIOS, then the keyboard controller, then
; port 0x92, checking after each; remember whether it was on already.

enable_a20:
	call	a20_test
	jnz	.was_on
	mov	ax, 0x2401		; INT 15h: enable A20
	int	0x15
	call	a20_wait
	jnz	.by_bios
	call	a20_kbc
	call	a20_wait
	jnz	.by_kbc
	in	al, SYSCTL_A
	or	al, SYSCTL_A20
	and	al, ~SYSCTL_RESET & 0xFF
	out	SYSCTL_A, al
	call	a20_wait
	jnz	.by_port92
	FAIL	"stage2: cannot enable A20"
.was_on:
	or	byte [bi_flags], PORTIX_BI_FLAG_A20_WAS_ON
	PRINT	"stage2: A20 already on", 10
	ret
.by_bios:
	PRINT	"stage2: A20 on (BIOS)", 10
	ret
.by_kbc:
	PRINT	"stage2: A20 on (keyboard controller)", 10
	ret
.by_port92:
	PRINT	"stage2: A20 on (port 0x92)", 10
	ret

; a20_test: ZF clear if A20 is on.  Writes a byte here and another at
; the same address plus 1 MiB (FFFF:x+10h): with A20 off they are one.
a20_test:
	push	ax
	push	fs
	mov	ax, 0xFFFF
	mov	fs, ax
	mov	byte [a20_probe], 0x00
	mov	byte [fs:a20_probe + 0x10], 0xFF
	cmp	byte [a20_probe], 0xFF
	pop	fs
	pop	ax
	ret

; a20_wait: repeat a20_test for a while, since a KBC may be slow to act.
; ZF clear if A20 came on.
a20_wait:
	push	cx
	mov	cx, A20_SPINS
.again:
	call	a20_test
	jnz	.done
	out	DELAY_PORT, al
	loop	.again
	cmp	cx, cx			; ZF set: still off
.done:
	pop	cx
	ret

; a20_kbc: ask the 8042 to set the A20 bit of its output port.
a20_kbc:
	call	kbc_wait
	mov	al, KBC_WRITE_OUT
	out	KBC_CMD, al
	call	kbc_wait
	mov	al, KBC_OUT_A20
	out	KBC_DATA, al
	call	kbc_wait
	mov	al, KBC_NULL
	out	KBC_CMD, al
	; fall through

; kbc_wait: wait until the 8042 can take a byte, or give up (no KBC).
kbc_wait:
	push	cx
	mov	cx, KBC_SPINS
.again:
	in	al, KBC_STATUS
	test	al, KBC_IN_FULL
	loopnz	.again
	pop	cx
	ret

; ------------------------------------------------------------------------
; Step 3: the boot info.  Zero it, fill what is known now, then the E820
; map straight into it.  Step 5 adds PORTIX_BI_FLAG_CHS if it applies.

make_boot_info:
	mov	di, BI
	mov	cx, PORTIX_BI_SIZE
	xor	al, al
	rep	stosb
	mov	dword [BI + PORTIX_BI_OFF_MAGIC], PORTIX_BI_MAGIC
	mov	word [BI + PORTIX_BI_OFF_VERSION], PORTIX_PROTOCOL_VERSION
	mov	word [BI + PORTIX_BI_OFF_SIZE], PORTIX_BI_SIZE
	mov	al, [boot_drive]
	mov	[BI + PORTIX_BI_OFF_BOOT_DRIVE], al
	mov	al, [bi_flags]
	mov	[BI + PORTIX_BI_OFF_FLAGS], al
	mov	eax, [HDR + PORTIX_S2_HDR_KERNEL_SIZE]
	mov	[BI + PORTIX_BI_OFF_KERNEL_SIZE], eax
	mov	eax, [S1_PARAMS + PORTIX_S1_BASE_LBA]
	mov	[BI + PORTIX_BI_OFF_BASE_LBA], eax
	mov	eax, [S1_PARAMS + PORTIX_S1_BASE_LBA + 4]
	mov	[BI + PORTIX_BI_OFF_BASE_LBA + 4], eax
	mov	dword [BI + PORTIX_BI_OFF_KERNEL_ADDR], PORTIX_KERNEL_ADDR
	; The firmware block: a BIOS, no RSDP given (the kernel scans for
	; it), no framebuffer (VGA text); zeroing did the rest.
	mov	dword [BI + PORTIX_BI_OFF_FIRMWARE + PORTIX_FW_OFF_KIND], PORTIX_FIRMWARE_BIOS
	; The command line; its last byte stays 0, so it is always ended.
	mov	si, HDR + PORTIX_S2_HDR_CMDLINE
	mov	di, BI + PORTIX_BI_OFF_CMDLINE
	mov	cx, PORTIX_CMDLINE_MAX - 1
	rep	movsb

; read_e820: append the E820 entries to the boot info.  Entries come one
; per call into e820_entry; those shorter than 20 bytes or of zero length
; are dropped, and the map is cut at PORTIX_E820_MAX entries.
read_e820:
	xor	ebx, ebx		; continuation value: start
	mov	di, BI + PORTIX_BI_OFF_E820
.next:
	cmp	word [BI + PORTIX_BI_OFF_E820_COUNT], PORTIX_E820_MAX
	jae	.full
	push	di
	mov	di, e820_entry
	; A BIOS that answers with 20 bytes leaves this: "a valid entry".
	mov	dword [di + E820_ACPI], E820_ACPI_VALID
	mov	eax, 0xE820
	mov	ecx, PORTIX_E820_ENTRY_SIZE
	mov	edx, E820_SMAP
	int	0x15
	pop	di
	jc	.end			; no E820, or past the last entry
	cmp	eax, E820_SMAP
	jne	.end
	cmp	ecx, E820_MIN_SIZE
	jb	.skip
	mov	eax, [e820_entry + E820_LENGTH]
	or	eax, [e820_entry + E820_LENGTH + 4]
	jz	.skip
	mov	si, e820_entry
	mov	cx, PORTIX_E820_ENTRY_SIZE
	rep	movsb
	inc	word [BI + PORTIX_BI_OFF_E820_COUNT]
.skip:
	test	ebx, ebx		; 0: that was the last entry
	jnz	.next
	jmp	.end
.full:
	PRINT	"stage2: E820 map cut at "
	movzx	eax, word [BI + PORTIX_BI_OFF_E820_COUNT]
	call	putdec
	PRINT	" entries", 10
.end:
	movzx	eax, word [BI + PORTIX_BI_OFF_E820_COUNT]
	test	eax, eax
	jnz	print_e820
	FAIL	"stage2: no E820 memory map"

; print_e820: list the map ("base +length type"), for the log.
print_e820:
	PRINT	"stage2: E820 map, "
	call	putdec
	PRINT	" entries:", 10
	mov	si, BI + PORTIX_BI_OFF_E820
	mov	cx, ax
.entry:
	PRINT	"stage2:   0x"
	mov	eax, [si + E820_BASE + 4]
	call	puthex32
	mov	eax, [si + E820_BASE]
	call	puthex32
	PRINT	" +0x"
	mov	eax, [si + E820_LENGTH + 4]
	call	puthex32
	mov	eax, [si + E820_LENGTH]
	call	puthex32
	PRINT	" type "
	mov	eax, [si + E820_TYPE]
	call	putdec
	PRINT	10
	add	si, PORTIX_E820_ENTRY_SIZE
	loop	.entry
	ret

; ------------------------------------------------------------------------
; Step 4: the kernel header.  Sectors and bytes must be set and agree,
; and the whole sectors read must fit below PORTIX_KERNEL_LOAD_LIMIT in
; RAM the E820 map calls usable.

check_kernel_header:
	mov	eax, [HDR + PORTIX_S2_HDR_KERNEL_SECTORS]
	mov	ebx, [HDR + PORTIX_S2_HDR_KERNEL_SIZE]
	test	eax, eax
	jz	.no_kernel
	test	ebx, ebx
	jz	.no_kernel
	cmp	dword [HDR + PORTIX_S2_HDR_KERNEL_LBA], 0
	je	.no_kernel
	add	ebx, PORTIX_SECTOR_SIZE - 1
	jc	.disagree
	shr	ebx, SECTOR_SHIFT
	cmp	ebx, eax
	jne	.disagree
	cmp	eax, KERNEL_ROOM >> SECTOR_SHIFT
	ja	.over_limit
	shl	eax, SECTOR_SHIFT
	add	eax, PORTIX_KERNEL_ADDR
	mov	ebx, PORTIX_KERNEL_ADDR
	call	ram_covers
	jc	.no_ram
	ret
.no_kernel:
	FAIL	"stage2: no kernel (stage 2 header not patched)"
.disagree:
	FAIL	"stage2: no kernel (header sectors and size disagree)"
.over_limit:
	LOUD
	PRINT	"stage2: kernel does not fit in memory (above 0x"
	mov	eax, PORTIX_KERNEL_LOAD_LIMIT
	call	puthex32
	FAIL	")"
.no_ram:
	LOUD
	PRINT	"stage2: kernel does not fit in memory (no usable RAM at 0x"
	call	puthex32
	FAIL	")"

; ram_covers: CF clear if usable E820 RAM covers [EBX, EAX), both below
; 4 GiB.  Entries may come unsorted and split, so it grows the covered
; prefix until no entry grows it.  On CF set, EAX = first address missing.
; Changes EAX and EBX.
ram_covers:
	push	ecx
	push	edx
	push	esi
	push	edi
	mov	edx, eax		; EDX = end, EBX = covered up to here
.again:
	cmp	ebx, edx
	jae	.covered
	mov	si, BI + PORTIX_BI_OFF_E820
	mov	cx, [BI + PORTIX_BI_OFF_E820_COUNT]
	jcxz	.missing
.entry:
	cmp	dword [si + E820_TYPE], E820_USABLE
	jne	.skip
	cmp	dword [si + E820_BASE + 4], 0
	jne	.skip
	mov	eax, [si + E820_BASE]
	cmp	eax, ebx
	ja	.skip
	mov	edi, [si + E820_LENGTH]	; EDI = entry end, cut at 4 GiB
	add	edi, eax
	jc	.to_4g
	cmp	dword [si + E820_LENGTH + 4], 0
	je	.have_end
.to_4g:
	mov	edi, 0xFFFFFFFF
.have_end:
	cmp	edi, ebx
	jbe	.skip
	mov	ebx, edi
	jmp	.again
.skip:
	add	si, PORTIX_E820_ENTRY_SIZE
	loop	.entry
.missing:
	mov	eax, ebx
	stc
	jmp	.out
.covered:
	clc
.out:
	pop	edi
	pop	esi
	pop	edx
	pop	ecx
	ret

%include "stage2-identity.inc"
%include "stage2-disk.inc"

; ------------------------------------------------------------------------
; Step 6: CRC-32 (IEEE 802.3, as zlib: reflected, init and final xor
; 0xFFFFFFFF) of the kernel's bytes, against the header's.

check_kernel_crc:
	call	crc32_make_table
	cli
	call	unreal
	mov	esi, PORTIX_KERNEL_ADDR
	mov	ecx, [HDR + PORTIX_S2_HDR_KERNEL_SIZE]
	mov	eax, 0xFFFFFFFF
.byte:
	movzx	ebx, byte [esi]
	xor	bl, al
	shr	eax, 8
	xor	eax, [crc_table + ebx * 4]
	inc	esi
	dec	ecx
	jnz	.byte
	not	eax
	sti
	cmp	eax, [HDR + PORTIX_S2_HDR_KERNEL_CRC32]
	jne	.mismatch
	ret
.mismatch:
	LOUD
	push	eax
	PRINT	"stage2: kernel CRC mismatch (expected 0x"
	mov	eax, [HDR + PORTIX_S2_HDR_KERNEL_CRC32]
	call	puthex32
	PRINT	", got 0x"
	pop	eax
	call	puthex32
	FAIL	")"

; crc32_make_table: crc_table[n] = CRC register after shifting byte n.
crc32_make_table:
	mov	di, crc_table
	xor	edx, edx
.entry:
	mov	eax, edx
	mov	cx, 8
.bit:
	shr	eax, 1
	jnc	.no_xor
	xor	eax, CRC32_POLY
.no_xor:
	loop	.bit
	stosd
	inc	dx
	cmp	dx, 256
	jb	.entry
	ret

; ------------------------------------------------------------------------
; Step 7: long mode, straight from real mode with no 32-bit stage: PAE,
; CR3, EFER.LME, then PG and PE together in one write to CR0, then a far
; jump into the 64-bit code segment.

enter_long_mode:
	cli
	mov	al, 0xFF		; mask every PIC line
	out	PIC1_DATA, al
	out	PIC2_DATA, al
	call	make_page_tables
	lgdt	[gdtr]
	lidt	[idt_none]		; a stray NMI resets, not runs junk
	mov	eax, cr4
	or	eax, CR4_PAE
	mov	cr4, eax
	mov	eax, PML4
	mov	cr3, eax
	mov	ecx, MSR_EFER
	rdmsr
	or	eax, EFER_LME
	wrmsr
	mov	eax, cr0
	or	eax, CR0_PG | CR0_PE
	mov	cr0, eax
	jmp	PORTIX_BOOT_CODE64_SEL:long_mode

; make_page_tables: PML4[0] -> PDPT, PDPT[0..3] -> four page directories
; of 2 MiB pages, identity-mapping the first 4 GiB.
make_page_tables:
	push	es
	mov	ax, PORTIX_PAGE_TABLES_ADDR >> 4
	mov	es, ax
	xor	di, di
	xor	eax, eax
	mov	cx, PORTIX_PAGE_TABLES_SIZE / 4
	rep	stosd
	mov	dword [es:PML4 - PML4], PDPT | PTE_PRESENT | PTE_WRITE
	mov	di, PDPT - PML4
	mov	eax, PD | PTE_PRESENT | PTE_WRITE
	mov	cx, PD_COUNT
.pdpt:
	mov	[es:di], eax
	add	eax, PAGE_SIZE
	add	di, 8
	loop	.pdpt
	mov	di, PD - PML4
	mov	eax, PTE_PRESENT | PTE_WRITE | PTE_LARGE
	mov	cx, PD_COUNT * PD_ENTRIES
.pd:
	mov	[es:di], eax		; the high halves stay 0: below 4 GiB
	add	eax, LARGE_PAGE
	add	di, 8
	loop	.pd
	pop	es
	ret

	bits	64
long_mode:
	mov	ax, PORTIX_BOOT_DATA_SEL
	mov	ds, ax
	mov	es, ax
	mov	fs, ax
	mov	gs, ax
	mov	ss, ax
	mov	rsp, PORTIX_BOOT_STACK_TOP & ~15
	mov	edi, PORTIX_BOOTINFO_ADDR
	cld
	mov	eax, PORTIX_KERNEL_ADDR
	jmp	rax
	bits	16

%include "stage2-console.inc"

; ------------------------------------------------------------------------
; Data.

; GDT for unreal mode and long mode; the selectors come from layout.h.
	align	8
gdt:
	dq	0
	times	PORTIX_BOOT_CODE64_SEL - ($ - gdt) db 0
	dq	0x00AF9A000000FFFF	; 64-bit code, ring 0
	times	PORTIX_BOOT_DATA_SEL - ($ - gdt) db 0
	dq	0x00CF92000000FFFF	; flat 4 GiB data, read/write
gdt_end:
gdtr:
	dw	gdt_end - gdt - 1
	dd	gdt
idt_none:
	dw	0
	dd	0

; INT 13h AH=42h disk address packet; the CHS path uses its LBA too.
	align	4
dap:
		db	0x10		; packet size
		db	0
.count:		dw	0
.offset:	dw	PORTIX_LOAD_BUFFER_ADDR & 0xF
.segment:	dw	PORTIX_LOAD_BUFFER_ADDR >> 4
.lba:		dq	0

verbose_word:	db	PORTIX_CMDLINE_VERBOSE
VERBOSE_WORD_LEN equ	$ - verbose_word
e820_entry:	times	PORTIX_E820_ENTRY_SIZE db 0
spt:		dd	0		; CHS geometry
heads:		dd	0
sectors_left:	dd	0		; kernel sectors still to read
load_dest:	dd	0		; where the next chunk goes
chunk_sectors:	dw	0		; sectors in this chunk
boot_drive:	db	0
bi_flags:	db	0		; PORTIX_BI_FLAG_* known before step 3
serial_on:	db	0
print_on:	db	0		; 1: print the steps, not only failures
tx_room:	db	0		; bytes COM1's transmit FIFO still takes
tx_fifo_size:	db	1		; UART_FIFO_SIZE if COM1 has FIFOs
use_chs:	db	0
chs_count:	db	0
chs_sector:	db	0
tries_left:	db	0
disk_status:	db	0		; AH of the last INT 13h read
a20_probe:	db	0

	align	4
crc_table:	times	256 dd 0

stage2_end:
	times	PORTIX_STAGE2_SECTORS * PORTIX_SECTOR_SIZE - ($ - $$) db 0
%if ($ - $$) != PORTIX_STAGE2_SECTORS * PORTIX_SECTOR_SIZE
%error "stage 2 must be exactly PORTIX_STAGE2_SECTORS sectors"
%endif
