/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* serial.c - 16550A driver for COM1: polled output, interrupt input.

   Receives: nothing about the UART's state (the BIOS and stage 2 may
   have used it at any speed).  serial_init() leaves it at 115200 8N1,
   FIFOs on, UART interrupts off, DTR/RTS/OUT2 asserted;
   serial_start_input() then turns on the receive interrupt (IRQ 4).
   Input that arrived before that is kept, not flushed.
   State: the input sink, a byte read during init, whether the
   transmitter has stalled, how many bytes the transmit FIFO still
   takes.  Register names follow the 16550A data
   sheet.  */

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86_64/cpu.h"
#include "arch/x86_64/io.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pit.h"
#include "drivers/serial.h"

#define UART_RBR 0	/* receive buffer (read, DLAB=0) */
#define UART_THR 0	/* transmit holding (write, DLAB=0) */
#define UART_DLL 0	/* divisor latch low (DLAB=1) */
#define UART_IER 1	/* interrupt enable (DLAB=0) */
#define UART_DLM 1	/* divisor latch high (DLAB=1) */
#define UART_IIR 2	/* interrupt identification (read) */
#define UART_FCR 2	/* FIFO control (write) */
#define UART_LCR 3	/* line control */
#define UART_MCR 4	/* modem control */
#define UART_LSR 5	/* line status */
#define UART_SCR 7	/* scratch */

#define IER_RX_AVAILABLE 0x01	/* received data available interrupt */
#define SERIAL_IRQ	4

#define LCR_8N1		0x03
#define LCR_DLAB	0x80
/* Enable FIFOs with the receive trigger at 14 bytes, and clear both
   FIFOs, or only the transmit one.  */
#define FCR_ENABLE_CLEAR_ALL	0xC7
#define FCR_ENABLE_CLEAR_TX	0xC5
#define IIR_FIFO_ON	0xC0
#define MCR_DTR		0x01
#define MCR_RTS		0x02
#define MCR_OUT2	0x08	/* gates the UART IRQ line to the PIC */
#define LSR_DR		0x01	/* data ready */
#define LSR_THRE	0x20	/* transmit holding register empty */
#define LSR_TEMT	0x40	/* transmitter completely empty */

/* The 16550A's transmit FIFO, in bytes.  */
#define UART_TX_FIFO_SIZE 16

/* The UART's input clock divided by 16.  */
#define UART_BASE_BAUD	115200

/* How long to wait for the transmitter: a byte takes 87 us at
   115200 baud and the FIFO holds 16, so a working UART never gets near
   this; a wedged one is given up on (see stalled).  */
#define TX_TIMEOUT_MS	50

/* Arbitrary byte for the presence check.  */
#define SCRATCH_PROBE	0xAE

/* A byte received before serial_init(), or -1.  */
static int pending = -1;
/* Where received bytes go, once serial_start_input() ran.  */
static void (*input_sink)(char c);
/* The transmitter timed out once: stop waiting for it, so a dead UART
   costs one timeout, not one per character.  */
static bool stalled;
/* Bytes the transmitter takes before LSR must be read again: THRE means
   its FIFO (or, without FIFOs, its holding register) is empty.  */
static unsigned int tx_size = 1, tx_room;

static inline void uart_out(unsigned int reg, uint8_t val)
{
	outb(SERIAL_COM1_PORT + reg, val);
}

static inline uint8_t uart_in(unsigned int reg)
{
	return inb(SERIAL_COM1_PORT + reg);
}

static bool lsr_has(void *mask)
{
	return uart_in(UART_LSR) & *(uint8_t *)mask;
}

/* Wait until LSR has any bit of MASK set; false on timeout.  */
static bool wait_lsr(uint8_t mask)
{
	if (stalled)
		return lsr_has(&mask);
	if (!timer_poll(lsr_has, &mask, TX_TIMEOUT_MS))
		stalled = true;
	return !stalled;
}

bool serial_init(void)
{
	uint16_t divisor = UART_BASE_BAUD / SERIAL_BAUD;
	bool fifo_was_on;

	/* Presence: the scratch register of a 16450/16550 keeps what is
	   written to it; an empty port reads back 0xFF.  (A loopback test
	   would also work, but it would mix with input already queued.)  */
	uart_out(UART_SCR, SCRATCH_PROBE);
	if (uart_in(UART_SCR) != SCRATCH_PROBE)
		return false;

	uart_out(UART_LCR, LCR_8N1);	/* DLAB off: IER, RBR reachable */
	uart_out(UART_IER, 0);
	fifo_was_on = (uart_in(UART_IIR) & IIR_FIFO_ON) == IIR_FIFO_ON;
	/* Without FIFOs the UART holds one received byte, and turning the
	   FIFOs on would flush it: keep it for serial_poll_getc().  */
	if (!fifo_was_on && (uart_in(UART_LSR) & LSR_DR))
		pending = uart_in(UART_RBR);

	uart_out(UART_LCR, LCR_DLAB);
	uart_out(UART_DLL, divisor & 0xFF);
	uart_out(UART_DLM, divisor >> 8);
	uart_out(UART_LCR, LCR_8N1);
	/* Keep bytes already received in the FIFO.  */
	if (fifo_was_on)
		uart_out(UART_FCR, FCR_ENABLE_CLEAR_TX);
	else
		uart_out(UART_FCR, FCR_ENABLE_CLEAR_ALL);
	uart_out(UART_MCR, MCR_DTR | MCR_RTS | MCR_OUT2);
	if ((uart_in(UART_IIR) & IIR_FIFO_ON) == IIR_FIFO_ON)
		tx_size = UART_TX_FIFO_SIZE;
	return true;
}

void serial_putc(char c)
{
	/* One LSR read per FIFO-full of bytes, not one per byte.  */
	if (!tx_room) {
		wait_lsr(LSR_THRE);
		tx_room = tx_size;
	}
	tx_room--;
	uart_out(UART_THR, (uint8_t)c);
}

void serial_flush(void)
{
	wait_lsr(LSR_TEMT);
}

int serial_poll_getc(void)
{
	int c;

	if (pending >= 0) {
		c = pending;
		pending = -1;
		return c;
	}
	if (!(uart_in(UART_LSR) & LSR_DR))
		return -1;
	return uart_in(UART_RBR);
}

/* IRQ 4: drain the receive FIFO into the sink.  */
static void serial_irq(void)
{
	int c;

	while ((c = serial_poll_getc()) >= 0)
		input_sink((char)c);
}

void serial_start_input(void (*sink)(char c))
{
	input_sink = sink;
	irq_register(SERIAL_IRQ, serial_irq);
	uart_out(UART_IER, IER_RX_AVAILABLE);
	/* Bytes that came before the interrupt was on raised none.  */
	serial_irq();
}
