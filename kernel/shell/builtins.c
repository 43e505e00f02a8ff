/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* builtins.c - shell commands that belong to no subsystem: help, echo,
   version, clear.  */

#include <stddef.h>

#include "config.h"
#include "console.h"
#include "lib/printf.h"
#include "shell/shell.h"

int cmd_help(int argc, char **argv)
{
	char synopsis[40];
	size_t i;

	(void)argc;
	(void)argv;
	kprintf("Commands:\n");
	for (i = 0; i < shell_num_commands; i++) {
		const struct shell_command *c = &shell_commands[i];

		ksnprintf(synopsis, sizeof(synopsis), "%s%s%s", c->name,
			  c->usage[0] ? " " : "", c->usage);
		kprintf("  %-20s %s\n", synopsis, c->help);
	}
	return 0;
}

int cmd_echo(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		kprintf(i > 1 ? " %s" : "%s", argv[i]);
	kprintf("\n");
	return 0;
}

int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	kprintf("%s\n", PORTIX_BANNER);
	return 0;
}

int cmd_clear(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	console_clear();
	return 0;
}
