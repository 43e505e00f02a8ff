/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* rtc.h - the CMOS real-time clock (MC146818-compatible, ports 0x70/71).

   rtc_read() returns the wall-clock time the firmware keeps (QEMU: UTC
   unless -rtc says otherwise), for file timestamps.  It waits out an
   update in progress, bounded by the PIT (timer_poll), and reads until
   two readings agree.  Returns 0, or -1 when the clock never settles.
   Layers: above the port I/O of arch/x86_64/io.h; used by fs/mount.c.  */

#ifndef DRIVERS_RTC_H
#define DRIVERS_RTC_H

#include <stdint.h>

struct rtc_time {
	uint16_t year;		/* e.g. 2026 */
	uint8_t month;		/* 1..12 */
	uint8_t day;		/* 1..31 */
	uint8_t hour;		/* 0..23 */
	uint8_t minute;		/* 0..59 */
	uint8_t second;		/* 0..59 */
};

int rtc_read(struct rtc_time *t);

#endif /* DRIVERS_RTC_H */
