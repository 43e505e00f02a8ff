/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* shell.c - read a line, split it into words, run the command.

   State: none of its own (the line editor keeps the history).  */

#include <stdbool.h>
#include <stddef.h>

#include "arch/x86_64/cpu.h"
#include "console.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "shell/lineedit.h"
#include "shell/shell.h"

#define PROMPT "portix> "

int shell_split(char *line, char **argv, const char **err)
{
	char *p = line, *w = line;	/* read and write positions */
	bool quoted;
	int argc = 0;

	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			return argc;
		if (argc == SHELL_ARGS_MAX) {
			*err = "too many words";
			return -1;
		}
		argv[argc++] = w;
		quoted = false;
		while (*p && (quoted || *p != ' ')) {
			if (*p == '"') {
				quoted = !quoted;
				p++;
				continue;
			}
			if (quoted && *p == '\\' && (p[1] == '"' || p[1] == '\\'))
				p++;
			*w++ = *p++;
		}
		if (quoted) {
			*err = "unterminated quote";
			return -1;
		}
		if (*p)
			p++;
		*w++ = '\0';
	}
}

static void run_command(int argc, char **argv)
{
	size_t i;

	for (i = 0; i < shell_num_commands; i++) {
		if (!strcmp(argv[0], shell_commands[i].name)) {
			shell_commands[i].run(argc, argv);
			return;
		}
	}
	kprintf("unknown command: %s\n", argv[0]);
}

void shell_run(void)
{
	char line[SHELL_LINE_MAX + 1];
	char *argv[SHELL_ARGS_MAX];
	const char *err;
	int argc;

	/* Nothing to read from (serial off and no keyboard): the kernel
	   has nothing left to do.  */
	if (!console_has_input()) {
		kprintf("shell: no input device; halting\n");
		cpu_halt_forever();
	}
	for (;;) {
		kprintf(PROMPT);
		lineedit_read(line, sizeof(line));
		argc = shell_split(line, argv, &err);
		if (argc < 0)
			kprintf("shell: %s\n", err);
		else if (argc > 0)
			run_command(argc, argv);
	}
}
