/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* name.c - file names: UTF-8 and UTF-16, 8.3 short names, aliases.

   Layer: a leaf (pure functions, no I/O).  Used by dir.c and path.c.

   Long names are UTF-16 units, at most FAT_NAME_MAX.  Short names are
   11 bytes, base and extension padded with spaces, upper case.  Case is
   folded for ASCII and Latin-1 letters only.  Short names we generate
   use ASCII; anything else in a long name becomes '_' in its alias,
   following the FAT specification's basis-name rules.  */

#include <portix/utf8.h>

#include "fat-int.h"

static uint16_t fold(uint16_t c)
{
	if (c >= 'a' && c <= 'z')
		return (uint16_t)(c - 32);
	if (c >= 0xE0 && c <= 0xFE && c != 0xF7)	/* Latin-1 letters */
		return (uint16_t)(c - 32);
	return c;
}

/* Characters of a short name besides letters and digits.  */
static bool sfn_special(uint16_t c)
{
	static const char ok[] = "$%'-_@~`!(){}^#&";

	for (const char *p = ok; *p; p++)
		if (c == (uint8_t)*p)
			return true;
	return false;
}

static bool lfn_invalid(uint32_t c)
{
	static const char bad[] = "\"*/:<>?\\|";

	if (c < 0x20)
		return true;
	for (const char *p = bad; *p; p++)
		if (c == (uint8_t)*p)
			return true;
	return false;
}

int fat_name_parse(const char *s, size_t len, uint16_t *out, unsigned *n)
{
	const uint8_t *p = (const uint8_t *)s;
	unsigned k = 0;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t l = portix_utf8_decode(p + i, len - i, &cp);

		if (l == 0 || lfn_invalid(cp))
			return FAT_EINVAL;
		i += l;
		if (cp >= 0x10000) {
			if (k + 2 > FAT_NAME_MAX)
				return FAT_ENAMETOOLONG;
			cp -= 0x10000;
			out[k++] = (uint16_t)(0xD800 | (cp >> 10));
			out[k++] = (uint16_t)(0xDC00 | (cp & 0x3FF));
		} else {
			if (k + 1 > FAT_NAME_MAX)
				return FAT_ENAMETOOLONG;
			out[k++] = (uint16_t)cp;
		}
	}
	/* As Windows does: "name." and "name " are "name".  */
	while (k > 0 && (out[k - 1] == '.' || out[k - 1] == ' '))
		k--;
	if (k == 0)
		return FAT_EINVAL;
	*n = k;
	return 0;
}

size_t fat_name_utf8(const uint16_t *u, unsigned n, char *out, size_t cap)
{
	size_t o = 0;

	for (unsigned i = 0; i < n; i++) {
		uint32_t c = u[i];
		uint8_t b[4];
		size_t l;

		if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n &&
		    u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF) {
			c = 0x10000 + ((c - 0xD800) << 10) + (u[++i] - 0xDC00);
		} else if (c >= 0xD800 && c <= 0xDFFF) {
			c = '?';
		}
		if (c < 0x80) {
			b[0] = (uint8_t)c, l = 1;
		} else if (c < 0x800) {
			b[0] = (uint8_t)(0xC0 | (c >> 6));
			b[1] = (uint8_t)(0x80 | (c & 0x3F)), l = 2;
		} else if (c < 0x10000) {
			b[0] = (uint8_t)(0xE0 | (c >> 12));
			b[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
			b[2] = (uint8_t)(0x80 | (c & 0x3F)), l = 3;
		} else {
			b[0] = (uint8_t)(0xF0 | (c >> 18));
			b[1] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
			b[2] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
			b[3] = (uint8_t)(0x80 | (c & 0x3F)), l = 4;
		}
		if (o + l >= cap)
			break;
		memcpy(out + o, b, l);
		o += l;
	}
	if (cap > 0)
		out[o] = '\0';
	return o;
}

bool fat_name_eq(const uint16_t *a, unsigned an, const uint16_t *b,
		 unsigned bn)
{
	if (an != bn)
		return false;
	for (unsigned i = 0; i < an; i++)
		if (fold(a[i]) != fold(b[i]))
			return false;
	return true;
}

/* Check one part of a would-be short name: characters valid, letters
   all upper or all lower.  *lower = all lower.  */
static bool exact_part(const uint16_t *u, unsigned n, bool *lower)
{
	bool up = false, low = false;

	for (unsigned i = 0; i < n; i++) {
		uint16_t c = u[i];

		if (c >= 'a' && c <= 'z')
			low = true;
		else if (c >= 'A' && c <= 'Z')
			up = true;
		else if (!(c >= '0' && c <= '9') && !sfn_special(c))
			return false;
	}
	*lower = low;
	return !(up && low);
}

bool fat_sfn_exact(const uint16_t *u, unsigned n, uint8_t sfn[11],
		   uint8_t *ntres)
{
	unsigned dot = n, base, ext;
	bool lb, le;

	for (unsigned i = 0; i < n; i++) {
		if (u[i] != '.')
			continue;
		if (dot != n)
			return false;	/* two dots */
		dot = i;
	}
	base = dot;
	ext = dot < n ? n - dot - 1 : 0;
	if (base < 1 || base > 8 || ext > 3 || (dot < n && ext == 0))
		return false;
	if (!exact_part(u, base, &lb) || !exact_part(u + dot + 1, ext, &le))
		return false;
	memset(sfn, ' ', 11);
	for (unsigned i = 0; i < base; i++)
		sfn[i] = (uint8_t)fold(u[i]);
	for (unsigned i = 0; i < ext; i++)
		sfn[8 + i] = (uint8_t)fold(u[dot + 1 + i]);
	*ntres = (lb ? NT_LOWER_BASE : 0) | (le ? NT_LOWER_EXT : 0);
	return true;
}

/* One long-name character in a short name; *lossy when it changed
   beyond case.  */
static uint8_t sfn_char(uint16_t c, bool *lossy)
{
	if (c >= 'a' && c <= 'z')
		return (uint8_t)(c - 32);
	if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    sfn_special(c))
		return (uint8_t)c;
	*lossy = true;
	return '_';
}

bool fat_sfn_basis(const uint16_t *u, unsigned n, uint8_t sfn[11])
{
	unsigned start = 0, dot = n, bi = 0, ei = 0;
	bool lossy = false;

	memset(sfn, ' ', 11);
	while (start < n && (u[start] == '.' || u[start] == ' ')) {
		start++;
		lossy = true;
	}
	for (unsigned i = start; i < n; i++)
		if (u[i] == '.')
			dot = i;
	for (unsigned i = start; i < dot; i++) {
		if (u[i] == ' ' || u[i] == '.') {
			lossy = true;
			continue;
		}
		uint8_t c = sfn_char(u[i], &lossy);

		if (bi < 8)
			sfn[bi++] = c;
		else
			lossy = true;
	}
	for (unsigned i = dot + 1; i < n; i++) {
		if (u[i] == ' ') {
			lossy = true;
			continue;
		}
		uint8_t c = sfn_char(u[i], &lossy);

		if (ei < 3)
			sfn[8 + ei++] = c;
		else
			lossy = true;
	}
	if (bi == 0) {
		sfn[0] = '_';
		lossy = true;
	}
	return lossy;
}

static unsigned base_len(const uint8_t sfn[11])
{
	unsigned n = 8;

	while (n > 0 && sfn[n - 1] == ' ')
		n--;
	return n;
}

void fat_sfn_tail(const uint8_t basis[11], uint32_t num, uint8_t sfn[11])
{
	char digits[8];
	unsigned d = 0, keep;

	do {
		digits[d++] = (char)('0' + num % 10);
		num /= 10;
	} while (num && d < 6);
	keep = base_len(basis);
	if (keep > 7 - d)
		keep = 7 - d;
	memset(sfn, ' ', 8);
	memcpy(sfn, basis, keep);
	sfn[keep] = '~';
	for (unsigned i = 0; i < d; i++)
		sfn[keep + 1 + i] = (uint8_t)digits[d - 1 - i];
	memcpy(sfn + 8, basis + 8, 3);
}

uint32_t fat_sfn_tail_of(const uint8_t basis[11], const uint8_t sfn[11])
{
	unsigned t = 8, end, d, keep;
	uint32_t num = 0;

	if (memcmp(sfn + 8, basis + 8, 3) != 0)
		return 0;
	end = base_len(sfn);
	for (unsigned i = 0; i < end; i++)
		if (sfn[i] == '~')
			t = i;
	if (t >= end)
		return 0;
	d = end - t - 1;
	if (d < 1 || d > 6 || sfn[t + 1] == '0')
		return 0;
	for (unsigned i = t + 1; i < end; i++) {
		if (sfn[i] < '0' || sfn[i] > '9')
			return 0;
		num = num * 10 + (uint32_t)(sfn[i] - '0');
	}
	keep = base_len(basis);
	if (keep > 7 - d)
		keep = 7 - d;
	if (t != keep || memcmp(sfn, basis, keep) != 0)
		return 0;
	return num;
}

uint8_t fat_sfn_checksum(const uint8_t sfn[11])
{
	uint8_t sum = 0;

	for (unsigned i = 0; i < 11; i++)
		sum = (uint8_t)(((sum & 1) << 7) + (sum >> 1) + sfn[i]);
	return sum;
}

static uint8_t sfn_byte(const uint8_t *ent, unsigned i)
{
	uint8_t c = ent[i];

	if (i == 0 && c == DIR_KANJI_E5)
		c = 0xE5;
	return c >= 0x80 ? '?' : c;	/* OEM code page: not ours to map */
}

unsigned fat_sfn_units(const uint8_t *ent, uint16_t out[12])
{
	unsigned bl = base_len(ent), el = 3, n = 0;
	bool lb = ent[DIR_NTRES] & NT_LOWER_BASE;
	bool le = ent[DIR_NTRES] & NT_LOWER_EXT;

	while (el > 0 && ent[8 + el - 1] == ' ')
		el--;
	for (unsigned i = 0; i < bl; i++) {
		uint8_t c = sfn_byte(ent, i);

		out[n++] = lb && c >= 'A' && c <= 'Z' ? c + 32 : c;
	}
	if (el)
		out[n++] = '.';
	for (unsigned i = 0; i < el; i++) {
		uint8_t c = sfn_byte(ent, 8 + i);

		out[n++] = le && c >= 'A' && c <= 'Z' ? c + 32 : c;
	}
	return n;
}

void fat_sfn_string(const uint8_t *ent, char out[13])
{
	unsigned bl = base_len(ent), el = 3, n = 0;

	while (el > 0 && ent[8 + el - 1] == ' ')
		el--;
	for (unsigned i = 0; i < bl; i++)
		out[n++] = (char)sfn_byte(ent, i);
	if (el)
		out[n++] = '.';
	for (unsigned i = 0; i < el; i++)
		out[n++] = (char)sfn_byte(ent, 8 + i);
	out[n] = '\0';
}
