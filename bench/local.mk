## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## bench/local.mk - benchmarks.  Not tests: they time things and print
## tables for doc/PERFORMANCE.md; `make bench' runs them all (bench/run)
## and prints one table.

bench_scripts = bench/run bench/boot-time bench/kernel-io bench/media-cost \
	bench/build-time bench/disk-read
EXTRA_DIST += $(bench_scripts) bench/floor.asm bench/floor-efi.c

# The UEFI floor, built like the loader (boot/efi/local.mk) when it is.
if ENABLE_UEFI
BENCH_FLOOR_EFI = bench/floor.efi
bench/floor.obj: $(top_srcdir)/bench/floor-efi.c
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(LOGRUN) $(EFI_CC) $(EFI_ALL_CFLAGS) -c -o $@ $<
bench/floor.efi: bench/floor.obj
	$(AM_V_GEN)$(LOGRUN) $(EFI_LD) $(PORTIX_EFI_LDFLAGS) /out:$@ bench/floor.obj
CLEANFILES += bench/floor.efi bench/floor.obj
endif

bench: all $(BENCH_FLOOR_EFI)
	$(SHELL) $(srcdir)/bench/run $(top_builddir)
.PHONY: bench
