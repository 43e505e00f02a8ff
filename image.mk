## image.mk - the raw disk image and the targets that boot it.
##
##   make            builds portix.img (SIZE MiB, default from configure)
##   make image SIZE=64
##   make run        boots it; COM1 on the terminal and in logs/serial.log,
##                   QEMU's own trace in logs/debug.log

SIZE = $(PORTIX_DISK_SIZE)
# Extra words for the kernel command line, e.g. make run CMDLINE=crash=pf
CMDLINE =
# QEMU display for make run: none (headless) or e.g. gtk, sdl, curses.
DISPLAY_MODE = none
QEMU_MEMORY = 128M

MKIMAGE_RAW = tools/portix-mkimage$(EXEEXT) --mode=raw --size=$(SIZE) \
	--boot boot/boot.bin --stage2 boot/stage2.bin \
	--kernel kernel/kernel.bin --cmdline "$(CMDLINE)"

portix.img: boot/boot.bin boot/stage2.bin kernel/kernel.bin tools/portix-mkimage$(EXEEXT)
	$(AM_V_GEN)$(LOGRUN) $(MKIMAGE_RAW) -o $@

# Rebuild the image even when nothing changed (a new SIZE or CMDLINE).
image: boot/boot.bin boot/stage2.bin kernel/kernel.bin tools/portix-mkimage$(EXEEXT)
	$(AM_V_GEN)$(LOGRUN) $(MKIMAGE_RAW) -o portix.img

noinst_DATA += portix.img
CLEANFILES += portix.img

# make run MODE=iso|vdi|vmdk|ventoy-sim boots that medium (images.mk).
MODE = raw

# What make run boots, by MODE (spelled with _ for -: make variable
# names here keep to letters, digits and _).
RUN_MODE = $(subst -,_,$(MODE))
RUN_DISK = if=ide,index=0,media=disk
run_medium_raw = portix.img
run_medium_iso = dist/portix.iso
run_medium_vdi = dist/portix.vdi
run_medium_vmdk = dist/portix.vmdk
run_medium_ventoy_sim = dist/portix-ventoy-sim.img
run_drive_raw = -drive file=portix.img,format=raw,$(RUN_DISK)
run_drive_iso = -cdrom dist/portix.iso
run_drive_vdi = -drive file=dist/portix.vdi,format=vdi,$(RUN_DISK)
run_drive_vmdk = -drive file=dist/portix.vmdk,format=vmdk,$(RUN_DISK)
run_drive_ventoy_sim = -drive file=dist/portix-ventoy-sim.img,format=raw,$(RUN_DISK)
RUN_MEDIUM = $(run_medium_$(RUN_MODE))

run: $(RUN_MEDIUM)
	@if test -z "$(RUN_MEDIUM)"; then \
	  echo "make run: unknown MODE '$(MODE)' (known: raw iso vdi vmdk ventoy-sim)" >&2; \
	  exit 1; fi
	@if test -z "$(QEMU)"; then \
	  echo "make run: qemu-system-x86_64 not found (apt-get install qemu-system-x86), then ./configure" >&2; \
	  exit 1; fi
	@$(MKDIR_P) logs
	@echo "Booting $(RUN_MEDIUM); quit QEMU with Ctrl-A X."
	$(QEMU) -nodefaults -no-reboot -m $(QEMU_MEMORY) \
	  -display $(DISPLAY_MODE) -vga std \
	  -chardev stdio,id=com1,mux=on,logfile=logs/serial.log \
	  -serial chardev:com1 -mon chardev=com1,mode=readline \
	  -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	  -d guest_errors,cpu_reset -D logs/debug.log \
	  $(run_drive_$(RUN_MODE))

.PHONY: image run
