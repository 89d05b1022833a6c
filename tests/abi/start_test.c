// SPDX-License-Identifier: MIT
/*
 * start_test - an unmodified C-library program starts and its everyday
 * calls work: built as build/abi/start_test.glibc (gcc -static) and
 * build/abi/start_test.musl (musl-gcc -static) from this one source
 * (tests/host/abi.mk), run on this kernel and on Linux 6.1 by
 * tests/user/abi.test.
 *
 * Start-up: the C library's own start code (TLS through arch_prctl, the
 * auxiliary vector, stdio), malloc of small and large blocks (brk and
 * mmap), environment and arguments.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test.h"

static __thread int thread_local_value = 42;

int main(int argc, char **argv)
{
	char *small, *large;

	test_plan(6);
	check(argc >= 1 && argv[0] != NULL, "argv[0] is set");
	check(getenv("PATH") != NULL, "the environment has PATH");
	check(thread_local_value == 42, "a __thread variable has its initial value (TLS set up)");
	check(getpid() > 0, "getpid() > 0");
	small = malloc(100);
	large = malloc(1 << 20);	/* above both libraries' mmap threshold */
	check(small && large, "malloc of 100 bytes and 1 MiB");
	if (small && large) {
		memset(small, 1, 100);
		memset(large, 2, 1 << 20);
	}
	check(small && large && small[99] == 1 && large[(1 << 20) - 1] == 2,
	      "the blocks hold what was written");
	free(large);
	free(small);
	return test_exit_status();
}
