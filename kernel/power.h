/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* power.h - restart or switch off the machine.

   system_reboot(): the 8042 reset line, then the ACPI reset register,
   then a triple fault; never returns.
   system_poweroff(): ACPI S5 (acpi.c); returns -1 after printing
   "poweroff: failed: WHY" if the machine is still on.
   Both print what they do and drain the console first.  */

#ifndef KERNEL_POWER_H
#define KERNEL_POWER_H

__attribute__((noreturn)) void system_reboot(void);
int system_poweroff(void);

#endif /* KERNEL_POWER_H */
