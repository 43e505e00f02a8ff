/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* portix-run.c - boot a Portix medium in QEMU.

   Recognise the medium from its content (portix_image_probe), build the
   QEMU command line from the tables below and exec QEMU, which then owns
   the terminal and gives its exit status.  This program is the one place
   that knows how QEMU boots each medium: make run, make debug and the
   testsuite all call it.

   Exit status: QEMU's; 1 for a usage error or a file that is no Portix
   medium; 127 when QEMU cannot be run.  */

#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <portix/image.h>
#include <portix/probe.h>

#include "cli.h"

static char program_name[] = "portix-run";

/* How QEMU takes each medium: its block driver, and whether it is a CD.
   One row per enum portix_mode.  */
static const struct {
	enum portix_mode mode;
	const char *format;
	bool cdrom;
} media[] = {
	{ PORTIX_MODE_RAW, "raw", false },
	{ PORTIX_MODE_ISO, "raw", true },
	{ PORTIX_MODE_VDI, "vdi", false },
	{ PORTIX_MODE_VMDK, "vmdk", false },
	{ PORTIX_MODE_VENTOY_SIM, "raw", false },
};
#define N_MEDIA (sizeof(media) / sizeof(media[0]))

/* Where the medium is attached (--interface).  */
enum interface { IF_IDE, IF_AHCI, IF_VIRTIO, IF_NONE };
static const char *const interface_names[] = {
	[IF_IDE] = "ide", [IF_AHCI] = "ahci", [IF_VIRTIO] = "virtio",
	[IF_NONE] = "none",
};
#define N_INTERFACES (sizeof(interface_names) / sizeof(interface_names[0]))

/* The gdb stub's TCP port when --gdb names none.  */
#define GDB_PORT_DEFAULT "1234"
#define MEMORY_DEFAULT "128M"

struct options {
	const char *medium;
	const char *format;	/* --format, or NULL: recognise */
	enum interface interface;
	const char *memory;
	const char *display;
	const char *log;
	const char *serial;	/* "stdio", "none" or "unix:PATH" */
	const char *monitor;	/* "stdio", "none", "unix:PATH"; NULL: auto */
	const char *qmp;	/* "unix:PATH" or NULL */
	const char *gdb;	/* port or socket path, or NULL */
	const char *qemu;
	bool snapshot;
	bool uefi;
	bool dry_run;
	char **extra;		/* after "--" */
	int n_extra;
};

enum {
	OPT_DISPLAY = 256,
	OPT_SERIAL,
	OPT_MONITOR,
	OPT_QMP,
	OPT_GDB,
	OPT_SNAPSHOT,
	OPT_QEMU,
	OPT_UEFI,
	OPT_HELP,
	OPT_VERSION
};

static const struct option long_options[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "interface", required_argument, NULL, 'i' },
	{ "memory", required_argument, NULL, 'm' },
	{ "log", required_argument, NULL, 'l' },
	{ "display", required_argument, NULL, OPT_DISPLAY },
	{ "serial", required_argument, NULL, OPT_SERIAL },
	{ "monitor", required_argument, NULL, OPT_MONITOR },
	{ "qmp", required_argument, NULL, OPT_QMP },
	{ "gdb", optional_argument, NULL, OPT_GDB },
	{ "snapshot", no_argument, NULL, OPT_SNAPSHOT },
	{ "qemu", required_argument, NULL, OPT_QEMU },
	{ "uefi", no_argument, NULL, OPT_UEFI },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 }
};

static void die_nomem(void)
{
	fprintf(stderr, "%s: out of memory\n", program_name);
	exit(EXIT_FAILURE);
}

static int print_help(void)
{
	printf("Usage: %s [OPTION]... MEDIUM [-- QEMU-ARG...]\n",
	       program_name);
	printf("Boot the Portix medium MEDIUM in QEMU: a raw disk image, an ISO, a VDI,\n"
	       "a VMDK or a ventoy-sim disk, recognised from its content.\n"
	       "\n"
	       "  -f, --format=MODE     take MEDIUM as MODE, unchecked (raw, iso, vdi,\n"
	       "                          vmdk, ventoy-sim)\n"
	       "  -i, --interface=IF    attach MEDIUM to ide (default), ahci or virtio;\n"
	       "                          none attaches nothing (MEDIUM may then be\n"
	       "                          left out; give drives after --)\n"
	       "  -m, --memory=SIZE     guest memory, as QEMU's -m (default: %s)\n"
	       "      --display=TYPE    QEMU display: none (default), gtk, sdl, curses...\n"
	       "  -l, --log=FILE        copy the serial console into FILE\n"
	       "      --serial=WHERE    the serial console on stdio (default), none, or\n"
	       "                          unix:PATH (a socket QEMU listens on)\n"
	       "      --monitor=WHERE   QEMU's monitor on stdio (Ctrl-A C; the default\n"
	       "                          with --serial=stdio), none, or unix:PATH\n"
	       "      --qmp=unix:PATH   a QMP socket\n"
	       "      --gdb[=PORT|PATH] start halted with a gdb stub on TCP PORT of\n"
	       "                          127.0.0.1 (default %s) or the UNIX socket\n"
	       "                          PATH, and print the gdb command to attach\n"
	       "      --snapshot        throw away what the guest writes to MEDIUM\n"
	       "      --uefi            boot under UEFI firmware (OVMF: $PORTIX_OVMF,\n"
	       "                          else %s), not the BIOS\n"
	       "      --qemu=PROGRAM    the QEMU to run (default: $PORTIX_QEMU, else\n"
	       "                          qemu-system-x86_64 from PATH)\n"
	       "  -n, --dry-run         print the QEMU command line instead of running it\n"
	       "      --help            display this help and exit\n"
	       "      --version         output version information and exit\n"
	       "\n"
	       "Arguments after -- go to QEMU as they are.  On the terminal, Ctrl-A X\n"
	       "quits QEMU.  Exit status is QEMU's; 1 for a usage error or a file that\n"
	       "is no Portix medium, 127 when QEMU cannot be run.\n"
	       "\n"
	       "gdb reads the kernel's symbols from %s/kernel.elf\n"
	       "(PORTIX_LIBDIR overrides the directory).\n"
	       "\n",
	       MEMORY_DEFAULT, GDB_PORT_DEFAULT,
	       *PORTIX_OVMF_DEFAULT ? PORTIX_OVMF_DEFAULT : "none found by configure",
	       PORTIX_PKGLIBDIR);
	cli_print_bug_report();
	return cli_close_stdout(program_name);
}

/* Whether WHERE is stdio, none or unix:PATH.  */
static bool endpoint_ok(const char *where, bool stdio_ok)
{
	return (stdio_ok && strcmp(where, "stdio") == 0) ||
	       strcmp(where, "none") == 0 ||
	       (strncmp(where, "unix:", 5) == 0 && where[5] != '\0');
}

/* Check what getopt cannot.  */
static bool check_options(struct options *opts)
{
	if (!endpoint_ok(opts->serial, true)) {
		fprintf(stderr, "%s: --serial=%s: expected stdio, none or unix:PATH\n",
			program_name, opts->serial);
		return false;
	}
	if (opts->monitor && !endpoint_ok(opts->monitor, true)) {
		fprintf(stderr, "%s: --monitor=%s: expected stdio, none or unix:PATH\n",
			program_name, opts->monitor);
		return false;
	}
	if (opts->monitor && strcmp(opts->monitor, "stdio") == 0 &&
	    strcmp(opts->serial, "stdio") != 0) {
		fprintf(stderr, "%s: --monitor=stdio needs --serial=stdio (they share the terminal)\n",
			program_name);
		return false;
	}
	if (opts->qmp && (strncmp(opts->qmp, "unix:", 5) != 0 ||
			  opts->qmp[5] == '\0')) {
		fprintf(stderr, "%s: --qmp=%s: expected unix:PATH\n",
			program_name, opts->qmp);
		return false;
	}
	if (opts->gdb && opts->gdb[0] == '\0') {
		fprintf(stderr, "%s: --gdb=: give a port or a socket path\n",
			program_name);
		return false;
	}
	if (!opts->medium && opts->interface != IF_NONE) {
		fprintf(stderr, "%s: missing MEDIUM\n", program_name);
		cli_try_help(program_name);
		return false;
	}
	return true;
}

static bool parse_interface(const char *name, enum interface *interface)
{
	for (size_t i = 0; i < N_INTERFACES; i++)
		if (strcmp(name, interface_names[i]) == 0) {
			*interface = (enum interface)i;
			return true;
		}
	fprintf(stderr, "%s: unknown interface '%s' (known: ide ahci virtio none)\n",
		program_name, name);
	return false;
}

/* Parse the command line into OPTS.  Return -1 to go on, or the exit
   status (after --help, --version or a usage error).  */
static int parse_args(int argc, char **argv, struct options *opts)
{
	int c, n_own = 1;

	/* QEMU's arguments start after the first "--": getopt sees only
	   what comes before.  */
	while (n_own < argc && strcmp(argv[n_own], "--") != 0)
		n_own++;
	if (n_own < argc) {
		opts->extra = argv + n_own + 1;
		opts->n_extra = argc - n_own - 1;
	}
	while ((c = getopt_long(n_own, argv, "f:i:m:l:n", long_options,
				NULL)) != -1) {
		switch (c) {
		case 'f':
			opts->format = optarg;
			break;
		case 'i':
			if (!parse_interface(optarg, &opts->interface))
				return EXIT_FAILURE;
			break;
		case 'm':
			opts->memory = optarg;
			break;
		case 'l':
			opts->log = optarg;
			break;
		case OPT_DISPLAY:
			opts->display = optarg;
			break;
		case OPT_SERIAL:
			opts->serial = optarg;
			break;
		case OPT_MONITOR:
			opts->monitor = optarg;
			break;
		case OPT_QMP:
			opts->qmp = optarg;
			break;
		case OPT_GDB:
			opts->gdb = optarg ? optarg : GDB_PORT_DEFAULT;
			break;
		case OPT_SNAPSHOT:
			opts->snapshot = true;
			break;
		case OPT_UEFI:
			opts->uefi = true;
			break;
		case OPT_QEMU:
			opts->qemu = optarg;
			break;
		case 'n':
			opts->dry_run = true;
			break;
		case OPT_HELP:
			return print_help();
		case OPT_VERSION:
			return cli_print_version(program_name);
		default:
			cli_try_help(program_name);
			return EXIT_FAILURE;
		}
	}
	if (optind < n_own)
		opts->medium = argv[optind++];
	if (optind < n_own) {
		fprintf(stderr, "%s: unexpected argument '%s' (QEMU's arguments go after --)\n",
			program_name, argv[optind]);
		cli_try_help(program_name);
		return EXIT_FAILURE;
	}
	return check_options(opts) ? -1 : EXIT_FAILURE;
}

/* The QEMU command line being built.  */
struct cmd {
	char **argv;
	size_t n, cap;
};

static void add(struct cmd *cmd, const char *arg)
{
	if (cmd->n + 2 > cmd->cap) {
		size_t cap = cmd->cap ? cmd->cap * 2 : 64;
		char **argv = realloc(cmd->argv, cap * sizeof(*argv));

		if (!argv)
			die_nomem();
		cmd->argv = argv;
		cmd->cap = cap;
	}
	cmd->argv[cmd->n] = strdup(arg);
	if (!cmd->argv[cmd->n])
		die_nomem();
	cmd->argv[++cmd->n] = NULL;
}

/* Free what add() and addf() allocated.  */
static void cmd_free(struct cmd *cmd)
{
	for (size_t i = 0; i < cmd->n; i++)
		free(cmd->argv[i]);
	free(cmd->argv);
	cmd->argv = NULL;
	cmd->n = cmd->cap = 0;
}

static void addf(struct cmd *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void addf(struct cmd *cmd, const char *fmt, ...)
{
	va_list ap;
	char *arg;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	arg = malloc((size_t)len + 1);
	if (!arg)
		die_nomem();
	va_start(ap, fmt);
	vsnprintf(arg, (size_t)len + 1, fmt, ap);
	va_end(ap);
	add(cmd, arg);
	free(arg);
}

/* PATH as a value in a QEMU option list, where ',' is written ",,".
   The result is malloc'd.  */
static char *qemu_quote(const char *path)
{
	char *out = malloc(strlen(path) * 2 + 1);
	char *p = out;

	if (!out)
		die_nomem();
	for (; *path; path++) {
		*p++ = *path;
		if (*path == ',')
			*p++ = ',';
	}
	*p = '\0';
	return out;
}

/* Recognise the medium (or take --format's word for it): its row in
   media[], or -1 after a message.  */
static int medium_row(const struct options *opts)
{
	struct portix_image *img;
	enum portix_mode mode;
	int rc;

	if (opts->format) {
		if (portix_mode_by_name(opts->format, &mode) < 0) {
			fprintf(stderr, "%s: unknown format '%s' (known:",
				program_name, opts->format);
			for (int m = 0; portix_mode_name((enum portix_mode)m); m++)
				fprintf(stderr, " %s",
					portix_mode_name((enum portix_mode)m));
			fprintf(stderr, ")\n");
			return -1;
		}
	} else {
		img = portix_image_new();
		if (!img)
			die_nomem();
		rc = portix_image_probe(img, opts->medium, &mode);
		if (rc < 0)
			fprintf(stderr, "%s: %s\n", program_name,
				portix_image_error(img));
		portix_image_free(img);
		if (rc < 0)
			return -1;
	}
	for (size_t i = 0; i < N_MEDIA; i++)
		if (media[i].mode == mode)
			return (int)i;
	fprintf(stderr, "%s: %s: no way to boot a %s medium\n", program_name,
		opts->medium, portix_mode_name(mode));
	return -1;
}

/* Attach the medium of row ROW as the options say.  */
static bool add_medium(struct cmd *cmd, const struct options *opts, int row)
{
	const char *format = media[row].format;
	bool cdrom = media[row].cdrom;
	const char *snapshot = opts->snapshot && !cdrom ? ",snapshot=on" : "";
	char *file = qemu_quote(opts->medium);

	switch (opts->interface) {
	case IF_IDE:
		/* What -hda and -cdrom do: the first disk, or the CD drive
		   on the secondary channel.  */
		add(cmd, "-drive");
		addf(cmd, "file=%s,format=%s,if=ide,index=%d,media=%s%s", file,
		     format, cdrom ? 2 : 0, cdrom ? "cdrom" : "disk", snapshot);
		break;
	case IF_AHCI:
		add(cmd, "-device");
		add(cmd, "ahci,id=portix-ahci");
		add(cmd, "-drive");
		addf(cmd, "id=portix-medium,file=%s,format=%s,if=none%s%s", file,
		     format, cdrom ? ",media=cdrom" : "", snapshot);
		add(cmd, "-device");
		addf(cmd, "%s,drive=portix-medium,bus=portix-ahci.0",
		     cdrom ? "ide-cd" : "ide-hd");
		break;
	case IF_VIRTIO:
		if (cdrom) {
			fprintf(stderr, "%s: %s: a CD image cannot be attached as virtio (use ide or ahci)\n",
				program_name, opts->medium);
			free(file);
			return false;
		}
		add(cmd, "-drive");
		addf(cmd, "file=%s,format=%s,if=virtio%s", file, format,
		     snapshot);
		break;
	case IF_NONE:
		break;
	}
	free(file);
	return true;
}

/* COM1, and QEMU's monitor when it shares the terminal.  */
static void add_serial(struct cmd *cmd, const struct options *opts)
{
	char *log = opts->log ? qemu_quote(opts->log) : NULL;
	const char *logfile = log ? ",logfile=" : "";
	const char *logpath = log ? log : "";

	add(cmd, "-chardev");
	if (strcmp(opts->serial, "stdio") == 0) {
		/* mux: Ctrl-A X quits, Ctrl-A C switches to the monitor.  */
		addf(cmd, "stdio,id=com1,mux=on,signal=off%s%s", logfile,
		     logpath);
	} else if (strncmp(opts->serial, "unix:", 5) == 0) {
		char *path = qemu_quote(opts->serial + 5);

		addf(cmd, "socket,id=com1,path=%s,server=on,wait=off%s%s", path,
		     logfile, logpath);
		free(path);
	} else if (log) {
		addf(cmd, "file,id=com1,path=%s", log);
	} else {
		add(cmd, "null,id=com1");
	}
	add(cmd, "-serial");
	add(cmd, "chardev:com1");
	free(log);
}

/* The monitor: on the terminal by default when the serial console is
   there, else only where asked.  */
static void add_monitor(struct cmd *cmd, const struct options *opts)
{
	const char *monitor = opts->monitor;

	if (!monitor)
		monitor = strcmp(opts->serial, "stdio") == 0 ? "stdio" : "none";
	if (strcmp(monitor, "stdio") == 0) {
		add(cmd, "-mon");
		add(cmd, "chardev=com1,mode=readline");
	} else if (strncmp(monitor, "unix:", 5) == 0) {
		char *path = qemu_quote(monitor + 5);

		add(cmd, "-monitor");
		addf(cmd, "unix:%s,server=on,wait=off", path);
		free(path);
	}
	if (opts->qmp) {
		char *path = qemu_quote(opts->qmp + 5);

		add(cmd, "-qmp");
		addf(cmd, "unix:%s,server=on,wait=off", path);
		free(path);
	}
}

/* Whether --gdb named a TCP port (digits only) rather than a socket.  */
static bool gdb_is_port(const char *gdb)
{
	return gdb[strspn(gdb, "0123456789")] == '\0';
}

/* The gdb stub, QEMU halted before the BIOS runs.  */
static void add_gdb(struct cmd *cmd, const struct options *opts)
{
	add(cmd, "-S");
	if (gdb_is_port(opts->gdb)) {
		add(cmd, "-gdb");
		addf(cmd, "tcp:127.0.0.1:%s", opts->gdb);
	} else {
		char *path = qemu_quote(opts->gdb);

		add(cmd, "-chardev");
		addf(cmd, "socket,id=gdb,path=%s,server=on,wait=off", path);
		add(cmd, "-gdb");
		add(cmd, "chardev:gdb");
		free(path);
	}
}

/* Say how to attach gdb, on stderr (stdout may be the guest's).  The
   breakpoint is a hardware one: stage 2 copies the kernel in after gdb
   connects, over a software breakpoint's INT3.  */
static void print_gdb_hint(const struct options *opts)
{
	const char *dir = getenv("PORTIX_LIBDIR");

	fprintf(stderr,
		"%s: QEMU waits for gdb; attach with:\n"
		"  gdb -ex 'target remote %s%s' -ex 'hbreak kmain' -ex continue %s/kernel.elf\n",
		program_name, gdb_is_port(opts->gdb) ? "127.0.0.1:" : "",
		opts->gdb, dir && *dir ? dir : PORTIX_PKGLIBDIR);
}

/* WORD as the shell would need it quoted.  */
static void print_quoted(const char *word)
{
	/* A tilde is special to the shell at the start of a word and, in
	   words that look like assignments, after '=' or ':'.  */
	if (*word && *word != '~' && !strstr(word, "=~") &&
	    !strstr(word, ":~") &&
	    strspn(word, "abcdefghijklmnopqrstuvwxyz"
			 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
			 "_-+=,.:/@%~") == strlen(word)) {
		fputs(word, stdout);
		return;
	}
	putchar('\'');
	for (; *word; word++) {
		if (*word == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*word);
	}
	putchar('\'');
}

/* The UEFI firmware: a whole image (-bios), or a CODE file whose VARS
   file is beside it (two pflash drives; the variables in a snapshot,
   so the firmware's writes go nowhere).  False after a message.  */
static bool add_uefi(struct cmd *cmd)
{
	const char *env = getenv("PORTIX_OVMF");
	const char *fw = env && *env ? env : PORTIX_OVMF_DEFAULT;
	const char *base = strrchr(fw, '/');
	const char *code;
	char *q, *vars;

	if (!*fw) {
		fprintf(stderr, "%s: --uefi: no UEFI firmware (install ovmf, or set PORTIX_OVMF to OVMF.fd or OVMF_CODE.fd)\n",
			program_name);
		return false;
	}
	if (access(fw, R_OK) != 0) {
		fprintf(stderr, "%s: --uefi: %s: %s\n", program_name, fw,
			strerror(errno));
		return false;
	}
	code = strstr(base ? base : fw, "_CODE");
	if (!code) {
		add(cmd, "-bios");
		add(cmd, fw);
		return true;
	}
	q = qemu_quote(fw);
	add(cmd, "-drive");
	addf(cmd, "if=pflash,format=raw,unit=0,readonly=on,file=%s", q);
	vars = strdup(fw);
	if (!vars)
		die_nomem();
	memcpy(vars + (code - fw), "_VARS", 5);
	free(q);
	q = qemu_quote(vars);
	add(cmd, "-drive");
	addf(cmd, "if=pflash,format=raw,unit=1,snapshot=on,file=%s", q);
	free(q);
	free(vars);
	return true;
}

static void build(struct cmd *cmd, const struct options *opts)
{
	add(cmd, opts->qemu);
	add(cmd, "-nodefaults");
	add(cmd, "-no-reboot");
	add(cmd, "-m");
	add(cmd, opts->memory);
	add(cmd, "-vga");
	add(cmd, "std");
	add(cmd, "-display");
	add(cmd, opts->display);
	/* The kernel's debug-exit: QEMU exits with (value << 1) | 1.  */
	add(cmd, "-device");
	add(cmd, "isa-debug-exit,iobase=0xf4,iosize=0x04");
	add_serial(cmd, opts);
	add_monitor(cmd, opts);
	if (opts->gdb)
		add_gdb(cmd, opts);
}

int main(int argc, char **argv)
{
	struct options opts = {
		.memory = MEMORY_DEFAULT,
		.display = "none",
		.serial = "stdio",
	};
	struct cmd cmd = { 0 };
	const char *env_qemu = getenv("PORTIX_QEMU");
	int status, row = -1;

	if (argc > 0)
		argv[0] = program_name;
	status = parse_args(argc, argv, &opts);
	if (status >= 0)
		return status;
	if (!opts.qemu)
		opts.qemu = env_qemu && *env_qemu ? env_qemu
						  : "qemu-system-x86_64";
	if (opts.medium) {
		row = medium_row(&opts);
		if (row < 0)
			return EXIT_FAILURE;
	}
	build(&cmd, &opts);
	if (opts.uefi && !add_uefi(&cmd))
		goto out_free_cmd;
	if (row >= 0 && opts.interface != IF_NONE &&
	    !add_medium(&cmd, &opts, row))
		goto out_free_cmd;
	for (int i = 0; i < opts.n_extra; i++)
		add(&cmd, opts.extra[i]);

	if (opts.dry_run) {
		for (size_t i = 0; i < cmd.n; i++) {
			if (i)
				putchar(' ');
			print_quoted(cmd.argv[i]);
		}
		putchar('\n');
		cmd_free(&cmd);
		return cli_close_stdout(program_name);
	}
	if (opts.gdb)
		print_gdb_hint(&opts);
	fflush(stderr);
	execvp(cmd.argv[0], cmd.argv);
	fprintf(stderr, "%s: %s: cannot run: %s%s\n", program_name,
		cmd.argv[0], strerror(errno),
		errno == ENOENT ? " (install QEMU: the package qemu-system-x86"
				  " on Debian and Ubuntu, qemu-system-x86-core"
				  " on Fedora; or give --qemu=PROGRAM)" : "");
	cmd_free(&cmd);
	return 127;

out_free_cmd:
	cmd_free(&cmd);
	return EXIT_FAILURE;
}
