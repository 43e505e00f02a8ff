/* kernel-shim.c - host stand-ins for the kernel services the fuzzed
   kernel files call (see kernel-shim.h).  Kept small: each function
   does what the real one promises its callers, nothing more.  */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drivers/ata.h"
#include "kernel-shim.h"

jmp_buf shim_panic_jump;

/* ---- lib/printf.h ---- */

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	return vsnprintf(buf, size, fmt, ap);
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int kvprintf(const char *fmt, va_list ap)
{
	char buf[1024];

	return vsnprintf(buf, sizeof(buf), fmt, ap);
}

int kprintf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kvprintf(fmt, ap);
	va_end(ap);
	return n;
}

/* ---- lib/string.h: what glibc lacks ---- */

size_t strlcpy(char *restrict dst, const char *restrict src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/* ---- panic.h ---- */

void panic(const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	longjmp(shim_panic_jump, 1);
}

/* ---- drivers/ata.h ---- */

static struct ata_drive drives[2];
static const uint8_t *drive_data[2];
static size_t drive_bytes[2];
static int ndrives;

void shim_set_drives(const uint8_t *disk, size_t disk_bytes,
		     const uint8_t *cd, size_t cd_bytes)
{
	memset(drives, 0, sizeof(drives));
	drives[0].sectors = disk_bytes / ATA_SECTOR_SIZE;
	drive_data[0] = disk;
	drive_bytes[0] = disk_bytes;
	drives[1].atapi = true;
	drive_data[1] = cd;
	drive_bytes[1] = cd_bytes;
	ndrives = cd_bytes > 0 ? 2 : 1;
}

int ata_drive_count(void)
{
	return ndrives;
}

struct ata_drive *ata_drive(int i)
{
	return i >= 0 && i < ndrives ? &drives[i] : NULL;
}

/* Copy [OFF, OFF + LEN) of drive D into BUF; abort outside it.  */
static void copy_out(int d, uint64_t off, uint64_t len, void *buf)
{
	if (off > drive_bytes[d] || len > drive_bytes[d] - off) {
		fprintf(stderr, "kernel-shim: read of %llu bytes at %llu is outside drive %d (%zu bytes)\n",
			(unsigned long long)len, (unsigned long long)off, d,
			drive_bytes[d]);
		abort();
	}
	memcpy(buf, drive_data[d] + off, (size_t)len);
}

int ata_read(struct ata_drive *d, uint64_t lba, uint32_t count, void *buf)
{
	if (d != &drives[0])
		return ATA_EINVAL;
	copy_out(0, lba * ATA_SECTOR_SIZE, (uint64_t)count * ATA_SECTOR_SIZE,
		 buf);
	return 0;
}

int ata_write(struct ata_drive *d, uint64_t lba, uint32_t count,
	      const void *buf)
{
	(void)d, (void)lba, (void)count, (void)buf;
	return ATA_EIO;
}

int ata_flush(struct ata_drive *d)
{
	(void)d;
	return 0;
}

int atapi_read(struct ata_drive *d, uint32_t lba, uint32_t count, void *buf)
{
	if (d != &drives[1])
		return ATA_EINVAL;
	copy_out(1, (uint64_t)lba * ATAPI_SECTOR_SIZE,
		 (uint64_t)count * ATAPI_SECTOR_SIZE, buf);
	return 0;
}

int atapi_capacity(struct ata_drive *d, uint32_t *sectors)
{
	if (d != &drives[1])
		return ATA_EINVAL;
	*sectors = (uint32_t)(drive_bytes[1] / ATAPI_SECTOR_SIZE);
	return 0;
}

/* ---- console.h ---- */

static const uint8_t *input;
static size_t input_len, input_at;

void shim_set_input(const uint8_t *data, size_t len)
{
	input = data;
	input_len = len;
	input_at = 0;
}

int shim_input_done(void)
{
	return input_at >= input_len;
}

/* A 0xFF byte stands for input the console dropped: console_getc()
   returns -1 (CONSOLE_INPUT_LOST) in its place.  */
int console_getc(void)
{
	if (input_at >= input_len)
		return '\n';
	return input[input_at] == 0xFF ? (input_at++, -1) : input[input_at++];
}

/* Waiting for input that has run out is a pause: -2
   (CONSOLE_INPUT_NONE).  */
int console_getc_within(uint64_t ms)
{
	(void)ms;
	return input_at < input_len ? console_getc() : -2;
}

bool console_has_input(void)
{
	return input_at < input_len;
}

void console_putc(char c)
{
	(void)c;
}

void console_write(const char *s, size_t len)
{
	(void)s, (void)len;
}
