/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* memory.c - memcpy and friends (the compiler may emit calls to them in
   freestanding code), and page allocation for the loader's buffers.  */

#include "loader.h"

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

/* Zeroed pages for BYTES, below 4 GiB: the kernel's identity map
   reaches nothing above, and the loader still runs on its own code
   after switching to the kernel's page tables.  Aligned to a page,
   which satisfies any Block I/O alignment a disk asks for.  */
void *alloc_pages_below_4g(uint64_t bytes)
{
	EFI_PHYSICAL_ADDRESS addr = PORTIX_BOOT_IDENTITY_END - 1;
	UINTN pages = (bytes + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE;
	EFI_STATUS st;

	st = efi_bs->allocate_pages(EFI_ALLOCATE_MAX_ADDRESS, EFI_LOADER_DATA,
				    pages ? pages : 1, &addr);
	if (EFI_IS_ERROR(st))
		fail(st, "out of memory (%u bytes below 4 GiB)", bytes);
	return memset((void *)(uintptr_t)addr, 0, pages * EFI_PAGE_SIZE);
}
