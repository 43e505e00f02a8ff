/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fat.h - the Portix FAT16/FAT32 file system: the public contract.

   One implementation (common/fat/) is compiled into the kernel and into
   libportix.  It is freestanding: it needs <stdint.h>, <stddef.h>,
   <stdbool.h> and memcpy/memset/memmove/memcmp/strlen, nothing else.  It
   never allocates, never prints and keeps no global mutable state.

   Who owns what:
     - The caller owns every structure declared here (struct fat_volume,
       struct fat_file, struct fat_dir, ...) and their memory; the library
       only fills them.  Their fields marked private are not an interface.
     - The caller supplies the environment in a struct fat_blockdev:
       sector I/O on the partition (LBA 0 = the partition's first sector,
       the caller adds the partition offset), an optional flush and an
       optional clock.  The library attaches no meaning to ctx.
     - Sectors are 512 bytes.  All names and paths are NUL-terminated
       UTF-8; paths are absolute from the volume's root, '/'-separated
       (a leading '/' is optional, "." and ".." are understood).

   Call order:
       fat_format(vol, dev, params)   (optional: writes a new file system
                                       and leaves vol mounted read-write)
       fat_mount(vol, dev, flags)
         ... fat_open/read/write/seek/truncate/close, fat_stat,
             fat_mkdir, fat_rmdir, fat_unlink, fat_rename,
             fat_opendir/readdir, fat_statfs, fat_sync ...
       fat_unmount(vol)
   Every call that changes the volume writes its changes to the device
   before it returns (both FAT copies and, on FAT32, the FSInfo free
   count), so the on-disk file system is consistent between calls;
   fat_sync and fat_unmount additionally call dev->flush.

   Concurrency: none.  One call at a time per volume; the caller locks.
   While a struct fat_file is open on a file, do not rename, delete or
   truncate that file through another handle or path: the handle notices
   a moved entry (FAT_EBADF) but not every such misuse.

   Return values: 0 or a count on success, one of the negative FAT_E*
   codes below on failure; fat_strerror names them.  Robustness: a
   corrupted volume (bad BPB, looping or out-of-range cluster chains,
   directory entries pointing outside the volume, sizes larger than the
   chain) yields FAT_ENOFS or FAT_ECORRUPT, never a hang or an access
   outside the caller's buffers: every walk is bounded by the cluster
   count or by the 65536-entry limit of a directory.  Nor does damage
   spread: a directory is entered or written only over a well-formed
   chain, a chain is freed only when no other chain links into it, the
   FAT32 root's cluster is never allocated, and a call refused for
   damage fails before its first change, so it writes nothing.  What a
   command cannot check cheaply (two entries sharing one chain)
   fat_check finds; see fat_mount for the checks a mount makes.  */

#ifndef PORTIX_FAT_H
#define PORTIX_FAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- Error codes (every function returns 0/a count, or one of these) */

/* The block device's read, write or flush callback failed.  */
#define FAT_EIO			(-1)
/* No FAT file system here: bad boot signature or BPB fields.  */
#define FAT_ENOFS		(-2)
/* A valid FAT we do not handle: FAT12, sectors other than 512 bytes.  */
#define FAT_ENOTSUP		(-3)
/* On-disk structures are inconsistent (chain loop, cluster out of
   range, file larger than its chain, malformed directory).  */
#define FAT_ECORRUPT		(-4)
/* Bad argument: invalid name character, flags, parameters, handle.  */
#define FAT_EINVAL		(-5)
/* A path component does not exist.  */
#define FAT_ENOENT		(-6)
/* The name to create already exists.  */
#define FAT_EEXIST		(-7)
/* A path component that must be a directory is a file.  */
#define FAT_ENOTDIR		(-8)
/* The operation needs a file but the path names a directory.  */
#define FAT_EISDIR		(-9)
/* rmdir of a directory that still has entries.  */
#define FAT_ENOTEMPTY		(-10)
/* No free cluster, or no free slot in the fixed FAT16 root directory
   or in a directory at its 65536-entry limit.  */
#define FAT_ENOSPC		(-11)
/* A name longer than 255 UTF-16 units.  */
#define FAT_ENAMETOOLONG	(-12)
/* The volume is mounted read-only.  */
#define FAT_EROFS		(-13)
/* The file would grow past 4 GiB - 1 bytes.  */
#define FAT_EFBIG		(-14)
/* The handle is not open, was opened without the access the call needs,
   or its directory entry moved under it.  */
#define FAT_EBADF		(-15)

/* fat_strerror: a short English message for CODE (never NULL).  */
const char *fat_strerror(int code);

/* ---- Limits and attributes ---- */

#define FAT_SECTOR_SIZE		512
/* Longest name, in UTF-16 units.  */
#define FAT_NAME_MAX		255
/* A directory holds at most 65536 entries (2 MiB); a long name takes
   one per 13 characters, plus one.  */
#define FAT_DIR_MAX_ENTRIES	65536
/* Bytes for a name in UTF-8 with its NUL: 3 bytes per unit at most.  */
#define FAT_NAME_BUF		(3 * FAT_NAME_MAX + 1)
/* Sectors in the volume's cache (a power of two is not required).  */
#ifndef FAT_CACHE_SECTORS
#define FAT_CACHE_SECTORS	8
#endif

#define FAT_ATTR_READONLY	0x01
#define FAT_ATTR_HIDDEN		0x02
#define FAT_ATTR_SYSTEM		0x04
#define FAT_ATTR_VOLUME		0x08
#define FAT_ATTR_DIR		0x10
#define FAT_ATTR_ARCHIVE	0x20

/* ---- The caller's environment ---- */

/* A calendar time, local or UTC as the caller prefers.  FAT stores years
   1980..2107 (others are clamped) and seconds in steps of 2 (creation
   time also keeps hundredths).  */
struct fat_datetime {
	uint16_t year;		/* 1980..2107 */
	uint8_t month;		/* 1..12 */
	uint8_t day;		/* 1..31 */
	uint8_t hour;		/* 0..23 */
	uint8_t minute;		/* 0..59 */
	uint8_t second;		/* 0..59 */
	uint8_t centi;		/* 0..99, hundredths of a second */
};

/* Sector I/O on one partition.  read/write return 0 on success and any
   non-zero value on failure (the library reports FAT_EIO).  count is at
   least 1; lba + count <= sector_count is guaranteed.  flush may be NULL.
   now may be NULL (timestamps are then 1980-01-01 00:00:00).  */
struct fat_blockdev {
	void *ctx;
	int (*read)(void *ctx, uint64_t lba, uint32_t count, void *buf);
	int (*write)(void *ctx, uint64_t lba, uint32_t count,
		     const void *buf);
	int (*flush)(void *ctx);
	void (*now)(void *ctx, struct fat_datetime *dt);
	uint64_t sector_count;	/* sectors in the partition */
};

/* fat_time_from_unix: convert seconds since 1970-01-01 00:00:00 UTC
   (e.g. SOURCE_DATE_EPOCH) to a calendar time, clamped to 1980..2107.  */
void fat_time_from_unix(int64_t secs, struct fat_datetime *dt);

/* ---- Caller-owned state (fields are private) ---- */

/* A position in a directory (private).  */
struct fat_dirpos {
	uint32_t first;		/* first cluster; 0 = fixed FAT16 root */
	uint32_t clus;		/* cluster holding entry `index' */
	uint32_t index;		/* entry number in the directory */
	uint32_t end;		/* past the last allocated entry */
};

struct fat_cache_slot {
	uint32_t sector;
	uint32_t stamp;		/* last use, for LRU */
	uint8_t valid;
	uint8_t dirty;
};

/* One mounted volume.  Zeroed by fat_unmount; reusable after it.  */
struct fat_volume {
	uint32_t magic;
	struct fat_blockdev dev;
	bool rdonly;
	uint8_t type;		/* 16 or 32 */
	uint8_t nfats;
	uint8_t spc_shift;	/* log2(sectors per cluster) */
	bool mirror;		/* write every FAT copy */
	uint32_t total_sectors;
	uint32_t fat_start;	/* first sector of the active FAT */
	uint32_t fat0_start;	/* first sector of FAT copy 0 */
	uint32_t fat_sectors;	/* sectors per FAT copy */
	uint32_t root_start;	/* FAT16: first root directory sector */
	uint32_t root_entries;	/* FAT16: root directory slots */
	uint32_t root_cluster;	/* FAT32: the root's first cluster */
	uint32_t data_start;	/* sector of cluster 2 */
	uint32_t cluster_count;	/* clusters 2 .. cluster_count + 1 */
	uint32_t cluster_bytes;
	uint32_t free_count;	/* UINT32_MAX: not counted yet */
	uint32_t next_free;	/* allocation hint */
	uint32_t fsinfo_sector;	/* FAT32: 0 when absent or invalid */
	bool fsinfo_dirty;
	const char *damage;	/* found at mount; see fat_mount_damage */
	uint32_t serial;
	char label[12];
	uint32_t clock;		/* cache LRU clock */
	struct fat_cache_slot slot[FAT_CACHE_SECTORS];
	uint8_t cache[FAT_CACHE_SECTORS][FAT_SECTOR_SIZE];
	uint16_t lfn[FAT_NAME_MAX + 6];	/* long-name scratch */
};

/* An open file.  */
struct fat_file {
	struct fat_volume *vol;
	uint32_t magic;
	uint32_t flags;		/* FAT_O_* */
	uint32_t first;		/* first cluster, 0 when empty */
	uint32_t size;
	uint32_t pos;
	uint32_t clus;		/* cluster number clus_index */
	uint32_t clus_index;
	uint32_t ent_sector;	/* where the short entry lives */
	uint16_t ent_offset;
	uint8_t ent_name[11];
};

/* An open directory.  */
struct fat_dir {
	struct fat_volume *vol;
	uint32_t magic;
	struct fat_dirpos pos;
};

/* ---- Results ---- */

struct fat_stat {
	uint32_t size;		/* bytes; 0 for directories */
	uint32_t first_cluster;	/* 0: empty file, FAT16 root */
	uint8_t attr;		/* FAT_ATTR_* */
	struct fat_datetime ctime;	/* creation */
	struct fat_datetime mtime;	/* last write */
	struct fat_datetime atime;	/* last access (date only) */
};

struct fat_dirent {
	char name[FAT_NAME_BUF];	/* long name, else the short name */
	char short_name[13];		/* the 8.3 name, "NAME.EXT" */
	struct fat_stat st;
};

struct fat_statfs {
	unsigned type;			/* 16 or 32 */
	uint32_t cluster_bytes;
	uint32_t total_clusters;
	uint32_t free_clusters;
	uint32_t serial;
	char label[12];			/* boot sector's, trimmed */
};

/* ---- Formatting ---- */

/* All-zero means "defaults".  */
struct fat_format_params {
	/* 0: by size (see below); 16 or 32: that type or FAT_EINVAL.  */
	unsigned fat_type;
	/* 0: by size; else a power of two, 1..128.  */
	unsigned sectors_per_cluster;
	/* The partition's start LBA on its disk (BPB hidden sectors).  */
	uint32_t hidden_sectors;
	uint32_t serial;
	/* Up to 11 characters valid in a short name (lower case is raised);
	   NULL: "PORTIX"; "": no label ("NO NAME").  */
	const char *label;
	uint16_t sectors_per_track;	/* 0: 63 */
	uint16_t heads;			/* 0: 255 */
};

/* fat_format: write a new, empty FAT file system over the whole of dev
   (at most 2^32 - 1 sectors are used), then mount it read-write into vol.

   Size policy (sizes in 512-byte sectors; the cluster tables of the
   Microsoft FAT specification, whose FAT32 one mkfs.fat -F 32 follows):
     below 66600 (32.5 MiB): FAT16, 512 root entries, 1 reserved sector
       (plus padding that aligns the data area to a cluster), sectors
       per cluster 1 (up to 8400), 2 (up to 32680), 4 beyond;
     from 66600 on: FAT32, 32 reserved sectors (plus padding; FSInfo at
       1, backup boot sector at 6, FSInfo copy at 7), root directory at
       cluster 2, sectors per cluster 1 (up to 260 MiB), 8 (up to
       8 GiB), 16 (16 GiB), 32 (32 GiB), 64 beyond.
   (mkfs.fat without -F keeps FAT16 up to 512 MiB; we switch as soon as
   FAT32 is legal, so 64 MiB and larger images are FAT32.)  A forced
   FAT16 above 16 MiB uses 4, 8, 16, 32, 64 sectors per cluster up to
   128 MiB, 256 MiB, 512 MiB, 1 GiB, 2 GiB.  The type then follows from
   the cluster count, as the specification requires (FAT16 below 65525,
   FAT32 from 65525); a layout that would be FAT12 (fewer than 4085
   clusters, i.e. below about 2.1 MiB) is refused.  Two FATs, media
   0xF8, extended boot signature 0x29, 0x55AA, geometry 63 sectors per
   track and 255 heads unless given.  A label other than "NO NAME" is
   also written as the root directory's volume-label entry.  params may
   be NULL.

   Returns 0; FAT_EINVAL (bad params, device too small or too large for
   the requested type); FAT_EIO; or a fat_mount error.  */
int fat_format(struct fat_volume *vol, const struct fat_blockdev *dev,
	       const struct fat_format_params *params);

/* ---- Volumes ---- */

/* Mount flags.  */
#define FAT_MOUNT_RDONLY	0x01

/* fat_mount: validate the boot sector and BPB of dev and fill vol.
   dev is copied; dev->ctx must stay valid until fat_unmount.  A
   read-write FAT32 mount takes FSInfo's free-cluster count when it is
   possible (counting, one pass over the FAT, when it is unknown);
   otherwise the count waits for fat_statfs.  A read-write mount also
   makes the cheap checks for damage that writing could spread (never
   reading the whole FAT): FSInfo (FAT32) with its signatures and a
   possible free count, the FAT32 root's chain sound.  When one fails
   the volume is mounted read-only instead (every write then gives
   FAT_EROFS) and fat_mount_damage says what was found.  FAT copies
   that differ and everything else are fat_check's.
   Returns 0; FAT_EINVAL (missing callbacks, unknown flags); FAT_EIO;
   FAT_ENOFS (not a FAT volume, inconsistent BPB, volume larger than the
   device); FAT_ENOTSUP (FAT12, sector size other than 512).  */
int fat_mount(struct fat_volume *vol, const struct fat_blockdev *dev,
	      unsigned flags);

/* fat_mount_damage: NULL, or a short English sentence fragment naming
   the damage the mount of VOL found ("the FAT copies differ"); a
   read-write mount that found some is read-only.  (A read-only mount
   makes only the FSInfo check.)  */
const char *fat_mount_damage(const struct fat_volume *vol);

/* fat_sync: write every cached change and call dev->flush.
   Returns 0, FAT_EIO or FAT_EINVAL (vol not mounted).  */
int fat_sync(struct fat_volume *vol);

/* fat_unmount: fat_sync, then forget the volume (vol is zeroed, even on
   error).  Returns what fat_sync returned.  */
int fat_unmount(struct fat_volume *vol);

/* fat_statfs: type, geometry, free space.  Returns 0, FAT_EINVAL, FAT_EIO
   or FAT_ECORRUPT (counting free clusters on a read-only mount).  */
int fat_statfs(struct fat_volume *vol, struct fat_statfs *st);

/* ---- Names ---- */

/* fat_stat: describe PATH ("/" is the root directory).  Returns 0,
   FAT_ENOENT, FAT_ENOTDIR (a middle component is a file), FAT_EINVAL
   (bad name), FAT_ENAMETOOLONG, FAT_EIO, FAT_ECORRUPT.  */
int fat_stat(struct fat_volume *vol, const char *path, struct fat_stat *st);

/* fat_mkdir: create directory PATH with its "." and ".." entries.
   Returns 0, FAT_EEXIST, FAT_ENOENT/FAT_ENOTDIR (parent), FAT_ENOSPC,
   FAT_EROFS, FAT_EINVAL, FAT_ENAMETOOLONG, FAT_EIO, FAT_ECORRUPT.  */
int fat_mkdir(struct fat_volume *vol, const char *path);

/* fat_rmdir: remove the empty directory PATH (not the root).
   Returns 0, FAT_ENOTEMPTY, FAT_ENOTDIR (PATH is a file), FAT_EINVAL
   (the root), and the lookup/I/O codes of fat_mkdir.  */
int fat_rmdir(struct fat_volume *vol, const char *path);

/* fat_unlink: remove file PATH: its entries (long-name ones included)
   and its cluster chain.  Returns 0, FAT_EISDIR, and the lookup/I/O
   codes of fat_mkdir.  The read-only attribute is not honoured.  */
int fat_unlink(struct fat_volume *vol, const char *path);

/* fat_rename: move OLDPATH to NEWPATH on the same volume, across
   directories too; a moved directory has its ".." entry updated.  The
   new name must not exist, except when it names the same entry (a
   change of case).  Returns 0, FAT_EEXIST, FAT_EINVAL (a directory into
   itself or its subtree, or the root), FAT_ENOSPC, and the lookup/I/O
   codes of fat_mkdir.  */
int fat_rename(struct fat_volume *vol, const char *oldpath,
	       const char *newpath);

/* fat_opendir: open directory PATH for fat_readdir.  Returns 0,
   FAT_ENOTDIR, and the lookup codes of fat_stat.  Nothing to close.  */
int fat_opendir(struct fat_volume *vol, const char *path,
		struct fat_dir *dir);

/* fat_readdir: the next entry of DIR ("." , ".." and the volume label
   are skipped).  Long names come back in UTF-8 (unpaired surrogates as
   '?'); short names without a long one honour the NT lower-case flags,
   short-name bytes above 0x7F read as '?'.  Returns 1 with *ent filled,
   0 at the end, FAT_EBADF, FAT_EIO or FAT_ECORRUPT.  */
int fat_readdir(struct fat_dir *dir, struct fat_dirent *ent);

/* ---- Files ---- */

/* fat_open flags.  FAT_O_READ and/or FAT_O_WRITE is required; CREAT,
   TRUNC and APPEND need FAT_O_WRITE.  */
#define FAT_O_READ	0x01
#define FAT_O_WRITE	0x02
#define FAT_O_RDWR	(FAT_O_READ | FAT_O_WRITE)
#define FAT_O_CREAT	0x04	/* create the file if it is missing */
#define FAT_O_EXCL	0x08	/* with CREAT: fail if it exists */
#define FAT_O_TRUNC	0x10	/* truncate to 0 bytes */
#define FAT_O_APPEND	0x20	/* every write goes to the end */

/* fat_open: open (and maybe create) file PATH at position 0.  The cluster
   chain is checked (loop, range, length against the size) on open.
   Returns 0; FAT_ENOENT; FAT_EEXIST (CREAT|EXCL); FAT_EISDIR;
   FAT_ENOTDIR; FAT_EROFS; FAT_EINVAL (flags, name); FAT_ENAMETOOLONG;
   FAT_ENOSPC (no directory slot); FAT_EIO; FAT_ECORRUPT.  */
int fat_open(struct fat_volume *vol, const char *path, unsigned flags,
	     struct fat_file *f);

/* fat_read: read up to LEN bytes at the position, and advance it.
   Returns the count (0 at end of file; at most INT32_MAX), FAT_EBADF,
   FAT_EIO or FAT_ECORRUPT.  */
int32_t fat_read(struct fat_file *f, void *buf, uint32_t len);

/* fat_write: write LEN bytes at the position (at the end with
   FAT_O_APPEND), growing the file and zero-filling any gap left by a
   seek past the end; advance the position.  The directory entry (size,
   first cluster, modification time) is updated before return.  Returns
   the count written (less than LEN only when the disk filled up),
   FAT_ENOSPC when nothing could be written, FAT_EFBIG, FAT_EBADF,
   FAT_EIO or FAT_ECORRUPT.  LEN is at most INT32_MAX.  */
int32_t fat_write(struct fat_file *f, const void *buf, uint32_t len);

/* fat_seek: set the position (may pass the end).  Returns 0, FAT_EBADF.  */
int fat_seek(struct fat_file *f, uint32_t pos);

/* fat_tell, fat_size: the position and the file size (0 for a handle
   that is not open).  */
uint32_t fat_tell(const struct fat_file *f);
uint32_t fat_size(const struct fat_file *f);

/* fat_truncate: set the size to SIZE, freeing clusters or zero-filling.
   The position is unchanged.  Returns 0, FAT_EBADF (not opened for
   writing), FAT_ENOSPC, FAT_EIO, FAT_ECORRUPT.  */
int fat_truncate(struct fat_file *f, uint32_t size);

/* fat_close: forget the handle (the file is already up to date on the
   device).  Returns 0 or FAT_EBADF.  */
int fat_close(struct fat_file *f);

/* ---- Checking ---- */

/* fat_check reports each problem it finds as one struct fat_problem:
   its kind (below), the path of the directory or file concerned ("/"
   for the volume as a whole, long names where there are some, cut at
   FAT_CHECK_PATH_MAX - 1 bytes), and two numbers whose meaning
   fat_check_text gives.  */
#define FAT_CHECK_FAT_COPIES	1	/* a FAT copy differs from the active */
#define FAT_CHECK_CHAIN		2	/* chain out of range, looping, or
					   meeting a free or bad entry: a =
					   the cluster */
#define FAT_CHECK_SHARED	3	/* a = a cluster two chains own */
#define FAT_CHECK_SIZE		4	/* a = size, b = clusters owned */
#define FAT_CHECK_DOTS		5	/* "." or "..": a = its cluster, b =
					   the right one */
#define FAT_CHECK_LFN		6	/* long-name run broken at slot a */
#define FAT_CHECK_DUP_NAME	7	/* slot a repeats an earlier short
					   name (FAT_CHECK_NAMES only) */
#define FAT_CHECK_FREE_OWNED	8	/* a = owned cluster marked free */
#define FAT_CHECK_LOST		9	/* a clusters in use, owned by
					   nothing; b = the first */
#define FAT_CHECK_FSINFO	10	/* FSInfo sector a damaged */
#define FAT_CHECK_FREE_COUNT	11	/* FSInfo's free count a is not the
					   real b */
#define FAT_CHECK_BACKUP_BOOT	12	/* backup boot sector a differs */
#define FAT_CHECK_TOO_DEEP	13	/* not entered: deeper than a */

/* Directories nested deeper than this are reported, not entered.  */
#define FAT_CHECK_DEPTH		32
#define FAT_CHECK_PATH_MAX	512

/* fat_check flags.  */
#define FAT_CHECK_NAMES		0x01	/* also look for short names used
					   twice (time grows as the square
					   of a directory's entries) */

struct fat_problem {
	unsigned kind;		/* FAT_CHECK_* */
	const char *path;	/* valid during the report call only */
	uint32_t a, b;
};

typedef void fat_check_report(void *ctx, const struct fat_problem *p);

/* fat_check_bitmap_bytes: the bytes of memory fat_check needs for VOL
   (one bit per cluster); 0 when VOL is not mounted.  */
size_t fat_check_bitmap_bytes(const struct fat_volume *vol);

/* fat_check: check VOL as fsck.fat -n would, changing nothing: every
   FAT copy equal to the active one; every chain in range, loop-free
   and owned by one entry; each file's chain as long as its size needs;
   "." and ".." right; long-name runs well formed, with their short
   entry's checksum; (FAT_CHECK_NAMES) no short name twice in a
   directory; the clusters in use exactly those owned; on FAT32, the
   FSInfo sector (if the BPB names one) intact with the exact free
   count, and the backup boot sector equal to sector 0.  REPORT (may
   be NULL) is called with CTX for each problem as it is found; it must
   not call this library.  BITMAP is the caller's memory, at least
   fat_check_bitmap_bytes(vol) bytes.  Works on read-only mounts.
   Returns the number of problems (0: clean); FAT_EINVAL (not mounted,
   BITMAP too small, unknown flags); FAT_EIO.  */
int fat_check(struct fat_volume *vol, uint8_t *bitmap, size_t bytes,
	      unsigned flags, fat_check_report *report, void *ctx);

/* fat_check_text: a short English description of problem KIND (never
   NULL); fat_check_label: the name of its number a (WHICH 0) or b
   (WHICH 1), NULL when it has none.  A report reads well as
   "PATH: TEXT (LABEL-A A, LABEL-B B)".  */
const char *fat_check_text(unsigned kind);
const char *fat_check_label(unsigned kind, unsigned which);

#endif /* PORTIX_FAT_H */
