/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* keyboard.h - PS/2 keyboard on the 8042 controller, IRQ 1.

   keyboard_init(sink) checks for the controller, turns on its keyboard
   interrupt and scan-code translation (so the keyboard speaks scan code
   set 1) and, from then on, decodes every key press in the IRQ handler
   with a US layout: Shift, Ctrl (Ctrl+letter gives the control code),
   Caps Lock; arrows, Home, End and Delete become the ANSI sequences a
   serial terminal sends (ESC [ A/B/C/D, ESC [ H/F, ESC [ 3 ~), so the
   shell reads both alike.  SINK gets each resulting byte, in IRQ
   context.  Call after irq_init().  Returns false if no controller
   answers.  Also keyboard_reset_cpu() for reboot.  */

#ifndef DRIVERS_KEYBOARD_H
#define DRIVERS_KEYBOARD_H

#include <stdbool.h>

bool keyboard_init(void (*sink)(char c));

/* Pulse the CPU reset line through the 8042 (command 0xFE).  Returns
   only if the machine did not reset.  */
void keyboard_reset_cpu(void);

#endif /* DRIVERS_KEYBOARD_H */
