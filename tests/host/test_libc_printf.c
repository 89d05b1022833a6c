// SPDX-License-Identifier: MIT
/*
 * The libc's printf engine (libc/stdio/vformat.c) against the host glibc:
 * every format of a generated table (all flag sets, widths, precisions,
 * lengths and conversions) is printed with both and the strings compared.
 */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <stdarg.h>
#include <stddef.h>
#include <kunit/test.h>
#include "../../libc/stdio/format.h"

struct buffer {
	char text[512];
	size_t len;
};

static void buffer_emit(void *ctx, const char *s, size_t n)
{
	struct buffer *b = ctx;

	while (n--) {
		if (b->len < sizeof(b->text) - 1)
			b->text[b->len] = *s;
		b->len++;
		s++;
	}
}

/* Our engine into a buffer; returns the count __libc_vformat reports. */
static int ours(struct buffer *b, const char *fmt, ...)
{
	va_list args;
	int n;

	b->len = 0;
	va_start(args, fmt);
	n = __libc_vformat(buffer_emit, b, fmt, args);
	va_end(args);
	b->text[b->len < sizeof(b->text) ? b->len : sizeof(b->text) - 1] = '\0';
	return n;
}

static int compared, mismatches;

/* Compare one formatted result; report the first few differences. */
static void check(struct kunit *test, const char *fmt, const char *want, int want_n,
		  struct buffer *got, int got_n)
{
	compared++;
	if (strcmp(want, got->text) == 0 && want_n == got_n && (size_t)got_n == got->len)
		return;
	if (mismatches++ < 20)
		kunit_fail(test, __FILE__, __LINE__, fmt, "glibc \"%s\" (%d), libc \"%s\" (%d)",
			   want, want_n, got->text, got_n);
	else
		test->failed = 1;
}

#define COMPARE(test, fmt, ...) do {					\
	const char *__fmt = (fmt);	/* not a literal: no -Wformat */	\
	char __want[512];						\
	struct buffer __got;						\
	int __wn = snprintf(__want, sizeof(__want), __fmt, __VA_ARGS__); \
	int __gn = ours(&__got, __fmt, __VA_ARGS__);			\
	check(test, __fmt, __want, __wn, &__got, __gn);			\
} while (0)

static const char *const flag_sets[] = {
	"", "-", "+", " ", "#", "0", "-+", "- ", "-#", "-0", "+ ", "+#", "+0", " #", " 0",
	"#0", "-+#", "+ 0", "-#0", "+#0", " #0", "-+ #0", "0-", "00",
};
static const char *const widths[] = { "", "0", "1", "2", "5", "12", "30" };
static const char *const precisions[] = { "", ".", ".0", ".1", ".3", ".12", ".30" };

/* Build "%<flags><width><precision><length><conv>" into fmt. */
static void make_format(char *fmt, size_t size, const char *flags, const char *width,
			const char *precision, const char *length, char conv)
{
	snprintf(fmt, size, "%%%s%s%s%s%c", flags, width, precision, length, conv);
}

#define FOR_EACH_SPEC(flags, width, precision)				\
	for (size_t fi = 0; fi < sizeof(flag_sets) / sizeof(flag_sets[0]); fi++) \
	for (size_t wi = 0; wi < sizeof(widths) / sizeof(widths[0]); wi++) \
	for (size_t pi = 0; pi < sizeof(precisions) / sizeof(precisions[0]); pi++) \
	for (const char *flags = flag_sets[fi], *width = widths[wi],	\
	     *precision = precisions[pi]; flags; flags = NULL)

static const long long signed_values[] = {
	0, 1, -1, 7, -7, 42, 127, 128, -128, 255, 256, 32767, -32768, 65535, 65536,
	2147483647LL, -2147483647LL - 1, 4294967295LL, 1234567890123LL, -987654321098LL,
	INT64_MAX, INT64_MIN,
};

static void printf_integers_int(struct kunit *test)
{
	static const char convs[] = "diuxXo";
	static const char *const lengths[] = { "", "hh", "h" };
	char fmt[64];

	FOR_EACH_SPEC(flags, width, precision)
	for (size_t ci = 0; convs[ci]; ci++)
	for (size_t li = 0; li < 3; li++) {
		make_format(fmt, sizeof(fmt), flags, width, precision, lengths[li], convs[ci]);
		for (size_t vi = 0; vi < sizeof(signed_values) / sizeof(signed_values[0]); vi++)
			COMPARE(test, fmt, (int)signed_values[vi]);
	}
	kunit_info(test, "%d formats compared", compared);
}

static void printf_integers_long(struct kunit *test)
{
	static const char convs[] = "diuxXo";
	static const char *const lengths[] = { "l", "ll", "j", "z", "t", "L", "q" };
	char fmt[64];

	compared = 0;
	FOR_EACH_SPEC(flags, width, precision)
	for (size_t ci = 0; convs[ci]; ci++)
	for (size_t li = 0; li < sizeof(lengths) / sizeof(lengths[0]); li++) {
		make_format(fmt, sizeof(fmt), flags, width, precision, lengths[li], convs[ci]);
		for (size_t vi = 0; vi < sizeof(signed_values) / sizeof(signed_values[0]); vi++)
			COMPARE(test, fmt, signed_values[vi]);
	}
	kunit_info(test, "%d formats compared", compared);
}

static void printf_strings_chars_pointers(struct kunit *test)
{
	static const char *const strings[] = { "", "a", "hello", "hello, world", NULL };
	static const int chars[] = { 'a', 'Z', ' ', '%', 0x1ff };
	static void *const pointers[] = {
		NULL, (void *)1, (void *)0x400000, (void *)0x7ffc12345678, (void *)UINTPTR_MAX,
	};
	char fmt[64];

	compared = 0;
	FOR_EACH_SPEC(flags, width, precision) {
		make_format(fmt, sizeof(fmt), flags, width, precision, "", 's');
		for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
			COMPARE(test, fmt, strings[i]);
		make_format(fmt, sizeof(fmt), flags, width, precision, "", 'c');
		for (size_t i = 0; i < sizeof(chars) / sizeof(chars[0]); i++)
			COMPARE(test, fmt, chars[i]);
		make_format(fmt, sizeof(fmt), flags, width, precision, "", 'p');
		for (size_t i = 0; i < sizeof(pointers) / sizeof(pointers[0]); i++)
			COMPARE(test, fmt, pointers[i]);
	}
	kunit_info(test, "%d formats compared", compared);
}

static void printf_star_and_text(struct kunit *test)
{
	static const int stars[] = { -20, -5, -1, 0, 1, 3, 8, 25 };

	compared = 0;
	for (size_t i = 0; i < sizeof(stars) / sizeof(stars[0]); i++) {
		for (size_t j = 0; j < sizeof(stars) / sizeof(stars[0]); j++) {
			COMPARE(test, "[%*.*d]", stars[i], stars[j], -1234);
			COMPARE(test, "[%-*.*x]", stars[i], stars[j], 0xbeefu);
			COMPARE(test, "[%0*.*s]", stars[i], stars[j], "string");
			COMPARE(test, "[%*c|%.*s]", stars[i], 'q', stars[j], "abcdefgh");
			COMPARE(test, "[%0*d]", stars[i], stars[j]);
			COMPARE(test, "[%*p]", stars[i], (void *)0x1234);
		}
	}
	COMPARE(test, "sbrk return %p\n", (void *)0x560be4ca6000);
	COMPARE(test, "100%% sure %d%%", 5);
	COMPARE(test, "%s=%d, %s=%lu, %c%c", "a", -1, "b", 18446744073709551615UL, 'o', 'k');
	COMPARE(test, "%hhu %hd %hhx %hX", 300, 70000, -1, -1);
	COMPARE(test, "%'d %'x", 1234567, 0x12345);
	COMPARE(test, "%-+5d|%+-5d|% -5d|%- 5d", 7, 7, 7, 7);
	COMPARE(test, "no conversions at all%s", "");
	kunit_info(test, "%d formats compared", compared);
}

/* The engine's count matches the bytes it emitted even past any buffer. */
static void printf_long_output(struct kunit *test)
{
	struct buffer b;
	int n = ours(&b, "%300d|%-200s|", 1, "x");

	KUNIT_EXPECT_EQ(test, n, 300 + 1 + 200 + 1);
	KUNIT_EXPECT_EQ(test, b.len, (size_t)n);
}

static struct kunit_case libc_printf_cases[] = {
	KUNIT_CASE(printf_integers_int),
	KUNIT_CASE(printf_integers_long),
	KUNIT_CASE(printf_strings_chars_pointers),
	KUNIT_CASE(printf_star_and_text),
	KUNIT_CASE(printf_long_output),
	{}
};

static struct kunit_suite libc_printf_suite = {
	.name = "libc_printf",
	.test_cases = libc_printf_cases,
};
kunit_test_suite(libc_printf_suite);
