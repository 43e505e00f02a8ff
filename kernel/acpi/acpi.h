/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* acpi.h - the ACPI tables the kernel needs: FADT and the DSDT's \_S5.

   acpi_init() finds the RSDP (EBDA, then 0xE0000-0xFFFFF), follows the
   XSDT (ACPI 2+) or RSDT to the FADT, and scans the DSDT's AML for the
   \_S5 package (sleep type values for soft-off).  Checksums are
   verified; a table that fails is ignored.  Afterwards:
     acpi_poweroff()  enters S5; returns only if that failed, with the
                      reason in *WHY
     acpi_reset()     writes the FADT reset register if the FADT has
                      one; returns if the machine did not reset
   Call acpi_init() before paging_init(): the EBDA pointer sits in the
   BIOS data area, in page 0, which the kernel's tables leave unmapped
   (tables are read through stage 2's map of the first 4 GiB; those
   above it are skipped).  acpi_poweroff() and acpi_reset() work at any
   time after.  Layers: power.c above.  */

#ifndef ACPI_ACPI_H
#define ACPI_ACPI_H

#include <stdbool.h>

/* Returns true if a FADT was found.  */
bool acpi_init(void);

void acpi_poweroff(const char **why);
void acpi_reset(void);

#endif /* ACPI_ACPI_H */
