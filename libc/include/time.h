/* SPDX-License-Identifier: MIT */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>

#define CLOCK_REALTIME		0
#define CLOCK_MONOTONIC		1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	3
#define CLOCKS_PER_SEC		1000000L

typedef long clock_t;

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

int clock_gettime(clockid_t clock, struct timespec *ts);
int nanosleep(const struct timespec *request, struct timespec *remaining);
time_t time(time_t *out);
clock_t clock(void);

#endif
