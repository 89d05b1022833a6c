// SPDX-License-Identifier: MIT
/* KTAP suite `vga`: what printk prints also appears on the VGA text screen. */
#include <kunit/test.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/page.h>

#define VGA_COLUMNS	80
#define VGA_ROWS	25

/* Does row @row of the text screen start with @text? */
static bool screen_row_starts_with(int row, const char *text)
{
	const u16 *screen = __va(0xb8000);

	for (int column = 0; text[column]; column++)
		if ((screen[row * VGA_COLUMNS + column] & 0xff) != (u8)text[column])
			return false;
	return true;
}

static void vga_mirrors_printk(struct kunit *test)
{
	const char *line = "vga mirror check: 4711";
	int found = -1;

	printk(KERN_INFO "%s\n", line);
	for (int row = 0; row < VGA_ROWS; row++)
		if (screen_row_starts_with(row, line))
			found = row;
	KUNIT_EXPECT_GE(test, found, 0);
	/* and in the colours set for the console: light grey on black */
	if (found >= 0)
		KUNIT_EXPECT_EQ(test, ((const u16 *)__va(0xb8000))[found * VGA_COLUMNS] >> 8, 0x07);
}

static void vga_scrolls(struct kunit *test)
{
	/* more lines than the screen holds: the last one is on the next-to-last row */
	for (int i = 0; i < VGA_ROWS + 3; i++)
		printk(KERN_INFO "vga scroll line %d\n", i);
	KUNIT_EXPECT_TRUE(test, screen_row_starts_with(VGA_ROWS - 2, "vga scroll line 27"));
	KUNIT_EXPECT_TRUE(test, screen_row_starts_with(VGA_ROWS - 3, "vga scroll line 26"));
}

static struct kunit_case vga_cases[] = {
	KUNIT_CASE(vga_mirrors_printk),
	KUNIT_CASE(vga_scrolls),
	{}
};

static struct kunit_suite vga_suite = {
	.name = "vga",
	.test_cases = vga_cases,
};
kunit_test_suite(vga_suite);
