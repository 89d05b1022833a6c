// SPDX-License-Identifier: MIT
/*
 * Nothing leaks through pipes, descriptors, vfork and exec: many cycles of
 * pipe2, 100 KiB through a pipe from a forked writer (the ring's pages
 * allocated and freed), dup, dup3, fcntl(F_DUPFD), vfork + execve of
 * /bin/true (the child borrows the parent's mm, then leaves it), and
 * readlink of /proc/self/exe; then the pages that are free or in slab
 * caches, and every cache's active objects, must be back where they were
 * (the measure of user/leak_test.c).
 *	pipe_leak_test [CYCLES]	(default 200)
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "test.h"

#define PIPE_BYTES	(100 * 1024)

/*
 * vfork, and in the child execve(@path, @argv, environ) or exit 127, all
 * in registers: the child never touches the stack it shares with its
 * parent. Returns the child's pid or a negative errno.
 */
static long vfork_exec(const char *path, char *const argv[])
{
	long ret;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "mov %[execve], %%eax\n\t"
			 "syscall\n\t"
			 "mov %[exit], %%eax\n\t"
			 "mov $127, %%edi\n\t"
			 "syscall\n"
			 "1:"
			 : "=a"(ret)
			 : "a"((long)SYS_vfork), "D"(path), "S"(argv), "d"(environ),
			   [execve] "i"(SYS_execve), [exit] "i"(SYS_exit)
			 : "rcx", "r11", "memory");
	return ret;
}

/* One cycle; false if anything in it went wrong. */
static bool cycle(void)
{
	static char buf[8192];
	char *true_argv[] = { "true", NULL };
	char target[64];
	size_t total = 0;
	int fds[2], copy, status;
	long pid;
	ssize_t n;

	if (pipe2(fds, O_CLOEXEC) < 0)
		return false;
	pid = fork();
	if (pid == 0) {
		memset(buf, 'p', sizeof(buf));
		for (size_t done = 0; done < PIPE_BYTES; done += sizeof(buf))
			write(fds[1], buf, sizeof(buf));
		_exit(0);
	}
	close(fds[1]);
	copy = dup(fds[0]);
	dup3(copy, 20, O_CLOEXEC);
	close(fcntl(20, F_DUPFD, 25));
	close(20);
	close(copy);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0)
		total += n;
	close(fds[0]);
	if (waitpid(pid, &status, 0) != pid || status != 0 || total < PIPE_BYTES)
		return false;
	pid = vfork_exec("/bin/true", true_argv);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0)
		return false;
	return readlink("/proc/self/exe", target, sizeof(target)) > 0;
}

/* Run @count cycles; false at the first that fails. */
static bool cycles(int count)
{
	for (int i = 0; i < count; i++)
		if (!cycle())
			return false;
	return true;
}

int main(int argc, char **argv)
{
	int count = argc > 1 ? atoi(argv[1]) : 200;
	struct leak_snapshot before, after;
	char what[96];
	bool ok;

	test_plan(4);
	check(cycles(20), "warm-up cycles of pipes, dup, vfork + exec");	/* caches reach their size */
	leak_snapshot_take(&before);
	leak_snapshot_take(&before);
	ok = cycles(count);
	leak_snapshot_take(&after);
	snprintf(what, sizeof(what), "%d cycles of pipes, dup, vfork + exec", count);
	check(ok, what);
	leak_report(&before, &after, what, NULL, 0);
	return test_exit_status();
}
