/* SPDX-License-Identifier: MIT */
/* Allocator extras beyond <stdlib.h> (glibc's <malloc.h>). */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <stdlib.h>

/*
 * Walk the whole heap and the free bins and check every invariant the
 * allocator relies on. Returns 0 when the heap is consistent, -1 otherwise
 * with a description in why (len bytes). Not in glibc: for tests and demos.
 */
int __libc_malloc_check(char *why, size_t len);

#endif
