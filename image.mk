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

run: portix.img
	@if test -z "$(QEMU)"; then \
	  echo "make run: qemu-system-x86_64 not found (apt-get install qemu-system-x86), then ./configure" >&2; \
	  exit 1; fi
	@disk=',if=ide,index=0,media=disk'; \
	case "$(MODE)" in \
	  raw) medium=portix.img; drive="-drive file=$$medium,format=raw$$disk" ;; \
	  iso) medium=dist/portix.iso; drive="-cdrom $$medium" ;; \
	  vdi) medium=dist/portix.vdi; drive="-drive file=$$medium,format=vdi$$disk" ;; \
	  vmdk) medium=dist/portix.vmdk; drive="-drive file=$$medium,format=vmdk$$disk" ;; \
	  ventoy-sim) medium=dist/portix-ventoy-sim.img; \
	    drive="-drive file=$$medium,format=raw$$disk" ;; \
	  *) echo "make run: unknown MODE '$(MODE)' (known: raw iso vdi vmdk ventoy-sim)" >&2; \
	     exit 1 ;; \
	esac; \
	if test "$(MODE)" != raw; then \
	  $(MAKE) $(AM_MAKEFLAGS) $$medium || exit 1; fi; \
	$(MKDIR_P) logs; \
	echo "Booting $$medium; quit QEMU with Ctrl-A X."; \
	$(QEMU) -nodefaults -no-reboot -m $(QEMU_MEMORY) \
	  -display $(DISPLAY_MODE) -vga std \
	  -chardev stdio,id=com1,mux=on,logfile=logs/serial.log \
	  -serial chardev:com1 -mon chardev=com1,mode=readline \
	  -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	  -d guest_errors,cpu_reset -D logs/debug.log $$drive

.PHONY: image run
