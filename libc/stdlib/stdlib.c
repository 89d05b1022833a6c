// SPDX-License-Identifier: MIT
/* The rest of <stdlib.h>: arithmetic, sorting and searching, random numbers, environment. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int abs(int x)
{
	return x < 0 ? -x : x;
}

long labs(long x)
{
	return x < 0 ? -x : x;
}

long long llabs(long long x)
{
	return x < 0 ? -x : x;
}

div_t div(int num, int den)
{
	return (div_t){ num / den, num % den };
}

ldiv_t ldiv(long num, long den)
{
	return (ldiv_t){ num / den, num % den };
}

lldiv_t lldiv(long long num, long long den)
{
	return (lldiv_t){ num / den, num % den };
}

static void swap_bytes(char *a, char *b, size_t size)
{
	while (size--) {
		char t = *a;

		*a++ = *b;
		*b++ = t;
	}
}

/* Move the element at index root down the max-heap of count elements. */
static void sift_down(char *base, size_t root, size_t count, size_t size,
		      int (*compar)(const void *, const void *))
{
	for (;;) {
		size_t child = 2 * root + 1;

		if (child >= count)
			return;
		if (child + 1 < count && compar(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (compar(base + root * size, base + child * size) >= 0)
			return;
		swap_bytes(base + root * size, base + child * size, size);
		root = child;
	}
}

/* qsort - heapsort: O(n log n) in every case, no extra memory. */
void qsort(void *base, size_t count, size_t size, int (*compar)(const void *, const void *))
{
	char *b = base;
	size_t i;

	if (count < 2)
		return;
	for (i = count / 2; i-- > 0;)
		sift_down(b, i, count, size, compar);
	for (i = count - 1; i > 0; i--) {
		swap_bytes(b, b + i * size, size);
		sift_down(b, 0, i, size, compar);
	}
}

void *bsearch(const void *key, const void *base, size_t count, size_t size,
	      int (*compar)(const void *, const void *))
{
	const char *b = base;

	while (count) {
		const char *middle = b + (count / 2) * size;
		int c = compar(key, middle);

		if (c == 0)
			return (void *)middle;
		if (c > 0) {
			b = middle + size;
			count -= count / 2 + 1;
		} else {
			count /= 2;
		}
	}
	return NULL;
}

static unsigned int rand_state = 1;

/* rand_r - a 31-bit linear congruential generator over *seed. */
int rand_r(unsigned int *seed)
{
	*seed = *seed * 1103515245 + 12345;
	return (int)((*seed >> 1) & RAND_MAX);
}

int rand(void)
{
	return rand_r(&rand_state);
}

void srand(unsigned int seed)
{
	rand_state = seed;
}

/* The entry of environ that defines name, or NULL. */
static char **find_env(const char *name)
{
	size_t len = strlen(name);
	char **e;

	for (e = environ; e && *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return e;
	return NULL;
}

char *getenv(const char *name)
{
	char **e = find_env(name);

	return e ? *e + strlen(name) + 1 : NULL;
}

int setenv(const char *name, const char *value, int overwrite)
{
	static char **owned;	/* the array we allocated, if environ is ours */
	size_t count = 0;
	char **e, *entry;

	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	e = find_env(name);
	if (e && !overwrite)
		return 0;
	entry = malloc(strlen(name) + strlen(value) + 2);
	if (!entry)
		return -1;
	strcpy(stpcpy(stpcpy(entry, name), "="), value);
	if (e) {
		*e = entry;
		return 0;
	}
	while (environ && environ[count])
		count++;
	e = malloc((count + 2) * sizeof(char *));
	if (!e) {
		free(entry);
		return -1;
	}
	if (count)
		memcpy(e, environ, count * sizeof(char *));
	e[count] = entry;
	e[count + 1] = NULL;
	free(owned);
	owned = environ = e;
	return 0;
}

int unsetenv(const char *name)
{
	char **e;

	if (!name || !*name || strchr(name, '=')) {
		errno = EINVAL;
		return -1;
	}
	while ((e = find_env(name)))
		for (; *e; e++)
			e[0] = e[1];
	return 0;
}
