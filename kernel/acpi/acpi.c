/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* acpi.c - find the FADT and \_S5; power off and reset through them.

   Table layouts: ACPI 6.5, chapter 5 (RSDP 5.2.5, RSDT/XSDT 5.2.7-8,
   FADT 5.2.9, PM1 control register 4.8.3.2.1); AML encoding: chapter 20.
   State: what acpi_init() found (ports, sleep types, reset register).  */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <portix/layout.h>

#include "acpi/acpi.h"
#include "boot/bootinfo.h"
#include "arch/x86_64/io.h"
#include "arch/x86_64/pit.h"
#include "klog.h"
#include "lib/string.h"
#include "mm/paging.h"

#define EBDA_SEGMENT_PTR	0x40E
#define BIOS_AREA_START		0xE0000
#define BIOS_AREA_END		0x100000

/* FADT field offsets.  */
#define FADT_DSDT		40
#define FADT_SMI_CMD		48
#define FADT_ACPI_ENABLE	52
#define FADT_PM1A_CNT		64
#define FADT_PM1B_CNT		68
#define FADT_FLAGS		112
#define FADT_RESET_REG		116
#define FADT_RESET_VALUE	128
#define FADT_X_DSDT		140
#define FADT_FLAG_RESET_REG_SUP	(1U << 10)

#define PM1_SCI_EN		(1U << 0)
#define PM1_SLP_TYP_SHIFT	10
#define PM1_SLP_TYP_MASK	(7U << 10)
#define PM1_SLP_EN		(1U << 13)
#define GAS_SYSTEM_IO		1
#define GAS_SYSTEM_MEMORY	0

#define ACPI_ENABLE_TIMEOUT_MS	3000
#define S5_GRACE_MS		2000

struct sdt_header {
	char signature[4];
	uint32_t length;
	uint8_t revision;
	uint8_t checksum;
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
} __attribute__((packed));

struct rsdp {
	char signature[8];		/* "RSD PTR " */
	uint8_t checksum;		/* over the first 20 bytes */
	char oem_id[6];
	uint8_t revision;		/* 0: ACPI 1.0; 2: 2.0 and later */
	uint32_t rsdt;
	uint32_t length;		/* from here on: revision 2 only */
	uint64_t xsdt;
	uint8_t ext_checksum;
	uint8_t reserved[3];
} __attribute__((packed));

static bool have_fadt;
static uint16_t pm1a_cnt, pm1b_cnt, smi_cmd;
static uint8_t acpi_enable_value;
static bool have_s5;
static uint8_t slp_typa, slp_typb;
static bool have_reset;
static uint8_t reset_space, reset_value;
static uint64_t reset_addr;

static bool checksum_ok(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	while (len--)
		sum += *b++;
	return sum == 0;
}

static const struct rsdp *scan_rsdp(uint64_t start, uint64_t end)
{
	uint64_t a;

	for (a = start; a + sizeof(struct rsdp) <= end; a += 16) {
		const struct rsdp *r = (const struct rsdp *)(uintptr_t)a;

		if (!memcmp(r->signature, "RSD PTR ", 8) &&
		    checksum_ok(r, 20))
			return r;
	}
	return NULL;
}

/* The RSDP the loader was given by the firmware (UEFI's configuration
   table), mapped and checked; NULL if there is none.  */
static const struct rsdp *given_rsdp(void)
{
	uint64_t addr = bootinfo()->firmware.acpi_rsdp;
	const struct rsdp *r = (const struct rsdp *)(uintptr_t)addr;

	if (!addr || paging_map_mmio(addr, sizeof(*r)) < 0)
		return NULL;
	if (memcmp(r->signature, "RSD PTR ", 8) || !checksum_ok(r, 20)) {
		klog(KLOG_WARN, "acpi: no valid RSDP at 0x%lx, given at boot",
		     addr);
		return NULL;
	}
	return r;
}

static const struct rsdp *find_rsdp(void)
{
	uint64_t ebda;
	const struct rsdp *r = given_rsdp();

	/* Only a BIOS leaves an EBDA and the RSDP in its areas.  */
	if (r || bootinfo()->firmware.kind != PORTIX_FIRMWARE_BIOS)
		return r;
	ebda = (uint64_t)*(const volatile uint16_t *)
		phys_ptr(EBDA_SEGMENT_PTR) << 4;
	if (ebda >= 0x80000 && ebda < 0xA0000)
		r = scan_rsdp(ebda, ebda + 1024);
	return r ? r : scan_rsdp(BIOS_AREA_START, BIOS_AREA_END);
}

/* The table at ADDR, mapped and checked; NULL if unusable.  */
static const struct sdt_header *get_table(uint64_t addr)
{
	const struct sdt_header *h = (const struct sdt_header *)(uintptr_t)addr;

	if (!addr || paging_map_mmio(addr, sizeof(*h)) < 0)
		return NULL;
	if (h->length < sizeof(*h) || paging_map_mmio(addr, h->length) < 0)
		return NULL;
	if (!checksum_ok(h, h->length)) {
		klog(KLOG_WARN, "acpi: bad checksum in %.4s at 0x%lx",
		     h->signature, addr);
		return NULL;
	}
	return h;
}

static const struct sdt_header *find_table(const struct rsdp *r,
					   const char *sig)
{
	const struct sdt_header *root, *t;
	bool x = r->revision >= 2 && r->xsdt;
	size_t i, n, width = x ? 8 : 4;
	uint64_t entry;

	root = get_table(x ? r->xsdt : r->rsdt);
	if (!root)
		return NULL;
	n = (root->length - sizeof(*root)) / width;
	for (i = 0; i < n; i++) {
		const uint8_t *e = (const uint8_t *)(root + 1) + i * width;

		entry = 0;
		memcpy(&entry, e, width);
		t = get_table(entry);
		if (t && !memcmp(t->signature, sig, 4))
			return t;
	}
	return NULL;
}

static uint32_t field32(const struct sdt_header *t, size_t off)
{
	uint32_t v = 0;

	if (off + 4 <= t->length)
		memcpy(&v, (const uint8_t *)t + off, 4);
	return v;
}

/* One AML integer (ZeroOp, OneOp, OnesOp or a Byte/Word/DWord/QWord
   constant); advances *P.  False if something else is there.  */
static bool aml_integer(const uint8_t **p, const uint8_t *end, uint64_t *v)
{
	const uint8_t *q = *p;
	size_t n;

	if (q >= end)
		return false;
	switch (*q++) {
	case 0x00: *v = 0; n = 0; break;
	case 0x01: *v = 1; n = 0; break;
	case 0xFF: *v = ~0ULL; n = 0; break;
	case 0x0A: n = 1; break;
	case 0x0B: n = 2; break;
	case 0x0C: n = 4; break;
	case 0x0E: n = 8; break;
	default: return false;
	}
	if (n) {
		if (q + n > end)
			return false;
		*v = 0;
		memcpy(v, q, n);
		q += n;
	}
	*p = q;
	return true;
}

/* Look for "Name (_S5, Package () { a, b, ... })" in the DSDT's AML:
   NameOp (0x08), optional root prefix '\', "_S5_", PackageOp (0x12),
   PkgLength, NumElements, then the elements.  */
static void find_s5(const struct sdt_header *dsdt)
{
	const uint8_t *aml = (const uint8_t *)(dsdt + 1);
	const uint8_t *end = (const uint8_t *)dsdt + dsdt->length;
	const uint8_t *p;
	uint64_t a, b;

	for (p = aml + 1; p + 4 < end; p++) {
		if (memcmp(p, "_S5_", 4))
			continue;
		if (p[-1] != 0x08 && !(p[-1] == '\\' && p > aml + 1 &&
				       p[-2] == 0x08))
			continue;
		p += 4;
		if (p >= end || *p++ != 0x12)
			continue;
		if (p >= end)
			break;
		p += 1 + (*p >> 6);		/* PkgLength */
		p++;				/* NumElements */
		if (aml_integer(&p, end, &a) && aml_integer(&p, end, &b)) {
			slp_typa = a & 7;
			slp_typb = b & 7;
			have_s5 = true;
		}
		return;
	}
}

static void read_fadt(const struct sdt_header *fadt)
{
	const struct sdt_header *dsdt;
	uint64_t dsdt_addr = field32(fadt, FADT_DSDT);
	const uint8_t *f = (const uint8_t *)fadt;

	pm1a_cnt = field32(fadt, FADT_PM1A_CNT);
	pm1b_cnt = field32(fadt, FADT_PM1B_CNT);
	smi_cmd = field32(fadt, FADT_SMI_CMD);
	acpi_enable_value = fadt->length > FADT_ACPI_ENABLE ?
		f[FADT_ACPI_ENABLE] : 0;
	if (fadt->length >= FADT_X_DSDT + 8) {
		uint64_t x;

		memcpy(&x, f + FADT_X_DSDT, 8);
		if (x)
			dsdt_addr = x;
	}
	if (fadt->length > FADT_RESET_VALUE &&
	    (field32(fadt, FADT_FLAGS) & FADT_FLAG_RESET_REG_SUP)) {
		reset_space = f[FADT_RESET_REG];
		memcpy(&reset_addr, f + FADT_RESET_REG + 4, 8);
		reset_value = f[FADT_RESET_VALUE];
		have_reset = reset_addr != 0;
	}
	dsdt = get_table(dsdt_addr);
	if (dsdt && !memcmp(dsdt->signature, "DSDT", 4))
		find_s5(dsdt);
}

bool acpi_init(void)
{
	const struct rsdp *r = find_rsdp();
	const struct sdt_header *fadt;

	if (!r) {
		klog(KLOG_WARN, "acpi: no RSDP found");
		return false;
	}
	fadt = find_table(r, "FACP");
	if (!fadt) {
		klog(KLOG_WARN, "acpi: no FADT");
		return false;
	}
	have_fadt = true;
	read_fadt(fadt);
	klog(KLOG_INFO, "acpi: RSDP rev %u at 0x%lx, PM1a_CNT 0x%x, "
	     "\\_S5 %s", r->revision, (uint64_t)(uintptr_t)r, pm1a_cnt,
	     have_s5 ? "found" : "missing");
	return true;
}

static bool sci_enabled(void *unused)
{
	(void)unused;
	return inw(pm1a_cnt) & PM1_SCI_EN;
}

static bool never(void *unused)
{
	(void)unused;
	return false;
}

void acpi_poweroff(const char **why)
{
	uint16_t v;

	if (!have_fadt || !pm1a_cnt) {
		*why = "no ACPI FADT with a PM1a control block";
		return;
	}
	if (!have_s5) {
		*why = "no \\_S5 object in the DSDT";
		return;
	}
	/* Firmware still in legacy mode: ask it to hand over.  */
	if (!sci_enabled(NULL) && smi_cmd && acpi_enable_value) {
		outb(smi_cmd, acpi_enable_value);
		if (!timer_poll(sci_enabled, NULL, ACPI_ENABLE_TIMEOUT_MS)) {
			*why = "the firmware did not enter ACPI mode";
			return;
		}
	}
	v = inw(pm1a_cnt) & ~PM1_SLP_TYP_MASK;
	if (pm1b_cnt)
		outw(pm1b_cnt, (inw(pm1b_cnt) & ~PM1_SLP_TYP_MASK) |
		     slp_typb << PM1_SLP_TYP_SHIFT | PM1_SLP_EN);
	outw(pm1a_cnt, v | slp_typa << PM1_SLP_TYP_SHIFT | PM1_SLP_EN);
	timer_poll(never, NULL, S5_GRACE_MS);
	*why = "the machine is still running after entering S5";
}

void acpi_reset(void)
{
	if (!have_reset)
		return;
	if (reset_space == GAS_SYSTEM_IO) {
		outb((uint16_t)reset_addr, reset_value);
	} else if (reset_space == GAS_SYSTEM_MEMORY &&
		   paging_map_mmio(reset_addr, 1) == 0) {
		*(volatile uint8_t *)(uintptr_t)reset_addr = reset_value;
	}
	timer_poll(never, NULL, 500);
}
