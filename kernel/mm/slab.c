// SPDX-License-Identifier: MIT
/*
 * The slab allocator: caches of equal-sized objects on top of the buddy
 * allocator, and kmalloc() on a set of size-class caches.
 *
 * The brk notes return VMAs (remove_mt) and maple tree nodes
 * (__mt_destroy) "to the slab allocator": this is that allocator.
 * Names and debugging follow Linux 6.1's SLUB (mm/slub.c, mm/slab_common.c);
 * the three slab lists per cache (full, partial, free) follow the older
 * SLAB (mm/slab.c, struct kmem_cache_node).
 *
 * A slab is 2^order pages. Its head struct page holds slab_cache,
 * freelist, inuse and objects; tail pages point to the head through
 * compound_head (bit 0 set), as Linux's compound pages do. A free object
 * holds the address of the next free object at s->offset.
 *
 * Single CPU, no interrupt-context callers: no locking.
 */
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/seq_file.h>
#include <trace/events/kmem.h>

/* Flag of a cache whose free objects are poisoned (no ctor), as SLUB's __OBJECT_POISON. */
#define __OBJECT_POISON		((slab_flags_t)0x80000000U)

#define SLAB_MAX_ORDER		5	/* highest order tried for the waste bound */
#define SLAB_MIN_OBJECTS	8	/* wanted per slab below PAGE_ALLOC_COSTLY_ORDER */
#define SLAB_HUGE_ORDER		6	/* absolute limit on a slab's order */
#define SLAB_FREE_RESERVE	1	/* empty slabs a cache keeps before giving pages back */
#define SLAB_CACHE_LINE_SIZE	64

#ifndef _RET_IP_
#define _RET_IP_		((unsigned long)__builtin_return_address(0))
#endif

/* Last alloc/free caller of an object (SLAB_STORE_USER), as SLUB's struct track. */
struct track {
	unsigned long addr;
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

static LIST_HEAD(slab_caches);		/* every cache, newest first */
static struct kmem_cache *kmem_cache;	/* the cache of struct kmem_cache */
static struct kmem_cache *kmalloc_caches[KMALLOC_SHIFT_HIGH + 1];
static slab_flags_t slub_debug;		/* flags added to every new cache */
static unsigned long debug_reports;
static char last_report[160];

/* ---------------------------------------------------------------------- */
/* Object and slab addressing                                              */

/* The head page of the slab or large allocation that holds @addr. */
static __always_inline struct page *object_head_page(const void *addr)
{
	struct page *page = virt_to_page(addr);
	unsigned long head = READ_ONCE(page->compound_head);

	if (head & 1)
		return (struct page *)(head - 1);
	return page;
}

/* First object of @slab (past the left red zone of the first slot). */
static inline void *slab_first_object(struct kmem_cache *s, struct page *slab)
{
	return (char *)page_address(slab) + s->red_left_pad;
}

/* The next free object after the free @object, or NULL (mm/slub.c: get_freepointer). */
static __always_inline void *get_freepointer(struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

/* Make @fp the free object after the free @object (mm/slub.c: set_freepointer). */
static __always_inline void set_freepointer(struct kmem_cache *s, void *object, void *fp)
{
	*(void **)((char *)object + s->offset) = fp;
}

/* Where the alloc/free tracks of @object live (after the free pointer, if that is outside). */
static struct track *get_track(struct kmem_cache *s, void *object, enum track_item item)
{
	unsigned int at = s->inuse;

	if (s->offset >= s->inuse)
		at += sizeof(void *);
	return (struct track *)((char *)object + at) + item;
}

/* ---------------------------------------------------------------------- */
/* Debug reports (mm/slub.c: slab_bug, slab_fix, object_err)               */

/* Print the banner and BUG line of a report about cache @s; count it. */
static __printf(2, 3) void slab_bug(struct kmem_cache *s, const char *fmt, ...)
{
	char what[96];
	va_list args;

	va_start(args, fmt);
	vsnprintf(what, sizeof(what), fmt, args);
	va_end(args);
	snprintf(last_report, sizeof(last_report), "BUG %s: %s", s->name, what);
	debug_reports++;
	pr_err("=============================================================================\n");
	pr_err("%s\n", last_report);
	pr_err("-----------------------------------------------------------------------------\n\n");
}

/* Say what the allocator did about the problem just reported. */
static __printf(2, 3) void slab_fix(struct kmem_cache *s, const char *fmt, ...)
{
	char what[96];
	va_list args;

	va_start(args, fmt);
	vsnprintf(what, sizeof(what), fmt, args);
	va_end(args);
	pr_err("FIX %s: %s\n\n", s->name, what);
}

/* Print where @object sits and, with SLAB_STORE_USER, who last allocated and freed it. */
static void print_trailer(struct kmem_cache *s, struct page *slab, void *object)
{
	char *base = page_address(slab);

	pr_err("INFO: Slab 0x%lx objects=%u used=%u fp=0x%lx\n", (unsigned long)base,
	       slab->objects, slab->inuse, (unsigned long)slab->freelist);
	pr_err("INFO: Object 0x%lx @offset=%lu size=%u\n", (unsigned long)object,
	       (unsigned long)((char *)object - base), s->object_size);
	if (s->flags & SLAB_STORE_USER) {
		pr_err("INFO: Allocated in 0x%lx\n", get_track(s, object, TRACK_ALLOC)->addr);
		pr_err("INFO: Freed in 0x%lx\n", get_track(s, object, TRACK_FREE)->addr);
	}
}

/* Report @reason about @object of @slab, with its trailer (mm/slub.c: object_err). */
static void object_err(struct kmem_cache *s, struct page *slab, void *object,
		       const char *reason)
{
	slab_bug(s, "%s", reason);
	print_trailer(s, slab, object);
}

/* How many slab debug reports ("BUG cache: ...") have been printed. */
unsigned long slab_debug_reports(void)
{
	return debug_reports;
}

/* The BUG line of the latest report, or "" (for tests). */
const char *slab_last_report(void)
{
	return last_report;
}

/* ---------------------------------------------------------------------- */
/* Debug checks (mm/slub.c: init_object, check_object, on_freelist)        */

/* Write the red zones and, for a free object, the poison of @object; @val is 0xbb or 0xcc. */
static void init_object(struct kmem_cache *s, void *object, u8 val)
{
	u8 *p = object;

	if (s->flags & SLAB_RED_ZONE) {
		memset(p - s->red_left_pad, val, s->red_left_pad);
		memset(p + s->object_size, val, s->inuse - s->object_size);
	}
	if ((s->flags & __OBJECT_POISON) && val == SLUB_RED_INACTIVE) {
		memset(p, POISON_FREE, s->object_size - 1);
		p[s->object_size - 1] = POISON_END;
	}
}

/*
 * Check that bytes [start, end) of @object all equal @value; if not,
 * report "@what overwritten" and restore them. Returns true when intact.
 */
static bool check_bytes_and_report(struct kmem_cache *s, struct page *slab, u8 *object,
				   const char *what, u8 *start, u8 value, size_t bytes)
{
	u8 *fault = NULL, *end = start + bytes;

	for (u8 *p = start; p < end; p++) {
		if (*p != value) {
			fault = p;
			break;
		}
	}
	if (!fault)
		return true;
	while (end > fault && end[-1] == value)
		end--;
	slab_bug(s, "%s overwritten", what);
	pr_err("INFO: 0x%lx-0x%lx @offset=%lu. First byte 0x%x instead of 0x%x\n",
	       (unsigned long)fault, (unsigned long)(end - 1),
	       (unsigned long)(fault - (u8 *)page_address(slab)), *fault, value);
	print_trailer(s, slab, object);
	memset(fault, value, end - fault);
	slab_fix(s, "Restoring %s 0x%lx-0x%lx=0x%x", what, (unsigned long)fault,
		 (unsigned long)(end - 1), value);
	return false;
}

/*
 * Check the red zones of @object against @val and, when it is free
 * (val == SLUB_RED_INACTIVE), its poison. Damage is reported and repaired.
 * Returns true when everything was intact.
 */
static bool check_object(struct kmem_cache *s, struct page *slab, void *object, u8 val)
{
	u8 *p = object;
	bool ok = true;

	if (s->flags & SLAB_RED_ZONE) {
		ok &= check_bytes_and_report(s, slab, p, "Left Redzone",
					     p - s->red_left_pad, val, s->red_left_pad);
		ok &= check_bytes_and_report(s, slab, p, "Right Redzone",
					     p + s->object_size, val,
					     s->inuse - s->object_size);
	}
	if ((s->flags & __OBJECT_POISON) && val == SLUB_RED_INACTIVE) {
		ok &= check_bytes_and_report(s, slab, p, "Poison", p, POISON_FREE,
					     s->object_size - 1);
		ok &= check_bytes_and_report(s, slab, p, "End Poison",
					     p + s->object_size - 1, POISON_END, 1);
	}
	return ok;
}

/* Is @object the start of an object slot of @slab? (mm/slub.c: check_valid_pointer) */
static bool check_valid_pointer(struct kmem_cache *s, struct page *slab, const void *object)
{
	char *base = slab_first_object(s, slab);
	long offset = (const char *)object - base;

	if (offset < 0 || offset >= (long)slab->objects * s->size)
		return false;
	return offset % s->size == 0;
}

/* Is @object on @slab's freelist? The walk stops after slab->objects steps. */
static bool on_freelist(struct kmem_cache *s, struct page *slab, const void *object)
{
	void *fp = slab->freelist;
	unsigned int steps = 0;

	while (fp && steps++ < slab->objects) {
		if (fp == object)
			return true;
		fp = get_freepointer(s, fp);
	}
	return false;
}

/* With SLAB_STORE_USER, record @addr as @object's last allocator or freer (mm/slub.c). */
static void set_track(struct kmem_cache *s, void *object, enum track_item item,
		      unsigned long addr)
{
	if (s->flags & SLAB_STORE_USER)
		get_track(s, object, item)->addr = addr;
}

/*
 * Checks before @object leaves @slab's freelist. A damaged object is
 * repaired but withheld for good (a stale writer may still hold it): it
 * stays counted in slab->inuse, and the caller takes another object.
 * Returns true when @object may be handed out.
 */
static bool alloc_debug_processing(struct kmem_cache *s, struct page *slab, void *object,
				   unsigned long addr)
{
	if (!check_object(s, slab, object, SLUB_RED_INACTIVE)) {
		slab_fix(s, "Object 0x%lx withheld from use", (unsigned long)object);
		s->nr_withheld++;
		return false;
	}
	init_object(s, object, SLUB_RED_ACTIVE);
	set_track(s, object, TRACK_ALLOC, addr);
	return true;
}

/* Report a free of @object, already free in @slab; the free is refused. */
static __noinline void report_double_free(struct kmem_cache *s, struct page *slab, void *object)
{
	object_err(s, slab, object, "Object already free");
	slab_fix(s, "Object at 0x%lx not freed", (unsigned long)object);
}

/*
 * Checks before @object goes back on @slab's freelist: that it belongs to
 * @s, is an object start, is not already free (without consistency
 * checks: is not the freelist's head) and that its red zones are intact.
 * A refused free leaves the object allocated. Returns true to go on.
 */
static bool free_debug_processing(struct kmem_cache *s, struct page *slab, void *object,
				  unsigned long addr)
{
	if (s->flags & SLAB_CONSISTENCY_CHECKS) {
		if (!check_valid_pointer(s, slab, object)) {
			slab_bug(s, "Invalid object pointer 0x%lx", (unsigned long)object);
			print_trailer(s, slab, slab_first_object(s, slab));
			slab_fix(s, "Object at 0x%lx not freed", (unsigned long)object);
			return false;
		}
		if (on_freelist(s, slab, object)) {
			report_double_free(s, slab, object);
			return false;
		}
	} else if (object == slab->freelist) {
		report_double_free(s, slab, object);
		return false;
	}
	if (!check_object(s, slab, object, SLUB_RED_ACTIVE)) {
		slab_fix(s, "Object at 0x%lx not freed", (unsigned long)object);
		s->nr_withheld++;
		return false;
	}
	set_track(s, object, TRACK_FREE, addr);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
}

/* ---------------------------------------------------------------------- */
/* Slabs: getting pages from the buddy allocator and giving them back       */

/* Mark the pages of a 2^order block after @head as its tails. */
static void set_tail_pages(struct page *head, unsigned int order, unsigned long value)
{
	for (unsigned long i = 1; i < (1UL << order); i++)
		head[i].compound_head = value;
}

/*
 * Get 2^s->order pages, make them a slab of @s with every object free and
 * chained in address order, and run the constructor on each object
 * (mm/slub.c: allocate_slab). Returns the slab's head page or NULL.
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab = alloc_pages(gfp & ~__GFP_ZERO, s->order);
	char *object, *next;

	if (!slab)
		return NULL;
	__SetPageSlab(slab);
	set_tail_pages(slab, s->order, (unsigned long)slab + 1);
	slab->slab_cache = s;
	slab->inuse = 0;
	slab->objects = s->objects;
	object = slab_first_object(s, slab);
	slab->freelist = object;
	for (unsigned int i = 0; i < s->objects; i++, object = next) {
		next = i + 1 < s->objects ? object + s->size : NULL;
		if (s->flags & SLAB_DEBUG_FLAGS) {
			init_object(s, object, SLUB_RED_INACTIVE);
			set_track(s, object, TRACK_ALLOC, 0);
			set_track(s, object, TRACK_FREE, 0);
		}
		if (s->ctor)
			s->ctor(object);
		set_freepointer(s, object, next);
	}
	s->nr_slabs++;
	return slab;
}

/*
 * Give the pages of @slab (which holds no live object) back to the buddy
 * allocator, its head page as alloc_pages() made it: slab_cache shares
 * its word with page->private, which holds the order of a PG_head block.
 */
static void discard_slab(struct kmem_cache *s, struct page *slab)
{
	list_del(&slab->slab_list);
	set_tail_pages(slab, s->order, 0);
	__ClearPageSlab(slab);
	slab->freelist = NULL;
	slab->inuse = 0;
	slab->objects = 0;
	slab->private = s->order;
	s->nr_slabs--;
	__free_pages(slab, s->order);
}

/* Release every slab on @s's free list; returns how many. */
static unsigned long release_free_slabs(struct kmem_cache *s)
{
	struct page *slab, *next;
	unsigned long released = 0;

	list_for_each_entry_safe(slab, next, &s->slabs_free, slab_list) {
		discard_slab(s, slab);
		released++;
	}
	s->nr_free_slabs = 0;
	return released;
}

/*
 * A slab of @s with a free object, on the partial list: the first partial
 * slab, else a reserved empty one, else a new one. NULL when out of memory.
 */
static struct page *get_partial_slab(struct kmem_cache *s, gfp_t gfp)
{
	struct page *slab;

	if (!list_empty(&s->slabs_partial))
		return list_first_entry(&s->slabs_partial, struct page, slab_list);
	if (!list_empty(&s->slabs_free)) {
		slab = list_first_entry(&s->slabs_free, struct page, slab_list);
		s->nr_free_slabs--;
		list_move(&slab->slab_list, &s->slabs_partial);
		return slab;
	}
	slab = new_slab(s, gfp);
	if (slab)
		list_add(&slab->slab_list, &s->slabs_partial);
	return slab;
}

/* ---------------------------------------------------------------------- */
/* Allocation and freeing of objects                                       */

/* Take the first object of @slab's freelist (the slab moves to full when emptied). */
static __always_inline void *take_object(struct kmem_cache *s, struct page *slab)
{
	/* BEGIN SOLUTION slab */
	void *object = slab->freelist;

	slab->freelist = get_freepointer(s, object);
	if (++slab->inuse == slab->objects)
		list_move(&slab->slab_list, &s->slabs_full);
	return object;
	/* END SOLUTION slab */
	/* STUB slab: pop the first object off @slab's freelist (get_freepointer gives the next),
	 * count it in slab->inuse, and move a slab that became full to s->slabs_full.
	panic("LAB slab: take_object() is not written yet (docs/labs/slab.md)");
	 */
}

/* kmem_cache_alloc() for a cache with debugging: skip withheld objects. */
static __noinline void *slab_alloc_debug(struct kmem_cache *s, gfp_t gfp, unsigned long addr)
{
	for (;;) {
		struct page *slab = get_partial_slab(s, gfp);
		void *object;

		if (!slab)
			return NULL;
		object = take_object(s, slab);
		if (alloc_debug_processing(s, slab, object, addr))
			return object;
	}
}

/* The allocation path shared by kmem_cache_alloc and kmalloc (mm/slub.c: slab_alloc_node). */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long addr)
{
	struct page *slab;
	void *object;

	if (unlikely(s->flags & SLAB_DEBUG_FLAGS)) {
		object = slab_alloc_debug(s, gfp, addr);
	} else {
		if (likely(!list_empty(&s->slabs_partial)))
			slab = list_first_entry(&s->slabs_partial, struct page, slab_list);
		else
			slab = get_partial_slab(s, gfp);
		if (unlikely(!slab))
			return NULL;
		object = take_object(s, slab);
	}
	if (unlikely(gfp & __GFP_ZERO) && object)
		memset(object, 0, s->object_size);
	return object;
}

/* Is @slab the one allocations of @s come from (the first on the partial list)? */
static __always_inline bool slab_is_current(struct kmem_cache *s, struct page *slab)
{
	return s->slabs_partial.next == &slab->slab_list;
}

/*
 * An empty @slab of @s, not the current one, goes to the free list, or
 * back to the buddy allocator past the reserve.
 */
static __noinline void slab_now_empty(struct kmem_cache *s, struct page *slab)
{
	if (s->nr_free_slabs < SLAB_FREE_RESERVE) {
		list_move(&slab->slab_list, &s->slabs_free);
		s->nr_free_slabs++;
	} else {
		discard_slab(s, slab);
	}
}

/*
 * Put @object back on @slab's freelist (mm/slub.c: slab_free). Without
 * debugging only the cheapest double-free check runs: @object being the
 * freelist's head.
 *
 * A slab that was full joins the partial list at its tail, so the
 * current slab stays first. The current slab stays where it is when it
 * empties (as SLUB keeps its CPU slab): an alloc+free pair then moves no
 * slab between lists. So besides the free list's reserve, a cache may
 * hold that one empty slab too; kmem_cache_shrink() releases both.
 */
static __always_inline void slab_free(struct kmem_cache *s, struct page *slab, void *object,
				      unsigned long addr)
{
	if (unlikely(s->flags & SLAB_DEBUG_FLAGS)) {
		if (!free_debug_processing(s, slab, object, addr))
			return;
	} else if (unlikely(object == slab->freelist)) {
		report_double_free(s, slab, object);
		return;
	}
	/* BEGIN SOLUTION slab */
	set_freepointer(s, object, slab->freelist);
	slab->freelist = object;
	if (unlikely(slab->inuse == slab->objects))
		list_move_tail(&slab->slab_list, &s->slabs_partial);
	if (unlikely(--slab->inuse == 0) && !slab_is_current(s, slab))
		slab_now_empty(s, slab);
	/* END SOLUTION slab */
	/* STUB slab: push @object on @slab's freelist (set_freepointer), move a slab that was full
	 * to the tail of s->slabs_partial, and hand a slab that became empty (and is not
	 * the current one) to slab_now_empty().
	(void)slab_now_empty;
	panic("LAB slab: slab_free() is not written yet (docs/labs/slab.md)");
	 */
}

/**
 * kmem_cache_alloc - allocate an object of cache @s
 * @s: the cache
 * @gfpflags: __GFP_ZERO for a zeroed object; passed on to the page allocator
 *
 * Returns the object, or NULL when no memory is left.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfpflags)
{
	void *ret = slab_alloc(s, gfpflags, _RET_IP_);

	trace_kmem_cache_alloc(_RET_IP_, ret, s, gfpflags);
	return ret;
}

/* Report a free of @object that is not inside a slab of any cache. */
static void report_bad_free(const char *who, const void *object)
{
	snprintf(last_report, sizeof(last_report), "BUG %s: Invalid object pointer 0x%lx",
		 who, (unsigned long)object);
	debug_reports++;
	pr_err("%s (not in any slab)\n", last_report);
}

/**
 * kmem_cache_free - return @object to cache @s
 * @s: the cache it was allocated from
 * @object: from kmem_cache_alloc(@s); NULL is ignored
 *
 * With consistency checks, an object of another cache or outside any slab
 * is reported and not freed (mm/slab.h: cache_from_obj).
 */
void kmem_cache_free(struct kmem_cache *s, void *object)
{
	struct page *slab;

	if (unlikely(!object))
		return;
	if (unlikely(s->flags & SLAB_CONSISTENCY_CHECKS)) {
		if (!pfn_valid(virt_to_pfn(object)) || !PageSlab(object_head_page(object))) {
			report_bad_free(s->name, object);
			return;
		}
		slab = object_head_page(object);
		if (slab->slab_cache != s) {
			slab_bug(s, "Wrong slab cache: object 0x%lx is from %s",
				 (unsigned long)object, slab->slab_cache->name);
			return;
		}
	}
	trace_kmem_cache_free(_RET_IP_, object, s);
	slab = object_head_page(object);
	slab_free(s, slab, object, _RET_IP_);
}

/* The object size @s was created with (mm/slab_common.c: kmem_cache_size). */
unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}

/* ---------------------------------------------------------------------- */
/* kmalloc (mm/slab_common.c: kmalloc_index, kmalloc_caches)               */

/*
 * Cache index for sizes up to 192 by (size - 1) / 8, as Linux's
 * size_index[]: index n is kmalloc-2^n, and 1 and 2 are kmalloc-96, kmalloc-192.
 */
static const u8 size_index[24] = {
	3, 4, 5, 5, 6, 6, 6, 6,		/* 8, 16, 24..32, 40..64 */
	1, 1, 1, 1,			/* 72..96 */
	7, 7, 7, 7,			/* 104..128 */
	2, 2, 2, 2, 2, 2, 2, 2,		/* 136..192 */
};

/* Index of the cache for 1 <= @size <= KMALLOC_MAX_CACHE_SIZE. */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	if (size <= 192)
		return size_index[(size - 1) / 8];
	/* Smallest n with 2^n >= size. */
	return 64 - __builtin_clzl(size - 1);
}

/* The kmalloc cache for @size bytes, or NULL for 0 or beyond KMALLOC_MAX_CACHE_SIZE. */
struct kmem_cache *kmalloc_slab(size_t size)
{
	if (size == 0 || size > KMALLOC_MAX_CACHE_SIZE)
		return NULL;
	return kmalloc_caches[kmalloc_index(size)];
}

/* Order of the smallest block of pages holding @size bytes (Linux's get_order). */
static unsigned int size_to_order(size_t size)
{
	if (size <= PAGE_SIZE)
		return 0;
	return 64 - __builtin_clzl((size - 1) >> PAGE_SHIFT);
}

/*
 * A kmalloc() above KMALLOC_MAX_CACHE_SIZE: whole pages (mm/slab_common.c:
 * kmalloc_large). alloc_pages() marks the head PG_head with the order in
 * page->private; the tails get pointers to the head, so kfree() and
 * ksize() find it from any address inside.
 */
static __noinline void *kmalloc_large(size_t size, gfp_t flags)
{
	unsigned int order = size_to_order(size);
	struct page *page;

	if (order >= MAX_ORDER)
		return NULL;
	page = alloc_pages(flags, order);
	if (!page)
		return NULL;
	set_tail_pages(page, order, (unsigned long)page + 1);
	return page_address(page);
}

/* Free a kmalloc_large() block whose head page is @page. */
static void free_large_kmalloc(struct page *page, const void *object)
{
	unsigned int order = page->private;

	if (object != page_address(page)) {
		report_bad_free("kmalloc", object);
		return;
	}
	set_tail_pages(page, order, 0);
	__free_pages(page, order);
}

/**
 * kmalloc - allocate @size bytes
 * @size: bytes wanted; 0 gives ZERO_SIZE_PTR
 * @flags: __GFP_ZERO for zeroed memory
 *
 * Up to 8 KiB from the kmalloc-N cache of the next size class (aligned to
 * the size for powers of two up to PAGE_SIZE), beyond from the page allocator.
 */
void *kmalloc(size_t size, gfp_t flags)
{
	if (unlikely(size > KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, flags);
	if (unlikely(size == 0))
		return ZERO_SIZE_PTR;
	return slab_alloc(kmalloc_caches[kmalloc_index(size)], flags, _RET_IP_);
}

/**
 * kfree - free memory from kmalloc, kzalloc, kcalloc or krealloc
 * @object: the pointer; NULL and ZERO_SIZE_PTR are ignored
 *
 * The owning cache is found through the object's struct page.
 */
void kfree(const void *object)
{
	struct page *page;

	if (unlikely(ZERO_OR_NULL_PTR(object)))
		return;
	if (unlikely(!pfn_valid(virt_to_pfn(object)))) {
		report_bad_free("kmalloc", object);
		return;
	}
	/* BEGIN SOLUTION slab */
	page = object_head_page(object);
	if (likely(PageSlab(page))) {
		slab_free(page->slab_cache, page, (void *)object, _RET_IP_);
		return;
	}
	/* END SOLUTION slab */
	/* STUB slab: find the struct page at the head of the slab holding @object
	 * (object_head_page); when it is a slab page, free the object in its cache
	 * (page->slab_cache) with slab_free() and return.
	page = object_head_page(object);
	 */
	if (PageHead(page) && !PageBuddy(page)) {
		free_large_kmalloc(page, object);
		return;
	}
	report_bad_free("kmalloc", object);
}

/* Usable bytes at @object (the object size of its cache, or the whole block). */
size_t ksize(const void *object)
{
	struct page *page;

	if (ZERO_OR_NULL_PTR(object))
		return 0;
	page = object_head_page(object);
	if (PageSlab(page))
		return page->slab_cache->object_size;
	if (PageHead(page))
		return PAGE_SIZE << page->private;
	return 0;
}

/**
 * krealloc - resize a kmalloc'ed block
 * @p: the block, or NULL (then as kmalloc)
 * @new_size: bytes wanted; 0 frees @p and returns ZERO_SIZE_PTR
 * @flags: as for kmalloc; with __GFP_ZERO the grown part is zeroed
 *
 * Returns @p when it is already big enough, else a new block holding
 * @p's contents (then @p is freed), or NULL on failure (@p untouched).
 */
void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	size_t old_size;
	void *ret;

	if (unlikely(new_size == 0)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}
	old_size = ksize(p);
	if (old_size >= new_size)
		return (void *)p;
	ret = kmalloc(new_size, flags & ~__GFP_ZERO);
	if (!ret)
		return NULL;
	if (old_size)
		memcpy(ret, p, old_size);
	if (flags & __GFP_ZERO)
		memset((char *)ret + old_size, 0, ksize(ret) - old_size);
	kfree(p);
	return ret;
}

/* ---------------------------------------------------------------------- */
/* Creating and destroying caches (mm/slub.c: calculate_sizes)             */

/* The alignment to use for @size-byte objects (mm/slab_common.c: calculate_alignment). */
static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = SLAB_CACHE_LINE_SIZE;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)sizeof(void *));
	return ALIGN(align, sizeof(void *));
}

/*
 * The slab order for @size-byte slots (mm/slub.c: calculate_order): the
 * smallest order up to SLAB_MAX_ORDER that wastes at most 1/8 of the slab
 * and, below PAGE_ALLOC_COSTLY_ORDER, holds SLAB_MIN_OBJECTS objects (so
 * big objects do not cost a trip to the buddy allocator each); else the
 * least wasteful such order; else (huge slots) the smallest that holds one.
 * Returns -1 if even that is beyond SLAB_HUGE_ORDER.
 */
static int calculate_order(unsigned int size)
{
	unsigned int order, best = 0;
	unsigned long best_waste = ULONG_MAX;

	for (order = 0; order <= SLAB_MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order;
		unsigned long waste;

		if (bytes < size)
			continue;
		waste = bytes % size;
		if (waste * 8 <= bytes &&
		    (bytes / size >= SLAB_MIN_OBJECTS || order >= PAGE_ALLOC_COSTLY_ORDER))
			return order;
		/* Compare waste fractions: waste / bytes < best_waste / best_bytes. */
		if (best_waste == ULONG_MAX || waste * (PAGE_SIZE << best) < best_waste * bytes) {
			best = order;
			best_waste = waste;
		}
	}
	if (best_waste != ULONG_MAX)
		return best;
	order = size_to_order(size);
	return order <= SLAB_HUGE_ORDER ? (int)order : -1;
}

/*
 * Lay out the slots of @s from object_size, align, flags and ctor
 * (mm/slub.c: calculate_sizes). Returns false if no slab order fits.
 */
static bool calculate_sizes(struct kmem_cache *s)
{
	unsigned int size = ALIGN(s->object_size, sizeof(void *));
	int order;

	if ((s->flags & SLAB_POISON) && !s->ctor)
		s->flags |= __OBJECT_POISON;
	else
		s->flags &= ~__OBJECT_POISON;
	/* At least one guard byte after the object, even when it fills its words. */
	if ((s->flags & SLAB_RED_ZONE) && size == s->object_size)
		size += sizeof(void *);
	s->inuse = size;
	/*
	 * A poisoned or constructed object must keep its bytes while free, so
	 * the free pointer goes after it, as it must when it would not fit in
	 * an object followed by a red zone; otherwise in the object's middle,
	 * where a small overflow from the previous object does not reach it.
	 */
	if ((s->flags & __OBJECT_POISON) || s->ctor ||
	    ((s->flags & SLAB_RED_ZONE) && s->object_size < sizeof(void *))) {
		s->offset = size;
		size += sizeof(void *);
	} else {
		s->offset = ALIGN_DOWN(s->object_size / 2, sizeof(void *));
	}
	if (s->flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	s->red_left_pad = 0;
	if (s->flags & SLAB_RED_ZONE) {
		s->red_left_pad = ALIGN(sizeof(void *), s->align);
		size += s->red_left_pad;
	}
	s->size = ALIGN(size, s->align);
	order = calculate_order(s->size);
	if (order < 0)
		return false;
	s->order = order;
	s->objects = (PAGE_SIZE << order) / s->size;
	return true;
}

/* Copy @name into @dst of @size bytes, cut if longer, always terminated. */
static void copy_name(char *dst, const char *name, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size && name[i]; i++)
		dst[i] = name[i];
	dst[i] = '\0';
}

/* Fill in @s (memory already provided) and put it on slab_caches; false on bad parameters. */
static bool kmem_cache_open(struct kmem_cache *s, const char *name, unsigned int size,
			    unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	memset(s, 0, sizeof(*s));
	copy_name(s->name, name, sizeof(s->name));
	if (size == 0 || align > PAGE_SIZE || (align & (align - 1)))
		return false;
	s->object_size = size;
	s->align = calculate_alignment(flags, align, size);
	s->flags = (flags | slub_debug) & ~__OBJECT_POISON;
	s->ctor = ctor;
	INIT_LIST_HEAD(&s->slabs_full);
	INIT_LIST_HEAD(&s->slabs_partial);
	INIT_LIST_HEAD(&s->slabs_free);
	if (!calculate_sizes(s))
		return false;
	list_add(&s->list, &slab_caches);
	return true;
}

/**
 * kmem_cache_create - create a cache of objects of one size
 * @name: shown in /proc/slabinfo and debug reports (copied, cut at 31 chars)
 * @size: object size in bytes
 * @align: required alignment (0 or a power of two up to PAGE_SIZE)
 * @flags: SLAB_* flags; slub_debug adds its own
 * @ctor: run on each object when its slab is made, or NULL
 *
 * Returns the cache, or NULL (panics instead with SLAB_PANIC).
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	struct kmem_cache *s = kmem_cache_alloc(kmem_cache, GFP_KERNEL);

	if (s && !kmem_cache_open(s, name, size, align, flags, ctor)) {
		kmem_cache_free(kmem_cache, s);
		s = NULL;
	}
	if (!s && (flags & SLAB_PANIC))
		panic("kmem_cache_create: Failed to create slab '%s'. Error %d\n", name, -EINVAL);
	return s;
}

/* Objects in use in the slabs of @s, withheld ones included. */
static unsigned long count_inuse(struct kmem_cache *s)
{
	struct page *slab;
	unsigned long inuse = 0;

	list_for_each_entry(slab, &s->slabs_partial, slab_list)
		inuse += slab->inuse;
	list_for_each_entry(slab, &s->slabs_full, slab_list)
		inuse += slab->inuse;
	return inuse;
}

/* Objects of @s that callers hold (withheld ones left out). */
unsigned long kmem_cache_active_objects(struct kmem_cache *s)
{
	return count_inuse(s) - s->nr_withheld;
}

/**
 * kmem_cache_shrink - give every empty slab of @s back to the buddy allocator
 * @s: the cache
 *
 * The free list's slabs go, and the current slab if it is empty.
 * Returns 0.
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	release_free_slabs(s);
	if (!list_empty(&s->slabs_partial)) {
		struct page *slab = list_first_entry(&s->slabs_partial, struct page, slab_list);

		if (slab->inuse == 0)
			discard_slab(s, slab);
	}
	return 0;
}

/*
 * List the objects of @s still allocated by callers (not free, not
 * withheld) as SLUB's list_slab_objects does, at most @limit of them.
 */
static void list_slab_objects(struct kmem_cache *s, unsigned int limit)
{
	struct list_head *lists[] = { &s->slabs_partial, &s->slabs_full };
	struct page *slab;

	for (unsigned int list_index = 0; list_index < ARRAY_SIZE(lists); list_index++) {
		list_for_each_entry(slab, lists[list_index], slab_list) {
			char *object = slab_first_object(s, slab);

			for (unsigned int i = 0; i < slab->objects; i++, object += s->size) {
				if (on_freelist(s, slab, object))
					continue;
				if (limit-- == 0)
					return;
				pr_err("INFO: Object 0x%lx @offset=%lu\n", (unsigned long)object,
				       (unsigned long)(object - (char *)page_address(slab)));
			}
		}
	}
}

/**
 * kmem_cache_destroy - remove a cache and give its pages back
 * @s: the cache, or NULL
 *
 * If callers still hold objects of @s, reports the cache and the count
 * and keeps the cache (mm/slab_common.c: shutdown_cache).
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long live;

	if (!s)
		return;
	live = kmem_cache_active_objects(s);
	if (live) {
		slab_bug(s, "Objects remaining in %s on __kmem_cache_shutdown()", s->name);
		list_slab_objects(s, 16);
		pr_err("kmem_cache_destroy %s: Slab cache still has %lu objects\n", s->name, live);
		return;
	}
	release_free_slabs(s);
	/* Slabs holding only withheld (damaged) objects go too: the cache is gone. */
	while (!list_empty(&s->slabs_partial))
		discard_slab(s, list_first_entry(&s->slabs_partial, struct page, slab_list));
	while (!list_empty(&s->slabs_full))
		discard_slab(s, list_first_entry(&s->slabs_full, struct page, slab_list));
	list_del(&s->list);
	kmem_cache_free(kmem_cache, s);
}

/* ---------------------------------------------------------------------- */
/* Boot (mm/slub.c: kmem_cache_init, bootstrap; mm/slab_common.c)          */

/*
 * Move the statically allocated @boot cache into an object of itself, so
 * that every struct kmem_cache comes from the kmem_cache cache
 * (mm/slub.c: bootstrap). Returns the new copy.
 */
static struct kmem_cache *bootstrap(struct kmem_cache *boot)
{
	struct kmem_cache *s = kmem_cache_alloc(boot, GFP_KERNEL);
	struct list_head *from[] = { &boot->slabs_full, &boot->slabs_partial, &boot->slabs_free };
	struct list_head *to[] = { &s->slabs_full, &s->slabs_partial, &s->slabs_free };

	BUG_ON(!s);
	memcpy(s, boot, sizeof(*s));
	for (unsigned int i = 0; i < ARRAY_SIZE(from); i++) {
		INIT_LIST_HEAD(to[i]);
		while (!list_empty(from[i])) {
			struct page *slab = list_first_entry(from[i], struct page, slab_list);

			slab->slab_cache = s;
			list_move_tail(&slab->slab_list, to[i]);
		}
	}
	list_del(&boot->list);
	list_add(&s->list, &slab_caches);
	return s;
}

/* Names of the kmalloc caches by index (mm/slab_common.c: kmalloc_info). */
static const char *const kmalloc_names[KMALLOC_SHIFT_HIGH + 1] = {
	[1] = "kmalloc-96", [2] = "kmalloc-192",
	[3] = "kmalloc-8", [4] = "kmalloc-16", [5] = "kmalloc-32", [6] = "kmalloc-64",
	[7] = "kmalloc-128", [8] = "kmalloc-256", [9] = "kmalloc-512", [10] = "kmalloc-1k",
	[11] = "kmalloc-2k", [12] = "kmalloc-4k", [13] = "kmalloc-8k",
};

/* Object size of kmalloc cache @index. */
static unsigned int kmalloc_size(unsigned int index)
{
	if (index == 1)
		return 96;
	if (index == 2)
		return 192;
	return 1U << index;
}

/**
 * kmem_cache_init - set up the slab allocator
 *
 * Makes the kmem_cache cache (bootstrapped from a static one) and the
 * kmalloc-8 .. kmalloc-8k caches. Call once, after the buddy allocator is
 * up and after the command line (slub_debug) has been parsed.
 */
void kmem_cache_init(void)
{
	static struct kmem_cache boot_kmem_cache;

	if (!kmem_cache_open(&boot_kmem_cache, "kmem_cache", sizeof(struct kmem_cache),
			     0, SLAB_HWCACHE_ALIGN, NULL))
		panic("kmem_cache_init: cannot lay out kmem_cache\n");
	kmem_cache = bootstrap(&boot_kmem_cache);
	for (unsigned int i = 1; i <= KMALLOC_SHIFT_HIGH; i++) {
		unsigned int size = kmalloc_size(i);
		/* Powers of two are naturally aligned, as Linux guarantees for kmalloc. */
		unsigned int align = (size & (size - 1)) ? 0 : min(size, (unsigned int)PAGE_SIZE);

		kmalloc_caches[i] = kmem_cache_create(kmalloc_names[i], size, align,
						      SLAB_PANIC, NULL);
	}
}

/* ---------------------------------------------------------------------- */
/* slub_debug and /proc/slabinfo                                           */

/*
 * slub_debug[=FLAGS] on the command line (mm/slub.c: setup_slub_debug):
 * no value turns on every check; letters F, Z, P, U pick some, '-' none.
 * Anything from a ',' on (Linux's per-cache lists) is ignored. Returns 0.
 */
int setup_slub_debug(char *str)
{
	slab_flags_t flags = 0;

	if (!str || !*str) {
		slub_debug = SLAB_DEBUG_FLAGS;
		return 0;
	}
	for (; *str && *str != ','; str++) {
		switch (*str) {
		case 'f': case 'F': flags |= SLAB_CONSISTENCY_CHECKS; break;
		case 'z': case 'Z': flags |= SLAB_RED_ZONE; break;
		case 'p': case 'P': flags |= SLAB_POISON; break;
		case 'u': case 'U': flags |= SLAB_STORE_USER; break;
		case '-': flags = 0; break;
		default:
			pr_err("slub_debug option '%c' unknown, ignored\n", *str);
		}
	}
	slub_debug = flags;
	return 0;
}
early_param("slub_debug", setup_slub_debug);

/*
 * Linux's /proc/slabinfo (mm/slab_common.c: print_slabinfo_header,
 * cache_show). There are no per-CPU arrays, so the tunables and
 * sharedavail are 0; active slabs are those not on the free list.
 */
void slabinfo_show(struct seq_file *m)
{
	struct kmem_cache *s;

	seq_puts(m, "slabinfo - version: 2.1\n");
	seq_puts(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab>");
	seq_puts(m, " : tunables <limit> <batchcount> <sharedfactor>");
	seq_puts(m, " : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	list_for_each_entry(s, &slab_caches, list) {
		seq_printf(m, "%-17s %6lu %6lu %6u %4u %4d", s->name, count_inuse(s),
			   s->nr_slabs * s->objects, s->size, s->objects, 1 << s->order);
		seq_printf(m, " : tunables %4u %4u %4u", 0, 0, 0);
		seq_printf(m, " : slabdata %6lu %6lu %6lu\n", s->nr_slabs - s->nr_free_slabs,
			   s->nr_slabs, 0UL);
	}
}
