/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* pci.c - enumerate PCI functions by configuration mechanism #1, and
   what drivers need of a function: its BARs and its command register.

   State: the functions found by the first pci_scan().  */

#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/io.h"
#include "drivers/pci.h"
#include "kassert.h"

#define PCI_CONFIG_ADDRESS	0xCF8
#define PCI_CONFIG_DATA		0xCFC
#define PCI_ENABLE		0x80000000U
#define PCI_MULTIFUNCTION	0x80

/* Configuration header offsets.  */
#define PCI_COMMAND		0x04	/* 16 bits; status above it */
#define PCI_BAR0		0x10
#define PCI_BAR_COUNT		6

/* BAR low bits.  */
#define BAR_IO			0x1
#define BAR_TYPE_MASK		0x6
#define BAR_TYPE_64		0x4

static void select_register(uint8_t bus, uint8_t dev, uint8_t fn,
			    uint8_t offset)
{
	outl(PCI_CONFIG_ADDRESS, PCI_ENABLE | (uint32_t)bus << 16 |
	     (uint32_t)(dev & 31) << 11 | (uint32_t)(fn & 7) << 8 |
	     (offset & 0xFC));
}

uint32_t pci_config_read32(uint8_t bus, uint8_t dev, uint8_t fn,
			   uint8_t offset)
{
	select_register(bus, dev, fn, offset);
	return inl(PCI_CONFIG_DATA);
}

void pci_config_write32(uint8_t bus, uint8_t dev, uint8_t fn,
			uint8_t offset, uint32_t value)
{
	select_register(bus, dev, fn, offset);
	outl(PCI_CONFIG_DATA, value);
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

/* Every function present, in bus, device, function order: enumerated
   once, on the first call.  Brute force costs 8192 configuration reads
   (about a millisecond under TCG), and each driver's init asks again. */
static struct pci_function found[PCI_MAX_FUNCTIONS];
static unsigned int nfound;
static bool enumerated;

static void enumerate(void)
{
	struct pci_function f;
	unsigned int bus, dev, func;
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
				if (nfound < PCI_MAX_FUNCTIONS)
					found[nfound++] = f;
			}
		}
	}
	enumerated = true;
}

unsigned int pci_scan(void (*fn)(const struct pci_function *f, void *arg),
		      void *arg)
{
	unsigned int i;

	if (!enumerated)
		enumerate();
	for (i = 0; i < nfound; i++)
		fn(&found[i], arg);
	return nfound;
}

/* What pci_find_class looks for, and how many it has passed.  */
struct class_search {
	uint8_t class_code, subclass;
	int prog_if;
	unsigned int skip;
	bool found;
	struct pci_function *out;
};

static void match_class(const struct pci_function *f, void *arg)
{
	struct class_search *s = arg;

	if (s->found || f->class_code != s->class_code ||
	    f->subclass != s->subclass ||
	    (s->prog_if != PCI_ANY_PROG_IF && f->prog_if != s->prog_if))
		return;
	if (s->skip) {
		s->skip--;
		return;
	}
	*s->out = *f;
	s->found = true;
}

bool pci_find_class(uint8_t class_code, uint8_t subclass, int prog_if,
		    unsigned int index, struct pci_function *f)
{
	struct class_search s = { class_code, subclass, prog_if, index,
				  false, f };

	(void)pci_scan(match_class, &s);
	return s.found;
}

bool pci_bar(const struct pci_function *f, int n, struct pci_bar *bar)
{
	uint32_t lo, hi = 0;
	uint8_t off = (uint8_t)(PCI_BAR0 + 4 * n);

	if (n < 0 || n >= PCI_BAR_COUNT || f->header_type != 0)
		return false;
	lo = pci_config_read32(f->bus, f->dev, f->fn, off);
	bar->io = (lo & BAR_IO) != 0;
	bar->is64 = !bar->io && (lo & BAR_TYPE_MASK) == BAR_TYPE_64;
	if (bar->io) {
		bar->addr = lo & ~0x3U;
		return true;
	}
	if (bar->is64) {
		if (n + 1 >= PCI_BAR_COUNT)
			return false;
		hi = pci_config_read32(f->bus, f->dev, f->fn, off + 4);
	}
	bar->addr = (uint64_t)hi << 32 | (lo & ~0xFU);
	return true;
}

void pci_enable(const struct pci_function *f, uint16_t bits)
{
	uint32_t cmd = pci_config_read32(f->bus, f->dev, f->fn, PCI_COMMAND);

	KASSERT(!(bits & ~(PCI_CMD_IO | PCI_CMD_MEMORY | PCI_CMD_BUS_MASTER)));
	/* Only the low half: writing back the status half would clear
	   its write-one-to-clear bits.  */
	if ((cmd & bits) != bits)
		pci_config_write32(f->bus, f->dev, f->fn, PCI_COMMAND,
				   (cmd & 0xFFFF) | bits);
}

struct class_name {
	uint8_t class_code, subclass;	/* subclass 0xFF: any */
	const char *name;
};

/* PCI Code and ID Assignment specification, the common ones.  */
static const struct class_name class_names[] = {
	{ 0x01, 0x00, "SCSI storage controller" },
	{ 0x01, 0x01, "IDE controller" },
	{ 0x01, 0x05, "ATA controller" },
	{ 0x01, 0x06, "SATA controller" },
	{ 0x01, 0x07, "SAS controller" },
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

/* Functions whose class says less than their IDs: virtio devices
   (vendor 1AF4; 10xx transitional, 1040 + type modern).  */
static const struct {
	uint16_t vendor, device;
	const char *name;
} device_names[] = {
	{ 0x1AF4, 0x1000, "virtio network device" },
	{ 0x1AF4, 0x1041, "virtio network device" },
	{ 0x1AF4, 0x1001, "virtio block device" },
	{ 0x1AF4, 0x1042, "virtio block device" },
	{ 0x1AF4, 0x1004, "virtio SCSI controller" },
	{ 0x1AF4, 0x1048, "virtio SCSI controller" },
};

/* Names that depend on the programming interface too.  */
static const struct {
	uint8_t class_code, subclass, prog_if;
	const char *name;
} interface_names[] = {
	{ 0x01, 0x06, 0x01, "SATA controller (AHCI)" },
	{ 0x01, 0x08, 0x02, "NVMe controller" },
	{ 0x0C, 0x03, 0x00, "USB controller (UHCI)" },
	{ 0x0C, 0x03, 0x10, "USB controller (OHCI)" },
	{ 0x0C, 0x03, 0x20, "USB controller (EHCI)" },
	{ 0x0C, 0x03, 0x30, "USB controller (xHCI)" },
};

const char *pci_function_name(const struct pci_function *f)
{
	size_t i;

	for (i = 0; i < sizeof(device_names) / sizeof(device_names[0]); i++)
		if (device_names[i].vendor == f->vendor &&
		    device_names[i].device == f->device)
			return device_names[i].name;
	for (i = 0; i < sizeof(interface_names) / sizeof(interface_names[0]);
	     i++)
		if (interface_names[i].class_code == f->class_code &&
		    interface_names[i].subclass == f->subclass &&
		    interface_names[i].prog_if == f->prog_if)
			return interface_names[i].name;
	return pci_class_name(f->class_code, f->subclass);
}
