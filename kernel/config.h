/* config.h - build switches for the kernel, with their defaults.

   configure may generate "config-kernel.h" (in the build tree, on the
   include path) to override any of these; without it the kernel builds
   with the defaults below.  Every kernel file that needs a switch
   includes this header, never config-kernel.h directly.  */

#ifndef KERNEL_CONFIG_H
#define KERNEL_CONFIG_H

#if defined(__has_include)
# if __has_include("config-kernel.h")
#  include "config-kernel.h"
# endif
#endif

/* Release version, shown in the banner and by the shell's "version".  */
#ifndef PORTIX_VERSION
# define PORTIX_VERSION "0.1.0"
#endif

/* 1: drive COM1 (output and shell input).  0: never touch the COM1
   ports at all.  */
#ifndef PORTIX_WITH_SERIAL
# define PORTIX_WITH_SERIAL 1
#endif

/* 1: extra checks and messages meant for developers.  */
#ifndef PORTIX_DEBUG
# define PORTIX_DEBUG 0
#endif

/* The first line the kernel prints; tests match it.  */
#define PORTIX_BANNER "Portix " PORTIX_VERSION " (x86_64)"

#endif /* KERNEL_CONFIG_H */
