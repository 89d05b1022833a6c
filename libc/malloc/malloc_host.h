/* SPDX-License-Identifier: MIT */
/*
 * Host-test build of libc/malloc/malloc.c (-DLIBC_HOST_TEST): the allocator
 * keeps its code but takes these names, so it lives beside glibc's malloc
 * in one program, and it gets its memory from the test's fake break and
 * fake mmap instead of the kernel.
 */
#ifndef _LIBC_MALLOC_HOST_H
#define _LIBC_MALLOC_HOST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

void *libc_test_malloc(size_t size);
void libc_test_free(void *ptr);
void *libc_test_calloc(size_t count, size_t size);
void *libc_test_realloc(void *ptr, size_t size);
void *libc_test_aligned_alloc(size_t alignment, size_t size);
int libc_test_posix_memalign(void **memptr, size_t alignment, size_t size);
void *libc_test_memalign(size_t alignment, size_t size);
size_t libc_test_malloc_usable_size(void *ptr);
int libc_test_malloc_check(char *why, size_t len);

/* Provided by the test: a break over a fixed arena, and counted mmap/munmap. */
void *fake_sbrk(intptr_t increment);
void *fake_mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int fake_munmap(void *addr, size_t length);

#endif
