## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## bench/local.mk - benchmarks.  Not tests: they time things and print
## tables for doc/PERFORMANCE.md; `make bench' runs them all (bench/run)
## and prints one table.

bench_scripts = bench/run bench/boot-time bench/kernel-io bench/media-cost \
	bench/build-time bench/disk-read
EXTRA_DIST += $(bench_scripts) bench/floor.asm

bench: all
	$(SHELL) $(srcdir)/bench/run $(top_builddir)
.PHONY: bench
