/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* portix-mkimage.c - make a bootable Portix disk image from its pieces.

   The command-line face of libportix: parse the options, hand the files
   to the library, print its message if anything fails.  Exit status is 0
   on success and 1 on any error; on error no image file is created and an
   existing one is left as it was (the library writes a temporary file and
   renames it; a signal that ends the program removes that file first).

   Every message goes through report(), which escapes control bytes and
   invalid UTF-8: a name holding a newline or an escape sequence cannot
   break the message or reach the terminal as a command.

   The boot pieces default to the installed ones: boot.bin, stage2.bin
   and kernel.bin in $PORTIX_DATADIR, or in the configured pkgdatadir
   when that is unset.  The UEFI loader, BOOTX64.EFI, is taken from
   there too when it is there (a build without UEFI installs none): an
   image without it has no EFI system partition.  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <portix/image.h>
#include <portix/layout.h>
#include <portix/probe.h>
#include <portix/utf8.h>

#include "cli.h"

/* getopt's messages start with argv[0]; under libtool's wrapper that is
   .libs/lt-portix-mkimage, so main() puts this there instead.  */
static char program_name[] = "portix-mkimage";

/* The installed boot pieces, by the option that overrides each.  */
static const struct {
	const char *option;
	const char *file;
	const char *what;
} default_pieces[] = {
	{ "--boot", "boot.bin", "stage 1" },
	{ "--stage2", "stage2.bin", "stage 2" },
	{ "--kernel", "kernel.bin", "the kernel" },
};
#define N_PIECES (sizeof(default_pieces) / sizeof(default_pieces[0]))
/* The installed UEFI loader, optional unlike the pieces above.  */
#define DEFAULT_EFI "BOOTX64.EFI"

/* Progress is shown on a terminal only, and only for writes this big.  */
#define PROGRESS_MIN_BYTES (16u << 20)

struct options {
	const char *mode;
	const char *size;	/* as given; checked by check_size() */
	const char *boot;
	const char *stage2;
	const char *kernel;
	const char *efi;	/* --efi, or the installed one if readable */
	bool no_efi;
	char *default_efi;	/* malloc'd path of the installed one */
	const char *cmdline;
	const char *output;
	bool force_chs;
	bool no_serial;
	const char *disk_signature;	/* as given */
	/* Paths made for the pieces not given (malloc'd, in default_pieces'
	   order; NULL for a piece given on the command line).  */
	char *defaults[N_PIECES];
	/* Media beyond the raw image (--mode and its options).  */
	const char *vmdk_format;	/* as given */
	const char *ventoy_size;	/* as given */
	bool quiet, verbose;
	/* --add SRC:DEST, as given, in order (malloc'd array of argv's
	   strings, which add_file() cuts at the colon for a moment).  */
	char **adds;
	size_t n_adds;
};

/* What check_values() made of the options.  */
struct values {
	uint64_t size_mb;
	enum portix_mode mode;
	enum portix_vmdk_format vmdk_format;
	uint64_t ventoy_mb;		/* 0: the library's default */
	int64_t epoch;			/* SOURCE_DATE_EPOCH, or 0 */
	uint32_t disk_signature;	/* 0: derived by the library */
};

enum {
	OPT_MODE = 256,
	OPT_SIZE,
	OPT_BOOT,
	OPT_STAGE2,
	OPT_KERNEL,
	OPT_CMDLINE,
	OPT_FORCE_CHS,
	OPT_NO_SERIAL,
	OPT_HELP,
	OPT_VERSION,
	OPT_VMDK_FORMAT,
	OPT_VENTOY_SIZE,
	OPT_ADD,
	OPT_DISK_SIGNATURE,
	OPT_EFI,
	OPT_NO_EFI
};

static const struct option long_options[] = {
	{ "mode", required_argument, NULL, OPT_MODE },
	{ "size", required_argument, NULL, OPT_SIZE },
	{ "boot", required_argument, NULL, OPT_BOOT },
	{ "stage2", required_argument, NULL, OPT_STAGE2 },
	{ "kernel", required_argument, NULL, OPT_KERNEL },
	{ "efi", required_argument, NULL, OPT_EFI },
	{ "no-efi", no_argument, NULL, OPT_NO_EFI },
	{ "cmdline", required_argument, NULL, OPT_CMDLINE },
	{ "force-chs", no_argument, NULL, OPT_FORCE_CHS },
	{ "no-serial", no_argument, NULL, OPT_NO_SERIAL },
	{ "disk-signature", required_argument, NULL, OPT_DISK_SIGNATURE },
	{ "output", required_argument, NULL, 'o' },
	{ "add", required_argument, NULL, OPT_ADD },
	{ "vmdk-format", required_argument, NULL, OPT_VMDK_FORMAT },
	{ "ventoy-size", required_argument, NULL, OPT_VENTOY_SIZE },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

/* Write S to F with what a terminal would act on escaped, C style:
   control characters (C0, DEL and C1) and bytes that are not UTF-8.
   Valid UTF-8 text is written as it is, backslashes too (a file name
   "a\\x41" reads like an escape: messages are for people).  */
static void put_escaped(FILE *f, const char *s)
{
	static const char named[] = "\a\b\t\n\v\f\r";
	static const char letters[] = "abtnvfr";
	const uint8_t *p = (const uint8_t *)s;
	size_t len = strlen(s);

	for (size_t i = 0, n; i < len; i += n) {
		uint32_t cp;
		const char *name;

		n = portix_utf8_decode(p + i, len - i, &cp);
		if (n == 0) {
			fprintf(f, "\\x%02X", p[i]);
			n = 1;
		} else if (cp != 0 && (name = strchr(named, (int)cp))) {
			fprintf(f, "\\%c", letters[name - named]);
		} else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
			/* C1 controls as the bytes they are in UTF-8.  */
			for (size_t k = 0; k < n; k++)
				fprintf(f, "\\x%02X", p[i + k]);
		} else {
			fwrite(p + i, 1, n, f);
		}
	}
}

/* Print "portix-mkimage: MESSAGE" and a newline on stderr, MESSAGE
   escaped by put_escaped: every message of the program passes here.  */
static void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void report(const char *fmt, ...)
{
	va_list ap;
	char *msg = NULL;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len >= 0)
		msg = malloc((size_t)len + 1);
	if (msg) {
		va_start(ap, fmt);
		vsnprintf(msg, (size_t)len + 1, fmt, ap);
		va_end(ap);
	}
	fprintf(stderr, "%s: ", program_name);
	put_escaped(stderr, msg ? msg : "out of memory");
	fputc('\n', stderr);
	free(msg);
}

static int print_help(void)
{
	printf("Usage: %s [OPTION]... -o FILE\n", program_name);
	printf("Lay out the Portix boot stages and kernel as a bootable disk image.\n"
	       "\n"
	       "      --mode=MODE      kind of image (default: raw; known: raw, iso, vdi,\n"
	       "                         vmdk, ventoy-sim)\n"
	       "      --size=MB        size of the whole disk in MiB (default: %d, at least %d,\n"
	       "                         at most %d; an ISO at most %llu)\n"
	       "      --boot=FILE      stage 1 (boot.bin: %d bytes ending in 55 AA)\n"
	       "      --stage2=FILE    stage 2 (stage2.bin: %d sectors)\n"
	       "      --kernel=FILE    the flat kernel binary (kernel.bin)\n"
	       "                         (each defaults to the installed one, see below)\n"
	       "      --efi=FILE       the UEFI loader (BOOTX64.EFI), put in an EFI system\n"
	       "                         partition at the end of the disk (default: the\n"
	       "                         installed one if there is one)\n"
	       "      --no-efi         no UEFI loader and no EFI system partition\n"
	       "      --cmdline=TEXT   kernel command line (at most %d bytes)\n"
	       "      --force-chs      make the boot stages read the disk by CHS (tests)\n"
	       "      --no-serial      stage 2 and the kernel keep off COM1 (screen and\n"
	       "                         keyboard only)\n"
	       "      --disk-signature=HEX  the MBR disk signature, 1 to FFFFFFFF\n"
	       "                         (default: derived from the content and epoch)\n"
	       "      --add=SRC:DEST   copy the file SRC into the data partition as DEST\n"
	       "                         (an absolute path; DEST ending in / means into\n"
	       "                         that directory; split at the last ':'; repeatable)\n"
	       "      --vmdk-format=F  monolithicSparse (default) or streamOptimized\n"
	       "                         (with --mode=vmdk only)\n"
	       "      --ventoy-size=MB size of the whole ventoy-sim disk in MiB (default:\n"
	       "                         %d, or more if the image needs it; with\n"
	       "                         --mode=ventoy-sim only)\n"
	       "  -o, --output=FILE    write the image to FILE\n"
	       "  -q, --quiet          never show progress\n"
	       "  -v, --verbose        say what was written\n"
	       "      --help           display this help and exit\n"
	       "      --version        output version information and exit\n"
	       "\n"
	       "The image is written to a temporary file beside FILE and renamed over\n"
	       "it when complete: after an error FILE is as it was.  Exit status is 0\n"
	       "on success, 1 on any error.  --size is the Portix disk in every mode\n"
	       "(the file inside the ISO, the disk in the VDI or VMDK, the image\n"
	       "inside the ventoy-sim disk).  Timestamps and identifiers derive from\n"
	       "the content and SOURCE_DATE_EPOCH (0 when unset): the same inputs\n"
	       "give the same bytes.  Progress is shown on a terminal for long writes.\n"
	       "\n"
	       "boot.bin, stage2.bin and kernel.bin are read from PORTIX_DATADIR when\n"
	       "it is set, else from %s; BOOTX64.EFI too if it is there.\n"
	       "\n",
	       PORTIX_DISK_MB_DEFAULT, PORTIX_DISK_MB_MIN, PORTIX_DISK_MB_MAX,
	       (unsigned long long)portix_image_max_size_mb(PORTIX_MODE_ISO),
	       PORTIX_SECTOR_SIZE,
	       PORTIX_STAGE2_SECTORS, PORTIX_CMDLINE_MAX - 1,
	       PORTIX_VENTOY_DISK_MB_DEFAULT, PORTIX_PKGDATADIR);
	cli_print_bug_report();
	return cli_close_stdout(program_name);
}

/* Parse a whole number: decimal digits only (no sign, space or
   suffix), no overflow; false on anything else.  */
static bool parse_number(const char *text, uint64_t *number)
{
	uint64_t value = 0;

	if (*text == '\0')
		return false;
	for (const char *p = text; *p; p++) {
		unsigned int digit = (unsigned int)(*p - '0');

		if (*p < '0' || *p > '9' || value > (UINT64_MAX - digit) / 10)
			return false;
		value = value * 10 + digit;
	}
	*number = value;
	return true;
}

/* The value of the hexadecimal digit C, or -1.  */
static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Parse --disk-signature: 1 to 8 hexadecimal digits, an optional "0x"
   before them, not zero (no signature, to some systems).  */
static bool parse_signature(const char *text, uint32_t *signature)
{
	uint32_t value = 0;
	size_t n = 0;

	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
		text += 2;
	for (; text[n]; n++) {
		int digit = hex_digit(text[n]);

		if (digit < 0 || n == 8)
			return false;
		value = value << 4 | (uint32_t)digit;
	}
	*signature = value;
	return n > 0 && value != 0;
}

/* SOURCE_DATE_EPOCH, as the reproducible-builds specification has it:
   unset or empty means "not set" (0 here); anything but decimal digits
   is an error, not something to ignore.  */
static bool parse_epoch(int64_t *epoch)
{
	const char *text = getenv("SOURCE_DATE_EPOCH");
	uint64_t value;

	*epoch = 0;
	if (!text || *text == '\0')
		return true;
	if (!parse_number(text, &value) || value > INT64_MAX) {
		report("invalid SOURCE_DATE_EPOCH '%s': must be seconds since 1970",
		       text);
		return false;
	}
	*epoch = (int64_t)value;
	return true;
}

/* Keep the --add argument ARG for later (the handle does not exist
   yet).  */
static bool remember_add(struct options *opts, char *arg)
{
	char **adds = realloc(opts->adds,
				    (opts->n_adds + 1) * sizeof(*adds));

	if (!adds) {
		report("out of memory");
		return false;
	}
	adds[opts->n_adds++] = arg;
	opts->adds = adds;
	return true;
}

/* Split "SRC:DEST" at its last ':' (so SRC may hold colons, DEST not):
   the length of SRC, or 0 when either part is missing.  */
static size_t add_split(const char *arg)
{
	const char *colon = strrchr(arg, ':');

	if (!colon || colon == arg || colon[1] == '\0')
		return 0;
	return (size_t)(colon - arg);
}

/* The long option whose value is VAL.  */
static const char *long_name(int val)
{
	for (const struct option *o = long_options; o->name; o++)
		if (o->val == val)
			return o->name;
	return "?";
}

/* Say what getopt found wrong with the option before argv[optind] (C is
   what getopt_long returned: ':' for a missing argument, '?' for the
   rest), in glibc's words, but escaped as every message is.  */
static void report_bad_option(int c, char **argv)
{
	const char *arg = argv[optind - 1];
	bool is_long = strncmp(arg, "--", 2) == 0;
	char shown[2] = { (char)optopt, '\0' };
	size_t len, matches = 0;

	if (!is_long && c == ':') {
		report("option requires an argument -- '%s'", shown);
		return;
	}
	if (!is_long) {
		report("invalid option -- '%s'", shown);
		return;
	}
	if (c == ':') {
		report("option '--%s' requires an argument", long_name(optopt));
		return;
	}
	if (optopt != 0) {
		report("option '--%s' doesn't allow an argument",
		       long_name(optopt));
		return;
	}
	/* Unknown, or an abbreviation of more than one option.  */
	len = strcspn(arg + 2, "=");
	for (const struct option *o = long_options; o->name; o++)
		if (strncmp(o->name, arg + 2, len) == 0)
			matches++;
	if (matches > 1)
		report("option '%s' is ambiguous", arg);
	else
		report("unrecognized option '%s'", arg);
}

/* Parse the command line into OPTS.  Return -1 to go on, or the exit
   status (after --help, --version or a usage error).  */
static int parse_args(int argc, char **argv, struct options *opts)
{
	int c;

	/* getopt would print argv's bytes raw: the messages are ours.  */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:qv", long_options,
				NULL)) != -1) {
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
		case OPT_EFI:
			opts->efi = optarg;
			opts->no_efi = false;
			break;
		case OPT_NO_EFI:
			opts->no_efi = true;
			opts->efi = NULL;
			break;
		case OPT_CMDLINE:
			opts->cmdline = optarg;
			break;
		case OPT_FORCE_CHS:
			opts->force_chs = true;
			break;
		case OPT_NO_SERIAL:
			opts->no_serial = true;
			break;
		case OPT_DISK_SIGNATURE:
			opts->disk_signature = optarg;
			break;
		case OPT_VMDK_FORMAT:
			opts->vmdk_format = optarg;
			break;
		case OPT_VENTOY_SIZE:
			opts->ventoy_size = optarg;
			break;
		case OPT_ADD:
			if (!remember_add(opts, optarg))
				return EXIT_FAILURE;
			break;
		case 'q':
			opts->quiet = true;
			opts->verbose = false;
			break;
		case 'v':
			opts->verbose = true;
			opts->quiet = false;
			break;
		case 'o':
			opts->output = optarg;
			break;
		case OPT_HELP:
			return print_help();
		case OPT_VERSION:
			return cli_print_version(program_name);
		default:
			report_bad_option(c, argv);
			cli_try_help(program_name);
			return EXIT_FAILURE;
		}
	}
	if (optind < argc) {
		report("unexpected argument '%s'", argv[optind]);
		cli_try_help(program_name);
		return EXIT_FAILURE;
	}
	return -1;
}

/* The output is required.  */
static bool check_required(const struct options *opts)
{
	if (opts->output)
		return true;
	report("missing option -o FILE");
	cli_try_help(program_name);
	return false;
}

/* The option of piece I of default_pieces.  */
static const char **piece_option(struct options *opts, size_t i)
{
	const char **given[N_PIECES] = {
		&opts->boot, &opts->stage2, &opts->kernel
	};

	return given[i];
}

/* Point each piece not given at its installed copy, and check that the
   copy is readable, so a missing one is reported with where it was
   looked for and how to look elsewhere.  */
static bool use_installed_pieces(struct options *opts)
{
	const char *env = getenv("PORTIX_DATADIR");
	const char *dir = env && *env ? env : PORTIX_PKGDATADIR;

	if (!opts->efi && !opts->no_efi) {
		size_t size = strlen(dir) + 1 + strlen(DEFAULT_EFI) + 1;

		opts->default_efi = malloc(size);
		if (!opts->default_efi) {
			fprintf(stderr, "%s: out of memory\n", program_name);
			return false;
		}
		snprintf(opts->default_efi, size, "%s/%s", dir, DEFAULT_EFI);
		/* Optional: absent means a build without UEFI.  */
		if (access(opts->default_efi, R_OK) == 0)
			opts->efi = opts->default_efi;
	}

	for (size_t i = 0; i < N_PIECES; i++) {
		const char **option = piece_option(opts, i);
		size_t size = strlen(dir) + 1 + strlen(default_pieces[i].file) + 1;
		char *path;

		if (*option)
			continue;
		path = malloc(size);
		if (!path) {
			report("out of memory");
			return false;
		}
		snprintf(path, size, "%s/%s", dir, default_pieces[i].file);
		opts->defaults[i] = path;
		*option = path;
		if (access(path, R_OK) != 0) {
			report("%s: cannot read %s: %s (set PORTIX_DATADIR"
			       " to the directory of boot.bin, stage2.bin and"
			       " kernel.bin, or give %s=FILE)",
			       path, default_pieces[i].what, strerror(errno),
			       default_pieces[i].option);
			return false;
		}
	}
	return true;
}

/* A number given to --size that is this big was meant as bytes (it
   would be 8 MiB or more as bytes; no medium holds that many MiB).  */
#define LOOKS_LIKE_BYTES ((uint64_t)PORTIX_DISK_MB_MIN << 20)

/* --size: a whole number of MiB, at least the minimum and at most what
   the medium MODE holds.  */
static bool check_size(const struct options *opts, struct values *val)
{
	uint64_t max = portix_image_max_size_mb(val->mode);

	val->size_mb = PORTIX_DISK_MB_DEFAULT;
	if (!opts->size)
		return true;
	if (!parse_number(opts->size, &val->size_mb) ||
	    val->size_mb < PORTIX_DISK_MB_MIN) {
		report("invalid size '%s': must be a whole number of MiB, at least %d",
		       opts->size, PORTIX_DISK_MB_MIN);
		return false;
	}
	if (val->size_mb > max) {
		report("invalid size '%s': the largest %s disk is %llu MiB%s",
		       opts->size, opts->mode ? opts->mode : "raw",
		       (unsigned long long)max,
		       val->size_mb >= LOOKS_LIKE_BYTES ?
		       " (--size counts MiB, not bytes)" : "");
		return false;
	}
	return true;
}

/* --vmdk-format and --ventoy-size, which apply to one mode each: given
   with another, the user expected something this run would not do.  */
static bool check_media_options(const struct options *opts,
				struct values *val)
{
	val->vmdk_format = PORTIX_VMDK_MONOLITHIC_SPARSE;
	if (opts->vmdk_format && val->mode != PORTIX_MODE_VMDK) {
		report("--vmdk-format applies only to --mode=vmdk");
		return false;
	}
	if (opts->vmdk_format &&
	    strcmp(opts->vmdk_format, "streamOptimized") == 0) {
		val->vmdk_format = PORTIX_VMDK_STREAM_OPTIMIZED;
	} else if (opts->vmdk_format &&
		   strcmp(opts->vmdk_format, "monolithicSparse") != 0) {
		report("unknown VMDK format '%s' (known: monolithicSparse streamOptimized)",
		       opts->vmdk_format);
		return false;
	}
	val->ventoy_mb = 0;
	if (opts->ventoy_size && val->mode != PORTIX_MODE_VENTOY_SIM) {
		report("--ventoy-size applies only to --mode=ventoy-sim");
		return false;
	}
	if (opts->ventoy_size && (!parse_number(opts->ventoy_size,
						&val->ventoy_mb) ||
				  val->ventoy_mb == 0)) {
		report("invalid ventoy-sim size '%s': must be a whole number of MiB",
		       opts->ventoy_size);
		return false;
	}
	if (val->ventoy_mb > PORTIX_DISK_MB_MAX) {
		report("invalid ventoy-sim size '%s': the largest disk is %d MiB%s",
		       opts->ventoy_size, PORTIX_DISK_MB_MAX,
		       val->ventoy_mb >= LOOKS_LIKE_BYTES ?
		       " (--ventoy-size counts MiB, not bytes)" : "");
		return false;
	}
	return true;
}

/* Check the values the library does not see, in the order given.  */
static bool check_values(const struct options *opts, struct values *val)
{
	val->mode = PORTIX_MODE_RAW;
	if (opts->mode && portix_mode_by_name(opts->mode, &val->mode) < 0) {
		char known[128] = "";

		for (int m = 0; portix_mode_name((enum portix_mode)m); m++) {
			strcat(known, " ");
			strcat(known, portix_mode_name((enum portix_mode)m));
		}
		report("unknown mode '%s' (known:%s)", opts->mode, known);
		return false;
	}
	if (!check_media_options(opts, val) || !parse_epoch(&val->epoch))
		return false;
	val->disk_signature = 0;
	if (opts->disk_signature &&
	    !parse_signature(opts->disk_signature, &val->disk_signature)) {
		report("invalid disk signature '%s': must be 1 to 8 hexadecimal digits, not 0",
		       opts->disk_signature);
		return false;
	}
	for (size_t i = 0; i < opts->n_adds; i++) {
		if (add_split(opts->adds[i]) == 0) {
			report("invalid --add '%s': expected SRC:DEST",
			       opts->adds[i]);
			return false;
		}
	}
	if (opts->output && opts->output[0] == '\0') {
		report("invalid output file '': the name is empty");
		return false;
	}
	return check_size(opts, val);
}

/* Whether the file INPUT (named by OPTION) is the existing file OUT is:
   writing would replace the input, a build product, silently.  Hard
   links count too: the rename would leave the two names apart.  */
static bool output_is(const struct options *opts, const struct stat *out,
		      const char *option, const char *input)
{
	struct stat st;

	if (stat(input, &st) < 0 || st.st_dev != out->st_dev ||
	    st.st_ino != out->st_ino)
		return false;
	report("%s: is the %s input too (refusing to overwrite an input)",
	       opts->output, option);
	return true;
}

/* The output must not be one of the inputs.  */
static bool check_output_not_input(const struct options *opts)
{
	struct stat out;

	if (stat(opts->output, &out) < 0)
		return true;	/* nothing there yet: nothing to lose */
	if (output_is(opts, &out, "--boot", opts->boot) ||
	    output_is(opts, &out, "--stage2", opts->stage2) ||
	    output_is(opts, &out, "--kernel", opts->kernel))
		return false;
	for (size_t i = 0; i < opts->n_adds; i++) {
		char *arg = opts->adds[i];
		char *colon = arg + add_split(arg);
		bool same;

		*colon = '\0';
		same = output_is(opts, &out, "--add", arg);
		*colon = ':';
		if (same)
			return false;
	}
	return true;
}

/* ---- Removing the temporary file when a signal ends the program ---- */

/* The temporary file being written (the library's tmpfile hook keeps it
   here), for the signal handler: a name, and whether it is current.  */
static char tmpfile_name[PATH_MAX];
static volatile sig_atomic_t tmpfile_current;

static void note_tmpfile(void *opaque, const char *tmp_path)
{
	(void)opaque;
	tmpfile_current = 0;
	if (tmp_path && strlen(tmp_path) < sizeof(tmpfile_name)) {
		strcpy(tmpfile_name, tmp_path);
		tmpfile_current = 1;
	}
}

/* Remove the temporary file, then die of SIG as if unhandled, so the
   parent sees the signal.  Async-signal-safe: unlink, signal, raise.  */
static void die_of_signal(int sig)
{
	if (tmpfile_current)
		unlink(tmpfile_name);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The signals that end a run from outside.  One already ignored (nohup)
   stays ignored.  SIGXFSZ (a file size limit) is ignored instead: the
   write then fails with EFBIG and the usual error path cleans up and
   says "File too large".  */
static void catch_signals(void)
{
	static const int fatal[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = die_of_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		sigaddset(&sa.sa_mask, fatal[i]);
	for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		if (sigaction(fatal[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(fatal[i], &sa, NULL);
	signal(SIGXFSZ, SIG_IGN);
}

/* The progress line on a terminal: "\rportix-mkimage: FILE: NN%".  */
struct progress {
	const char *path;
	int shown;		/* the percentage on screen, -1 for none */
};

static void show_progress(void *opaque, uint64_t done, uint64_t total)
{
	struct progress *p = opaque;
	int percent;

	if (total < PROGRESS_MIN_BYTES)
		return;
	percent = (int)(done * 100 / total);
	if (percent == p->shown)
		return;
	p->shown = percent;
	fprintf(stderr, "\r%s: ", program_name);
	put_escaped(stderr, p->path);
	fprintf(stderr, ": %3d%%", percent);
	fflush(stderr);
}

/* Hand one checked --add argument to the library.  */
static int add_file(struct portix_image *img, char *arg)
{
	char *colon = arg + add_split(arg);
	int rc;

	*colon = '\0';
	rc = portix_image_add_file(img, arg, colon + 1);
	*colon = ':';
	return rc;
}

/* Hand everything to the library, in the order the user would check it:
   settings, then inputs, then the output.  */
static int make_image(struct portix_image *img, const struct options *opts,
		      const struct values *val)
{
	struct progress progress = { opts->output, -1 };
	int rc;

	rc = portix_image_set_size_mb(img, val->size_mb);
	if (rc == PORTIX_OK)
		rc = portix_image_set_epoch(img, val->epoch);
	if (rc == PORTIX_OK)
		rc = portix_image_set_vmdk_format(img, val->vmdk_format);
	if (rc == PORTIX_OK)
		rc = portix_image_set_ventoy_size_mb(img, val->ventoy_mb);
	if (rc == PORTIX_OK && !opts->quiet && isatty(STDERR_FILENO))
		rc = portix_image_set_progress(img, show_progress, &progress);
	if (rc == PORTIX_OK)
		rc = portix_image_set_tmpfile_hook(img, note_tmpfile, NULL);
	if (rc == PORTIX_OK && opts->cmdline)
		rc = portix_image_set_cmdline(img, opts->cmdline);
	if (rc == PORTIX_OK)
		rc = portix_image_set_force_chs(img, opts->force_chs);
	if (rc == PORTIX_OK)
		rc = portix_image_set_no_serial(img, opts->no_serial);
	if (rc == PORTIX_OK)
		rc = portix_image_set_disk_signature(img, val->disk_signature);
	if (rc == PORTIX_OK)
		rc = portix_image_load_stage1(img, opts->boot);
	if (rc == PORTIX_OK)
		rc = portix_image_load_stage2(img, opts->stage2);
	if (rc == PORTIX_OK)
		rc = portix_image_load_kernel(img, opts->kernel);
	if (rc == PORTIX_OK && opts->efi)
		rc = portix_image_load_efi(img, opts->efi);
	for (size_t i = 0; rc == PORTIX_OK && i < opts->n_adds; i++)
		rc = add_file(img, opts->adds[i]);
	if (rc == PORTIX_OK)
		rc = portix_image_write(img, val->mode, opts->output);
	if (progress.shown >= 0)
		fputc('\n', stderr);
	if (rc == PORTIX_OK && opts->verbose) {
		printf("%s: wrote ", program_name);
		put_escaped(stdout, opts->output);
		printf(" (%s, a %llu MiB disk)\n",
		       opts->mode ? opts->mode : "raw",
		       (unsigned long long)val->size_mb);
	}
	return rc;
}

int main(int argc, char **argv)
{
	struct options opts = { 0 };
	struct portix_image *img;
	struct values val;
	int status;

	if (argc > 0)
		argv[0] = program_name;
	status = parse_args(argc, argv, &opts);
	if (status >= 0)
		goto out_free_adds;
	status = EXIT_FAILURE;
	if (!check_values(&opts, &val) || !check_required(&opts) ||
	    !use_installed_pieces(&opts) || !check_output_not_input(&opts))
		goto out_free_adds;

	img = portix_image_new();
	if (!img) {
		report("out of memory");
		goto out_free_adds;
	}
	catch_signals();
	status = EXIT_SUCCESS;
	if (make_image(img, &opts, &val) < 0) {
		report("%s", portix_image_error(img));
		status = EXIT_FAILURE;
	}
	portix_image_free(img);
	/* -v printed on stdout: a lost write is an error too.  */
	if (status == EXIT_SUCCESS && opts.verbose)
		status = cli_close_stdout(program_name);
out_free_adds:
	for (size_t i = 0; i < N_PIECES; i++)
		free(opts.defaults[i]);
	free(opts.default_efi);
	free(opts.adds);
	return status;
}
