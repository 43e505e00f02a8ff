/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* textcursor.h - where each character leaves the cursor on a text
   screen, shared by the VGA text and framebuffer consoles.

   '\n' starts the next line, '\r' goes to column 0, '\b' one column
   left (non-destructive, as on a terminal), '\t' to the next multiple
   of 8; other bytes below 0x20 are ignored; the rest are drawn at the
   cursor, which then moves right.  Past the last column the cursor
   wraps to the next line; the caller scrolls when the row reaches the
   screen's height.  */

#ifndef DRIVERS_TEXTCURSOR_H
#define DRIVERS_TEXTCURSOR_H

#include <stdbool.h>

struct text_cursor {
	unsigned int row, col;
	unsigned int cols;		/* the screen's width in cells */
};

/* Move CUR past C.  True when C is to be drawn, at cell *CELL
   (row * cols + col, from where the cursor was).  */
static inline bool text_cursor_step(struct text_cursor *cur, char c,
				    unsigned int *cell)
{
	bool draw = false;

	switch (c) {
	case '\n':
		cur->col = 0;
		cur->row++;
		break;
	case '\r':
		cur->col = 0;
		break;
	case '\b':
		if (cur->col)
			cur->col--;
		break;
	case '\t':
		cur->col = (cur->col + 8) & ~7U;
		break;
	default:
		if ((unsigned char)c < 0x20)
			return false;
		*cell = cur->row * cur->cols + cur->col;
		cur->col++;
		draw = true;
	}
	if (cur->col >= cur->cols) {
		cur->col = 0;
		cur->row++;
	}
	return draw;
}

#endif /* DRIVERS_TEXTCURSOR_H */
