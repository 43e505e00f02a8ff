## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## media/local.mk - the bootable media: portix.img, and every other
## enabled medium into dist/.  run/local.mk boots them.
##
##   make                    builds portix.img (SIZE MiB, default from
##                           configure)
##   make image SIZE=64      remakes portix.img even when nothing changed
##                           (a new SIZE or CMDLINE)
##   make images             dist/portix.iso, .vdi, .vmdk,
##                           portix-ventoy-sim.img (those enabled)
##   make images VMDK_FORMAT=streamOptimized
##
## portix-mkimage writes every medium from the same inputs as portix.img
## (so each holds the same disk).  With --with-iso-writer=xorriso or
## --with-vm-writer=qemu-img, those tools write the ISO or the VDI/VMDK
## from portix.img instead, in the same shape (El Torito hard-disk
## emulation of PORTIX.IMG).  SOURCE_DATE_EPOCH, when set, is honoured by
## both ways.

SIZE = $(PORTIX_DISK_SIZE)
# Extra words for the kernel command line, e.g. make run CMDLINE=crash=pf
CMDLINE =
VMDK_FORMAT = monolithicSparse

# The UEFI loader built here (boot/efi), or none: then no EFI system
# partition (never the installed one: the tree's media are hermetic).
MKIMAGE_EFI = $(if $(EFI_LOADER_BUILT),--efi $(EFI_LOADER_BUILT),--no-efi)
# configure --without-serial: the build's media keep off COM1.
MEDIA_SERIAL = $(if $(filter 0,$(PORTIX_WITH_SERIAL)),--no-serial)
# portix-mkimage with every input but the medium (--mode) and output.
MKIMAGE = tools/portix-mkimage$(EXEEXT) --size=$(SIZE) \
	--boot boot/boot.bin --stage2 boot/stage2.bin \
	--kernel kernel/kernel.bin $(MKIMAGE_EFI) --cmdline "$(CMDLINE)" \
	$(MEDIA_SERIAL)
# Makefile: a reconfigure may change MEDIA_SERIAL.
MEDIUM_INPUTS = boot/boot.bin boot/stage2.bin kernel/kernel.bin \
	$(EFI_LOADER_BUILT) tools/portix-mkimage$(EXEEXT) Makefile

portix.img: $(MEDIUM_INPUTS)
	$(AM_V_GEN)$(LOGRUN) $(MKIMAGE) --mode=raw -o $@

image: $(MEDIUM_INPUTS)
	$(AM_V_GEN)$(LOGRUN) $(MKIMAGE) --mode=raw -o portix.img

noinst_DATA += portix.img
CLEANFILES += portix.img

DIST_IMAGES =
if ENABLE_ISO
DIST_IMAGES += dist/portix.iso
endif
if ENABLE_VM_IMAGES
DIST_IMAGES += dist/portix.vdi dist/portix.vmdk
endif
if ENABLE_VENTOY_SIM
DIST_IMAGES += dist/portix-ventoy-sim.img
endif

images: $(DIST_IMAGES)

# The external writers work on portix.img; the native one builds the
# disk in memory from the same inputs.
dist/portix.iso: $(MEDIUM_INPUTS) portix.img
	@$(MKDIR_P) dist
	$(AM_V_GEN)if test "$(PORTIX_ISO_WRITER)" = xorriso; then \
	  rm -f $@ && \
	  $(LOGRUN) $(XORRISO) -as mkisofs -quiet -o $@ -V PORTIX \
	    -c BOOT.CAT -b PORTIX.IMG -hard-disk-boot \
	    -graft-points PORTIX.IMG=portix.img; \
	else \
	  $(LOGRUN) $(MKIMAGE) --mode=iso -o $@; \
	fi

dist/portix.vdi: $(MEDIUM_INPUTS) portix.img
	@$(MKDIR_P) dist
	$(AM_V_GEN)if test "$(PORTIX_VM_WRITER)" = qemu-img; then \
	  $(LOGRUN) $(QEMU_IMG) convert -f raw -O vdi portix.img $@; \
	else \
	  $(LOGRUN) $(MKIMAGE) --mode=vdi -o $@; \
	fi

dist/portix.vmdk: $(MEDIUM_INPUTS) portix.img
	@$(MKDIR_P) dist
	$(AM_V_GEN)if test "$(PORTIX_VM_WRITER)" = qemu-img; then \
	  $(LOGRUN) $(QEMU_IMG) convert -f raw -O vmdk \
	    -o subformat=$(VMDK_FORMAT) portix.img $@; \
	else \
	  $(LOGRUN) $(MKIMAGE) --mode=vmdk \
	    --vmdk-format=$(VMDK_FORMAT) -o $@; \
	fi

dist/portix-ventoy-sim.img: $(MEDIUM_INPUTS)
	@$(MKDIR_P) dist
	$(AM_V_GEN)$(LOGRUN) $(MKIMAGE) --mode=ventoy-sim -o $@

clean-local: clean-images
clean-images:
	-rm -rf dist
.PHONY: image images clean-images
