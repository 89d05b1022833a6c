// SPDX-License-Identifier: MIT
/*
 * main() of every host test program: runs the kunit suites linked into
 * it (all, or those named in argv[1]) and exits 1 if any case failed.
 */
#include <stdio.h>
#include <kunit/test.h>

int main(int argc, char **argv)
{
	/* unbuffered: a sanitizer that aborts the program must not lose printed results */
	setvbuf(stdout, NULL, _IONBF, 0);
	return kunit_run_tests(argc > 1 ? argv[1] : "all") ? 1 : 0;
}
