/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* vga.h - the VGA text screen (80x25, colour text mode 3).

   vga_init() takes over the screen where the BIOS and stage 2 left the
   cursor (BIOS data area); output then scrolls by one line at the
   bottom.  vga_putc() understands '\n' (new line), '\r', '\b' (cursor
   left, non-destructive, as on a terminal) and '\t' (next multiple of
   8); other bytes below 0x20 are ignored.  The hardware cursor follows
   at vga_sync_cursor() (the console calls it before waiting for input):
   moving it costs four port writes.
   Not reentrant; the console calls it with the caller's interrupt
   state (IRQ handlers do not print).  Without a VGA adapter the writes
   go nowhere, harmlessly.  */

#ifndef DRIVERS_VGA_H
#define DRIVERS_VGA_H

#define VGA_COLS	80
#define VGA_ROWS	25
/* Physical address of the text buffer (identity-mapped).  */
#define VGA_TEXT_ADDR	0xB8000

void vga_init(void);
void vga_putc(char c);
void vga_sync_cursor(void);
void vga_clear(void);

#endif /* DRIVERS_VGA_H */
