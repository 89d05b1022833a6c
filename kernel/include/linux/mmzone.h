/* SPDX-License-Identifier: MIT */
/*
 * Zones and the buddy allocator's free areas, in Linux 6.1's shape
 * (include/linux/mmzone.h). This kernel has one node and one zone,
 * ZONE_NORMAL, spanning page frames [0, max_pfn).
 *
 * A free block of order n is 2^n pages aligned to 2^n pages; its first
 * page is PageBuddy with the order in page->private and sits on
 * free_area[n].free_list. Recently freed small blocks may instead wait
 * in the zone's per-CPU page lists (struct per_cpu_pages), as in Linux.
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mm_types.h>

#define MAX_ORDER		11	/* orders 0..10: blocks of 1 page .. 4 MiB */
#define MAX_ORDER_NR_PAGES	(1UL << (MAX_ORDER - 1))
#define PAGE_ALLOC_COSTLY_ORDER	3	/* larger orders bypass the per-CPU lists */
#define NR_PCP_LISTS		(PAGE_ALLOC_COSTLY_ORDER + 1)

struct seq_file;

/* The free blocks of one order. */
struct free_area {
	struct list_head free_list;	/* head pages of free blocks */
	unsigned long nr_free;		/* blocks on free_list */
};

/*
 * Linux's per-CPU page cache (one CPU here): blocks of order
 * <= PAGE_ALLOC_COSTLY_ORDER freed recently, handed out again without
 * touching the free areas. Pages here are counted as allocated by the
 * zone (as in Linux, they are not in NR_FREE_PAGES or /proc/buddyinfo).
 */
struct per_cpu_pages {
	int count;		/* pages (not blocks) on the lists */
	int high;		/* drain down when count reaches this; 0 = disabled */
	int batch;		/* pages moved to/from the free areas at a time */
	struct list_head lists[NR_PCP_LISTS];	/* one list per order */
};

enum zone_type {
	ZONE_NORMAL,
	MAX_NR_ZONES
};

struct zone {
	const char *name;
	unsigned long zone_start_pfn;	/* first page frame spanned */
	unsigned long spanned_pages;	/* frames spanned, holes included */
	unsigned long present_pages;	/* RAM frames in the span */
	unsigned long managed_pages;	/* frames handed to the buddy allocator */
	struct per_cpu_pages per_cpu_pageset;
	struct free_area free_area[MAX_ORDER];
};

/* One NUMA node's memory (Linux's pg_data_t); there is one node, contig_page_data. */
typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int node_id;
} pg_data_t;

extern struct pglist_data contig_page_data;
#define NODE_DATA(nid)	(&contig_page_data)

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline bool zone_spans_pfn(const struct zone *zone, unsigned long pfn)
{
	return zone->zone_start_pfn <= pfn && pfn < zone_end_pfn(zone);
}

static inline unsigned long zone_managed_pages(const struct zone *zone)
{
	return zone->managed_pages;
}

/* Free pages in @zone's free areas (what Linux counts as NR_FREE_PAGES). */
unsigned long zone_free_pages(const struct zone *zone);

/* Move every page of @zone's per-CPU lists back to the free areas. */
void drain_zone_pages(struct zone *zone);
/* Drain and turn off @zone's per-CPU lists, so frees go straight to the free areas. */
void zone_pcp_disable(struct zone *zone);
/* Turn @zone's per-CPU lists back on. */
void zone_pcp_enable(struct zone *zone);

/* /proc/buddyinfo: "Node 0, zone   Normal" and the free block count of each order. */
void buddyinfo_show(struct seq_file *m);

#endif
