// SPDX-License-Identifier: MIT
/*
 * sleep - waits N seconds (nanosleep); N may have a fraction ("0.5").
 * Exit status 1 on a bad argument.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <time.h>

/* parse_seconds - "S" or "S.F" into ts. Returns 0, or -1 if s is not such a number. */
static int parse_seconds(const char *s, struct timespec *ts)
{
	long nanoseconds = 0, scale = 100000000;

	ts->tv_sec = 0;
	if (!isdigit((unsigned char)*s) && !(*s == '.' && isdigit((unsigned char)s[1])))
		return -1;
	for (; isdigit((unsigned char)*s); s++) {
		if (ts->tv_sec > 100000000)	/* over three years: surely a typo */
			return -1;
		ts->tv_sec = ts->tv_sec * 10 + (*s - '0');
	}
	if (*s == '.') {
		for (s++; isdigit((unsigned char)*s); s++) {
			nanoseconds += (*s - '0') * scale;
			scale /= 10;
		}
	}
	ts->tv_nsec = nanoseconds;
	return *s ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct timespec request, remaining;

	if (argc != 2) {
		fprintf(stderr, "usage: sleep SECONDS\n");
		return 1;
	}
	if (parse_seconds(argv[1], &request) < 0) {
		fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[1]);
		return 1;
	}
	while (nanosleep(&request, &remaining) < 0) {
		if (errno != EINTR) {
			perror("sleep");
			return 1;
		}
		request = remaining;
	}
	return 0;
}
