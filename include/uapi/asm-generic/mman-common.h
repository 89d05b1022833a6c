/* SPDX-License-Identifier: MIT */
/*
 * mmap, mprotect and madvise values shared by every architecture (Linux's
 * include/uapi/asm-generic/mman-common.h). Included by the kernel and the
 * libc (-Iinclude/uapi), through <linux/mman.h> or <asm-generic/mman.h>.
 */
#ifndef _UAPI_ASM_GENERIC_MMAN_COMMON_H
#define _UAPI_ASM_GENERIC_MMAN_COMMON_H

/* prot argument of mmap and mprotect */
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4
#define PROT_SEM	0x8
#define PROT_NONE	0x0
#define PROT_GROWSDOWN	0x01000000	/* mprotect: extend down to the start of a growsdown VMA */
#define PROT_GROWSUP	0x02000000

/* flags argument of mmap (MAP_SHARED, MAP_PRIVATE: <linux/mman.h>) */
#define MAP_TYPE		0x0f
#define MAP_FIXED		0x10
#define MAP_ANONYMOUS		0x20
#define MAP_POPULATE		0x008000
#define MAP_NONBLOCK		0x010000
#define MAP_STACK		0x020000
#define MAP_HUGETLB		0x040000
#define MAP_SYNC		0x080000
#define MAP_FIXED_NOREPLACE	0x100000
#define MAP_UNINITIALIZED	0x4000000

/* advice argument of madvise */
#define MADV_NORMAL		0	/* no special treatment */
#define MADV_RANDOM		1	/* expect random page references */
#define MADV_SEQUENTIAL		2	/* expect sequential page references */
#define MADV_WILLNEED		3	/* will need these pages */
#define MADV_DONTNEED		4	/* drop the pages: the next touch finds zeroes */
#define MADV_FREE		8	/* the pages may be freed (their data is not needed) */
#define MADV_REMOVE		9	/* free the backing store (shared files only) */
#define MADV_DONTFORK		10	/* a child of fork does not get this range */
#define MADV_DOFORK		11	/* undo MADV_DONTFORK */
#define MADV_MERGEABLE		12	/* KSM may merge identical pages */
#define MADV_UNMERGEABLE	13
#define MADV_HUGEPAGE		14	/* worth backing with huge pages */
#define MADV_NOHUGEPAGE		15
#define MADV_DONTDUMP		16	/* leave out of core dumps */
#define MADV_DODUMP		17
#define MADV_WIPEONFORK		18	/* a child of fork gets zeroes here */
#define MADV_KEEPONFORK		19	/* undo MADV_WIPEONFORK */
#define MADV_COLD		20	/* deactivate the pages */
#define MADV_PAGEOUT		21	/* reclaim the pages */
#define MADV_POPULATE_READ	22	/* fault the pages in, readable */
#define MADV_POPULATE_WRITE	23	/* fault the pages in, writable */
#define MADV_DONTNEED_LOCKED	24	/* MADV_DONTNEED, also for locked pages */
#define MADV_COLLAPSE		25	/* make huge pages synchronously */
#define MADV_HWPOISON		100	/* memory-failure testing: poison a page */
#define MADV_SOFT_OFFLINE	101	/* memory-failure testing: soft-offline a page */

#endif
