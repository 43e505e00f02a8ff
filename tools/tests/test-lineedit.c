/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-lineedit.c - the shell's line editor (kernel/shell/lineedit.c)
   on the host, fed from scripted input.

   The editor is compiled unchanged; this file stands in for the
   console: console_getc() returns the bytes of the current script,
   console_putc() and console_write() collect the echo.  Each case
   types a script ending in a newline and compares the line the editor
   returns.  Escape sequences with absurd parameters (ten and more
   digits) must be harmless keys: no signed overflow (a sanitizer
   build reports it), and no wrapping into the code of a real key.
   Where the console reports lost input, the line is dropped whole.
   Prints "PASS: name" or "FAIL: name: detail" per case; exits 1 if
   one failed.  */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"
#include "shell/lineedit.h"
#include "shell/shell.h"

static const char *script;
static size_t script_pos, script_len;
static size_t lost_at = SIZE_MAX;	/* CONSOLE_INPUT_LOST before this */
static int failures;

int console_getc(void)
{
	if (script_pos >= script_len) {
		printf("FAIL: script ran out: the editor wants more input\n");
		exit(1);
	}
	if (script_pos == lost_at) {
		lost_at = SIZE_MAX;
		return CONSOLE_INPUT_LOST;
	}
	return (unsigned char)script[script_pos++];
}

/* The script is all the input there is: at its end, silence.  */
int console_getc_within(uint64_t ms)
{
	(void)ms;
	return script_pos < script_len || script_pos == lost_at ?
	       console_getc() : CONSOLE_INPUT_NONE;
}

void console_putc(char c)
{
	(void)c;
}

void console_write(const char *s, size_t len)
{
	(void)s;
	(void)len;
}

/* The kernel's lib/string.c provides it; the host C library may not.  */
size_t strlcpy(char *restrict dst, const char *restrict src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

static void typed(const char *name, const char *keys, size_t len,
		  const char *want)
{
	char line[SHELL_LINE_MAX + 1];

	script = keys;
	script_len = len;
	script_pos = 0;
	lineedit_read(line, sizeof(line));
	if (strcmp(line, want) == 0 && script_pos == script_len) {
		printf("PASS: %s\n", name);
	} else {
		printf("FAIL: %s: got \"%s\" after %zu of %zu bytes, want "
		       "\"%s\"\n", name, line, script_pos, script_len, want);
		failures++;
	}
}

#define TYPED(name, keys, want) typed(name, keys, sizeof(keys) - 1, want)

/* Input lost after "echo ab": that line is dropped through its end,
   and the next one comes whole.  */
static void lost_input(void)
{
	static const char keys[] = "echo abcd\r\nnext\r";
	char line[SHELL_LINE_MAX + 1], next[SHELL_LINE_MAX + 1];

	script = keys;
	script_len = sizeof(keys) - 1;
	script_pos = 0;
	lost_at = 7;
	lineedit_read(line, sizeof(line));
	lineedit_read(next, sizeof(next));
	if (line[0] == '\0' && strcmp(next, "next") == 0 &&
	    script_pos == script_len) {
		printf("PASS: lost input drops its line, not the next\n");
	} else {
		printf("FAIL: lost input drops its line, not the next: got "
		       "\"%s\" then \"%s\"\n", line, next);
		failures++;
	}
	/* The line's end was lost too: the pause ends the dropping.  */
	script = "echo abcd";
	script_len = strlen(script);
	script_pos = 0;
	lost_at = 7;
	lineedit_read(line, sizeof(line));
	TYPED("line typed after a lost line end is read whole", "next\r",
	      "next");
}

int main(void)
{
	TYPED("plain line", "hello\n", "hello");
	TYPED("delete key erases under the cursor", "abc\033[D\033[3~\n",
	      "ab");
	TYPED("home then delete", "abc\033[1~\033[3~\n", "bc");
	/* 4294967299 is 3 modulo 2^32: the Delete key if it wrapped.  */
	TYPED("ten-digit parameter is no key", "abc\033[D\033[4294967299~\n",
	      "abc");
	TYPED("twenty-digit parameter is no key",
	      "ab\033[D\033[99999999999999999999~c\n", "acb");
	TYPED("long parameter then a normal key",
	      "xy\033[123456789012345678901234567890Dz\n", "xzy");
	lost_input();
	return failures ? 1 : 0;
}
