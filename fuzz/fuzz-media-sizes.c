/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fuzz-media-sizes.c - libFuzzer target: the medium writers' size
   arithmetic (tools/libportix/write-*.c).

   The input picks a medium, a disk size (mostly small, often at or near
   the medium's limit, sometimes beyond it), a ventoy-sim disk size, a
   VMDK subformat and the kernel's bytes.  The medium is written into a
   scratch directory and judged by what its header must say: a size over
   portix_image_max_size_mb() is refused with PORTIX_ENOSPC and writes
   nothing; otherwise the write succeeds and the raw disk has the size
   asked, the VDI its header, signature and a first block offset past
   its map, the VMDK its magic and capacity, the ISO its volume
   descriptor.  Any difference aborts.  */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <portix/image.h>
#include <portix/layout.h>

#include "fuzz-boot-pieces.h"

#define MIB 1048576ull
/* The largest disk written (see pick_mb).  */
#define LIGHT_MB 2048ull

static char scratch[] = "/tmp/fuzz-media-XXXXXX";
static char boot[64], stage2[64], kernel[64], out[64];

/* At exit: the scratch directory goes.  */
static void remove_scratch(void)
{
	unlink(out);
	unlink(kernel);
	unlink(stage2);
	unlink(boot);
	rmdir(scratch);
}

static void setup(void)
{
	if (!mkdtemp(scratch) || atexit(remove_scratch) != 0)
		abort();
	snprintf(boot, sizeof(boot), "%s/b", scratch);
	snprintf(stage2, sizeof(stage2), "%s/s", scratch);
	snprintf(kernel, sizeof(kernel), "%s/k", scratch);
	snprintf(out, sizeof(out), "%s/out", scratch);
	fuzz_put_boot_pieces(boot, stage2);
}

static uint64_t get64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

/* A size in MiB from 9 input bytes: small, just under or over the
   limit, anywhere in range, or anything.  A disk of a TiB takes tens of
   seconds under the sanitizers (formatting its FAT, walking its VMDK
   grains): in range, sizes stay within LIGHT, while the refusals just
   over the real limit are still tried.  */
static uint64_t pick_mb(const uint8_t *p, uint64_t max, uint64_t light)
{
	uint64_t v = get64(p + 1);
	uint64_t top = max < light ? max : light;

	switch (p[0] % 4) {
	case 0:
		return PORTIX_DISK_MB_MIN + v % 64;
	case 1:
		/* max - 3 .. max + 4 */
		return (p[0] & 4 ? max + 1 + v % 4 : top - v % 4);
	case 2:
		return PORTIX_DISK_MB_MIN + v % (top - PORTIX_DISK_MB_MIN + 1);
	default:
		return v > top && v <= max ? top : v;
	}
}

static void judge(enum portix_mode mode, uint64_t size_mb)
{
	uint8_t h[0x200] = { 0 };
	struct stat st;
	FILE *f = fopen(out, "rb");

	if (!f || fread(h, 1, sizeof(h), f) == 0 || fstat(fileno(f), &st))
		abort();
	switch (mode) {
	case PORTIX_MODE_RAW:
		if ((uint64_t)st.st_size != size_mb * MIB || h[510] != 0x55)
			abort();
		break;
	case PORTIX_MODE_VDI:
		/* Signature, disk size, block map at 0x200, data after it.  */
		if (memcmp(h, "<<< Oracle VM VirtualBox Disk Image >>>", 39) ||
		    get64(h + 0x170) != size_mb * MIB ||
		    (h[0x158] | h[0x159] << 8 | h[0x15A] << 16 |
		     (uint32_t)h[0x15B] << 24) < 0x200 + size_mb * 4)
			abort();
		break;
	case PORTIX_MODE_VMDK:
		if (memcmp(h, "KDMV", 4) || get64(h + 12) != size_mb * 2048)
			abort();
		break;
	case PORTIX_MODE_ISO:
		if (fseek(f, 16 * 2048, SEEK_SET) ||
		    fread(h, 1, 8, f) != 8 || memcmp(h, "\1CD001\1", 7))
			abort();
		break;
	default:
		break;
	}
	fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum portix_mode modes[] = {
		PORTIX_MODE_RAW, PORTIX_MODE_ISO, PORTIX_MODE_VDI,
		PORTIX_MODE_VMDK, PORTIX_MODE_VENTOY_SIM,
	};
	struct portix_image *img;
	enum portix_mode mode;
	uint64_t size_mb, max;
	int rc;

	if (size < 20)
		return 0;
	if (!boot[0])
		setup();
	mode = modes[data[0] % 5];
	max = portix_image_max_size_mb(mode);
	size_mb = pick_mb(data + 1, max, LIGHT_MB);
	fuzz_put_file(kernel, data + 19, size - 19 > 4096 ? 4096 : size - 19);
	img = portix_image_new();
	if (!img)
		abort();
	portix_image_load_stage1(img, boot);
	portix_image_load_stage2(img, stage2);
	if (portix_image_load_kernel(img, kernel) < 0 ||
	    portix_image_set_size_mb(img, size_mb) < 0) {
		portix_image_free(img);
		return 0;
	}
	portix_image_set_vmdk_format(img, data[10] & 1 ?
				     PORTIX_VMDK_STREAM_OPTIMIZED :
				     PORTIX_VMDK_MONOLITHIC_SPARSE);
	portix_image_set_ventoy_size_mb(img, data[11] & 1 ?
					size_mb + data[12] : 0);
	rc = portix_image_write(img, mode, out);
	if (size_mb > max) {
		if (rc != PORTIX_ENOSPC || access(out, F_OK) == 0)
			abort();
	} else if (rc == PORTIX_OK) {
		judge(mode, size_mb);
	} else if (!(mode == PORTIX_MODE_VENTOY_SIM && rc == PORTIX_ENOSPC) &&
		   !(rc == PORTIX_EIO)) {
		/* Only a ventoy-sim disk asked too small may be refused,
		   or the host's file system may say no (EFBIG).  */
		fprintf(stderr, "fuzz-media-sizes: %s\n",
			portix_image_error(img));
		abort();
	}
	unlink(out);
	portix_image_free(img);
	return 0;
}
