## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## boot/local.mk - stage 1 (MBR) and stage 2, assembled by NASM.
##
## The NASM twin of include/portix/layout.h is generated, never copied, so
## the boot stages, kernel and tools share one set of numbers.

BOOT_LAYOUT_H = $(top_srcdir)/include/portix/layout.h

boot/layout.inc: $(BOOT_LAYOUT_H) $(top_srcdir)/boot/layout-inc.sed
	$(AM_V_GEN)$(MKDIR_P) boot && \
	sed -n -f $(top_srcdir)/boot/layout-inc.sed $(BOOT_LAYOUT_H) > $@-t && \
	mv -f $@-t $@

# Stage 1 must be one sector ending 55 AA.  NASM refuses code that runs into
# the parameter block; this re-checks what came out.
boot/boot.bin: $(top_srcdir)/boot/boot.asm boot/layout.inc $(top_srcdir)/boot/bios.inc
	$(AM_V_GEN)$(LOGRUN) $(NASM) -f bin -I boot/ -I $(top_srcdir)/boot/ \
	  -o $@ $(top_srcdir)/boot/boot.asm && \
	size=`wc -c < $@` && sig=`od -An -tx1 -j510 -N2 $@ | tr -d ' '` && \
	if test "$$size" -ne 512 || test "$$sig" != 55aa; then \
	  echo "$@: must be 512 bytes ending 55 AA (is $$size bytes, ends $$sig)" >&2; \
	  rm -f $@; exit 1; fi

# Stage 2 must be exactly PORTIX_STAGE2_SECTORS sectors.
boot/stage2.bin: $(top_srcdir)/boot/stage2.asm boot/layout.inc $(top_srcdir)/boot/bios.inc \
	$(top_srcdir)/boot/stage2-disk.inc $(top_srcdir)/boot/stage2-console.inc \
	$(top_srcdir)/boot/stage2-identity.inc
	$(AM_V_GEN)$(LOGRUN) $(NASM) -f bin -I boot/ -I $(top_srcdir)/boot/ \
	  -o $@ $(top_srcdir)/boot/stage2.asm && \
	sectors=`sed -n 's/^%define PORTIX_STAGE2_SECTORS \([0-9]*\)$$/\1/p' boot/layout.inc` && \
	size=`wc -c < $@` && \
	if test "$$size" -ne `expr $$sectors \* 512`; then \
	  echo "$@: must be $$sectors sectors (is $$size bytes)" >&2; \
	  rm -f $@; exit 1; fi

# The ventoy-sim MBR (chain-loader): one sector ending 55 AA, built into
# libportix (tools/local.mk turns it into a C array).
boot/chain.bin: $(top_srcdir)/boot/chain.asm boot/layout.inc $(top_srcdir)/boot/bios.inc
	$(AM_V_GEN)$(LOGRUN) $(NASM) -f bin -I boot/ -I $(top_srcdir)/boot/ \
	  -o $@ $(top_srcdir)/boot/chain.asm && \
	size=`wc -c < $@` && sig=`od -An -tx1 -j510 -N2 $@ | tr -d ' '` && \
	if test "$$size" -ne 512 || test "$$sig" != 55aa; then \
	  echo "$@: must be 512 bytes ending 55 AA (is $$size bytes, ends $$sig)" >&2; \
	  rm -f $@; exit 1; fi

# Stage 1 and stage 2 are installed for portix-mkimage (pkgdatadir, see
# tools/local.mk); chain.bin lives inside libportix.
pkgdata_DATA += boot/boot.bin boot/stage2.bin
noinst_DATA += boot/chain.bin
CLEANFILES += boot/layout.inc boot/boot.bin boot/stage2.bin boot/chain.bin
EXTRA_DIST += boot/boot.asm boot/stage2.asm boot/chain.asm boot/bios.inc \
	boot/stage2-disk.inc boot/stage2-console.inc \
	boot/stage2-identity.inc boot/layout-inc.sed
