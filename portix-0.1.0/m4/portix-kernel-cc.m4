# portix-kernel-cc.m4 - find a compiler, linker and objcopy for the kernel.
#
# PORTIX_PROG_KERNEL_CC
# ---------------------
# The kernel is freestanding ELF64 code, so it needs a compiler that can
# target x86_64 without a C library, a linker for it and an objcopy that
# turns the ELF into a flat binary.  The three come as one set: a GNU
# compiler with GNU ld and objcopy, or clang with ld.lld and llvm-objcopy,
# never a mix.  Candidates, first that works wins:
#   1. x86_64-elf-gcc          + x86_64-elf-ld        + x86_64-elf-objcopy
#   2. x86_64-linux-gnu-gcc    + x86_64-linux-gnu-ld  + x86_64-linux-gnu-objcopy
#   3. the host $CC, when it targets x86_64 (GNU or LLVM set, as it is)
#   4. clang --target=x86_64-elf + ld.lld + llvm-objcopy
# A candidate counts only if it compiles *and links* a freestanding ELF64
# with the kernel's flags and objcopy makes a flat binary of it.
# KERNEL_CC, KERNEL_LD and KERNEL_OBJCOPY override the search (precious).
# Sets KERNEL_CC, KERNEL_LD, KERNEL_OBJCOPY, KERNEL_TOOLCHAIN_KIND.

# The flags every kernel object is compiled with (see kernel/local.mk).
m4_define([PORTIX_KERNEL_BASE_CFLAGS],
  [-ffreestanding -nostdlib -mno-red-zone -mgeneral-regs-only -fno-pic -fno-pie -fno-stack-protector])

# _PORTIX_TRY_KERNEL_SET(CC, LD, OBJCOPY)
# Exit status 0 when the set builds a freestanding ELF64 x86-64 flat binary.
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
       test -s conftest-k.bin],
  [portix_kset_ok=yes], [portix_kset_ok=no])
rm -f conftest-k.c conftest-k.o conftest-k.elf conftest-k.bin
test "$portix_kset_ok" = yes])

# _PORTIX_KERNEL_CANDIDATE(CC, LD, OBJCOPY, KIND)
# Try one set unless a set was already chosen; first word of each must exist.
AC_DEFUN([_PORTIX_KERNEL_CANDIDATE],
[AS_IF([test -z "$portix_kernel_found"],
  [portix_k_cc="$1"; portix_k_ld="$2"; portix_k_oc="$3"
   set dummy $portix_k_cc; portix_k_cc_prog=$[2]
   set dummy $portix_k_ld; portix_k_ld_prog=$[2]
   set dummy $portix_k_oc; portix_k_oc_prog=$[2]
   AC_MSG_CHECKING([for a kernel toolchain: $portix_k_cc, $portix_k_ld, $portix_k_oc])
   AS_IF([command -v "$portix_k_cc_prog" >/dev/null 2>&1 &&
	  command -v "$portix_k_ld_prog" >/dev/null 2>&1 &&
	  command -v "$portix_k_oc_prog" >/dev/null 2>&1 &&
	  _PORTIX_TRY_KERNEL_SET([$portix_k_cc], [$portix_k_ld], [$portix_k_oc])],
     [portix_kernel_found=yes
      KERNEL_CC=$portix_k_cc KERNEL_LD=$portix_k_ld KERNEL_OBJCOPY=$portix_k_oc
      KERNEL_TOOLCHAIN_KIND="$4"
      AC_MSG_RESULT([yes])],
     [AC_MSG_RESULT([no])])])])

AC_DEFUN([PORTIX_PROG_KERNEL_CC],
[AC_REQUIRE([AC_PROG_CC])
AC_ARG_VAR([KERNEL_CC], [C compiler for the freestanding x86_64 kernel])
AC_ARG_VAR([KERNEL_LD], [linker for the kernel (GNU ld or ld.lld, matching KERNEL_CC)])
AC_ARG_VAR([KERNEL_OBJCOPY], [objcopy that writes -O binary from elf64-x86-64])
AC_ARG_VAR([KERNEL_CFLAGS], [extra flags for compiling the kernel])
portix_kernel_found=
AS_IF([test -n "$KERNEL_CC"],
  [# The user chose: derive what is missing from the compiler's family.
   AS_IF([$KERNEL_CC --version 2>/dev/null | grep -i clang >/dev/null],
     [: "${KERNEL_LD=ld.lld}" "${KERNEL_OBJCOPY=llvm-objcopy}"; portix_k_kind=LLVM],
     [: "${KERNEL_LD=`$KERNEL_CC -print-prog-name=ld`}" "${KERNEL_OBJCOPY=objcopy}"; portix_k_kind=GNU])
   _PORTIX_KERNEL_CANDIDATE([$KERNEL_CC], [$KERNEL_LD], [$KERNEL_OBJCOPY], [$portix_k_kind])
   AS_IF([test -z "$portix_kernel_found"],
     [AC_MSG_ERROR([KERNEL_CC=$KERNEL_CC (KERNEL_LD=$KERNEL_LD, KERNEL_OBJCOPY=$KERNEL_OBJCOPY) cannot build a freestanding ELF64 x86-64 kernel; see config.log])])],
  [_PORTIX_KERNEL_CANDIDATE([x86_64-elf-gcc], [x86_64-elf-ld], [x86_64-elf-objcopy], [GNU cross])
   _PORTIX_KERNEL_CANDIDATE([x86_64-linux-gnu-gcc], [x86_64-linux-gnu-ld], [x86_64-linux-gnu-objcopy], [GNU])
   AS_CASE([`$CC -dumpmachine 2>/dev/null`],
     [x86_64-*|amd64-*],
       [AS_IF([$CC --version 2>/dev/null | grep -i clang >/dev/null],
	  [_PORTIX_KERNEL_CANDIDATE([$CC], [ld.lld], [llvm-objcopy], [LLVM (host)])],
	  [_PORTIX_KERNEL_CANDIDATE([$CC], [`$CC -print-prog-name=ld`], [objcopy], [GNU (host)])])])
   _PORTIX_KERNEL_CANDIDATE([clang --target=x86_64-elf], [ld.lld], [llvm-objcopy], [LLVM])
   AS_IF([test -z "$portix_kernel_found"],
     [AC_MSG_ERROR([no compiler can build the freestanding x86_64 kernel.
Tried x86_64-elf-gcc, x86_64-linux-gnu-gcc, $CC and clang --target=x86_64-elf,
each with its own linker and objcopy (see config.log).
On Debian: apt-get install gcc binutils   (or: clang lld llvm)])])])
PORTIX_KERNEL_CC_VERSION=`$KERNEL_CC --version 2>/dev/null | sed 1q`
AC_SUBST([KERNEL_BASE_CFLAGS], ["PORTIX_KERNEL_BASE_CFLAGS"])
])
