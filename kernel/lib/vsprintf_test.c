// SPDX-License-Identifier: MIT
/* KTAP suites for the kernel's formatting and string helpers. */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

static char buffer[128];

#define EXPECT_FORMAT(test, expected, ...) do {					\
	int __n = snprintf(buffer, sizeof(buffer), __VA_ARGS__);		\
	KUNIT_EXPECT_STREQ(test, buffer, expected);				\
	KUNIT_EXPECT_EQ(test, __n, (int)strlen(expected));			\
} while (0)

static void format_integers(struct kunit *test)
{
	EXPECT_FORMAT(test, "42 -42 42", "%d %i %u", 42, -42, 42U);
	EXPECT_FORMAT(test, "-2147483648", "%d", (int)0x80000000);
	EXPECT_FORMAT(test, "4294967295", "%u", 0xffffffffU);
	EXPECT_FORMAT(test, "ff FF 17", "%x %X %o", 255, 255, 15);
	EXPECT_FORMAT(test, "ffffffffffffffff", "%lx", ~0UL);
	EXPECT_FORMAT(test, "-9223372036854775808", "%lld", (long long)(1ULL << 63));
	EXPECT_FORMAT(test, "18446744073709551615", "%llu", ~0ULL);
	EXPECT_FORMAT(test, "123456789012", "%zu", (size_t)123456789012UL);
	/* hh and h truncate an int argument; a variable format keeps compilers quiet about it */
	const char *volatile narrow = "%hhu %hu";

	EXPECT_FORMAT(test, "255 65535", narrow, 0x1ff, 0x1ffff);
}

static void format_width_and_flags(struct kunit *test)
{
	EXPECT_FORMAT(test, "[   42]", "[%5d]", 42);
	EXPECT_FORMAT(test, "[42   ]", "[%-5d]", 42);
	EXPECT_FORMAT(test, "[00042]", "[%05d]", 42);
	EXPECT_FORMAT(test, "[-0042]", "[%05d]", -42);
	EXPECT_FORMAT(test, "[0000beef]", "[%08x]", 0xbeef);
	EXPECT_FORMAT(test, "[0x1f]", "[%#x]", 31);
	EXPECT_FORMAT(test, "[+7] [ 7]", "[%+d] [% d]", 7, 7);
	EXPECT_FORMAT(test, "[  abc] [abc  ]", "[%5s] [%-5s]", "abc", "abc");
	EXPECT_FORMAT(test, "[ab]", "[%.2s]", "abcdef");
	EXPECT_FORMAT(test, "[   7]", "[%*d]", 4, 7);
	EXPECT_FORMAT(test, "[0007]", "[%.4d]", 7);
}

static void format_others(struct kunit *test)
{
	const char *volatile null_string = NULL;	/* volatile: no compile-time warning */

	EXPECT_FORMAT(test, "x%y", "%c%%%c", 'x', 'y');
	EXPECT_FORMAT(test, "(null)", "%s", null_string);
	EXPECT_FORMAT(test, "ffff888000001000", "%p", (void *)0xffff888000001000UL);
	EXPECT_FORMAT(test, "0000000000000010", "%p", (void *)16);
}

static void format_symbols(struct kunit *test)
{
	snprintf(buffer, sizeof(buffer), "%pS", (void *)format_symbols);
	KUNIT_EXPECT_EQ(test, strncmp(buffer, "format_symbols+0x0/0x", 21), 0);
	snprintf(buffer, sizeof(buffer), "%pS", (void *)((char *)printk + 1));
	KUNIT_EXPECT_EQ(test, strncmp(buffer, "printk+0x1/0x", 13), 0);
}

static void format_truncation(struct kunit *test)
{
	char small[6];
	int n = snprintf(small, sizeof(small), "%s", "truncated");

	KUNIT_EXPECT_EQ(test, n, 9);
	KUNIT_EXPECT_STREQ(test, small, "trunc");
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%d", 12345), 5);
}

static struct kunit_case vsprintf_cases[] = {
	KUNIT_CASE(format_integers),
	KUNIT_CASE(format_width_and_flags),
	KUNIT_CASE(format_others),
	KUNIT_CASE(format_symbols),
	KUNIT_CASE(format_truncation),
	{}
};

static struct kunit_suite vsprintf_suite = {
	.name = "printk",
	.test_cases = vsprintf_cases,
};
kunit_test_suite(vsprintf_suite);

static void string_compare(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strcmp("abc", "abc"), 0);
	KUNIT_EXPECT_LT(test, strcmp("abc", "abd"), 0);
	KUNIT_EXPECT_GT(test, strcmp("b", "abc"), 0);
	KUNIT_EXPECT_EQ(test, strncmp("abcx", "abcy", 3), 0);
	KUNIT_EXPECT_NE(test, strncmp("abcx", "abcy", 4), 0);
	KUNIT_EXPECT_EQ(test, memcmp("\x01\x02", "\x01\x02", 2), 0);
	KUNIT_EXPECT_LT(test, memcmp("\x01\x02", "\x01\x83", 2), 0);
}

static void string_search(struct kunit *test)
{
	const char *s = "hello world";

	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 'o'), s + 4);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, 'o'), s + 7);
	KUNIT_EXPECT_NULL(test, strchr(s, 'z'));
	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "wor"), s + 6);
	KUNIT_EXPECT_NULL(test, strstr(s, "worlds"));
	KUNIT_EXPECT_EQ(test, strlen(s), 11);
	KUNIT_EXPECT_EQ(test, strnlen(s, 4), 4);
}

static void string_copy(struct kunit *test)
{
	char dst[8];

	KUNIT_EXPECT_EQ(test, strlcpy(dst, "overflowing", sizeof(dst)), 11);
	KUNIT_EXPECT_STREQ(test, dst, "overflo");
	memset(dst, 'x', sizeof(dst));
	strncpy(dst, "ab", 4);
	KUNIT_EXPECT_EQ(test, dst[2], 0);
	KUNIT_EXPECT_EQ(test, dst[3], 0);
	KUNIT_EXPECT_EQ(test, dst[4], 'x');
	memcpy(dst, "1234567", 8);
	memmove(dst + 1, dst, 6);
	KUNIT_EXPECT_STREQ(test, dst, "1123456");
	memmove(dst, dst + 1, 6);
	KUNIT_EXPECT_STREQ(test, dst, "1234566");
}

/* The 8-byte paths (aligned, whole words) and the byte paths must agree. */
static void string_word_paths(struct kunit *test)
{
	static unsigned long aligned[66], other[66];
	unsigned char *bytes = (unsigned char *)aligned;
	int wrong = 0;

	memset(aligned, 0x5a, sizeof(aligned));			/* word path */
	memset(bytes + 3, 0xc3, 500);				/* byte path */
	for (size_t i = 0; i < sizeof(aligned); i++)
		wrong += bytes[i] != (i >= 3 && i < 503 ? 0xc3 : 0x5a);
	KUNIT_EXPECT_EQ(test, wrong, 0);
	memcpy(other, aligned, 64 * sizeof(long));		/* word path */
	KUNIT_EXPECT_EQ(test, memcmp(other, aligned, 64 * sizeof(long)), 0);
	KUNIT_EXPECT_EQ(test, other[64], 0);
	memcpy((char *)other + 1, bytes + 5, 77);		/* byte path */
	KUNIT_EXPECT_EQ(test, memcmp((char *)other + 1, bytes + 5, 77), 0);
	KUNIT_EXPECT_EQ(test, ((unsigned char *)other)[0], 0x5a);
}

static void string_numbers(struct kunit *test)
{
	char *end;

	KUNIT_EXPECT_EQ(test, simple_strtoul("0x1F", &end, 0), 31);
	KUNIT_EXPECT_EQ(test, *end, 0);
	KUNIT_EXPECT_EQ(test, simple_strtoul("017", NULL, 0), 15);
	KUNIT_EXPECT_EQ(test, simple_strtoul("123abc", &end, 10), 123);
	KUNIT_EXPECT_STREQ(test, end, "abc");
	KUNIT_EXPECT_EQ(test, simple_strtol("-45", NULL, 10), -45);
}

static struct kunit_case string_cases[] = {
	KUNIT_CASE(string_compare),
	KUNIT_CASE(string_search),
	KUNIT_CASE(string_copy),
	KUNIT_CASE(string_word_paths),
	KUNIT_CASE(string_numbers),
	{}
};

static struct kunit_suite string_suite = {
	.name = "string",
	.test_cases = string_cases,
};
kunit_test_suite(string_suite);
