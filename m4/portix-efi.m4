# Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
# portix-efi.m4 - find a toolchain for the UEFI loader (BOOTX64.EFI).
#
# PORTIX_PROG_EFI
# ---------------
# BOOTX64.EFI is a PE32+ EFI application for x86-64 built from
# freestanding C (boot/efi/).  clang targets that format directly
# (--target=x86_64-unknown-windows: the Microsoft x64 calling convention
# UEFI uses) and lld-link writes the PE image, relocations included, with
# /Brepro for a reproducible header.  No ELF-to-PE conversion, no
# self-relocation code.  A candidate counts only if it compiles and
# links a tiny efi_main into a file whose PE header says machine x86-64,
# PE32+ and subsystem EFI application.
# --disable-uefi leaves the loader out; --enable-uefi (yes) makes a
# missing toolchain an error; the default (auto) builds it when found.
# EFI_CC and EFI_LD override the search (precious).
# Sets EFI_CC, EFI_LD, PORTIX_UEFI (yes/no), portix_uefi_why, and the
# conditional ENABLE_UEFI.

# The flags every loader object is compiled with (see boot/efi/local.mk).
m4_define([PORTIX_EFI_BASE_CFLAGS],
  [--target=x86_64-unknown-windows -ffreestanding -fno-builtin -fshort-wchar -mno-red-zone -mno-stack-arg-probe -mgeneral-regs-only -fno-stack-protector])
m4_define([PORTIX_EFI_BASE_LDFLAGS],
  [/subsystem:efi_application /entry:efi_main /nodefaultlib /Brepro])

# _PORTIX_TRY_EFI_SET(CC, LD)
AC_DEFUN([_PORTIX_TRY_EFI_SET],
[cat > conftest-e.c <<'_PORTIX_EOF'
typedef unsigned long long efi_status;
efi_status efi_main(void *image, void *table);
efi_status efi_main(void *image, void *table)
{
	return image == table;
}
_PORTIX_EOF
rm -f conftest-e.obj conftest-e.efi
AS_IF([$1 PORTIX_EFI_BASE_CFLAGS -c conftest-e.c -o conftest-e.obj >&AS_MESSAGE_LOG_FD 2>&1 &&
       $2 PORTIX_EFI_BASE_LDFLAGS /out:conftest-e.efi conftest-e.obj >&AS_MESSAGE_LOG_FD 2>&1 &&
       portix_pe=`od -An -tu4 -j60 -N4 conftest-e.efi | tr -d ' '` &&
       test "`od -An -tx1 -j$portix_pe -N6 conftest-e.efi | tr -d ' '`" = 504500006486 &&
       test "`od -An -tx1 -j\`expr $portix_pe + 24\` -N2 conftest-e.efi | tr -d ' '`" = 0b02 &&
       test "`od -An -tx1 -j\`expr $portix_pe + 92\` -N2 conftest-e.efi | tr -d ' '`" = 0a00],
  [portix_eset_ok=yes], [portix_eset_ok=no])
rm -f conftest-e.c conftest-e.obj conftest-e.efi conftest-e.lib
test "$portix_eset_ok" = yes])

AC_DEFUN([PORTIX_PROG_EFI],
[AC_ARG_VAR([EFI_CC], [clang, for the UEFI loader (PE32+ x86-64)])
AC_ARG_VAR([EFI_LD], [lld-link, for the UEFI loader])
AC_ARG_ENABLE([uefi],
  [AS_HELP_STRING([--disable-uefi], [do not build the UEFI loader BOOTX64.EFI (default: build it when clang and lld-link are found)])],
  [], [enable_uefi=auto])
AS_CASE([$enable_uefi], [yes|no|auto], [],
  [AC_MSG_ERROR([--enable-uefi takes yes or no, not '$enable_uefi'])])
PORTIX_UEFI=no
AS_IF([test "$enable_uefi" = no],
  [portix_uefi_why="--disable-uefi"],
  [: "${EFI_CC:=clang}" "${EFI_LD:=lld-link}"
   AC_MSG_CHECKING([for a UEFI toolchain: $EFI_CC, $EFI_LD])
   AS_IF([command -v "$EFI_CC" >/dev/null 2>&1 &&
	  command -v "$EFI_LD" >/dev/null 2>&1 &&
	  _PORTIX_TRY_EFI_SET([$EFI_CC], [$EFI_LD])],
     [PORTIX_UEFI=yes portix_uefi_why="$EFI_CC + $EFI_LD"
      AC_MSG_RESULT([yes])],
     [AC_MSG_RESULT([no])
      portix_uefi_why="no clang + lld-link that write a PE32+ EFI application (apt-get install clang lld)"
      EFI_CC= EFI_LD=
      AS_IF([test "$enable_uefi" = yes],
	[AC_MSG_ERROR([--enable-uefi, but $portix_uefi_why])])])])
AC_SUBST([PORTIX_EFI_CFLAGS], ["PORTIX_EFI_BASE_CFLAGS"])
AC_SUBST([PORTIX_EFI_LDFLAGS], ["PORTIX_EFI_BASE_LDFLAGS"])
AM_CONDITIONAL([ENABLE_UEFI], [test "$PORTIX_UEFI" = yes])])
