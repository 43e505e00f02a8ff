## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## image.mk - the raw disk image and the targets that boot it.
##
##   make            builds portix.img (SIZE MiB, default from configure)
##   make image SIZE=64
##   make run        boots it with portix-run; COM1 on the terminal and in
##                   logs/serial.log, QEMU's own trace in logs/debug.log

SIZE = $(PORTIX_DISK_SIZE)
# Extra words for the kernel command line, e.g. make run CMDLINE=crash=pf
CMDLINE =
# QEMU display for make run: none (headless) or e.g. gtk, sdl, curses.
DISPLAY_MODE = none
QEMU_MEMORY = 128M

# The UEFI loader built here (boot/efi), or none: then no EFI system
# partition (never the installed one: the tree's media are hermetic).
MKIMAGE_EFI = $(if $(EFI_LOADER_BUILT),--efi $(EFI_LOADER_BUILT),--no-efi)
# configure --without-serial: the build's media keep off COM1.
MEDIA_SERIAL = $(if $(filter 0,$(PORTIX_WITH_SERIAL)),--no-serial)
MKIMAGE_RAW = tools/portix-mkimage$(EXEEXT) --mode=raw --size=$(SIZE) \
	--boot boot/boot.bin --stage2 boot/stage2.bin \
	--kernel kernel/kernel.bin $(MKIMAGE_EFI) --cmdline "$(CMDLINE)" \
	$(MEDIA_SERIAL)

# Makefile: a reconfigure may change MEDIA_SERIAL.
portix.img: boot/boot.bin boot/stage2.bin kernel/kernel.bin $(EFI_LOADER_BUILT) tools/portix-mkimage$(EXEEXT) Makefile
	$(AM_V_GEN)$(LOGRUN) $(MKIMAGE_RAW) -o $@

# Rebuild the image even when nothing changed (a new SIZE or CMDLINE).
image: boot/boot.bin boot/stage2.bin kernel/kernel.bin $(EFI_LOADER_BUILT) tools/portix-mkimage$(EXEEXT)
	$(AM_V_GEN)$(LOGRUN) $(MKIMAGE_RAW) -o portix.img

noinst_DATA += portix.img
CLEANFILES += portix.img

# make run MODE=iso|vdi|vmdk|ventoy-sim boots that medium (images.mk).
MODE = raw
# make run UEFI=1 boots it under UEFI firmware (OVMF) instead of the BIOS.
UEFI =
RUN_UEFI = $(if $(filter 1 yes,$(UEFI)),--uefi)

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
# The QEMU configure found; without one, portix-run looks in PATH and
# names the package to install.
RUN_QEMU = $(if $(QEMU),--qemu='$(QEMU)')

run: $(RUN_MEDIUM) tools/portix-run$(EXEEXT)
	@if test -z "$(RUN_MEDIUM)"; then \
	  echo "make run: unknown MODE '$(MODE)' (known: raw iso vdi vmdk ventoy-sim)" >&2; \
	  exit 1; fi
	@if test "$(RUN_MODE)$(RUN_UEFI)$(PORTIX_ISO_WRITER)" = iso--uefixorriso; then \
	  echo "make run: the ISO xorriso writes boots under BIOS only (configure --with-iso-writer=native makes the hybrid one)" >&2; \
	  exit 1; fi
	@$(MKDIR_P) logs
	@echo "Booting $(RUN_MEDIUM); quit QEMU with Ctrl-A X."
	tools/portix-run$(EXEEXT) $(RUN_QEMU) $(RUN_UEFI) --display=$(DISPLAY_MODE) \
	  --memory=$(QEMU_MEMORY) --log=logs/serial.log $(RUN_MEDIUM) -- \
	  -d guest_errors,cpu_reset -D logs/debug.log

.PHONY: image run
