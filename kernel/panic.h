/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* panic.h - stopping the system.

   system_halt() is the one way the kernel stops: it prints "System
   halted.", drains the console, and then either halts the CPU for good
   or, when debug-exit is set (kernel command line word "debug-exit"),
   writes PANIC_DEBUG_EXIT_CODE to QEMU's isa-debug-exit port(s) so
   tests end at once.  QEMU then exits with status (code << 1) | 1 = 99.  If
   no such device is present the write does nothing and the CPU halts.  */

#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include <stdbool.h>

/* QEMU's isa-debug-exit device: the port our QEMU command lines give it
   (iobase=0xf4), then the device's own default (0x501) for a plain
   "-device isa-debug-exit".  Both are written, in this order; nothing
   else is ever written there.  */
#define PANIC_DEBUG_EXIT_PORT 0xF4
#define PANIC_DEBUG_EXIT_PORT_DEFAULT 0x501
#define PANIC_DEBUG_EXIT_CODE 0x31

/* Arm or disarm debug-exit (off at boot).  */
void panic_set_debug_exit(bool on);

/* Print "System halted." and stop; see above.  */
__attribute__((noreturn)) void system_halt(void);

/* Print "panic: " and the message on its own line, then system_halt().  */
__attribute__((noreturn, format(printf, 1, 2)))
void panic(const char *fmt, ...);

#endif /* KERNEL_PANIC_H */
