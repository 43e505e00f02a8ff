/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* cli.c - what the Portix programs share (cli.h).  */

#include <config.h>

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

void cli_try_help(const char *program)
{
	fprintf(stderr, "Try '%s --help' for more information.\n", program);
}

int cli_print_version(const char *program)
{
	printf("%s (Portix) %s\n"
	       "Copyright (C) 2026 the Portix authors.\n"
	       "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	       "This is free software: see the file COPYING for the terms under which\n"
	       "you may change and share it.  There is NO WARRANTY, to the extent\n"
	       "permitted by law.\n",
	       program, PACKAGE_VERSION);
	return cli_close_stdout(program);
}

void cli_print_bug_report(void)
{
	printf("Report bugs to: %s\n", PACKAGE_BUGREPORT);
	if (PACKAGE_URL[0])
		printf("Portix home page: <%s>\n", PACKAGE_URL);
}

int cli_close_stdout(const char *program)
{
	bool had_error = ferror(stdout) != 0;
	int close_failed = fclose(stdout) != 0;
	int saved = errno;

	if (!had_error && !close_failed)
		return EXIT_SUCCESS;
	if (close_failed)
		fprintf(stderr, "%s: write error: %s\n", program,
			strerror(saved));
	else
		fprintf(stderr, "%s: write error\n", program);
	return EXIT_FAILURE;
}
