/*
 * Copy-on-write fork: after fork, parent and child each see only their own
 * writes, in the heap, the stack, .data and an mmap'd area, down to
 * grandchildren and across an exec; a child that only reads the parent's
 * 16 MiB costs almost no memory (/proc/meminfo MemFree); many forks of a
 * big area with writes on both sides stay private; and nothing leaks
 * (MemFree + slab pages and every slab cache's active objects as before,
 * as user/leak_test.c checks). Prints "ok N name" / "not ok N name" per
 * check; exits 1 if any failed. Runs on Linux too
 * (make build/user/bin/cow_test), where the exact leak check is skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "test.h"

#define PAGE		4096L
#define BIG		(16L << 20)	/* the parent's touched area */
#define READER_LIMIT_KB	(4L << 10)	/* a reading child must cost less than this */

static int data_value = 1;	/* in .data */

/* Wait for @pid; 1 if it exited with status 0. */
static int exited_ok(pid_t pid)
{
	int status;

	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&t, NULL);
}

/* One value in each kind of private memory. */
struct places {
	int *heap, *stack, *data, *mapped;
};

static void set_all(struct places *p, int value)
{
	*p->heap = *p->stack = *p->data = *p->mapped = value;
}

static int all_are(struct places *p, int value)
{
	return *p->heap == value && *p->stack == value && *p->data == value && *p->mapped == value;
}

/* A child that waits a little (the parent writes meanwhile), checks, writes its own and checks. */
static void own_writes_child(struct places *p)
{
	sleep_ms(50);
	if (!all_are(p, 1))
		_exit(1);
	set_all(p, 2);
	_exit(all_are(p, 2) ? 0 : 2);
}

static void test_own_writes(void)
{
	volatile int stack_value = 1;
	int *mapped = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int *heap = sbrk(PAGE);
	struct places p = { heap, (int *)&stack_value, &data_value, mapped };
	pid_t pid;
	int child_ok;

	if (mapped == MAP_FAILED || heap == (void *)-1) {
		check(0, "heap, stack, .data and mmap area are private after fork");
		return;
	}
	set_all(&p, 1);
	pid = fork();
	if (pid == 0)
		own_writes_child(&p);
	set_all(&p, 3);		/* most likely before the child looks */
	child_ok = exited_ok(pid);
	check(child_ok, "the child sees the values of fork time, then its own writes");
	check(all_are(&p, 3), "the parent sees its own writes, not the child's");
	/* the same with the child writing first */
	set_all(&p, 1);
	pid = fork();
	if (pid == 0) {
		set_all(&p, 2);
		_exit(all_are(&p, 2) ? 0 : 1);
	}
	child_ok = exited_ok(pid);
	check(child_ok && all_are(&p, 1), "a child's writes leave the parent's memory untouched");
	munmap(mapped, PAGE);
	sbrk(-PAGE);
}

static void test_grandchildren(void)
{
	int *heap = sbrk(PAGE);
	pid_t pid;

	*heap = data_value = 1;
	pid = fork();
	if (pid == 0) {
		pid_t grandchild;
		int ok;

		*heap = data_value = 2;
		grandchild = fork();
		if (grandchild == 0) {
			int saw = *heap == 2 && data_value == 2;

			*heap = data_value = 3;
			_exit(saw && *heap == 3 ? 0 : 1);
		}
		ok = exited_ok(grandchild);
		_exit(ok && *heap == 2 && data_value == 2 ? 0 : 1);
	}
	check(exited_ok(pid) && *heap == 1 && data_value == 1,
	      "grandchildren: each generation sees its own writes");
	sbrk(-PAGE);
}

static void test_fork_then_exec(void)
{
	char *argv[] = { "true", NULL };
	char *heap = sbrk(PAGE);
	pid_t pid;

	memset(heap, 5, PAGE);
	pid = fork();
	if (pid == 0) {
		heap[0] = 6;	/* one copied page, then the whole mm goes */
		execv("/bin/true", argv);
		_exit(127);
	}
	check(exited_ok(pid) && heap[0] == 5 && heap[PAGE - 1] == 5,
	      "fork then exec: the child runs /bin/true, the parent's heap is intact");
	sbrk(-PAGE);
}

/* A 16 MiB private area with every page written (@fill in each byte). */
static char *big_area(int fill)
{
	char *area = mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (area != MAP_FAILED)
		memset(area, fill, BIG);
	return area == MAP_FAILED ? NULL : area;
}

/*
 * A child that reads all 16 MiB: exit 0 if MemFree dropped by less than
 * READER_LIMIT_KB since @free_before_fork (the eager copy would cost 16 MiB).
 */
static void reader_child(const char *area, long free_before_fork)
{
	long sum = 0, drop;

	for (long i = 0; i < BIG; i += PAGE)
		sum += area[i];
	drop = free_before_fork - read_kb("/proc/meminfo", "MemFree:");
	printf("# a reading child: MemFree dropped %ld kB (sum %ld)\n", drop, sum);
	fflush(stdout);
	_exit(sum == 7L * (BIG / PAGE) && drop < READER_LIMIT_KB ? 0 : 1);
}

static void test_reader_costs_little(void)
{
	char *area = big_area(7);
	int ok = 0;

	/* Linux's MemFree moves with the rest of the system: one good try of three is enough */
	for (int try = 0; area && try < 3 && !ok; try++) {
		long before = read_kb("/proc/meminfo", "MemFree:");
		pid_t pid;

		fflush(stdout);		/* the child flushes its copy of the buffer */
		pid = fork();

		if (pid == 0)
			reader_child(area, before);
		ok = exited_ok(pid);
	}
	check(ok, "a child that only reads 16 MiB costs less than 4 MiB of MemFree");
	if (area)
		munmap(area, BIG);
}

/* The child writes odd pages and checks all; the parent writes even pages meanwhile. */
static int fork_and_write_both_sides(char *area, int round)
{
	pid_t pid = fork();
	int ok = 1;

	if (pid == 0) {
		for (long i = PAGE; i < BIG; i += 2 * PAGE)
			area[i] = (char)(100 + round);
		for (long i = 0; i < BIG; i += PAGE)
			if (area[i] != (char)((i / PAGE) % 2 ? 100 + round : round - 1 + 10))
				_exit(1);
		_exit(0);
	}
	for (long i = 0; i < BIG; i += 2 * PAGE)
		area[i] = (char)(round + 10);
	ok = exited_ok(pid);
	for (long i = 0; i < BIG; i += PAGE)
		if (area[i] != (char)((i / PAGE) % 2 ? round - 1 + 10 : round + 10))
			ok = 0;
	/* the parent's odd pages are its own again: keep them in step for the next round */
	for (long i = PAGE; i < BIG; i += 2 * PAGE)
		area[i] = (char)(round + 10);
	return ok;
}

/* @rounds forks of the 16 MiB area (filled with round - 1 + 10 going in); 1 if all stayed private. */
static int many_forks(char *area, int first, int rounds)
{
	int ok = 1;

	for (int round = first; round < first + rounds; round++)
		ok &= fork_and_write_both_sides(area, round);
	return ok;
}

static void test_many_forks_and_leaks(void)
{
	struct leak_snapshot before, after;
	char *area = big_area(9);	/* round 0's value going in: 0 - 1 + 10 */
	int ok;

	if (!area) {
		check(0, "many forks of a 16 MiB area with writes on both sides");
		return;
	}
	ok = many_forks(area, 0, 2);	/* also the warm-up: caches reach their working size */
	leak_snapshot_take(&before);
	leak_snapshot_take(&before);
	ok &= many_forks(area, 2, 10);
	leak_snapshot_take(&after);
	check(ok, "12 forks of a 16 MiB area with writes on both sides stay private");
	munmap(area, BIG);
	leak_report(&before, &after, "10 forks", "Linux's MemFree moves with the whole system", 0);
}

int main(void)
{
	test_plan(9);
	test_own_writes();
	test_grandchildren();
	test_fork_then_exec();
	test_reader_costs_little();
	test_many_forks_and_leaks();
	return test_exit_status();
}
