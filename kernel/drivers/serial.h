/* serial.h - COM1 (16550A UART), polled.

   serial_init() checks that a UART answers at COM1 and programs it for
   115200 baud 8N1 with FIFOs; it returns false (and the other calls
   must then not be used) if none answers.  Output and input are
   polled with bounded waits; the UART's interrupt stays disabled
   (issue 3 makes input interrupt-driven).  No '\n' translation here:
   console.c does that.  Not reentrant; interrupts are off while the
   kernel uses it.  */

#ifndef DRIVERS_SERIAL_H
#define DRIVERS_SERIAL_H

#include <stdbool.h>

#define SERIAL_COM1_PORT 0x3F8
#define SERIAL_BAUD 115200

/* Returns true if a working UART is at SERIAL_COM1_PORT.  */
bool serial_init(void);

void serial_putc(char c);

/* Wait until the transmitter is empty (shift register included).  */
void serial_flush(void);

/* A received byte (0-255), or -1 if none is waiting.  */
int serial_poll_getc(void);

#endif /* DRIVERS_SERIAL_H */
