## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## tools/local.mk - libportix and the programs over it.

lib_LTLIBRARIES += tools/libportix.la
tools_libportix_la_SOURCES = \
	tools/libportix/internal.h \
	tools/libportix/image.c \
	tools/libportix/load.c \
	tools/libportix/layout.c \
	tools/libportix/output.c \
	tools/libportix/write-raw.c \
	tools/libportix/media.c \
	tools/libportix/write-iso.c \
	tools/libportix/write-vdi.c \
	tools/libportix/write-vmdk.c \
	tools/libportix/write-ventoy.c \
	tools/libportix/mbr.h \
	tools/libportix/mbr.c \
	tools/libportix/sparse.h \
	tools/libportix/sparse.c \
	tools/libportix/datapart.h \
	tools/libportix/datapart.c \
	tools/libportix/addfile.c \
	tools/libportix/probe.c \
	tools/libportix/version.c \
	tools/libportix/vdi.h \
	tools/libportix/vmdk.h \
	$(FAT_SOURCES) \
	$(COMMON_SOURCES)
# Per-target flags give the library's objects their own names: the FAT
# sources are also compiled straight into tools/tests/test-fat.
tools_libportix_la_CFLAGS = $(AM_CFLAGS)
tools_libportix_la_LDFLAGS = -version-info $(LIBPORTIX_LT_VERSION) \
	-no-undefined -export-symbols-regex '^portix_'

# The ventoy-sim MBR is built into the library, as a C array generated
# from boot/chain.bin (never committed, never distributed).
nodist_tools_libportix_la_SOURCES = tools/libportix/chain-bin.h
$(tools_libportix_la_OBJECTS): tools/libportix/chain-bin.h
tools/libportix/chain-bin.h: boot/chain.bin
	$(AM_V_GEN)$(MKDIR_P) tools/libportix && { \
	  echo '/* Generated from boot/chain.bin by make: do not edit.  */'; \
	  echo 'static const unsigned char pxi_chain_bin[] = {'; \
	  od -An -v -tu1 boot/chain.bin | \
	    sed 's/^  *//; s/  *$$//; s/  */, /g; s/^/\t/; s/$$/,/'; \
	  echo '};'; \
	} > $@-t && mv -f $@-t $@
CLEANFILES += tools/libportix/chain-bin.h

bin_PROGRAMS += tools/portix-mkimage
tools_portix_mkimage_SOURCES = tools/portix-mkimage.c tools/cli.c tools/cli.h
tools_portix_mkimage_LDADD = tools/libportix.la
# Where the installed boot pieces are (PORTIX_DATADIR overrides it).
tools_portix_mkimage_CPPFLAGS = $(AM_CPPFLAGS) \
	-DPORTIX_PKGDATADIR='"$(pkgdatadir)"'
# Rebuilt when configure's directories change.
$(tools_portix_mkimage_OBJECTS): Makefile

bin_PROGRAMS += tools/portix-run
tools_portix_run_SOURCES = tools/portix-run.c tools/cli.c tools/cli.h
tools_portix_run_LDADD = tools/libportix.la
# Where the installed kernel.elf is, for the gdb command it prints.
tools_portix_run_CPPFLAGS = $(AM_CPPFLAGS) \
	-DPORTIX_PKGLIBDIR='"$(pkglibdir)"'
$(tools_portix_run_OBJECTS): Makefile

pkgconfigdir = $(libdir)/pkgconfig
pkgconfig_DATA = tools/portix.pc
DISTCLEANFILES += tools/portix.pc
EXTRA_DIST += tools/portix.pc.in

# Unit tests, run from the DejaGnu testsuite.
check_PROGRAMS += tools/tests/test-crc32
tools_tests_test_crc32_SOURCES = tools/tests/test-crc32.c
tools_tests_test_crc32_LDADD = tools/libportix.la
check_PROGRAMS += tools/tests/test-image-api
tools_tests_test_image_api_SOURCES = tools/tests/test-image-api.c
tools_tests_test_image_api_LDADD = tools/libportix.la
check_PROGRAMS += tools/tests/test-probe
tools_tests_test_probe_SOURCES = tools/tests/test-probe.c
tools_tests_test_probe_LDADD = tools/libportix.la
# The testsuite's way to QEMU's UNIX-socket monitor (Tcl has none).
check_PROGRAMS += tools/tests/unix-relay
tools_tests_unix_relay_SOURCES = tools/tests/unix-relay.c
# The FAT code on its own, against image files and an in-memory disk.
check_PROGRAMS += tools/tests/test-fat
tools_tests_test_fat_SOURCES = \
	tools/tests/test-fat.c tools/tests/test-fat.h \
	tools/tests/test-fat-dev.c tools/tests/test-fat-fsck.c \
	tools/tests/test-fat-unit.c tools/tests/test-fat-names.c \
	tools/tests/test-fat-corrupt.c tools/tests/test-fat-fuzz.c \
	tools/tests/test-fat-image.c \
	$(FAT_SOURCES) common/utf8.c
# Its own objects of the FAT code (libportix exports only portix_*).
tools_tests_test_fat_CFLAGS = $(AM_CFLAGS)
# The shell's line editor, compiled from the kernel's source for the
# host (a sanitizer build catches undefined behaviour in it).
# kernel-shim.c stands in for the kernel services that kernel files call
# on the host, here and in the fuzzers (fuzz/local.mk).
KERNEL_SHIM = tools/tests/kernel-shim.c tools/tests/kernel-shim.h
check_PROGRAMS += tools/tests/test-lineedit
tools_tests_test_lineedit_SOURCES = tools/tests/test-lineedit.c \
	kernel/shell/lineedit.c $(KERNEL_SHIM)
tools_tests_test_lineedit_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/kernel
