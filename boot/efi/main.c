/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* main.c - efi_main: load the Portix kernel from the medium the loader
   came from and enter it as stage 2 does (contract: include/portix/boot.h).

   Steps: find the image on the boot medium; read stage 2's header (the
   kernel's place, size and CRC, the command line) and the kernel; fill
   the boot info (identity, ACPI RSDP, framebuffer); build the page
   tables; claim the fixed addresses the protocol names; take the memory
   map and leave boot services; put kernel, boot info and page tables in
   place; switch to them and jump.  Every failure before the exit prints
   why and returns to the firmware; after it nothing can fail.  */

#include <portix/crc32.h>

#include "loader.h"

EFI_HANDLE efi_image;
EFI_SYSTEM_TABLE *efi_st;
EFI_BOOT_SERVICES *efi_bs;

static const EFI_GUID acpi20_guid = EFI_ACPI_20_TABLE_GUID;
static const EFI_GUID acpi10_guid = EFI_ACPI_10_TABLE_GUID;
static const EFI_GUID gop_guid = EFI_GRAPHICS_OUTPUT_PROTOCOL_GUID;

#define PAGE_SIZE 0x1000
#define LARGE_PAGE 0x200000
#define PTE_PRESENT (1ULL << 0)
#define PTE_WRITE (1ULL << 1)
#define PTE_LARGE (1ULL << 7)
#define PD_COUNT (PORTIX_BOOT_IDENTITY_END >> 30)

_Static_assert((2 + PD_COUNT) * PAGE_SIZE == PORTIX_PAGE_TABLES_SIZE,
	       "PML4, PDPT and a page directory per GiB");

/* Round X up to a page.  */
static uint64_t page_up(uint64_t x)
{
	return (x + PAGE_SIZE - 1) & ~(uint64_t)(PAGE_SIZE - 1);
}

/* Stage 2's header, checked as stage 2 and portix-mkimage check it.  */
static void read_header(const struct medium *m,
			struct portix_stage2_header *h)
{
	medium_read(m, (uint64_t)PORTIX_STAGE2_LBA * PORTIX_SECTOR_SIZE, h,
		    sizeof(*h));
	if (h->magic != PORTIX_S2_MAGIC)
		fail(0, "stage 2 header: bad magic %x", (uint64_t)h->magic);
	if (h->version != PORTIX_PROTOCOL_VERSION)
		fail(0, "stage 2 header: protocol version %u, loader speaks %u",
		     (uint64_t)h->version, (uint64_t)PORTIX_PROTOCOL_VERSION);
	if (h->kernel_size == 0 ||
	    h->kernel_size > (uint64_t)h->kernel_sectors * PORTIX_SECTOR_SIZE ||
	    h->kernel_sectors > PORTIX_KERNEL_MAX_SECTORS ||
	    h->kernel_size > PORTIX_KERNEL_LOAD_LIMIT - PORTIX_KERNEL_ADDR)
		fail(0, "stage 2 header: kernel of %u bytes in %u sectors "
		     "does not fit", (uint64_t)h->kernel_size,
		     (uint64_t)h->kernel_sectors);
	h->cmdline[PORTIX_CMDLINE_MAX - 1] = '\0';
}

static void *read_kernel(const struct medium *m,
			 const struct portix_stage2_header *h)
{
	void *k = alloc_pages_below_4g(h->kernel_size);
	uint32_t crc;

	medium_read(m, (uint64_t)h->kernel_lba * PORTIX_SECTOR_SIZE, k,
		    h->kernel_size);
	crc = portix_crc32(0, k, h->kernel_size);
	if (crc != h->kernel_crc32)
		fail(0, "kernel CRC-32 %x, header says %x: the image is "
		     "damaged", (uint64_t)crc, (uint64_t)h->kernel_crc32);
	say("kernel: %u bytes, CRC-32 %x correct", (uint64_t)h->kernel_size,
	    (uint64_t)crc);
	return k;
}

static uint64_t find_rsdp(void)
{
	const EFI_GUID *wanted[] = { &acpi20_guid, &acpi10_guid };
	UINTN i, w;

	for (w = 0; w < 2; w++)
		for (i = 0; i < efi_st->number_of_table_entries; i++)
			if (!memcmp(&efi_st->configuration_table[i].vendor_guid,
				    wanted[w], sizeof(EFI_GUID)))
				return (uint64_t)(uintptr_t)
					efi_st->configuration_table[i].vendor_table;
	return 0;
}

/* The GOP's current mode, as the firmware left it.  */
static void find_framebuffer(struct portix_framebuffer *fb)
{
	EFI_GRAPHICS_OUTPUT_PROTOCOL *gop;
	const EFI_GRAPHICS_OUTPUT_MODE_INFORMATION *info;
	EFI_STATUS st;

	st = efi_bs->locate_protocol(&gop_guid, NULL, (void **)&gop);
	if (EFI_IS_ERROR(st) || !gop->mode || !gop->mode->info) {
		say("no graphics output: no framebuffer");
		return;
	}
	info = gop->mode->info;
	switch (info->pixel_format) {
	case EFI_PIXEL_RGB_RESERVED_8BIT:
		fb->format = PORTIX_FB_FORMAT_RGBX;
		fb->red_mask = 0xFF;
		fb->green_mask = 0xFF00;
		fb->blue_mask = 0xFF0000;
		fb->reserved_mask = 0xFF000000;
		fb->bpp = 32;
		break;
	case EFI_PIXEL_BGR_RESERVED_8BIT:
		fb->format = PORTIX_FB_FORMAT_BGRX;
		fb->red_mask = 0xFF0000;
		fb->green_mask = 0xFF00;
		fb->blue_mask = 0xFF;
		fb->reserved_mask = 0xFF000000;
		fb->bpp = 32;
		break;
	case EFI_PIXEL_BIT_MASK:
		fb->format = PORTIX_FB_FORMAT_BITMASK;
		fb->red_mask = info->red_mask;
		fb->green_mask = info->green_mask;
		fb->blue_mask = info->blue_mask;
		fb->reserved_mask = info->reserved_mask;
		/* The highest bit any mask uses, rounded up to a byte.  */
		fb->bpp = 8;
		while (fb->bpp < 32 &&
		       ((fb->red_mask | fb->green_mask | fb->blue_mask |
			 fb->reserved_mask) >> fb->bpp))
			fb->bpp += 8;
		break;
	default:
		say("graphics output without a framebuffer (blt only)");
		return;
	}
	fb->addr = gop->mode->frame_buffer_base;
	fb->size = gop->mode->frame_buffer_size;
	fb->width = info->horizontal_resolution;
	fb->height = info->vertical_resolution;
	fb->pitch = info->pixels_per_scan_line * (fb->bpp / 8);
	say("framebuffer: %ux%u, %u bpp, at %x", (uint64_t)fb->width,
	    (uint64_t)fb->height, (uint64_t)fb->bpp, fb->addr);
}

static void fill_boot_info(struct portix_boot_info *bi,
			   const struct medium *m,
			   const struct portix_stage2_header *h)
{
	bi->magic = PORTIX_BI_MAGIC;
	bi->version = PORTIX_PROTOCOL_VERSION;
	bi->size = PORTIX_BI_SIZE;
	if (h->flags & PORTIX_S2_FLAG_NO_SERIAL)
		bi->flags |= PORTIX_BI_FLAG_NO_SERIAL;
	bi->kernel_size = h->kernel_size;
	bi->base_lba = m->base_lba;
	bi->kernel_addr = PORTIX_KERNEL_ADDR;
	memcpy(bi->cmdline, h->cmdline, PORTIX_CMDLINE_MAX);
	bi->disk = m->identity;
	bi->firmware.kind = PORTIX_FIRMWARE_UEFI;
	bi->firmware.acpi_rsdp = find_rsdp();
	if (bi->firmware.acpi_rsdp)
		say("ACPI RSDP at %x", bi->firmware.acpi_rsdp);
	else
		say("the firmware gives no ACPI RSDP");
	find_framebuffer(&bi->firmware.fb);
}

/* The tables stage 2 builds, for their place at PORTIX_PAGE_TABLES_ADDR:
   the first 4 GiB identity-mapped with 2 MiB pages.  */
static void build_page_tables(uint64_t *t)
{
	uint64_t *pml4 = t, *pdpt = t + 512, *pd = t + 1024;
	uint64_t base = PORTIX_PAGE_TABLES_ADDR;
	uint64_t i;

	pml4[0] = (base + PAGE_SIZE) | PTE_PRESENT | PTE_WRITE;
	for (i = 0; i < PD_COUNT; i++)
		pdpt[i] = (base + (2 + i) * PAGE_SIZE) | PTE_PRESENT | PTE_WRITE;
	for (i = 0; i < PD_COUNT * 512; i++)
		pd[i] = (i * LARGE_PAGE) | PTE_PRESENT | PTE_WRITE | PTE_LARGE;
}

/* Ask the firmware for [START, END) as loader data; if something holds
   it now, memmap.c checks it is free once boot services end.  */
static void claim(struct claim *c, uint64_t start, uint64_t end,
		  const char *what, int required)
{
	EFI_PHYSICAL_ADDRESS addr = start;
	EFI_STATUS st;

	c->start = start;
	c->end = page_up(end);
	c->what = what;
	st = efi_bs->allocate_pages(EFI_ALLOCATE_ADDRESS, EFI_LOADER_DATA,
				    (c->end - start) / PAGE_SIZE, &addr);
	c->allocated = !EFI_IS_ERROR(st);
	if (!c->allocated && required)
		fail(st, "%s: memory at %x-%x is not free", what, start,
		     c->end);
}

/* The protocol's GDT: null, 64-bit code, data.  */
static const uint64_t gdt[] __attribute__((aligned(16))) = {
	0,
	0x00AF9A000000FFFFULL,	/* code: present, ring 0, L=1 */
	0x00CF92000000FFFFULL,	/* data: present, ring 0, writable */
};
_Static_assert(PORTIX_BOOT_CODE64_SEL == 1 * sizeof(uint64_t) &&
	       PORTIX_BOOT_DATA_SEL == 2 * sizeof(uint64_t),
	       "selectors index the GDT above");

/* Stage 2's last step: PIC masked, interrupts off, the protocol's GDT
   and page tables, RSP at the boot stack, RDI = boot info, jump.  */
__attribute__((noreturn)) static void enter_kernel(void)
{
	struct __attribute__((packed)) {
		uint16_t limit;
		uint64_t base;
	} gdtr = { sizeof(gdt) - 1, (uint64_t)(uintptr_t)gdt };

	__asm__ volatile(
		"cli\n\t"
		"movb $0xFF, %%al\n\t"
		"outb %%al, $0x21\n\t"		/* master PIC: all masked */
		"outb %%al, $0xA1\n\t"		/* slave PIC */
		"lgdt %0\n\t"
		"movq %1, %%cr3\n\t"
		"movq %2, %%rsp\n\t"
		"pushq %3\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %4, %%eax\n\t"
		"movw %%ax, %%ds\n\t"
		"movw %%ax, %%es\n\t"
		"movw %%ax, %%ss\n\t"
		"movw %%ax, %%fs\n\t"
		"movw %%ax, %%gs\n\t"
		"movq %5, %%rdi\n\t"
		"cld\n\t"
		"jmpq *%6\n\t"
		:
		: "m"(gdtr), "r"((uint64_t)PORTIX_PAGE_TABLES_ADDR),
		  "i"(PORTIX_BOOT_STACK_TOP), "i"(PORTIX_BOOT_CODE64_SEL),
		  "i"(PORTIX_BOOT_DATA_SEL), "i"(PORTIX_BOOTINFO_ADDR),
		  "r"((uint64_t)PORTIX_KERNEL_ADDR)
		: "rax", "memory");
	__builtin_unreachable();
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *st);

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *st)
{
	static struct medium m;
	struct portix_stage2_header h;
	struct portix_boot_info *bi;
	struct claim claims[3];
	uint64_t *tables;
	void *kernel;

	efi_image = image;
	efi_st = st;
	efi_bs = st->boot_services;
	say("Portix UEFI loader");
	/* The firmware's 5-minute watchdog would reset a slow boot.  */
	efi_bs->set_watchdog_timer(0, 0, 0, NULL);

	medium_open(image, &m);
	read_header(&m, &h);
	kernel = read_kernel(&m, &h);
	bi = alloc_pages_below_4g(PORTIX_BOOTINFO_MAX_SIZE);
	fill_boot_info(bi, &m, &h);
	tables = alloc_pages_below_4g(PORTIX_PAGE_TABLES_SIZE);
	build_page_tables(tables);
	if ((uint64_t)(uintptr_t)enter_kernel >= PORTIX_BOOT_IDENTITY_END)
		fail(0, "the loader runs above 4 GiB, beyond the kernel's map");

	claim(&claims[0], PORTIX_KERNEL_ADDR,
	      PORTIX_KERNEL_ADDR + h.kernel_size, "kernel", 1);
	claim(&claims[1], PORTIX_BOOTINFO_ADDR, PORTIX_BOOT_STACK_TOP,
	      "boot info and stack", 0);
	claim(&claims[2], PORTIX_PAGE_TABLES_ADDR,
	      PORTIX_PAGE_TABLES_ADDR + PORTIX_PAGE_TABLES_SIZE,
	      "page tables", 0);
	memmap_exit_boot_services(image, bi, claims, 3);

	/* Boot services are gone: no more firmware calls or messages.  */
	__asm__ volatile("cli");
	memcpy((void *)(uintptr_t)PORTIX_KERNEL_ADDR, kernel, h.kernel_size);
	memcpy((void *)(uintptr_t)PORTIX_BOOTINFO_ADDR, bi,
	       PORTIX_BOOTINFO_MAX_SIZE);
	memcpy((void *)(uintptr_t)PORTIX_PAGE_TABLES_ADDR, tables,
	       PORTIX_PAGE_TABLES_SIZE);
	enter_kernel();
}
