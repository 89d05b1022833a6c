/* SPDX-License-Identifier: MIT */
/*
 * The memory-mapping ABI (Linux's include/uapi/linux/mman.h): mremap's
 * flags and mmap's mapping types, with asm-generic/mman.h's flags, prot
 * values and madvise advice. Included by the kernel and the libc
 * (-Iinclude/uapi).
 */
#ifndef _UAPI_LINUX_MMAN_H
#define _UAPI_LINUX_MMAN_H

#include <asm-generic/mman.h>

/* flags argument of mremap */
#define MREMAP_MAYMOVE		1	/* the mapping may move to grow */
#define MREMAP_FIXED		2	/* move it to new_address (needs MREMAP_MAYMOVE) */
#define MREMAP_DONTUNMAP	4	/* move, leaving the old range mapped and empty */

/* the mapping type in mmap's flags (MAP_TYPE) */
#define MAP_SHARED		0x01	/* changes are shared */
#define MAP_PRIVATE		0x02	/* changes are private (copy-on-write) */
#define MAP_SHARED_VALIDATE	0x03	/* MAP_SHARED, unknown flags refused */

#endif
