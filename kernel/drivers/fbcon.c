/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fbcon.c - text output on a linear framebuffer (see fbcon.h).

   Receives: the boot info's framebuffer (address, geometry, masks).
   State:    the text grid wanted (text[]) and the one on the screen
             (shown[]), the cursor (row, col) and the cell where the
             underline is drawn.

   Pixels cost: a cell is 128 of them, a screen hundreds of thousands,
   each a store to device memory (one by one under an emulator).  So
   the framebuffer is never read, and scrolling moves the text grid and
   redraws only the cells whose character changed: on a console that
   is mostly blank, a fraction of the screen.  */

#include <stddef.h>
#include <stdint.h>

#include "drivers/fbcon.h"
#include "drivers/fbcon-font.h"
#include "drivers/textcursor.h"
#include "kassert.h"
#include "lib/string.h"
#include "mm/paging.h"

/* Light grey on black, as the VGA text console's attribute 0x07.  */
#define FG_LEVEL	0xAA
#define BG_LEVEL	0x00
/* The cursor underlines the cell's last rows.  */
#define CURSOR_ROWS	2
#define NO_CELL		((unsigned int)-1)

static volatile uint8_t *base;
static unsigned int pitch, bytes_per_pixel;
static unsigned int cols, rows;
static uint32_t fg_pixel, bg_pixel;

static char text[FBCON_MAX_COLS * FBCON_MAX_ROWS];
static char shown[FBCON_MAX_COLS * FBCON_MAX_ROWS];
static struct text_cursor cur;
static unsigned int cursor_cell = NO_CELL;	/* where the underline is */

/* LEVEL (0..255) scaled into the bits of MASK.  */
static uint32_t channel(uint32_t mask, unsigned int level)
{
	unsigned int shift = 0;
	uint32_t max;

	if (!mask)
		return 0;
	while (!(mask >> shift & 1))
		shift++;
	max = mask >> shift;
	return (uint32_t)((uint64_t)level * max / 255) << shift;
}

static uint32_t grey(const struct portix_framebuffer *fb, unsigned int level)
{
	return channel(fb->red_mask, level) | channel(fb->green_mask, level) |
		channel(fb->blue_mask, level);
}

static void put_pixel(volatile uint8_t *p, uint32_t pixel)
{
	switch (bytes_per_pixel) {
	case 4:
		*(volatile uint32_t *)p = pixel;
		break;
	case 3:
		p[2] = (uint8_t)(pixel >> 16);
		/* fall through */
	case 2:
		*(volatile uint16_t *)p = (uint16_t)pixel;
		break;
	}
}

/* Draw cell I from text[] (and the underline if the cursor is there).  */
static void draw_cell(unsigned int i)
{
	unsigned char c = (unsigned char)text[i];
	unsigned int g = c >= FBCON_FONT_FIRST && c <= FBCON_FONT_LAST ?
		c - FBCON_FONT_FIRST : FBCON_FONT_GLYPHS - 1;
	volatile uint8_t *line = base +
		(size_t)(i / cols) * FBCON_FONT_HEIGHT * pitch +
		(size_t)(i % cols) * FBCON_FONT_WIDTH * bytes_per_pixel;
	unsigned int y, x;

	KASSERT(i < cols * rows);
	for (y = 0; y < FBCON_FONT_HEIGHT; y++, line += pitch) {
		unsigned int bits = fbcon_font[g][y];

		if (i == cursor_cell && y >= FBCON_FONT_HEIGHT - CURSOR_ROWS)
			bits = 0xFF;
		for (x = 0; x < FBCON_FONT_WIDTH; x++)
			put_pixel(line + x * bytes_per_pixel,
				  bits & (0x80 >> x) ? fg_pixel : bg_pixel);
	}
	shown[i] = text[i];
}

bool fbcon_init(const struct portix_framebuffer *fb)
{
	KASSERT(fb);
	if (fb->bpp != 16 && fb->bpp != 24 && fb->bpp != 32)
		return false;
	if (fb->width < FBCON_FONT_WIDTH || fb->height < FBCON_FONT_HEIGHT ||
	    fb->pitch < (uint64_t)fb->width * fb->bpp / 8 ||
	    fb->size < (uint64_t)fb->pitch * fb->height)
		return false;
	if (paging_map_mmio(fb->addr, fb->size) != 0)
		return false;
	base = phys_ptr(fb->addr);
	pitch = fb->pitch;
	bytes_per_pixel = fb->bpp / 8;
	cols = fb->width / FBCON_FONT_WIDTH;
	rows = fb->height / FBCON_FONT_HEIGHT;
	if (cols > FBCON_MAX_COLS)
		cols = FBCON_MAX_COLS;
	if (rows > FBCON_MAX_ROWS)
		rows = FBCON_MAX_ROWS;
	cur.cols = cols;
	fg_pixel = grey(fb, FG_LEVEL);
	bg_pixel = grey(fb, BG_LEVEL);
	fbcon_clear();
	return true;
}

/* Move the underline to the cursor's cell.  */
void fbcon_sync_cursor(void)
{
	unsigned int old = cursor_cell, now = cur.row * cols + cur.col;

	if (!base || old == now)
		return;
	cursor_cell = now;
	if (old != NO_CELL)
		draw_cell(old);
	draw_cell(now);
}

void fbcon_clear(void)
{
	unsigned int i;

	if (!base)
		return;
	cursor_cell = NO_CELL;
	for (i = 0; i < cols * rows; i++) {
		text[i] = ' ';
		draw_cell(i);
	}
	cur.row = cur.col = 0;
	fbcon_sync_cursor();
}

static void scroll(void)
{
	unsigned int i, n = cols * rows;

	memmove(text, text + cols, n - cols);
	memset(text + n - cols, ' ', cols);
	for (i = 0; i < n; i++)
		if (text[i] != shown[i] || i == cursor_cell)
			draw_cell(i);
	cur.row = rows - 1;
}

void fbcon_putc(char c)
{
	unsigned int cell;

	if (!base)
		return;
	if (text_cursor_step(&cur, c, &cell)) {
		text[cell] = c;
		draw_cell(cell);
	}
	if (cur.row >= rows)
		scroll();
}
