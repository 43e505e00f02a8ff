/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* bootdisk.c - which drive holds the image the kernel was booted from.
   See bootdisk.h for the rule.  */

#include <stdbool.h>
#include <stdint.h>

#include <portix/boot.h>
#include <portix/layout.h>
#include <portix/le.h>

#include "block/block.h"
#include "block/bootdisk.h"
#include "block/eltorito.h"
#include "lib/printf.h"
#include "lib/string.h"

static struct blkdev *chosen;

/* True if sector BASE of B is a Portix stage 1 (55 AA) followed by a
   stage 2 header; *SIG is then stage 1's disk signature.  */
static bool portix_image_at(struct blkdev *b, uint64_t base, uint32_t *sig)
{
	static uint8_t sector[BLK_SECTOR_SIZE];

	if (blk_read(b, base, 1, sector) ||
	    sector[PORTIX_MBR_SIGNATURE] != 0x55 ||
	    sector[PORTIX_MBR_SIGNATURE + 1] != 0xAA)
		return false;
	*sig = portix_get_le32(sector + PORTIX_MBR_DISK_SIGNATURE);
	if (blk_read(b, base + PORTIX_STAGE2_LBA, 1, sector))
		return false;
	return portix_get_le32(sector + PORTIX_S2_HDR_MAGIC) == PORTIX_S2_MAGIC;
}

/* How well B's location fits what the BIOS said of the boot drive: two
   points for its PCI function, one for its channel and unit (IDE) or
   port (SATA).  */
static int path_score(const struct blkdev *b,
		      const struct portix_boot_disk *want)
{
	const struct blk_location *loc = &b->loc;
	unsigned int position;
	int score = 0;

	if (want->flags & PORTIX_BD_FLAG_EDD) {
		const uint8_t *path = want->edd_iface_path;

		if (!memcmp(want->edd_host_bus, "PCI", 3) && loc->pci &&
		    loc->bus == path[0] && loc->dev == path[1] &&
		    loc->fn == path[2])
			score += 2;
		/* "ATA" also prefixes "ATAPI": both name channel and unit.  */
		if (!memcmp(want->edd_interface, "ATA", 3) &&
		    loc->controller == BLK_CTRL_IDE && loc->port == path[3] &&
		    loc->unit == (want->edd_device_path[0] & 1))
			score++;
		/* SATA (not given by SeaBIOS, by some firmware): the port.  */
		if (!memcmp(want->edd_interface, "SATA", 4) &&
		    loc->controller == BLK_CTRL_AHCI &&
		    loc->port == want->edd_device_path[0])
			score++;
	}
	if (want->flags & PORTIX_BD_FLAG_CD) {
		/* SeaBIOS numbers a drive channel * 2 + unit on IDE, by
		   port on AHCI, and splits that into these two fields.  */
		position = loc->controller == BLK_CTRL_IDE ?
			   loc->port * 2u + loc->unit : loc->port;
		if (want->cd_controller * 2u + (want->cd_device & 1u) ==
		    position)
			score++;
	}
	return score;
}

/* Look among the drives of KIND; fill *M with the best and return how
   many hold the image.  *START is where the image begins on the best
   (the El Torito image's first sector on a CD, 0 on a disk).  */
static int scan(enum blk_kind kind, const struct portix_boot_disk *want,
		uint64_t base_lba, struct bootdisk_match *m, uint64_t *start)
{
	struct blkdev *b;
	uint64_t first;
	uint32_t sig;
	int i, found = 0, score, best = -1;

	for (i = 0; (b = blk_get(i)); i++) {
		if (b->kind != kind || !b->sectors)
			continue;
		first = 0;
		if (kind == BLK_CDROM &&
		    (eltorito_find_hd_image(b, &first) || first >= b->sectors))
			continue;
		if (!portix_image_at(b, first + base_lba, &sig))
			continue;
		if ((want->flags & PORTIX_BD_FLAG_SIGNATURE) &&
		    sig != want->signature)
			continue;
		found++;
		score = path_score(b, want);
		if (score > best) {
			best = score;
			m->drive = b;
			m->tie = NULL;
			*start = first;
		} else if (score == best && !m->tie) {
			m->tie = b;
		}
	}
	return found;
}

int bootdisk_find(const struct portix_boot_disk *want, uint64_t base_lba,
		  struct bootdisk_match *m)
{
	bool cd = (want->flags & PORTIX_BD_FLAG_CD) != 0;
	char name[BLK_NAME_MAX];
	uint64_t start = 0;
	int found;

	memset(m, 0, sizeof(*m));
	chosen = NULL;
	found = scan(cd ? BLK_CDROM : BLK_DISK, want, base_lba, m, &start);
	if (!found && !cd) {
		cd = true;
		found = scan(BLK_CDROM, want, base_lba, m, &start);
	}
	if (!m->drive)
		return found;
	m->image = m->drive;
	m->base = base_lba;
	if (cd) {
		ksnprintf(name, sizeof(name), "%si", m->drive->name);
		m->image = blk_add_view(m->drive, name, start,
					m->drive->sectors - start, 0);
		if (!m->image) {
			m->drive = NULL;
			return found;
		}
	}
	/* A tie names no boot disk: lsblk must not claim to know.  */
	chosen = m->tie ? NULL : m->drive;
	return found;
}

struct blkdev *bootdisk_drive(void)
{
	return chosen;
}
