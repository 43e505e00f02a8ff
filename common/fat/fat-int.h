/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* fat-int.h - internals shared by the files of common/fat/.

   Layers, bottom to top (each calls only the ones below it):
     cache.c   sector cache and direct device I/O        (block device)
     table.c   FAT entries, cluster chains, allocation   (cache)
     name.c    UTF-8/UTF-16, 8.3 names, LFN checksum     (nothing)
     dir.c     directory slots, long-name runs, lookups  (table, name)
     diradd.c  new entries: alias, free slots, growth    (dir)
     path.c    path walking                              (dir)
     file.c, ops.c, mount.c, format.c: the public API    (all of the above)
   time.c and error.c are leaves used by anyone.

   Nothing here is exported: the public contract is <portix/fat.h>.  */

#ifndef PORTIX_FAT_INT_H
#define PORTIX_FAT_INT_H

#include <portix/fat.h>
#include <portix/le.h>

/* The environment provides these (the kernel's lib, or the host libc);
   declared here so no libc header is needed.  */
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

/* FAT_ASSERT(cond): an invariant of the library, checked the way its
   environment checks its own.  The kernel build (which defines
   PORTIX_DEBUG) reports through kassert_fail() in debug kernels and
   compiles it out otherwise, as KASSERT does; the host build uses
   assert().  */
#if defined(PORTIX_DEBUG)
# if PORTIX_DEBUG
__attribute__((noreturn, cold))
void kassert_fail(const char *expr, const char *file, int line);
#  define FAT_ASSERT(cond) \
	((cond) ? (void)0 : kassert_fail(#cond, __FILE__, __LINE__))
# else
#  define FAT_ASSERT(cond) ((void)sizeof(!(cond)))
# endif
#else
# include <assert.h>
# define FAT_ASSERT(cond) assert(cond)
#endif

#define FAT_MAGIC_VOLUME	0x56544146	/* "FATV" */
#define FAT_MAGIC_FILE		0x46544146	/* "FATF" */
#define FAT_MAGIC_DIR		0x44544146	/* "FATD" */

/* Spec: FAT12 below 4085 clusters, FAT16 below 65525, FAT32 above.  */
#define FAT16_MIN_CLUSTERS	4085
#define FAT32_MIN_CLUSTERS	65525
/* FAT32 cluster numbers stop below the bad-cluster mark 0x0FFFFFF7.  */
#define FAT32_MAX_CLUSTERS	0x0FFFFFF5
#define FAT_DIRENT_SIZE		32

/* ---- Boot sector / BPB byte offsets ---- */
#define BS_JMP			0
#define BS_OEM			3
#define BPB_BYTES_PER_SEC	11
#define BPB_SEC_PER_CLUS	13
#define BPB_RSVD_SEC		14
#define BPB_NUM_FATS		16
#define BPB_ROOT_ENT		17
#define BPB_TOT_SEC16		19
#define BPB_MEDIA		21
#define BPB_FAT_SZ16		22
#define BPB_SEC_PER_TRK		24
#define BPB_NUM_HEADS		26
#define BPB_HIDD_SEC		28
#define BPB_TOT_SEC32		32
/* FAT16 extended BPB.  */
#define BS16_DRV_NUM		36
#define BS16_BOOT_SIG		38
#define BS16_VOL_ID		39
#define BS16_VOL_LAB		43
#define BS16_FS_TYPE		54
#define BS16_CODE		62
/* FAT32 extended BPB.  */
#define BPB32_FAT_SZ		36
#define BPB32_EXT_FLAGS		40
#define BPB32_FS_VER		42
#define BPB32_ROOT_CLUS		44
#define BPB32_FS_INFO		48
#define BPB32_BK_BOOT		50
#define BS32_DRV_NUM		64
#define BS32_BOOT_SIG		66
#define BS32_VOL_ID		67
#define BS32_VOL_LAB		71
#define BS32_FS_TYPE		82
#define BS32_CODE		90
#define BS_SIGNATURE		510	/* 0x55, 0xAA */

/* FSInfo sector.  */
#define FSI_LEAD_SIG		0
#define FSI_STRUC_SIG		484
#define FSI_FREE_COUNT		488
#define FSI_NXT_FREE		492
#define FSI_TRAIL_SIG		508
#define FSI_LEAD_VALUE		0x41615252
#define FSI_STRUC_VALUE		0x61417272
#define FSI_TRAIL_VALUE		0xAA550000

/* ---- Directory entry byte offsets ---- */
#define DIR_NAME		0	/* 11 bytes, 8 + 3, space padded */
#define DIR_ATTR		11
#define DIR_NTRES		12	/* NT case flags */
#define DIR_CRT_TENTH		13
#define DIR_CRT_TIME		14
#define DIR_CRT_DATE		16
#define DIR_ACC_DATE		18
#define DIR_CLUS_HI		20
#define DIR_WRT_TIME		22
#define DIR_WRT_DATE		24
#define DIR_CLUS_LO		26
#define DIR_FILE_SIZE		28
#define DIR_FREE		0xE5	/* first byte of a deleted entry */
/* First byte of a slot: no entries follow.  */
#define DIR_END			0x00
#define DIR_KANJI_E5		0x05	/* first byte meaning 0xE5 */
#define NT_LOWER_BASE		0x08
#define NT_LOWER_EXT		0x10
#define ATTR_LFN		0x0F	/* read-only|hidden|system|volume */
#define ATTR_LFN_MASK		0x3F
/* Long-name entry.  */
#define LFN_ORD			0
#define LFN_NAME1		1	/* 5 units */
#define LFN_ATTR		11
#define LFN_TYPE		12
#define LFN_CHKSUM		13
#define LFN_NAME2		14	/* 6 units */
#define LFN_CLUS		26
#define LFN_NAME3		28	/* 2 units */
#define LFN_LAST		0x40	/* ord flag: last (first on disk) */
#define LFN_UNITS		13
#define LFN_MAX_ENTRIES		20

/* ---- Little-endian access: <portix/le.h>, under short names ---- */

#define get16(p) portix_get_le16(p)
#define get32(p) portix_get_le32(p)
#define put16(p, v) portix_put_le16(p, v)
#define put32(p, v) portix_put_le32(p, v)

/* ---- cache.c: sector cache and device I/O ---- */

/* fat_bget modes.  */
#define FAT_B_READ	0	/* read the sector, leave it clean */
#define FAT_B_WRITE	1	/* read it, the caller will modify it */
#define FAT_B_ZERO	2	/* no read: zero-filled, to be written */

/* Map SECTOR into the cache; *buf stays valid until the next cache call
   (the most recently used slot is never the next one evicted, so one
   other fat_bget in between is harmless, but do not rely on more).  */
int fat_bget(struct fat_volume *v, uint32_t sector, unsigned mode,
	     uint8_t **buf);
/* Write every dirty slot (FAT sectors to every copy) and FSInfo.  */
int fat_bflush(struct fat_volume *v);
/* Drop every slot without writing.  */
void fat_binval(struct fat_volume *v);
/* Multi-sector I/O that bypasses the cache but stays coherent with it.  */
int fat_dev_read(struct fat_volume *v, uint32_t sector, uint32_t count,
		 void *buf);
int fat_dev_write(struct fat_volume *v, uint32_t sector, uint32_t count,
		  const void *buf);
/* Finish a mutating public call: flush, and merge the call's result.  */
int fat_done(struct fat_volume *v, int ret);

/* ---- table.c: the FAT ---- */

static inline bool fat_clus_ok(const struct fat_volume *v, uint32_t c)
{
	return c >= 2 && c - 2 < v->cluster_count;
}

static inline uint32_t fat_clus_sector(const struct fat_volume *v,
				       uint32_t c)
{
	return v->data_start + ((c - 2) << v->spc_shift);
}

/* End-of-chain mark we write.  */
uint32_t fat_eoc(const struct fat_volume *v);
/* Raw entry of cluster C (C checked against the volume).  */
int fat_get(struct fat_volume *v, uint32_t c, uint32_t *val);
int fat_set(struct fat_volume *v, uint32_t c, uint32_t val);
/* The cluster after C: *next = 0 at the end of the chain.  A free, bad
   or out-of-range link is FAT_ECORRUPT.  */
int fat_next(struct fat_volume *v, uint32_t c, uint32_t *next);
/* Count the clusters of the chain at FIRST; FAT_ECORRUPT on a loop.  */
int fat_chain_length(struct fat_volume *v, uint32_t first, uint32_t *len);
/* Take a free cluster, mark it end-of-chain and link PREV (if not 0) to
   it.  ZERO: clear its sectors.  FAT_ENOSPC when the volume is full;
   FAT_ECORRUPT (nothing changed) when PREV does not end its chain or
   the free cluster found is the FAT32 root's.  */
int fat_alloc(struct fat_volume *v, uint32_t prev, bool zero,
	      uint32_t *out);
/* 0 when the chain at FIRST is well formed (fat_chain_length) and no
   FAT entry outside it links into it; FIRST itself may have
   FIRST_LINKS links (1 when the chain is the tail of a longer one).
   One pass over the FAT per 16 runs of consecutive clusters.  Entries
   of directories pointing into the chain are not seen.  FAT_ECORRUPT
   otherwise.  */
int fat_chain_owned(struct fat_volume *v, uint32_t first,
		    uint32_t first_links);
/* Free the chain at FIRST (0: nothing to do) after fat_chain_owned
   accepted it; nothing is freed otherwise.  */
int fat_free_chain(struct fat_volume *v, uint32_t first);
/* Make C the last cluster of its chain and free the rest, under the
   same check (nothing changes when it fails).  */
int fat_cut_chain(struct fat_volume *v, uint32_t c);
/* Call FN(CTX, C, VALUE) for every cluster C of the FAT, in order,
   reading FAT_CACHE_SECTORS sectors at a time with the cache's memory
   as the buffer: the cache is flushed and emptied first.  */
typedef void fat_scan_fn(void *ctx, uint32_t c, uint32_t val);
int fat_scan(struct fat_volume *v, fat_scan_fn *fn, void *ctx);
/* Count free clusters into v->free_count.  */
int fat_count_free(struct fat_volume *v);
/* *same: every FAT copy equals the active one.  The cache is flushed
   and emptied (its memory is the buffer).  */
int fat_compare_copies(struct fat_volume *v, bool *same);

/* ---- name.c: names ---- */

/* Convert and check one path component (LEN bytes of UTF-8) into a
   long name: trailing dots and spaces dropped.  *n = units.  */
int fat_name_parse(const char *s, size_t len, uint16_t *out, unsigned *n);
/* UTF-16 to UTF-8 (unpaired surrogates as '?'); returns the length.  */
size_t fat_name_utf8(const uint16_t *u, unsigned n, char *out,
		     size_t cap);
/* Case-insensitive comparison (ASCII and Latin-1 letters).  */
bool fat_name_eq(const uint16_t *a, unsigned an, const uint16_t *b,
		 unsigned bn);
/* Is the name storable as a short entry alone?  Fills sfn and NT flags.  */
bool fat_sfn_exact(const uint16_t *u, unsigned n, uint8_t sfn[11],
		   uint8_t *ntres);
/* The basis short name for a long name; true when a ~N tail is needed.  */
bool fat_sfn_basis(const uint16_t *u, unsigned n, uint8_t sfn[11]);
/* SFN = BASIS with the tail ~N (1 <= N <= 999999).  */
void fat_sfn_tail(const uint8_t basis[11], uint32_t num, uint8_t sfn[11]);
/* If SFN is BASIS with some tail, return N; else 0.  */
uint32_t fat_sfn_tail_of(const uint8_t basis[11], const uint8_t sfn[11]);
uint8_t fat_sfn_checksum(const uint8_t sfn[11]);
/* A short entry's name as units (NT case flags applied), and as
   "NAME.EXT" bytes.  */
unsigned fat_sfn_units(const uint8_t *ent, uint16_t out[12]);
void fat_sfn_string(const uint8_t *ent, char out[13]);

/* ---- dir.c: directories ---- */

/* One logical entry: its long-name run (if any) and short entry.  */
struct fat_entry {
	struct fat_dirpos start;	/* first slot (an LFN or the SFN) */
	struct fat_dirpos sfn;		/* the short entry's slot */
	uint8_t raw[FAT_DIRENT_SIZE];	/* the short entry */
	const uint16_t *name;		/* long name (in v->lfn) or NULL */
	unsigned name_len;
	uint16_t short_units[12];
	unsigned short_len;
};

/* Directory "id": 0 is the root, else the first cluster.  */
/* 0 when directory DIR's chain is well formed (the fixed FAT16 root
   always is), else FAT_ECORRUPT: check before looking inside or
   writing.  */
int dir_verify(struct fat_volume *v, uint32_t dir);
void dir_rewind(struct fat_volume *v, uint32_t dir, struct fat_dirpos *p);
/* Advance P by one slot (sets p->end after the last one).  */
int dir_step(struct fat_volume *v, struct fat_dirpos *p);
/* Map the slot at P into the cache (FAT_B_* mode).  */
int dir_map(struct fat_volume *v, const struct fat_dirpos *p, unsigned mode,
	    uint8_t **ent);
/* Fill a long-name slot: part ORD (1-based) of NAME, checksum SUM.  */
void dir_lfn_fill(uint8_t *ent, unsigned ord, bool last, uint8_t sum,
		  const uint16_t *name, unsigned n);
/* Sector and byte offset of the slot at P (P must not be at the end).  */
int dir_slot(struct fat_volume *v, const struct fat_dirpos *p,
	     uint32_t *sector, uint16_t *off);
/* Next logical entry at or after P: 1 found, 0 end, < 0 error.  Skips
   deleted slots and volume labels; keeps "." and "..".  */
int dir_read(struct fat_volume *v, struct fat_dirpos *p,
	     struct fat_entry *e);
/* Find NAME (case-insensitive, long or short) in DIR.  FAT_ENOENT if
   absent.  */
int dir_find(struct fat_volume *v, uint32_t dir, const uint16_t *name,
	     unsigned n, struct fat_entry *e);
/* The parent of directory DIR (from its ".." entry; the root's is the
   root).  */
int dir_parent(struct fat_volume *v, uint32_t dir, uint32_t *parent);
/* Add NAME to DIR with the attributes, times, cluster and size of TMPL;
   SKIP (may be NULL) is an entry ignored for alias collisions.  Fills
   *e (name not set).  */
int dir_add(struct fat_volume *v, uint32_t dir, const uint16_t *name,
	    unsigned n, const uint8_t tmpl[32], const struct fat_entry *skip,
	    struct fat_entry *e);
/* Mark the slots of E deleted.  */
int dir_remove(struct fat_volume *v, const struct fat_entry *e);
/* Rewrite E's short entry from e->raw.  */
int dir_write_sfn(struct fat_volume *v, const struct fat_entry *e);
/* 0 if DIR holds nothing but "." and "..", FAT_ENOTEMPTY otherwise.  */
int dir_empty(struct fat_volume *v, uint32_t dir);
/* Cluster of a short entry, and setting it.  */
uint32_t dir_cluster(const struct fat_volume *v, const uint8_t *raw);
void dir_set_cluster(uint8_t *raw, uint32_t c);
/* The directory id an entry refers to (maps the FAT32 root cluster and
   0 to 0); FAT_ECORRUPT when out of range.  */
int dir_id_of(struct fat_volume *v, const uint8_t *raw, uint32_t *dir);

/* ---- path.c ---- */

/* What a path names: the root, or an entry in directory `parent'.  */
struct fat_node {
	bool root;
	uint32_t parent;		/* directory id holding the entry */
	struct fat_entry e;
};

int path_lookup(struct fat_volume *v, const char *path,
		struct fat_node *node);
/* Resolve all but the last component of PATH (a directory id into
   *dir) and parse the last into NAME.  FAT_EINVAL when PATH has no last
   component (the root).  */
int path_parent(struct fat_volume *v, const char *path, uint32_t *dir,
		uint16_t *name, unsigned *n);

/* ---- time.c ---- */

void fat_now(struct fat_volume *v, struct fat_datetime *dt);
/* Stamp creation, write and access times (which: FAT_STAMP_*).  */
#define FAT_STAMP_CREATE	0x01
#define FAT_STAMP_WRITE		0x02
#define FAT_STAMP_ACCESS	0x04
void fat_stamp(struct fat_volume *v, uint8_t *raw, unsigned which);
void fat_stat_from_raw(const struct fat_volume *v, const uint8_t *raw,
		       struct fat_stat *st);

/* ---- mount.c ---- */

/* vol mounted?  (and, for WRITE, writable: FAT_EROFS otherwise).  */
int fat_check_vol(struct fat_volume *v, bool write);

#endif /* PORTIX_FAT_INT_H */
