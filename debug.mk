## debug.mk - make debug: QEMU halted with a gdb stub, gdb on kernel.elf.
