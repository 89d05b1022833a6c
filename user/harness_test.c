// SPDX-License-Identifier: MIT
/*
 * A test program that breaks the rules on purpose, so that the test
 * runner (scripts/user-test, through tests/harness/) can prove it notices:
 *	harness_test stop-early		plans 3 checks, prints 2, exits 0
 *	harness_test too-many		plans 1 check, prints 2, exits 0
 *	harness_test no-plan		prints 1 check without a plan, exits 0
 *	harness_test skip		plans 2: one passes, one is skipped
 * Each mode's checks pass: only the plan (or the skip) is wrong or special.
 */
#include <string.h>
#include "test.h"

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (strcmp(mode, "stop-early") == 0) {
		test_plan(3);
		check(1, "stop-early: first");
		check(1, "stop-early: second, then exit 0 before the third");
	} else if (strcmp(mode, "too-many") == 0) {
		test_plan(1);
		check(1, "too-many: first");
		check(1, "too-many: second, not in the plan");
	} else if (strcmp(mode, "no-plan") == 0) {
		check(1, "no-plan: a check without a plan");
	} else if (strcmp(mode, "skip") == 0) {
		test_plan(2);
		check(1, "skip: a check that passes");
		skip("skip: a check that does not apply", "skipped on purpose");
	} else {
		test_print("usage: harness_test stop-early|too-many|no-plan|skip\n");
		return 2;
	}
	return test_exit_status();
}
