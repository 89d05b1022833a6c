// SPDX-License-Identifier: MIT
/*
 * tty_test - what was typed on the console before this program ran
 * (typeahead) reaches its reads whole, in order and byte for byte.
 *
 * tests/user/tty.test types tests/user/typeahead.txt from the moment QEMU
 * starts, long before this program (init) reads; the file is made by the
 * same rules as expected_line() below (scripts/make-typeahead writes it):
 *   - LINES lines "NNN " + 75 printable characters, more than the tty's
 *     4096-byte buffer holds: the rest must wait (the tty throttles the
 *     serial port) and still arrive;
 *   - "END";
 *   - one line of LONG_LINE characters: the tty keeps the first 4095 of
 *     it and its newline, and drops the rest, as Linux's n_tty does;
 *   - Ctrl-D (end of input: one read returns 0, in its place);
 *   - "ab", backspace, "c": the tty edits the line to "ac";
 *   - "after".
 * Echo is turned off first, so that what arrives later does not mix with
 * the results.
 */
#include <termios.h>
#include "test.h"

#define LINES		100
#define LINE_CHARS	75
#define LONG_LINE	5000
#define N_TTY_LINE_MAX	4095	/* N_TTY_BUF_SIZE - 1: the longest line the tty keeps */

static char line[8192];

/* The next line of standard input, read by read(2) until its newline; its length, or -1. */
static long next_line(void)
{
	long length = 0;

	while (length < (long)sizeof(line)) {
		long n = read(0, line + length, sizeof(line) - length);

		if (n <= 0)
			return length ? length : n;
		length += n;
		if (line[length - 1] == '\n')
			return length;
	}
	return length;
}

/* Character @j of typed line @i (printable, never a character the tty treats specially). */
static char pattern_char(int i, int j)
{
	return 0x21 + (i * 7 + j * 13) % 94;
}

/* Typed line @i as the program must read it, with its newline; its length. */
static int expected_line(int i, char *buf)
{
	int n = snprintf(buf, 8, "%03d ", i);

	for (int j = 0; j < LINE_CHARS; j++)
		buf[n++] = pattern_char(i, j);
	buf[n++] = '\n';
	return n;
}

static void check_line(const char *want, long want_length, const char *name)
{
	long length = next_line();

	check(length == want_length && !memcmp(line, want, want_length), name);
}

static void check_long_line(void)
{
	long length = next_line();
	int same = length == N_TTY_LINE_MAX + 1 && line[N_TTY_LINE_MAX] == '\n';

	for (int j = 0; same && j < N_TTY_LINE_MAX; j++)
		same = line[j] == pattern_char(LINES, j);
	check(same, "a line of 5000 characters keeps its first 4095 and its newline");
	if (!same)
		test_print("# read %ld bytes\n", length);
}

int main(void)
{
	struct termios t;
	char want[128], name[64];

	if (tcgetattr(0, &t) == 0) {
		t.c_lflag &= ~ECHO;
		tcsetattr(0, TCSANOW, &t);
	}
	test_print("\n");	/* the echo of what came during boot ends mid-line */
	test_plan(LINES + 5);
	for (int i = 0; i < LINES; i++) {
		snprintf(name, sizeof(name), "typeahead line %d arrives whole", i);
		check_line(want, expected_line(i, want), name);
	}
	check_line("END\n", 4, "END follows the lines, in order");
	check_long_line();
	check(next_line() == 0, "Ctrl-D: one read returns 0 at its place");
	check_line("ac\n", 3, "backspace edits the typed line");
	check_line("after\n", 6, "input goes on after end of input");
	return test_exit_status();
}
