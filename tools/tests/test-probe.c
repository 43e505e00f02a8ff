/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-probe.c - check portix_image_probe() and the mode names.

   usage: test-probe SCRATCH-DIR BOOT.BIN STAGE2.BIN KERNEL.BIN
   Writes every medium with libportix into SCRATCH-DIR and checks that
   the probe names it; then damages copies (the stage 2 magic, the El
   Torito boot record, a VDI's block map, the chain-loaded partition)
   and checks they are refused with PORTIX_EINVAL and a message naming
   the file, and that a missing file is PORTIX_EIO.  Prints "PASS: name"
   or "FAIL: name ..." per check (probe-unit.exp reads them).  */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <portix/image.h>
#include <portix/layout.h>
#include <portix/probe.h>

static int failures;
static const char *dir;

static void check(const char *name, int ok, const char *detail)
{
	if (ok) {
		printf("PASS: %s\n", name);
	} else {
		printf("FAIL: %s (%s)\n", name, detail);
		failures++;
	}
}

static char *path_of(const char *name)
{
	size_t size = strlen(dir) + strlen(name) + 2;
	char *path = malloc(size);

	if (!path) {
		perror("malloc");
		exit(2);
	}
	snprintf(path, size, "%s/%s", dir, name);
	return path;
}

/* Overwrite LEN bytes at OFFSET of the file PATH with BYTE.  */
static void poke(const char *path, long offset, int byte, size_t len)
{
	FILE *f = fopen(path, "r+b");

	if (!f || fseek(f, offset, SEEK_SET) != 0) {
		perror(path);
		exit(2);
	}
	while (len--)
		fputc(byte, f);
	if (fclose(f) != 0) {
		perror(path);
		exit(2);
	}
}

/* Probe PATH; check the return code is WANT_RC and, on success, the mode
   is WANT_MODE; on failure, that the message starts with PATH and holds
   WANT_TEXT.  */
static void check_probe(struct portix_image *img, const char *name,
			const char *path, int want_rc,
			enum portix_mode want_mode, const char *want_text)
{
	enum portix_mode mode = (enum portix_mode)-1;
	int rc = portix_image_probe(img, path, &mode);
	const char *msg = portix_image_error(img);
	char detail[1024];

	snprintf(detail, sizeof(detail), "rc %d, mode %s, message \"%s\"", rc,
		 portix_mode_name(mode) ? portix_mode_name(mode) : "none",
		 msg);
	if (want_rc == PORTIX_OK)
		check(name, rc == PORTIX_OK && mode == want_mode &&
		      msg[0] == '\0', detail);
	else
		check(name, rc == want_rc &&
		      strncmp(msg, path, strlen(path)) == 0 &&
		      strstr(msg, want_text) != NULL, detail);
}

int main(int argc, char **argv)
{
	struct portix_image *img;
	enum portix_mode mode;
	char *path[5];

	if (argc != 5) {
		fprintf(stderr, "usage: %s SCRATCH-DIR BOOT STAGE2 KERNEL\n",
			argv[0]);
		return 2;
	}
	dir = argv[1];
	img = portix_image_new();
	if (!img || portix_image_load_stage1(img, argv[2]) < 0 ||
	    portix_image_load_stage2(img, argv[3]) < 0 ||
	    portix_image_load_kernel(img, argv[4]) < 0) {
		fprintf(stderr, "cannot load the pieces: %s\n",
			img ? portix_image_error(img) : "out of memory");
		return 2;
	}

	/* Names: every mode has one, and it leads back to the mode.  */
	for (int m = 0; portix_mode_name((enum portix_mode)m); m++) {
		int ok = portix_mode_by_name(portix_mode_name(
						     (enum portix_mode)m),
					     &mode) == PORTIX_OK &&
			 mode == (enum portix_mode)m;

		check(portix_mode_name((enum portix_mode)m), ok,
		      "portix_mode_by_name does not lead back");
	}
	check("five modes", portix_mode_name(PORTIX_MODE_VENTOY_SIM) &&
	      !portix_mode_name(PORTIX_MODE_VENTOY_SIM + 1), "count");
	check("unknown name", portix_mode_by_name("floppy", &mode) ==
	      PORTIX_EINVAL, "accepted");

	/* Every medium the library writes is recognised.  */
	for (int m = 0; m <= PORTIX_MODE_VENTOY_SIM; m++) {
		char name[64];

		path[m] = path_of(portix_mode_name((enum portix_mode)m));
		if (portix_image_write(img, (enum portix_mode)m, path[m]) < 0) {
			fprintf(stderr, "%s\n", portix_image_error(img));
			return 2;
		}
		snprintf(name, sizeof(name), "probe %s",
			 portix_mode_name((enum portix_mode)m));
		check_probe(img, name, path[m], PORTIX_OK,
			    (enum portix_mode)m, "");
	}
	if (portix_image_set_vmdk_format(img, PORTIX_VMDK_STREAM_OPTIMIZED) < 0 ||
	    portix_image_write(img, PORTIX_MODE_VMDK, path[PORTIX_MODE_VMDK]) < 0)
		return 2;
	check_probe(img, "probe stream-optimized vmdk", path[PORTIX_MODE_VMDK],
		    PORTIX_OK, PORTIX_MODE_VMDK, "");

	/* Damaged media are refused, saying what was found.  */
	poke(path[PORTIX_MODE_RAW],
	     PORTIX_STAGE2_LBA * PORTIX_SECTOR_SIZE + PORTIX_S2_HDR_MAGIC, 0, 1);
	check_probe(img, "raw without stage 2 magic", path[PORTIX_MODE_RAW],
		    PORTIX_EINVAL, 0, "not a Portix medium");
	poke(path[PORTIX_MODE_ISO],
	     PORTIX_ISO_BOOT_RECORD_LBA * PORTIX_ISO_SECTOR_SIZE + 7, 'X', 1);
	check_probe(img, "iso without El Torito", path[PORTIX_MODE_ISO],
		    PORTIX_EINVAL, 0, "El Torito");
	/* The VDI's block map: at the offset the header gives (0x154).  */
	poke(path[PORTIX_MODE_VDI], 0x200, 0xFF, 4);
	check_probe(img, "vdi without its first block", path[PORTIX_MODE_VDI],
		    PORTIX_EINVAL, 0, "a VDI image");
	poke(path[PORTIX_MODE_VENTOY_SIM], PORTIX_MBR_PARTITION_TABLE, 0, 16);
	check_probe(img, "ventoy-sim without its partition",
		    path[PORTIX_MODE_VENTOY_SIM], PORTIX_EINVAL, 0, "MBR");
	{
		char *empty = path_of("empty");
		FILE *f = fopen(empty, "wb");

		if (!f || fclose(f) != 0)
			return 2;
		check_probe(img, "empty file", empty, PORTIX_EINVAL, 0,
			    "not a Portix medium");
		free(empty);
	}
	{
		char *missing = path_of("missing");

		check_probe(img, "missing file", missing, PORTIX_EIO, 0,
			    "cannot open");
		free(missing);
	}

	for (int m = 0; m <= PORTIX_MODE_VENTOY_SIM; m++)
		free(path[m]);
	portix_image_free(img);
	return failures ? 1 : 0;
}
