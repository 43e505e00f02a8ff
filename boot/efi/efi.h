/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* efi.h - the few UEFI definitions the Portix loader uses.

   Written from the UEFI Specification 2.10: data types (2.3.1), the
   system table (4.3), boot services (4.4, 7), the loaded image (9.1),
   device paths (10.2-10.3), Block I/O (13.9), PCI I/O (14.4), the
   graphics output protocol (12.9) and the configuration table GUIDs
   (4.6).  Only what
   the loader calls is spelled out; every other table slot is a
   placeholder pointer, so the offsets of the used ones stay right.
   Calls use the Microsoft x64 convention, which is the compiler's own
   for the x86_64-unknown-windows target this is built for.  */

#ifndef PORTIX_EFI_H
#define PORTIX_EFI_H

#include <stdint.h>

typedef uint64_t UINTN;
typedef uint64_t EFI_STATUS;
typedef void *EFI_HANDLE;
typedef uint16_t CHAR16;
typedef uint64_t EFI_PHYSICAL_ADDRESS;
typedef uint64_t EFI_LBA;
typedef uint8_t BOOLEAN;

/* Status codes: errors have the top bit set (Appendix D).  */
#define EFI_ERROR_BIT		(1ULL << 63)
#define EFI_SUCCESS		0
#define EFI_INVALID_PARAMETER	(EFI_ERROR_BIT | 2)
#define EFI_BUFFER_TOO_SMALL	(EFI_ERROR_BIT | 5)
#define EFI_NOT_FOUND		(EFI_ERROR_BIT | 14)
#define EFI_IS_ERROR(s)		(((s) & EFI_ERROR_BIT) != 0)

typedef struct {
	uint32_t data1;
	uint16_t data2;
	uint16_t data3;
	uint8_t data4[8];
} EFI_GUID;

typedef struct {
	uint64_t signature;
	uint32_t revision;
	uint32_t header_size;
	uint32_t crc32;
	uint32_t reserved;
} EFI_TABLE_HEADER;

/* ---- Console output (EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL) ---- */

typedef struct efi_text_out EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL;
struct efi_text_out {
	void *reset;
	EFI_STATUS (*output_string)(EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *self,
				    const CHAR16 *string);
	void *test_string, *query_mode, *set_mode, *set_attribute;
	void *clear_screen, *set_cursor_position, *enable_cursor;
	void *mode;
};

/* ---- Memory (7.2) ---- */

enum efi_allocate_type {
	EFI_ALLOCATE_ANY_PAGES,
	EFI_ALLOCATE_MAX_ADDRESS,
	EFI_ALLOCATE_ADDRESS,
};

enum efi_memory_type {
	EFI_RESERVED_MEMORY_TYPE,
	EFI_LOADER_CODE,
	EFI_LOADER_DATA,
	EFI_BOOT_SERVICES_CODE,
	EFI_BOOT_SERVICES_DATA,
	EFI_RUNTIME_SERVICES_CODE,
	EFI_RUNTIME_SERVICES_DATA,
	EFI_CONVENTIONAL_MEMORY,
	EFI_UNUSABLE_MEMORY,
	EFI_ACPI_RECLAIM_MEMORY,
	EFI_ACPI_MEMORY_NVS,
	EFI_MEMORY_MAPPED_IO,
	EFI_MEMORY_MAPPED_IO_PORT_SPACE,
	EFI_PAL_CODE,
	EFI_PERSISTENT_MEMORY,
};

#define EFI_PAGE_SIZE 4096

/* One memory map entry.  The firmware's entries may be larger than
   this (descriptor_size says how large): step by that, never by
   sizeof.  */
typedef struct {
	uint32_t type;			/* enum efi_memory_type */
	uint32_t pad;
	EFI_PHYSICAL_ADDRESS physical_start;
	uint64_t virtual_start;
	uint64_t number_of_pages;	/* of EFI_PAGE_SIZE bytes */
	uint64_t attribute;
} EFI_MEMORY_DESCRIPTOR;

/* ---- Device paths (10.2-10.3) ---- */

typedef struct {
	uint8_t type;
	uint8_t sub_type;
	uint8_t length[2];		/* of this node, little-endian */
} EFI_DEVICE_PATH_PROTOCOL;

#define EFI_DP_TYPE_HARDWARE	0x01
#define EFI_DP_TYPE_MESSAGING	0x03
#define EFI_DP_TYPE_MEDIA	0x04
#define EFI_DP_TYPE_END		0x7F
#define EFI_DP_END_ENTIRE	0xFF
/* Messaging nodes that name a disk on its controller (10.3.4.1,
   10.3.4.6), packed; offsets from the node's start.  ATAPI (IDE, disks
   too): u8 0 primary / 1 secondary, u8 0 master / 1 slave, u16 LUN.
   SATA: u16 HBA port, u16 port-multiplier port, u16 LUN.  */
#define EFI_DP_MSG_ATAPI	1
#define EFI_DP_ATAPI_CHANNEL	4
#define EFI_DP_ATAPI_SLAVE	5
#define EFI_DP_MSG_SATA		18
#define EFI_DP_SATA_PORT	4
/* Messaging sub-types that say USB: USB, USB class, USB WWID, USB
   logical unit.  */
#define EFI_DP_MSG_USB		5
#define EFI_DP_MSG_USB_CLASS	15
#define EFI_DP_MSG_USB_WWID	16
#define EFI_DP_MSG_USB_LUN	17
/* Media sub-types: a hard-disk partition, an El Torito boot image.  */
#define EFI_DP_MEDIA_HARD_DRIVE	1
#define EFI_DP_MEDIA_CDROM	2

/* Hard-drive media node (10.3.5.1), packed: 42 bytes.  */
#define EFI_DP_HD_SIGNATURE	24	/* u8[16]; MBR: u32 disk signature */
#define EFI_DP_HD_MBR_TYPE	40	/* 1 MBR, 2 GPT */
#define EFI_DP_HD_SIGNATURE_TYPE 41	/* 1 MBR signature, 2 GUID */
#define EFI_DP_HD_LENGTH	42
#define EFI_DP_SIGNATURE_MBR	1

/* ---- Boot services (4.4) ---- */

typedef struct {
	EFI_TABLE_HEADER hdr;
	void *raise_tpl, *restore_tpl;
	EFI_STATUS (*allocate_pages)(enum efi_allocate_type type,
				     enum efi_memory_type memory_type,
				     UINTN pages, EFI_PHYSICAL_ADDRESS *memory);
	EFI_STATUS (*free_pages)(EFI_PHYSICAL_ADDRESS memory, UINTN pages);
	EFI_STATUS (*get_memory_map)(UINTN *map_size,
				     EFI_MEMORY_DESCRIPTOR *map,
				     UINTN *map_key, UINTN *descriptor_size,
				     uint32_t *descriptor_version);
	EFI_STATUS (*allocate_pool)(enum efi_memory_type pool_type,
				    UINTN size, void **buffer);
	EFI_STATUS (*free_pool)(void *buffer);
	void *create_event, *set_timer, *wait_for_event, *signal_event;
	void *close_event, *check_event;
	void *install_protocol_interface, *reinstall_protocol_interface;
	void *uninstall_protocol_interface;
	EFI_STATUS (*handle_protocol)(EFI_HANDLE handle, const EFI_GUID *guid,
				      void **interface);
	void *reserved;
	void *register_protocol_notify, *locate_handle;
	EFI_STATUS (*locate_device_path)(const EFI_GUID *guid,
					 EFI_DEVICE_PATH_PROTOCOL **path,
					 EFI_HANDLE *device);
	void *install_configuration_table;
	void *load_image, *start_image;
	EFI_STATUS (*exit)(EFI_HANDLE image, EFI_STATUS status,
			   UINTN data_size, CHAR16 *data);
	void *unload_image;
	EFI_STATUS (*exit_boot_services)(EFI_HANDLE image, UINTN map_key);
	void *get_next_monotonic_count, *stall;
	EFI_STATUS (*set_watchdog_timer)(UINTN timeout, uint64_t code,
					 UINTN data_size, CHAR16 *data);
	void *connect_controller, *disconnect_controller;
	void *open_protocol, *close_protocol, *open_protocol_information;
	void *protocols_per_handle, *locate_handle_buffer;
	EFI_STATUS (*locate_protocol)(const EFI_GUID *guid, void *registration,
				      void **interface);
} EFI_BOOT_SERVICES;

/* ---- System table (4.3) and configuration table (4.6) ---- */

typedef struct {
	EFI_GUID vendor_guid;
	void *vendor_table;
} EFI_CONFIGURATION_TABLE;

typedef struct {
	EFI_TABLE_HEADER hdr;
	CHAR16 *firmware_vendor;
	uint32_t firmware_revision;
	EFI_HANDLE console_in_handle;
	void *con_in;
	EFI_HANDLE console_out_handle;
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *con_out;
	EFI_HANDLE standard_error_handle;
	EFI_SIMPLE_TEXT_OUTPUT_PROTOCOL *std_err;
	void *runtime_services;
	EFI_BOOT_SERVICES *boot_services;
	UINTN number_of_table_entries;
	EFI_CONFIGURATION_TABLE *configuration_table;
} EFI_SYSTEM_TABLE;

#define EFI_ACPI_20_TABLE_GUID \
	{ 0x8868E871, 0xE4F1, 0x11D3, \
	  { 0xBC, 0x22, 0x00, 0x80, 0xC7, 0x3C, 0x88, 0x81 } }
#define EFI_ACPI_10_TABLE_GUID \
	{ 0xEB9D2D30, 0x2D88, 0x11D3, \
	  { 0x9A, 0x16, 0x00, 0x90, 0x27, 0x3F, 0xC1, 0x4D } }

/* ---- Loaded image (9.1) ---- */

#define EFI_LOADED_IMAGE_PROTOCOL_GUID \
	{ 0x5B1B31A1, 0x9562, 0x11D2, \
	  { 0x8E, 0x3F, 0x00, 0xA0, 0xC9, 0x69, 0x72, 0x3B } }

typedef struct {
	uint32_t revision;
	EFI_HANDLE parent_handle;
	EFI_SYSTEM_TABLE *system_table;
	EFI_HANDLE device_handle;	/* the partition or CD image */
	EFI_DEVICE_PATH_PROTOCOL *file_path;
	void *reserved;
	uint32_t load_options_size;
	void *load_options;
	void *image_base;
	uint64_t image_size;
	enum efi_memory_type image_code_type;
	enum efi_memory_type image_data_type;
	void *unload;
} EFI_LOADED_IMAGE_PROTOCOL;

#define EFI_DEVICE_PATH_PROTOCOL_GUID \
	{ 0x09576E91, 0x6D3F, 0x11D2, \
	  { 0x8E, 0x39, 0x00, 0xA0, 0xC9, 0x69, 0x72, 0x3B } }

/* ---- Block I/O (13.9) ---- */

/* ---- PCI I/O (14.4): only where the controller sits ---- */

typedef struct efi_pci_io EFI_PCI_IO_PROTOCOL;
struct efi_pci_io {
	void *poll_mem, *poll_io;
	void *mem_read, *mem_write, *io_read, *io_write;
	void *pci_read, *pci_write;
	void *copy_mem, *map, *unmap, *allocate_buffer, *free_buffer;
	void *flush;
	EFI_STATUS (*get_location)(EFI_PCI_IO_PROTOCOL *self, UINTN *segment,
				   UINTN *bus, UINTN *device,
				   UINTN *function);
};

#define EFI_PCI_IO_PROTOCOL_GUID \
	{ 0x4CF5B200, 0x68B8, 0x4CA5, \
	  { 0x9E, 0xEC, 0xB2, 0x3E, 0x3F, 0x50, 0x02, 0x9A } }

#define EFI_BLOCK_IO_PROTOCOL_GUID \
	{ 0x964E5B21, 0x6459, 0x11D2, \
	  { 0x8E, 0x39, 0x00, 0xA0, 0xC9, 0x69, 0x72, 0x3B } }

typedef struct {
	uint32_t media_id;
	BOOLEAN removable_media;
	BOOLEAN media_present;
	BOOLEAN logical_partition;
	BOOLEAN read_only;
	BOOLEAN write_caching;
	uint32_t block_size;
	uint32_t io_align;
	EFI_LBA last_block;
} EFI_BLOCK_IO_MEDIA;

typedef struct efi_block_io EFI_BLOCK_IO_PROTOCOL;
struct efi_block_io {
	uint64_t revision;
	EFI_BLOCK_IO_MEDIA *media;
	void *reset;
	EFI_STATUS (*read_blocks)(EFI_BLOCK_IO_PROTOCOL *self,
				  uint32_t media_id, EFI_LBA lba,
				  UINTN buffer_size, void *buffer);
	void *write_blocks, *flush_blocks;
};

/* ---- Graphics output (12.9) ---- */

#define EFI_GRAPHICS_OUTPUT_PROTOCOL_GUID \
	{ 0x9042A9DE, 0x23DC, 0x4A38, \
	  { 0x96, 0xFB, 0x7A, 0xDE, 0xD0, 0x80, 0x51, 0x6A } }

enum efi_graphics_pixel_format {
	EFI_PIXEL_RGB_RESERVED_8BIT,	/* byte 0 red */
	EFI_PIXEL_BGR_RESERVED_8BIT,	/* byte 0 blue */
	EFI_PIXEL_BIT_MASK,
	EFI_PIXEL_BLT_ONLY,		/* no framebuffer */
};

typedef struct {
	uint32_t version;
	uint32_t horizontal_resolution;
	uint32_t vertical_resolution;
	enum efi_graphics_pixel_format pixel_format;
	uint32_t red_mask, green_mask, blue_mask, reserved_mask;
	uint32_t pixels_per_scan_line;
} EFI_GRAPHICS_OUTPUT_MODE_INFORMATION;

typedef struct {
	uint32_t max_mode;
	uint32_t mode;
	EFI_GRAPHICS_OUTPUT_MODE_INFORMATION *info;
	UINTN size_of_info;
	EFI_PHYSICAL_ADDRESS frame_buffer_base;
	UINTN frame_buffer_size;
} EFI_GRAPHICS_OUTPUT_PROTOCOL_MODE;

typedef struct {
	void *query_mode, *set_mode, *blt;
	EFI_GRAPHICS_OUTPUT_PROTOCOL_MODE *mode;
} EFI_GRAPHICS_OUTPUT_PROTOCOL;

#endif /* PORTIX_EFI_H */
