## bench/local.mk - benchmarks.  Not tests: they time things and print
## tables for doc/PERFORMANCE.md; `make bench' runs them all.

bench_scripts = bench/boot-time bench/kernel-io bench/media-cost
EXTRA_DIST += $(bench_scripts) bench/floor.asm
