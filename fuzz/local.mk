## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## fuzz/local.mk - libFuzzer targets for every parser of outside data.
##
## configure --enable-fuzzing (CC=clang) enables them; `make fuzz` builds
## them, `make fuzz-run FUZZ_SECONDS=N FUZZ_JOBS=J` runs each for N
## seconds, J at a time, from a copy of its seed corpus (fuzz/corpus/),
## and fails on any crash, leak, timeout or sanitizer report.  Each
## target compiles the code it fuzzes itself, with the fuzzing flags;
## doc/FUZZING.md says what each covers.

FUZZ_TARGET_NAMES = fuzz-fat-mount fuzz-fat-ops fuzz-blk-scan \
	fuzz-lineedit fuzz-boot-headers fuzz-mkimage-args fuzz-media-sizes
EXTRA_DIST += fuzz/run-fuzzers fuzz/fat.dict fuzz/corpus
EXTRA_DIST += $(fuzz_sources)

# Listed for the tarball whether or not fuzzing is enabled.
fuzz_sources = fuzz/fuzz-boot-pieces.h fuzz/fuzz-boot-pieces.c fuzz/fuzz-fat.h fuzz/fuzz-fat-support.c fuzz/fuzz-fat-mount.c fuzz/fuzz-fat-ops.c \
	fuzz/fuzz-blk-scan.c fuzz/fuzz-lineedit.c fuzz/fuzz-boot-headers.c \
	fuzz/fuzz-mkimage-args.c fuzz/fuzz-media-sizes.c

if FUZZING
FUZZ_TARGETS = fuzz/fuzz-fat-mount fuzz/fuzz-fat-ops fuzz/fuzz-blk-scan \
	fuzz/fuzz-lineedit fuzz/fuzz-boot-headers fuzz/fuzz-mkimage-args \
	fuzz/fuzz-media-sizes
EXTRA_PROGRAMS = fuzz/fuzz-fat-mount fuzz/fuzz-fat-ops fuzz/fuzz-blk-scan \
	fuzz/fuzz-lineedit fuzz/fuzz-boot-headers fuzz/fuzz-mkimage-args \
	fuzz/fuzz-media-sizes
CLEANFILES += $(FUZZ_TARGETS)

FUZZ_ALL_CFLAGS = $(AM_CFLAGS) $(FUZZ_CFLAGS)
# The kernel's files include "block/block.h", "config.h" (the kernel's,
# not autoconf's: -iquote comes first) and need its build switches; they
# print through the kernel's own printf.c.
FUZZ_KERNEL_CPPFLAGS = $(AM_CPPFLAGS) -iquote $(srcdir)/kernel \
	-iquote $(srcdir)/tools/tests -DPORTIX_VERSION='"fuzz"' \
	-DPORTIX_DEBUG=0
FUZZ_KERNEL_SHIM = $(KERNEL_SHIM) kernel/lib/printf.c
FUZZ_FAT_FILES = $(FAT_SOURCES) common/utf8.c \
	tools/tests/test-fat.h tools/tests/test-fat-dev.c \
	tools/tests/test-fat-fsck.c fuzz/fuzz-fat-support.c fuzz/fuzz-fat.h

fuzz_fuzz_fat_mount_SOURCES = fuzz/fuzz-fat-mount.c $(FUZZ_FAT_FILES)
fuzz_fuzz_fat_mount_CFLAGS = $(FUZZ_ALL_CFLAGS)
fuzz_fuzz_fat_mount_LDFLAGS = $(FUZZ_CFLAGS)

fuzz_fuzz_fat_ops_SOURCES = fuzz/fuzz-fat-ops.c $(FUZZ_FAT_FILES)
fuzz_fuzz_fat_ops_CFLAGS = $(FUZZ_ALL_CFLAGS)
fuzz_fuzz_fat_ops_LDFLAGS = $(FUZZ_CFLAGS)

# block.c is #included by the target (its device table is reset per run).
fuzz_fuzz_blk_scan_SOURCES = fuzz/fuzz-blk-scan.c kernel/block/mbr.c \
	kernel/block/eltorito.c $(FUZZ_KERNEL_SHIM)
fuzz_fuzz_blk_scan_CPPFLAGS = $(FUZZ_KERNEL_CPPFLAGS)
fuzz_fuzz_blk_scan_CFLAGS = $(FUZZ_ALL_CFLAGS)
fuzz_fuzz_blk_scan_LDFLAGS = $(FUZZ_CFLAGS)

fuzz_fuzz_lineedit_SOURCES = fuzz/fuzz-lineedit.c kernel/shell/lineedit.c \
	$(FUZZ_KERNEL_SHIM)
fuzz_fuzz_lineedit_CPPFLAGS = $(FUZZ_KERNEL_CPPFLAGS)
fuzz_fuzz_lineedit_CFLAGS = $(FUZZ_ALL_CFLAGS)
fuzz_fuzz_lineedit_LDFLAGS = $(FUZZ_CFLAGS)

fuzz_fuzz_boot_headers_SOURCES = fuzz/fuzz-boot-headers.c \
	kernel/boot/bootinfo.c kernel/boot/cmdline.c $(FUZZ_KERNEL_SHIM) \
	$(tools_libportix_la_SOURCES)
nodist_fuzz_fuzz_boot_headers_SOURCES = tools/libportix/chain-bin.h
fuzz_fuzz_boot_headers_CPPFLAGS = $(FUZZ_KERNEL_CPPFLAGS)
fuzz_fuzz_boot_headers_CFLAGS = $(FUZZ_ALL_CFLAGS)
fuzz_fuzz_boot_headers_LDFLAGS = $(FUZZ_CFLAGS)

# The program itself, its main() renamed and its fclose() routed to the
# harness (it closes stdout).
fuzz_fuzz_mkimage_args_SOURCES = fuzz/fuzz-mkimage-args.c \
	tools/portix-mkimage.c tools/cli.c tools/cli.h \
	fuzz/fuzz-boot-pieces.c fuzz/fuzz-boot-pieces.h \
	$(tools_libportix_la_SOURCES)
nodist_fuzz_fuzz_mkimage_args_SOURCES = tools/libportix/chain-bin.h
fuzz_fuzz_mkimage_args_CPPFLAGS = $(tools_portix_mkimage_CPPFLAGS) \
	-Dmain=mkimage_main -Dfclose=fuzz_fclose
fuzz_fuzz_mkimage_args_CFLAGS = $(FUZZ_ALL_CFLAGS)
fuzz_fuzz_mkimage_args_LDFLAGS = $(FUZZ_CFLAGS)

fuzz_fuzz_media_sizes_SOURCES = fuzz/fuzz-media-sizes.c \
	fuzz/fuzz-boot-pieces.c fuzz/fuzz-boot-pieces.h \
	$(tools_libportix_la_SOURCES)
nodist_fuzz_fuzz_media_sizes_SOURCES = tools/libportix/chain-bin.h
fuzz_fuzz_media_sizes_CFLAGS = $(FUZZ_ALL_CFLAGS)
fuzz_fuzz_media_sizes_LDFLAGS = $(FUZZ_CFLAGS)

$(fuzz_fuzz_boot_headers_OBJECTS) $(fuzz_fuzz_mkimage_args_OBJECTS) \
$(fuzz_fuzz_media_sizes_OBJECTS): tools/libportix/chain-bin.h

fuzz: $(FUZZ_TARGETS)
fuzz-run: fuzz
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) \
	  $(SHELL) $(srcdir)/fuzz/run-fuzzers $(srcdir)/fuzz fuzz \
	  $(FUZZ_TARGET_NAMES)
else
fuzz fuzz-run:
	@echo "$@: configure with --enable-fuzzing (and CC=clang) first" >&2
	@exit 1
endif
FUZZ_SECONDS = 60
FUZZ_JOBS = 2
.PHONY: fuzz fuzz-run
