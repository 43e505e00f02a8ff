/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* klog.c - keep kernel messages in a ring, echo some to the console.

   State: the ring (whole lines, each ending in '\n'; when full, the
   oldest lines are dropped whole) and its fill level.  Each stored line
   starts with a one-digit level and the stamp: "2[    0.012] text\n".  */

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pit.h"
#include "config.h"
#include "kassert.h"
#include "klog.h"
#include "lib/printf.h"
#include "lib/string.h"

/* What a verbose boot shows on the console; a quiet one shows only
   warnings and errors.  */
#define VERBOSE_LEVEL (PORTIX_DEBUG ? KLOG_DEBUG : KLOG_INFO)

static char ring[KLOG_RING_SIZE];
static int console_level = KLOG_WARN;
static size_t used;

static const char *const level_names[] = {
	[KLOG_ERR] = "error: ",
	[KLOG_WARN] = "warning: ",
	[KLOG_INFO] = "",
	[KLOG_DEBUG] = "debug: ",
};

static const char *const level_tags[] = {
	[KLOG_ERR] = "err",
	[KLOG_WARN] = "warn",
	[KLOG_INFO] = "info",
	[KLOG_DEBUG] = "debug",
};

/* Make room for LEN bytes by dropping the oldest whole lines.  */
static void make_room(size_t len)
{
	size_t drop = 0;

	while (used - drop + len > sizeof(ring)) {
		const char *nl = memchr(ring + drop, '\n', used - drop);

		drop = nl ? (size_t)(nl - ring) + 1 : used;
	}
	if (drop) {
		memmove(ring, ring + drop, used - drop);
		used -= drop;
	}
}

void klog(int level, const char *fmt, ...)
{
	char line[KLOG_LINE_MAX + 32];
	uint64_t ms = timer_ms(), flags;
	va_list ap;
	int n, m, hdr;

	/* Printing is not reentrant: IRQ handlers never log.  */
	KASSERT(!irq_in_handler());
	if (level < KLOG_ERR)
		level = KLOG_ERR;
	if (level > KLOG_DEBUG)
		level = KLOG_DEBUG;
	hdr = n = ksnprintf(line, sizeof(line), "%d[%5lu.%03lu] ", level,
			    ms / 1000, ms % 1000);
	va_start(ap, fmt);
	m = kvsnprintf(line + n, KLOG_LINE_MAX, fmt, ap);
	va_end(ap);
	if (m > KLOG_LINE_MAX - 1)
		m = KLOG_LINE_MAX - 1;
	n += m;
	line[n++] = '\n';

	flags = irq_save();
	make_room(n);
	memcpy(ring + used, line, n);
	used += n;
	irq_restore(flags);

	if (level <= console_level)
		kprintf("%.*s%s%.*s", hdr - 1, line + 1, level_names[level],
			n - hdr, line + hdr);
}

void klog_set_verbose(bool verbose)
{
	console_level = verbose ? VERBOSE_LEVEL : KLOG_WARN;
}

void klog_dump(void)
{
	size_t pos = 0;

	while (pos < used) {
		const char *nl = memchr(ring + pos, '\n', used - pos);
		size_t len = nl ? (size_t)(nl - ring) - pos + 1 : used - pos;
		const char *bracket = memchr(ring + pos, ']', len);
		int level = ring[pos] - '0';
		int hdr = bracket ? (int)(bracket - ring - pos) + 2 : 1;

		kprintf("%.*s%-6s%.*s", hdr - 1, ring + pos + 1,
			level_tags[level], (int)len - hdr, ring + pos + hdr);
		pos += len;
	}
}
