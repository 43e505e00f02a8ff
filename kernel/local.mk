## kernel/local.mk - the freestanding kernel, built with the kernel
## toolchain configure chose (KERNEL_CC, KERNEL_LD, KERNEL_OBJCOPY), not
## with the host compiler automake knows about.  Hence plain make rules.
##
##   *.c, *.asm --> kernel objects --KERNEL_LD--> kernel/kernel.elf (symbols,
##   for gdb; link map kernel/kernel.map) --objcopy -O binary--> kernel.bin

# C sources, relative to the top of the source tree.
KERNEL_CSRC = \
	kernel/main.c \
	kernel/console.c \
	kernel/panic.c \
	kernel/crash.c \
	kernel/boot/bootinfo.c \
	kernel/boot/cmdline.c \
	kernel/arch/x86_64/gdt.c \
	kernel/arch/x86_64/idt.c \
	kernel/arch/x86_64/exceptions.c \
	kernel/drivers/serial.c \
	kernel/lib/printf.c \
	kernel/lib/string.c \
	kernel/shell/shell.c \
	kernel/shell/commands.c \
	kernel/shell/builtins.c \
	$(COMMON_SOURCES)

KERNEL_HDRS = \
	kernel/config.h kernel/console.h kernel/panic.h kernel/crash.h \
	kernel/boot/bootinfo.h kernel/boot/cmdline.h \
	kernel/arch/x86_64/cpu.h kernel/arch/x86_64/gdt.h \
	kernel/arch/x86_64/idt.h kernel/arch/x86_64/io.h \
	kernel/arch/x86_64/trap.h \
	kernel/drivers/serial.h kernel/lib/printf.h kernel/lib/string.h \
	kernel/shell/shell.h

# Every kernel object is built under kernel/ in the build tree; shared
# code from common/ lands in kernel/common/.
KERNEL_COBJS = $(patsubst common/%.c,kernel/common/%.o,\
	$(patsubst kernel/%.c,kernel/%.o,$(KERNEL_CSRC)))
KERNEL_OBJS = kernel/entry.o kernel/isr.o $(KERNEL_COBJS)

KERNEL_CPPFLAGS = -I$(top_srcdir)/include -I$(top_srcdir)/kernel \
	-DPORTIX_VERSION='"$(VERSION)"' \
	-DPORTIX_WITH_SERIAL=$(PORTIX_WITH_SERIAL) \
	-DPORTIX_DEBUG=$(PORTIX_DEBUG)
# No red zone, no SSE/x87 (general registers only), no PIC: see
# m4/portix-kernel-cc.m4.  The kernel runs identity-mapped below 2 GiB,
# so the small code model fits.
KERNEL_ALL_CFLAGS = $(KERNEL_BASE_CFLAGS) -std=gnu11 -mcmodel=small \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	$(KERNEL_OPT_CFLAGS) -Wall -Wextra $(PORTIX_WERROR) $(KERNEL_CFLAGS)

# The objects depend on Makefile: configure's switches are -D flags.
kernel/%.o: $(top_srcdir)/kernel/%.c Makefile
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(LOGRUN) $(KERNEL_CC) $(KERNEL_CPPFLAGS) $(KERNEL_ALL_CFLAGS) \
	  -MMD -MP -MF $(@:.o=.d) -c -o $@ $<
kernel/common/%.o: $(top_srcdir)/common/%.c Makefile
	$(AM_V_CC)$(MKDIR_P) $(@D) && \
	$(LOGRUN) $(KERNEL_CC) $(KERNEL_CPPFLAGS) $(KERNEL_ALL_CFLAGS) \
	  -MMD -MP -MF $(@:.o=.d) -c -o $@ $<
-include $(KERNEL_COBJS:.o=.d)

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

kernel/kernel.elf: $(KERNEL_OBJS) kernel/kernel.ld
	$(AM_V_GEN)$(LOGRUN) $(KERNEL_LD) -nostdlib -static -T kernel/kernel.ld \
	  -Map kernel/kernel.map -o $@ $(KERNEL_OBJS)

kernel/kernel.bin: kernel/kernel.elf
	$(AM_V_GEN)$(LOGRUN) $(KERNEL_OBJCOPY) -O binary kernel/kernel.elf $@

noinst_DATA += kernel/isr.o kernel/kernel.elf kernel/kernel.bin
CLEANFILES += kernel/kernel.bin kernel/kernel.elf kernel/kernel.map \
	kernel/kernel.ld
clean-local: clean-kernel
# Only objects and dependency files: in an in-tree build the sources
# live beside them.
clean-kernel:
	-find kernel -type f \( -name '*.o' -o -name '*.d' \) -exec rm -f {} +
.PHONY: clean-kernel

EXTRA_DIST += $(KERNEL_CSRC) $(KERNEL_HDRS) \
	kernel/arch/x86_64/entry.asm kernel/arch/x86_64/isr.asm \
	kernel/arch/x86_64/kernel.ld.S
