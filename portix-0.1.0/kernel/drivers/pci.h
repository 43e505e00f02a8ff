/* pci.h - PCI configuration space through the legacy ports 0xCF8/0xCFC.

   pci_config_read32() reads one dword of a function's configuration
   space; pci_scan() calls FN for every function present on every bus
   (all 256, brute force: no bridge topology needed), in bus, device,
   function order.  No state; not for IRQ handlers.  */

#ifndef DRIVERS_PCI_H
#define DRIVERS_PCI_H

#include <stdint.h>

struct pci_function {
	uint8_t bus, dev, fn;
	uint16_t vendor, device;
	uint8_t class_code, subclass, prog_if, revision;
	uint8_t header_type;		/* bit 7 masked off */
};

uint32_t pci_config_read32(uint8_t bus, uint8_t dev, uint8_t fn,
			   uint8_t offset);

/* Returns the number of functions found.  */
unsigned int pci_scan(void (*fn)(const struct pci_function *f, void *arg),
		      void *arg);

/* A short English name for a class/subclass ("host bridge", "IDE
   controller", ...), never NULL.  */
const char *pci_class_name(uint8_t class_code, uint8_t subclass);

#endif /* DRIVERS_PCI_H */
