/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* shell.h - the kernel's command shell.

   shell_run() prints the prompt "portix> ", reads a line from the
   console with editing and history (lineedit.h), splits it into words
   and runs the command named by the first word.  It never returns.

   Words are separated by spaces.  Double quotes group: `echo "a  b" c'
   gives the words `a  b' and `c'; inside quotes, \" and \\ stand for
   " and \.  The shell removes the quotes before run() sees the words.
   A line with an unterminated quote or more than SHELL_ARGS_MAX words
   is refused with one line saying why; an unknown command gives
   "unknown command: NAME".

   Adding commands: write `int cmd_NAME(int argc, char **argv)' in a
   file of its own, shell/cmd-AREA.c (one per subsystem: cmd-system.c,
   cmd-memory.c, cmd-pci.c, ...), declare it below under that file's
   heading, and add ONE line to the table in shell/commands.c:
       { "name", "ARGS", "one-line help, no final period", cmd_name },
   The table's order is the order "help" lists.  The command prints its
   own output and errors (kprintf) and returns 0 on success.
   Layers: the shell sits on the console (console.h) and calls down
   into the subsystems.  */

#ifndef SHELL_SHELL_H
#define SHELL_SHELL_H

#include <stddef.h>

/* Longest input line, without the NUL.  */
#define SHELL_LINE_MAX 255
/* Most words per line, the command name included.  */
#define SHELL_ARGS_MAX 16

struct shell_command {
	const char *name;
	const char *usage;		/* arguments synopsis, "" if none */
	const char *help;		/* one line, no final period */
	/* ARGV[0] is the command name; ARGC >= 1.  Returns 0 on success.  */
	int (*run)(int argc, char **argv);
};

/* The command table, in the order "help" lists it (commands.c).  */
extern const struct shell_command shell_commands[];
extern const size_t shell_num_commands;

__attribute__((noreturn)) void shell_run(void);

/* Split LINE in place into at most SHELL_ARGS_MAX words (see above).
   Returns the word count, or -1 with *ERR saying what is wrong.  */
int shell_split(char *line, char **argv, const char **err);

/* builtins.c */
int cmd_help(int argc, char **argv);
int cmd_echo(int argc, char **argv);
int cmd_version(int argc, char **argv);
int cmd_clear(int argc, char **argv);

/* cmd-system.c */
int cmd_uptime(int argc, char **argv);
int cmd_cpu(int argc, char **argv);
int cmd_log(int argc, char **argv);
int cmd_boottime(int argc, char **argv);
int cmd_reboot(int argc, char **argv);
int cmd_poweroff(int argc, char **argv);
int cmd_crash(int argc, char **argv);

/* cmd-memory.c */
int cmd_mem(int argc, char **argv);
int cmd_heaptest(int argc, char **argv);

/* cmd-pci.c */
int cmd_lspci(int argc, char **argv);

#endif /* SHELL_SHELL_H */
