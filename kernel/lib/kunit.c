// SPDX-License-Identifier: MIT
/*
 * The test executor: runs kunit suites and reports in KTAP version 1,
 * each suite as a nested subtest, as Linux's KUnit prints them:
 *
 *	KTAP version 1
 *	1..2
 *	    KTAP version 1
 *	    # Subtest: buddy
 *	    1..3
 *	    ok 1 split_and_merge
 *	    ...
 *	ok 1 buddy
 *
 * Shared by the kernel (run at boot for ktest=) and the host test programs.
 */
#include <kunit/test.h>
#include <linux/printk.h>

extern struct kunit_suite *__start_kunit_test_suites[];
extern struct kunit_suite *__stop_kunit_test_suites[];

/* Compare two C strings (kept local so the executor needs no string library). */
int kunit_strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

/* Record a failed expectation and print it as KTAP diagnostics. */
void kunit_fail(struct kunit *test, const char *file, int line,
		const char *what, const char *fmt, ...)
{
	char detail[256];
	va_list args;

	va_start(args, fmt);
	vsnprintf(detail, sizeof(detail), fmt, args);
	va_end(args);
	test->failed = 1;
	printk("        # %s: EXPECTATION FAILED at %s:%d\n", test->name, file, line);
	printk("        # %s: %s: %s\n", test->name, what, detail);
}

/* Print one diagnostic line inside the running case. */
void kunit_info(struct kunit *test, const char *fmt, ...)
{
	char line[256];
	va_list args;

	va_start(args, fmt);
	vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	printk("        # %s: %s\n", test->name, line);
}

/* Mark the running case skipped (reported as "ok N name # SKIP reason"). */
void kunit_skip(struct kunit *test, const char *reason)
{
	test->skipped = 1;
	test->skip_reason = reason;
}

/*
 * Announce that the case is about to make the kernel print @report (the
 * start of an alarming console line, e.g. "BUG: Bad page state"): the test
 * runner (scripts/ktap.py) then accepts exactly one such line in this case,
 * and fails the case if it never appears. Call it once per report expected.
 */
void kunit_expect_report(struct kunit *test, const char *report)
{
	kunit_info(test, "expects report: %s", report);
}

/* Is @name exactly the characters [@p, @end)? */
static bool name_is(const char *p, const char *end, const char *name)
{
	while (p < end && *name && *p == *name) {
		p++;
		name++;
	}
	return p == end && *name == '\0';
}

/*
 * Does the comma-separated @selection select case @case_name of @suite
 * (with @case_name NULL: any case of it)? A word is "all" (every suite
 * except the harness_* ones, which fail on purpose to test the runner), a
 * suite's name, or "suite.case" for one case (Linux's kunit.filter_glob
 * without the wildcards).
 */
static bool case_selected(const char *selection, const char *suite, const char *case_name)
{
	const char *p = selection;

	if (kunit_strcmp(selection, "all") == 0)
		return !(suite[0] == 'h' && suite[1] == 'a' && suite[2] == 'r' &&
			 suite[3] == 'n' && suite[4] == 'e' && suite[5] == 's' && suite[6] == 's' &&
			 suite[7] == '_');
	while (*p) {
		const char *end = p, *dot = NULL;

		for (; *end && *end != ','; end++)
			if (*end == '.' && !dot)
				dot = end;
		if (!dot && name_is(p, end, suite))
			return true;
		if (dot && name_is(p, dot, suite) &&
		    (!case_name || name_is(dot + 1, end, case_name)))
			return true;
		p = *end ? end + 1 : end;
	}
	return false;
}

static bool suite_selected(const char *selection, const char *name)
{
	return case_selected(selection, name, NULL);
}

/* Run the selected cases of @suite; returns true when all passed. */
static bool run_suite(struct kunit_suite *suite, int number, const char *selection)
{
	struct kunit_case *c;
	int count = 0, index = 0;
	bool suite_ok = true;

	for (c = suite->test_cases; c->run_case; c++)
		if (case_selected(selection, suite->name, c->name))
			count++;
	printk("    KTAP version 1\n    # Subtest: %s\n    1..%d\n", suite->name, count);
	for (c = suite->test_cases; c->run_case; c++) {
		struct kunit test = { .name = c->name };

		if (!case_selected(selection, suite->name, c->name))
			continue;
		index++;
		if (suite->init && suite->init(&test) != 0) {
			kunit_fail(&test, __FILE__, __LINE__, "init", "suite init failed");
		} else {
			c->run_case(&test);
			if (suite->exit)
				suite->exit(&test);
		}
		if (test.failed)
			suite_ok = false;
		if (test.skipped && !test.failed)
			printk("    ok %d %s # SKIP %s\n", index, c->name, test.skip_reason);
		else
			printk("    %s %d %s\n", test.failed ? "not ok" : "ok", index, c->name);
	}
	printk("%s %d %s\n", suite_ok ? "ok" : "not ok", number, suite->name);
	return suite_ok;
}

int kunit_run_tests(const char *selection)
{
	struct kunit_suite **s;
	int selected = 0, number = 0, failures = 0;

	for (s = __start_kunit_test_suites; s < __stop_kunit_test_suites; s++)
		if (suite_selected(selection, (*s)->name))
			selected++;
	printk("KTAP version 1\n1..%d\n", selected);
	for (s = __start_kunit_test_suites; s < __stop_kunit_test_suites; s++) {
		if (!suite_selected(selection, (*s)->name))
			continue;
		if (!run_suite(*s, ++number, selection))
			failures++;
	}
	return failures;
}
