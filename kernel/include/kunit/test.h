/* SPDX-License-Identifier: MIT */
/*
 * In-kernel unit tests in the shape of Linux's KUnit. A suite is a named
 * array of cases; kunit_test_suite() places it in the kunit_test_suites
 * section, and kunit_run_tests() (kernel/lib/kunit.c) runs the suites the
 * command line names (ktest=all or ktest=NAME[,NAME]) and prints KTAP.
 * The same header and executor build into the host test programs.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/printk.h>

struct kunit {
	const char *name;	/* the running case */
	int failed;		/* set by a failed expectation */
	int skipped;
	const char *skip_reason;	/* kunit_skip()'s, for the "# SKIP" line */
	void *priv;		/* for the suite's init/exit */
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
};

struct kunit_suite {
	const char *name;
	int (*init)(struct kunit *test);	/* before each case; optional */
	void (*exit)(struct kunit *test);	/* after each case; optional */
	struct kunit_case *test_cases;		/* ends with an empty case */
};

#define KUNIT_CASE(fn)	{ .run_case = fn, .name = #fn }

#define kunit_test_suite(suite)						\
	static struct kunit_suite *__kunit_suite_ptr_##suite		\
	__used __section("kunit_test_suites") = &suite

__printf(5, 6) void kunit_fail(struct kunit *test, const char *file, int line,
			       const char *what, const char *fmt, ...);
__printf(2, 3) void kunit_info(struct kunit *test, const char *fmt, ...);
void kunit_skip(struct kunit *test, const char *reason);
void kunit_expect_report(struct kunit *test, const char *report);

/* Run the selected suites ("all", or names or "suite.case" words separated by commas); returns failures. */
int kunit_run_tests(const char *selection);

#define KUNIT_EXPECT_TRUE(test, cond) do {				\
	if (!(cond))							\
		kunit_fail(test, __FILE__, __LINE__, #cond, "expected true"); \
} while (0)

#define KUNIT_EXPECT_FALSE(test, cond) do {				\
	if (cond)							\
		kunit_fail(test, __FILE__, __LINE__, #cond, "expected false"); \
} while (0)

#define __KUNIT_BINARY(test, a, b, op) do {				\
	long long __a = (long long)(a), __b = (long long)(b);		\
	if (!(__a op __b))						\
		kunit_fail(test, __FILE__, __LINE__, #a " " #op " " #b,	\
			   "%s == %lld (0x%llx), %s == %lld (0x%llx)",	\
			   #a, __a, (unsigned long long)__a,		\
			   #b, __b, (unsigned long long)__b);		\
} while (0)

#define KUNIT_EXPECT_EQ(test, a, b)	__KUNIT_BINARY(test, a, b, ==)
#define KUNIT_EXPECT_NE(test, a, b)	__KUNIT_BINARY(test, a, b, !=)
#define KUNIT_EXPECT_LT(test, a, b)	__KUNIT_BINARY(test, a, b, <)
#define KUNIT_EXPECT_LE(test, a, b)	__KUNIT_BINARY(test, a, b, <=)
#define KUNIT_EXPECT_GT(test, a, b)	__KUNIT_BINARY(test, a, b, >)
#define KUNIT_EXPECT_GE(test, a, b)	__KUNIT_BINARY(test, a, b, >=)
#define KUNIT_EXPECT_PTR_EQ(test, a, b)	__KUNIT_BINARY(test, (uintptr_t)(a), (uintptr_t)(b), ==)
#define KUNIT_EXPECT_NULL(test, p)	KUNIT_EXPECT_PTR_EQ(test, p, NULL)
#define KUNIT_EXPECT_NOT_NULL(test, p)	KUNIT_EXPECT_TRUE(test, (p) != NULL)

#define KUNIT_EXPECT_STREQ(test, a, b) do {				\
	const char *__a = (a), *__b = (b);				\
	if (kunit_strcmp(__a, __b) != 0)				\
		kunit_fail(test, __FILE__, __LINE__, #a " == " #b,	\
			   "\"%s\" != \"%s\"", __a, __b);		\
} while (0)

/* ASSERT variants end the case at once (they return from the case function). */
#define KUNIT_ASSERT_TRUE(test, cond) do {				\
	if (!(cond)) {							\
		kunit_fail(test, __FILE__, __LINE__, #cond, "assertion failed"); \
		return;							\
	}								\
} while (0)
#define KUNIT_ASSERT_FALSE(test, cond)	KUNIT_ASSERT_TRUE(test, !(cond))
#define KUNIT_ASSERT_EQ(test, a, b) do {				\
	KUNIT_EXPECT_EQ(test, a, b);					\
	if ((test)->failed)						\
		return;							\
} while (0)
#define KUNIT_ASSERT_NOT_NULL(test, p)	KUNIT_ASSERT_TRUE(test, (p) != NULL)

int kunit_strcmp(const char *a, const char *b);

#endif
