/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* floor-efi.c - the boot-time benchmark's UEFI floor: an EFI application
   that prints one line on COM1 and halts.  portix-mkimage puts it where
   BOOTX64.EFI would go, so OVMF boots it the way it boots Portix's
   loader: its time is what QEMU and the firmware cost before any
   Portix code runs.  The BIOS floor, floor.asm, does the same.  */

#define COM1 0x3F8

static void outb(unsigned short port, unsigned char value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

/* The firmware's arguments (image handle, system table) go unused: the
   line goes straight to the UART, as the BIOS floor's does.  */
unsigned long long efi_main(void *image, void *system_table)
{
	(void)image;
	(void)system_table;
	for (const char *p = "floor: up\r\n"; *p; p++)
		outb(COM1, (unsigned char)*p);
	for (;;)
		__asm__ volatile("cli; hlt");
}
