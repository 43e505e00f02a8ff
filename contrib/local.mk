## Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
## contrib/local.mk - packaging recipes shipped in the release tarball.
##
## contrib/debian/ is a Debian source packaging: copy it to debian/ in the
## unpacked tarball and run dpkg-buildpackage (contrib/debian/README).
## make dist stamps its changelog with the tarball's version (release.mk).

EXTRA_DIST += \
	contrib/debian/README \
	contrib/debian/changelog \
	contrib/debian/control \
	contrib/debian/copyright \
	contrib/debian/rules \
	contrib/debian/source/format \
	contrib/debian/not-installed \
	contrib/debian/libportix0.install \
	contrib/debian/libportix0.symbols \
	contrib/debian/libportix-dev.install \
	contrib/debian/portix-boot.install \
	contrib/debian/portix-boot-dbg.install \
	contrib/debian/portix-boot-dbg.links \
	contrib/debian/portix-tools.install

# CI builds and checks both recipes with this script (.ci/run calls it).
EXTRA_DIST += .ci/packages
