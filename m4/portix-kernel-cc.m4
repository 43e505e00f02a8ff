# Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING.
# portix-kernel-cc.m4 - find a compiler, linker, objcopy and nm for the
# kernel.
#
# PORTIX_PROG_KERNEL_CC
# ---------------------
# The kernel is freestanding ELF64 code, so it needs a compiler that can
# target x86_64 without a C library, a linker for it, an objcopy that
# turns the ELF into a flat binary and an nm that lists its symbols (for
# the kernel's own symbol table).  The four come as one set: a GNU
# compiler with GNU ld, objcopy and nm, or clang with ld.lld, llvm-objcopy
# and llvm-nm, never a mix.  Candidates, first that works wins:
#   1. x86_64-elf-gcc          + x86_64-elf-ld       + x86_64-elf-objcopy, -nm
#   2. x86_64-linux-gnu-gcc    + x86_64-linux-gnu-ld + x86_64-linux-gnu-objcopy, -nm
#   3. the host $CC, when it targets x86_64 (GNU or LLVM set, as it is)
#   4. clang --target=x86_64-elf + ld.lld + llvm-objcopy + llvm-nm
# A candidate counts only if it compiles *and links* a freestanding ELF64
# with the kernel's flags, objcopy makes a flat binary of it and nm finds
# its entry symbol.
# KERNEL_CC, KERNEL_LD, KERNEL_OBJCOPY and KERNEL_NM override the search
# (precious).
# Sets KERNEL_CC, KERNEL_LD, KERNEL_OBJCOPY, KERNEL_NM,
# KERNEL_TOOLCHAIN_KIND.

# The flags every kernel object is compiled with (see kernel/local.mk).
m4_define([PORTIX_KERNEL_BASE_CFLAGS],
  [-ffreestanding -nostdlib -mno-red-zone -mgeneral-regs-only -fno-pic -fno-pie -fno-stack-protector])

# _PORTIX_TRY_KERNEL_SET(CC, LD, OBJCOPY, NM)
# Exit status 0 when the set builds a freestanding ELF64 x86-64 flat binary
# and reads the ELF's symbols.
AC_DEFUN([_PORTIX_TRY_KERNEL_SET],
[cat > conftest-k.c <<'_PORTIX_EOF'
static volatile unsigned long counter;
void _start(void)
{
	for (;;)
		counter++;
}
_PORTIX_EOF
rm -f conftest-k.o conftest-k.elf conftest-k.bin
AS_IF([$1 PORTIX_KERNEL_BASE_CFLAGS -c conftest-k.c -o conftest-k.o >&AS_MESSAGE_LOG_FD 2>&1 &&
       $2 -nostdlib -static -e _start -o conftest-k.elf conftest-k.o >&AS_MESSAGE_LOG_FD 2>&1 &&
       test "`od -An -tx1 -j4 -N1 conftest-k.elf | tr -d ' '`" = 02 &&
       test "`od -An -tx1 -j18 -N2 conftest-k.elf | tr -d ' '`" = 3e00 &&
       $3 -O binary conftest-k.elf conftest-k.bin >&AS_MESSAGE_LOG_FD 2>&1 &&
       test -s conftest-k.bin &&
       $4 conftest-k.elf 2>&AS_MESSAGE_LOG_FD | grep ' [[Tt]] _start$' >/dev/null],
  [portix_kset_ok=yes], [portix_kset_ok=no])
rm -f conftest-k.c conftest-k.o conftest-k.elf conftest-k.bin
test "$portix_kset_ok" = yes])

# _PORTIX_KERNEL_CANDIDATE(CC, LD, OBJCOPY, NM, KIND)
# Try one set unless a set was already chosen; first word of each must exist.
AC_DEFUN([_PORTIX_KERNEL_CANDIDATE],
[AS_IF([test -z "$portix_kernel_found"],
  [portix_k_cc="$1"; portix_k_ld="$2"; portix_k_oc="$3"; portix_k_nm="$4"
   set dummy $portix_k_cc; portix_k_cc_prog=$[2]
   set dummy $portix_k_ld; portix_k_ld_prog=$[2]
   set dummy $portix_k_oc; portix_k_oc_prog=$[2]
   set dummy $portix_k_nm; portix_k_nm_prog=$[2]
   AC_MSG_CHECKING([for a kernel toolchain: $portix_k_cc, $portix_k_ld, $portix_k_oc, $portix_k_nm])
   AS_IF([command -v "$portix_k_cc_prog" >/dev/null 2>&1 &&
	  command -v "$portix_k_ld_prog" >/dev/null 2>&1 &&
	  command -v "$portix_k_oc_prog" >/dev/null 2>&1 &&
	  command -v "$portix_k_nm_prog" >/dev/null 2>&1 &&
	  _PORTIX_TRY_KERNEL_SET([$portix_k_cc], [$portix_k_ld], [$portix_k_oc], [$portix_k_nm])],
     [portix_kernel_found=yes
      KERNEL_CC=$portix_k_cc KERNEL_LD=$portix_k_ld KERNEL_OBJCOPY=$portix_k_oc
      KERNEL_NM=$portix_k_nm
      KERNEL_TOOLCHAIN_KIND="$5"
      AC_MSG_RESULT([yes])],
     [AC_MSG_RESULT([no])])])])

AC_DEFUN([PORTIX_PROG_KERNEL_CC],
[AC_REQUIRE([AC_PROG_CC])
AC_ARG_VAR([KERNEL_CC], [C compiler for the freestanding x86_64 kernel])
AC_ARG_VAR([KERNEL_LD], [linker for the kernel (GNU ld or ld.lld, matching KERNEL_CC)])
AC_ARG_VAR([KERNEL_OBJCOPY], [objcopy that writes -O binary from elf64-x86-64])
AC_ARG_VAR([KERNEL_NM], [nm that reads the kernel's elf64-x86-64 symbols (matching KERNEL_CC)])
AC_ARG_VAR([KERNEL_CFLAGS], [extra flags for compiling the kernel])
portix_kernel_found=
AS_IF([test -n "$KERNEL_CC"],
  [# The user chose: derive what is missing from the compiler's family.
   AS_IF([$KERNEL_CC --version 2>/dev/null | grep -i clang >/dev/null],
     [: "${KERNEL_LD=ld.lld}" "${KERNEL_OBJCOPY=llvm-objcopy}" "${KERNEL_NM=llvm-nm}"; portix_k_kind=LLVM],
     [: "${KERNEL_LD=`$KERNEL_CC -print-prog-name=ld`}" "${KERNEL_OBJCOPY=objcopy}" "${KERNEL_NM=`$KERNEL_CC -print-prog-name=nm`}"; portix_k_kind=GNU])
   _PORTIX_KERNEL_CANDIDATE([$KERNEL_CC], [$KERNEL_LD], [$KERNEL_OBJCOPY], [$KERNEL_NM], [$portix_k_kind])
   AS_IF([test -z "$portix_kernel_found"],
     [AC_MSG_ERROR([KERNEL_CC=$KERNEL_CC (KERNEL_LD=$KERNEL_LD, KERNEL_OBJCOPY=$KERNEL_OBJCOPY, KERNEL_NM=$KERNEL_NM) cannot build a freestanding ELF64 x86-64 kernel; see config.log])])],
  [_PORTIX_KERNEL_CANDIDATE([x86_64-elf-gcc], [x86_64-elf-ld], [x86_64-elf-objcopy], [x86_64-elf-nm], [GNU cross])
   _PORTIX_KERNEL_CANDIDATE([x86_64-linux-gnu-gcc], [x86_64-linux-gnu-ld], [x86_64-linux-gnu-objcopy], [x86_64-linux-gnu-nm], [GNU])
   AS_CASE([`$CC -dumpmachine 2>/dev/null`],
     [x86_64-*|amd64-*],
       [AS_IF([$CC --version 2>/dev/null | grep -i clang >/dev/null],
	  [_PORTIX_KERNEL_CANDIDATE([$CC], [ld.lld], [llvm-objcopy], [llvm-nm], [LLVM (host)])],
	  [_PORTIX_KERNEL_CANDIDATE([$CC], [`$CC -print-prog-name=ld`], [objcopy], [`$CC -print-prog-name=nm`], [GNU (host)])])])
   _PORTIX_KERNEL_CANDIDATE([clang --target=x86_64-elf], [ld.lld], [llvm-objcopy], [llvm-nm], [LLVM])
   AS_IF([test -z "$portix_kernel_found"],
     [AC_MSG_ERROR([no compiler can build the freestanding x86_64 kernel.
Tried x86_64-elf-gcc, x86_64-linux-gnu-gcc, $CC and clang --target=x86_64-elf,
each with its own linker, objcopy and nm (see config.log).
On Debian: apt-get install gcc binutils   (or: clang lld llvm)])])])
PORTIX_KERNEL_CC_VERSION=`$KERNEL_CC --version 2>/dev/null | sed 1q`
AC_SUBST([KERNEL_BASE_CFLAGS], ["PORTIX_KERNEL_BASE_CFLAGS"])
])
