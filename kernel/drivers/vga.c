/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* vga.c - text output on the VGA screen (see vga.h).

   Receives: text mode 3 as the BIOS set it up, the BIOS data area's
   cursor position for page 0.
   State:    the cursor (row, col), whether the hardware cursor lags
             it; the screen memory and a copy of it in RAM.

   Every access to the text buffer or the CRTC is a device access,
   costly on real buses and one by one under an emulator: the hardware
   cursor moves only when someone may look at it (vga_sync_cursor), and
   scrolling reads the RAM copy, never the screen.  */

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86_64/io.h"
#include "drivers/vga.h"
#include "mm/paging.h"

#define CRTC_INDEX	0x3D4
#define CRTC_DATA	0x3D5
#define CRTC_CURSOR_HI	0x0E
#define CRTC_CURSOR_LO	0x0F
/* BIOS data area: cursor column and row of page 0.  */
#define BDA_CURSOR	0x450
/* Light grey on black.  */
#define ATTR		0x07
#define BLANK		((uint16_t)(ATTR << 8 | ' '))

static volatile uint16_t *const screen =
	(volatile uint16_t *)(uintptr_t)VGA_TEXT_ADDR;
static uint16_t shadow[VGA_COLS * VGA_ROWS];
static unsigned int row, col;
static bool cursor_moved;

/* Put CELL at I on the screen and in the copy.  */
static void put_cell(unsigned int i, uint16_t cell)
{
	shadow[i] = cell;
	screen[i] = cell;
}

static void move_cursor(void)
{
	unsigned int pos = row * VGA_COLS + col;

	outb(CRTC_INDEX, CRTC_CURSOR_HI);
	outb(CRTC_DATA, pos >> 8);
	outb(CRTC_INDEX, CRTC_CURSOR_LO);
	outb(CRTC_DATA, pos & 0xFF);
	cursor_moved = false;
}

void vga_sync_cursor(void)
{
	if (cursor_moved)
		move_cursor();
}

void vga_init(void)
{
	const volatile uint8_t *bda = phys_ptr(BDA_CURSOR);
	unsigned int i;

	col = bda[0];
	row = bda[1];
	if (col >= VGA_COLS || row >= VGA_ROWS) {
		vga_clear();
		return;
	}
	/* What the BIOS left above the cursor scrolls up with the rest;
	   below it the screen is taken to be blank, as the BIOS left it.  */
	for (i = 0; i < (row + 1) * VGA_COLS; i++)
		shadow[i] = screen[i];
	for (; i < VGA_COLS * VGA_ROWS; i++)
		shadow[i] = BLANK;
	if (col) {		/* start on a fresh line */
		col = 0;
		row++;
	}
	if (row >= VGA_ROWS)
		vga_putc('\n');
	move_cursor();
}

void vga_clear(void)
{
	unsigned int i;

	for (i = 0; i < VGA_COLS * VGA_ROWS; i++)
		put_cell(i, BLANK);
	row = col = 0;
	move_cursor();
}

static void scroll(void)
{
	unsigned int i;

	for (i = 0; i < VGA_COLS * (VGA_ROWS - 1); i++)
		put_cell(i, shadow[i + VGA_COLS]);
	for (; i < VGA_COLS * VGA_ROWS; i++)
		put_cell(i, BLANK);
	row = VGA_ROWS - 1;
}

void vga_putc(char c)
{
	switch (c) {
	case '\n':
		col = 0;
		row++;
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col)
			col--;
		break;
	case '\t':
		col = (col + 8) & ~7U;
		break;
	default:
		if ((unsigned char)c < 0x20)
			return;
		put_cell(row * VGA_COLS + col,
			 (uint16_t)(ATTR << 8 | (unsigned char)c));
		col++;
	}
	if (col >= VGA_COLS) {
		col = 0;
		row++;
	}
	if (row >= VGA_ROWS)
		scroll();
	cursor_moved = true;
}
