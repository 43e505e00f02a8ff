/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* console.h - where kernel text goes, and where shell input comes from.

   Output fans out to the VGA text screen (or, without one, the
   framebuffer the boot info describes) and to COM1 (unless the image
   or the command line turns it off, see bootinfo_wants_serial()).  Input
   comes from COM1 and the PS/2 keyboard, both interrupt-driven, into
   one queue that console_getc() reads, halting the CPU while it is
   empty.  Call order: console_init() early (output only, polled);
   console_start_input() after irq_init().  Layers: kprintf, klog and
   the shell above; drivers/vga.c, fbcon.c, serial.c, keyboard.c below.  */

#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bring up the output devices.  USE_SERIAL false keeps COM1 silent
   (bootinfo_wants_serial() decides).  */
/* USE_VGA_TEXT: the VGA text buffer is there (a BIOS boot); UEFI
   firmware leaves a framebuffer instead, and 0xB8000 may be RAM.  */
void console_init(bool use_serial, bool use_vga_text);

/* Hook the input devices to the queue (needs irq_init()).  */
void console_start_input(void);

/* Write one character / LEN characters; '\n' becomes "\r\n" on serial.  */
void console_putc(char c);
void console_write(const char *s, size_t len);

/* Clear the screen, and a serial terminal (ANSI "ESC [ 2 J ESC [ H").  */
void console_clear(void);

/* Wait until everything written so far has left the devices.  */
void console_flush(void);

/* True when some device can deliver input (else console_getc() would
   wait forever).  */
bool console_has_input(void);

/* What console_getc() returns where input was dropped because it came
   faster than it was read (the queue holds 256 bytes).  */
#define CONSOLE_INPUT_LOST	(-1)

/* Next input byte (0..255), waiting for it with the CPU halted; or
   CONSOLE_INPUT_LOST in the place of bytes that were dropped.  */
int console_getc(void);

/* What console_getc_within() returns when nothing came in time.  */
#define CONSOLE_INPUT_NONE	(-2)

/* Like console_getc(), waiting at most MS milliseconds (needs the
   timer): CONSOLE_INPUT_NONE when nothing came.  */
int console_getc_within(uint64_t ms);

/* Which devices are in use, for messages.  */
bool console_serial_enabled(void);

#endif /* KERNEL_CONSOLE_H */
