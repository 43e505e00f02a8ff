/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* mount.c - mounting: boot sector and BPB checks; sync, unmount, statfs.

   Layer: public API over cache.c and table.c.

   fat_mount receives a zeroed or used struct fat_volume and leaves it
   mounted (magic set) or zeroed-and-unmounted on failure.  The FAT type
   comes from the cluster count alone, as the specification requires;
   the BPB fields must then agree with it (FAT32: no fixed root, 16-bit
   FAT size 0).  Every geometry number is checked against the others and
   against the device before anything else trusts it.  A read-write
   mount also makes the cheap checks for damage that writing could make
   worse (a bad FSInfo, a broken FAT32 root chain: a few sectors, never
   the whole FAT) and falls back to read-only when it finds some.  */

#include "fat-int.h"


int fat_check_vol(struct fat_volume *v, bool write)
{
	if (!v || v->magic != FAT_MAGIC_VOLUME)
		return FAT_EINVAL;
	if (write && v->rdonly)
		return FAT_EROFS;
	return 0;
}

/* Fields common to FAT16 and FAT32; sets v->type.  */
static int parse_geometry(struct fat_volume *v, const uint8_t *b)
{
	uint32_t spc = b[BPB_SEC_PER_CLUS], rsvd = get16(b + BPB_RSVD_SEC);
	uint32_t nfats = b[BPB_NUM_FATS], rootent = get16(b + BPB_ROOT_ENT);
	uint32_t tot16 = get16(b + BPB_TOT_SEC16);
	uint32_t tot32 = get32(b + BPB_TOT_SEC32);
	uint32_t fat16sz = get16(b + BPB_FAT_SZ16), fatsz, tot, rootsecs;
	uint64_t meta;
	unsigned bps = get16(b + BPB_BYTES_PER_SEC), shift = 0;

	if (b[BS_SIGNATURE] != 0x55 || b[BS_SIGNATURE + 1] != 0xAA ||
	    (b[BS_JMP] != 0xEB && b[BS_JMP] != 0xE9))
		return FAT_ENOFS;
	if (bps != FAT_SECTOR_SIZE)
		return (bps == 1024 || bps == 2048 || bps == 4096) ?
		       FAT_ENOTSUP : FAT_ENOFS;
	if (spc == 0 || (spc & (spc - 1)) != 0 || rsvd == 0 ||
	    nfats == 0 || nfats > 4 ||
	    (b[BPB_MEDIA] != 0xF0 && b[BPB_MEDIA] < 0xF8))
		return FAT_ENOFS;
	while ((1u << shift) < spc)
		shift++;
	tot = tot16 ? tot16 : tot32;
	fatsz = fat16sz ? fat16sz : get32(b + BPB32_FAT_SZ);
	if (tot == 0 || (tot16 && tot32 && tot16 != tot32) || fatsz == 0 ||
	    tot > v->dev.sector_count)
		return FAT_ENOFS;
	rootsecs = (rootent * FAT_DIRENT_SIZE + FAT_SECTOR_SIZE - 1) /
		   FAT_SECTOR_SIZE;
	meta = rsvd + (uint64_t)nfats * fatsz + rootsecs;
	if (meta >= tot)
		return FAT_ENOFS;
	v->cluster_count = (uint32_t)((tot - meta) >> shift);
	if (v->cluster_count < FAT16_MIN_CLUSTERS)
		return FAT_ENOTSUP;	/* FAT12 */
	v->type = v->cluster_count < FAT32_MIN_CLUSTERS ? 16 : 32;
	if (v->type == 16 ? (fat16sz == 0 || rootent == 0) :
	    (fat16sz != 0 || rootent != 0 ||
	     v->cluster_count > FAT32_MAX_CLUSTERS))
		return FAT_ENOFS;
	/* The FAT must describe every cluster.  */
	if ((uint64_t)fatsz * FAT_SECTOR_SIZE / (v->type == 32 ? 4 : 2) <
	    (uint64_t)v->cluster_count + 2)
		return FAT_ENOFS;
	v->total_sectors = tot;
	v->spc_shift = (uint8_t)shift;
	v->cluster_bytes = FAT_SECTOR_SIZE << shift;
	v->nfats = (uint8_t)nfats;
	v->fat0_start = rsvd;
	v->fat_start = rsvd;
	v->fat_sectors = fatsz;
	v->mirror = true;
	v->root_start = rsvd + nfats * fatsz;
	v->root_entries = rootent;
	v->data_start = (uint32_t)meta;
	return 0;
}

static void copy_label(struct fat_volume *v, const uint8_t *b,
		       unsigned id_off, unsigned label_off, unsigned sig_off)
{
	unsigned n = 11;

	if (b[sig_off] != 0x29 && b[sig_off] != 0x28)
		return;
	v->serial = get32(b + id_off);
	if (b[sig_off] != 0x29)
		return;
	while (n > 0 && (b[label_off + n - 1] == ' ' ||
			 b[label_off + n - 1] == 0))
		n--;
	for (unsigned i = 0; i < n; i++) {
		uint8_t c = b[label_off + i];

		v->label[i] = (char)(c >= 0x20 && c < 0x7F ? c : '?');
	}
	v->label[n] = '\0';
}

static int parse_fat32(struct fat_volume *v, const uint8_t *b)
{
	uint16_t ext = get16(b + BPB32_EXT_FLAGS);
	uint32_t fsi = get16(b + BPB32_FS_INFO);

	if (get16(b + BPB32_FS_VER) != 0)
		return FAT_ENOTSUP;
	if (ext & 0x80) {	/* mirroring off: one active FAT */
		if ((ext & 0x0F) >= v->nfats)
			return FAT_ENOFS;
		v->mirror = false;
		v->fat_start = v->fat0_start + (ext & 0x0Fu) * v->fat_sectors;
	}
	v->root_cluster = get32(b + BPB32_ROOT_CLUS) & 0x0FFFFFFF;
	if (!fat_clus_ok(v, v->root_cluster))
		return FAT_ENOFS;
	if (fsi >= 1 && fsi < v->fat0_start)
		v->fsinfo_sector = fsi;
	copy_label(v, b, BS32_VOL_ID, BS32_VOL_LAB, BS32_BOOT_SIG);
	return 0;
}

/* Take FSInfo's hints; forget FSInfo if its signatures are wrong, and
   call that damage, as a free count larger than the volume.  */
static int read_fsinfo(struct fat_volume *v)
{
	uint8_t *b;
	uint32_t hint, count;
	int err;

	if (!v->fsinfo_sector)
		return 0;
	err = fat_bget(v, v->fsinfo_sector, FAT_B_READ, &b);
	if (err)
		return err;
	if (get32(b + FSI_LEAD_SIG) != FSI_LEAD_VALUE ||
	    get32(b + FSI_STRUC_SIG) != FSI_STRUC_VALUE ||
	    get32(b + FSI_TRAIL_SIG) != FSI_TRAIL_VALUE) {
		v->fsinfo_sector = 0;
		v->damage = "the FSInfo sector's signatures are wrong";
		return 0;
	}
	hint = get32(b + FSI_NXT_FREE);
	count = get32(b + FSI_FREE_COUNT);
	if (fat_clus_ok(v, hint))
		v->next_free = hint;
	if (count != UINT32_MAX && count > v->cluster_count)
		v->damage = "the FSInfo free count exceeds the volume";
	if (v->rdonly || v->damage)
		return 0;
	/* Take a count that can be right, as other systems do: counting
	   reads the whole FAT, megabytes on a large volume, at every
	   mount.  An unknown one (all ones) is counted now; FSInfo gets
	   the count with the next change of the FAT.  */
	if (count <= v->cluster_count) {
		v->free_count = count;
		return 0;
	}
	return fat_count_free(v);
}

/* The cheap checks of a read-write mount (a few FAT sectors, never the
   whole FAT); sets v->damage.  */
static int check_damage(struct fat_volume *v)
{
	uint32_t len;

	if (v->type == 32 && fat_chain_length(v, v->root_cluster, &len))
		v->damage = "the root directory's cluster chain is broken";
	return 0;
}

static int mount(struct fat_volume *v)
{
	uint8_t *b;
	int err;

	err = fat_bget(v, 0, FAT_B_READ, &b);
	if (err)
		return err;
	err = parse_geometry(v, b);
	if (err)
		return err;
	if (v->type == 32)
		err = parse_fat32(v, b);
	else
		copy_label(v, b, BS16_VOL_ID, BS16_VOL_LAB, BS16_BOOT_SIG);
	if (err)
		return err;
	/* Without FSInfo (FAT16) the count waits for its first use.  */
	v->next_free = 2;
	v->free_count = UINT32_MAX;
	err = read_fsinfo(v);
	if (!err && !v->rdonly)
		err = check_damage(v);
	/* Damage found: nothing will be written.  */
	if (v->damage)
		v->rdonly = true;
	return err;
}

int fat_mount(struct fat_volume *v, const struct fat_blockdev *dev,
	      unsigned flags)
{
	int err;

	if (!v || !dev || !dev->read || (flags & ~FAT_MOUNT_RDONLY) ||
	    dev->sector_count == 0 ||
	    (!(flags & FAT_MOUNT_RDONLY) && !dev->write))
		return FAT_EINVAL;
	memset(v, 0, sizeof(*v));
	v->dev = *dev;
	v->rdonly = flags & FAT_MOUNT_RDONLY;
	v->total_sectors = dev->sector_count > UINT32_MAX ?
			   UINT32_MAX : (uint32_t)dev->sector_count;
	err = mount(v);
	if (err) {
		memset(v, 0, sizeof(*v));
		return err;
	}
	v->magic = FAT_MAGIC_VOLUME;
	return 0;
}

const char *fat_mount_damage(const struct fat_volume *v)
{
	return v && v->magic == FAT_MAGIC_VOLUME ? v->damage : NULL;
}

int fat_sync(struct fat_volume *v)
{
	int err = fat_check_vol(v, false);

	if (err)
		return err;
	if (v->rdonly)
		return 0;
	err = fat_bflush(v);
	if (!err && v->dev.flush && v->dev.flush(v->dev.ctx) != 0)
		err = FAT_EIO;
	return err;
}

int fat_unmount(struct fat_volume *v)
{
	int err = fat_sync(v);

	if (err == FAT_EINVAL)
		return err;
	memset(v, 0, sizeof(*v));
	return err;
}

int fat_statfs(struct fat_volume *v, struct fat_statfs *st)
{
	int err = fat_check_vol(v, false);

	if (!err && !st)
		err = FAT_EINVAL;
	if (!err && v->free_count == UINT32_MAX)
		err = fat_count_free(v);
	if (err)
		return err;
	st->type = v->type;
	st->cluster_bytes = v->cluster_bytes;
	st->total_clusters = v->cluster_count;
	st->free_clusters = v->free_count;
	st->serial = v->serial;
	memcpy(st->label, v->label, sizeof(st->label));
	return 0;
}
