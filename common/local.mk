## common/local.mk - freestanding code compiled both into libportix (here,
## through tools/local.mk) and into the kernel (kernel/local.mk).

COMMON_SOURCES = common/crc32.c
