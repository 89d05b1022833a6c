/*
 * rlimit_test - resource limits and the memory calls from the kernel's
 * side (tests/abi/memory_test.c checks them against Linux 6.1 as glibc and
 * musl programs; this one checks what only this kernel can show):
 *
 *  - fork until the kernel's task limit: the refused fork gets Linux's
 *    EAGAIN (not ENOMEM), and when every child is reaped no page and no
 *    slab object is left behind;
 *  - prlimit64 on another process, read back from its /proc/PID/limits;
 *  - mremap (grow, move, shrink) and madvise(MADV_DONTNEED) many times
 *    over: no page and no slab object leaks.
 *
 * On a Linux host the task-limit and leak checks are skipped (forking up
 * to Linux's threads-max there would take the whole machine).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "test.h"

#define PAGE	4096UL
#define MAX_CHILDREN	4096

static pid_t children[MAX_CHILDREN];

/*
 * Fork children that wait on a pipe until the fork fails; then let them
 * all go and reap them. Returns how many were made; *@fork_errno is the
 * failed fork's errno.
 */
static int fork_until_refused(int *fork_errno)
{
	int fds[2], count = 0;
	char byte;

	if (pipe(fds))
		return -1;
	*fork_errno = 0;
	while (count < MAX_CHILDREN) {
		pid_t pid = fork();

		if (pid == 0) {
			close(fds[1]);
			read(fds[0], &byte, 1);		/* EOF once the parent closes its end */
			_exit(0);
		}
		if (pid < 0) {
			*fork_errno = errno;
			break;
		}
		children[count++] = pid;
	}
	close(fds[0]);
	close(fds[1]);
	for (int i = 0; i < count; i++)
		waitpid(children[i], NULL, 0);
	return count;
}

static void test_task_limit(void)
{
	static struct leak_snapshot before, after;
	struct rlimit nproc;
	int made, fork_errno;
	char name[128];

	if (!on_teaching_kernel()) {
		skip("fork at the task limit: EAGAIN", "not the teaching kernel");
		skip("the same number of tasks again", "not the teaching kernel");
		leak_report(&before, &after, "forking to the task limit", "not the teaching kernel", 0);
		return;
	}
	getrlimit(RLIMIT_NPROC, &nproc);	/* max_threads / 2, as Linux sets it */
	made = fork_until_refused(&fork_errno);	/* also the warm-up of the caches */
	snprintf(name, sizeof(name), "fork at the task limit (%d children, threads-max %lu): EAGAIN",
		 made, nproc.rlim_cur * 2);
	/* this process is one of the max_threads tasks */
	check(made == (int)nproc.rlim_cur * 2 - 1 && fork_errno == EAGAIN, name);
	leak_snapshot_take(&before);
	check(fork_until_refused(&fork_errno) == made && fork_errno == EAGAIN,
	      "the same number of tasks again once all are reaped");
	leak_snapshot_take(&after);
	leak_report(&before, &after, "forking to the task limit", NULL, 0);
}

/* prlimit64 on a child, seen in the child's /proc/PID/limits. */
static void test_prlimit_other(void)
{
	static char text[4096];
	struct rlimit set = { 77, 4096 }, got = { 0, 0 };
	char path[64], line[128];
	int fds[2], ok;
	pid_t pid;

	if (pipe(fds))
		return;
	pid = fork();
	if (pid == 0) {
		char byte;

		close(fds[1]);
		read(fds[0], &byte, 1);
		_exit(0);
	}
	ok = prlimit(pid, RLIMIT_NOFILE, &set, NULL) == 0 &&
	     prlimit(pid, RLIMIT_NOFILE, NULL, &got) == 0;
	snprintf(path, sizeof(path), "/proc/%d/limits", pid);
	read_file(path, text, sizeof(text));
	close(fds[0]);
	close(fds[1]);
	waitpid(pid, NULL, 0);
	check(ok && got.rlim_cur == 77 && got.rlim_max == 4096, "prlimit64 sets and reads a child's limit");
	snprintf(line, sizeof(line), "\n%-25s %-20lu %-20lu %-10s\n", "Max open files", 77UL, 4096UL,
		 "files");
	check(strstr(text, line) != NULL, "the child's /proc/PID/limits shows it");
}

/* mmap, touch, grow in place, move, DONTNEED, shrink, unmap: @rounds times. */
static int remap_rounds(int rounds)
{
	int ok = 1;

	for (int i = 0; i < rounds && ok; i++) {
		char *p = mmap(NULL, 64 * PAGE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *q;

		if (p == MAP_FAILED)
			return 0;
		memset(p, i, 64 * PAGE);
		munmap(p + 32 * PAGE, 32 * PAGE);
		q = mremap(p, 32 * PAGE, 64 * PAGE, 0);		/* in place */
		ok &= q == p;
		mprotect(p + 48 * PAGE, 16 * PAGE, PROT_READ);	/* now it must move to grow */
		q = mremap(p, 48 * PAGE, 256 * PAGE, MREMAP_MAYMOVE);
		ok &= q != MAP_FAILED && q[PAGE] == (char)i;
		madvise(q, 128 * PAGE, MADV_DONTNEED);
		ok &= q[PAGE] == 0;
		ok &= mremap(q, 256 * PAGE, 8 * PAGE, 0) == q;
		munmap(q, 8 * PAGE);
		munmap(p + 48 * PAGE, 16 * PAGE);
	}
	return ok;
}

static void test_remap_leaks(void)
{
	static struct leak_snapshot before, after;

	check(remap_rounds(50), "50 rounds of mmap, mremap (in place, moving, shrinking) and MADV_DONTNEED");
	leak_snapshot_take(&before);
	leak_snapshot_take(&before);
	check(remap_rounds(500), "500 more rounds");
	leak_snapshot_take(&after);
	leak_report(&before, &after, "500 rounds of mremap and madvise",
		    "Linux's MemFree moves with the whole system", 0);
}

int main(void)
{
	test_plan(10);
	test_prlimit_other();
	test_remap_leaks();
	test_task_limit();
	return test_exit_status();
}
