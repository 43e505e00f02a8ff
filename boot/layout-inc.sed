# Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
# layout-inc.sed - turn include/portix/layout.h into boot/layout.inc.
#
# Run as "sed -n -f layout-inc.sed layout.h": each "#define PORTIX_NAME value"
# line comes out as "%define PORTIX_NAME value" for NASM; nothing else is
# printed.  layout.h keeps its values in a form both C and NASM read.

# Drop comments; a comment left open pulls in the next line until it closes,
# so nothing inside a comment can pass for a definition.
:comment
s|/\*[^*]*\*\{1,\}\([^/*][^*]*\*\{1,\}\)*/| |g
/\/\*/{
	N
	b comment
}

/^[[:space:]]*#[[:space:]]*define[[:space:]][[:space:]]*PORTIX_/{
	s/^[[:space:]]*#[[:space:]]*define[[:space:]]*/%define /
	s/^\(%define [A-Za-z0-9_]*\)[[:space:]][[:space:]]*/\1 /
	s/[[:space:]]*$//
	p
}
