/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-mkimage-args.c - libFuzzer target: portix-mkimage's option and
   --add parsing, the whole program run on a fuzzed command line.

   tools/portix-mkimage.c is compiled in with its main() renamed and its
   fclose() routed to fuzz_fclose() (the program closes stdout).  The
   input, split at NUL bytes, is argv (at most 32 words); the run
   happens in a scratch directory holding files the words can name (a
   stage 1, a stage 2, a kernel, a text file, a directory, a FIFO), so
   options that are right reach the library and write an image there.
   Words that could lead outside that directory are not run.  Its
   messages go to /dev/null; what it wrote is removed after each run.
   Any exit status is fine; a crash, a
   sanitizer report, a leak or a hang (an --add of the FIFO) is not.  */

#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz-boot-pieces.h"

/* This file needs the real fclose (the build routes the program's, and
   <stdio.h> declared it under the other name).  */
#undef fclose
int fclose(FILE *f);

int mkimage_main(int argc, char **argv);
int fuzz_fclose(FILE *f);

#define MAX_WORDS 32

/* The scratch directory, and the directory to come back to.  */
static char scratch[] = "/tmp/fuzz-mkimage-XXXXXX";
static int home = -1;

static void clean(void);

/* At exit: the scratch directory goes, fixtures and all.  */
static void remove_scratch(void)
{
	static const char *const fixtures[] = { "b", "s", "k", "t", "f" };

	if (chdir(scratch) != 0)
		return;
	clean();
	for (size_t i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++)
		unlink(fixtures[i]);
	rmdir("d");
	if (fchdir(home) == 0)
		rmdir(scratch);
}

/* A scratch directory with inputs that pass the library's checks.  */
static void setup(void)
{
	home = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (home < 0 || !mkdtemp(scratch) || chdir(scratch) != 0 ||
	    atexit(remove_scratch) != 0)
		abort();
	fuzz_put_boot_pieces("b", "s");
	fuzz_put_file("k", "kernel", 6);
	fuzz_put_file("t", "text\n", 5);
	mkdir("d", 0755);
	mkfifo("f", 0644);
	if (fchdir(home) != 0)
		abort();
}

/* Whether argv word W is safe to run: it must not lead outside the
   scratch directory (no "..", no '/' but after a ':' as in an --add's
   DEST), as the program writes where -o says.  */
static bool word_is_safe(const char *w)
{
	const char *slash = strchr(w, '/');

	if (strstr(w, ".."))
		return false;
	return !slash || (slash > w && memchr(w, ':', (size_t)(slash - w)));
}

/* Remove what a run left in the scratch directory.  */
static void clean(void)
{
	static const char *const keep[] = { ".", "..", "b", "s", "k", "t",
					    "d", "f" };
	struct dirent *e;
	DIR *dir = opendir(".");
	size_t i;

	if (!dir)
		abort();
	while ((e = readdir(dir)) != NULL) {
		for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
			if (strcmp(e->d_name, keep[i]) == 0)
				break;
		if (i == sizeof(keep) / sizeof(keep[0]))
			unlink(e->d_name);
	}
	closedir(dir);
}

/* The program fcloses stdout to see a lost write; the harness keeps
   its /dev/null stream, so that close is a flush here.  */
int fuzz_fclose(FILE *f)
{
	return f == stdout ? fflush(f) : fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null_out, *null_err;
	char *copy, *argv[MAX_WORDS + 2];
	FILE *saved_out = stdout, *saved_err = stderr;
	int argc = 0;

	if (!null_out) {
		setup();
		null_out = fopen("/dev/null", "w");
		null_err = fopen("/dev/null", "w");
		if (!null_out || !null_err)
			abort();
	}
	copy = malloc(size + 1);
	if (!copy)
		abort();
	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[argc++] = "portix-mkimage";
	for (size_t at = 0; at < size && argc <= MAX_WORDS;
	     at += strlen(copy + at) + 1) {
		if (!word_is_safe(copy + at))
			goto out_free;
		argv[argc++] = copy + at;
	}
	argv[argc] = NULL;

	/* In the scratch directory only for the run: libFuzzer reads and
	   writes its corpus by relative names.  */
	if (chdir(scratch) != 0)
		abort();
	stdout = null_out;
	stderr = null_err;
	clearerr(stdout);
	optind = 0;		/* getopt starts over */
	mkimage_main(argc, argv);
	stdout = saved_out;
	stderr = saved_err;
	clean();
	if (fchdir(home) != 0)
		abort();
out_free:
	free(copy);
	return 0;
}
