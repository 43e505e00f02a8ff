## doc/local.mk - manual pages and design notes.

man_MANS += doc/portix-mkimage.1
EXTRA_DIST += doc/portix-mkimage.1 doc/ARCHITECTURE.md doc/PERFORMANCE.md \
	bench/media-cost bench/disk-read
