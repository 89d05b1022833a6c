// SPDX-License-Identifier: MIT
/*
 * echo - writes its arguments separated by spaces and a newline; with -n
 * as first argument, no newline. No backslash escapes (like bash's echo).
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	bool newline = true;
	int first = 1;

	if (argc > 1 && !strcmp(argv[1], "-n")) {
		newline = false;
		first = 2;
	}
	for (int i = first; i < argc; i++) {
		if (i > first)
			putchar(' ');
		fputs(argv[i], stdout);
	}
	if (newline)
		putchar('\n');
	return fflush(stdout) ? 1 : 0;
}
