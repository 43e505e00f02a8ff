## doc/local.mk - manual pages and design notes.

man_MANS += doc/portix-mkimage.1
EXTRA_DIST += doc/portix-mkimage.1 doc/ARCHITECTURE.md doc/PERFORMANCE.md \
	bench/media-cost

# make screenshot: boot portix.img, type SCREENSHOT_LINES (one shell
# command per word) on its keyboard and write the VGA screen to
# doc/portix.png in the source tree, the picture README points to.
SCREENSHOT_LINES = cpu lsblk df
screenshot: portix.img
	@if test -z "$(QEMU)"; then \
	  echo "make screenshot: qemu-system-x86_64 not found (apt-get install qemu-system-x86), then ./configure" >&2; \
	  exit 1; fi
	@if test "$(PORTIX_WITH_SERIAL)" != 1; then \
	  echo "make screenshot: it waits for the prompt on COM1; configure without --without-serial" >&2; \
	  exit 1; fi
	$(SHELL) $(srcdir)/build-aux/screenshot $(QEMU) portix.img \
	  $(srcdir)/doc/portix.png $(SCREENSHOT_LINES)
.PHONY: screenshot
EXTRA_DIST += doc/portix.png build-aux/screenshot build-aux/qemu-monitor
