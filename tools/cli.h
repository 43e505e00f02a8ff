/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cli.h - what the Portix programs (portix-mkimage, portix-run) share:
   the GNU --version text, the end of --help, the usage hint, and the
   check that stdout was really written.  PROGRAM is the name messages
   start with.  */

#ifndef PORTIX_TOOLS_CLI_H
#define PORTIX_TOOLS_CLI_H

/* "Try 'PROGRAM --help' for more information." on stderr.  */
void cli_try_help(const char *program);

/* Print the --version text on stdout; return the exit status
   (cli_close_stdout's).  */
int cli_print_version(const char *program);

/* Print the bug-report address and home page, the end of --help.  */
void cli_print_bug_report(void);

/* Flush and close stdout, reporting a lost write (a full disk, a closed
   pipe): return EXIT_SUCCESS, or EXIT_FAILURE after a message.  */
int cli_close_stdout(const char *program);

#endif /* PORTIX_TOOLS_CLI_H */
