# Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
# portix-nasm.m4 - find NASM and check it makes the formats Portix needs.
#
# PORTIX_PROG_NASM
# ----------------
# Set and substitute NASM.  Stage 1 and stage 2 are flat binaries
# (-f bin); the kernel's entry and interrupt stubs are ELF64 objects
# (-f elf64).  A NASM that cannot do both is useless to us, so we fail.
AC_DEFUN([PORTIX_PROG_NASM],
[AC_ARG_VAR([NASM], [the NASM assembler])
AC_PATH_PROG([NASM], [nasm])
AS_IF([test -z "$NASM"],
  [AC_MSG_ERROR([NASM not found; it assembles the boot stages.
On Debian: apt-get install nasm])])
AC_CACHE_CHECK([whether $NASM assembles -f bin and -f elf64],
  [portix_cv_nasm_formats],
  [portix_cv_nasm_formats=no
   cat > conftest.asm <<'_PORTIX_EOF'
bits 64
global conftest
conftest: ret
_PORTIX_EOF
   AS_IF([$NASM -f bin -o conftest.bin conftest.asm >&AS_MESSAGE_LOG_FD 2>&1 &&
	  $NASM -f elf64 -o conftest.o conftest.asm >&AS_MESSAGE_LOG_FD 2>&1],
     [portix_cv_nasm_formats=yes])
   rm -f conftest.asm conftest.bin conftest.o])
AS_IF([test "$portix_cv_nasm_formats" != yes],
  [AC_MSG_ERROR([$NASM cannot assemble both -f bin and -f elf64.
On Debian: apt-get install nasm])])
PORTIX_NASM_VERSION=`$NASM -v 2>/dev/null | sed -n 's/^NASM version \([[^ ]]*\).*/\1/p'`
])
