/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cmd-pci.c - lspci: one line per PCI function.  */

#include "drivers/pci.h"
#include "lib/printf.h"
#include "shell/shell.h"

static void print_function(const struct pci_function *f, void *arg)
{
	(void)arg;
	kprintf("%02x:%02x.%x %04x:%04x class %02x%02x%02x %s\n", f->bus,
		f->dev, f->fn, f->vendor, f->device, f->class_code,
		f->subclass, f->prog_if,
		pci_function_name(f));
}

int cmd_lspci(int argc, char **argv)
{
	unsigned int n;

	(void)argc;
	(void)argv;
	n = pci_scan(print_function, NULL);
	kprintf("%u PCI function%s\n", n, n == 1 ? "" : "s");
	return 0;
}
