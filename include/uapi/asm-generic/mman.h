/* SPDX-License-Identifier: MIT */
/* The mmap flags whose values some architectures change; x86 uses these (Linux's asm-generic/mman.h). */
#ifndef _UAPI_ASM_GENERIC_MMAN_H
#define _UAPI_ASM_GENERIC_MMAN_H

#include <asm-generic/mman-common.h>

#define MAP_GROWSDOWN	0x0100		/* a stack-like VMA */
#define MAP_DENYWRITE	0x0800		/* ignored */
#define MAP_EXECUTABLE	0x1000		/* ignored */
#define MAP_LOCKED	0x2000		/* pages are locked */
#define MAP_NORESERVE	0x4000		/* do not charge the commit limit */

#endif
