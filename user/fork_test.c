/*
 * Processes: fork, execve, wait4 statuses, signal deaths, kill, orphans,
 * and a child's heap changes leaving the parent's untouched. Prints one
 * "ok N name" / "not ok N name" line per check; exits 1 if any failed.
 * Runs on Linux too (make build/user/bin/fork_test).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "test.h"

/* Fork a child that runs @body and returns its wait status. */
static int run_child(void (*body)(void))
{
	int status = -1;
	pid_t pid = fork();

	if (pid == 0) {
		body();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static void exit_42(void) { _exit(42); }
static void wild_write(void)
{
	volatile int *volatile wild = (volatile int *)16;	/* volatile: no compile-time warning */

	*wild = 1;
}
static void wait_for_kill(void)
{
	struct timespec t = { 1, 0 };

	for (;;)
		nanosleep(&t, NULL);
}

static void child_heap_is_private(void)
{
	char *parent_heap = sbrk(0);
	int status;
	pid_t pid;

	sbrk(4096);
	memset(parent_heap, 'P', 4096);
	pid = fork();
	if (pid == 0) {
		memset(parent_heap, 'C', 4096);	/* the child's copy only */
		sbrk(1 << 20);			/* and its own break */
		_exit(parent_heap[100] == 'C' ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0, "child writes its heap copy");
	check(parent_heap[100] == 'P' && parent_heap[4095] == 'P', "parent's heap untouched by the child");
	check(sbrk(0) == parent_heap + 4096, "parent's break untouched by the child's sbrk");
}

static void exec_errors(void)
{
	char *argv[] = { "nothing", NULL };

	errno = 0;
	check(execve("/bin/does-not-exist", argv, NULL) == -1 && errno == ENOENT,
	      "execve of a missing file: ENOENT, caller goes on");
	errno = 0;
	check(execve("/proc/meminfo", argv, NULL) == -1 && errno == EACCES,
	      "execve of a non-executable file: EACCES");
	errno = 0;
	check(execve((char *)8, argv, NULL) == -1 && errno == EFAULT, "execve of a bad pointer: EFAULT");
}

/* A process sleeping in wait4 (for a child that sleeps on) is ended by SIGTERM at once. */
static void signal_wakes_a_waiting_parent(void)
{
	int status;
	pid_t waiter = fork();

	if (waiter == 0) {
		setpgid(0, 0);			/* a group, so the grandchild can be killed too */
		if (fork() == 0)
			wait_for_kill();	/* the grandchild: sleeps until killed */
		wait(NULL);			/* blocks: the grandchild never exits by itself */
		_exit(3);
	}
	{
		struct timespec t = { 0, 100000000 };

		nanosleep(&t, NULL);		/* let it reach wait4 */
	}
	check(kill(waiter, SIGTERM) == 0 && waitpid(waiter, &status, 0) == waiter &&
	      WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	      "a process sleeping in wait4 dies of SIGTERM");
	kill(-waiter, SIGKILL);			/* the orphaned grandchild */
}

static void orphans_go_to_init(void)
{
	int status;
	pid_t middle = fork();

	if (middle == 0) {
		pid_t grandchild = fork();

		if (grandchild == 0) {
			struct timespec t = { 0, 200000000 };

			nanosleep(&t, NULL);	/* outlive the middle process */
			_exit(getppid() == 1 ? 7 : 8);
		}
		_exit(0);
	}
	check(waitpid(middle, &status, 0) == middle && WIFEXITED(status),
	      "a parent exits before its child");
}

int main(void)
{
	int status;
	pid_t pid;

	test_plan(16);
	status = run_child(exit_42);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 42, "exit status 42 through wait4");
	status = run_child(wild_write);
	check(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, "a wild write ends the child with SIGSEGV");

	pid = fork();
	if (pid == 0)
		wait_for_kill();
	check(waitpid(pid, &status, WNOHANG) == 0, "WNOHANG returns 0 while the child runs");
	check(kill(pid, SIGTERM) == 0, "kill(SIGTERM)");
	check(waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM,
	      "the child died of SIGTERM");
	errno = 0;
	check(waitpid(-1, &status, 0) == -1 && errno == ECHILD, "no children left: ECHILD");
	errno = 0;
	check(kill(99999, SIGTERM) == -1 && errno == ESRCH, "kill of a missing pid: ESRCH");
	check(getppid() >= 0 && getpid() != getppid(), "getpid and getppid");
	child_heap_is_private();
	exec_errors();
	signal_wakes_a_waiting_parent();
	orphans_go_to_init();
	printf("fork_test: %d checks, %d failed\n", test_checks, test_failures);
	return test_exit_status();
}
