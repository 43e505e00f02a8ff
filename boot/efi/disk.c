/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* disk.c - the medium BOOTX64.EFI was loaded from, and the Portix image
   on it.

   The firmware hands the loader a handle on the partition (the EFI
   system partition) or the El Torito boot image it was read from.  The
   Portix image lies on the whole disk or CD around it, so the loader
   cuts the device path before its first media node and asks for the
   Block I/O of what remains: the whole medium.  On it, the image's LBA
   0 (stage 1, then stage 2's header) is found the way the kernel finds
   it: at byte 0 of a raw disk, at the base LBA in the parameter block
   of the stage 1 at LBA 0 (a hybrid ISO written to a disk), at the start
   of a partition of the disk's MBR (ventoy-sim), or at the
   El Torito boot entry's load RBA of an ISO.  Stage 2 and the
   kernel then sit at their usual LBAs (layout.h) from there: one layout
   for BIOS and UEFI.  */

#include "loader.h"

static const EFI_GUID block_io_guid = EFI_BLOCK_IO_PROTOCOL_GUID;
static const EFI_GUID device_path_guid = EFI_DEVICE_PATH_PROTOCOL_GUID;
static const EFI_GUID loaded_image_guid = EFI_LOADED_IMAGE_PROTOCOL_GUID;
static const EFI_GUID pci_io_guid = EFI_PCI_IO_PROTOCOL_GUID;

/* Room for any device path the loader copies (PCI, controller, media
   nodes: a few dozen bytes in practice).  */
#define PATH_MAX_BYTES 512

static uint16_t node_length(const EFI_DEVICE_PATH_PROTOCOL *n)
{
	return (uint16_t)(n->length[0] | n->length[1] << 8);
}

static const EFI_DEVICE_PATH_PROTOCOL *
next_node(const EFI_DEVICE_PATH_PROTOCOL *n)
{
	return (const EFI_DEVICE_PATH_PROTOCOL *)
		((const uint8_t *)n + node_length(n));
}

static int is_end(const EFI_DEVICE_PATH_PROTOCOL *n)
{
	return n->type == EFI_DP_TYPE_END && n->sub_type == EFI_DP_END_ENTIRE;
}

static int is_usb(const EFI_DEVICE_PATH_PROTOCOL *n)
{
	return n->type == EFI_DP_TYPE_MESSAGING &&
		(n->sub_type == EFI_DP_MSG_USB ||
		 n->sub_type == EFI_DP_MSG_USB_CLASS ||
		 n->sub_type == EFI_DP_MSG_USB_WWID ||
		 n->sub_type == EFI_DP_MSG_USB_LUN);
}

static int is_drive(const EFI_DEVICE_PATH_PROTOCOL *n)
{
	return n->type == EFI_DP_TYPE_MESSAGING &&
		((n->sub_type == EFI_DP_MSG_ATAPI && node_length(n) >= 8) ||
		 (n->sub_type == EFI_DP_MSG_SATA && node_length(n) >= 10));
}

/* The whole medium's device path (an end node where the loader's media
   node was), for whole_medium and path_identity.  */
static uint8_t whole_path[PATH_MAX_BYTES];

/* The Block I/O of the whole medium under DEVICE (the loader's
   partition or El Torito image); sets the USB flag from the path on the
   way, and *DRIVE to its ATAPI or SATA node (or NULL).  Not the CD
   flag: firmware finds El Torito images on disks too (a hybrid ISO
   written to a stick), so only the block size tells.  */
static EFI_BLOCK_IO_PROTOCOL *
whole_medium(EFI_HANDLE device, struct portix_boot_disk *id,
	     const EFI_DEVICE_PATH_PROTOCOL **drive)
{
	uint8_t *copy = whole_path;
	EFI_DEVICE_PATH_PROTOCOL *path, *rest;
	const EFI_DEVICE_PATH_PROTOCOL *n;
	EFI_BLOCK_IO_PROTOCOL *bio;
	EFI_HANDLE disk;
	EFI_STATUS st;
	uint64_t len;

	st = efi_bs->handle_protocol(device, &device_path_guid,
				     (void **)&path);
	if (EFI_IS_ERROR(st))
		fail(st, "the boot device has no device path");
	for (n = path; !is_end(n) && n->type != EFI_DP_TYPE_MEDIA;
	     n = next_node(n)) {
		if (node_length(n) < sizeof(*n))
			fail(0, "the boot device path is malformed");
		if (is_usb(n))
			id->flags |= PORTIX_BD_FLAG_USB;
		if (is_drive(n))
			*drive = n;
	}
	/* The prefix, then an end node in place of the media node.  */
	len = (uint64_t)((const uint8_t *)n - (const uint8_t *)path);
	if (len + sizeof(*n) > sizeof(whole_path))
		fail(0, "the boot device path is too long (%u bytes)", len);
	memcpy(copy, path, len);
	rest = (EFI_DEVICE_PATH_PROTOCOL *)(copy + len);
	rest->type = EFI_DP_TYPE_END;
	rest->sub_type = EFI_DP_END_ENTIRE;
	rest->length[0] = sizeof(*rest);
	rest->length[1] = 0;
	rest = (EFI_DEVICE_PATH_PROTOCOL *)copy;
	st = efi_bs->locate_device_path(&block_io_guid, &rest, &disk);
	if (EFI_IS_ERROR(st) || !is_end(rest))
		fail(st, "no Block I/O for the disk or CD the loader came from");
	st = efi_bs->handle_protocol(disk, &block_io_guid, (void **)&bio);
	if (EFI_IS_ERROR(st))
		fail(st, "cannot open the boot disk's Block I/O");
	return bio;
}

/* The EDD 3.0 fields stage 2 gets from INT 13h AH=48h, taken from the
   device path instead, so that of two identical disks the kernel mounts
   the one booted: the PCI location of the controller (its PCI I/O's
   GetLocation: a path's PCI nodes do not give the bus behind a bridge),
   and the drive on it from DRIVE, an ATAPI node (IDE channel and unit)
   or a SATA node (AHCI port).  For a CD, the El Torito controller and
   device fields too, numbered as SeaBIOS numbers them (bootdisk.c).
   Without a PCI controller nothing is set (the USB flag says more).  */
static void path_identity(const EFI_DEVICE_PATH_PROTOCOL *drive,
			  struct portix_boot_disk *id)
{
	EFI_DEVICE_PATH_PROTOCOL *rest = (EFI_DEVICE_PATH_PROTOCOL *)whole_path;
	const uint8_t *d = (const uint8_t *)drive;
	EFI_PCI_IO_PROTOCOL *pci;
	EFI_HANDLE controller;
	UINTN segment, bus, dev, fn;
	unsigned int position;

	if (EFI_IS_ERROR(efi_bs->locate_device_path(&pci_io_guid, &rest,
						     &controller)) ||
	    EFI_IS_ERROR(efi_bs->handle_protocol(controller, &pci_io_guid,
						 (void **)&pci)) ||
	    EFI_IS_ERROR(pci->get_location(pci, &segment, &bus, &dev, &fn)))
		return;
	memcpy(id->edd_host_bus, "PCI ", PORTIX_EDD_HOST_BUS_LEN);
	id->edd_iface_path[0] = (uint8_t)bus;
	id->edd_iface_path[1] = (uint8_t)dev;
	id->edd_iface_path[2] = (uint8_t)fn;
	id->flags |= PORTIX_BD_FLAG_EDD;
	if (!drive) {
		say("boot controller: PCI bus %u, device %u, function %u",
		    (uint64_t)bus, (uint64_t)dev, (uint64_t)fn);
		return;
	}
	if (drive->sub_type == EFI_DP_MSG_ATAPI) {
		memcpy(id->edd_interface,
		       (id->flags & PORTIX_BD_FLAG_CD) ? "ATAPI   " : "ATA     ",
		       PORTIX_EDD_INTERFACE_LEN);
		id->edd_iface_path[3] = d[EFI_DP_ATAPI_CHANNEL];
		id->edd_device_path[0] = d[EFI_DP_ATAPI_SLAVE];
		position = d[EFI_DP_ATAPI_CHANNEL] * 2u + d[EFI_DP_ATAPI_SLAVE];
		say("boot drive: PCI bus %u, device %u, function %u, "
		    "IDE channel %u, unit %u",
		    (uint64_t)bus, (uint64_t)dev, (uint64_t)fn,
		    (uint64_t)d[EFI_DP_ATAPI_CHANNEL],
		    (uint64_t)d[EFI_DP_ATAPI_SLAVE]);
	} else {
		memcpy(id->edd_interface, "SATA    ", PORTIX_EDD_INTERFACE_LEN);
		id->edd_device_path[0] = d[EFI_DP_SATA_PORT];
		position = d[EFI_DP_SATA_PORT];
		say("boot drive: PCI bus %u, device %u, function %u, "
		    "SATA port %u", (uint64_t)bus,
		    (uint64_t)dev, (uint64_t)fn,
		    (uint64_t)d[EFI_DP_SATA_PORT]);
	}
	if (id->flags & PORTIX_BD_FLAG_CD) {
		id->cd_controller = (uint8_t)(position / 2);
		id->cd_device = (uint16_t)(position % 2);
	}
}

/* Read LEN bytes at byte OFFSET of the whole medium.  */
static void read_bytes(const struct medium *m, uint64_t offset, void *buf,
		       uint64_t len)
{
	uint64_t bs = m->block_size;
	uint64_t first = offset / bs;
	uint64_t count = (offset % bs + len + bs - 1) / bs;
	uint8_t *blocks;
	EFI_STATUS st;

	if (!len)
		return;
	if (m->bio->media->last_block < first + count - 1)
		fail(0, "read beyond the boot medium's end (byte %x)",
		     offset + len);
	blocks = alloc_pages_below_4g(count * bs);
	st = m->bio->read_blocks(m->bio, m->bio->media->media_id, first,
				 count * bs, blocks);
	if (EFI_IS_ERROR(st))
		fail(st, "read error at block %u of the boot medium", first);
	memcpy(buf, blocks + offset % bs, len);
	efi_bs->free_pages((EFI_PHYSICAL_ADDRESS)(uintptr_t)blocks,
			   (count * bs + EFI_PAGE_SIZE - 1) / EFI_PAGE_SIZE);
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 |
		(uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* A Portix image at byte OFFSET: stage 1 ends 55 AA and stage 2's
   header follows with its magic.  */
static int image_at(const struct medium *m, uint64_t offset)
{
	uint8_t s[2 * PORTIX_SECTOR_SIZE];

	if (offset / m->block_size + sizeof(s) / PORTIX_SECTOR_SIZE >
	    m->bio->media->last_block)
		return 0;
	read_bytes(m, offset, s, sizeof(s));
	return s[PORTIX_MBR_SIGNATURE] == 0x55 &&
		s[PORTIX_MBR_SIGNATURE + 1] == 0xAA &&
		le32(s + PORTIX_STAGE2_LBA * PORTIX_SECTOR_SIZE +
		     PORTIX_S2_HDR_MAGIC) == PORTIX_S2_MAGIC;
}

/* The start LBA of the first partition in the MBR S1 (the medium's LBA
   0) that holds a Portix image, or 0: a multi-boot disk (ventoy-sim)
   whose own MBR chain-loads the image from its partition.  */
static uint64_t image_partition(const struct medium *m, const uint8_t *s1)
{
	if (s1[PORTIX_MBR_SIGNATURE] != 0x55 ||
	    s1[PORTIX_MBR_SIGNATURE + 1] != 0xAA)
		return 0;
	for (unsigned int i = 0; i < 4; i++) {
		const uint8_t *e = s1 + PORTIX_MBR_PARTITION_TABLE +
				   i * PORTIX_MBR_PARTITION_ENTRY_SIZE;
		uint64_t start = le32(e + PORTIX_MBR_PART_LBA);

		if (e[PORTIX_MBR_PART_TYPE] && start &&
		    start < m->bio->media->last_block &&
		    image_at(m, start * PORTIX_SECTOR_SIZE))
			return start;
	}
	return 0;
}

/* The CD sector of the El Torito initial entry's image (the BIOS one,
   which is the Portix image), or 0.  Layout: see layout.h.  */
static uint32_t eltorito_image_rba(const struct medium *m, uint8_t *media)
{
	uint8_t s[PORTIX_ISO_SECTOR_SIZE];
	uint32_t catalog;

	if ((m->bio->media->last_block + 1) * m->block_size <
	    (PORTIX_ISO_BOOT_RECORD_LBA + 1) * PORTIX_ISO_SECTOR_SIZE)
		return 0;
	read_bytes(m, (uint64_t)PORTIX_ISO_BOOT_RECORD_LBA *
		   PORTIX_ISO_SECTOR_SIZE, s, sizeof(s));
	if (s[0] != 0 || memcmp(s + 1, "CD001", 5))
		return 0;
	catalog = le32(s + PORTIX_ELTORITO_CATALOG_PTR);
	read_bytes(m, (uint64_t)catalog * PORTIX_ISO_SECTOR_SIZE, s, sizeof(s));
	if (s[0] != PORTIX_ELTORITO_HEADER_ID ||
	    s[PORTIX_ELTORITO_KEY] != 0x55 ||
	    s[PORTIX_ELTORITO_KEY + 1] != 0xAA ||
	    s[PORTIX_ELTORITO_BOOT_INDICATOR] != PORTIX_ELTORITO_BOOTABLE)
		return 0;
	*media = s[PORTIX_ELTORITO_MEDIA_TYPE];
	return le32(s + PORTIX_ELTORITO_LOAD_RBA);
}

/* Where the image starts on the medium, and the identity fields that
   follow from it (as stage 2 would have them on that medium).  */
static void find_image(struct medium *m)
{
	struct portix_boot_disk *id = &m->identity;
	uint8_t media = 0;
	uint32_t rba;

	if (!(id->flags & PORTIX_BD_FLAG_CD)) {
		uint8_t s1[PORTIX_SECTOR_SIZE];
		uint64_t base;

		if (image_at(m, 0))
			return;
		/* A stage 1 at LBA 0 whose parameter block names the
		   image's LBA 0 elsewhere (a hybrid ISO on a disk), or an
		   MBR whose partition holds the image.  */
		read_bytes(m, 0, s1, sizeof(s1));
		memcpy(&base, s1 + PORTIX_S1_PARAMS + PORTIX_S1_BASE_LBA,
		       sizeof(base));
		if (!(base && base < m->bio->media->last_block &&
		      image_at(m, base * PORTIX_SECTOR_SIZE)))
			base = image_partition(m, s1);
		if (base) {
			m->image_offset = base * PORTIX_SECTOR_SIZE;
			m->base_lba = base;
			return;
		}
	}
	rba = eltorito_image_rba(m, &media);
	if (!rba || !image_at(m, (uint64_t)rba * PORTIX_ISO_SECTOR_SIZE))
		fail(0, "no Portix image on the boot medium (not at its "
		     "start, in a partition, nor as its El Torito boot "
		     "image)");
	m->image_offset = (uint64_t)rba * PORTIX_ISO_SECTOR_SIZE;
	if (id->flags & PORTIX_BD_FLAG_CD) {
		/* As under El Torito emulation: the image is the disk.  */
		id->cd_media = media;
		id->cd_image_lba = rba;
	} else {
		/* An ISO written to a disk: the image is part of it.  */
		m->base_lba = m->image_offset / PORTIX_SECTOR_SIZE;
	}
}

void medium_open(EFI_HANDLE image, struct medium *m)
{
	EFI_LOADED_IMAGE_PROTOCOL *li;
	const EFI_DEVICE_PATH_PROTOCOL *drive = NULL;
	uint8_t mbr[PORTIX_SECTOR_SIZE];
	EFI_STATUS st;

	memset(m, 0, sizeof(*m));
	st = efi_bs->handle_protocol(image, &loaded_image_guid, (void **)&li);
	if (EFI_IS_ERROR(st))
		fail(st, "no loaded-image protocol for the loader");
	m->bio = whole_medium(li->device_handle, &m->identity, &drive);
	m->block_size = m->bio->media->block_size;
	if (m->block_size < PORTIX_SECTOR_SIZE ||
	    m->block_size & (m->block_size - 1))
		fail(0, "boot medium's block size %u is not supported",
		     (uint64_t)m->block_size);
	if (m->block_size == PORTIX_ISO_SECTOR_SIZE)
		m->identity.flags |= PORTIX_BD_FLAG_CD;
	path_identity(drive, &m->identity);
	find_image(m);
	/* The disk signature of the image's own stage 1, as stage 2
	   reads it at the base LBA.  */
	medium_read(m, 0, mbr, sizeof(mbr));
	m->identity.signature = le32(mbr + PORTIX_MBR_DISK_SIGNATURE);
	m->identity.flags |= PORTIX_BD_FLAG_SIGNATURE;
	say("image at byte %x of a %s%s (block size %u, disk signature %x)",
	    m->image_offset,
	    (m->identity.flags & PORTIX_BD_FLAG_USB) ? "USB " : "",
	    (m->identity.flags & PORTIX_BD_FLAG_CD) ? "CD" : "disk",
	    (uint64_t)m->block_size, (uint64_t)m->identity.signature);
}

void medium_read(const struct medium *m, uint64_t offset, void *buf,
		 uint64_t len)
{
	read_bytes(m, m->image_offset + offset, buf, len);
}
