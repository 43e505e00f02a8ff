/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* layout.h - Portix disk and memory layout: the one source of truth.

   Boot stages, kernel and host tools all take these numbers from here.
   boot/layout.inc is generated from this file by the build (a sed script
   turns each "#define PORTIX_..." into "%define PORTIX_..."), so:
     - every value is a plain integer or character expression that both C
       and NASM accept (no casts, no U/L suffixes);
     - comments stand on lines of their own, never after a value.
   Changing the stage 2 size or the kernel LBA is a one-line change here.  */

#ifndef PORTIX_LAYOUT_H
#define PORTIX_LAYOUT_H

/* Boot protocol version, checked by stage 2 and the kernel.  Version 2
   added the boot-disk identity (PORTIX_BI_OFF_DISK) after the E820 map;
   version 3 appended the firmware block (PORTIX_BI_OFF_FIRMWARE: BIOS or
   UEFI, ACPI RSDP, framebuffer) after it.  Everything before an appended
   part is as in the version before.  */
#define PORTIX_PROTOCOL_VERSION 3

#define PORTIX_SECTOR_SIZE 512

/* ---- Disk layout (LBAs relative to the image's base LBA) ---- */

/* Stage 1: the MBR.  */
#define PORTIX_STAGE1_LBA 0
/* Stage 2: a fixed number of sectors right after the MBR.  Stage 1
   reads only the first PORTIX_S1_STAGE2_SECTORS of them (portix-mkimage
   leaves off the trailing all-zero sectors); stage 2 zeroes the rest.  */
#define PORTIX_STAGE2_LBA 1
#define PORTIX_STAGE2_SECTORS 64
/* The kernel follows stage 2.  */
#define PORTIX_KERNEL_LBA (PORTIX_STAGE2_LBA + PORTIX_STAGE2_SECTORS)
/* The reserved boot area (stage 1, stage 2, kernel) ends here; the data
   partition starts on this boundary (1 MiB, as partitioning tools align).  */
#define PORTIX_RESERVED_END_LBA 2048
#define PORTIX_PARTITION_ALIGN_SECTORS 2048
#define PORTIX_KERNEL_MAX_SECTORS (PORTIX_RESERVED_END_LBA - PORTIX_KERNEL_LBA)

/* The EFI system partition (when the image has a UEFI loader): the
   last PORTIX_ESP_SECTORS of the disk, MBR entry 1 of type
   PORTIX_MBR_TYPE_ESP, a FAT16 volume holding PORTIX_ESP_LOADER_PATH.
   3 MiB is the smallest whole number of MiB that FAT16 allows (FAT12,
   which libportix's FAT code does not write, ends near 2.1 MiB); the
   data partition keeps entry 0 and LBA PORTIX_RESERVED_END_LBA, and
   ends where the ESP starts.  The loader must leave room for the FAT
   metadata: at most PORTIX_ESP_LOADER_MAX bytes.  */
#define PORTIX_ESP_MB 3
#define PORTIX_ESP_SECTORS (PORTIX_ESP_MB * 2048)
#define PORTIX_ESP_LOADER_PATH "/EFI/BOOT/BOOTX64.EFI"
#define PORTIX_ESP_LOADER_MAX (2 * 1048576)
/* The smallest data partition: FAT16 needs at least 4085 clusters,
   about 2.1 MiB at 512 bytes a cluster; 4 MiB leaves room for files.  */
#define PORTIX_DATA_MB_MIN 4

/* Whole-disk size in MiB: default and minimum.  */
#define PORTIX_DISK_MB_DEFAULT 8
#define PORTIX_DISK_MB_MIN 8
/* The reserved area, the smallest data partition and the ESP fit.  */
#if PORTIX_DISK_MB_MIN < 1 + PORTIX_DATA_MB_MIN + PORTIX_ESP_MB
#error "PORTIX_DISK_MB_MIN is too small for the data partition and the ESP"
#endif
/* The largest disk: an MBR counts sectors in 32 bits (2 TiB).  */
#define PORTIX_DISK_MB_MAX 2097152

/* ---- Stage 1 (MBR) byte offsets ---- */

/* Bytes 3..PORTIX_MBR_BPB_END-1 stay zero: BIOSes that emulate a USB
   floppy may patch a BIOS parameter block there.  Code starts after it.  */
#define PORTIX_MBR_BPB_END 0x3E
/* The parameter block portix-mkimage patches.  Stage 1 code must end
   before it; the build fails otherwise.  */
#define PORTIX_S1_PARAMS 0x1A0
/* Fields, as offsets inside the parameter block.  */
/* u64: LBA of this image's sector 0 on the physical disk.  */
#define PORTIX_S1_BASE_LBA 0x00
/* u32: stage 2 LBA relative to the base.  */
#define PORTIX_S1_STAGE2_LBA 0x08
/* u16: stage 2 sectors to read (its header and code: at least 2, at
   most PORTIX_STAGE2_SECTORS).  */
#define PORTIX_S1_STAGE2_SECTORS 0x0C
/* u8: PORTIX_S1_FLAG_* bits.  */
#define PORTIX_S1_FLAGS 0x0E
#define PORTIX_S1_PARAMS_SIZE 0x10
/* Read the disk by CHS even when INT 13h extensions work (for tests).  */
#define PORTIX_S1_FLAG_FORCE_CHS 0x01
/* Classic MBR fields.  */
#define PORTIX_MBR_DISK_SIGNATURE 0x1B8
#define PORTIX_MBR_PARTITION_TABLE 0x1BE
#define PORTIX_MBR_PARTITION_ENTRY_SIZE 16
#define PORTIX_MBR_SIGNATURE 0x1FE

/* Stage 1 failure codes: stage 1 prints "E" and one of these, on the
   screen and on COM1, then halts.  */
/* INT 13h extended read (AH=42h) failed after retries.  */
#define PORTIX_S1_ERR_LBA_READ '1'
/* INT 13h AH=08h (get drive parameters) failed.  */
#define PORTIX_S1_ERR_GEOMETRY '2'
/* CHS read (AH=02h) failed after retries, or the LBA is beyond CHS reach.  */
#define PORTIX_S1_ERR_CHS_READ '3'
/* Stage 2 loaded, but its header has the wrong magic.  */
#define PORTIX_S1_ERR_STAGE2_MAGIC '4'

/* ---- Stage 2 header (first sector of stage 2), byte offsets ---- */

/* "PXS2" read as a little-endian u32.  */
#define PORTIX_S2_MAGIC 0x32535850
/* u32 magic, u16 protocol version, u16 header size.  */
#define PORTIX_S2_HDR_MAGIC 0x00
#define PORTIX_S2_HDR_VERSION 0x04
#define PORTIX_S2_HDR_SIZE 0x06
/* u32: kernel LBA relative to the base.  */
#define PORTIX_S2_HDR_KERNEL_LBA 0x08
/* u32: kernel length in sectors, and in bytes.  */
#define PORTIX_S2_HDR_KERNEL_SECTORS 0x0C
#define PORTIX_S2_HDR_KERNEL_SIZE 0x10
/* u32: CRC-32 (IEEE 802.3, as zlib) of the kernel's KERNEL_SIZE bytes.  */
#define PORTIX_S2_HDR_KERNEL_CRC32 0x14
/* u32: PORTIX_S2_FLAG_* bits.  */
#define PORTIX_S2_HDR_FLAGS 0x18
#define PORTIX_S2_HDR_RESERVED 0x1C
/* char[PORTIX_CMDLINE_MAX]: NUL-terminated kernel command line.  */
#define PORTIX_S2_HDR_CMDLINE 0x20
#define PORTIX_CMDLINE_MAX 256
#define PORTIX_S2_HEADER_SIZE (PORTIX_S2_HDR_CMDLINE + PORTIX_CMDLINE_MAX)
/* Stage 1 jumps here (stage 2 address + this offset): the second sector.  */
#define PORTIX_S2_ENTRY_OFFSET 0x200
/* Stage 2 and the kernel print nothing on COM1 and read nothing from
   it (the screen and the keyboard remain).  */
#define PORTIX_S2_FLAG_NO_SERIAL 0x01
/* The command-line word that makes the boot verbose: stage 2 prints its
   steps, the kernel prints its boot log on the console.  Without it
   both print only the banner, the boot line, errors and the prompt.  */
#define PORTIX_CMDLINE_VERBOSE "verbose"
/* The command-line word that keeps the kernel off COM1, as the header
   flag PORTIX_S2_FLAG_NO_SERIAL does (which also silences stage 2).  */
#define PORTIX_CMDLINE_NO_SERIAL "noserial"

/* ---- Physical memory used while booting ---- */

#define PORTIX_STAGE1_ADDR 0x7C00
#define PORTIX_STAGE2_ADDR 0x8000
/* Real-mode stack top for both stages (grows down, below stage 1).  */
#define PORTIX_BOOT_STACK_TOP 0x7C00
/* The boot-info block stage 2 hands the kernel (see boot.h).  The kernel
   is told its address in RDI and must treat the page as reserved until
   it has copied what it needs.  */
#define PORTIX_BOOTINFO_ADDR 0x3000
#define PORTIX_BOOTINFO_MAX_SIZE 0x1000
/* Stage 2 reads the kernel through this low buffer, then copies it up.  */
#define PORTIX_LOAD_BUFFER_ADDR 0x10000
#define PORTIX_LOAD_BUFFER_SECTORS 127
/* Stage 2's page tables: PML4, PDPT and 4 page directories that map the
   first 4 GiB with 2 MiB pages (identity).  */
#define PORTIX_PAGE_TABLES_ADDR 0x20000
#define PORTIX_PAGE_TABLES_SIZE 0x6000
/* The end of that identity map (4 GiB): the kernel reaches nothing
   above it until paging_init() has built its own tables.  */
#define PORTIX_BOOT_IDENTITY_END 0x100000000
/* The kernel is a flat binary loaded here; its entry is its first byte.  */
#define PORTIX_KERNEL_ADDR 0x100000
/* The kernel image must end below this address (the ISA hole at 15 MiB).  */
#define PORTIX_KERNEL_LOAD_LIMIT 0xF00000

/* Long-mode selectors in stage 2's GDT, valid at kernel entry.  */
#define PORTIX_BOOT_CODE64_SEL 0x08
#define PORTIX_BOOT_DATA_SEL 0x10

/* ---- Boot timestamps ---- */

/* Stage 2 keeps the TSC at its steps in the last bytes of the boot-info
   page (outside struct portix_boot_info): a u32 magic, a u32 count of
   stamps taken, then u64 stamps in PORTIX_BT_* order.  The kernel copies
   them with the boot info; the shell's "boottime" shows them.  */
#define PORTIX_BT_SIZE 0x40
#define PORTIX_BT_ADDR (PORTIX_BOOTINFO_ADDR + PORTIX_BOOTINFO_MAX_SIZE - PORTIX_BT_SIZE)
/* "PXBT" read as a little-endian u32.  */
#define PORTIX_BT_MAGIC 0x54425850
#define PORTIX_BT_OFF_MAGIC 0x00
#define PORTIX_BT_OFF_COUNT 0x04
#define PORTIX_BT_OFF_TSC 0x08
/* Stamps: stage 2 starts (after the long-mode check), has the boot info
   and E820 map, has read the kernel, has checked its CRC.  */
#define PORTIX_BT_STAGE2_START 0
#define PORTIX_BT_STAGE2_INFO 1
#define PORTIX_BT_STAGE2_LOADED 2
#define PORTIX_BT_STAGE2_CRC 3
#define PORTIX_BT_STAMPS 4

/* ---- Boot-info block, byte offsets (see struct portix_boot_info) ---- */

/* "PXBI" read as a little-endian u32.  */
#define PORTIX_BI_MAGIC 0x49425850
#define PORTIX_BI_OFF_MAGIC 0x00
#define PORTIX_BI_OFF_VERSION 0x04
#define PORTIX_BI_OFF_SIZE 0x06
#define PORTIX_BI_OFF_BOOT_DRIVE 0x08
#define PORTIX_BI_OFF_FLAGS 0x09
#define PORTIX_BI_OFF_E820_COUNT 0x0A
#define PORTIX_BI_OFF_KERNEL_SIZE 0x0C
#define PORTIX_BI_OFF_BASE_LBA 0x10
#define PORTIX_BI_OFF_KERNEL_ADDR 0x18
#define PORTIX_BI_OFF_CMDLINE 0x20
#define PORTIX_BI_OFF_E820 (PORTIX_BI_OFF_CMDLINE + PORTIX_CMDLINE_MAX)
#define PORTIX_E820_ENTRY_SIZE 24
#define PORTIX_E820_MAX 128
/* struct portix_boot_disk: which disk stage 2 was loaded from.  */
#define PORTIX_BI_OFF_DISK (PORTIX_BI_OFF_E820 + PORTIX_E820_MAX * PORTIX_E820_ENTRY_SIZE)
/* Protocol version 3: which firmware booted, the ACPI RSDP it gave and
   its framebuffer (struct portix_boot_info fields from firmware on).  */
#define PORTIX_BI_OFF_FIRMWARE (PORTIX_BI_OFF_DISK + PORTIX_BD_SIZE)
#define PORTIX_BI_SIZE (PORTIX_BI_OFF_FIRMWARE + PORTIX_FW_SIZE)

/* ---- Boot-disk identity (struct portix_boot_disk), byte offsets ---- */

/* u32: the MBR disk signature (PORTIX_MBR_DISK_SIGNATURE) of the stage 1
   that loaded stage 2, i.e. of the sector at the image's base LBA.  */
#define PORTIX_BD_OFF_SIGNATURE 0x00
/* u16: PORTIX_BD_FLAG_* bits.  */
#define PORTIX_BD_OFF_FLAGS 0x04
/* u8: El Torito boot media type (INT 13h AX=4B01h, byte 1): 0 no
   emulation, 1-3 floppy, 4 hard disk.  Valid with PORTIX_BD_FLAG_CD.  */
#define PORTIX_BD_OFF_CD_MEDIA 0x06
/* u8: El Torito controller index (byte 3 of the 4B01h packet).  */
#define PORTIX_BD_OFF_CD_CONTROLLER 0x07
/* u16: El Torito device specification (bytes 8-9 of the packet).  With
   the controller index it names the drive: controller * 2 + (device & 1)
   is the IDE channel * 2 + slave, or the SATA port, on SeaBIOS.  */
#define PORTIX_BD_OFF_CD_DEVICE 0x08
#define PORTIX_BD_OFF_RESERVED 0x0A
/* u32: El Torito: the CD sector (2048 bytes) where the image starts.  */
#define PORTIX_BD_OFF_CD_IMAGE_LBA 0x0C
/* EDD 3.0 device path (INT 13h AH=48h, bytes 0x24-0x47 of its result),
   valid with PORTIX_BD_FLAG_EDD.  char[4]: host bus, "PCI " or "ISA ".  */
#define PORTIX_BD_OFF_EDD_HOST_BUS 0x10
/* char[8]: interface, space-padded: "ATA", "ATAPI", "SATA", "SCSI"...  */
#define PORTIX_BD_OFF_EDD_INTERFACE 0x14
/* u8[8]: interface path.  PCI: bus, device, function, channel;
   ISA: u16 I/O base.  */
#define PORTIX_BD_OFF_EDD_IFACE_PATH 0x1C
/* u8[16]: device path.  ATA/ATAPI: byte 0 is 1 for the slave;
   SATA: byte 0 is the port; SCSI: u16 target, u64 LUN.  */
#define PORTIX_BD_OFF_EDD_DEVICE_PATH 0x24
/* u32, zero: pads the boot info to a multiple of 8 bytes.  */
#define PORTIX_BD_OFF_RESERVED_END 0x34
#define PORTIX_BD_SIZE 0x38
#define PORTIX_EDD_HOST_BUS_LEN 4
#define PORTIX_EDD_INTERFACE_LEN 8
#define PORTIX_EDD_IFACE_PATH_LEN 8
#define PORTIX_EDD_DEVICE_PATH_LEN 16
/* Boot-disk flags.  */
/* signature holds stage 1's disk signature (always set by stage 2).  */
#define PORTIX_BD_FLAG_SIGNATURE 0x01
/* The BIOS booted a CD: INT 13h AX=4B01h answered for the boot drive,
   so the boot drive is an El Torito emulation of the image on a CD.  */
#define PORTIX_BD_FLAG_CD 0x02
/* The BIOS gave an EDD 3.0 device path (key 0xBEDD, checksum right),
   or the UEFI loader filled the same fields from the boot device path
   (the controller's PCI location; its ATAPI or SATA node).  */
#define PORTIX_BD_FLAG_EDD 0x04
/* The boot device sits behind USB (a USB node on the UEFI device path,
   or an EDD host bus/interface saying USB).  */
#define PORTIX_BD_FLAG_USB 0x08

/* ---- Firmware block (protocol version 3), byte offsets inside it ---- */

/* u32: PORTIX_FIRMWARE_*: who booted the kernel.  */
#define PORTIX_FW_OFF_KIND 0x00
/* u32, zero.  */
#define PORTIX_FW_OFF_RESERVED 0x04
/* u64: physical address of the ACPI RSDP the firmware gave (UEFI
   configuration table), 0 if none: the kernel then scans the BIOS
   areas (EBDA, 0xE0000-0xFFFFF) as on a BIOS boot.  */
#define PORTIX_FW_OFF_ACPI_RSDP 0x08
/* The framebuffer (struct portix_framebuffer), valid when its format is
   not PORTIX_FB_FORMAT_NONE.  On a BIOS boot there is none: VGA text at
   0xB8000 is the console.  */
#define PORTIX_FW_OFF_FB 0x10
#define PORTIX_FW_SIZE (PORTIX_FW_OFF_FB + PORTIX_FB_SIZE)
/* Firmware kinds.  */
#define PORTIX_FIRMWARE_BIOS 1
#define PORTIX_FIRMWARE_UEFI 2

/* ---- Framebuffer (struct portix_framebuffer), byte offsets ---- */

/* u64: physical address of pixel (0, 0); u64: bytes mapped there.  */
#define PORTIX_FB_OFF_ADDR 0x00
#define PORTIX_FB_OFF_SIZE 0x08
/* u32 each: visible pixels across and down; bytes from one row's start
   to the next (at least width * bpp / 8).  */
#define PORTIX_FB_OFF_WIDTH 0x10
#define PORTIX_FB_OFF_HEIGHT 0x14
#define PORTIX_FB_OFF_PITCH 0x18
/* u8: bits per pixel; u8: PORTIX_FB_FORMAT_*; u16 zero.  */
#define PORTIX_FB_OFF_BPP 0x1C
#define PORTIX_FB_OFF_FORMAT 0x1D
#define PORTIX_FB_OFF_RESERVED 0x1E
/* u32 each: the bits of a pixel (read as a little-endian u32) that
   hold red, green, blue and nothing; set for every format but NONE.  */
#define PORTIX_FB_OFF_RED_MASK 0x20
#define PORTIX_FB_OFF_GREEN_MASK 0x24
#define PORTIX_FB_OFF_BLUE_MASK 0x28
#define PORTIX_FB_OFF_RESERVED_MASK 0x2C
#define PORTIX_FB_SIZE 0x30
/* Framebuffer formats.  */
/* No framebuffer.  */
#define PORTIX_FB_FORMAT_NONE 0
/* 32 bpp, byte 0 red, 1 green, 2 blue, 3 unused.  */
#define PORTIX_FB_FORMAT_RGBX 1
/* 32 bpp, byte 0 blue, 1 green, 2 red, 3 unused.  */
#define PORTIX_FB_FORMAT_BGRX 2
/* bpp bits per pixel laid out as the masks say.  */
#define PORTIX_FB_FORMAT_BITMASK 3
/* Boot-info flags.  */
/* Stage 2 read the kernel by CHS (no usable INT 13h extensions).  */
#define PORTIX_BI_FLAG_CHS 0x01
/* A20 was already enabled when stage 2 started.  */
#define PORTIX_BI_FLAG_A20_WAS_ON 0x02
/* Stage 2 header asked for no serial output.  */
#define PORTIX_BI_FLAG_NO_SERIAL 0x04

/* ---- Chain-loading and MBR partition entries ---- */

/* Chain-loading: an MBR that boots a partition (DOS style, and the
   ventoy-sim one) relocates itself here, loads the partition's first
   sector at PORTIX_STAGE1_ADDR and hands it DS:SI = the partition entry,
   i.e. this + PORTIX_MBR_PARTITION_TABLE + n * PORTIX_MBR_PARTITION_ENTRY_SIZE.
   Stage 1 then takes its base LBA from that entry.  */
#define PORTIX_CHAINLOAD_ADDR 0x600
/* Fields of an MBR partition entry, as offsets inside it.  */
/* u8: 0x80 bootable, 0x00 not; anything else is not a partition entry.  */
#define PORTIX_MBR_PART_STATUS 0x00
/* u8: partition type (0 = unused entry).  */
#define PORTIX_MBR_PART_TYPE 0x04
/* u32: first sector (LBA) and length in sectors.  */
#define PORTIX_MBR_PART_LBA 0x08
#define PORTIX_MBR_PART_SECTORS 0x0C
/* Partition types of FAT volumes: FAT16 under 32 MiB, FAT16, FAT32,
   and the same two addressed by LBA (what portix-mkimage writes).  */
#define PORTIX_MBR_TYPE_FAT16_SMALL 0x04
#define PORTIX_MBR_TYPE_FAT16 0x06
#define PORTIX_MBR_TYPE_FAT32 0x0B
#define PORTIX_MBR_TYPE_FAT32_LBA 0x0C
#define PORTIX_MBR_TYPE_FAT16_LBA 0x0E
/* The EFI system partition (never a data partition to the kernel).  */
#define PORTIX_MBR_TYPE_ESP 0xEF

/* ---- Media beyond the raw image (portix-mkimage --mode) ---- */

/* ventoy-sim: the image starts at this LBA of a bigger disk, whose MBR
   (boot/chain.asm) chain-loads it; the disk is this big by default.  */
#define PORTIX_VENTOY_IMAGE_LBA 2048
#define PORTIX_VENTOY_DISK_MB_DEFAULT 64
/* The partition type of the ventoy-sim entry: "non-FS data".  */
#define PORTIX_VENTOY_PART_TYPE 0xDA
/* boot/chain.asm failure codes: it prints "C" and one of these, on the
   screen and on COM1, then halts.  */
/* No partition entry is marked bootable (0x80).  */
#define PORTIX_CHAIN_ERR_NO_ACTIVE '1'
/* Reading the partition's first sector failed after retries.  */
#define PORTIX_CHAIN_ERR_READ '2'
/* The partition's first sector does not end in 55 AA.  */
#define PORTIX_CHAIN_ERR_SIGNATURE '3'

/* ISO (El Torito hard-disk emulation).  The kernel finds the disk image
   on the CD this way: read CD sector PORTIX_ISO_BOOT_RECORD_LBA (2048-byte
   sectors), check type 0 and "CD001", take the u32 at
   PORTIX_ELTORITO_CATALOG_PTR (the boot catalog's sector), read that
   sector, check the validation entry (55 AA at 0x1E), and take the u32
   at PORTIX_ELTORITO_LOAD_RBA: the CD sector where the image (its LBA 0)
   starts.  Image LBA n is then byte RBA * 2048 + n * 512 of the CD.  */
#define PORTIX_ISO_SECTOR_SIZE 2048
#define PORTIX_ISO_BOOT_RECORD_LBA 17
#define PORTIX_ELTORITO_CATALOG_PTR 0x47
#define PORTIX_ELTORITO_LOAD_RBA 0x28
/* The catalog's entries: the validation entry (header ID 1, key 55 AA
   at PORTIX_ELTORITO_KEY, its 16-bit words summing to 0), then the
   initial entry, whose boot indicator says bootable and whose media
   type says hard-disk emulation.  Offsets from the catalog's start.  */
#define PORTIX_ELTORITO_ENTRY_SIZE 32
#define PORTIX_ELTORITO_HEADER_ID 1
#define PORTIX_ELTORITO_KEY 0x1E
#define PORTIX_ELTORITO_BOOT_INDICATOR 0x20
#define PORTIX_ELTORITO_BOOTABLE 0x88
#define PORTIX_ELTORITO_MEDIA_TYPE 0x21
#define PORTIX_ELTORITO_MEDIA_HD 4
/* The hybrid ISO (an image with a UEFI loader): the ISO's first 512
   bytes are stage 1 again, its base LBA this one, the LBA (512-byte
   sectors) where the embedded image starts (CD sector 32), its
   partition table the image's moved by as much.  Written raw to a disk,
   LBA 0's stage 1 parameter block gives the image's LBA 0, as on every
   disk medium.  */
#define PORTIX_ISO_HYBRID_BASE 128
/* The geometry the hard-disk media's partition table must encode, for
   BIOSes that take it from there (SeaBIOS under El Torito hard-disk
   emulation): 64 heads, 32 sectors, so a cylinder is 1 MiB and every
   partition aligned to PORTIX_PARTITION_ALIGN_SECTORS starts and ends on
   a cylinder boundary: entry 0's end CHS is the disk's last cylinder,
   head 63, sector 32.  Disks beyond 1024 such cylinders (1 GiB) get the
   usual saturated end CHS (FE FF FF, 255 heads x 63 sectors); stage 1
   reads only the first MiB, which any geometry guessed from it reaches.  */
#define PORTIX_CHS_HEADS 64
#define PORTIX_CHS_SECTORS 32

#endif /* PORTIX_LAYOUT_H */
