/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cmdline.c - split the kernel command line into words and look them
   up (see cmdline.h).  State: the kernel's copy of the line.  */

#include <stdbool.h>
#include <stddef.h>

#include <portix/layout.h>

#include "boot/cmdline.h"
#include "lib/string.h"

static char line[PORTIX_CMDLINE_MAX];

void cmdline_init(const char *s)
{
	strlcpy(line, s, sizeof(line));
}

const char *cmdline(void)
{
	return line;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Find the next word at or after *POS; return its start and length,
   and move *POS past it.  Returns NULL at the end of the line.  */
static const char *next_word(const char **pos, size_t *len)
{
	const char *p = *pos, *start;

	while (is_space(*p))
		p++;
	if (!*p)
		return NULL;
	start = p;
	while (*p && !is_space(*p))
		p++;
	*len = p - start;
	*pos = p;
	return start;
}

bool cmdline_has_flag(const char *word)
{
	return cmdline_line_has_flag(line, word);
}

bool cmdline_line_has_flag(const char *s, const char *word)
{
	const char *pos = s, *w;
	size_t len, wlen = strlen(word);

	while ((w = next_word(&pos, &len)))
		if (len == wlen && !memcmp(w, word, len))
			return true;
	return false;
}

bool cmdline_get_value(const char *key, char *buf, size_t size)
{
	const char *pos = line, *w;
	size_t len, klen = strlen(key), vlen;

	while ((w = next_word(&pos, &len))) {
		if (len <= klen || memcmp(w, key, klen) || w[klen] != '=')
			continue;
		if (size) {
			vlen = len - klen - 1;
			if (vlen > size - 1)
				vlen = size - 1;
			memcpy(buf, w + klen + 1, vlen);
			buf[vlen] = '\0';
		}
		return true;
	}
	return false;
}
