## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## boot/efi/local.mk - the UEFI loader, BOOTX64.EFI (see m4/portix-efi.m4).
##
## clang compiles freestanding C for the x86_64-unknown-windows target
## (PE/COFF objects, the Microsoft x64 convention UEFI uses); lld-link
## writes the PE32+ EFI application.  /Brepro puts a content hash where
## the link time would go, so the file depends on its sources only.

EFI_LOADER_SRCS = boot/efi/main.c boot/efi/disk.c boot/efi/memmap.c \
	boot/efi/console.c boot/efi/memory.c
EFI_LOADER_HDRS = boot/efi/efi.h boot/efi/loader.h
EXTRA_DIST += $(EFI_LOADER_SRCS) $(EFI_LOADER_HDRS) boot/efi/local.mk

if ENABLE_UEFI
EFI_OBJS = $(EFI_LOADER_SRCS:.c=.obj) boot/efi/crc32.obj
EFI_ALL_CFLAGS = $(PORTIX_EFI_CFLAGS) -std=c11 -Os \
	-I$(top_srcdir)/include -I$(top_builddir)/include \
	-Wall -Wextra $(PORTIX_WERROR)

boot/efi/%.obj: $(top_srcdir)/boot/efi/%.c
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(LOGRUN) $(EFI_CC) $(EFI_ALL_CFLAGS) -MMD -MP -MF $(@:.obj=.d) \
	  -c -o $@ $<
# The kernel's CRC-32, the same source.
boot/efi/crc32.obj: $(top_srcdir)/common/crc32.c
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(LOGRUN) $(EFI_CC) $(EFI_ALL_CFLAGS) -MMD -MP -MF $(@:.obj=.d) \
	  -c -o $@ $<
-include $(EFI_OBJS:.obj=.d)

boot/efi/BOOTX64.EFI: $(EFI_OBJS)
	$(AM_V_GEN)$(LOGRUN) $(EFI_LD) $(PORTIX_EFI_LDFLAGS) /out:$@ $(EFI_OBJS)

# Installed with stage 1 and stage 2, for portix-mkimage.
EFI_LOADER_BUILT = boot/efi/BOOTX64.EFI
pkgdata_DATA += $(EFI_LOADER_BUILT)
else
EFI_LOADER_BUILT =
endif
CLEANFILES += boot/efi/BOOTX64.EFI boot/efi/*.obj boot/efi/*.d boot/efi/*.lib
