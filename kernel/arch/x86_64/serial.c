// SPDX-License-Identifier: MIT
/*
 * The 16550 UART on COM1 (0x3f8), 115200 baud 8N1: the main console.
 * Output is polled (wait for the transmit register to empty); input
 * arrives by IRQ 4, one interrupt per byte, and goes to the tty; while
 * the tty is full it stays in the UART (and QEMU), taken when the tty
 * calls serial_unthrottle.
 *
 * The FIFOs stay off. Turning them on clears the receive side (a 16550
 * and QEMU's model both do), and a key typed while GRUB ran is already
 * waiting in the receive register then: it would be lost. Without the
 * FIFO the UART holds one byte and QEMU holds back the rest until that
 * byte is read, so nothing typed from power-on is dropped.
 */
#include <linux/console.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <asm/irq.h>

#define COM1		0x3f8
#define UART_DATA	0	/* receive/transmit; divisor low with DLAB */
#define UART_IER	1	/* interrupt enable; divisor high with DLAB */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */
#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_LSR_DR	0x01	/* data ready */
#define UART_LSR_THRE	0x20	/* transmit holding register empty */
#define UART_IER_RDI	0x01	/* interrupt on received data */
#define UART_MCR_DTR_RTS_OUT2 0x0b	/* OUT2 gates the IRQ line on PCs */

/* Send one byte on COM1, waiting for the transmitter to be free. */
static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		;
	outb(c, COM1 + UART_DATA);
}

/* The console's write: @length bytes of @text, "\n" sent as "\r\n". */
static void serial_write(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++) {
		if (text[i] == '\n')
			serial_putc('\r');
		serial_putc(text[i]);
	}
}

/* Move received bytes to the tty while it has room (interrupts off). */
static void serial_receive_chars(void)
{
	while ((inb(COM1 + UART_LSR) & UART_LSR_DR) && tty_receive_room())
		tty_receive_char(inb(COM1 + UART_DATA));
}

/* IRQ 4: a byte was received. */
static void serial_interrupt(unsigned int irq, struct pt_regs *regs)
{
	serial_receive_chars();
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_write,
	.unthrottle = serial_receive_chars,
};

/* Program the UART and register it as a console; input starts with serial_enable_input(). */
void serial_init(void)
{
	outb(0, COM1 + UART_IER);
	outb(UART_LCR_DLAB, COM1 + UART_LCR);
	outb(1, COM1 + UART_DATA);		/* divisor 1: 115200 baud */
	outb(0, COM1 + UART_IER);
	outb(UART_LCR_8N1, COM1 + UART_LCR);
	outb(UART_MCR_DTR_RTS_OUT2, COM1 + UART_MCR);
	register_console(&serial_console);
}

/* Route IRQ 4 to the tty (after the PIC is set up). */
void serial_enable_input(void)
{
	request_irq(IRQ_COM1, serial_interrupt);
	outb(UART_IER_RDI, COM1 + UART_IER);
	serial_receive_chars();		/* what was typed during boot */
}
