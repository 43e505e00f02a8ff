## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## debug.mk - make debug: QEMU halted with a gdb stub, gdb on kernel.elf.
##
##   make debug                boots portix.img with portix-run --gdb,
##                             stopped before the BIOS, with a gdb stub
##                             on 127.0.0.1:$(GDB_PORT); gdb loads
##                             kernel/kernel.elf, connects, and stops at
##                             kmain (kernel/debug.gdb.in).  COM1 goes to
##                             logs/serial.log; quitting gdb ends QEMU.
##   make debug GDB_PORT=4321  another port (or a UNIX socket path)
## Configure with --enable-debug for -O0 -g and kernel assertions.

GDB_PORT = 1234

kernel/debug.gdb: $(top_srcdir)/kernel/debug.gdb.in Makefile
	$(AM_V_GEN)$(MKDIR_P) kernel && \
	target='$(GDB_PORT)' && \
	case $$target in *[!0-9]*) ;; *) target=127.0.0.1:$$target ;; esac && \
	sed -e "s|@GDB_TARGET@|$$target|g" \
	  $(top_srcdir)/kernel/debug.gdb.in > $@-t && mv -f $@-t $@

debug: portix.img kernel/kernel.elf kernel/debug.gdb tools/portix-run$(EXEEXT)
	@if test -z "$(GDB)"; then \
	  echo "make debug: gdb not found (apt-get install gdb), then ./configure" >&2; \
	  exit 1; fi
	@$(MKDIR_P) logs
	tools/portix-run$(EXEEXT) $(RUN_QEMU) --gdb='$(GDB_PORT)' \
	  --serial=none --log=logs/serial.log --display=$(DISPLAY_MODE) \
	  --memory=$(QEMU_MEMORY) portix.img -- \
	  -d guest_errors,cpu_reset -D logs/debug.log & \
	qemu_pid=$$!; \
	$(GDB) -q -x kernel/debug.gdb kernel/kernel.elf; \
	kill $$qemu_pid 2>/dev/null; wait $$qemu_pid; true

.PHONY: debug
EXTRA_DIST += kernel/debug.gdb.in
CLEANFILES += kernel/debug.gdb kernel/debug.gdb-t
