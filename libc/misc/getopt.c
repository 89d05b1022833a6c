// SPDX-License-Identifier: MIT
/* POSIX getopt: short options, "x:" for an argument, a leading ':' for quiet errors. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

int getopt(int argc, char *const argv[], const char *optstring)
{
	static int next = 1;	/* position inside the current argv word */
	const char *spec;
	char c;

	if (optind >= argc || !argv[optind] || argv[optind][0] != '-' || !argv[optind][1])
		return -1;
	if (!strcmp(argv[optind], "--")) {
		optind++;
		return -1;
	}
	if (next < 1)
		next = 1;
	c = argv[optind][next++];
	spec = strchr(optstring, c);
	optopt = c;
	if (!argv[optind][next]) {
		optind++;
		next = 1;
	}
	if (!spec || c == ':') {
		if (opterr && optstring[0] != ':')
			fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
		return '?';
	}
	if (spec[1] != ':')
		return c;
	if (next > 1) {
		/* the rest of this word is the argument */
		optarg = argv[optind++] + next;
		next = 1;
		return c;
	}
	if (optind >= argc) {
		if (optstring[0] == ':')
			return ':';
		if (opterr)
			fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
		return '?';
	}
	optarg = argv[optind++];
	return c;
}
