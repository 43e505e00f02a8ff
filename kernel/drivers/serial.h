/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* serial.h - COM1 (16550A UART).

   serial_init() checks that a UART answers at COM1 and programs it for
   115200 baud 8N1 with FIFOs; it returns false (and the other calls
   must then not be used) if none answers.  Output is polled, each wait
   bounded by the timer (pit.h), so it works with interrupts off (in
   exception reports too).  Input is interrupt-driven once
   serial_start_input() (after irq_init()) has named where received
   bytes go; the sink runs in IRQ context.  No '\n' translation here:
   console.c does that.  Output is not reentrant: IRQ handlers do not
   print.  */

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

/* A received byte (0-255), or -1 if none is waiting.  Only before
   serial_start_input().  */
int serial_poll_getc(void);

/* Deliver every received byte to SINK from IRQ 4 from now on.  */
void serial_start_input(void (*sink)(char c));

#endif /* DRIVERS_SERIAL_H */
