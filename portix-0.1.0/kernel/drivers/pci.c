/* pci.c - enumerate PCI functions by configuration mechanism #1.  */

#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/io.h"
#include "drivers/pci.h"

#define PCI_CONFIG_ADDRESS	0xCF8
#define PCI_CONFIG_DATA		0xCFC
#define PCI_ENABLE		0x80000000U
#define PCI_MULTIFUNCTION	0x80

uint32_t pci_config_read32(uint8_t bus, uint8_t dev, uint8_t fn,
			   uint8_t offset)
{
	outl(PCI_CONFIG_ADDRESS, PCI_ENABLE | (uint32_t)bus << 16 |
	     (uint32_t)(dev & 31) << 11 | (uint32_t)(fn & 7) << 8 |
	     (offset & 0xFC));
	return inl(PCI_CONFIG_DATA);
}

/* Fill F for bus:dev.fn; 0 if no function answers there.  */
static int probe(uint8_t bus, uint8_t dev, uint8_t fn,
		 struct pci_function *f)
{
	uint32_t id = pci_config_read32(bus, dev, fn, 0x00);
	uint32_t class_rev, hdr;

	if ((id & 0xFFFF) == 0xFFFF)
		return 0;
	class_rev = pci_config_read32(bus, dev, fn, 0x08);
	hdr = pci_config_read32(bus, dev, fn, 0x0C);
	f->bus = bus;
	f->dev = dev;
	f->fn = fn;
	f->vendor = id & 0xFFFF;
	f->device = id >> 16;
	f->class_code = class_rev >> 24;
	f->subclass = (class_rev >> 16) & 0xFF;
	f->prog_if = (class_rev >> 8) & 0xFF;
	f->revision = class_rev & 0xFF;
	f->header_type = (hdr >> 16) & 0xFF;
	return 1;
}

unsigned int pci_scan(void (*fn)(const struct pci_function *f, void *arg),
		      void *arg)
{
	struct pci_function f;
	unsigned int bus, dev, func, count = 0;
	uint8_t nfuncs;

	for (bus = 0; bus < 256; bus++) {
		for (dev = 0; dev < 32; dev++) {
			if (!probe(bus, dev, 0, &f))
				continue;
			nfuncs = (f.header_type & PCI_MULTIFUNCTION) ? 8 : 1;
			for (func = 0; func < nfuncs; func++) {
				if (func && !probe(bus, dev, func, &f))
					continue;
				f.header_type &= ~PCI_MULTIFUNCTION;
				fn(&f, arg);
				count++;
			}
		}
	}
	return count;
}

struct class_name {
	uint8_t class_code, subclass;	/* subclass 0xFF: any */
	const char *name;
};

/* PCI Code and ID Assignment specification, the common ones.  */
static const struct class_name class_names[] = {
	{ 0x01, 0x01, "IDE controller" },
	{ 0x01, 0x06, "SATA controller" },
	{ 0x01, 0x08, "NVMe controller" },
	{ 0x01, 0xFF, "storage controller" },
	{ 0x02, 0x00, "Ethernet controller" },
	{ 0x02, 0xFF, "network controller" },
	{ 0x03, 0x00, "VGA controller" },
	{ 0x03, 0xFF, "display controller" },
	{ 0x04, 0xFF, "multimedia controller" },
	{ 0x05, 0xFF, "memory controller" },
	{ 0x06, 0x00, "host bridge" },
	{ 0x06, 0x01, "ISA bridge" },
	{ 0x06, 0x04, "PCI bridge" },
	{ 0x06, 0x80, "bridge" },
	{ 0x06, 0xFF, "bridge" },
	{ 0x07, 0xFF, "communication controller" },
	{ 0x08, 0xFF, "system peripheral" },
	{ 0x0C, 0x03, "USB controller" },
	{ 0x0C, 0x05, "SMBus controller" },
	{ 0x0C, 0xFF, "serial bus controller" },
};

const char *pci_class_name(uint8_t class_code, uint8_t subclass)
{
	size_t i;

	for (i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++) {
		const struct class_name *c = &class_names[i];

		if (c->class_code == class_code &&
		    (c->subclass == subclass || c->subclass == 0xFF))
			return c->name;
	}
	return "device";
}
