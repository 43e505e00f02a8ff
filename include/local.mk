## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## include/local.mk - headers shared by boot stages, kernel and tools.

portixincludedir = $(includedir)/portix
# The public face of libportix.
portixinclude_HEADERS = \
	include/portix/image.h \
	include/portix/layout.h \
	include/portix/boot.h \
	include/portix/crc32.h \
	include/portix/probe.h \
	include/portix/utf8.h

# The FAT contract and little-endian access: shared by the kernel,
# libportix and the tests, not installed (libportix exports only the
# functions image.h, probe.h, crc32.h and version.h declare).
noinst_HEADERS = include/portix/fat.h include/portix/le.h

# Written by configure from version.h.in: the version macros.
nodist_portixinclude_HEADERS = include/portix/version.h
EXTRA_DIST += include/portix/version.h.in
DISTCLEANFILES += include/portix/version.h
