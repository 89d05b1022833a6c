// SPDX-License-Identifier: MIT
/* String to integer conversions, with C's rules for bases, signs and ERANGE. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>

static int digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/*
 * parse_integer - the shared core: skips space, takes a sign, a 0x or 0
 * prefix as the base allows, then digits. Returns the magnitude, capped
 * at limit (ERANGE) when it does not fit; *negative says a '-' was seen.
 */
static unsigned long long parse_integer(const char *s, char **end, int base,
					unsigned long long limit, bool *negative)
{
	const char *p = s, *digits;
	unsigned long long value = 0;
	bool overflow = false;

	*negative = false;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s;
		return 0;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '-' || *p == '+')
		*negative = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 0x20) == 'x' &&
	    digit_value((unsigned char)p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	digits = p;
	for (; digit_value((unsigned char)*p) < base; p++) {
		int d = digit_value((unsigned char)*p);

		if (value > (limit - d) / base)
			overflow = true;
		else
			value = value * base + d;
	}
	if (end)
		*end = (char *)(p == digits ? s : p);
	if (overflow) {
		errno = ERANGE;
		return limit;
	}
	return value;
}

unsigned long long strtoull(const char *restrict s, char **restrict end, int base)
{
	bool negative;
	unsigned long long value = parse_integer(s, end, base, ULLONG_MAX, &negative);

	/* Like glibc, "-1" gives ULLONG_MAX: the negation happens in the unsigned type. */
	return negative ? -value : value;
}

unsigned long strtoul(const char *restrict s, char **restrict end, int base)
{
	return strtoull(s, end, base);
}

long long strtoll(const char *restrict s, char **restrict end, int base)
{
	bool negative;
	unsigned long long value;
	int saved = errno;

	errno = 0;
	value = parse_integer(s, end, base, ULLONG_MAX, &negative);
	if (errno == ERANGE || value > (unsigned long long)LLONG_MAX + negative) {
		errno = ERANGE;
		return negative ? LLONG_MIN : LLONG_MAX;
	}
	if (!errno)
		errno = saved;
	return negative ? (long long)(0ULL - value) : (long long)value;
}

long strtol(const char *restrict s, char **restrict end, int base)
{
	return strtoll(s, end, base);
}

intmax_t strtoimax(const char *restrict s, char **restrict end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *restrict s, char **restrict end, int base)
{
	return strtoull(s, end, base);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
