// SPDX-License-Identifier: MIT
/* <string.h> and <strings.h>. The compiler may call memcpy/memset/memmove/memcmp itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void *memcpy(void *restrict dest, const void *restrict src, size_t n)
{
	void *d = dest;

	__asm__ volatile("rep movsb" : "+D"(d), "+S"(src), "+c"(n) : : "memory");
	return dest;
}

void *memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dest, src, n);
	while (n--)	/* overlapping with dest above src: copy from the end */
		d[n] = s[n];
	return dest;
}

void *memset(void *s, int c, size_t n)
{
	void *d = s;

	__asm__ volatile("rep stosb" : "+D"(d), "+c"(n) : "a"(c) : "memory");
	return s;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

void *memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	while (n--)
		if (p[n] == (unsigned char)c)
			return (void *)(p + n);
	return NULL;
}

void *mempcpy(void *restrict dest, const void *restrict src, size_t n)
{
	return (char *)memcpy(dest, src, n) + n;
}

void *memmem(const void *haystack, size_t haystack_len, const void *needle, size_t needle_len)
{
	const char *h = haystack;
	size_t i;

	if (!needle_len)
		return (void *)h;
	for (i = 0; i + needle_len <= haystack_len; i++)
		if (h[i] == *(const char *)needle && !memcmp(h + i, needle, needle_len))
			return (void *)(h + i);
	return NULL;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

char *strcpy(char *restrict dest, const char *restrict src)
{
	stpcpy(dest, src);
	return dest;
}

char *stpcpy(char *restrict dest, const char *restrict src)
{
	while ((*dest = *src++))
		dest++;
	return dest;
}

/* strncpy - copy at most n bytes, padding the rest of dest with NULs. */
char *strncpy(char *restrict dest, const char *restrict src, size_t n)
{
	stpncpy(dest, src, n);
	return dest;
}

char *stpncpy(char *restrict dest, const char *restrict src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dest, src, len);
	memset(dest + len, 0, n - len);
	return dest + len;
}

size_t strlcpy(char *dest, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t copy = len < size - 1 ? len : size - 1;

		memcpy(dest, src, copy);
		dest[copy] = '\0';
	}
	return len;
}

size_t strlcat(char *dest, const char *src, size_t size)
{
	size_t used = strnlen(dest, size);

	if (used == size)
		return size + strlen(src);
	return used + strlcpy(dest + used, src, size - used);
}

char *strcat(char *restrict dest, const char *restrict src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}

char *strncat(char *restrict dest, const char *restrict src, size_t n)
{
	char *end = dest + strlen(dest);
	size_t len = strnlen(src, n);

	memcpy(end, src, len);
	end[len] = '\0';
	return dest;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		if (!*a)
			break;
	}
	return 0;
}

int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);	/* the C locale */
}

char *strchr(const char *s, int c)
{
	char *p = strchrnul(s, c);

	return *p == (char)c ? p : NULL;
}

char *strchrnul(const char *s, int c)
{
	while (*s && *s != (char)c)
		s++;
	return (char *)s;
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

size_t strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

size_t strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

char *strstr(const char *haystack, const char *needle)
{
	return memmem(haystack, strlen(haystack), needle, strlen(needle));
}

char *strtok_r(char *restrict s, const char *restrict delim, char **restrict saveptr)
{
	char *end;

	if (!s)
		s = *saveptr;
	s += strspn(s, delim);
	if (!*s) {
		*saveptr = s;
		return NULL;
	}
	end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	*saveptr = end;
	return s;
}

char *strtok(char *restrict s, const char *restrict delim)
{
	static char *saved;

	return strtok_r(s, delim, &saved);
}

char *strsep(char **stringp, const char *delim)
{
	char *s = *stringp, *end;

	if (!s)
		return NULL;
	end = s + strcspn(s, delim);
	if (*end) {
		*end = '\0';
		*stringp = end + 1;
	} else {
		*stringp = NULL;
	}
	return s;
}

char *strdup(const char *s)
{
	return strndup(s, SIZE_MAX);
}

char *strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *copy = malloc(len + 1);

	if (copy) {
		memcpy(copy, s, len);
		copy[len] = '\0';
	}
	return copy;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

int strcasecmp(const char *a, const char *b)
{
	return strncasecmp(a, b, SIZE_MAX);
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		int x = lower((unsigned char)*a), y = lower((unsigned char)*b);

		if (x != y)
			return x - y;
		if (!x)
			break;
	}
	return 0;
}

void bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

int bcmp(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n);
}

void bcopy(const void *src, void *dest, size_t n)
{
	memmove(dest, src, n);
}

char *index(const char *s, int c)
{
	return strchr(s, c);
}

char *rindex(const char *s, int c)
{
	return strrchr(s, c);
}

int ffs(int i)
{
	return __builtin_ffs(i);
}
