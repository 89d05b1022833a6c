/* SPDX-License-Identifier: MIT */
/*
 * The kmem events of Linux 6.1 (include/trace/events/kmem.h) this kernel
 * has: pages from and back to the buddy allocator, objects from and back
 * to a slab cache. Formats: kernel/trace/trace_events.c.
 */
#ifndef _TRACE_EVENTS_KMEM_H
#define _TRACE_EVENTS_KMEM_H

#include <linux/tracepoint.h>
#include <linux/types.h>

struct page;
struct kmem_cache;

/* A block of 2^@order pages at @page was handed out. */
DEFINE_TRACE_HOOK(mm_page_alloc, (struct page *page, unsigned int order, gfp_t gfp),
		  (page, order, gfp))
/* A block of 2^@order pages at @page is freed. */
DEFINE_TRACE_HOOK(mm_page_free, (struct page *page, unsigned int order), (page, order))
/* kmem_cache_alloc(@s) returned @ptr to @call_site. */
DEFINE_TRACE_HOOK(kmem_cache_alloc, (unsigned long call_site, const void *ptr,
				     struct kmem_cache *s, gfp_t gfp), (call_site, ptr, s, gfp))
/* kmem_cache_free(@s, @ptr) from @call_site. */
DEFINE_TRACE_HOOK(kmem_cache_free, (unsigned long call_site, const void *ptr,
				    const struct kmem_cache *s), (call_site, ptr, s))

#endif
