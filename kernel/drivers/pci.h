/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* pci.h - PCI configuration space through the legacy ports 0xCF8/0xCFC.

   pci_config_read32() reads one dword of a function's configuration
   space; pci_scan() calls FN for every function present on every bus
   (all 256, brute force: no bridge topology needed), in bus, device,
   function order.  The first pci_scan() enumerates and keeps the list
   (the kernel never hot-plugs); later calls replay it.  Drivers find
   their controllers with pci_find_class(), read where the registers are
   with pci_bar() and let the function decode and master the bus with
   pci_enable().  Not for IRQ handlers.  */

#ifndef DRIVERS_PCI_H
#define DRIVERS_PCI_H

#include <stdbool.h>
#include <stdint.h>

/* Functions pci_scan() keeps; more are not seen.  */
#define PCI_MAX_FUNCTIONS	256

/* Any programming interface, for pci_find_class().  */
#define PCI_ANY_PROG_IF		(-1)

/* Command register bits, for pci_enable().  */
#define PCI_CMD_IO		0x0001	/* decode I/O space BARs */
#define PCI_CMD_MEMORY		0x0002	/* decode memory BARs */
#define PCI_CMD_BUS_MASTER	0x0004	/* may start DMA */

/* Class codes of the mass storage controllers the kernel drives.  */
#define PCI_CLASS_STORAGE	0x01
#define PCI_SUBCLASS_IDE	0x01
#define PCI_SUBCLASS_SATA	0x06
#define PCI_PROG_IF_AHCI	0x01

struct pci_function {
	uint8_t bus, dev, fn;
	uint16_t vendor, device;
	uint8_t class_code, subclass, prog_if, revision;
	uint8_t header_type;		/* bit 7 masked off */
};

/* A base address register as the function reports it.  */
struct pci_bar {
	uint64_t addr;		/* 0: not implemented or not assigned */
	bool io;		/* I/O ports rather than memory */
	bool is64;		/* 64-bit memory: takes the next slot too */
};

uint32_t pci_config_read32(uint8_t bus, uint8_t dev, uint8_t fn,
			   uint8_t offset);
void pci_config_write32(uint8_t bus, uint8_t dev, uint8_t fn,
			uint8_t offset, uint32_t value);

/* Returns the number of functions found.  */
unsigned int pci_scan(void (*fn)(const struct pci_function *f, void *arg),
		      void *arg);

/* The INDEX-th function (from 0, in pci_scan order) of class
   CLASS_CODE:SUBCLASS with programming interface PROG_IF (or any, with
   PCI_ANY_PROG_IF).  Fills *F and returns true, or false if there are
   not that many.  */
bool pci_find_class(uint8_t class_code, uint8_t subclass, int prog_if,
		    unsigned int index, struct pci_function *f);

/* BAR number N (0..5) of a header type 0 function.  Returns false if N
   is out of range or F has no such header.  */
bool pci_bar(const struct pci_function *f, int n, struct pci_bar *bar);

/* Set BITS (PCI_CMD_*) in F's command register; others are kept.  */
void pci_enable(const struct pci_function *f, uint16_t bits);

/* A short English name for a class/subclass ("host bridge", "IDE
   controller", ...), never NULL.  */
const char *pci_class_name(uint8_t class_code, uint8_t subclass);

/* The most specific name known for F: by vendor and device where the
   class says little (a virtio block device is "SCSI storage"), then by
   class, subclass and programming interface ("SATA controller
   (AHCI)"), then pci_class_name().  Never NULL.  */
const char *pci_function_name(const struct pci_function *f);

#endif /* DRIVERS_PCI_H */
