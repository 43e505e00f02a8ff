/* fuzz-blk-scan.c - libFuzzer target: MBR and El Torito scanning
   through the kernel's real block layer (kernel/block/block.c,
   kernel/fs/mbr.c, kernel/fs/eltorito.c, compiled for the host).

   The input is a disk and, read in 2048-byte sectors, a CD: the same
   bytes serve as both, as on a hybrid medium.  The scan does what
   fs_mount_root does: the partition table at a base LBA (taken from
   the input's last byte), the partitions of each partition, and the
   hard-disk image an El Torito catalog points at and its table.  The
   ATA shim aborts on any read outside the drive: the block layer must
   refuse such a request itself.  */

#include <stdint.h>
#include <string.h>

#include "block/block.h"
#include "fs/eltorito.h"
#include "fs/mbr.h"
#include "kernel-shim.h"

/* block.c's table is static: included here so each run starts empty.  */
#include "../kernel/block/block.c"

static void reset_block_layer(void)
{
	ndevs = 0;
	cd_buf.valid = false;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct blkdev *parts[4], *inner[4], *disk, *cd, *img;
	uint64_t base, start;
	int n, k;

	if (size < BLK_SECTOR_SIZE)
		return 0;
	reset_block_layer();
	shim_set_drives(data, size - size % BLK_SECTOR_SIZE, data,
			size - size % ATAPI_SECTOR_SIZE);
	blk_init();
	disk = blk_find("hd0");
	base = data[size - 1] % 4;
	n = mbr_scan(disk, base, parts, 4);
	for (int i = 0; i < n; i++) {
		uint8_t sector[BLK_SECTOR_SIZE];

		blk_read(parts[i], 0, 1, sector);
		blk_read(parts[i], parts[i]->sectors - 1, 1, sector);
		k = mbr_scan(parts[i], 0, inner, 4);
		(void)k;
	}
	cd = blk_find("cd0");
	if (cd && cd->sectors && eltorito_find_hd_image(cd, &start) == 0 &&
	    start < cd->sectors) {
		img = blk_add_view(cd, "cd0i", start, cd->sectors - start, 0);
		if (img)
			mbr_scan(img, 0, parts, 4);
	}
	return 0;
}
