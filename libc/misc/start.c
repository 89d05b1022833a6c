// SPDX-License-Identifier: MIT
/* Program start and end: __libc_start_main, exit, atexit, _exit, abort. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/raw_syscall.h>
#include "../stdio/stdio_impl.h"

char **environ;
const char *__progname = "";

#define ATEXIT_MAX 32
static void (*atexit_functions[ATEXIT_MAX])(void);
static int atexit_count;

/*
 * __libc_start_main - called by _start: records the environment and the
 * program's name, runs main and exits with its return value.
 */
void __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
		       char **envp) __attribute__((noreturn));
void __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
		       char **envp)
{
	environ = envp;
	if (argc > 0 && argv[0]) {
		const char *slash = argv[0];

		__progname = argv[0];
		for (; *slash; slash++)
			if (*slash == '/')
				__progname = slash + 1;
	}
	exit(main(argc, argv, envp));
}

int atexit(void (*function)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_functions[atexit_count++] = function;
	return 0;
}

/* exit - run the atexit functions (last registered first), flush stdio, exit_group. */
void exit(int status)
{
	while (atexit_count > 0)
		atexit_functions[--atexit_count]();
	__stdio_exit();
	_exit(status);
}

void _exit(int status)
{
	for (;;)
		syscall1(SYS_exit_group, status);
}

void _Exit(int status)
{
	_exit(status);
}

/* abort - SIGABRT to ourselves, unblocked and at its default action; failing that, exit 127. */
void abort(void)
{
	struct sigaction action = { .sa_handler = SIG_DFL };
	sigset_t set;

	raise(SIGABRT);
	sigaction(SIGABRT, &action, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);
	_exit(127);
}

void __assert_fail(const char *expr, const char *file, unsigned int line,
		   const char *function)
{
	fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", __progname,
		__progname[0] ? ": " : "", file, line, function ? function : "",
		function ? ": " : "", expr);
	abort();
}
