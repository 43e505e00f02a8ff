/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-lineedit.c - libFuzzer target: the shell's line editor
   (kernel/shell/lineedit.c, compiled for the host).

   The first byte picks the line buffer's size (1 to 256 bytes); the
   rest is typed at it, escape sequences, control keys and history
   walks included, one line after another until the input is used up.
   Every line returned must be NUL-terminated inside its buffer.  */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kernel-shim.h"
#include "shell/lineedit.h"
#include "shell/shell.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf;
	size_t len;

	if (size < 1)
		return 0;
	len = (size_t)data[0] % (SHELL_LINE_MAX + 1) + 1;
	/* Exactly LEN bytes, so ASan sees any write past them.  */
	buf = malloc(len);
	if (!buf)
		abort();
	shim_set_input(data + 1, size - 1);
	do {
		lineedit_read(buf, len);
		if (strnlen(buf, len) >= len)
			abort();
	} while (!shim_input_done());
	free(buf);
	return 0;
}
