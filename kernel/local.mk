## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## kernel/local.mk - the freestanding kernel, built with the kernel
## toolchain configure chose (KERNEL_CC, KERNEL_LD, KERNEL_OBJCOPY), not
## with the host compiler automake knows about.  Hence plain make rules.
##
##   *.c, *.asm --> kernel objects --KERNEL_LD--> kernel/kernel-pass1.elf
##   --KERNEL_NM--> kernel/ksyms-table.c (the kernel's own symbol table, for
##   exception reports) --KERNEL_LD again--> kernel/kernel.elf (symbols,
##   for gdb; link map kernel/kernel.map) --objcopy -O binary--> kernel.bin

# C sources, relative to the top of the source tree.
KERNEL_CSRC = \
	kernel/main.c \
	kernel/console.c \
	kernel/klog.c \
	kernel/ksyms.c \
	kernel/panic.c \
	kernel/power.c \
	kernel/crash.c \
	kernel/boot/bootinfo.c \
	kernel/boot/boottime.c \
	kernel/boot/cmdline.c \
	kernel/arch/x86_64/gdt.c \
	kernel/arch/x86_64/idt.c \
	kernel/arch/x86_64/exceptions.c \
	kernel/arch/x86_64/pic.c \
	kernel/arch/x86_64/irq.c \
	kernel/arch/x86_64/pit.c \
	kernel/arch/x86_64/cpuinfo.c \
	kernel/mm/frame.c \
	kernel/mm/paging.c \
	kernel/mm/heap.c \
	kernel/acpi/acpi.c \
	kernel/drivers/serial.c \
	kernel/drivers/vga.c \
	kernel/drivers/fbcon.c \
	kernel/drivers/fbcon-font.c \
	kernel/drivers/keyboard.c \
	kernel/drivers/pci.c \
	kernel/lib/printf.c \
	kernel/lib/string.c \
	kernel/lib/error.c \
	kernel/shell/shell.c \
	kernel/shell/lineedit.c \
	kernel/shell/commands.c \
	kernel/shell/builtins.c \
	kernel/shell/cmd-system.c \
	kernel/shell/cmd-memory.c \
	kernel/shell/cmd-pci.c \
	kernel/drivers/atacmd.c \
	kernel/drivers/ata.c \
	kernel/drivers/ahci.c \
	kernel/drivers/ahci-cmd.c \
	kernel/drivers/rtc.c \
	kernel/block/block.c \
	kernel/block/drives.c \
	kernel/block/mbr.c \
	kernel/block/eltorito.c \
	kernel/block/bootdisk.c \
	kernel/drivers/virtio-blk.c \
	kernel/fs/mount.c \
	kernel/fs/path.c \
	kernel/fs/fscheck.c \
	kernel/shell/cmd-fs.c \
	kernel/shell/cmd-blk.c \
	kernel/shell/cmd-bench.c \
	$(COMMON_SOURCES) \
	$(filter %.c,$(FAT_SOURCES))

KERNEL_HDRS = \
	kernel/config.h kernel/console.h kernel/panic.h kernel/crash.h \
	kernel/kassert.h kernel/klog.h kernel/ksyms.h kernel/power.h \
	kernel/boot/bootinfo.h kernel/boot/boottime.h kernel/boot/cmdline.h \
	kernel/arch/x86_64/cpu.h kernel/arch/x86_64/gdt.h \
	kernel/arch/x86_64/idt.h kernel/arch/x86_64/io.h \
	kernel/arch/x86_64/trap.h kernel/arch/x86_64/pic.h \
	kernel/arch/x86_64/irq.h kernel/arch/x86_64/pit.h \
	kernel/arch/x86_64/cpuinfo.h \
	kernel/mm/frame.h kernel/mm/paging.h kernel/mm/heap.h \
	kernel/acpi/acpi.h \
	kernel/drivers/serial.h kernel/drivers/vga.h \
	kernel/drivers/fbcon.h kernel/drivers/fbcon-font.h kernel/drivers/textcursor.h \
	kernel/drivers/keyboard.h kernel/drivers/pci.h \
	kernel/drivers/ahci-hw.h \
	kernel/lib/printf.h kernel/lib/string.h kernel/lib/error.h \
	kernel/shell/shell.h kernel/shell/lineedit.h \
	kernel/drivers/ata.h kernel/drivers/atacmd.h \
	kernel/drivers/ahci.h kernel/drivers/rtc.h kernel/block/block.h kernel/block/mbr.h \
	kernel/drivers/virtio-blk.h kernel/block/eltorito.h kernel/block/bootdisk.h kernel/fs/mount.h kernel/fs/path.h kernel/fs/fscheck.h \
	kernel/shell/cmd-fs.h

# Every kernel object is built under kernel/ in the build tree; shared
# code from common/ lands in kernel/common/.
KERNEL_COBJS = $(patsubst common/%.c,kernel/common/%.o,\
	$(patsubst kernel/%.c,kernel/%.o,$(KERNEL_CSRC)))
KERNEL_OBJS = kernel/entry.o kernel/isr.o $(KERNEL_COBJS)

# The FAT cache is also the buffer of the whole-FAT passes (the check
# at mount compares the copies and scans the table through it): 64
# sectors make those a few 16 KiB and 32 KiB requests where 8 made
# dozens, each a disk round trip.  Every kernel object sees this size.
KERNEL_CPPFLAGS = -I$(top_srcdir)/include -I$(top_srcdir)/kernel \
	-DPORTIX_VERSION='"$(VERSION)"' \
	-DPORTIX_DEBUG=$(PORTIX_DEBUG) -DFAT_CACHE_SECTORS=64
# No red zone, no SSE/x87 (general registers only), no PIC: see
# m4/portix-kernel-cc.m4.  The kernel runs identity-mapped below 2 GiB,
# so the small code model fits.
# -ffile-prefix-map: assertion messages (__FILE__) and debug info name
# source files relative to the tree, so the kernel does not depend on
# where the sources were unpacked.
KERNEL_ALL_CFLAGS = $(KERNEL_BASE_CFLAGS) -std=gnu11 -mcmodel=small \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	'-ffile-prefix-map=$(abs_top_srcdir)/=' '-ffile-prefix-map=$(top_srcdir)/=' \
	$(KERNEL_OPT_CFLAGS) -Wall -Wextra $(PORTIX_WERROR) $(KERNEL_CFLAGS)

# The compiler and flags every kernel object is built with, in a file
# rewritten only when they change (configure's switches are -D flags):
# the objects depend on it rather than on Makefile, so a reconfigure
# that keeps them rebuilds no kernel object.  make compares and rewrites
# it while reading the Makefile, before it decides what is out of date,
# so "make -n" sees the truth too.
KERNEL_FLAGS_SQ = $(subst ','\'',$(KERNEL_CC) $(KERNEL_CPPFLAGS) $(KERNEL_ALL_CFLAGS))
KERNEL_FLAGS_UPDATE := $(shell $(MKDIR_P) kernel && \
	printf '%s\n' '$(KERNEL_FLAGS_SQ)' > kernel/flags.stamp-t && \
	if cmp -s kernel/flags.stamp-t kernel/flags.stamp; then \
	  rm -f kernel/flags.stamp-t; \
	else \
	  mv -f kernel/flags.stamp-t kernel/flags.stamp; \
	fi)

kernel/%.o: $(top_srcdir)/kernel/%.c kernel/flags.stamp
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(LOGRUN) $(KERNEL_CC) $(KERNEL_CPPFLAGS) $(KERNEL_ALL_CFLAGS) \
	  -MMD -MP -MF $(@:.o=.d) -c -o $@ $<
kernel/common/%.o: $(top_srcdir)/common/%.c kernel/flags.stamp
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(LOGRUN) $(KERNEL_CC) $(KERNEL_CPPFLAGS) $(KERNEL_ALL_CFLAGS) \
	  -MMD -MP -MF $(@:.o=.d) -c -o $@ $<
-include $(KERNEL_COBJS:.o=.d) kernel/ksyms-empty.d

kernel/entry.o: $(top_srcdir)/kernel/arch/x86_64/entry.asm boot/layout.inc
	$(AM_V_GEN)$(MKDIR_P) kernel && \
	$(LOGRUN) $(NASM) -f elf64 -I boot/ -o $@ $(top_srcdir)/kernel/arch/x86_64/entry.asm
kernel/isr.o: $(top_srcdir)/kernel/arch/x86_64/isr.asm boot/layout.inc
	$(AM_V_GEN)$(MKDIR_P) kernel && \
	$(LOGRUN) $(NASM) -f elf64 -I boot/ -o $@ $(top_srcdir)/kernel/arch/x86_64/isr.asm

# The linker script takes its addresses from layout.h through cpp.
kernel/kernel.ld: $(top_srcdir)/kernel/arch/x86_64/kernel.ld.S $(top_srcdir)/include/portix/layout.h
	$(AM_V_GEN)$(MKDIR_P) kernel && \
	$(KERNEL_CC) -E -P -undef -nostdinc -x c -I$(top_srcdir)/include \
	  -o $@ $(top_srcdir)/kernel/arch/x86_64/kernel.ld.S

# The symbol table takes two links (see kernel/ksyms.h).  The first
# links an empty table; nm lists its text symbols, sorted; the second
# link adds them.  The table is read-only data placed after all text,
# so no function moves: the rule checks that, to be sure.
KSYMS_FROM_NM = $(AWK) '\
  BEGIN { print "/* Generated by kernel/local.mk from nm: do not edit. */"; \
          print "\#include <stddef.h>"; print "\#include \"ksyms.h\""; \
          print "const struct ksym ksym_table[] = {" } \
  $$2 ~ /^[tTwW]$$/ && $$3 !~ /^\.L/ \
        { printf "\t{ 0x%s, \"%s\" },\n", $$1, $$3; n++ } \
  END { print "\t{ 0, NULL }"; print "};"; \
        printf "const size_t ksym_count = %d;\n", n }'

kernel/ksyms-empty.o: $(top_srcdir)/kernel/ksyms-empty.c kernel/flags.stamp
kernel/kernel-pass1.elf: $(KERNEL_OBJS) kernel/ksyms-empty.o kernel/kernel.ld
	$(AM_V_GEN)$(LOGRUN) $(KERNEL_LD) -nostdlib -static -T kernel/kernel.ld \
	  -o $@ $(KERNEL_OBJS) kernel/ksyms-empty.o
kernel/ksyms-table.c: kernel/kernel-pass1.elf
	$(AM_V_GEN)$(KERNEL_NM) -n kernel/kernel-pass1.elf | $(KSYMS_FROM_NM) > $@-t && \
	  mv -f $@-t $@
kernel/ksyms-table.o: kernel/ksyms-table.c kernel/flags.stamp
	$(AM_V_CC)$(LOGRUN) $(KERNEL_CC) $(KERNEL_CPPFLAGS) $(KERNEL_ALL_CFLAGS) \
	  -c -o $@ kernel/ksyms-table.c
kernel/kernel.elf: $(KERNEL_OBJS) kernel/ksyms-table.o kernel/kernel.ld
	$(AM_V_GEN)$(LOGRUN) $(KERNEL_LD) -nostdlib -static -T kernel/kernel.ld \
	  -Map kernel/kernel.map -o $@ $(KERNEL_OBJS) kernel/ksyms-table.o && \
	$(KERNEL_NM) -n $@ | $(KSYMS_FROM_NM) | cmp -s - kernel/ksyms-table.c || { \
	  echo "$@: functions moved between the two links" >&2; \
	  rm -f $@; exit 1; }

kernel/kernel.bin: kernel/kernel.elf
	$(AM_V_GEN)$(LOGRUN) $(KERNEL_OBJCOPY) -O binary kernel/kernel.elf $@

noinst_DATA += kernel/isr.o
# Installed: the flat kernel beside the boot stages (data portix-mkimage
# lays out), the ELF with its symbols where ELF files go (for gdb).
pkgdata_DATA += kernel/kernel.bin
kernelelfdir = $(pkglibdir)
kernelelf_DATA = kernel/kernel.elf
CLEANFILES += kernel/flags.stamp kernel/flags.stamp-t \
	kernel/kernel.bin kernel/kernel.elf kernel/kernel.map \
	kernel/kernel.ld kernel/kernel-pass1.elf kernel/ksyms-table.c \
	kernel/ksyms-table.c-t
clean-local: clean-kernel
# Only objects and dependency files: in an in-tree build the sources
# live beside them.
clean-kernel:
	-find kernel -type f \( -name '*.o' -o -name '*.d' \) -exec rm -f {} +
.PHONY: clean-kernel

EXTRA_DIST += $(KERNEL_CSRC) $(KERNEL_HDRS) kernel/ksyms-empty.c \
	kernel/arch/x86_64/entry.asm kernel/arch/x86_64/isr.asm \
	kernel/arch/x86_64/kernel.ld.S

# The framebuffer console's font, generated from a PSF1 console font
# (configure's CONSOLE_FONT) and shipped: `make fbcon-font` rewrites it
# (or FBCON_FONT_OUT), byte for byte the same from the same font.
EXTRA_DIST += build-aux/psf2c.awk
FBCON_FONT_OUT = $(srcdir)/kernel/drivers/fbcon-font.c
.PHONY: fbcon-font
fbcon-font:
	@test -n "$(CONSOLE_FONT)" || { \
	  echo 'fbcon-font: no console font: apt-get install console-setup-linux, or configure CONSOLE_FONT=FILE.psf.gz' >&2; \
	  exit 1; }
	gzip -dc $(CONSOLE_FONT) | od -An -v -tu1 | \
	  $(AWK) -v FONT=`basename $(CONSOLE_FONT)` \
	    -f $(srcdir)/build-aux/psf2c.awk > $(FBCON_FONT_OUT)-t
	mv $(FBCON_FONT_OUT)-t $(FBCON_FONT_OUT)
