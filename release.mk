## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## release.mk - what make dist adds to a release tarball.
##
## The version comes from git (build-aux/git-version-gen, run by autoconf);
## the tarball freezes it in .tarball-version, so building from the
## tarball needs no git.  make dist refuses a version older than the
## checkout (commits since ./bootstrap), and NEWS that does not name the
## version (build-aux/check-news).  The Debian recipe in the tarball is
## stamped with the same version (its revision kept); portix.spec gets
## it from configure.

EXTRA_DIST += build-aux/git-version-gen build-aux/check-news \
	portix.spec.in portix.spec
DISTCLEANFILES += portix.spec

dist-hook: dist-check-version dist-check-news
	$(AM_V_GEN)rm -f $(distdir)/.tarball-version && \
	printf '%s\n' '$(VERSION)' > $(distdir)/.tarball-version
	$(AM_V_at)if test -f $(distdir)/contrib/debian/changelog; then \
	  sed '1s/^portix ([^)]*-\([^)-]*\))/portix ($(VERSION)-\1)/' \
	    $(distdir)/contrib/debian/changelog > $(distdir)/changelog-t && \
	  rm -f $(distdir)/contrib/debian/changelog && \
	  mv $(distdir)/changelog-t $(distdir)/contrib/debian/changelog; \
	fi

# configure's version is the one autoconf computed: after a commit, the
# checkout has moved on and configure must be made again.
dist-check-version:
	@current=`cd $(srcdir) && \
	  build-aux/git-version-gen .tarball-version $(PORTIX_NEXT_RELEASE)` && \
	if test "$$current" != '$(VERSION)'; then \
	  echo "make dist: the sources are version $$current, configure says $(VERSION):" >&2; \
	  echo "run ./bootstrap (and configure) again first" >&2; \
	  exit 1; \
	fi

dist-check-news:
	@$(SHELL) $(srcdir)/build-aux/check-news '$(VERSION)' \
	  '$(PORTIX_NEXT_RELEASE)' $(srcdir)/NEWS

.PHONY: dist-check-version dist-check-news
