/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-lineedit.c - the shell's line editor (kernel/shell/lineedit.c)
   on the host, fed from scripted input.

   The editor is compiled unchanged; kernel-shim.c stands in for the
   console: console_getc() returns the bytes of the current script and
   counts what the editor reads, the echo is dropped.  Each case types
   a script ending in a newline and compares the line the editor
   returns; reading less or more than the script fails it too.  Escape sequences with absurd parameters (ten and more
   digits) must be harmless keys: no signed overflow (a sanitizer
   build reports it), and no wrapping into the code of a real key.
   Where the console reports lost input, the line is dropped whole.
   Prints "PASS: name" or "FAIL: name: detail" per case; exits 1 if
   one failed.  */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "shell/lineedit.h"
#include "shell/shell.h"
#include "kernel-shim.h"

static int failures;

/* Type the LEN bytes at KEYS (0xFF: input the console lost); read one
   line into LINE.  */
static void type_line(const char *keys, size_t len, char *line, size_t size)
{
	shim_set_input((const uint8_t *)keys, len);
	lineedit_read(line, size);
}

static void typed(const char *name, const char *keys, size_t len,
		  const char *want)
{
	char line[SHELL_LINE_MAX + 1];

	type_line(keys, len, line, sizeof(line));
	if (strcmp(line, want) == 0 && shim_input_read() == len) {
		printf("PASS: %s\n", name);
	} else {
		printf("FAIL: %s: got \"%s\" after %zu of %zu bytes, want "
		       "\"%s\"\n", name, line, shim_input_read(), len, want);
		failures++;
	}
}

#define TYPED(name, keys, want) typed(name, keys, sizeof(keys) - 1, want)

/* Input lost after "echo ab": that line is dropped through its end,
   and the next one comes whole.  */
static void lost_input(void)
{
	static const char keys[] = "echo ab\xff" "cd\r\nnext\r";
	static const char unended[] = "echo ab\xff" "cd";
	char line[SHELL_LINE_MAX + 1], next[SHELL_LINE_MAX + 1];

	type_line(keys, sizeof(keys) - 1, line, sizeof(line));
	lineedit_read(next, sizeof(next));
	if (line[0] == '\0' && strcmp(next, "next") == 0 &&
	    shim_input_read() == sizeof(keys) - 1) {
		printf("PASS: lost input drops its line, not the next\n");
	} else {
		printf("FAIL: lost input drops its line, not the next: got "
		       "\"%s\" then \"%s\"\n", line, next);
		failures++;
	}
	/* The line's end was lost too: the pause ends the dropping.  */
	type_line(unended, sizeof(unended) - 1, line, sizeof(line));
	if (shim_input_read() != sizeof(unended) - 1) {
		printf("FAIL: lost line end: the editor read %zu of %zu "
		       "bytes\n", shim_input_read(), sizeof(unended) - 1);
		failures++;
	}
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
