/* SPDX-License-Identifier: MIT */
/*
 * Random bytes (kernel/random.c). NOT a cryptographic source: a
 * xorshift generator stirred with the time-stamp counter. Good enough for
 * AT_RANDOM's stack-protector canary and getrandom's callers in a
 * teaching kernel; never for keys.
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

/* Fill @buf with @len pseudo-random bytes. */
void get_random_bytes(void *buf, size_t len);

#endif
