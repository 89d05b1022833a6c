// SPDX-License-Identifier: MIT
/*
 * malloc and friends over sbrk, shaped like glibc's ptmalloc so that a
 * student's strace shows the same break movements:
 *
 * - A boundary-tag heap of chunks: each chunk starts with the size of the
 *   previous chunk (valid only while that one is free) and its own size,
 *   whose low bits carry flags. Free chunks sit in size-indexed bins and
 *   are merged with free neighbours at once, so no two free chunks touch.
 * - The "top" chunk is the free space between the last chunk and the
 *   break. When it is too small the heap grows by the request plus
 *   top_pad (128 KiB) plus MINSIZE, rounded up to a page (glibc's
 *   sysmalloc). When a free leaves 128 KiB or more at the top
 *   (M_TRIM_THRESHOLD), all but top_pad is given back with a negative
 *   sbrk (glibc's systrim).
 * - The bin table lives in the first chunk of the heap, allocated by the
 *   first malloc, as glibc's tcache does; so the first heap growth is
 *   brk(B + 0x21000) whatever the first request, as on Linux with glibc.
 * - Requests of 128 KiB and more (chunk size, like glibc's
 *   mmap_threshold) get their own anonymous mmap and go back with munmap.
 */
#ifdef LIBC_HOST_TEST
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include "malloc_host.h"
#define malloc			libc_test_malloc
#define free			libc_test_free
#define calloc			libc_test_calloc
#define realloc			libc_test_realloc
#define aligned_alloc		libc_test_aligned_alloc
#define posix_memalign		libc_test_posix_memalign
#define memalign		libc_test_memalign
#define malloc_usable_size	libc_test_malloc_usable_size
#define __libc_malloc_check	libc_test_malloc_check
#define sbrk			fake_sbrk
#define mmap			fake_mmap
#define munmap			fake_munmap
#else
#include <errno.h>
#include <stdbool.h>
#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

#define SIZE_SZ		sizeof(size_t)
#define MALLOC_ALIGNMENT 16UL
#define ALIGN_MASK	(MALLOC_ALIGNMENT - 1)
#define MINSIZE		32UL
#define PAGE_SIZE_BYTES	4096UL
#define CHUNK_HEADER	(2 * SIZE_SZ)	/* prev_size + size */

#define TOP_PAD		(128UL * 1024)	/* glibc's M_TOP_PAD default */
#define TRIM_THRESHOLD	(128UL * 1024)	/* glibc's M_TRIM_THRESHOLD default */
#define MMAP_THRESHOLD	(128UL * 1024)	/* glibc's M_MMAP_THRESHOLD default */

/* Flags in the low bits of chunk->size. */
#define PREV_INUSE	0x1UL	/* the chunk just below is allocated */
#define IS_MMAPPED	0x2UL	/* this chunk is a mapping of its own */
#define CHUNK_INUSE	0x4UL	/* this chunk is allocated */
#define FENCEPOST	0x8UL	/* end marker of a heap segment (see sysmalloc) */
#define SIZE_FLAGS	0xfUL

#define NSMALLBINS	64	/* bins 2..63 hold exactly 16 * index bytes */
#define NBINS		128	/* bins 64..127: four per power of two */

struct chunk {
	size_t prev_size;	/* size of the chunk below, while it is free */
	size_t size;		/* this chunk's size | flags */
	struct chunk *next;	/* free chunks only: bin list */
	struct chunk *prev;
};

/* A segment-ending fencepost also says where the next segment starts. */
struct fencepost {
	size_t prev_size;
	size_t size;		/* FENCEPOST_SIZE | CHUNK_INUSE | FENCEPOST | ... */
	struct chunk *next_segment;
	size_t unused;
};
#define FENCEPOST_SIZE	sizeof(struct fencepost)

/* The bin table: list heads and a bitmap of the non-empty bins. */
struct bin_table {
	struct chunk *heads[NBINS];
	uint64_t map[NBINS / 64];
};

static struct {
	struct chunk *top;		/* NULL before the first heap growth */
	struct chunk *first_segment;	/* the lowest chunk of the heap */
	struct bin_table *bins;		/* inside the heap's first chunk */
} heap;

static inline size_t chunk_size(const struct chunk *c)
{
	return c->size & ~SIZE_FLAGS;
}

static inline struct chunk *chunk_at(const void *base, size_t offset)
{
	return (struct chunk *)((char *)base + offset);
}

static inline void *chunk_to_mem(struct chunk *c)
{
	return (char *)c + CHUNK_HEADER;
}

static inline struct chunk *mem_to_chunk(void *mem)
{
	return (struct chunk *)((char *)mem - CHUNK_HEADER);
}

/*
 * request_to_size - the chunk size serving a request of n bytes: header
 * plus payload, 16-aligned, at least MINSIZE. An allocated chunk also uses
 * the next chunk's prev_size field, so only SIZE_SZ of overhead is added
 * (glibc's request2size). Returns 0 when n is too large.
 */
static size_t request_to_size(size_t n)
{
	if (n > PTRDIFF_MAX - MINSIZE - PAGE_SIZE_BYTES)
		return 0;
	if (n + SIZE_SZ + ALIGN_MASK < MINSIZE)
		return MINSIZE;
	return (n + SIZE_SZ + ALIGN_MASK) & ~ALIGN_MASK;
}

/* bin_index - the bin a free chunk of this size belongs to. */
static unsigned int bin_index(size_t size)
{
	unsigned int log, index;

	if (size < NSMALLBINS * MALLOC_ALIGNMENT)
		return size / MALLOC_ALIGNMENT;
	log = 63 - __builtin_clzl(size);
	index = NSMALLBINS + (log - 10) * 4 + ((size >> (log - 2)) & 3);
	return index < NBINS ? index : NBINS - 1;
}

static void bin_insert(struct chunk *c)
{
	unsigned int index = bin_index(chunk_size(c));
	struct chunk **head = &heap.bins->heads[index];

	c->prev = NULL;
	c->next = *head;
	if (*head)
		(*head)->prev = c;
	*head = c;
	heap.bins->map[index / 64] |= 1UL << (index % 64);
}

static void bin_remove(struct chunk *c)
{
	unsigned int index = bin_index(chunk_size(c));

	if (c->prev)
		c->prev->next = c->next;
	else
		heap.bins->heads[index] = c->next;
	if (c->next)
		c->next->prev = c->prev;
	if (!heap.bins->heads[index])
		heap.bins->map[index / 64] &= ~(1UL << (index % 64));
}

/* Mark c (size bytes, prev allocated) free: footer, neighbour's flag, bin. */
static void make_free_chunk(struct chunk *c, size_t size)
{
	struct chunk *next = chunk_at(c, size);

	c->size = size | PREV_INUSE;
	next->prev_size = size;
	next->size &= ~PREV_INUSE;
	bin_insert(c);
}

/*
 * merge_and_release - give the free region c (size bytes) back: merge it
 * with a free chunk below and above, or into top, then bin it.
 * Returns true when the region ended up in top.
 */
static bool merge_and_release(struct chunk *c, size_t size)
{
	struct chunk *next = chunk_at(c, size);

	if (!(c->size & PREV_INUSE)) {
		struct chunk *prev = chunk_at(c, -c->prev_size);

		bin_remove(prev);
		size += chunk_size(prev);
		c = prev;
	}
	if (next == heap.top) {
		c->size = (size + chunk_size(next)) | PREV_INUSE;
		heap.top = c;
		return true;
	}
	if (!(next->size & CHUNK_INUSE)) {
		bin_remove(next);
		size += chunk_size(next);
	}
	make_free_chunk(c, size);
	return false;
}

/*
 * split_chunk - c is allocated and has room for nb bytes; keep nb and give
 * the rest back when it can make a chunk of its own.
 */
static void split_chunk(struct chunk *c, size_t nb)
{
	size_t size = chunk_size(c);
	struct chunk *rest;

	if (size - nb < MINSIZE)
		return;
	c->size = nb | (c->size & SIZE_FLAGS);
	rest = chunk_at(c, nb);
	rest->size = (size - nb) | PREV_INUSE;
	merge_and_release(rest, size - nb);
}

/* Hand out c (taken from a bin or from top), marking it and its neighbour. */
static void *use_chunk(struct chunk *c)
{
	struct chunk *next = chunk_at(c, chunk_size(c));

	c->size |= CHUNK_INUSE;
	next->size |= PREV_INUSE;
	return chunk_to_mem(c);
}

/* Carve nb bytes off the bottom of top (which must hold nb + MINSIZE). */
static void *take_from_top(size_t nb)
{
	struct chunk *c = heap.top;
	size_t top_size = chunk_size(c);

	heap.top = chunk_at(c, nb);
	heap.top->size = (top_size - nb) | PREV_INUSE;
	c->size = nb | (c->size & PREV_INUSE) | CHUNK_INUSE;
	return chunk_to_mem(c);
}

/*
 * Retire the old top when the break moved behind the allocator's back: its
 * space becomes a free chunk ended by a fencepost that points to new_start.
 */
static void retire_top(struct chunk *new_start)
{
	struct chunk *old = heap.top;
	size_t size = chunk_size(old);
	struct fencepost *fence = (struct fencepost *)chunk_at(old, size - FENCEPOST_SIZE);

	fence->size = FENCEPOST_SIZE | CHUNK_INUSE | FENCEPOST;
	fence->next_segment = new_start;
	if (size > FENCEPOST_SIZE) {
		old->size = (size - FENCEPOST_SIZE) | (old->size & PREV_INUSE);
		heap.top = NULL;
		merge_and_release(old, size - FENCEPOST_SIZE);
	} else {
		fence->size |= old->size & PREV_INUSE;
	}
}

/*
 * sysmalloc - grow the heap so that top can serve nb bytes (glibc's
 * sysmalloc for the main arena): ask for nb + TOP_PAD + MINSIZE, less what
 * top already holds when the break is still top's end, rounded up to a
 * page. Returns false (errno ENOMEM) when the kernel refuses.
 */
static bool sysmalloc(size_t nb)
{
	char *old_end = heap.top ? (char *)heap.top + chunk_size(heap.top) : NULL;
	size_t size = nb + TOP_PAD + MINSIZE;
	bool contiguous = heap.top && sbrk(0) == old_end;
	char *brk_start, *start, *end;

	if (contiguous)
		size -= chunk_size(heap.top);
	size = (size + PAGE_SIZE_BYTES - 1) & ~(PAGE_SIZE_BYTES - 1);
	brk_start = sbrk(size);
	if (brk_start == (char *)-1) {
		errno = ENOMEM;
		return false;
	}
	if (contiguous && brk_start == old_end) {
		heap.top->size += size;
		return true;
	}

	/*
	 * A new segment. A misaligned break loses its first bytes, and asks
	 * for a few more so that top still ends exactly at the break (which
	 * systrim requires).
	 */
	start = (char *)(((uintptr_t)brk_start + ALIGN_MASK) & ~ALIGN_MASK);
	end = brk_start + size;
	if ((uintptr_t)end & ALIGN_MASK) {
		size_t correction = MALLOC_ALIGNMENT - ((uintptr_t)end & ALIGN_MASK);

		if (sbrk(correction) == end)
			end += correction;
		else
			end = (char *)((uintptr_t)end & ~ALIGN_MASK);
	}
	if (heap.top)
		retire_top((struct chunk *)start);
	else
		heap.first_segment = (struct chunk *)start;
	heap.top = (struct chunk *)start;
	heap.top->size = (size_t)(end - start) | PREV_INUSE;
	return chunk_size(heap.top) >= nb + MINSIZE;
}

/*
 * systrim - give back to the kernel all but pad bytes of a large top
 * (glibc's systrim), provided nobody moved the break since.
 */
static void systrim(size_t pad)
{
	size_t top_size = chunk_size(heap.top);
	size_t extra;
	char *current, *now;

	if (top_size <= pad + MINSIZE + 1)
		return;
	extra = (top_size - pad - MINSIZE - 1) & ~(PAGE_SIZE_BYTES - 1);
	if (!extra)
		return;
	current = sbrk(0);
	if (current != (char *)heap.top + top_size)
		return;
	sbrk(-(intptr_t)extra);
	now = sbrk(0);
	if (now != (char *)-1 && now < current)
		heap.top->size = (top_size - (size_t)(current - now)) | PREV_INUSE;
}

/* Search the bins for a free chunk of at least nb bytes; unlinks it. */
static struct chunk *bins_take(size_t nb)
{
	unsigned int index = bin_index(nb);
	struct chunk *c;

	if (index >= NSMALLBINS) {
		/* A large bin mixes sizes: best fit within it. */
		struct chunk *best = NULL;

		for (c = heap.bins->heads[index]; c; c = c->next)
			if (chunk_size(c) >= nb && (!best || chunk_size(c) < chunk_size(best)))
				best = c;
		if (best) {
			bin_remove(best);
			return best;
		}
		index++;
	}
	/* Every chunk in a bin from here up is large enough. */
	while (index < NBINS) {
		uint64_t bits = heap.bins->map[index / 64] >> (index % 64);

		if (!bits) {
			index = (index / 64 + 1) * 64;
			continue;
		}
		index += __builtin_ctzl(bits);
		c = heap.bins->heads[index];
		bin_remove(c);
		return c;
	}
	return NULL;
}

/* A heap chunk of nb bytes (nb < MMAP_THRESHOLD), or NULL with ENOMEM. */
static void *heap_alloc(size_t nb)
{
	struct chunk *c = heap.bins ? bins_take(nb) : NULL;

	if (c) {
		void *mem = use_chunk(c);

		split_chunk(c, nb);
		return mem;
	}
	if (!heap.top || chunk_size(heap.top) < nb + MINSIZE)
		if (!sysmalloc(nb))
			return NULL;
	return take_from_top(nb);
}

/* The bin table comes first in the heap, like glibc's tcache. */
static bool heap_init(void)
{
	void *table = heap_alloc(request_to_size(sizeof(struct bin_table)));

	if (!table)
		return false;
	memset(table, 0, sizeof(struct bin_table));
	heap.bins = table;
	return true;
}

/* A chunk of nb bytes in a mapping of its own, starting align-aligned. */
static void *mmap_alloc(size_t nb, size_t align)
{
	size_t length = (nb + align + PAGE_SIZE_BYTES - 1) & ~(PAGE_SIZE_BYTES - 1);
	char *base = mmap(NULL, length, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uintptr_t mem;
	struct chunk *c;

	if (base == MAP_FAILED) {
		errno = ENOMEM;
		return NULL;
	}
	mem = ((uintptr_t)base + CHUNK_HEADER + align - 1) & ~(uintptr_t)(align - 1);
	c = mem_to_chunk((void *)mem);
	c->prev_size = (char *)c - base;	/* offset of the chunk in the mapping */
	c->size = (length - c->prev_size) | IS_MMAPPED | CHUNK_INUSE;
	return (void *)mem;
}

void *malloc(size_t n)
{
	size_t nb = request_to_size(n);

	if (!nb) {
		errno = ENOMEM;
		return NULL;
	}
	if (nb >= MMAP_THRESHOLD)
		return mmap_alloc(nb, MALLOC_ALIGNMENT);
	if (!heap.bins && !heap_init())
		return NULL;
	return heap_alloc(nb);
}

void free(void *mem)
{
	struct chunk *c;

	if (!mem)
		return;
	c = mem_to_chunk(mem);
	if (c->size & IS_MMAPPED) {
		munmap((char *)c - c->prev_size, c->prev_size + chunk_size(c));
		return;
	}
	c->size &= ~CHUNK_INUSE;
	if (merge_and_release(c, chunk_size(c)) && chunk_size(heap.top) >= TRIM_THRESHOLD)
		systrim(TOP_PAD);
}

void *calloc(size_t count, size_t size)
{
	size_t total;
	void *mem;

	if (__builtin_mul_overflow(count, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	mem = malloc(total);
	/* A fresh anonymous mapping is already zero. */
	if (mem && !(mem_to_chunk(mem)->size & IS_MMAPPED))
		memset(mem, 0, total);
	return mem;
}

/* Bytes the caller may use in an allocated chunk. */
static size_t usable_size(struct chunk *c)
{
	if (c->size & IS_MMAPPED)
		return chunk_size(c) - CHUNK_HEADER;
	return chunk_size(c) - SIZE_SZ;
}

size_t malloc_usable_size(void *mem)
{
	return mem ? usable_size(mem_to_chunk(mem)) : 0;
}

/* Try to make the heap chunk c hold nb bytes without moving it. */
static bool grow_in_place(struct chunk *c, size_t nb)
{
	size_t size = chunk_size(c);
	struct chunk *next = chunk_at(c, size);

	if (next == heap.top) {
		if (size + chunk_size(next) < nb + MINSIZE)
			return false;
		heap.top = chunk_at(c, nb);
		heap.top->size = (size + chunk_size(next) - nb) | PREV_INUSE;
		c->size = nb | (c->size & SIZE_FLAGS);
		return true;
	}
	if (next->size & CHUNK_INUSE || size + chunk_size(next) < nb)
		return false;
	bin_remove(next);
	c->size += chunk_size(next);
	chunk_at(c, chunk_size(c))->size |= PREV_INUSE;
	split_chunk(c, nb);
	return true;
}

void *realloc(void *mem, size_t n)
{
	struct chunk *c;
	size_t nb;
	void *fresh;

	if (!mem)
		return malloc(n);
	if (n == 0) {
		free(mem);
		return NULL;
	}
	nb = request_to_size(n);
	if (!nb) {
		errno = ENOMEM;
		return NULL;
	}
	c = mem_to_chunk(mem);
	if (!(c->size & IS_MMAPPED)) {
		if (chunk_size(c) >= nb) {
			split_chunk(c, nb);
			if (chunk_size(heap.top) >= TRIM_THRESHOLD)
				systrim(TOP_PAD);
			return mem;
		}
		if (nb < MMAP_THRESHOLD && grow_in_place(c, nb))
			return mem;
	} else if (usable_size(c) >= n && usable_size(c) / 2 < n) {
		return mem;	/* the mapping still fits and is not mostly wasted */
	}
	fresh = malloc(n);
	if (!fresh)
		return NULL;
	memcpy(fresh, mem, usable_size(c) < n ? usable_size(c) : n);
	free(mem);
	return fresh;
}

void *memalign(size_t align, size_t n)
{
	size_t nb = request_to_size(n);
	struct chunk *c;
	uintptr_t mem, aligned;
	void *raw;

	if (align <= MALLOC_ALIGNMENT)
		return malloc(n);
	if (align & (align - 1) || !nb || nb > PTRDIFF_MAX - align - MINSIZE) {
		errno = align & (align - 1) ? EINVAL : ENOMEM;
		return NULL;
	}
	if (nb >= MMAP_THRESHOLD)
		return mmap_alloc(nb, align);

	/* Room to move the start up to an aligned spot and still leave a chunk below it. */
	raw = malloc(nb + align + MINSIZE);
	if (!raw)
		return NULL;
	mem = (uintptr_t)raw;
	if (mem & (align - 1)) {
		struct chunk *old = mem_to_chunk(raw);
		size_t lead;

		aligned = (mem + MINSIZE + align - 1) & ~(uintptr_t)(align - 1);
		lead = aligned - mem;
		c = mem_to_chunk((void *)aligned);
		if (old->size & IS_MMAPPED) {
			c->prev_size = old->prev_size + lead;
			c->size = (chunk_size(old) - lead) | IS_MMAPPED | CHUNK_INUSE;
			return (void *)aligned;
		}
		c->size = (chunk_size(old) - lead) | CHUNK_INUSE;
		old->size = lead | (old->size & PREV_INUSE);
		merge_and_release(old, lead);
		mem = aligned;
	}
	c = mem_to_chunk((void *)mem);
	if (!(c->size & IS_MMAPPED))
		split_chunk(c, nb);
	return (void *)mem;
}

void *aligned_alloc(size_t align, size_t n)
{
	if (align == 0 || align & (align - 1)) {
		errno = EINVAL;
		return NULL;
	}
	return memalign(align, n);
}

int posix_memalign(void **memptr, size_t align, size_t n)
{
	int saved = errno;
	void *mem;

	if (align % sizeof(void *) || align == 0 || align & (align - 1))
		return EINVAL;
	mem = memalign(align, n);
	if (!mem) {
		int err = errno;

		errno = saved;
		return err;
	}
	*memptr = mem;
	return 0;
}

/* Record the first broken invariant into why. */
static int check_failed(char *why, size_t len, const char *what, const void *where)
{
	if (why && len)
		snprintf(why, len, "%s at %p", what, where);
	return -1;
}

/* Check one chunk of the walk that is neither top nor a fencepost. */
static int check_chunk(struct chunk *c, bool prev_free, char *why, size_t len)
{
	size_t size = chunk_size(c);
	struct chunk *next = chunk_at(c, size);

	if (size < MINSIZE || size & ALIGN_MASK || c->size & IS_MMAPPED)
		return check_failed(why, len, "bad chunk size", c);
	if (!(c->size & PREV_INUSE) != prev_free)
		return check_failed(why, len, "PREV_INUSE disagrees with the chunk below", c);
	if (c->size & CHUNK_INUSE)
		return 0;
	if (prev_free)
		return check_failed(why, len, "two free chunks side by side", c);
	if (next->prev_size != size)
		return check_failed(why, len, "free chunk footer wrong", c);
	if (next == heap.top)
		return check_failed(why, len, "free chunk below top", c);
	return 0;
}

/* Every bin's list is linked both ways, holds free chunks of its sizes, matches the map. */
static int check_bins(size_t *binned, char *why, size_t len)
{
	unsigned int i;

	*binned = 0;
	for (i = 0; i < NBINS; i++) {
		struct chunk *c, *prev = NULL;
		bool mapped = heap.bins->map[i / 64] >> (i % 64) & 1;

		if (mapped != (heap.bins->heads[i] != NULL))
			return check_failed(why, len, "bin map disagrees with bin", heap.bins);
		for (c = heap.bins->heads[i]; c; prev = c, c = c->next) {
			if (c->prev != prev)
				return check_failed(why, len, "bin list back link wrong", c);
			if (c->size & CHUNK_INUSE || bin_index(chunk_size(c)) != i)
				return check_failed(why, len, "chunk in the wrong bin", c);
			if (++*binned > (1UL << 40))
				return check_failed(why, len, "bin list loops", c);
		}
	}
	return 0;
}

int __libc_malloc_check(char *why, size_t len)
{
	struct chunk *c = heap.first_segment;
	size_t binned = 0, counted = 0;
	bool prev_free = false;

	if (!heap.top)
		return 0;
	while (c != heap.top) {
		if (c->size & FENCEPOST) {
			struct fencepost *fence = (struct fencepost *)c;

			if (!(c->size & PREV_INUSE) != prev_free)
				return check_failed(why, len, "fencepost PREV_INUSE wrong", c);
			c = fence->next_segment;
			prev_free = false;
			continue;
		}
		if (check_chunk(c, prev_free, why, len))
			return -1;
		prev_free = !(c->size & CHUNK_INUSE);
		if (prev_free)
			counted++;
		c = chunk_at(c, chunk_size(c));
	}
	if (prev_free || !(heap.top->size & PREV_INUSE))
		return check_failed(why, len, "free chunk below top", c);
	if (chunk_size(heap.top) < MINSIZE || chunk_size(heap.top) & ALIGN_MASK)
		return check_failed(why, len, "bad top size", heap.top);
	if (check_bins(&binned, why, len))
		return -1;
	if (binned != counted)
		return check_failed(why, len, "free chunks and binned chunks differ in number",
				    heap.bins);
	return 0;
}
