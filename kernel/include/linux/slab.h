/* SPDX-License-Identifier: MIT */
/*
 * The slab allocator (kernel/mm/slab.c): named caches of equal-sized
 * objects carved out of buddy-allocator pages, and kmalloc() on top of a
 * set of size-class caches, in Linux 6.1's names (include/linux/slab.h).
 *
 * A slab is 2^order contiguous pages. Its first struct page records the
 * owning cache, the first free object and the counts (linux/mm_types.h),
 * so kfree(ptr) finds everything through virt_to_page(ptr).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>

struct seq_file;

typedef unsigned int slab_flags_t;

/* Cache flags, with Linux's values. */
#define SLAB_CONSISTENCY_CHECKS	((slab_flags_t)0x00000100U) /* double free, bad pointer checks */
#define SLAB_RED_ZONE		((slab_flags_t)0x00000400U) /* guard bytes around each object */
#define SLAB_POISON		((slab_flags_t)0x00000800U) /* fill free objects with 0x6b..0xa5 */
#define SLAB_HWCACHE_ALIGN	((slab_flags_t)0x00002000U) /* align objects to cache lines */
#define SLAB_STORE_USER		((slab_flags_t)0x00010000U) /* remember last alloc/free caller */
#define SLAB_PANIC		((slab_flags_t)0x00040000U) /* panic if kmem_cache_create fails */

/* Everything `slub_debug` (no letters) turns on, as SLUB's DEBUG_DEFAULT_FLAGS. */
#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
				 SLAB_POISON | SLAB_STORE_USER)

/* Byte patterns, as Linux's include/linux/poison.h. */
#define SLUB_RED_INACTIVE	0xbb	/* red zone of a free object */
#define SLUB_RED_ACTIVE		0xcc	/* red zone of an allocated object */
#define POISON_INUSE		0x5a	/* unused slab padding */
#define POISON_FREE		0x6b	/* a free object's bytes */
#define POISON_END		0xa5	/* a free object's last byte */

/* kmalloc size classes: kmalloc-8 .. kmalloc-8k; larger goes to the page allocator. */
#define KMALLOC_MIN_SIZE	8
#define KMALLOC_SHIFT_HIGH	13
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)

/* kmalloc(0) returns this: not NULL, but any access faults (Linux's ZERO_SIZE_PTR). */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/*
 * One cache. Offsets are from the object's start (what callers get);
 * a slot is [left red zone][object][right red zone][free pointer][tracks][padding]
 * and slots follow each other every @size bytes from the slab's start.
 */
struct kmem_cache {
	char name[32];			/* as shown by /proc/slabinfo */
	unsigned int object_size;	/* bytes the caller asked for */
	unsigned int size;		/* slot stride, with metadata and alignment */
	unsigned int align;		/* object alignment */
	unsigned int offset;		/* free pointer offset in a free object */
	unsigned int inuse;		/* end of object + right red zone */
	unsigned int red_left_pad;	/* left red zone bytes before the object */
	unsigned int order;		/* a slab is 2^order pages */
	unsigned int objects;		/* objects per slab */
	slab_flags_t flags;
	void (*ctor)(void *object);	/* run once per object when its slab is made */
	struct list_head slabs_full;	/* every object in use */
	struct list_head slabs_partial;	/* some objects in use */
	struct list_head slabs_free;	/* no object in use, kept as a reserve */
	unsigned long nr_slabs;		/* slabs on the three lists */
	unsigned long nr_free_slabs;	/* slabs on slabs_free */
	unsigned long nr_withheld;	/* corrupted objects never handed out again */
	struct list_head list;		/* in slab_caches */
};

/* Boot: make the kmem_cache and kmalloc-* caches. Call once the buddy allocator is up. */
void kmem_cache_init(void);

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfpflags);
void kmem_cache_free(struct kmem_cache *s, void *object);
unsigned int kmem_cache_size(struct kmem_cache *s);

/* kmem_cache_alloc() returning zeroed memory. */
static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return kmem_cache_alloc(s, flags | __GFP_ZERO);
}

/* A cache named after a struct, sized and aligned for it (Linux's KMEM_CACHE). */
#define KMEM_CACHE(__struct, __flags)					\
	kmem_cache_create(#__struct, sizeof(struct __struct),		\
			  __alignof__(struct __struct), (__flags), NULL)

void *kmalloc(size_t size, gfp_t flags);
void kfree(const void *object);
size_t ksize(const void *object);
void *krealloc(const void *p, size_t new_size, gfp_t flags);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/* An array of @n elements of @size bytes, zeroed; NULL if n * size overflows. */
static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, flags | __GFP_ZERO);
}

/* The kmalloc-N cache serving @size bytes, or NULL above KMALLOC_MAX_CACHE_SIZE. */
struct kmem_cache *kmalloc_slab(size_t size);

/* /proc/slabinfo, in Linux's "slabinfo - version: 2.1" format. */
void slabinfo_show(struct seq_file *m);

/* Objects of @s handed out and not yet freed (for leak checks). */
unsigned long kmem_cache_active_objects(struct kmem_cache *s);

/*
 * slub_debug: debugging for caches created from now on. @str is the
 * value of the `slub_debug` command-line word: "" for all checks, or
 * letters F (consistency), Z (red zone), P (poison), U (store user),
 * "-" for none. Returns 0.
 */
int setup_slub_debug(char *str);

/* Debug reports ("BUG <cache>: ...") printed since boot, and the last one's BUG line. */
unsigned long slab_debug_reports(void);
const char *slab_last_report(void);

#endif
