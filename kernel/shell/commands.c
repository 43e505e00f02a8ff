/* commands.c - the shell's command table.

   One line per command (see shell.h for how to add one).  "help" lists
   the commands in this order.  */

#include <stddef.h>

#include "shell/shell.h"

const struct shell_command shell_commands[] = {
	{ "help", "", "list the commands", cmd_help },
	{ "echo", "[WORD]...", "print the words, separated by one space",
	  cmd_echo },
	{ "version", "", "print the kernel version", cmd_version },
	{ "clear", "", "clear the screen", cmd_clear },
	{ "mem", "", "show the E820 map, RAM and heap use", cmd_mem },
	{ "heaptest", "[ROUNDS]", "stress the heap and check for leaks",
	  cmd_heaptest },
	{ "uptime", "", "time since boot, from the timer", cmd_uptime },
	{ "cpu", "", "show the processor: vendor, brand, features", cmd_cpu },
	{ "lspci", "", "list PCI functions", cmd_lspci },
	{ "log", "", "show the kernel log", cmd_log },
	{ "crash", "KIND", "raise an exception (de ud gp pf df stack ...)",
	  cmd_crash },
	{ "reboot", "", "restart the machine", cmd_reboot },
	{ "poweroff", "", "switch the machine off (ACPI S5)", cmd_poweroff },
};

const size_t shell_num_commands =
	sizeof(shell_commands) / sizeof(shell_commands[0]);
