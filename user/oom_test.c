/*
 * Out of memory: a child touches more anonymous memory than the machine
 * has. The page fault that finds no free page kills it with SIGKILL and
 * the kernel prints Linux's "Out of memory: Killed process" line; the
 * kernel goes on and every page comes back. Only on this kernel: on a
 * real machine it would wake the host's OOM killer.
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "test.h"

/* Map two halves of @total bytes (each passes the overcommit check) and touch every page. */
static void exhaust_memory(unsigned long total)
{
	unsigned long half = total / 2;
	char *first = mmap(NULL, half, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *second = mmap(NULL, half, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (first == MAP_FAILED || second == MAP_FAILED)
		_exit(2);
	for (unsigned long offset = 0; offset < half; offset += 4096)
		first[offset] = second[offset] = 1;
	_exit(3);	/* not reached: memory ran out first */
}

int main(void)
{
	struct leak_snapshot before, after;
	long total_kb = read_kb("/proc/meminfo", "MemTotal:");
	int status = 0;
	pid_t child;

	test_plan(3);
	if (!on_teaching_kernel()) {
		skip("a process touching more memory than the machine has is killed", "not on the teaching kernel");
		skip("no pages leaked", "not on the teaching kernel");
		skip("slab active objects unchanged", "not on the teaching kernel");
		return test_exit_status();
	}
	leak_snapshot_take(&before);
	leak_snapshot_take(&before);
	child = fork();
	if (child == 0)
		exhaust_memory((total_kb + 16 * 1024) * 1024UL);
	check(waitpid(child, &status, 0) == child && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	      "a process touching more memory than the machine has is killed by SIGKILL");
	leak_snapshot_take(&after);
	leak_report(&before, &after, "the out-of-memory kill", NULL, 0);
	return test_exit_status();
}
