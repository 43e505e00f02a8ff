/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fbcon.h - a text console drawn on a linear framebuffer.

   The counterpart of vga.h for firmware that leaves a framebuffer and
   no VGA text mode (UEFI's GOP): the same calls, the same control
   characters (textcursor.h), light grey on black in the 8x16 font of
   fbcon-font.h, scrolling by one line at the bottom.  The cursor, an
   underline, is drawn at fbcon_sync_cursor() (the console calls it
   before waiting for input).  Pixels of 16, 24 or 32 bits, laid out as
   the boot info's masks say.
   Not reentrant; called like vga.h's functions.  */

#ifndef DRIVERS_FBCON_H
#define DRIVERS_FBCON_H

#include <stdbool.h>

#include <portix/boot.h>

/* The most text cells kept (larger screens use part of their width
   and height).  */
#define FBCON_MAX_COLS	160
#define FBCON_MAX_ROWS	64

/* Map FB and take it over, cleared.  False (and nothing drawn) when
   its pixel size is unsupported, it is too small for one line, or it
   cannot be mapped (before paging_init(): above 4 GiB).  */
bool fbcon_init(const struct portix_framebuffer *fb);
void fbcon_putc(char c);
void fbcon_sync_cursor(void);
void fbcon_clear(void);

#endif /* DRIVERS_FBCON_H */
