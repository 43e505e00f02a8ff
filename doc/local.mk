## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## doc/local.mk - manual pages and design notes.

man_MANS += doc/portix-mkimage.1 doc/portix-run.1 doc/portix.7
# libportix: a page per group of functions, and a one-line page (.so)
# for each other function of the group.
MAN3_PAGES = \
	doc/man3/libportix.3 \
	doc/man3/portix_crc32.3 \
	doc/man3/portix_image_add_file.3 \
	doc/man3/portix_image_error.3 \
	doc/man3/portix_image_free.3 \
	doc/man3/portix_image_load_efi.3 \
	doc/man3/portix_image_load_kernel.3 \
	doc/man3/portix_image_load_stage1.3 \
	doc/man3/portix_image_load_stage2.3 \
	doc/man3/portix_image_max_size_mb.3 \
	doc/man3/portix_image_new.3 \
	doc/man3/portix_image_probe.3 \
	doc/man3/portix_image_set_cmdline.3 \
	doc/man3/portix_image_set_disk_signature.3 \
	doc/man3/portix_image_set_epoch.3 \
	doc/man3/portix_image_set_force_chs.3 \
	doc/man3/portix_image_set_no_serial.3 \
	doc/man3/portix_image_set_progress.3 \
	doc/man3/portix_image_set_size_mb.3 \
	doc/man3/portix_image_set_tmpfile_hook.3 \
	doc/man3/portix_image_set_ventoy_size_mb.3 \
	doc/man3/portix_image_set_vmdk_format.3 \
	doc/man3/portix_image_write.3 \
	doc/man3/portix_image_write_raw.3 \
	doc/man3/portix_mode_by_name.3 \
	doc/man3/portix_mode_name.3 \
	doc/man3/portix_utf8_decode.3 \
	doc/man3/portix_version.3
man_MANS += $(MAN3_PAGES)
EXTRA_DIST += doc/portix-run.1 doc/portix.7 $(MAN3_PAGES)
EXTRA_DIST += doc/portix-mkimage.1 doc/ARCHITECTURE.md doc/PERFORMANCE.md \
	doc/FUZZING.md

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
