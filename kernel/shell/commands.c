/* commands.c - the shell's command table.

   One line per command.  To add a command: write it in the file of the
   subsystem it belongs to, declare it in that subsystem's header, and
   add a line here.  "help" lists the commands in this order.  */

#include <stddef.h>

#include "shell/shell.h"

const struct shell_command shell_commands[] = {
	{ "help", "", "list the commands", cmd_help },
	{ "echo", "[WORD]...", "print the words, separated by one space",
	  cmd_echo },
	{ "version", "", "print the kernel version", cmd_version },
};

const size_t shell_num_commands =
	sizeof(shell_commands) / sizeof(shell_commands[0]);
