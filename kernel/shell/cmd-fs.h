/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cmd-fs.h - the shell's storage commands: files and directories on
   "/" (cmd-fs.c), the block devices (cmd-blk.c), and their speed
   (cmd-bench.c).  Each follows
   struct shell_command's run(): ARGV[0] is the command name; the
   result is 0 on success, 1 on failure (after a message).  */

#ifndef SHELL_CMD_FS_H
#define SHELL_CMD_FS_H

int cmd_ls(int argc, char **argv);
int cmd_cat(int argc, char **argv);
int cmd_write(int argc, char **argv);
int cmd_append(int argc, char **argv);
int cmd_touch(int argc, char **argv);
int cmd_mkdir(int argc, char **argv);
int cmd_rmdir(int argc, char **argv);
int cmd_rm(int argc, char **argv);
int cmd_mv(int argc, char **argv);
int cmd_stat(int argc, char **argv);
int cmd_df(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_cd(int argc, char **argv);
int cmd_pwd(int argc, char **argv);
int cmd_hexdump(int argc, char **argv);
int cmd_crc32(int argc, char **argv);

int cmd_lsblk(int argc, char **argv);
int cmd_blkcrc32(int argc, char **argv);

int cmd_bench(int argc, char **argv);

#endif /* SHELL_CMD_FS_H */
