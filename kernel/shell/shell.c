/* shell.c - read a line, split it into words, run the command.

   Input is polled from the console.  Line editing: printable ASCII is
   echoed and stored, backspace (0x08 or 0x7F) erases, CR or LF ends the
   line (CR LF counts as one end), other bytes are ignored.
   State: whether the last line ended in CR (to swallow its LF).  */

#include <stdbool.h>
#include <stddef.h>

#include "arch/x86_64/cpu.h"
#include "console.h"
#include "lib/printf.h"
#include "lib/string.h"
#include "shell/shell.h"

#define PROMPT "portix> "

static bool last_was_cr;

/* Read one line into BUF (SHELL_LINE_MAX + 1 bytes), NUL-terminated.  */
static void read_line(char *buf)
{
	size_t len = 0;
	int c;

	for (;;) {
		c = console_getc();
		if (c == '\n' && last_was_cr) {
			last_was_cr = false;
			continue;
		}
		last_was_cr = c == '\r';
		if (c == '\r' || c == '\n') {
			console_putc('\n');
			buf[len] = '\0';
			return;
		}
		if (c == 0x08 || c == 0x7F) {
			if (len) {
				len--;
				console_write("\b \b", 3);
			}
			continue;
		}
		if (c == '\t')
			c = ' ';
		if (c < 0x20 || c > 0x7E || len == SHELL_LINE_MAX)
			continue;
		buf[len++] = (char)c;
		console_putc((char)c);
	}
}

/* Split LINE in place at spaces.  Returns the word count, or -1 if
   there are more than SHELL_ARGS_MAX words.  */
static int split_words(char *line, char **argv)
{
	int argc = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ')
			p++;
		if (!*p)
			return argc;
		if (argc == SHELL_ARGS_MAX)
			return -1;
		argv[argc++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
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
	int argc;

	/* Nothing to read from (serial off, no keyboard driver yet): the
	   kernel has nothing left to do.  */
	if (!console_has_input())
		cpu_halt_forever();

	for (;;) {
		kprintf(PROMPT);
		read_line(line);
		argc = split_words(line, argv);
		if (argc < 0)
			kprintf("too many words (at most %d)\n",
				SHELL_ARGS_MAX);
		else if (argc > 0)
			run_command(argc, argv);
	}
}
