/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* config.h - build switches for the kernel.

   configure decides them and kernel/local.mk passes them as -D flags
   (KERNEL_CPPFLAGS); the version is configure.ac's, never restated here.
   Every kernel file that needs a switch includes this header.  */

#ifndef KERNEL_CONFIG_H
#define KERNEL_CONFIG_H

#if !defined(PORTIX_VERSION) || !defined(PORTIX_DEBUG)
# error "build the kernel through make: it passes PORTIX_VERSION and PORTIX_DEBUG"
#endif

/* PORTIX_VERSION: the release, shown in the banner and by "version".
   PORTIX_DEBUG: 1 adds checks and messages meant for developers.  */

/* The first line the kernel prints; tests match it.  */
#define PORTIX_BANNER "Portix " PORTIX_VERSION " (x86_64)"

#endif /* KERNEL_CONFIG_H */
