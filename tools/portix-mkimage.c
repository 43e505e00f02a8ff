/* portix-mkimage.c - make a bootable Portix disk image from its pieces.

   The command-line face of libportix: parse the options, hand the files
   to the library, print its message if anything fails.  Exit status is 0
   on success and 1 on any error; on error no image file is created and an
   existing one is left as it was (the library writes a temporary file and
   renames it).  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <portix/image.h>
#include <portix/layout.h>

/* getopt's messages start with argv[0]; under libtool's wrapper that is
   .libs/lt-portix-mkimage, so main() puts this there instead.  */
static char program_name[] = "portix-mkimage";

/* Image kinds --mode accepts; more come with their writers.  */
static const char *const known_modes[] = { "raw" };
#define N_MODES (sizeof(known_modes) / sizeof(known_modes[0]))

struct options {
	const char *mode;
	const char *size;	/* as given; checked by parse_size() */
	const char *boot;
	const char *stage2;
	const char *kernel;
	const char *cmdline;
	const char *output;
	bool force_chs;
};

enum {
	OPT_MODE = 256,
	OPT_SIZE,
	OPT_BOOT,
	OPT_STAGE2,
	OPT_KERNEL,
	OPT_CMDLINE,
	OPT_FORCE_CHS,
	OPT_HELP,
	OPT_VERSION
};

static const struct option long_options[] = {
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "size", required_argument, NULL, OPT_SIZE },
	{ "boot", required_argument, NULL, OPT_BOOT },
	{ "stage2", required_argument, NULL, OPT_STAGE2 },
	{ "kernel", required_argument, NULL, OPT_KERNEL },
	{ "cmdline", required_argument, NULL, OPT_CMDLINE },
	{ "force-chs", no_argument, NULL, OPT_FORCE_CHS },
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void try_help(void)
{
	fprintf(stderr, "Try '%s --help' for more information.\n",
		program_name);
}

/* Flush stdout and report a lost write (a full disk, a closed pipe), so
   "portix-mkimage --help > /dev/full" fails as it should.  */
static int close_stdout(void)
{
	bool had_error = ferror(stdout) != 0;
	int close_failed = fclose(stdout) != 0;
	int saved = errno;

	if (!had_error && !close_failed)
		return EXIT_SUCCESS;
	if (close_failed)
		fprintf(stderr, "%s: write error: %s\n", program_name,
			strerror(saved));
	else
		fprintf(stderr, "%s: write error\n", program_name);
	return EXIT_FAILURE;
}

static int print_help(void)
{
	printf("Usage: %s [OPTION]... --boot=FILE --stage2=FILE --kernel=FILE -o FILE\n",
	       program_name);
	printf("Lay out the Portix boot stages and kernel as a bootable disk image.\n"
	       "\n"
	       "      --mode=MODE      kind of image (default: raw; known: raw)\n"
	       "      --size=MB        size of the whole disk in MiB (default: %d, at least %d)\n"
	       "      --boot=FILE      stage 1 (boot.bin: %d bytes ending in 55 AA)\n"
	       "      --stage2=FILE    stage 2 (stage2.bin: %d sectors)\n"
	       "      --kernel=FILE    the flat kernel binary (kernel.bin)\n"
	       "      --cmdline=TEXT   kernel command line (at most %d bytes)\n"
	       "      --force-chs      make the boot stages read the disk by CHS (tests)\n"
	       "  -o, --output=FILE    write the image to FILE\n"
	       "      --help           display this help and exit\n"
	       "      --version        output version information and exit\n"
	       "\n"
	       "The image is written to a temporary file beside FILE and renamed over\n"
	       "it when complete: after an error FILE is as it was.  Exit status is 0\n"
	       "on success, 1 on any error.\n",
	       PORTIX_DISK_MB_DEFAULT, PORTIX_DISK_MB_MIN, PORTIX_SECTOR_SIZE,
	       PORTIX_STAGE2_SECTORS, PORTIX_CMDLINE_MAX - 1);
	return close_stdout();
}

static int print_version(void)
{
	printf("%s (Portix) %s\n"
	       "Copyright (C) 2026 the Portix authors.\n"
	       "This is free software: see the file COPYING for the terms under which\n"
	       "you may change and share it.  There is NO WARRANTY, to the extent\n"
	       "permitted by law.\n",
	       program_name, PACKAGE_VERSION);
	return close_stdout();
}

/* Parse --size: decimal digits only (no sign, space or suffix), no
   overflow, at least the minimum.  */
static bool parse_size(const char *text, uint64_t *mb)
{
	uint64_t value = 0;
	const char *p;

	if (*text == '\0')
		return false;
	for (p = text; *p; p++) {
		unsigned int digit = (unsigned int)(*p - '0');

		if (*p < '0' || *p > '9')
			return false;
		if (value > (UINT64_MAX - digit) / 10)
			return false;
		value = value * 10 + digit;
	}
	if (value < PORTIX_DISK_MB_MIN)
		return false;
	*mb = value;
	return true;
}

static bool mode_known(const char *mode)
{
	for (size_t i = 0; i < N_MODES; i++)
		if (strcmp(mode, known_modes[i]) == 0)
			return true;
	return false;
}

/* Parse the command line into OPTS.  Return -1 to go on, or the exit
   status (after --help, --version or a usage error).  */
static int parse_args(int argc, char **argv, struct options *opts)
{
	int c;

	while ((c = getopt_long(argc, argv, "o:", long_options, NULL)) != -1) {
		switch (c) {
		case OPT_MODE:
			opts->mode = optarg;
			break;
		case OPT_SIZE:
			opts->size = optarg;
			break;
		case OPT_BOOT:
			opts->boot = optarg;
			break;
		case OPT_STAGE2:
			opts->stage2 = optarg;
			break;
		case OPT_KERNEL:
			opts->kernel = optarg;
			break;
		case OPT_CMDLINE:
			opts->cmdline = optarg;
			break;
		case OPT_FORCE_CHS:
			opts->force_chs = true;
			break;
		case 'o':
			opts->output = optarg;
			break;
		case OPT_HELP:
			return print_help();
		case OPT_VERSION:
			return print_version();
		default:
			/* getopt has said what was wrong.  */
			try_help();
			return EXIT_FAILURE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "%s: unexpected argument '%s'\n", program_name,
			argv[optind]);
		try_help();
		return EXIT_FAILURE;
	}
	return -1;
}

/* Every input and the output are required: say which is missing.  */
static bool check_required(const struct options *opts)
{
	const char *missing = NULL;

	if (!opts->boot)
		missing = "--boot=FILE";
	else if (!opts->stage2)
		missing = "--stage2=FILE";
	else if (!opts->kernel)
		missing = "--kernel=FILE";
	else if (!opts->output)
		missing = "-o FILE";
	if (!missing)
		return true;
	fprintf(stderr, "%s: missing option %s\n", program_name, missing);
	try_help();
	return false;
}

/* Check the values the library does not see, in the order given.  */
static bool check_values(const struct options *opts, uint64_t *size_mb)
{
	if (opts->mode && !mode_known(opts->mode)) {
		fprintf(stderr, "%s: unknown mode '%s' (known:", program_name,
			opts->mode);
		for (size_t i = 0; i < N_MODES; i++)
			fprintf(stderr, " %s", known_modes[i]);
		fprintf(stderr, ")\n");
		return false;
	}
	*size_mb = PORTIX_DISK_MB_DEFAULT;
	if (opts->size && !parse_size(opts->size, size_mb)) {
		fprintf(stderr,
			"%s: invalid size '%s': must be a whole number of MiB, at least %d\n",
			program_name, opts->size, PORTIX_DISK_MB_MIN);
		return false;
	}
	return true;
}

/* Hand everything to the library, in the order the user would check it:
   settings, then inputs, then the output.  */
static int make_image(struct portix_image *img, const struct options *opts,
		      uint64_t size_mb)
{
	int rc;

	rc = portix_image_set_size_mb(img, size_mb);
	if (rc == PORTIX_OK && opts->cmdline)
		rc = portix_image_set_cmdline(img, opts->cmdline);
	if (rc == PORTIX_OK)
		rc = portix_image_set_force_chs(img, opts->force_chs);
	if (rc == PORTIX_OK)
		rc = portix_image_load_stage1(img, opts->boot);
	if (rc == PORTIX_OK)
		rc = portix_image_load_stage2(img, opts->stage2);
	if (rc == PORTIX_OK)
		rc = portix_image_load_kernel(img, opts->kernel);
	if (rc == PORTIX_OK)
		rc = portix_image_write_raw(img, opts->output);
	return rc;
}

int main(int argc, char **argv)
{
	struct options opts = { 0 };
	struct portix_image *img;
	uint64_t size_mb;
	int status;

	if (argc > 0)
		argv[0] = program_name;
	status = parse_args(argc, argv, &opts);
	if (status >= 0)
		return status;
	if (!check_values(&opts, &size_mb) || !check_required(&opts))
		return EXIT_FAILURE;

	img = portix_image_new();
	if (!img) {
		fprintf(stderr, "%s: out of memory\n", program_name);
		return EXIT_FAILURE;
	}
	status = EXIT_SUCCESS;
	if (make_image(img, &opts, size_mb) < 0) {
		fprintf(stderr, "%s: %s\n", program_name,
			portix_image_error(img));
		status = EXIT_FAILURE;
	}
	portix_image_free(img);
	return status;
}
