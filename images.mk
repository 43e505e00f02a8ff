## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## images.mk - make images: every enabled medium into dist/ (issue 5).
##
##   make images                  dist/portix.iso, .vdi, .vmdk,
##                                portix-ventoy-sim.img (those enabled)
##   make images VMDK_FORMAT=streamOptimized
##   make run MODE=iso|vdi|vmdk|ventoy-sim   (image.mk) boots one of them
##
## portix-mkimage writes every medium from the same inputs as portix.img
## (so each holds the same disk).  With --with-iso-writer=xorriso or
## --with-vm-writer=qemu-img, those tools write the ISO or the VDI/VMDK
## from portix.img instead, in the same shape (El Torito hard-disk
## emulation of PORTIX.IMG).  SOURCE_DATE_EPOCH, when set, is honoured by
## both ways.

VMDK_FORMAT = monolithicSparse
MKIMAGE_MEDIUM = tools/portix-mkimage$(EXEEXT) --size=$(SIZE) \
	--boot boot/boot.bin --stage2 boot/stage2.bin \
	--kernel kernel/kernel.bin $(MKIMAGE_EFI) --cmdline "$(CMDLINE)" \
	$(MEDIA_SERIAL)
MEDIUM_INPUTS = boot/boot.bin boot/stage2.bin kernel/kernel.bin \
	$(EFI_LOADER_BUILT) tools/portix-mkimage$(EXEEXT) Makefile

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
	  $(LOGRUN) $(MKIMAGE_MEDIUM) --mode=iso -o $@; \
	fi

dist/portix.vdi: $(MEDIUM_INPUTS) portix.img
	@$(MKDIR_P) dist
	$(AM_V_GEN)if test "$(PORTIX_VM_WRITER)" = qemu-img; then \
	  $(LOGRUN) $(QEMU_IMG) convert -f raw -O vdi portix.img $@; \
	else \
	  $(LOGRUN) $(MKIMAGE_MEDIUM) --mode=vdi -o $@; \
	fi

dist/portix.vmdk: $(MEDIUM_INPUTS) portix.img
	@$(MKDIR_P) dist
	$(AM_V_GEN)if test "$(PORTIX_VM_WRITER)" = qemu-img; then \
	  $(LOGRUN) $(QEMU_IMG) convert -f raw -O vmdk \
	    -o subformat=$(VMDK_FORMAT) portix.img $@; \
	else \
	  $(LOGRUN) $(MKIMAGE_MEDIUM) --mode=vmdk \
	    --vmdk-format=$(VMDK_FORMAT) -o $@; \
	fi

dist/portix-ventoy-sim.img: $(MEDIUM_INPUTS)
	@$(MKDIR_P) dist
	$(AM_V_GEN)$(LOGRUN) $(MKIMAGE_MEDIUM) --mode=ventoy-sim -o $@

clean-local: clean-images
clean-images:
	-rm -rf dist
.PHONY: images clean-images
