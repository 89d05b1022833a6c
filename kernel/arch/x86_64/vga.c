// SPDX-License-Identifier: MIT
/*
 * The VGA text screen (80x25 at physical 0xb8000): a mirror of the
 * console for people who run QEMU with a display. Scrolls at the bottom.
 */
#include <linux/console.h>
#include <linux/string.h>
#include <asm/page.h>

#define VGA_COLUMNS	80
#define VGA_ROWS	25
#define VGA_ATTRIBUTE	0x0700	/* light grey on black */

static u16 *vga_buffer;
static unsigned int cursor_column, cursor_row;

/* Move the cursor to the next row, scrolling the screen up one row at the bottom. */
static void vga_newline(void)
{
	cursor_column = 0;
	if (++cursor_row < VGA_ROWS)
		return;
	memmove(vga_buffer, vga_buffer + VGA_COLUMNS, (VGA_ROWS - 1) * VGA_COLUMNS * 2);
	for (int i = 0; i < VGA_COLUMNS; i++)
		vga_buffer[(VGA_ROWS - 1) * VGA_COLUMNS + i] = VGA_ATTRIBUTE | ' ';
	cursor_row = VGA_ROWS - 1;
}

/* The console's write: @length bytes of @text, handling "\n", "\r" and "\b". */
static void vga_write(const char *text, size_t length)
{
	for (size_t i = 0; i < length; i++) {
		char c = text[i];

		if (c == '\n') {
			vga_newline();
		} else if (c == '\r') {
			cursor_column = 0;
		} else if (c == '\b') {
			if (cursor_column)
				cursor_column--;
		} else {
			vga_buffer[cursor_row * VGA_COLUMNS + cursor_column] = VGA_ATTRIBUTE | (u8)c;
			if (++cursor_column == VGA_COLUMNS)
				vga_newline();
		}
	}
}

static struct console vga_console = { .name = "tty0", .write = vga_write };

/* Clear the text screen at 0xb8000 and register it as a console. */
void vga_init(void)
{
	vga_buffer = __va(0xb8000);
	for (int i = 0; i < VGA_COLUMNS * VGA_ROWS; i++)
		vga_buffer[i] = VGA_ATTRIBUTE | ' ';
	register_console(&vga_console);
}
