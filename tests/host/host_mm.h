/* SPDX-License-Identifier: MIT */
#ifndef HOST_MM_H
#define HOST_MM_H

/* Boot the buddy and slab allocators over @bytes (a multiple of the MAX_ORDER block) of host memory. */
void host_mm_boot(unsigned long bytes);

#endif
