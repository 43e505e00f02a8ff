/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* rtc.c - read the CMOS real-time clock.

   The clock's registers change once a second; while status register A's
   update-in-progress bit is set they are not to be read.  Values are BCD
   unless status register B says binary, and hours may be 12-hour with
   bit 7 for PM.  The century register is not standard (ACPI's FADT names
   it, when there is one), so years 00..79 are taken as 2000..2079.  */

#include <stdbool.h>
#include <stddef.h>

#include "arch/x86_64/io.h"
#include "arch/x86_64/pit.h"
#include "drivers/rtc.h"

#define CMOS_INDEX	0x70
#define CMOS_DATA	0x71

#define REG_SECONDS	0x00
#define REG_MINUTES	0x02
#define REG_HOURS	0x04
#define REG_DAY		0x07
#define REG_MONTH	0x08
#define REG_YEAR	0x09
#define REG_STATUS_A	0x0A
#define REG_STATUS_B	0x0B

#define STATUS_A_UIP	0x80	/* update in progress */
#define STATUS_B_24H	0x02
#define STATUS_B_BINARY	0x04
#define HOURS_PM	0x80

/* An update takes under 2 ms; a second is plenty.  */
#define RTC_SETTLE_MS	1000
/* Readings that disagree this often mean a clock that keeps changing.  */
#define RTC_TRIES	5

/* Bit 7 of the index port masks NMI: keep it clear.  */
static uint8_t cmos_read(uint8_t reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

static bool update_done(void *arg)
{
	(void)arg;
	return !(cmos_read(REG_STATUS_A) & STATUS_A_UIP);
}

static void read_raw(struct rtc_time *t)
{
	t->second = cmos_read(REG_SECONDS);
	t->minute = cmos_read(REG_MINUTES);
	t->hour = cmos_read(REG_HOURS);
	t->day = cmos_read(REG_DAY);
	t->month = cmos_read(REG_MONTH);
	t->year = cmos_read(REG_YEAR);
}

static bool same(const struct rtc_time *a, const struct rtc_time *b)
{
	return a->second == b->second && a->minute == b->minute &&
	       a->hour == b->hour && a->day == b->day &&
	       a->month == b->month && a->year == b->year;
}

static uint8_t from_bcd(uint8_t v)
{
	return (uint8_t)((v >> 4) * 10 + (v & 0x0F));
}

int rtc_read(struct rtc_time *t)
{
	struct rtc_time again;
	uint8_t status_b, pm;
	int i;

	for (i = 0; i < RTC_TRIES; i++) {
		if (!timer_poll(update_done, NULL, RTC_SETTLE_MS))
			return -1;
		read_raw(t);
		if (!timer_poll(update_done, NULL, RTC_SETTLE_MS))
			return -1;
		read_raw(&again);
		if (same(t, &again))
			break;
	}
	if (i == RTC_TRIES)
		return -1;

	status_b = cmos_read(REG_STATUS_B);
	pm = t->hour & HOURS_PM;
	t->hour &= (uint8_t)~HOURS_PM;
	if (!(status_b & STATUS_B_BINARY)) {
		t->second = from_bcd(t->second);
		t->minute = from_bcd(t->minute);
		t->hour = from_bcd(t->hour);
		t->day = from_bcd(t->day);
		t->month = from_bcd(t->month);
		t->year = from_bcd((uint8_t)t->year);
	}
	/* 12-hour clock: 12 AM is hour 0, 12 PM is hour 12.  */
	if (!(status_b & STATUS_B_24H))
		t->hour = (uint8_t)(t->hour % 12 + (pm ? 12 : 0));
	t->year = (uint16_t)(t->year + (t->year < 80 ? 2000 : 1900));
	return 0;
}
