## include/local.mk - headers shared by boot stages, kernel and tools.

portixincludedir = $(includedir)/portix
# The public face of libportix.
portixinclude_HEADERS = \
	include/portix/image.h \
	include/portix/layout.h \
	include/portix/boot.h \
	include/portix/crc32.h

# The FAT contract and little-endian access: shared by the kernel,
# libportix and the tests, not installed (libportix exports only the
# functions image.h and crc32.h declare).
noinst_HEADERS = include/portix/fat.h include/portix/le.h
