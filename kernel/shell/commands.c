/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* commands.c - the shell's command table.

   One line per command (see shell.h for how to add one).  "help" lists
   the commands in this order.  */

#include <stddef.h>

#include "shell/cmd-fs.h"
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
	{ "boottime", "", "show where the boot's time went", cmd_boottime },
	{ "crash", "KIND", "raise an exception (de ud gp pf df stack ...)",
	  cmd_crash },
	{ "ls", "[PATH]", "list a directory", cmd_ls },
	{ "cat", "PATH...", "print files", cmd_cat },
	{ "write", "PATH [TEXT]...", "replace PATH with TEXT and a newline",
	  cmd_write },
	{ "append", "PATH [TEXT]...", "add TEXT and a newline to PATH",
	  cmd_append },
	{ "touch", "PATH...", "create empty files", cmd_touch },
	{ "mkdir", "PATH...", "create directories", cmd_mkdir },
	{ "rmdir", "PATH...", "remove empty directories", cmd_rmdir },
	{ "rm", "PATH...", "remove files", cmd_rm },
	{ "mv", "OLD NEW", "rename or move a file or directory", cmd_mv },
	{ "stat", "PATH", "show a file's size, attributes, times", cmd_stat },
	{ "df", "", "show the size and free space of /", cmd_df },
	{ "check", "", "check / for damage, like fsck -n (repairs nothing)",
	  cmd_check },
	{ "cd", "[PATH]", "change the current directory", cmd_cd },
	{ "pwd", "", "print the current directory", cmd_pwd },
	{ "hexdump", "PATH", "show a file in hex and ASCII", cmd_hexdump },
	{ "crc32", "PATH", "print a file's CRC-32 and size", cmd_crc32 },
	{ "lsblk", "", "list drives and partitions", cmd_lsblk },
	{ "blkcrc32", "DEVICE", "print a whole device's CRC-32 and sectors",
	  cmd_blkcrc32 },
	{ "bench", "raw MIB|read PATH|write PATH MIB",
	  "time FAT file I/O against raw reads", cmd_bench },
	{ "reboot", "", "restart the machine", cmd_reboot },
	{ "poweroff", "", "switch the machine off (ACPI S5)", cmd_poweroff },
};

const size_t shell_num_commands =
	sizeof(shell_commands) / sizeof(shell_commands[0]);
