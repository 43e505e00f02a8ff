/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* image.h - libportix: lay out and write Portix boot media.

   The library takes the three built pieces (stage 1 boot.bin, stage 2
   stage2.bin, the flat kernel.bin), checks them, patches the fields the
   boot protocol leaves to the image writer (see portix/layout.h) and writes
   a disk image.  It never prints and never exits: every function returns
   PORTIX_OK or a negative PORTIX_E* code, and portix_image_error() says
   what went wrong in words fit to show a user, "FILE: what is wrong", with
   ": strerror(errno)" appended when a system call failed.

   All state lives in the opaque handle; there is no global state, so
   separate handles may be used from separate threads.  One handle must not
   be used by two threads at once.

   The call order:
	img = portix_image_new();
	portix_image_load_stage1(img, "boot.bin");
	portix_image_load_stage2(img, "stage2.bin");
	portix_image_load_kernel(img, "kernel.bin");
	portix_image_set_size_mb(img, 64);		optional, default 8
	portix_image_set_cmdline(img, "console=serial");	optional
	portix_image_set_no_serial(img, 1);		optional
	portix_image_add_file(img, "README", "/docs/");	optional, repeatable
	portix_image_write_raw(img, "portix.img");
	portix_image_free(img);
   Loads and setters may come in any order and may be repeated; the last
   successful one counts.  A failed load or setter leaves the handle as it
   was.  A handle can write any number of images.

   Link with -lportix (pkg-config --libs portix).  */

#ifndef PORTIX_IMAGE_H
#define PORTIX_IMAGE_H

#include <stdint.h>
#include <portix/layout.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Return codes.  Only the sign is an interface promise for codes that
   may be added later: test "< 0" for failure.  */
enum {
	/* Success.  */
	PORTIX_OK = 0,
	/* Bad input: a bad argument, or a file that is not what it must be
	   (wrong size, missing signature, wrong header).  */
	PORTIX_EINVAL = -1,
	/* A system call failed reading or writing a file; the message ends
	   with strerror(errno).  */
	PORTIX_EIO = -2,
	/* Out of memory.  */
	PORTIX_ENOMEM = -3,
	/* Does not fit: the kernel is too large for the reserved area or for
	   the memory it is loaded into, or the command line is too long.  */
	PORTIX_ENOSPC = -4
};

/* The state of one image being put together.  */
struct portix_image;

/* Return a new handle: disk size PORTIX_DISK_MB_DEFAULT MiB, empty command
   line, no inputs loaded, CHS not forced.  Return NULL if out of memory.  */
struct portix_image *portix_image_new(void);

/* Release IMG and everything it holds.  IMG may be NULL.  */
void portix_image_free(struct portix_image *img);

/* Return the message of the last call on IMG, or "" if that call
   succeeded (or none was made).  The string belongs to IMG and is valid
   until the next call on IMG.  It does not start with a program name and
   does not end with a newline.  */
const char *portix_image_error(const struct portix_image *img);

/* Set the size of the whole disk to MB MiB (1 MiB = 1048576 bytes).
   Return PORTIX_OK, or PORTIX_EINVAL if MB is below PORTIX_DISK_MB_MIN or
   its byte count does not fit in off_t.  */
int portix_image_set_size_mb(struct portix_image *img, uint64_t mb);

/* Read stage 1 (the MBR) from the file PATH: exactly PORTIX_SECTOR_SIZE
   bytes ending in 55 AA.  Its parameter block and disk signature are
   patched at write time; its partition table is replaced by one entry
   for the data partition.
   Return PORTIX_OK;
	  PORTIX_EINVAL if the file has the wrong size or no 55 AA;
	  PORTIX_EIO if it cannot be opened or read;
	  PORTIX_ENOMEM if out of memory.  */
int portix_image_load_stage1(struct portix_image *img, const char *path);

/* Read stage 2 from the file PATH: exactly PORTIX_STAGE2_SECTORS sectors,
   starting with a stage 2 header whose magic is PORTIX_S2_MAGIC, whose
   version is PORTIX_PROTOCOL_VERSION and whose header size is
   PORTIX_S2_HEADER_SIZE.  The header's kernel fields, command line and
   PORTIX_S2_FLAG_NO_SERIAL are patched at write time; its other flags are
   kept.
   Return PORTIX_OK;
	  PORTIX_EINVAL if the size or the header is wrong;
	  PORTIX_EIO if the file cannot be opened or read;
	  PORTIX_ENOMEM if out of memory.  */
int portix_image_load_stage2(struct portix_image *img, const char *path);

/* Read the flat kernel binary from the file PATH.  It must not be empty,
   must fit the reserved area (at most PORTIX_KERNEL_MAX_SECTORS sectors)
   and, loaded at PORTIX_KERNEL_ADDR in whole sectors, must end at or below
   PORTIX_KERNEL_LOAD_LIMIT.
   Return PORTIX_OK;
	  PORTIX_EINVAL if the file is empty;
	  PORTIX_ENOSPC if it is too large;
	  PORTIX_EIO if it cannot be opened or read;
	  PORTIX_ENOMEM if out of memory.  */
int portix_image_load_kernel(struct portix_image *img, const char *path);

/* Read the UEFI loader from the file PATH: an x86-64 PE32+ EFI
   application (MZ and PE headers, machine 0x8664, subsystem 10) of at
   most PORTIX_ESP_LOADER_MAX bytes.  With a loader the disk gets an EFI
   system partition (MBR entry 1, type PORTIX_MBR_TYPE_ESP, its last
   PORTIX_ESP_MB MiB) holding it as PORTIX_ESP_LOADER_PATH, and an ISO
   gets a UEFI El Torito entry.  PATH NULL forgets the loader: no ESP.
   Return PORTIX_OK;
	  PORTIX_EINVAL if the file is not such an application;
	  PORTIX_ENOSPC if it is too large;
	  PORTIX_EIO if it cannot be opened or read;
	  PORTIX_ENOMEM if out of memory.  */
int portix_image_load_efi(struct portix_image *img, const char *path);

/* Set the kernel command line stage 2 passes on (copied; "" for none).
   Return PORTIX_OK;
	  PORTIX_EINVAL if CMDLINE is NULL;
	  PORTIX_ENOSPC if it is PORTIX_CMDLINE_MAX bytes or longer (the
	  header keeps it NUL-terminated).  */
int portix_image_set_cmdline(struct portix_image *img, const char *cmdline);

/* Test aid: when ON is non-zero, set PORTIX_S1_FLAG_FORCE_CHS in stage 1's
   parameter block, so the boot stages read the disk by CHS even where
   INT 13h extensions work.  Return PORTIX_OK.  */
int portix_image_set_force_chs(struct portix_image *img, int on);

/* When ON is non-zero, set PORTIX_S2_FLAG_NO_SERIAL in stage 2's header:
   stage 2 and the kernel then write nothing to COM1 and read nothing
   from it; the screen and the keyboard remain.  When ON is zero (the
   default) the flag is cleared.  Return PORTIX_OK.  */
int portix_image_set_no_serial(struct portix_image *img, int on);

/* Set the MBR disk signature (stage 1, offset PORTIX_MBR_DISK_SIGNATURE)
   of the disk: the kernel finds the disk it booted from by it.  0, the
   default, derives it from the whole disk's content (boot pieces, data
   partition, added files) and the epoch, never 0: images that differ in
   anything get different signatures, and the same inputs the same one.
   Return PORTIX_OK.  */
int portix_image_set_disk_signature(struct portix_image *img,
				    uint32_t signature);

/* Copy the host file SRC into the data partition as DEST, an absolute
   '/'-separated path in the FAT volume ("/docs/Read Me.txt"); long names
   and case are kept.  A DEST ending in '/' names a directory: the file
   goes in it under SRC's last path component.  Missing directories are
   created on the way (as mkdir -p).  SRC is checked now (a readable
   regular file: directories are refused) and read when a medium is
   written, streamed, so it should not change in between.  DEST must not
   be a file or directory an earlier add made (FAT compares names without
   regard to case); nothing is ever replaced.  A file that does not fit
   is found when the medium is written: that write fails with
   PORTIX_ENOSPC and "SRC: does not fit in the data partition (N bytes
   free)", and writes nothing.
   Return PORTIX_OK;
	  PORTIX_EINVAL if SRC is not a regular file, or DEST is not
	  absolute, has an empty, "." or ".." component, a character FAT
	  names cannot hold (control codes, " * : < > ? \ |), a name ending
	  in '.' or ' ' or longer than 255 characters, or clashes with an
	  earlier add;
	  PORTIX_EIO if SRC cannot be opened;
	  PORTIX_ENOMEM if out of memory.  */
int portix_image_add_file(struct portix_image *img, const char *src,
			  const char *dest);

/* Write a raw disk image to the file PATH: stage 1 at LBA 0, stage 2 at
   PORTIX_STAGE2_LBA, the kernel at PORTIX_KERNEL_LBA, and from
   PORTIX_RESERVED_END_LBA to the end of the disk the data partition:
   one MBR entry (status 0x00, type 0x0E FAT16 or 0x0C FAT32 by the
   cluster count fat_format's size policy gives, CHS in 64 x 32 geometry
   up to 1 GiB and saturated beyond), formatted, with the added files.
   Its volume serial and every timestamp derive from the epoch
   (portix_image_set_epoch, default 0: 1980-01-01 in FAT's calendar) and
   the disk's content.  The file is sparse (the zeros take no space where the file
   system allows holes) and reproducible: the same inputs give the same
   bytes.  The image is written to a temporary file in PATH's directory
   and renamed over PATH only when complete, so on failure PATH is left
   as it was and no temporary file remains.  The new file's mode is
   0666 less the process umask.  PATH must not name an existing file
   that is not a regular file.
   Return PORTIX_OK;
	  PORTIX_EINVAL if stage 1, stage 2 or the kernel was not loaded,
	  or PATH names a directory or another non-regular file;
	  PORTIX_ENOSPC if the disk is too small for the boot area, or an
	  added file does not fit in the data partition;
	  PORTIX_EIO if creating, writing or renaming the file failed;
	  PORTIX_ENOMEM if out of memory.  */
int portix_image_write_raw(struct portix_image *img, const char *path);

/* ---- Media: every format portix-mkimage --mode names ---- */

/* What portix_image_write() makes.  Each medium holds the same disk (the
   one portix_image_write_raw() writes), in its own container.  */
enum portix_mode {
	/* The disk byte for byte (as portix_image_write_raw()).  */
	PORTIX_MODE_RAW,
	/* ISO 9660 with an El Torito boot catalog: the disk, as the file
	   PORTIX.IMG, is the hard-disk-emulation boot image.  */
	PORTIX_MODE_ISO,
	/* VirtualBox dynamic VDI, 1 MiB blocks, only non-zero blocks.  */
	PORTIX_MODE_VDI,
	/* VMware sparse VMDK (see portix_image_set_vmdk_format()).  */
	PORTIX_MODE_VMDK,
	/* A bigger disk with the disk at LBA PORTIX_VENTOY_IMAGE_LBA, a
	   partition entry for it and a chain-loading MBR.  */
	PORTIX_MODE_VENTOY_SIM
};

/* VMDK subformats.  */
enum portix_vmdk_format {
	/* One file: header, descriptor, grain directory and tables, grains
	   of 64 KiB; what QEMU and VMware both run.  */
	PORTIX_VMDK_MONOLITHIC_SPARSE,
	/* Deflate-framed grains with markers and a footer, ending in the
	   end-of-stream marker: what VMware's importers (OVF) want.  */
	PORTIX_VMDK_STREAM_OPTIMIZED
};

/* Called while a medium is written: DONE of TOTAL bytes of data are
   written (DONE == TOTAL at the end).  OPAQUE is what the caller gave.  */
typedef void portix_progress_fn(void *opaque, uint64_t done, uint64_t total);

/* Set the time every timestamp and identifier of a medium derives from,
   in seconds since 1970-01-01 00:00 UTC (SOURCE_DATE_EPOCH; the library
   never reads the environment).  The default is 0, so media are
   reproducible whether or not it is set: ISO dates, VDI UUIDs and the
   VMDK CID derive from the epoch and the disk's content only.
   Return PORTIX_OK, or PORTIX_EINVAL if EPOCH is negative or after
   2155-12-31 (the latest date ISO 9660 directory records can hold).  */
int portix_image_set_epoch(struct portix_image *img, int64_t epoch);

/* Choose the VMDK subformat (default PORTIX_VMDK_MONOLITHIC_SPARSE).
   Return PORTIX_OK, or PORTIX_EINVAL for an unknown value.  */
int portix_image_set_vmdk_format(struct portix_image *img,
				 enum portix_vmdk_format format);

/* Set the size of the whole ventoy-sim disk in MiB; 0 (the default)
   means PORTIX_VENTOY_DISK_MB_DEFAULT, or just enough for the image
   when that is more.  A size too small for the image is refused when
   the medium is written.  Return PORTIX_OK, or PORTIX_EINVAL if MB is
   over PORTIX_DISK_MB_MAX (the disk's MBR counts 32-bit sectors).  */
int portix_image_set_ventoy_size_mb(struct portix_image *img, uint64_t mb);

/* Report progress through FN (NULL: none).  Return PORTIX_OK.  */
int portix_image_set_progress(struct portix_image *img,
			      portix_progress_fn *fn, void *opaque);

/* The largest disk, in MiB, the medium MODE can hold: the lower of the
   format's own limit and the MBR's (PORTIX_DISK_MB_MAX: the disk's
   partition table counts 32-bit sectors).  A raw disk and a VDI hold
   2 TiB, a ventoy-sim image 2 TiB less 2 MiB (its partition entry
   starts at LBA 2048), a VMDK 2 TiB less 1 GiB (its metadata), an ISO
   64 GiB.  portix_image_write() refuses a bigger disk before doing any
   work.  Return 0 for an unknown MODE.  */
uint64_t portix_image_max_size_mb(enum portix_mode mode);

/* Told the name of the temporary file a write creates beside its target:
   TMP_PATH right after the file is created, NULL once it has been
   renamed over the target or removed.  For a program that removes the
   file when a signal ends it (the library installs no handlers); the
   string is valid until the NULL call, so copy it.  */
typedef void portix_tmpfile_fn(void *opaque, const char *tmp_path);

/* Report temporary files through FN (NULL: none).  Return PORTIX_OK.  */
int portix_image_set_tmpfile_hook(struct portix_image *img,
				  portix_tmpfile_fn *fn, void *opaque);

/* Write the medium MODE to the file PATH.  As portix_image_write_raw():
   sparse where the format allows holes, only data written, reproducible,
   landed atomically (a temporary file renamed over PATH).
   Return PORTIX_OK;
	  PORTIX_EINVAL for an unknown MODE, for inputs not loaded, or for a
	  PATH that is not a regular file;
	  PORTIX_ENOSPC if the disk is too small for the boot area, bigger
	  than portix_image_max_size_mb(MODE), or bigger than the
	  ventoy-sim disk asked for;
	  PORTIX_EIO if creating, writing or renaming the file failed;
	  PORTIX_ENOMEM if out of memory.  */
int portix_image_write(struct portix_image *img, enum portix_mode mode,
		       const char *path);

#ifdef __cplusplus
}
#endif

#endif /* PORTIX_IMAGE_H */
