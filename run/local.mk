## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## run/local.mk - boot the media (media/local.mk) in QEMU, through
## portix-run.  COM1 goes to the terminal (make run) and to
## logs/serial.log, QEMU's own trace to logs/debug.log.
##
##   make run                  boots portix.img
##   make run MODE=iso         boots a medium: raw (default), iso, vdi,
##                             vmdk, ventoy-sim (make images makes them)
##   make run UEFI=1           under UEFI firmware (OVMF), not the BIOS
##   make run DISPLAY_MODE=gtk with a QEMU window (default: none)
##   make debug                boots portix.img with portix-run --gdb,
##                             stopped before the BIOS, with a gdb stub
##                             on 127.0.0.1:$(GDB_PORT); gdb loads
##                             kernel/kernel.elf, connects, and stops at
##                             kmain (kernel/debug.gdb.in).  Quitting gdb
##                             ends QEMU.
##   make debug GDB_PORT=4321  another port (or a UNIX socket path)
## Configure with --enable-debug for -O0 -g and kernel assertions.

# QEMU display: none (headless) or e.g. gtk, sdl, curses.
DISPLAY_MODE = none
QEMU_MEMORY = 128M
MODE = raw
UEFI =
GDB_PORT = 1234

# What make run boots, by MODE (spelled with _ for -: make variable
# names here keep to letters, digits and _).  portix-run knows how QEMU
# takes each medium.
RUN_MODE = $(subst -,_,$(MODE))
run_medium_raw = portix.img
run_medium_iso = dist/portix.iso
run_medium_vdi = dist/portix.vdi
run_medium_vmdk = dist/portix.vmdk
run_medium_ventoy_sim = dist/portix-ventoy-sim.img
RUN_MEDIUM = $(run_medium_$(RUN_MODE))
RUN_UEFI = $(if $(filter 1 yes,$(UEFI)),--uefi)

# portix-run as make run and make debug both start it: with the QEMU
# configure found (without one, portix-run looks in PATH and names the
# package to install), and QEMU's trace (RUN_TRACE, after the medium and
# --).
RUN_PORTIX = tools/portix-run$(EXEEXT) $(if $(QEMU),--qemu='$(QEMU)') \
	--display=$(DISPLAY_MODE) --memory=$(QEMU_MEMORY) --log=logs/serial.log
RUN_TRACE = -d guest_errors,cpu_reset -D logs/debug.log

run: $(RUN_MEDIUM) tools/portix-run$(EXEEXT)
	@if test -z "$(RUN_MEDIUM)"; then \
	  echo "make run: unknown MODE '$(MODE)' (known: raw iso vdi vmdk ventoy-sim)" >&2; \
	  exit 1; fi
	@if test "$(RUN_MODE)$(RUN_UEFI)$(PORTIX_ISO_WRITER)" = iso--uefixorriso; then \
	  echo "make run: the ISO xorriso writes boots under BIOS only (configure --with-iso-writer=native makes the hybrid one)" >&2; \
	  exit 1; fi
	@$(MKDIR_P) logs
	@echo "Booting $(RUN_MEDIUM); quit QEMU with Ctrl-A X."
	$(RUN_PORTIX) $(RUN_UEFI) $(RUN_MEDIUM) -- $(RUN_TRACE)

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
	$(RUN_PORTIX) --gdb='$(GDB_PORT)' --serial=none portix.img -- \
	  $(RUN_TRACE) & \
	qemu_pid=$$!; \
	$(GDB) -q -x kernel/debug.gdb kernel/kernel.elf; \
	kill $$qemu_pid 2>/dev/null; wait $$qemu_pid; true

.PHONY: run debug
EXTRA_DIST += kernel/debug.gdb.in
CLEANFILES += kernel/debug.gdb kernel/debug.gdb-t
