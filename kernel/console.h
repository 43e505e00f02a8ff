/* console.h - where kernel text goes, and where shell input comes from.

   The console fans output out to every enabled device and takes input
   from the first one that has some.  Today the only device is COM1
   (when built with PORTIX_WITH_SERIAL and not disabled by the boot
   loader); issue 3 adds the VGA text screen and the keyboard.
   Layers: kprintf and the shell sit above; drivers/serial.c below.
   Before console_init() output is dropped.  */

#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

/* Bring up the console devices.  USE_SERIAL false keeps COM1 silent
   (boot-info flag PORTIX_BI_FLAG_NO_SERIAL).  */
void console_init(bool use_serial);

/* Write one character / LEN characters; '\n' becomes "\r\n" on serial.  */
void console_putc(char c);
void console_write(const char *s, size_t len);

/* Wait until everything written so far has left the devices.  */
void console_flush(void);

/* True when some device can deliver input (else console_getc() would
   wait forever).  */
bool console_has_input(void);

/* Next input byte, waiting for it (polled).  */
int console_getc(void);

#endif /* KERNEL_CONSOLE_H */
