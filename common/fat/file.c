/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* file.c - open files: open, read, write, seek, truncate, close.

   Layer: public API over path.c, diradd.c, dir.c, table.c, cache.c.

   A struct fat_file remembers its first cluster, size and position, the
   last cluster it reached (so sequential I/O never rewalks the chain)
   and where its short entry lives; every write or truncate rewrites that
   entry (size, first cluster, time) before returning.  The chain is
   checked once, on open: no loop, in range, at least as long as the
   size needs.  Whole sectors move straight between the caller's buffer
   and the device, over runs of contiguous clusters; partial sectors go
   through the cache.  Invariant after every call: the chain holds
   exactly the clusters the size needs, plus any extra the file had on
   open.  */

#include "fat-int.h"

#define FAT_O_ALL (FAT_O_RDWR | FAT_O_CREAT | FAT_O_EXCL | FAT_O_TRUNC | \
		   FAT_O_APPEND)
#define FAT_SIZE_MAX 0xFFFFFFFFu

static int check_file(struct fat_file *f, unsigned need)
{
	if (!f || f->magic != FAT_MAGIC_FILE ||
	    fat_check_vol(f->vol, false) != 0 || (f->flags & need) != need)
		return FAT_EBADF;
	return 0;
}

/* Make f->clus the cluster number IDX of the chain, growing it when
   ALLOC.  */
static int seek_cluster(struct fat_file *f, uint32_t idx, bool alloc)
{
	uint32_t next;
	int err;

	if (f->first == 0) {
		if (!alloc)
			return FAT_ECORRUPT;
		err = fat_alloc(f->vol, 0, false, &f->first);
		if (err)
			return err;
		f->clus = 0;
	}
	if (f->clus == 0 || idx < f->clus_index) {
		f->clus = f->first;
		f->clus_index = 0;
	}
	while (f->clus_index < idx) {
		err = fat_next(f->vol, f->clus, &next);
		if (!err && next == 0)
			err = alloc ? fat_alloc(f->vol, f->clus, false, &next) :
				      FAT_ECORRUPT;
		if (err)
			return err;
		f->clus = next;
		f->clus_index++;
	}
	return 0;
}

/* How many of WANT sectors, from sector S of f->clus on, lie in a row
   on the disk.  Walks (or, with ALLOC, grows) the chain while the next
   cluster is the adjacent one; f->clus ends on the run's last cluster.
   A failure just ends the run: the next seek_cluster reports it.  */
static uint32_t contiguous(struct fat_file *f, uint32_t s, uint32_t want,
			   bool alloc)
{
	struct fat_volume *v = f->vol;
	uint32_t spc = 1u << v->spc_shift, have = spc - s, next;

	while (have < want) {
		if (fat_next(v, f->clus, &next) != 0)
			break;
		if (next == 0 && (!alloc ||
				  fat_alloc(v, f->clus, false, &next) != 0))
			break;
		if (next != f->clus + 1)
			break;
		f->clus = next;
		f->clus_index++;
		have += spc;
	}
	return have < want ? have : want;
}

/* Move LEN bytes at f->pos: from the device into RD, or from WR to the
   device (WR NULL: zeros).  *moved counts what went through.  */
static int xfer(struct fat_file *f, uint8_t *rd, const uint8_t *wr,
		uint32_t len, bool write, uint32_t *moved)
{
	struct fat_volume *v = f->vol;
	uint32_t cb = v->cluster_bytes, done = 0;
	int err = 0;

	while (done < len) {
		uint32_t off = f->pos % cb, s = off / FAT_SECTOR_SIZE;
		uint32_t soff = off % FAT_SECTOR_SIZE, sector, n;
		uint8_t *b;

		err = seek_cluster(f, f->pos / cb, write);
		if (err)
			break;
		sector = fat_clus_sector(v, f->clus) + s;
		if (soff == 0 && len - done >= FAT_SECTOR_SIZE &&
		    (!write || wr)) {
			n = contiguous(f, s, (len - done) / FAT_SECTOR_SIZE,
				       write);
			err = write ? fat_dev_write(v, sector, n, wr + done) :
				      fat_dev_read(v, sector, n, rd + done);
			n *= FAT_SECTOR_SIZE;
		} else {
			unsigned mode = FAT_B_READ;

			n = FAT_SECTOR_SIZE - soff;
			if (n > len - done)
				n = len - done;
			/* Nothing of the file in this sector yet, or all of
			   it replaced: no need to read it.  */
			if (write)
				mode = f->pos - soff >= f->size ||
				       n == FAT_SECTOR_SIZE ?
				       FAT_B_ZERO : FAT_B_WRITE;
			err = fat_bget(v, sector, mode, &b);
			if (!err && !write)
				memcpy(rd + done, b + soff, n);
			else if (!err && wr)
				memcpy(b + soff, wr + done, n);
			else if (!err)
				memset(b + soff, 0, n);
		}
		if (err)
			break;
		done += n;
		f->pos += n;
		if (write && f->pos > f->size)
			f->size = f->pos;
	}
	*moved = done;
	return err;
}

/* Write size, first cluster and (WROTE) times back to the entry.  */
static int update_entry(struct fat_file *f, bool wrote)
{
	struct fat_volume *v = f->vol;
	uint8_t *b, *ent;
	int err;

	err = fat_bget(v, f->ent_sector, FAT_B_READ, &b);
	if (err)
		return err;
	if (memcmp(b + f->ent_offset, f->ent_name, 11) != 0)
		return FAT_EBADF;	/* renamed or deleted under us */
	err = fat_bget(v, f->ent_sector, FAT_B_WRITE, &b);
	if (err)
		return err;
	ent = b + f->ent_offset;
	dir_set_cluster(ent, f->first);
	put32(ent + DIR_FILE_SIZE, f->size);
	if (wrote) {
		fat_stamp(v, ent, FAT_STAMP_WRITE | FAT_STAMP_ACCESS);
		ent[DIR_ATTR] |= FAT_ATTR_ARCHIVE;
	}
	return 0;
}

static int create(struct fat_volume *v, const char *path,
		  struct fat_entry *e)
{
	uint16_t name[FAT_NAME_MAX];
	uint8_t tmpl[FAT_DIRENT_SIZE];
	uint32_t dir;
	unsigned n;
	int err;

	err = path_parent(v, path, &dir, name, &n);
	if (err)
		return err;
	memset(tmpl, 0, sizeof(tmpl));
	tmpl[DIR_ATTR] = FAT_ATTR_ARCHIVE;
	fat_stamp(v, tmpl, FAT_STAMP_CREATE | FAT_STAMP_WRITE |
		  FAT_STAMP_ACCESS);
	return dir_add(v, dir, name, n, tmpl, NULL, e);
}

/* Find or create the file, check its chain, fill F.  */
static int open_entry(struct fat_volume *v, const char *path,
		      unsigned flags, struct fat_file *f)
{
	struct fat_node node;
	uint32_t len, need;
	int err;

	err = path_lookup(v, path, &node);
	if (err == FAT_ENOENT && (flags & FAT_O_CREAT))
		err = create(v, path, &node.e);
	else if (!err && (node.root ||
			  (node.e.raw[DIR_ATTR] & FAT_ATTR_DIR)))
		err = FAT_EISDIR;
	else if (!err && (flags & FAT_O_CREAT) && (flags & FAT_O_EXCL))
		err = FAT_EEXIST;
	if (err)
		return err;
	f->first = dir_cluster(v, node.e.raw);
	f->size = get32(node.e.raw + DIR_FILE_SIZE);
	err = fat_chain_length(v, f->first, &len);
	if (err)
		return err;
	need = (uint32_t)(((uint64_t)f->size + v->cluster_bytes - 1) /
			  v->cluster_bytes);
	if (len < need)
		return FAT_ECORRUPT;
	err = dir_slot(v, &node.e.sfn, &f->ent_sector, &f->ent_offset);
	if (err)
		return err;
	memcpy(f->ent_name, node.e.raw, 11);
	f->vol = v;
	f->flags = flags;
	f->magic = FAT_MAGIC_FILE;
	if (!(flags & FAT_O_TRUNC) || (f->size == 0 && f->first == 0))
		return 0;
	err = fat_free_chain(v, f->first);
	if (err)
		return err;
	f->first = 0;
	f->size = 0;
	return update_entry(f, true);
}

int fat_open(struct fat_volume *v, const char *path, unsigned flags,
	     struct fat_file *f)
{
	int err = fat_check_vol(v, flags & FAT_O_WRITE);

	if (err)
		return err;
	if (!f || !(flags & FAT_O_RDWR) || (flags & ~FAT_O_ALL) ||
	    ((flags & (FAT_O_CREAT | FAT_O_TRUNC | FAT_O_APPEND)) &&
	     !(flags & FAT_O_WRITE)))
		return FAT_EINVAL;
	memset(f, 0, sizeof(*f));
	err = open_entry(v, path, flags, f);
	if (err)
		f->magic = 0;
	return fat_done(v, err);
}

int32_t fat_read(struct fat_file *f, void *buf, uint32_t len)
{
	uint32_t moved;
	int err = check_file(f, FAT_O_READ);

	if (err)
		return err;
	if (!buf && len)
		return FAT_EINVAL;
	if (len > INT32_MAX)
		len = INT32_MAX;
	if (f->pos >= f->size)
		return 0;
	if (len > f->size - f->pos)
		len = f->size - f->pos;
	err = xfer(f, buf, NULL, len, false, &moved);
	return err ? err : (int32_t)moved;
}

/* Zero-fill from the size up to the position, if there is a gap.  */
static int fill_gap(struct fat_file *f)
{
	uint32_t pos = f->pos, moved;
	int err;

	if (pos <= f->size)
		return 0;
	f->pos = f->size;
	err = xfer(f, NULL, NULL, pos - f->size, true, &moved);
	f->pos = pos;
	return err;
}

int32_t fat_write(struct fat_file *f, const void *buf, uint32_t len)
{
	uint32_t moved = 0, first, size;
	int upd, err = check_file(f, FAT_O_WRITE);

	if (err)
		return err;
	if ((!buf && len) || len > INT32_MAX)
		return FAT_EINVAL;
	if (len == 0)
		return 0;
	if (f->flags & FAT_O_APPEND)
		f->pos = f->size;
	if (len > FAT_SIZE_MAX - f->pos)
		return FAT_EFBIG;
	first = f->first;
	size = f->size;
	err = fill_gap(f);
	if (!err)
		err = xfer(f, NULL, buf, len, true, &moved);
	if (moved > 0)
		err = 0;	/* a short write; the next one reports */
	/* A refused write leaves the entry alone, times included.  */
	if (err && f->first == first && f->size == size)
		return fat_done(f->vol, err);
	upd = update_entry(f, true);
	if (!err)
		err = upd;
	err = fat_done(f->vol, err);
	return err ? err : (int32_t)moved;
}

int fat_seek(struct fat_file *f, uint32_t pos)
{
	int err = check_file(f, 0);

	if (err)
		return err;
	f->pos = pos;
	return 0;
}

uint32_t fat_tell(const struct fat_file *f)
{
	return f && f->magic == FAT_MAGIC_FILE ? f->pos : 0;
}

uint32_t fat_size(const struct fat_file *f)
{
	return f && f->magic == FAT_MAGIC_FILE ? f->size : 0;
}

static int shrink(struct fat_file *f, uint32_t size)
{
	uint32_t keep = (uint32_t)(((uint64_t)size + f->vol->cluster_bytes -
				    1) / f->vol->cluster_bytes);
	int err;

	if (keep == 0) {
		err = fat_free_chain(f->vol, f->first);
		if (err)
			return err;
		f->first = 0;
		f->clus = 0;
	} else {
		err = seek_cluster(f, keep - 1, false);
		if (!err)
			err = fat_cut_chain(f->vol, f->clus);
		if (err)
			return err;
	}
	f->size = size;
	return 0;
}

int fat_truncate(struct fat_file *f, uint32_t size)
{
	uint32_t pos, moved;
	int upd, err = check_file(f, FAT_O_WRITE);

	if (err)
		return err;
	if (size < f->size) {
		err = shrink(f, size);
		if (err)	/* nothing changed */
			return fat_done(f->vol, err);
	} else if (size > f->size) {
		pos = f->pos;
		f->pos = f->size;
		err = xfer(f, NULL, NULL, size - f->size, true, &moved);
		f->pos = pos;
	}
	upd = update_entry(f, true);
	if (!err)
		err = upd;
	return fat_done(f->vol, err);
}

int fat_close(struct fat_file *f)
{
	int err = check_file(f, 0);

	if (err)
		return err;
	f->magic = 0;
	return 0;
}
