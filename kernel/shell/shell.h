/* shell.h - the kernel's command shell.

   shell_run() prints the prompt "portix> ", reads a line from the
   console (echoing it, with backspace), splits it into words and runs
   the command named by the first word.  It never returns.
   Commands live in a table (commands.c); a subsystem adds its own
   commands in its own file and lists them there.  Layers: the shell
   sits on the console (console.h) and calls down into subsystems.  */

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

/* Built-in commands (builtins.c).  */
int cmd_help(int argc, char **argv);
int cmd_echo(int argc, char **argv);
int cmd_version(int argc, char **argv);

#endif /* SHELL_SHELL_H */
