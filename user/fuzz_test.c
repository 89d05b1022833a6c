/*
 * A deterministic system-call fuzzer: random implemented (and unknown)
 * system calls with arguments drawn from a pool of interesting values,
 * made by forked children so that a fatal signal in one is fine. The
 * kernel must survive them all and leak nothing (the measure of
 * user/leak_test.c: free + slab pages, and every cache's active objects).
 *
 *	fuzz_test [ITERATIONS] [SEED] [CHILDREN] [-v]
 *
 * Defaults: 2000 calls in each of 8 children, seed 0x5eed; child K uses
 * seed SEED + K. With -v every call is printed before it is made (one
 * child, one seed: "fuzz_test 2000 SEED 1 -v" replays child 0 of SEED),
 * so the last line before an oops is the reproducer.
 *
 * What would end or disturb the test itself is kept out: exit, exit_group
 * and reboot are never called; kill only targets the child itself with an
 * invalid signal or a pid that does not exist; execve only gets a bad
 * file name; nanosleep sleeps at most 2 ms; fork and vfork are bounded
 * and their children exit at once and are reaped (clone too, with SIGCHLD
 * or no exit signal); pipes are made and kept O_NONBLOCK (a read of an
 * empty one would wait forever; pipe2 stands for pipe); prctl only renames
 * the child or gets an unknown option; MAP_FIXED mmap, munmap
 * and mprotect, mremap and madvise only touch a dedicated scratch region
 * (where the pointer arguments point too), and populated mappings (and
 * MADV_POPULATE ranges) are kept small; setrlimit and prlimit64 only change
 * RLIMIT_CORE (or no limit). The child
 * closes descriptors 0-2 first, so nothing is read from or written to the
 * console. On a Linux host (running as root) the calls that could change
 * files are also kept harmless: open and openat read only, ioctl only
 * with terminal "get" commands or unknown ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <sys/raw_syscall.h>
#include "test.h"

#define PAGE		4096UL
#define SCRATCH		0x100000000000UL	/* 16 TiB: far from text, heap and mmaps */
#define SCRATCH_PAGES	64
#define HOLE_PAGE	32			/* unmapped: the page before it is "partly mapped" */
#define KERNEL_DIRECT	0xffff888000000000UL
#define KERNEL_TEXT	0xffffffff80100000UL
#define NON_CANONICAL	0x8000000000000000UL
#define LOG_FD		30			/* -v: the console, kept away from the calls */
#define MAX_FORKS	16
#define ARCH_TEACH_STRACE 0x5452
#define MAP_LOCKED	0x2000
#define SYS_getpgid	121	/* Linux x86-64's numbers the libc header lacks */
#define CLONE_EXIT_SIGNAL 0xff	/* clone's CSIGNAL */
#define PR_SET_NAME	15	/* and PR_GET_NAME 16 */
#define WALL		0x40000000	/* wait4's __WALL: clone children without SIGCHLD too */

static const long implemented[] = {
	SYS_read, SYS_write, SYS_open, SYS_close, SYS_stat, SYS_fstat, SYS_lstat, SYS_lseek,
	SYS_mmap, SYS_mprotect, SYS_munmap, SYS_brk, SYS_rt_sigaction, SYS_rt_sigprocmask,
	SYS_ioctl, SYS_writev, SYS_access, SYS_sched_yield, SYS_dup, SYS_dup2, SYS_nanosleep,
	SYS_getpid, SYS_fork, SYS_vfork, SYS_execve, SYS_wait4, SYS_kill, SYS_uname,
	SYS_getcwd, SYS_getppid, SYS_setpgid, SYS_getpgrp, SYS_setsid, SYS_getpgid,
	SYS_arch_prctl, SYS_gettid, SYS_getdents64, SYS_set_tid_address, SYS_clock_gettime,
	SYS_openat, SYS_newfstatat, SYS_mremap, SYS_madvise, SYS_mincore, SYS_getrlimit,
	SYS_setrlimit, SYS_prlimit64,
	SYS_pipe2, SYS_dup3, SYS_fcntl, SYS_clone, SYS_readlink, SYS_readlinkat,
	SYS_getrandom, SYS_sysinfo, SYS_time, SYS_gettimeofday, SYS_prctl, SYS_getuid,
	SYS_setuid, SYS_setgid, SYS_setreuid, SYS_setregid, SYS_setresuid, SYS_setresgid,
	SYS_getresuid, SYS_getresgid, SYS_getgroups,
	/* not here: exit, exit_group, reboot (they would end the test); tkill and tgkill
	 * (they could hit another process) */
};
#define NR_IMPLEMENTED (sizeof(implemented) / sizeof(implemented[0]))

static const char *const paths[] = { "/proc/meminfo", "/", "/proc/self/maps", "/proc",
				     "/nonexistent", "/proc/meminfo/x", "" };

static unsigned long long state;
static int verbose, on_linux_host, forks;
static long safe_timespec[2];

/* xorshift64* (Vigna): a fixed sequence for each seed. */
static unsigned long next_random(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dULL;
}

static unsigned long below(unsigned long n)
{
	return next_random() % n;
}

static unsigned long scratch_address(void)
{
	unsigned long page = below(SCRATCH_PAGES);

	return SCRATCH + page * PAGE + (below(3) ? 0 : below(PAGE));
}

static unsigned long bad_address(void)
{
	switch (below(6)) {
	case 0: return 0;
	case 1: return KERNEL_DIRECT + below(1UL << 30);
	case 2: return KERNEL_TEXT;
	case 3: return NON_CANONICAL | next_random();
	case 4: return 0x10000 + below(PAGE);
	/* at most 8 bytes before the hole: anything larger runs into it */
	default: return SCRATCH + HOLE_PAGE * PAGE - 1 - below(8);
	}
}

/* One argument from the pool of interesting values. */
static unsigned long interesting(void)
{
	switch (below(16)) {
	case 0: return 0;
	case 1: return 1;
	case 2: return -1UL;
	case 3: return below(64);
	case 4: return scratch_address();
	case 5: return SCRATCH + below(SCRATCH_PAGES) * PAGE;
	case 6: return bad_address();
	case 7: return (unsigned long)&next_random + below(64);	/* read-only text */
	case 8: return 1UL << (40 + below(24));			/* huge lengths */
	case 9: return -PAGE * (1 + below(4));
	case 10: return next_random();
	case 11: return SCRATCH + below(sizeof(paths) / sizeof(paths[0])) * 64;	/* a path */
	case 12: return 3 + below(4);				/* likely descriptors */
	case 13: return below(2) ? 0x7fffffffUL : 0x80000000UL;
	case 14: return PAGE * (1 + below(16));
	default: return next_random() & 0xffffffffUL;
	}
}

/* An unknown system-call number, on Linux too (the low 32 bits decide there). */
static long unknown_number(void)
{
	switch (below(3)) {
	case 0: return -1;
	case 1: return 512 + below(0x3fff0000);
	default: return (long)(next_random() | 0x80000000UL);
	}
}

/* Keep the call from ending or disturbing the test (see the top of the file). */
static void make_harmless(long nr, unsigned long *a)
{
	switch (nr) {
	case SYS_open:
	case SYS_openat:
		if (on_linux_host)
			a[nr == SYS_open ? 1 : 2] &= ~(unsigned long)(O_ACCMODE | O_CREAT | O_TRUNC |
							O_APPEND | 0x400000 /* __O_TMPFILE */);
		break;
	case SYS_ioctl:
		if (on_linux_host) {
			static const unsigned long get[] = { 0x5401, 0x5413, 0x540f, 0, 0x12345678 };

			a[1] = get[below(5)];
		}
		break;
	case SYS_nanosleep:
		safe_timespec[0] = 0;
		safe_timespec[1] = below(2000000);
		a[0] = below(4) ? bad_address() : (unsigned long)safe_timespec;
		/* the scratch hole may be mapped by now (MAP_FIXED, mremap) and hold any time */
		if (a[0] >= SCRATCH && a[0] < SCRATCH + SCRATCH_PAGES * PAGE)
			a[0] = KERNEL_TEXT;
		break;
	case SYS_kill:
		if (below(2)) {
			a[0] = syscall0(SYS_getpid);
			a[1] = below(2) ? -1UL : 65 + below(1000);
		} else {
			a[0] = 0x3fffffff;	/* no such process */
		}
		break;
	case SYS_execve:
		a[0] = bad_address();
		break;
	case SYS_mmap:
		if (a[3] & (MAP_FIXED | MAP_FIXED_NOREPLACE))
			a[0] = scratch_address();
		if (a[3] & (MAP_POPULATE | MAP_LOCKED))
			a[1] %= SCRATCH_PAGES * PAGE;
		else if (a[1] < NON_CANONICAL)
			a[1] %= 1UL << 44;
		break;
	case SYS_munmap:
	case SYS_mprotect:
		a[0] = scratch_address();
		if (a[1] < NON_CANONICAL)
			a[1] %= 1UL << 44;
		break;
	case SYS_mremap:
		a[0] = scratch_address();
		if (a[1] < NON_CANONICAL)
			a[1] %= 1UL << 44;
		if (a[2] < NON_CANONICAL)
			a[2] %= 1UL << 44;
		if (a[3] & MREMAP_FIXED)
			a[4] = scratch_address();
		break;
	case SYS_madvise:
		a[0] = scratch_address();
		/*
		 * Not up to the stack (madvise, as Linux's, walks every VMA up to
		 * start + len): MADV_DONTNEED there would zero the child's loop
		 * counters. Lengths that wrap around (EINVAL) are kept.
		 */
		if (a[1] < -(1UL << 44))
			a[1] %= 1UL << 40;
		/* populating faults in every page: over terabytes it would run for minutes */
		if (a[2] == MADV_POPULATE_READ || a[2] == MADV_POPULATE_WRITE)
			a[1] %= SCRATCH_PAGES * PAGE;
		break;
	case SYS_mincore:
		if (below(2))
			a[2] = scratch_address();
		break;
	case SYS_setrlimit:
	case SYS_prlimit64:
		/* only limits nothing here depends on, or no resource at all */
		a[nr == SYS_prlimit64] = below(2) ? RLIMIT_CORE : RLIM_NLIMITS + below(100);
		if (nr == SYS_prlimit64 && below(2))
			a[0] = below(2) ? 0 : 0x3fffffff;	/* itself, or no such process */
		break;
	case SYS_arch_prctl:
		if (a[0] == ARCH_TEACH_STRACE)
			a[0] = 0x9999;
		break;
	case SYS_clone:
		/* the exit signal: SIGCHLD or none, never one that would kill the fuzzer */
		a[0] = (a[0] & ~CLONE_EXIT_SIGNAL) | (below(2) ? SIGCHLD : 0);
		break;
	case SYS_pipe2:		/* a read of an empty pipe, or a write to a full one, would wait forever */
		a[1] |= O_NONBLOCK;
		break;
	case SYS_fcntl:
		if (a[1] == F_SETFL)
			a[2] |= O_NONBLOCK;
		break;
	case SYS_prctl:
		a[0] = below(3) ? PR_SET_NAME + below(2) : 0x7fff0000 + below(16);
		break;
	}
	for (int i = 0; i < 6; i++)
		if (verbose && a[i] == LOG_FD)
			a[i] = LOG_FD - 1;
}

static void log_call(unsigned long seed, int i, long nr, const unsigned long *a)
{
	char line[256];
	int n = snprintf(line, sizeof(line),
			 "# seed %lu call %d: syscall(%ld, %#lx, %#lx, %#lx, %#lx, %#lx, %#lx)\n",
			 seed, i, nr, a[0], a[1], a[2], a[3], a[4], a[5]);

	syscall3(SYS_write, LOG_FD, (long)line, n);
}

/*
 * vfork or clone (@nr) with @a's arguments, whose child exits at once, in
 * registers: it may share the memory and the stack of the caller.
 */
static long spawn_and_exit(long nr, const unsigned long *a)
{
	register unsigned long r10 __asm__("r10") = a[3];
	register unsigned long r8 __asm__("r8") = a[4];
	long ret;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "mov $60, %%eax\n\t"
			 "xor %%edi, %%edi\n\t"
			 "syscall\n"
			 "1:"
			 : "=a"(ret)
			 : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

static long fuzz_one(long nr, const unsigned long *a)
{
	long ret;

	if (nr == SYS_fork || nr == SYS_vfork || nr == SYS_clone) {
		if (forks++ >= MAX_FORKS)
			return 0;
		ret = nr == SYS_fork ? syscall0(SYS_fork) : spawn_and_exit(nr, a);
		if (ret == 0)
			syscall1(SYS_exit, 0);
		if (ret > 0)
			syscall4(SYS_wait4, ret, 0, WALL, 0);
		return ret;
	}
	return syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* The child: its scratch region, then @iterations random calls. Never returns. */
static void fuzz_child(unsigned long seed, int iterations)
{
	char *scratch;

	state = seed * 0x9e3779b97f4a7c15ULL + 1;
	if (verbose)
		syscall2(SYS_dup2, 1, LOG_FD);
	for (int fd = 0; fd < 3; fd++)
		syscall1(SYS_close, fd);
	scratch = mmap((void *)SCRATCH, SCRATCH_PAGES * PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (scratch == MAP_FAILED)
		_exit(100);
	munmap(scratch + HOLE_PAGE * PAGE, PAGE);
	for (unsigned i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		strcpy(scratch + i * 64, paths[i]);
	syscall3(SYS_open, (long)paths[0], O_RDONLY, 0);	/* descriptors 0 and 1 */
	syscall3(SYS_open, (long)paths[1], O_RDONLY | O_DIRECTORY, 0);
	for (int i = 0; i < iterations; i++) {
		long nr = below(10) ? implemented[below(NR_IMPLEMENTED)] : unknown_number();
		unsigned long a[6];

		for (int j = 0; j < 6; j++)
			a[j] = interesting();
		make_harmless(nr, a);
		if (verbose)
			log_call(seed, i, nr, a);
		fuzz_one(nr, a);
	}
	syscall1(SYS_exit, 0);
}

/* Run @children children of @iterations calls from @seed on; how many were reaped. */
static int run_children(unsigned long seed, int children, int iterations, int quiet)
{
	int reaped = 0;

	for (int k = 0; k < children; k++) {
		int status = 0;
		pid_t pid;

		fflush(stdout);
		pid = fork();
		if (pid == 0)
			fuzz_child(seed + k, iterations);
		if (pid < 0 || waitpid(pid, &status, 0) != pid) {
			printf("# child %d (seed %lu): fork or wait failed\n", k, seed + k);
			continue;
		}
		reaped++;
		if (quiet)
			continue;
		if (WIFSIGNALED(status))
			printf("# child %d (seed %lu): killed by signal %d\n", k, seed + k,
			       WTERMSIG(status));
		else
			printf("# child %d (seed %lu): exited with status %d\n", k, seed + k,
			       WEXITSTATUS(status));
	}
	return reaped;
}

int main(int argc, char **argv)
{
	int iterations = argc > 1 ? atoi(argv[1]) : 2000;
	unsigned long seed = argc > 2 ? strtoul(argv[2], NULL, 0) : 0x5eed;
	int children = argc > 3 ? atoi(argv[3]) : 8, reaped, ok;
	struct leak_snapshot before, after;
	char name[160];
	long pid;

	verbose = argc > 4 && strcmp(argv[4], "-v") == 0;
	on_linux_host = !on_teaching_kernel();
	printf("# fuzz_test: %d children x %d calls, seed %lu\n", children, iterations, seed);
	test_plan(4);
	if (!verbose)	/* warm-up: caches reach their size */
		run_children(seed ^ 0xabcdef, 2, iterations, 1);
	leak_snapshot_take(&before);
	leak_snapshot_take(&before);
	reaped = run_children(seed, children, iterations, 0);
	snprintf(name, sizeof(name), "%d children x %d random calls, all reaped", children,
		 iterations);
	check(reaped == children, name);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;	/* orphans of the children, if any came to us */

	/* the kernel still works: a process comes and goes, a file reads back */
	pid = fork();
	if (pid == 0)
		_exit(42);
	ok = pid > 0;
	if (ok) {
		int status = 0;

		ok = waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
		     WEXITSTATUS(status) == 42;
	}
	check(ok && read_file("/proc/meminfo", test_text, sizeof(test_text)) > 0 &&
	      strstr(test_text, "MemFree:"),
	      "the kernel is alive: fork, exit, wait, open and read work");
	leak_snapshot_take(&after);
	leak_report(&before, &after, "the fuzzing", "not the teaching kernel", LEAK_SAME_CACHE_COUNT);
	return test_exit_status();
}
