/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-boot-headers.c - libFuzzer target: the boot protocol's headers,
   where each side checks what the other wrote.

   The same bytes are given to libportix as stage 1, stage 2 (its
   header: magic, version, size) and the kernel, each from a file
   (a memfd), and to the kernel as the boot-info block stage 2 hands it
   (kernel/boot/bootinfo.c: copy, check, print) followed by its command
   line parser (kernel/boot/cmdline.c), asked for words taken from the
   input.  bootinfo_check() panics on a bad block: the shim's panic
   returns here, which is a result, not a finding.  */

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <portix/boot.h>
#include <portix/image.h>

#include "boot/bootinfo.h"
#include "boot/cmdline.h"
#include "kernel-shim.h"

static void load_pieces(const uint8_t *data, size_t size)
{
	struct portix_image *img = portix_image_new();
	char path[64];
	int fd = memfd_create("fuzz-boot-headers", 0);

	if (!img || fd < 0 || write(fd, data, size) != (ssize_t)size)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	portix_image_load_stage1(img, path);
	portix_image_load_stage2(img, path);
	portix_image_load_kernel(img, path);
	/* The error message must always be a string.  */
	if (strlen(portix_image_error(img)) > 4096)
		abort();
	close(fd);
	portix_image_free(img);
}

static void check_bootinfo(const uint8_t *data, size_t size)
{
	struct portix_boot_info *raw = calloc(1, sizeof(*raw));
	char key[9], value[64];

	if (!raw)
		abort();
	memcpy(raw, data, size < sizeof(*raw) ? size : sizeof(*raw));
	if (bootinfo_copy(raw))
		(void)bootinfo_wants_serial();
	if (setjmp(shim_panic_jump) == 0) {
		bootinfo_check();
		bootinfo_print();
		cmdline_init(bootinfo()->cmdline);
		/* Keys and flags: the input's first bytes, as words.  */
		memcpy(key, data, size < 8 ? size : 8);
		key[size < 8 ? size : 8] = '\0';
		(void)cmdline_has_flag(key);
		(void)cmdline_get_value(key, value, sizeof(value));
		(void)cmdline_get_value("console", value, 1);
	}
	free(raw);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	load_pieces(data, size);
	check_bootinfo(data, size);
	return 0;
}
