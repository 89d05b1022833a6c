/*
 * Nothing leaks: run many fork + exit cycles (each child touching some heap
 * and stack) and check that the pages that are free (/proc/meminfo MemFree)
 * or held by slab caches (/proc/slabinfo) add up to the same as before, and
 * that every cache's active objects come back exactly where they started.
 * (A cache may keep an empty slab or not, depending on the order of frees:
 * that moves pages between the two counts without leaking any.)
 *	leak_test [CYCLES]	(default 1000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "test.h"

/* @count fork + exit cycles; how many children did not exit with status 0. */
static int cycles(int count)
{
	int failures = 0, status;

	for (int i = 0; i < count; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			char *heap = sbrk(3 * 4096);
			char stack[8192];

			memset(heap, i, 3 * 4096);
			memset(stack, i, sizeof(stack));
			_exit(stack[100] == heap[100] ? 0 : 1);
		}
		if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			failures++;
	}
	return failures;
}

int main(int argc, char **argv)
{
	int count = argc > 1 ? atoi(argv[1]) : 1000;
	struct leak_snapshot before, after;
	char what[64];
	int failures;

	test_plan(3);
	failures = cycles(100);		/* warm-up: caches reach their working size */
	leak_snapshot_take(&before);	/* and /proc's own buffers: reading slabinfo the first time grows a cache */
	leak_snapshot_take(&before);
	failures += cycles(count);
	leak_snapshot_take(&after);
	snprintf(what, sizeof(what), "every child of %d fork+exit cycles exited 0 (%d did not)",
		 count + 100, failures);
	check(failures == 0, what);
	snprintf(what, sizeof(what), "%d fork+exit cycles", count);
	leak_report(&before, &after, what, NULL, 0);
	return test_exit_status();
}
