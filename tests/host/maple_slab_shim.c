// SPDX-License-Identifier: MIT
/*
 * kmem_cache_* for the maple tree's host tests and benchmark, over the C
 * library's aligned_alloc (the kernel uses kernel/mm/slab.c). It counts
 * live objects, so a test can prove that nothing leaked, and it can be told
 * to fail an allocation, so a test can check every allocation point.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/slab.h>

long maple_shim_live;		/* objects allocated and not yet freed */
unsigned long maple_shim_allocs;	/* allocation attempts so far */
static unsigned long fail_at;	/* attempt number that fails; 0 = none */
static bool fail_all;		/* every attempt from fail_at on fails */

/* Make allocation attempt number @n from now (1 = the next) fail; 0 disarms. */
void maple_shim_fail_nth(unsigned long n, bool and_after)
{
	fail_at = n ? maple_shim_allocs + n : 0;
	fail_all = and_after;
}

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = calloc(1, sizeof(*s));

	if (!s)
		return NULL;
	strncpy(s->name, name, sizeof(s->name) - 1);
	s->object_size = size;
	s->align = align ? align : sizeof(void *);
	s->size = (size + s->align - 1) / s->align * s->align;
	s->flags = flags;
	s->ctor = ctor;
	return s;
}

void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	void *object;

	maple_shim_allocs++;
	if (fail_at && (maple_shim_allocs == fail_at ||
			(fail_all && maple_shim_allocs > fail_at)))
		return NULL;
	object = aligned_alloc(s->align, s->size);
	if (!object)
		return NULL;
	if (s->ctor)
		s->ctor(object);
	if (gfp & __GFP_ZERO)
		memset(object, 0, s->object_size);
	maple_shim_live++;
	return object;
}

void kmem_cache_free(struct kmem_cache *s, void *object)
{
	if (!object)
		return;
	maple_shim_live--;
	free(object);
}

/* The one cache the maple tree makes: its live objects are the shim's. */
unsigned long kmem_cache_active_objects(struct kmem_cache *s)
{
	return s ? maple_shim_live : 0;
}
