/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* time.c - timestamps: the caller's clock, DOS date/time fields.

   Layer: a leaf, used by file.c, ops.c, format.c.

   DOS dates count years from 1980 in 7 bits (to 2107), months and days
   from 1; times keep 2-second steps; creation time adds hundredths
   (0..199) in DIR_CrtTimeTenth.  Without a clock every stamp is
   1980-01-01 00:00:00, which keeps images reproducible.  */

#include "fat-int.h"

#define FAT_YEAR_MIN	1980
#define FAT_YEAR_MAX	2107
/* 1980-01-01 and 2107-12-31 23:59:59 in seconds since 1970.  */
#define UNIX_1980	315532800LL
#define UNIX_2108	4354819200LL

static const struct fat_datetime epoch = { FAT_YEAR_MIN, 1, 1, 0, 0, 0, 0 };

void fat_now(struct fat_volume *v, struct fat_datetime *dt)
{
	*dt = epoch;
	if (v->dev.now)
		v->dev.now(v->dev.ctx, dt);
	/* Keep whatever the clock said inside what DOS fields can hold.  */
	if (dt->year < FAT_YEAR_MIN || dt->month < 1 || dt->month > 12 ||
	    dt->day < 1 || dt->day > 31)
		*dt = epoch;
	if (dt->year > FAT_YEAR_MAX)
		dt->year = FAT_YEAR_MAX;
	if (dt->hour > 23 || dt->minute > 59 || dt->second > 59) {
		dt->hour = 0;
		dt->minute = 0;
		dt->second = 0;
	}
	if (dt->centi > 99)
		dt->centi = 0;
}

static uint16_t dos_date(const struct fat_datetime *dt)
{
	return (uint16_t)(((dt->year - FAT_YEAR_MIN) << 9) |
			  (dt->month << 5) | dt->day);
}

static uint16_t dos_time(const struct fat_datetime *dt)
{
	return (uint16_t)((dt->hour << 11) | (dt->minute << 5) |
			  (dt->second / 2));
}

void fat_stamp(struct fat_volume *v, uint8_t *raw, unsigned which)
{
	struct fat_datetime dt;

	fat_now(v, &dt);
	if (which & FAT_STAMP_CREATE) {
		raw[DIR_CRT_TENTH] = (uint8_t)(dt.second % 2 * 100 + dt.centi);
		put16(raw + DIR_CRT_TIME, dos_time(&dt));
		put16(raw + DIR_CRT_DATE, dos_date(&dt));
	}
	if (which & FAT_STAMP_WRITE) {
		put16(raw + DIR_WRT_TIME, dos_time(&dt));
		put16(raw + DIR_WRT_DATE, dos_date(&dt));
	}
	if (which & FAT_STAMP_ACCESS)
		put16(raw + DIR_ACC_DATE, dos_date(&dt));
}

static void unpack(uint16_t date, uint16_t time, struct fat_datetime *dt)
{
	dt->year = (uint16_t)(FAT_YEAR_MIN + (date >> 9));
	dt->month = (uint8_t)((date >> 5) & 0x0F);
	dt->day = (uint8_t)(date & 0x1F);
	dt->hour = (uint8_t)(time >> 11);
	dt->minute = (uint8_t)((time >> 5) & 0x3F);
	dt->second = (uint8_t)((time & 0x1F) * 2);
	dt->centi = 0;
}

void fat_stat_from_raw(const struct fat_volume *v, const uint8_t *raw,
		       struct fat_stat *st)
{
	uint8_t tenth = raw[DIR_CRT_TENTH];

	st->size = get32(raw + DIR_FILE_SIZE);
	st->first_cluster = dir_cluster(v, raw);
	st->attr = raw[DIR_ATTR];
	if (st->attr & FAT_ATTR_DIR)
		st->size = 0;
	unpack(get16(raw + DIR_CRT_DATE), get16(raw + DIR_CRT_TIME),
	       &st->ctime);
	if (tenth < 200) {
		st->ctime.second = (uint8_t)(st->ctime.second + tenth / 100);
		st->ctime.centi = tenth % 100;
	}
	unpack(get16(raw + DIR_WRT_DATE), get16(raw + DIR_WRT_TIME),
	       &st->mtime);
	unpack(get16(raw + DIR_ACC_DATE), 0, &st->atime);
}

/* Days since 1970-01-01 to a civil date (proleptic Gregorian), by
   400-year eras of 146097 days, years starting on 1 March.  */
static void civil(int64_t days, struct fat_datetime *dt)
{
	int64_t z = days + 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;
	int64_t month = mp < 10 ? mp + 3 : mp - 9;
	int64_t year = yoe + era * 400 + (month <= 2);

	dt->year = (uint16_t)year;
	dt->month = (uint8_t)month;
	dt->day = (uint8_t)(doy - (153 * mp + 2) / 5 + 1);
}

void fat_time_from_unix(int64_t secs, struct fat_datetime *dt)
{
	int64_t rem;

	if (secs < UNIX_1980)
		secs = UNIX_1980;
	if (secs >= UNIX_2108)
		secs = UNIX_2108 - 1;
	civil(secs / 86400, dt);
	rem = secs % 86400;
	dt->hour = (uint8_t)(rem / 3600);
	dt->minute = (uint8_t)(rem / 60 % 60);
	dt->second = (uint8_t)(rem % 60);
	dt->centi = 0;
}
