/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* format.c - writing a new, empty FAT16 or FAT32 file system.

   Layer: public API; writes through the caller's block device directly
   (the volume is not mounted yet; its cache memory serves as the
   buffer), then mounts the result with fat_mount, which thereby checks
   our own output.

   The size policy is documented at fat_format in <portix/fat.h>: the
   sectors-per-cluster tables of the Microsoft FAT specification, FAT32
   from the first size at which 512-byte clusters reach 65525 clusters.
   The FAT is sized for an upper bound of the cluster count, then the
   reserved area is padded so the data area starts on a cluster
   boundary (as mkfs.fat aligns it).  */

#include "fat-int.h"

#define FAT16_RESERVED		1
#define FAT32_RESERVED		32
#define FAT16_ROOT_ENTRIES	512
#define FAT32_FSINFO		1
#define FAT32_BACKUP		6
#define FAT32_ROOT		2
#define NUM_FATS		2
#define MEDIA_FIXED		0xF8
/* Below this many sectors a FAT32 volume cannot reach 65525 clusters.  */
#define FAT32_MIN_SECTORS	66600

struct layout {
	unsigned type;
	uint32_t spc;
	uint32_t total;
	uint32_t reserved;
	uint32_t fat_sectors;
	uint32_t root_sectors;
	uint32_t data_start;
	uint32_t clusters;
};

struct size_step {
	uint32_t max_sectors;
	uint8_t spc;
};

/* Smallest cluster whose count stays legal, by volume size.  */
static const struct size_step fat16_steps[] = {
	{ 8400, 1 }, { 32680, 2 }, { 262144, 4 }, { 524288, 8 },
	{ 1048576, 16 }, { 2097152, 32 }, { UINT32_MAX, 64 },
};
static const struct size_step fat32_steps[] = {
	{ 532480, 1 }, { 16777216, 8 }, { 33554432, 16 }, { 67108864, 32 },
	{ UINT32_MAX, 64 },
};

static uint32_t auto_spc(unsigned type, uint32_t total)
{
	const struct size_step *s = type == 16 ? fat16_steps : fat32_steps;

	while (total > s->max_sectors)
		s++;
	return s->spc;
}

static int plan(unsigned type, uint32_t total, uint32_t spc,
		struct layout *l)
{
	uint32_t ent = type == 32 ? 4 : 2, avail, pad;
	uint64_t est, fat;

	l->type = type;
	l->spc = spc;
	l->total = total;
	l->reserved = type == 32 ? FAT32_RESERVED : FAT16_RESERVED;
	l->root_sectors = type == 32 ? 0 : FAT16_ROOT_ENTRIES *
			  FAT_DIRENT_SIZE / FAT_SECTOR_SIZE;
	if (total < l->reserved + l->root_sectors + 2 * spc + 16)
		return FAT_EINVAL;
	avail = total - l->reserved - l->root_sectors;
	est = avail / spc;
	fat = ((est + 2) * ent + FAT_SECTOR_SIZE - 1) / FAT_SECTOR_SIZE;
	if (fat * NUM_FATS >= avail)
		return FAT_EINVAL;
	l->fat_sectors = (uint32_t)fat;
	l->data_start = l->reserved + NUM_FATS * l->fat_sectors +
			l->root_sectors;
	pad = (spc - l->data_start % spc) % spc;
	l->reserved += pad;
	l->data_start += pad;
	if (l->data_start >= total)
		return FAT_EINVAL;
	l->clusters = (total - l->data_start) / spc;
	if (type == 16 ? (l->clusters < FAT16_MIN_CLUSTERS ||
			  l->clusters >= FAT32_MIN_CLUSTERS) :
	    (l->clusters < FAT32_MIN_CLUSTERS ||
	     l->clusters > FAT32_MAX_CLUSTERS))
		return FAT_EINVAL;
	return 0;
}

static int choose(const struct fat_format_params *p, uint32_t total,
		  struct layout *l)
{
	unsigned type = p->fat_type;
	uint32_t spc = p->sectors_per_cluster;

	if ((type != 0 && type != 16 && type != 32) || spc > 128 ||
	    (spc & (spc - 1)) != 0)
		return FAT_EINVAL;
	if (type == 0 && spc != 0)	/* the count decides */
		return plan(16, total, spc, l) == 0 ? 0 :
		       plan(32, total, spc, l);
	if (type == 0)
		type = total < FAT32_MIN_SECTORS ? 16 : 32;
	return plan(type, total, spc ? spc : auto_spc(type, total), l);
}

static int parse_label(const char *s, uint8_t out[11])
{
	size_t n = s ? strlen(s) : 6;

	if (!s)
		s = "PORTIX";
	if (n == 0)
		s = "NO NAME", n = 7;
	if (n > 11)
		return FAT_EINVAL;
	memset(out, ' ', 11);
	for (size_t i = 0; i < n; i++) {
		uint16_t u = (uint8_t)s[i];
		uint8_t sfn[11], nt;

		if (u >= 'a' && u <= 'z')
			u = (uint16_t)(u - 32);
		/* One character is a valid short name iff it may appear in
		   one; a space is fine inside a label.  */
		if (u != ' ' && !fat_sfn_exact(&u, 1, sfn, &nt))
			return FAT_EINVAL;
		out[i] = (uint8_t)u;
	}
	return out[0] == ' ' ? FAT_EINVAL : 0;
}

static int put(const struct fat_blockdev *d, uint32_t lba, uint32_t count,
	       const void *buf)
{
	return d->write(d->ctx, lba, count, buf) ? FAT_EIO : 0;
}

/* Zero sectors [from, to) with the 8-sector cache as the zero page.  */
static int zero(struct fat_volume *v, uint32_t from, uint32_t to)
{
	const uint32_t chunk = FAT_CACHE_SECTORS;
	int err;

	memset(v->cache, 0, sizeof(v->cache));
	while (from < to) {
		uint32_t n = to - from < chunk ? to - from : chunk;

		err = put(&v->dev, from, n, v->cache);
		if (err)
			return err;
		from += n;
	}
	return 0;
}

static void boot_sector(const struct layout *l,
			const struct fat_format_params *p,
			const uint8_t label[11], uint8_t *b)
{
	static const uint8_t code[] = { 0xCD, 0x18, 0xF4, 0xEB, 0xFD };
	bool f32 = l->type == 32;
	unsigned ext = f32 ? BS32_DRV_NUM - BS16_DRV_NUM : 0;

	memset(b, 0, FAT_SECTOR_SIZE);
	b[BS_JMP] = 0xEB;
	b[BS_JMP + 1] = (uint8_t)((f32 ? BS32_CODE : BS16_CODE) - 2);
	b[BS_JMP + 2] = 0x90;
	memcpy(b + BS_OEM, "PORTIX  ", 8);
	put16(b + BPB_BYTES_PER_SEC, FAT_SECTOR_SIZE);
	b[BPB_SEC_PER_CLUS] = (uint8_t)l->spc;
	put16(b + BPB_RSVD_SEC, (uint16_t)l->reserved);
	b[BPB_NUM_FATS] = NUM_FATS;
	put16(b + BPB_ROOT_ENT, f32 ? 0 : FAT16_ROOT_ENTRIES);
	b[BPB_MEDIA] = MEDIA_FIXED;
	put16(b + BPB_SEC_PER_TRK, p->sectors_per_track ?
	      p->sectors_per_track : 63);
	put16(b + BPB_NUM_HEADS, p->heads ? p->heads : 255);
	put32(b + BPB_HIDD_SEC, p->hidden_sectors);
	if (!f32 && l->total < 0x10000)
		put16(b + BPB_TOT_SEC16, (uint16_t)l->total);
	else
		put32(b + BPB_TOT_SEC32, l->total);
	if (f32) {
		put32(b + BPB32_FAT_SZ, l->fat_sectors);
		put32(b + BPB32_ROOT_CLUS, FAT32_ROOT);
		put16(b + BPB32_FS_INFO, FAT32_FSINFO);
		put16(b + BPB32_BK_BOOT, FAT32_BACKUP);
	} else {
		put16(b + BPB_FAT_SZ16, (uint16_t)l->fat_sectors);
	}
	b[BS16_DRV_NUM + ext] = 0x80;
	b[BS16_BOOT_SIG + ext] = 0x29;
	put32(b + BS16_VOL_ID + ext, p->serial);
	memcpy(b + BS16_VOL_LAB + ext, label, 11);
	memcpy(b + BS16_FS_TYPE + ext, f32 ? "FAT32   " : "FAT16   ", 8);
	/* Not bootable: "int 18h" asks the BIOS for the next device.  */
	memcpy(b + (f32 ? BS32_CODE : BS16_CODE), code, sizeof(code));
	b[BS_SIGNATURE] = 0x55;
	b[BS_SIGNATURE + 1] = 0xAA;
}

static void fsinfo_sector(const struct layout *l, uint8_t *b)
{
	memset(b, 0, FAT_SECTOR_SIZE);
	put32(b + FSI_LEAD_SIG, FSI_LEAD_VALUE);
	put32(b + FSI_STRUC_SIG, FSI_STRUC_VALUE);
	put32(b + FSI_FREE_COUNT, l->clusters - 1);	/* root took one */
	put32(b + FSI_NXT_FREE, FAT32_ROOT + 1);
	put32(b + FSI_TRAIL_SIG, FSI_TRAIL_VALUE);
}

static int write_fs(struct fat_volume *v, const struct layout *l,
		    const struct fat_format_params *p, const uint8_t label[11])
{
	const struct fat_blockdev *d = &v->dev;
	uint8_t *b = v->cache[0];
	uint32_t root;
	int err;

	root = l->type == 32 ? l->data_start : l->data_start - l->root_sectors;
	err = zero(v, 0, l->data_start + (l->type == 32 ? l->spc : 0));
	if (err)
		return err;
	boot_sector(l, p, label, b);
	err = put(d, 0, 1, b);
	if (!err && l->type == 32)
		err = put(d, FAT32_BACKUP, 1, b);
	if (!err && l->type == 32) {
		fsinfo_sector(l, b);
		err = put(d, FAT32_FSINFO, 1, b);
		if (!err)
			err = put(d, FAT32_BACKUP + FAT32_FSINFO, 1, b);
	}
	memset(b, 0, FAT_SECTOR_SIZE);
	if (l->type == 32) {
		put32(b, 0x0FFFFF00 | MEDIA_FIXED);
		put32(b + 4, 0x0FFFFFFF);
		put32(b + 8, 0x0FFFFFFF);	/* the root's one cluster */
	} else {
		put16(b, 0xFF00 | MEDIA_FIXED);
		put16(b + 2, 0xFFFF);
	}
	for (unsigned k = 0; k < NUM_FATS && !err; k++)
		err = put(d, l->reserved + k * l->fat_sectors, 1, b);
	if (err || memcmp(label, "NO NAME    ", 11) == 0)
		return err;
	memset(b, 0, FAT_SECTOR_SIZE);
	memcpy(b + DIR_NAME, label, 11);
	b[DIR_ATTR] = FAT_ATTR_VOLUME;
	fat_stamp(v, b, FAT_STAMP_WRITE);
	return put(d, root, 1, b);
}

int fat_format(struct fat_volume *v, const struct fat_blockdev *dev,
	       const struct fat_format_params *params)
{
	static const struct fat_format_params defaults;
	const struct fat_format_params *p = params ? params : &defaults;
	uint8_t label[11];
	struct layout l;
	uint32_t total;
	int err;

	if (!v || !dev || !dev->read || !dev->write || !dev->sector_count)
		return FAT_EINVAL;
	total = dev->sector_count > UINT32_MAX ?
		UINT32_MAX : (uint32_t)dev->sector_count;
	err = parse_label(p->label, label);
	if (!err)
		err = choose(p, total, &l);
	if (err)
		return err;
	memset(v, 0, sizeof(*v));
	v->dev = *dev;
	err = write_fs(v, &l, p, label);
	if (!err && dev->flush && dev->flush(dev->ctx) != 0)
		err = FAT_EIO;
	memset(v, 0, sizeof(*v));
	if (err)
		return err;
	return fat_mount(v, dev, 0);
}
