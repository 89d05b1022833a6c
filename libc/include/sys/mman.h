/* SPDX-License-Identifier: MIT */
/*
 * Memory mappings: mmap, munmap, mprotect, mremap, madvise, mincore. The
 * PROT_, MAP_, MREMAP_ and MADV_ values come from the user-API header the
 * kernel also uses (include/uapi/linux/mman.h).
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <linux/mman.h>

#define MAP_ANON	MAP_ANONYMOUS
#define MAP_FAILED	((void *)-1)

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset);
int munmap(void *addr, size_t length);
int mprotect(void *addr, size_t length, int prot);
/* Resize or move a mapping; with MREMAP_FIXED the fifth argument is the new address. */
void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...);
int madvise(void *addr, size_t length, int advice);
/* One byte per page of [addr, addr + length): bit 0 set if the page is resident. */
int mincore(void *addr, size_t length, unsigned char *vec);

#endif
