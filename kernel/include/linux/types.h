/* SPDX-License-Identifier: MIT */
/*
 * Fixed-width integer types with the kernel's short names.
 * Only compiler-provided freestanding headers are used, so this header
 * serves both the kernel and the host test builds.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef unsigned long long u64;	/* as Linux: %llx prints it */
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef long long s64;

typedef unsigned long phys_addr_t;	/* a physical address */
typedef unsigned int gfp_t;		/* allocation flags, see linux/gfp.h */
typedef long ssize_t;
typedef long off_t;
typedef int pid_t;

struct list_head {
	struct list_head *next, *prev;
};

#endif
