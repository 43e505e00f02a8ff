/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* memmap.c - the UEFI memory map as the kernel's E820 map, and the end
   of boot services.

   Once boot services are over, memory the firmware lent to boot-time
   drivers and to the loader is free: boot-services code and data,
   loader code and data and conventional memory all become E820 usable.
   The kernel copies the boot info before it allocates anything, and
   the loader's page tables sit below 1 MiB, which the kernel's frame
   allocator never hands out, as under a BIOS.  Runtime services, ACPI
   tables and NVS, MMIO and the rest keep their E820 types.  */

#include "loader.h"

/* Room for the firmware's map: OVMF's has about a hundred entries;
   allocations between GetMemoryMap and ExitBootServices may add a few,
   and descriptors may be larger than the structure.  */
#define MAP_BYTES (512 * 64)

static uint32_t e820_type(uint32_t efi_type)
{
	switch (efi_type) {
	case EFI_LOADER_CODE:
	case EFI_LOADER_DATA:
	case EFI_BOOT_SERVICES_CODE:
	case EFI_BOOT_SERVICES_DATA:
	case EFI_CONVENTIONAL_MEMORY:
		return PORTIX_E820_USABLE;
	case EFI_ACPI_RECLAIM_MEMORY:
		return PORTIX_E820_ACPI;
	case EFI_ACPI_MEMORY_NVS:
		return PORTIX_E820_NVS;
	case EFI_UNUSABLE_MEMORY:
		return PORTIX_E820_BAD;
	default:
		return PORTIX_E820_RESERVED;
	}
}

/* Append [BASE, BASE + LEN) of TYPE, merged with the last entry when
   they touch and agree.  Returns 0 when the map is full.  */
static int add_range(struct portix_boot_info *bi, uint64_t base,
		     uint64_t len, uint32_t type)
{
	struct portix_e820_entry *last = bi->e820_count ?
		&bi->e820[bi->e820_count - 1] : NULL;

	if (last && last->type == type && last->base + last->length == base) {
		last->length += len;
		return 1;
	}
	if (bi->e820_count == PORTIX_E820_MAX)
		return 0;
	last = &bi->e820[bi->e820_count++];
	last->base = base;
	last->length = len;
	last->type = type;
	last->acpi = 1;		/* ACPI 3.0: "enabled" */
	return 1;
}

static const EFI_MEMORY_DESCRIPTOR *entry(const uint8_t *map, UINTN i,
					  UINTN desc_size)
{
	return (const EFI_MEMORY_DESCRIPTOR *)(map + i * desc_size);
}

/* Insertion sort by address: firmware maps are mostly sorted already,
   and E820 merging needs neighbours next to each other.  */
static void sort_map(uint8_t *map, UINTN n, UINTN desc_size)
{
	uint8_t tmp[256];
	UINTN i, j;

	for (i = 1; i < n; i++) {
		memcpy(tmp, map + i * desc_size, desc_size);
		for (j = i; j > 0 && entry(map, j - 1, desc_size)->physical_start >
		     ((const EFI_MEMORY_DESCRIPTOR *)tmp)->physical_start; j--)
			memcpy(map + j * desc_size, map + (j - 1) * desc_size,
			       desc_size);
		memcpy(map + j * desc_size, tmp, desc_size);
	}
}

/* Fail unless all of CLAIM is usable once boot services end.  */
static void check_claim(const uint8_t *map, UINTN n, UINTN desc_size,
			const struct claim *c)
{
	uint64_t covered = 0;
	UINTN i;

	for (i = 0; i < n; i++) {
		const EFI_MEMORY_DESCRIPTOR *d = entry(map, i, desc_size);
		uint64_t start = d->physical_start;
		uint64_t end = start + d->number_of_pages * EFI_PAGE_SIZE;

		if (end <= c->start || start >= c->end)
			continue;
		if (e820_type(d->type) != PORTIX_E820_USABLE ||
		    d->type == EFI_LOADER_CODE || d->type == EFI_LOADER_DATA)
			fail(0, "%s at %x-%x: memory there is firmware type %u",
			     c->what, c->start, c->end, (uint64_t)d->type);
		covered += (end < c->end ? end : c->end) -
			(start > c->start ? start : c->start);
	}
	if (covered != c->end - c->start)
		fail(0, "%s at %x-%x: not all of it is RAM", c->what,
		     c->start, c->end);
}

static void convert(struct portix_boot_info *bi, uint8_t *map, UINTN size,
		    UINTN desc_size)
{
	UINTN i, n = size / desc_size;

	sort_map(map, n, desc_size);
	bi->e820_count = 0;
	for (i = 0; i < n; i++) {
		const EFI_MEMORY_DESCRIPTOR *d = entry(map, i, desc_size);

		if (!add_range(bi, d->physical_start,
			       d->number_of_pages * EFI_PAGE_SIZE,
			       e820_type(d->type)))
			break;	/* the kernel sees less RAM; still boots */
	}
}

void memmap_exit_boot_services(EFI_HANDLE image, struct portix_boot_info *bi,
			       const struct claim *claims, unsigned int nclaims)
{
	uint8_t *map = alloc_pages_below_4g(MAP_BYTES);
	UINTN size, key, desc_size, i;
	uint32_t desc_version;
	EFI_STATUS st;
	int tries;

	for (tries = 0;; tries++) {
		size = MAP_BYTES;
		st = efi_bs->get_memory_map(&size, (EFI_MEMORY_DESCRIPTOR *)map,
					    &key, &desc_size, &desc_version);
		if (EFI_IS_ERROR(st))
			fail(st, "cannot read the memory map (%u bytes)",
			     (uint64_t)size);
		if (desc_size < sizeof(EFI_MEMORY_DESCRIPTOR) ||
		    desc_size > 256)
			fail(0, "memory map descriptors of %u bytes",
			     (uint64_t)desc_size);
		if (!tries) {
			for (i = 0; i < nclaims; i++)
				if (!claims[i].allocated)
						check_claim(map, size / desc_size,
						    desc_size, &claims[i]);
			say("%u memory map entries; leaving boot services",
			    (uint64_t)(size / desc_size));
		}
		/* Nothing may print or allocate from here on: either
		   changes the map and invalidates its key.  */
		convert(bi, map, size, desc_size);
		st = efi_bs->exit_boot_services(image, key);
		if (!EFI_IS_ERROR(st))
			return;
		/* The map changed since it was read (an event ran):
		   read it again.  */
		if (st != EFI_INVALID_PARAMETER || tries == 8)
			fail(st, "ExitBootServices failed");
	}
}
