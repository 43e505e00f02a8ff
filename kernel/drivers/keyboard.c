/* Copyright (C) 2026 Portix developers.  License GPLv3+: see COPYING. */
/* keyboard.c - PS/2 keyboard, scan code set 1, US layout (keyboard.h).

   Receives: the 8042 as the BIOS left it (keyboard enabled, scanning).
   Leaves:   controller configuration with IRQ 1 and translation on.
   State:    modifier keys held, Caps Lock, prefix bytes seen (E0, E1),
             the sink.  All of it changes only in the IRQ handler.  */

#include <stdbool.h>
#include <stdint.h>

#include "arch/x86_64/io.h"
#include "arch/x86_64/irq.h"
#include "arch/x86_64/pit.h"
#include "drivers/keyboard.h"
#include "klog.h"

#define KBC_DATA	0x60
#define KBC_STATUS	0x64
#define KBC_CMD		0x64
#define STATUS_OBF	0x01	/* output buffer full: a byte to read */
#define STATUS_IBF	0x02	/* input buffer full: busy */
#define CMD_READ_CONFIG	0x20
#define CMD_WRITE_CONFIG 0x60
#define CMD_PULSE_RESET	0xFE
#define CONFIG_KBD_IRQ	0x01
#define CONFIG_KBD_CLOCK_OFF 0x10
#define CONFIG_TRANSLATE 0x40
#define KBC_TIMEOUT_MS	50
#define KEYBOARD_IRQ	1

/* Set 1 make codes.  */
#define SC_LSHIFT	0x2A
#define SC_RSHIFT	0x36
#define SC_CTRL		0x1D
#define SC_CAPS		0x3A
#define SC_RELEASE	0x80
#define SC_PREFIX_E0	0xE0
#define SC_PREFIX_E1	0xE1

/* US layout, unshifted and shifted, for make codes 0x00-0x39.  */
static const char keymap[0x3A] = {
	0, 27, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=',
	'\b', '\t', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[',
	']', '\r', 0, 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';',
	'\'', '`', 0, '\\', 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.',
	'/', 0, '*', 0, ' ',
};

static const char keymap_shift[0x3A] = {
	0, 27, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+',
	'\b', '\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{',
	'}', '\r', 0, 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':',
	'"', '~', 0, '|', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>',
	'?', 0, '*', 0, ' ',
};

static void (*sink)(char c);
static bool shift_l, shift_r, ctrl, caps;
static bool e0;
static unsigned int e1_left;	/* bytes of a Pause sequence to skip */

static bool status_has(void *mask)
{
	return inb(KBC_STATUS) & *(uint8_t *)mask;
}

static bool status_lacks(void *mask)
{
	return !status_has(mask);
}

static bool kbc_write(uint16_t port, uint8_t val)
{
	uint8_t ibf = STATUS_IBF;

	if (!timer_poll(status_lacks, &ibf, KBC_TIMEOUT_MS))
		return false;
	outb(port, val);
	return true;
}

static int kbc_read(void)
{
	uint8_t obf = STATUS_OBF;

	if (!timer_poll(status_has, &obf, KBC_TIMEOUT_MS))
		return -1;
	return inb(KBC_DATA);
}

static void emit(const char *s)
{
	while (*s)
		sink(*s++);
}

/* A key after an E0 prefix: the grey navigation keys.  */
static void extended_key(uint8_t code)
{
	switch (code) {
	case 0x48: emit("\033[A"); break;	/* up */
	case 0x50: emit("\033[B"); break;	/* down */
	case 0x4D: emit("\033[C"); break;	/* right */
	case 0x4B: emit("\033[D"); break;	/* left */
	case 0x47: emit("\033[H"); break;	/* home */
	case 0x4F: emit("\033[F"); break;	/* end */
	case 0x53: emit("\033[3~"); break;	/* delete */
	case 0x1C: sink('\r'); break;		/* keypad enter */
	case 0x35: sink('/'); break;		/* keypad slash */
	}
}

static void plain_key(uint8_t code)
{
	bool shift = shift_l || shift_r;
	char c;

	if (code >= sizeof(keymap))
		return;
	c = shift ? keymap_shift[code] : keymap[code];
	if (!c)
		return;
	if (caps && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		c ^= 0x20;
	if (ctrl && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
		c &= 0x1F;
	sink(c);
}

static void keyboard_irq(void)
{
	uint8_t code = inb(KBC_DATA);
	bool release = code & SC_RELEASE;
	bool ext = e0;

	if (e1_left) {
		e1_left--;
		return;
	}
	if (code == SC_PREFIX_E0) {
		e0 = true;
		return;
	}
	if (code == SC_PREFIX_E1) {
		e1_left = 5;		/* Pause: E1 1D 45 E1 9D C5 */
		return;
	}
	e0 = false;
	code &= ~SC_RELEASE;
	if (code == SC_CTRL) {
		ctrl = !release;
		return;
	}
	if (ext) {
		if (!release)
			extended_key(code);
		return;
	}
	if (code == SC_LSHIFT) {
		shift_l = !release;
	} else if (code == SC_RSHIFT) {
		shift_r = !release;
	} else if (code == SC_CAPS) {
		if (!release)
			caps = !caps;
	} else if (!release) {
		plain_key(code);
	}
}

bool keyboard_init(void (*input)(char c))
{
	int config, n;

	if (inb(KBC_STATUS) == 0xFF)
		return false;		/* nothing decodes the port */
	/* Drop stale bytes (at most a FIFO's worth).  */
	for (n = 0; n < 16 && (inb(KBC_STATUS) & STATUS_OBF); n++)
		inb(KBC_DATA);
	if (!kbc_write(KBC_CMD, CMD_READ_CONFIG) || (config = kbc_read()) < 0) {
		klog(KLOG_WARN, "keyboard: 8042 does not answer");
		return false;
	}
	config |= CONFIG_KBD_IRQ | CONFIG_TRANSLATE;
	config &= ~CONFIG_KBD_CLOCK_OFF;
	sink = input;
	if (!kbc_write(KBC_CMD, CMD_WRITE_CONFIG) ||
	    !kbc_write(KBC_DATA, (uint8_t)config)) {
		klog(KLOG_WARN, "keyboard: cannot configure the 8042");
		return false;
	}
	irq_register(KEYBOARD_IRQ, keyboard_irq);
	klog(KLOG_INFO, "keyboard: PS/2, scan code set 1, US layout");
	return true;
}

void keyboard_reset_cpu(void)
{
	kbc_write(KBC_CMD, CMD_PULSE_RESET);
}
