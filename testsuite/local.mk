## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## testsuite/local.mk - `make check' runs the DejaGnu testsuite.
##
## runtest runs in testsuite/ of the build tree, where it finds site.exp
## (written here from configure's findings) and leaves portix.sum and
## portix.log.  Without runtest, make check says so, naming the package,
## and fails: a missing build dependency must not look like a pass.

testsuite/site.exp: Makefile
	$(AM_V_GEN)$(MKDIR_P) testsuite && { \
	  echo '# Written by make; edits are lost.'; \
	  echo 'set tool portix'; \
	  echo 'set srcdir "$(abs_top_srcdir)/testsuite"'; \
	  echo 'set objdir "$(abs_top_builddir)/testsuite"'; \
	  echo 'set top_srcdir "$(abs_top_srcdir)"'; \
	  echo 'set top_builddir "$(abs_top_builddir)"'; \
	  echo 'set PORTIX_VERSION "$(VERSION)"'; \
	  echo 'set PORTIX_WITH_SERIAL $(PORTIX_WITH_SERIAL)'; \
	  echo 'set PORTIX_DEBUG $(PORTIX_DEBUG)'; \
	  echo 'set QEMU "$(QEMU)"'; \
	  echo 'set OVMF "$(OVMF)"'; \
	  echo 'set GDB "$(GDB)"'; \
	  echo 'set NASM "$(NASM)"'; \
	  echo 'set MKIMAGE "$(abs_top_builddir)/tools/portix-mkimage$(EXEEXT)"'; \
	  echo 'set BOOT_BIN "$(abs_top_builddir)/boot/boot.bin"'; \
	  echo 'set STAGE2_BIN "$(abs_top_builddir)/boot/stage2.bin"'; \
	  echo 'set KERNEL_BIN "$(abs_top_builddir)/kernel/kernel.bin"'; \
	  echo 'set KERNEL_ELF "$(abs_top_builddir)/kernel/kernel.elf"'; \
	  echo 'set PORTIX_IMG "$(abs_top_builddir)/portix.img"'; \
	  echo 'set PORTIX_DISK_SIZE $(PORTIX_DISK_SIZE)'; \
	  echo 'set CRC32_TEST "$(abs_top_builddir)/tools/tests/test-crc32$(EXEEXT)"'; \
	  echo 'set IMAGE_API_TEST "$(abs_top_builddir)/tools/tests/test-image-api$(EXEEXT)"'; \
	  echo 'set PROBE_TEST "$(abs_top_builddir)/tools/tests/test-probe$(EXEEXT)"'; \
	  echo 'set PORTIX_RUN "$(abs_top_builddir)/tools/portix-run$(EXEEXT)"'; \
	  echo 'set UNIX_RELAY "$(abs_top_builddir)/tools/tests/unix-relay$(EXEEXT)"'; \
	  echo 'set CC {$(CC)}'; \
	  echo 'set CXX "$(PORTIX_CXX)"'; \
	  echo 'set PORTIX_HEADERS {$(notdir $(portixinclude_HEADERS) $(nodist_portixinclude_HEADERS))}'; \
	  echo 'set XORRISO "$(XORRISO)"'; \
	  echo 'set QEMU_IMG "$(QEMU_IMG)"'; \
	  echo 'set PORTIX_ISO_WRITER "$(PORTIX_ISO_WRITER)"'; \
	  echo 'set PORTIX_VM_WRITER "$(PORTIX_VM_WRITER)"'; \
	  echo 'set FAT_TEST "$(abs_top_builddir)/tools/tests/test-fat$(EXEEXT)"'; \
	  echo 'set LINEEDIT_TEST "$(abs_top_builddir)/tools/tests/test-lineedit$(EXEEXT)"'; \
	  echo 'set FSCK_FAT "$(FSCK_FAT)"'; \
	  echo 'set CONSOLE_FONT "$(CONSOLE_FONT)"'; \
	  echo 'set MDIR "$(MDIR)"'; \
	  echo 'set SFDISK "$(SFDISK)"'; \
	  echo 'set SEVENZIP "$(SEVENZIP)"'; \
	  echo 'set MTYPE "$(MTYPE)"'; \
	  echo 'set MCOPY "$(MCOPY)"'; \
	  echo 'set MMD "$(MMD)"'; \
	  echo 'set EFI_LOADER "$(EFI_LOADER_BUILT:%=$(abs_top_builddir)/%)"'; \
	} > $@-t && mv -f $@-t $@

# The test directories.  make check runs each in a runtest of its own,
# under testsuite/run/DIR with its own site.exp (objdir there: its
# scratch files, sockets and serial logs apart from the others'), as
# separate make targets: make -jN check runs N of them at a time.  Then
# testsuite/merge-sums writes testsuite/portix.sum and portix.log from
# theirs, and make check fails if any run did.  With RUNTESTFLAGS
# (chosen tests), one runtest in testsuite/ runs them.  The longest runs
# come first, so that make -jN does not end on one long run alone.
PORTIX_TEST_DIRS = images tools fs boot fat kernel storage controllers \
	release
PORTIX_TEST_RUNS = $(PORTIX_TEST_DIRS:%=testsuite/run/%/status)

# Everything the tests boot or run must be built first.
check-local: testsuite/site.exp all $(check_PROGRAMS)
	@if test -z "$(PORTIX_RUNTEST)"; then \
	  echo '***********************************************************' >&2; \
	  echo '*** make check: runtest (DejaGnu) not found; no test ran.' >&2; \
	  echo '*** Install the package dejagnu (Debian, Ubuntu, Fedora),' >&2; \
	  echo '*** then ./configure again.' >&2; \
	  echo '***********************************************************' >&2; \
	  exit 1; \
	fi; \
	case '$(abs_top_builddir)$(abs_top_srcdir)' in *' '*) \
	  echo 'make check: DejaGnu cannot run in a directory whose path' >&2; \
	  echo 'holds a space (runtest fails to source site.exp); build in' >&2; \
	  echo 'a path without spaces to run the testsuite.' >&2; \
	  exit 1;; \
	esac
	@if test -n '$(RUNTESTFLAGS)'; then \
	  cd testsuite && \
	  $(PORTIX_RUNTEST) --tool portix \
	    --srcdir "$(abs_top_srcdir)/testsuite" $(RUNTESTFLAGS); \
	else \
	  rm -rf testsuite/run && \
	  $(MAKE) $(AM_MAKEFLAGS) $(PORTIX_TEST_RUNS) && \
	  $(SHELL) $(srcdir)/testsuite/merge-sums testsuite \
	    $(PORTIX_TEST_DIRS); \
	fi

# One directory's run.  It never fails (make -j goes on with the other
# directories); its exit status goes into the file the target names.
testsuite/run/%/status: testsuite/site.exp
	@$(MKDIR_P) testsuite/run/$* && \
	sed 's|^set objdir .*|set objdir "$(abs_top_builddir)/testsuite/run/$*"|' \
	  testsuite/site.exp > testsuite/run/$*/site.exp && \
	echo "  TEST     portix.$*" && \
	(cd testsuite/run/$* && \
	 $(PORTIX_RUNTEST) --tool portix \
	   --srcdir "$(abs_top_srcdir)/testsuite" --directory portix.$* \
	   > runtest.out 2>&1; echo $$? > status)

CLEANFILES += testsuite/site.exp testsuite/site.exp-t \
	testsuite/portix.sum testsuite/portix.log testsuite/dbg.log
clean-local: clean-testsuite
clean-testsuite:
	-rm -rf testsuite/tmp testsuite/logs testsuite/run
.PHONY: clean-testsuite

# Whole directories: every test file ships.
EXTRA_DIST += testsuite/config testsuite/lib testsuite/portix.boot \
	testsuite/portix.tools testsuite/portix.fat testsuite/portix.kernel \
	testsuite/portix.storage
EXTRA_DIST += testsuite/portix.images
EXTRA_DIST += testsuite/portix.fs
EXTRA_DIST += testsuite/portix.release
EXTRA_DIST += testsuite/portix.controllers
EXTRA_DIST += testsuite/merge-sums

# make installcheck: the installed programs, library and pieces alone
# (testsuite/installcheck says what it checks); with DESTDIR=..., those
# of an install staged there.
installcheck-local:
	CC='$(CC)' QEMU='$(QEMU)' DESTDIR='$(DESTDIR)' \
	  $(SHELL) '$(srcdir)/testsuite/installcheck' '$(bindir)' \
	  '$(libdir)' '$(pkgdatadir)' '$(VERSION)' testsuite/installcheck.tmp
EXTRA_DIST += testsuite/installcheck
clean-local: clean-installcheck
clean-installcheck:
	-rm -rf testsuite/installcheck.tmp
.PHONY: clean-installcheck
