/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* lineedit.c - the shell's line editor and history (see lineedit.h).  */

#include <stdbool.h>
#include <stddef.h>

#include "console.h"
#include "lib/string.h"
#include "shell/lineedit.h"
#include "shell/shell.h"

#define CTRL(c)	((c) & 0x1F)
#define ESC	0x1B
#define DEL	0x7F

struct editor {
	char *buf;
	size_t len, cur, max;	/* max: longest line, without the NUL */
};

/* Keys, after escape sequences are decoded.  */
enum key {
	KEY_NONE = 0x100, KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT,
	KEY_HOME, KEY_END, KEY_DELETE,
	KEY_LOST,		/* input was dropped here */
};

static char history[LINEEDIT_HISTORY][SHELL_LINE_MAX + 1];
static unsigned int hist_count;		/* entries in use */
static unsigned int hist_newest;	/* index of the newest entry */
static bool last_was_cr;

/* Entry N back from the newest (0 = newest).  */
static const char *hist_entry(unsigned int n)
{
	return history[(hist_newest + LINEEDIT_HISTORY - n) % LINEEDIT_HISTORY];
}

static void hist_add(const char *line)
{
	if (!line[0] || (hist_count && !strcmp(hist_entry(0), line)))
		return;
	hist_newest = (hist_newest + 1) % LINEEDIT_HISTORY;
	strlcpy(history[hist_newest], line, sizeof(history[0]));
	if (hist_count < LINEEDIT_HISTORY)
		hist_count++;
}

/* Parameters above this mean no key we know; they stop growing here.  */
#define PARAM_MAX	1000

/* Read a byte and decode ESC [ x, ESC O x and ESC [ n ~ into keys.  */
static int read_key(void)
{
	int c = console_getc(), param = 0;

	if (c != ESC)
		return c == CONSOLE_INPUT_LOST ? KEY_LOST : c;
	c = console_getc();
	if (c == 'O') {
		c = console_getc();
		return c == 'H' ? KEY_HOME : c == 'F' ? KEY_END :
		       c == CONSOLE_INPUT_LOST ? KEY_LOST : KEY_NONE;
	}
	if (c != '[')
		return c == CONSOLE_INPUT_LOST ? KEY_LOST : KEY_NONE;
	while ((c = console_getc()) >= '0' && c <= '9')
		if (param < PARAM_MAX)
			param = param * 10 + (c - '0');
	switch (c) {
	case CONSOLE_INPUT_LOST: return KEY_LOST;
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case '~':
		if (param == 1 || param == 7)
			return KEY_HOME;
		if (param == 4 || param == 8)
			return KEY_END;
		if (param == 3)
			return KEY_DELETE;
		return KEY_NONE;
	default:
		return KEY_NONE;
	}
}

static void move_to(struct editor *e, size_t pos)
{
	while (e->cur > pos) {
		console_putc('\b');
		e->cur--;
	}
	while (e->cur < pos)
		console_putc(e->buf[e->cur++]);
}

/* The terminal's cursor is at FROM: show buf[FROM..len), blank ERASED
   cells after it, and step back to e->cur.  */
static void redraw_from(struct editor *e, size_t from, size_t erased)
{
	size_t i;

	for (i = from; i < e->len; i++)
		console_putc(e->buf[i]);
	for (i = 0; i < erased; i++)
		console_putc(' ');
	for (i = e->len + erased; i > e->cur; i--)
		console_putc('\b');
}

static void insert(struct editor *e, char c)
{
	size_t from = e->cur;

	if (e->len == e->max)
		return;
	memmove(e->buf + e->cur + 1, e->buf + e->cur, e->len - e->cur);
	e->buf[e->cur] = c;
	e->len++;
	e->cur++;
	redraw_from(e, from, 0);
}

static void erase_at_cursor(struct editor *e)
{
	if (e->cur == e->len)
		return;
	memmove(e->buf + e->cur, e->buf + e->cur + 1, e->len - e->cur - 1);
	e->len--;
	redraw_from(e, e->cur, 1);
}

static void replace(struct editor *e, const char *text)
{
	size_t old = e->len;

	move_to(e, 0);
	e->len = strlcpy(e->buf, text, e->max + 1);
	if (e->len > e->max)
		e->len = e->max;
	e->cur = e->len;
	redraw_from(e, 0, old > e->len ? old - e->len : 0);
}

/* A burst's bytes follow each other closely; a person types the next
   line only after seeing the mark, much later than this.  */
#define BURST_GAP_MS	250

/* Input was dropped inside the line being edited: the line is not what
   was sent, so ring the bell, say so, and drop the rest of it up to
   its end, or until input pauses (the rest may have been dropped too):
   a later line then starts clean, and one typed after the mark is
   never swallowed.  */
static void drop_line(void)
{
	static const char mark[] = "\a^ input lost, line dropped\n";
	int c;

	console_write(mark, sizeof(mark) - 1);
	do
		c = console_getc_within(BURST_GAP_MS);
	while (c != '\r' && c != '\n' && c != CONSOLE_INPUT_NONE);
	last_was_cr = c == '\r';
}

void lineedit_read(char *buf, size_t size)
{
	struct editor e = { buf, 0, 0, size - 1 };
	char saved[SHELL_LINE_MAX + 1];	/* the line before browsing */
	unsigned int browse = 0;	/* 0: editing; n: history entry n-1 */
	int c;

	buf[0] = '\0';
	for (;;) {
		c = read_key();
		if (c == '\n' && last_was_cr) {
			last_was_cr = false;
			continue;
		}
		last_was_cr = c == '\r';
		buf[e.len] = '\0';
		switch (c) {
		case '\r':
		case '\n':
			console_putc('\n');
			hist_add(buf);
			return;
		case CTRL('C'):
			console_write("^C\n", 3);
			buf[0] = '\0';
			return;
		case KEY_LOST:
			drop_line();
			buf[0] = '\0';
			return;
		case '\b':
		case DEL:
			if (e.cur) {
				move_to(&e, e.cur - 1);
				erase_at_cursor(&e);
			}
			break;
		case KEY_DELETE:
		case CTRL('D'):
			erase_at_cursor(&e);
			break;
		case KEY_LEFT:
		case CTRL('B'):
			if (e.cur)
				move_to(&e, e.cur - 1);
			break;
		case KEY_RIGHT:
		case CTRL('F'):
			if (e.cur < e.len)
				move_to(&e, e.cur + 1);
			break;
		case KEY_HOME:
		case CTRL('A'):
			move_to(&e, 0);
			break;
		case KEY_END:
		case CTRL('E'):
			move_to(&e, e.len);
			break;
		case CTRL('U'):
			replace(&e, "");
			break;
		case KEY_UP:
		case CTRL('P'):
			if (browse == hist_count)
				break;
			if (!browse)
				strlcpy(saved, buf, sizeof(saved));
			replace(&e, hist_entry(browse++));
			break;
		case KEY_DOWN:
		case CTRL('N'):
			if (!browse)
				break;
			browse--;
			replace(&e, browse ? hist_entry(browse - 1) : saved);
			break;
		default:
			if (c == '\t')
				c = ' ';
			if (c >= 0x20 && c < DEL)
				insert(&e, (char)c);
		}
	}
}
