// SPDX-License-Identifier: MIT
/* The kernel's own memory and string functions (no C library here). */
#include <linux/string.h>
#include <linux/kernel.h>

/*
 * memset and memcpy work 8 bytes at a time when they can (whole pages
 * always can: clear_page and copy_page in Linux use rep stosq/movsq too),
 * a byte at a time otherwise.
 */
void *memset(void *dst, int c, size_t n)
{
	void *ret = dst;

	if (!(((unsigned long)dst | n) & 7)) {
		unsigned long words = n / 8, pattern = 0x0101010101010101UL * (unsigned char)c;

		__asm__ __volatile__("rep stosq" : "+D"(dst), "+c"(words) : "a"(pattern) : "memory");
		return ret;
	}
	__asm__ __volatile__("rep stosb" : "+D"(dst), "+c"(n) : "a"(c) : "memory");
	return ret;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	void *ret = dst;

	if (!(((unsigned long)dst | (unsigned long)src | n) & 7)) {
		unsigned long words = n / 8;

		__asm__ __volatile__("rep movsq" : "+D"(dst), "+S"(src), "+c"(words) : : "memory");
		return ret;
	}
	__asm__ __volatile__("rep movsb" : "+D"(dst), "+S"(src), "+c"(n) : : "memory");
	return ret;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return x[i] - y[i];
	return 0;
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (size_t i = 0; i < n; i++)
		if (p[i] == (unsigned char)c)
			return (void *)(p + i);
	return NULL;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
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

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strcpy(char *dst, const char *src)
{
	char *ret = dst;

	while ((*dst++ = *src++))
		;
	return ret;
}

/* As C's strncpy: pads with NULs, does not terminate a string of n or more. */
char *strncpy(char *dst, const char *src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}

/* Copy at most size-1 characters and always terminate; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = min(len, size - 1);

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++)
		if (strncmp(haystack, needle, n) == 0)
			return (char *)haystack;
	return n ? NULL : (char *)haystack;
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* Parse an unsigned number; base 0 accepts 0x (hex) and 0 (octal) prefixes. */
unsigned long simple_strtoul(const char *s, char **end, unsigned int base)
{
	unsigned long value = 0;

	if (base == 0) {
		if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
			base = 16;
			s += 2;
		} else if (s[0] == '0') {
			base = 8;
		} else {
			base = 10;
		}
	} else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		s += 2;
	}
	while (digit_value(*s) < (int)base)
		value = value * base + digit_value(*s++);
	if (end)
		*end = (char *)s;
	return value;
}

long simple_strtol(const char *s, char **end, unsigned int base)
{
	if (*s == '-')
		return -(long)simple_strtoul(s + 1, end, base);
	return (long)simple_strtoul(s, end, base);
}
