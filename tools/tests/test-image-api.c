/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* test-image-api.c - check libportix's return codes and handle rules.

   usage: test-image-api SCRATCH-DIR
   The program's tests see only exit status 1; this one checks what the
   header promises a library user: each function's return code, that the
   message is "" after a success, that a failed load leaves the handle as
   it was, and that one handle writes several images.  It makes its own
   small input files in SCRATCH-DIR and prints "PASS: name" or "FAIL:
   name ..." per check (image-api-unit.exp reads them).  */

#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <portix/image.h>
#include <portix/layout.h>

#define S2_BYTES (PORTIX_STAGE2_SECTORS * PORTIX_SECTOR_SIZE)
#define KERNEL_MAX_BYTES (PORTIX_KERNEL_MAX_SECTORS * PORTIX_SECTOR_SIZE)

static int failures;
static const char *dir;

static void check(const char *name, int ok, const struct portix_image *img)
{
	if (ok) {
		printf("PASS: %s\n", name);
	} else {
		printf("FAIL: %s (message: \"%s\")\n", name,
		       img ? portix_image_error(img) : "");
		failures++;
	}
}

/* Check RC is WANT and the message is "" exactly when RC is PORTIX_OK.  */
static void check_rc(const char *name, int rc, int want,
		     const struct portix_image *img)
{
	const char *msg = portix_image_error(img);
	int msg_ok = (rc == PORTIX_OK) == (msg[0] == '\0');

	check(name, rc == want && msg_ok, img);
}

static char *path_of(const char *name)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "%s/%s", dir, name);
	return buf;
}

/* Write LEN bytes of BYTE to the scratch file NAME; return its path.  */
static const char *make_file(const char *name, size_t len, int byte,
			     void (*fix)(unsigned char *, size_t))
{
	unsigned char *data = malloc(len ? len : 1);
	const char *path = path_of(name);
	FILE *f;

	if (!data) {
		perror("malloc");
		exit(2);
	}
	memset(data, byte, len);
	if (fix)
		fix(data, len);
	f = fopen(path, "wb");
	if (!f || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
	free(data);
	return path;
}

static void fix_boot(unsigned char *d, size_t len)
{
	d[len - 2] = 0x55;
	d[len - 1] = 0xAA;
}

static void fix_stage2(unsigned char *d, size_t len)
{
	(void)len;
	memcpy(d, "PXS2", 4);
	d[PORTIX_S2_HDR_VERSION] = PORTIX_PROTOCOL_VERSION;
	d[PORTIX_S2_HDR_VERSION + 1] = 0;
	d[PORTIX_S2_HDR_SIZE] = PORTIX_S2_HEADER_SIZE & 0xFF;
	d[PORTIX_S2_HDR_SIZE + 1] = PORTIX_S2_HEADER_SIZE >> 8;
}

/* The byte at OFFSET of the file PATH, or -1.  */
static int byte_at(const char *path, long offset)
{
	FILE *f = fopen(path, "rb");
	int c = -1;

	if (f && fseek(f, offset, SEEK_SET) == 0)
		c = getc(f);
	if (f)
		fclose(f);
	return c;
}

static void test_setters(void)
{
	struct portix_image *img = portix_image_new();
	char longline[PORTIX_CMDLINE_MAX + 1];

	check("portix_image_new returns a handle", img != NULL, NULL);
	if (!img)
		exit(2);
	check("a new handle has no message",
	      strcmp(portix_image_error(img), "") == 0, img);
	check_rc("size below the minimum is PORTIX_EINVAL",
		 portix_image_set_size_mb(img, PORTIX_DISK_MB_MIN - 1),
		 PORTIX_EINVAL, img);
	check_rc("size at the minimum is PORTIX_OK",
		 portix_image_set_size_mb(img, PORTIX_DISK_MB_MIN),
		 PORTIX_OK, img);
	check_rc("size beyond off_t is PORTIX_EINVAL",
		 portix_image_set_size_mb(img, UINT64_MAX), PORTIX_EINVAL, img);
	check_rc("NULL command line is PORTIX_EINVAL",
		 portix_image_set_cmdline(img, NULL), PORTIX_EINVAL, img);
	memset(longline, 'c', PORTIX_CMDLINE_MAX);
	longline[PORTIX_CMDLINE_MAX] = '\0';
	check_rc("command line of PORTIX_CMDLINE_MAX bytes is PORTIX_ENOSPC",
		 portix_image_set_cmdline(img, longline), PORTIX_ENOSPC, img);
	longline[PORTIX_CMDLINE_MAX - 1] = '\0';
	check_rc("command line of PORTIX_CMDLINE_MAX - 1 bytes is PORTIX_OK",
		 portix_image_set_cmdline(img, longline), PORTIX_OK, img);
	check_rc("set_force_chs is PORTIX_OK",
		 portix_image_set_force_chs(img, 1), PORTIX_OK, img);
	check_rc("set_no_serial is PORTIX_OK",
		 portix_image_set_no_serial(img, 1), PORTIX_OK, img);
	check_rc("writing with nothing loaded is PORTIX_EINVAL",
		 portix_image_write_raw(img, path_of("never.img")),
		 PORTIX_EINVAL, img);
	check("portix_image_error(NULL) is \"\"",
	      strcmp(portix_image_error(NULL), "") == 0, NULL);
	portix_image_free(img);
	portix_image_free(NULL);
}

static void test_loads(void)
{
	struct portix_image *img = portix_image_new();
	const char *missing = path_of("missing.bin");
	const char *msg;
	size_t len;

	if (!img)
		exit(2);
	check_rc("missing stage 1 is PORTIX_EIO",
		 portix_image_load_stage1(img, missing), PORTIX_EIO, img);
	msg = portix_image_error(img);
	len = strlen(msg);
	check("the PORTIX_EIO message ends with strerror",
	      len > 25 &&
	      strcmp(msg + len - 25, "No such file or directory") == 0, img);
	check_rc("511-byte stage 1 is PORTIX_EINVAL",
		 portix_image_load_stage1(img, make_file("b511", 511, 0, NULL)),
		 PORTIX_EINVAL, img);
	check_rc("stage 1 without 55 AA is PORTIX_EINVAL",
		 portix_image_load_stage1(img,
					  make_file("bnosig", 512, 0, NULL)),
		 PORTIX_EINVAL, img);
	check_rc("good stage 1 is PORTIX_OK",
		 portix_image_load_stage1(img,
					  make_file("boot", 512, 0, fix_boot)),
		 PORTIX_OK, img);
	check_rc("stage 2 without header is PORTIX_EINVAL",
		 portix_image_load_stage2(img,
					  make_file("s2bad", S2_BYTES, 0,
						    NULL)),
		 PORTIX_EINVAL, img);
	check_rc("good stage 2 is PORTIX_OK",
		 portix_image_load_stage2(img,
					  make_file("s2", S2_BYTES, 0xF4,
						    fix_stage2)),
		 PORTIX_OK, img);
	check_rc("empty kernel is PORTIX_EINVAL",
		 portix_image_load_kernel(img, make_file("k0", 0, 0, NULL)),
		 PORTIX_EINVAL, img);
	check_rc("kernel over the reserved area is PORTIX_ENOSPC",
		 portix_image_load_kernel(img, make_file("kbig",
							 KERNEL_MAX_BYTES + 1,
							 0x90, NULL)),
		 PORTIX_ENOSPC, img);
	check_rc("kernel filling the reserved area is PORTIX_OK",
		 portix_image_load_kernel(img, make_file("kmax",
							 KERNEL_MAX_BYTES,
							 0x90, NULL)),
		 PORTIX_OK, img);
	check_rc("good kernel is PORTIX_OK",
		 portix_image_load_kernel(img,
					  make_file("k", 1000, 0xAB, NULL)),
		 PORTIX_OK, img);
	/* The failures above must not have replaced what was loaded.  */
	check_rc("a failed kernel load keeps the loaded one",
		 portix_image_load_kernel(img, path_of("k0")), PORTIX_EINVAL,
		 img);
	check_rc("write after a failed load is PORTIX_OK",
		 portix_image_write_raw(img, path_of("one.img")), PORTIX_OK,
		 img);
	check("the image holds the kernel loaded last with success",
	      byte_at(path_of("one.img"), PORTIX_KERNEL_LBA * 512L + 999) ==
	      0xAB && byte_at(path_of("one.img"),
			      PORTIX_KERNEL_LBA * 512L + 1000) == 0, img);

	/* One handle, a second image with other settings.  */
	check_rc("second write (new size, cmdline) is PORTIX_OK",
		 portix_image_set_size_mb(img, 9) ||
		 portix_image_set_cmdline(img, "x") ||
		 portix_image_write_raw(img, path_of("two.img")),
		 PORTIX_OK, img);
	check("the second image has its command line",
	      byte_at(path_of("two.img"), 512 + PORTIX_S2_HDR_CMDLINE) == 'x',
	      img);
	check_rc("writing over a directory is PORTIX_EINVAL",
		 portix_image_write_raw(img, dir), PORTIX_EINVAL, img);
	check_rc("writing into a missing directory is PORTIX_EIO",
		 portix_image_write_raw(img, path_of("none/x.img")),
		 PORTIX_EIO, img);
	portix_image_free(img);
}

/* A minimal x86-64 PE32+ EFI application header (what the load checks).  */
static void fix_efi(unsigned char *d, size_t len)
{
	const size_t pe = 0x40;

	if (len < pe + 24 + 70)
		return;
	d[0] = 'M';
	d[1] = 'Z';
	memset(d + 0x3C, 0, 4);		/* u32 offset of the PE header */
	d[0x3C] = (unsigned char)pe;
	memset(d + pe, 0, 24 + 70);
	memcpy(d + pe, "PE\0\0", 4);
	d[pe + 4] = 0x64;		/* machine 0x8664 */
	d[pe + 5] = 0x86;
	d[pe + 24] = 0x0B;		/* PE32+ magic 0x20B */
	d[pe + 25] = 0x02;
	d[pe + 24 + 68] = 10;		/* subsystem: EFI application */
}

static void fix_efi_i386(unsigned char *d, size_t len)
{
	fix_efi(d, len);
	d[0x40 + 4] = 0x4C;		/* machine 0x14C */
	d[0x40 + 5] = 0x01;
}

/* The type of partition entry N of the MBR of the image at PATH.  */
static int entry_type(const char *path, int n)
{
	return byte_at(path, PORTIX_MBR_PARTITION_TABLE +
		       n * PORTIX_MBR_PARTITION_ENTRY_SIZE +
		       PORTIX_MBR_PART_TYPE);
}

/* After test_loads: its boot pieces are on disk.  */
static void test_efi(void)
{
	struct portix_image *img = portix_image_new();
	/* The ESP's first sector: 8 MiB disk less the ESP.  */
	const long esp = (8L * 2048 - PORTIX_ESP_SECTORS) * 512;

	if (!img)
		exit(2);
	check_rc("pieces for the ESP tests load",
		 portix_image_load_stage1(img, path_of("boot")) ||
		 portix_image_load_stage2(img, path_of("s2")) ||
		 portix_image_load_kernel(img, path_of("k")), PORTIX_OK, img);
	check_rc("a file without MZ is no EFI application",
		 portix_image_load_efi(img, make_file("efi0", 4096, 0, NULL)),
		 PORTIX_EINVAL, img);
	check_rc("an i386 PE is no x86-64 EFI application",
		 portix_image_load_efi(img, make_file("efi386", 4096, 0,
						      fix_efi_i386)),
		 PORTIX_EINVAL, img);
	check_rc("a loader over PORTIX_ESP_LOADER_MAX is PORTIX_ENOSPC",
		 portix_image_load_efi(img, make_file("efibig",
				PORTIX_ESP_LOADER_MAX + 1, 0, fix_efi)),
		 PORTIX_ENOSPC, img);
	check_rc("good EFI application is PORTIX_OK",
		 portix_image_load_efi(img, make_file("efi", 4096, 0x90,
						      fix_efi)),
		 PORTIX_OK, img);
	check_rc("write with a loader is PORTIX_OK",
		 portix_image_write_raw(img, path_of("esp.img")), PORTIX_OK,
		 img);
	check("entry 1 is the ESP, in the disk's last sectors",
	      entry_type(path_of("esp.img"), 1) == PORTIX_MBR_TYPE_ESP &&
	      byte_at(path_of("esp.img"), PORTIX_MBR_PARTITION_TABLE +
		      PORTIX_MBR_PARTITION_ENTRY_SIZE + PORTIX_MBR_PART_LBA)
	      == (int)((esp / 512) & 0xFF) &&
	      byte_at(path_of("esp.img"), esp + 510) == 0x55, img);
	check_rc("NULL forgets the loader",
		 portix_image_load_efi(img, NULL) ||
		 portix_image_write_raw(img, path_of("noesp.img")), PORTIX_OK,
		 img);
	check("without a loader entry 1 is unused",
	      entry_type(path_of("noesp.img"), 1) == 0 &&
	      entry_type(path_of("noesp.img"), 0) != 0, img);
	portix_image_free(img);
}

/* A handle with small stand-ins for the three pieces loaded.  */
static struct portix_image *loaded_handle(void)
{
	struct portix_image *img = portix_image_new();

	if (!img ||
	    portix_image_load_stage1(img, make_file("boot", 512, 0,
						    fix_boot)) < 0 ||
	    portix_image_load_stage2(img, make_file("s2", S2_BYTES, 0xF4,
						    fix_stage2)) < 0 ||
	    portix_image_load_kernel(img, make_file("k", 1000, 0xAB,
						    NULL)) < 0) {
		fprintf(stderr, "cannot load the pieces\n");
		exit(2);
	}
	return img;
}

static int message_has(const struct portix_image *img, const char *text)
{
	return strstr(portix_image_error(img), text) != NULL;
}

/* Each medium's size limit, checked before any work: a VDI whose block
   map would end past 4 GiB once wrote a file with no header.  */
static void test_size_limits(void)
{
	struct portix_image *img = loaded_handle();
	static const struct {
		enum portix_mode mode;
		uint64_t max_mb;
	} limits[] = {
		{ PORTIX_MODE_RAW, 2097152 }, { PORTIX_MODE_ISO, 65536 },
		{ PORTIX_MODE_VDI, 2097152 }, { PORTIX_MODE_VMDK, 2096128 },
		{ PORTIX_MODE_VENTOY_SIM, 2097150 },
	};
	char name[64];

	for (size_t i = 0; i < sizeof(limits) / sizeof(limits[0]); i++) {
		snprintf(name, sizeof(name), "mode %d holds %llu MiB",
			 (int)limits[i].mode,
			 (unsigned long long)limits[i].max_mb);
		check(name, portix_image_max_size_mb(limits[i].mode) ==
		      limits[i].max_mb, NULL);
		portix_image_set_size_mb(img, limits[i].max_mb + 1);
		snprintf(name, sizeof(name),
			 "mode %d refuses %llu MiB, naming the limit",
			 (int)limits[i].mode,
			 (unsigned long long)limits[i].max_mb + 1);
		check_rc(name, portix_image_write(img, limits[i].mode,
						  path_of("limit.img")),
			 PORTIX_ENOSPC, img);
		snprintf(name, sizeof(name), "(at most %llu MiB)",
			 (unsigned long long)limits[i].max_mb);
		check("the message names the limit", message_has(img, name),
		      img);
		check("nothing written beyond the limit",
		      access(path_of("limit.img"), F_OK) != 0, img);
	}
	check("an unknown mode holds nothing",
	      portix_image_max_size_mb((enum portix_mode)99) == 0, NULL);
	portix_image_set_size_mb(img, 1073479553);
	check_rc("a VDI whose first block would lie past 4 GiB is refused",
		 portix_image_write(img, PORTIX_MODE_VDI, path_of("big.vdi")),
		 PORTIX_ENOSPC, img);
	check_rc("a ventoy-sim disk over 2 TiB is PORTIX_EINVAL",
		 portix_image_set_ventoy_size_mb(img, 2097153), PORTIX_EINVAL,
		 img);
	portix_image_free(img);
}

/* What the tmpfile hook heard.  */
struct heard {
	int created, removed;
	char name[PATH_MAX];
	int existed;		/* the file existed when it was named */
};

static void hear(void *opaque, const char *tmp_path)
{
	struct heard *h = opaque;

	if (tmp_path) {
		h->created++;
		snprintf(h->name, sizeof(h->name), "%s", tmp_path);
		h->existed = access(tmp_path, F_OK) == 0;
	} else {
		h->removed++;
	}
}

/* The hook hears of the temporary file; a target name of NAME_MAX
   bytes still gets a temporary name that is legal.  */
static void test_tmpfile(void)
{
	struct portix_image *img = loaded_handle();
	struct heard h = { 0 };
	char name[NAME_MAX + 1];

	check_rc("set_tmpfile_hook is PORTIX_OK",
		 portix_image_set_tmpfile_hook(img, hear, &h), PORTIX_OK,
		 img);
	check_rc("write with the hook is PORTIX_OK",
		 portix_image_write_raw(img, path_of("hooked.img")),
		 PORTIX_OK, img);
	check("the hook heard of one file, then of its end",
	      h.created == 1 && h.removed == 1 && h.existed, img);
	check("the temporary file is gone", access(h.name, F_OK) != 0, img);
	memset(&h, 0, sizeof(h));
	check_rc("a failed write is PORTIX_EIO",
		 portix_image_write_raw(img, path_of("none/x.img")),
		 PORTIX_EIO, img);
	check("a failed write named no file", h.created == 0, img);
	memset(name, 'n', NAME_MAX);
	name[NAME_MAX] = '\0';
	check_rc("a target of NAME_MAX bytes is PORTIX_OK",
		 portix_image_write_raw(img, path_of(name)), PORTIX_OK, img);
	check("its temporary name was short enough",
	      h.created == 1 &&
	      strlen(strrchr(h.name, '/') + 1) <= NAME_MAX, img);
	unlink(path_of(name));
	check_rc("an empty target name is PORTIX_EINVAL",
		 portix_image_write_raw(img, ""), PORTIX_EINVAL, img);
	portix_image_free(img);
}

/* A FIFO is refused before it is opened (opening it would wait for a
   writer: the alarm turns a hang into a failure).  */
static void test_add_fifo(void)
{
	struct portix_image *img = loaded_handle();
	const char *fifo = path_of("fifo");

	unlink(fifo);
	if (mkfifo(fifo, 0600) < 0) {
		perror(fifo);
		exit(2);
	}
	alarm(10);
	check_rc("adding a FIFO is PORTIX_EINVAL",
		 portix_image_add_file(img, fifo, "/f"), PORTIX_EINVAL, img);
	alarm(0);
	check("the message says why", message_has(img, "not a regular file"),
	      img);
	unlink(fifo);
	portix_image_free(img);
}

/* A FAT32 directory at its FAT_DIR_MAX_ENTRIES is full, and the message
   says so (not the FAT16 root directory's 512).  Names of 255
   characters take 21 entries each: 3121 of them overflow 65536.  */
static void test_dir_limit(void)
{
	struct portix_image *img = loaded_handle();
	const char *src = make_file("one", 1, 'x', NULL);
	char dest[300];
	int rc = PORTIX_OK;

	portix_image_set_size_mb(img, 64);
	for (int i = 0; rc == PORTIX_OK && i < 3121; i++) {
		snprintf(dest, sizeof(dest), "/d/%05d", i);
		memset(dest + 8, 'L', 250);
		dest[258] = '\0';
		rc = portix_image_add_file(img, src, dest);
	}
	check_rc("3121 long names in a FAT32 directory is PORTIX_ENOSPC",
		 rc == PORTIX_OK ? portix_image_write_raw(img,
							  path_of("dir.img"))
				 : rc, PORTIX_ENOSPC, img);
	check("the message gives a directory's limit",
	      message_has(img, "a FAT directory holds 65536 entries"), img);
	portix_image_free(img);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s SCRATCH-DIR\n", argv[0]);
		return 2;
	}
	dir = argv[1];
	test_setters();
	test_loads();
	test_efi();
	test_size_limits();
	test_tmpfile();
	test_add_fifo();
	test_dir_limit();
	if (fflush(stdout) != 0 || ferror(stdout))
		return EXIT_FAILURE;
	return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
