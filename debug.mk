## debug.mk - make debug: QEMU halted with a gdb stub, gdb on kernel.elf.
##
##   make debug                boots portix.img in QEMU, stopped before
##                             the BIOS, with a gdb stub on
##                             127.0.0.1:$(GDB_PORT); gdb loads
##                             kernel/kernel.elf, connects, and stops at
##                             kmain (kernel/debug.gdb.in).  COM1 goes to
##                             logs/serial.log; quitting gdb ends QEMU.
##   make debug GDB_PORT=4321  another port
## Configure with --enable-debug for -O0 -g and kernel assertions.

GDB_PORT = 1234

kernel/debug.gdb: $(top_srcdir)/kernel/debug.gdb.in Makefile
	$(AM_V_GEN)$(MKDIR_P) kernel && \
	sed -e 's|@GDB_PORT@|$(GDB_PORT)|g' \
	  $(top_srcdir)/kernel/debug.gdb.in > $@-t && mv -f $@-t $@

debug: portix.img kernel/kernel.elf kernel/debug.gdb
	@if test -z "$(QEMU)"; then \
	  echo "make debug: qemu-system-x86_64 not found (apt-get install qemu-system-x86), then ./configure" >&2; \
	  exit 1; fi
	@if test -z "$(GDB)"; then \
	  echo "make debug: gdb not found (apt-get install gdb), then ./configure" >&2; \
	  exit 1; fi
	@$(MKDIR_P) logs
	$(QEMU) -nodefaults -no-reboot -m $(QEMU_MEMORY) \
	  -display $(DISPLAY_MODE) -vga std \
	  -serial file:logs/serial.log \
	  -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	  -d guest_errors,cpu_reset -D logs/debug.log \
	  -drive file=portix.img,format=raw,if=ide,index=0,media=disk \
	  -S -gdb tcp:127.0.0.1:$(GDB_PORT) & \
	qemu_pid=$$!; \
	$(GDB) -q -x kernel/debug.gdb kernel/kernel.elf; \
	kill $$qemu_pid 2>/dev/null; wait $$qemu_pid; true

.PHONY: debug
EXTRA_DIST += kernel/debug.gdb.in
CLEANFILES += kernel/debug.gdb kernel/debug.gdb-t
