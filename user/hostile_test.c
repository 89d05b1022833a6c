/*
 * Hostile arguments to every implemented system call get Linux's answer,
 * the caller keeps running, and nothing leaks. Each call is made raw (the
 * kernel's -errno is compared, no libc in between) with NULL, kernel,
 * non-canonical, unmapped and partly mapped pointers, bad descriptors,
 * huge lengths, bad flags, signals and codes, and unknown numbers.
 * The answers expected are Linux's: the program passes on a Linux host.
 *
 *	hostile_test [REPEATS]	(default 20)
 *
 * The battery runs once quietly (warm-up), once printing "ok N name" /
 * "not ok N name", then REPEATS more times quietly; the repeats must give
 * the same answers, and on the teaching kernel the pages that are free or
 * in slabs, and every cache's active objects, must be where they were
 * after the warm-up (the measure of user/leak_test.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <signal.h>
#include <errno.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <sys/raw_syscall.h>
#include "test.h"

#define PAGE		4096UL
#define KERNEL_DIRECT	0xffff888000000000UL	/* Linux's direct map */
#define KERNEL_TEXT	0xffffffff80100000UL
#define NON_CANONICAL	0x8000000000000000UL
#define UNMAPPED	0x10000UL
#define BIG_FD		0x7fffffffL
#define TCGETS		0x5401
#define TIOCGWINSZ	0x5413
#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define SYS_getpgid	121	/* Linux x86-64's number; not in the libc header */
#define SEEK_DATA_PLUS_2 5	/* past SEEK_HOLE: no whence Linux knows */

enum pass_kind { WARM_UP, VERBOSE, REPEAT };

static enum pass_kind pass;
static int repeat_failures;

/* A mapped page followed by an unmapped one; the last 4 mapped bytes are 'a'. */
static char *area;
static unsigned long partial;	/* area + PAGE - 4 */
static char *buf;		/* 4 mapped, zeroed pages for good pointers */
static int proc_fd, dir_fd;

struct bad_pointer {
	unsigned long address;
	const char *name;
};

static struct bad_pointer bad[6] = {
	{ 0, "NULL" },
	{ KERNEL_DIRECT, "kernel direct map" },
	{ KERNEL_TEXT, "kernel text" },
	{ NON_CANONICAL, "non-canonical" },
	{ UNMAPPED, "unmapped" },
	{ 0, "partly mapped" },	/* set to partial at start */
};
#define NR_BAD (int)(sizeof(bad) / sizeof(bad[0]))

/* The partly mapped string: 'a's up to the hole, no NUL. */
static void refill(void)
{
	memset(area + PAGE - 4, 'a', 4);
}

static void report(int ok, const char *name)
{
	if (pass == VERBOSE)
		check(ok, name);
	else if (pass == REPEAT && !ok)
		repeat_failures++;
}

/* Was the answer @got the one expected, @want? Names the check "@what: @detail". */
static void expect(long got, long want, const char *what, const char *detail)
{
	char name[200];

	if (got == want)
		snprintf(name, sizeof(name), "%s%s%s = %ld", what, detail ? ": " : "",
			 detail ? detail : "", want);
	else
		snprintf(name, sizeof(name), "%s%s%s = %ld (expected %ld)", what,
			 detail ? ": " : "", detail ? detail : "", got, want);
	report(got == want, name);
}

/* expect() for ioctl @cmd on standard output if it is a terminal (@tty); else a skip. */
static void expect_terminal(int tty, unsigned long cmd, long arg, long want, const char *what,
			    const char *detail)
{
	char name[200];

	if (tty) {
		expect(syscall3(SYS_ioctl, 1, cmd, arg), want, what, detail);
	} else if (pass == VERBOSE) {
		snprintf(name, sizeof(name), "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
		skip(name, "standard output is not a terminal");
	}
}

static void check_read_write(void)
{
	long r;

	syscall3(SYS_lseek, proc_fd, 0, SEEK_SET);
	expect(syscall3(SYS_read, -1, (long)buf, 1), -EBADF, "read fd -1", NULL);
	expect(syscall3(SYS_read, BIG_FD, (long)buf, 1), -EBADF, "read fd 0x7fffffff", NULL);
	expect(syscall3(SYS_read, 100000, (long)buf, 1), -EBADF, "read fd 100000", NULL);
	for (int i = 0; i < NR_BAD - 1; i++)
		expect(syscall3(SYS_read, proc_fd, bad[i].address, 64), -EFAULT,
		       "read /proc/meminfo into", bad[i].name);
	expect(syscall3(SYS_read, proc_fd, 0, 0), 0, "read 0 bytes into NULL", NULL);
	expect(syscall3(SYS_read, proc_fd, (long)buf, -1L), -EFAULT, "read ~0 bytes", NULL);
	expect(syscall3(SYS_read, proc_fd, (long)buf, 1L << 47), -EFAULT, "read 2^47 bytes", NULL);
	expect(syscall3(SYS_read, dir_fd, (long)buf, 16), -EISDIR, "read a directory", NULL);
	/* the bytes that fit before the hole are read: a short count */
	expect(syscall3(SYS_read, proc_fd, (long)(area + PAGE - 100), 4096), 100,
	       "read 4096 bytes into 100 mapped then unmapped", NULL);
	syscall3(SYS_lseek, proc_fd, 0, SEEK_SET);
	memset(area + PAGE - 100, 'a', 100);

	expect(syscall3(SYS_write, -1, (long)"x", 1), -EBADF, "write fd -1", NULL);
	expect(syscall3(SYS_write, BIG_FD, (long)"x", 1), -EBADF, "write fd 0x7fffffff", NULL);
	expect(syscall3(SYS_write, proc_fd, (long)"x", 1), -EBADF, "write a read-only fd", NULL);
	expect(syscall3(SYS_write, 1, 0, 0), 0, "write 0 bytes from NULL", NULL);
	for (int i = 0; i < NR_BAD - 1; i++)
		expect(syscall3(SYS_write, 1, bad[i].address, 8), -EFAULT, "write from",
		       bad[i].name);
	expect(syscall3(SYS_write, 1, (long)buf, -1L), -EFAULT, "write ~0 bytes", NULL);
	/* 4 mapped bytes then the hole: a short write or EFAULT (a tty copies whole chunks) */
	r = syscall3(SYS_write, 1, partial, 16);
	if (pass == VERBOSE)
		write(1, "\n", 1);
	report(r == -EFAULT || (r > 0 && r <= 4), "write 16 bytes from 4 mapped then unmapped");
}

static void check_writev(void)
{
	struct { unsigned long base, len; } *iov = (void *)(buf + PAGE);
	long r;

	iov[0].base = (unsigned long)"\n";
	iov[0].len = 1;
	expect(syscall3(SYS_writev, -1, (long)iov, 1), -EBADF, "writev fd -1", NULL);
	expect(syscall3(SYS_writev, proc_fd, (long)iov, 1), -EBADF, "writev a read-only fd", NULL);
	for (int i = 0; i < NR_BAD; i++)
		expect(syscall3(SYS_writev, 1, bad[i].address, 1), -EFAULT, "writev iovec array at",
		       bad[i].name);
	expect(syscall3(SYS_writev, 1, (long)iov, 0), 0, "writev 0 iovecs", NULL);
	expect(syscall3(SYS_writev, 1, (long)iov, 1025), -EINVAL, "writev 1025 iovecs", NULL);
	expect(syscall3(SYS_writev, 1, (long)iov, -1L), -EINVAL, "writev -1 iovecs", NULL);
	iov[0].len = -1UL;
	expect(syscall3(SYS_writev, 1, (long)iov, 1), -EINVAL, "writev iov_len ~0", NULL);
	iov[0].len = 1;
	iov[1].base = KERNEL_DIRECT;
	iov[1].len = 1;
	/* Linux checks every iovec's range before writing any */
	expect(syscall3(SYS_writev, 1, (long)iov, 2), -EFAULT,
	       "writev a good iovec then a kernel one", NULL);
	iov[1].base = 0;
	expect(syscall3(SYS_writev, 1, (long)iov + sizeof(*iov), 1), -EFAULT,
	       "writev one iovec with base NULL", NULL);
	iov[1].base = UNMAPPED;
	r = syscall3(SYS_writev, 1, (long)iov, 2);
	report(r == 1 || r == -EFAULT, "writev a good iovec then an unmapped one: 1 or EFAULT");
}

static void check_open_stat(void)
{
	char *long_name = buf + 2 * PAGE;
	long r;

	for (int i = 0; i < NR_BAD; i++) {
		refill();
		expect(syscall3(SYS_open, bad[i].address, O_RDONLY, 0), -EFAULT, "open name at",
		       bad[i].name);
		expect(syscall4(SYS_openat, AT_FDCWD, bad[i].address, O_RDONLY, 0), -EFAULT,
		       "openat name at", bad[i].name);
		expect(syscall2(SYS_stat, bad[i].address, (long)buf), -EFAULT, "stat name at",
		       bad[i].name);
		expect(syscall2(SYS_stat, (long)"/", bad[i].address), -EFAULT, "stat / into",
		       bad[i].name);
		refill();	/* a partial copy into it wrote over the name */
		expect(syscall2(SYS_lstat, bad[i].address, (long)buf), -EFAULT, "lstat name at",
		       bad[i].name);
		expect(syscall2(SYS_lstat, (long)"/", bad[i].address), -EFAULT, "lstat / into",
		       bad[i].name);
		expect(syscall2(SYS_fstat, proc_fd, bad[i].address), -EFAULT, "fstat into",
		       bad[i].name);
		refill();	/* a partial copy into it wrote over the name */
		expect(syscall4(SYS_newfstatat, AT_FDCWD, bad[i].address, (long)buf, 0), -EFAULT,
		       "newfstatat name at", bad[i].name);
		expect(syscall4(SYS_newfstatat, AT_FDCWD, (long)"/", bad[i].address, 0), -EFAULT,
		       "newfstatat / into", bad[i].name);
		refill();	/* a partial copy into it wrote over the name */
		expect(syscall2(SYS_access, bad[i].address, 0), -EFAULT, "access name at",
		       bad[i].name);
	}
	expect(syscall3(SYS_open, (long)"", O_RDONLY, 0), -ENOENT, "open \"\"", NULL);
	expect(syscall3(SYS_open, (long)"/proc/meminfo/x", O_RDONLY, 0), -ENOTDIR,
	       "open /proc/meminfo/x", NULL);
	memset(long_name, 'a', PAGE + 100);
	long_name[0] = '/';
	long_name[PAGE + 100] = '\0';
	expect(syscall3(SYS_open, (long)long_name, O_RDONLY, 0), -ENAMETOOLONG,
	       "open a 4196-byte name", NULL);
	expect(syscall2(SYS_stat, (long)long_name, (long)buf), -ENAMETOOLONG,
	       "stat a 4196-byte name", NULL);
	memset(long_name, 0, PAGE + 101);
	expect(syscall4(SYS_openat, -5, (long)"relative", O_RDONLY, 0), -EBADF,
	       "openat dfd -5, relative name", NULL);
	expect(syscall4(SYS_openat, BIG_FD, (long)"relative", O_RDONLY, 0), -EBADF,
	       "openat dfd 0x7fffffff, relative name", NULL);
	expect(syscall4(SYS_openat, proc_fd, (long)"relative", O_RDONLY, 0), -ENOTDIR,
	       "openat dfd a file, relative name", NULL);
	r = syscall4(SYS_openat, -5, (long)"/proc/meminfo", O_RDONLY, 0);
	report(r >= 0, "openat dfd -5, absolute name: opens");
	if (r >= 0)
		syscall1(SYS_close, r);
	expect(syscall2(SYS_stat, (long)"", (long)buf), -ENOENT, "stat \"\"", NULL);
	expect(syscall2(SYS_stat, (long)"/nonexistent", (long)buf), -ENOENT, "stat /nonexistent",
	       NULL);
	expect(syscall2(SYS_stat, (long)"/", (long)buf + 1), 0, "stat / into a misaligned buffer",
	       NULL);
	expect(syscall2(SYS_fstat, -1, (long)buf), -EBADF, "fstat fd -1", NULL);
	expect(syscall2(SYS_fstat, BIG_FD, (long)buf), -EBADF, "fstat fd 0x7fffffff", NULL);
	expect(syscall2(SYS_fstat, proc_fd, (long)buf + 3), 0, "fstat into a misaligned buffer",
	       NULL);
	expect(syscall4(SYS_newfstatat, AT_FDCWD, (long)"/", (long)buf, 0xffff), -EINVAL,
	       "newfstatat flags 0xffff", NULL);
	expect(syscall4(SYS_newfstatat, -5, (long)"relative", (long)buf, 0), -EBADF,
	       "newfstatat dfd -5, relative name", NULL);
	expect(syscall4(SYS_newfstatat, AT_FDCWD, (long)"", (long)buf, 0), -ENOENT,
	       "newfstatat \"\" without AT_EMPTY_PATH", NULL);
	expect(syscall4(SYS_newfstatat, proc_fd, (long)"", (long)buf, AT_EMPTY_PATH), 0,
	       "newfstatat fd, \"\", AT_EMPTY_PATH", NULL);
	expect(syscall4(SYS_newfstatat, -5, (long)"", (long)buf, AT_EMPTY_PATH), -EBADF,
	       "newfstatat fd -5, \"\", AT_EMPTY_PATH", NULL);
	expect(syscall2(SYS_access, (long)"/", 0x80), -EINVAL, "access mode 0x80", NULL);
	expect(syscall2(SYS_access, (long)"/", -1), -EINVAL, "access mode -1", NULL);
	expect(syscall2(SYS_access, (long)"/nonexistent", 0), -ENOENT, "access /nonexistent",
	       NULL);
}

static void check_descriptors(void)
{
	long tty = syscall3(SYS_ioctl, 1, TCGETS, (long)buf) == 0;

	expect(syscall1(SYS_close, -1), -EBADF, "close -1", NULL);
	expect(syscall1(SYS_close, BIG_FD), -EBADF, "close 0x7fffffff", NULL);
	expect(syscall1(SYS_close, 100000), -EBADF, "close 100000", NULL);
	expect(syscall1(SYS_dup, -1), -EBADF, "dup -1", NULL);
	expect(syscall1(SYS_dup, BIG_FD), -EBADF, "dup 0x7fffffff", NULL);
	expect(syscall2(SYS_dup2, -1, 5), -EBADF, "dup2 -1 to 5", NULL);
	expect(syscall2(SYS_dup2, -1, -1), -EBADF, "dup2 -1 to -1", NULL);
	expect(syscall2(SYS_dup2, 1, -1), -EBADF, "dup2 1 to -1", NULL);
	expect(syscall2(SYS_dup2, 1, BIG_FD), -EBADF, "dup2 1 to 0x7fffffff", NULL);
	expect(syscall2(SYS_dup2, BIG_FD, BIG_FD), -EBADF, "dup2 0x7fffffff to itself", NULL);
	expect(syscall2(SYS_dup2, 1, 1), 1, "dup2 1 to itself", NULL);

	expect(syscall3(SYS_lseek, -1, 0, SEEK_SET), -EBADF, "lseek fd -1", NULL);
	expect(syscall3(SYS_lseek, proc_fd, 0, SEEK_DATA_PLUS_2), -EINVAL, "lseek whence 5", NULL);
	expect(syscall3(SYS_lseek, proc_fd, 0, -1), -EINVAL, "lseek whence 0xffffffff", NULL);
	expect(syscall3(SYS_lseek, proc_fd, -1, SEEK_SET), -EINVAL, "lseek to -1", NULL);
	expect(syscall3(SYS_lseek, proc_fd, 0, SEEK_SET), 0, "lseek to 0", NULL);

	expect(syscall3(SYS_ioctl, -1, TCGETS, (long)buf), -EBADF, "ioctl fd -1", NULL);
	expect(syscall3(SYS_ioctl, BIG_FD, TCGETS, (long)buf), -EBADF, "ioctl fd 0x7fffffff", NULL);
	expect(syscall3(SYS_ioctl, proc_fd, TCGETS, (long)buf), -ENOTTY, "ioctl TCGETS on a file",
	       NULL);
	for (int i = 0; i < NR_BAD; i++) {
		expect_terminal(tty, TCGETS, bad[i].address, -EFAULT,
				"ioctl TCGETS on the terminal into", bad[i].name);
		expect_terminal(tty, TIOCGWINSZ, bad[i].address, -EFAULT,
				"ioctl TIOCGWINSZ on the terminal into", bad[i].name);
	}
	expect_terminal(tty, 0x12345678, (long)buf, -ENOTTY, "ioctl unknown command on the terminal",
			NULL);

	for (int i = 0; i < NR_BAD; i++) {
		syscall3(SYS_lseek, dir_fd, 0, SEEK_SET);
		expect(syscall3(SYS_getdents64, dir_fd, bad[i].address, 4096), -EFAULT,
		       "getdents64 / into", bad[i].name);
	}
	syscall3(SYS_lseek, dir_fd, 0, SEEK_SET);
	expect(syscall3(SYS_getdents64, -1, (long)buf, 4096), -EBADF, "getdents64 fd -1", NULL);
	expect(syscall3(SYS_getdents64, proc_fd, (long)buf, 4096), -ENOTDIR,
	       "getdents64 on a file", NULL);
	expect(syscall3(SYS_getdents64, dir_fd, (long)buf, 0), -EINVAL, "getdents64 0 bytes",
	       NULL);
	expect(syscall3(SYS_getdents64, dir_fd, (long)buf, 1), -EINVAL, "getdents64 1 byte", NULL);
	report(syscall3(SYS_getdents64, dir_fd, (long)buf + 1, 4096) > 0,
	       "getdents64 into a misaligned buffer reads entries");
	syscall3(SYS_lseek, dir_fd, 0, SEEK_SET);
}

static void check_process_calls(void)
{
	long pid = syscall0(SYS_getpid);

	expect(syscall6(SYS_getpid, -1, -1, -1, -1, -1, -1), pid, "getpid with garbage arguments",
	       NULL);
	expect(syscall6(SYS_gettid, KERNEL_DIRECT, 0, 0, 0, 0, 0), pid,
	       "gettid with garbage arguments", NULL);
	/* init's parent is pid 0, as on Linux */
	expect(syscall1(SYS_getppid, -1) > 0, pid != 1, "getppid with garbage arguments > 0", NULL);
	expect(syscall1(SYS_getpgrp, -1) > 0, 1, "getpgrp with garbage arguments > 0", NULL);
	expect(syscall6(SYS_sched_yield, -1, -1, -1, -1, -1, -1), 0,
	       "sched_yield with garbage arguments", NULL);
	expect(syscall2(SYS_setpgid, 0, -1), -EINVAL, "setpgid pgid -1", NULL);
	expect(syscall2(SYS_setpgid, 0x3fffffff, 0), -ESRCH, "setpgid no such pid", NULL);
	expect(syscall1(SYS_getpgid, 0x3fffffff), -ESRCH, "getpgid no such pid", NULL);
	expect(syscall1(SYS_getpgid, -1), -ESRCH, "getpgid -1", NULL);
	expect(syscall2(SYS_kill, pid, -1), -EINVAL, "kill signal -1", NULL);
	expect(syscall2(SYS_kill, pid, 65), -EINVAL, "kill signal 65", NULL);
	expect(syscall2(SYS_kill, pid, 0x7fffffff), -EINVAL, "kill signal 0x7fffffff", NULL);
	expect(syscall2(SYS_kill, pid, 0), 0, "kill signal 0 to self", NULL);
	expect(syscall2(SYS_kill, 0x3fffffff, 0), -ESRCH, "kill no such pid", NULL);
	expect(syscall2(SYS_kill, -0x3fffffff, 0), -ESRCH, "kill no such process group", NULL);
	expect(syscall2(SYS_kill, -0x7fffffff - 1, 0), -ESRCH, "kill pid INT_MIN", NULL);
}

static void check_signals(void)
{
	unsigned long *action = (unsigned long *)buf, *set = (unsigned long *)(buf + 64);
	const struct { long sig; const char *name; } bad_signals[] = {
		{ SIGKILL, "SIGKILL" }, { 19, "SIGSTOP" }, { 0, "0" }, { 65, "65" },
		{ -1, "-1" }, { 0x7fffffff, "0x7fffffff" },
	};

	memset(action, 0, 32);
	for (unsigned i = 0; i < sizeof(bad_signals) / sizeof(bad_signals[0]); i++)
		expect(syscall4(SYS_rt_sigaction, bad_signals[i].sig, (long)action, 0, 8), -EINVAL,
		       "rt_sigaction SIG_DFL on signal", bad_signals[i].name);
	expect(syscall4(SYS_rt_sigaction, SIGKILL, 0, (long)action, 8), 0,
	       "rt_sigaction reads SIGKILL's action", NULL);
	expect(syscall4(SYS_rt_sigaction, SIGUSR1, (long)action, 0, 7), -EINVAL,
	       "rt_sigaction sigsetsize 7", NULL);
	expect(syscall4(SYS_rt_sigaction, SIGUSR1, (long)action, 0, -1L), -EINVAL,
	       "rt_sigaction sigsetsize ~0", NULL);
	for (int i = 1; i < NR_BAD; i++) {
		expect(syscall4(SYS_rt_sigaction, SIGUSR1, bad[i].address, 0, 8), -EFAULT,
		       "rt_sigaction new action at", bad[i].name);
		expect(syscall4(SYS_rt_sigaction, SIGUSR1, 0, bad[i].address, 8), -EFAULT,
		       "rt_sigaction old action into", bad[i].name);
		expect(syscall4(SYS_rt_sigprocmask, SIG_BLOCK, bad[i].address, 0, 8), -EFAULT,
		       "rt_sigprocmask new set at", bad[i].name);
		expect(syscall4(SYS_rt_sigprocmask, SIG_BLOCK, 0, bad[i].address, 8), -EFAULT,
		       "rt_sigprocmask old set into", bad[i].name);
	}
	/* the action is copied in before the signal number is looked at */
	expect(syscall4(SYS_rt_sigaction, 65, KERNEL_DIRECT, 0, 8), -EFAULT,
	       "rt_sigaction signal 65, action at a kernel address", NULL);
	expect(syscall4(SYS_rt_sigaction, SIGUSR1, 0, 0, 8), 0, "rt_sigaction NULL, NULL", NULL);
	set[0] = 0;
	expect(syscall4(SYS_rt_sigprocmask, SIG_BLOCK, (long)set, 0, 7), -EINVAL,
	       "rt_sigprocmask sigsetsize 7", NULL);
	expect(syscall4(SYS_rt_sigprocmask, 99, (long)set, 0, 8), -EINVAL,
	       "rt_sigprocmask how 99", NULL);
	expect(syscall4(SYS_rt_sigprocmask, 99, 0, (long)set, 8), 0,
	       "rt_sigprocmask how 99 without a new set", NULL);
	set[0] = -1UL;
	syscall4(SYS_rt_sigprocmask, SIG_SETMASK, (long)set, 0, 8);
	syscall4(SYS_rt_sigprocmask, SIG_SETMASK, 0, (long)set, 8);
	expect(set[0] & (1UL << (SIGKILL - 1) | 1UL << (19 - 1)), 0,
	       "rt_sigprocmask cannot block SIGKILL and SIGSTOP", NULL);
	set[0] = 0;
	syscall4(SYS_rt_sigprocmask, SIG_SETMASK, (long)set, 0, 8);
}

static void check_time_and_machine(void)
{
	long *ts = (long *)(buf + 128);
	long is_root = syscall0(SYS_getuid);	/* -ENOSYS: the teaching kernel, all root */

	is_root = is_root == 0 || is_root == -ENOSYS;
	for (int i = 0; i < NR_BAD; i++) {
		expect(syscall2(SYS_nanosleep, bad[i].address, 0), -EFAULT, "nanosleep request at",
		       bad[i].name);
		expect(syscall2(SYS_clock_gettime, 0, bad[i].address), -EFAULT,
		       "clock_gettime into", bad[i].name);
		expect(syscall1(SYS_uname, bad[i].address), -EFAULT, "uname into", bad[i].name);
		/* 1 byte before the hole: too little for any path, even "/" */
		expect(syscall2(SYS_getcwd, i == NR_BAD - 1 ? partial + 3 : bad[i].address, 4096),
		       -EFAULT, "getcwd into", bad[i].name);
		expect(syscall2(SYS_arch_prctl, ARCH_GET_FS, bad[i].address), -EFAULT,
		       "arch_prctl ARCH_GET_FS into", bad[i].name);
	}
	ts[0] = 0, ts[1] = 1000000000;
	expect(syscall2(SYS_nanosleep, (long)ts, 0), -EINVAL, "nanosleep tv_nsec 10^9", NULL);
	ts[0] = -1, ts[1] = 0;
	expect(syscall2(SYS_nanosleep, (long)ts, 0), -EINVAL, "nanosleep tv_sec -1", NULL);
	ts[0] = 0, ts[1] = -1;
	expect(syscall2(SYS_nanosleep, (long)ts, 0), -EINVAL, "nanosleep tv_nsec -1", NULL);
	ts[0] = 0, ts[1] = 1;
	expect(syscall2(SYS_nanosleep, (long)ts, KERNEL_DIRECT), 0,
	       "nanosleep 1 ns, remain at a kernel address (not written)", NULL);
	expect(syscall2(SYS_clock_gettime, -1, (long)ts), -EINVAL, "clock_gettime clock -1", NULL);
	expect(syscall2(SYS_clock_gettime, 12, (long)ts), -EINVAL, "clock_gettime clock 12", NULL);
	expect(syscall2(SYS_clock_gettime, 0x7fffffff, (long)ts), -EINVAL,
	       "clock_gettime clock 0x7fffffff", NULL);
	expect(syscall2(SYS_clock_gettime, 0x7fffffff, 0), -EINVAL,
	       "clock_gettime clock 0x7fffffff into NULL", NULL);
	expect(syscall2(SYS_clock_gettime, 1, (long)buf + 3), 0,
	       "clock_gettime into a misaligned buffer", NULL);
	expect(syscall1(SYS_uname, (long)buf + 1), 0, "uname into a misaligned buffer", NULL);
	expect(syscall2(SYS_getcwd, (long)buf, 0), -ERANGE, "getcwd size 0", NULL);
	expect(syscall2(SYS_getcwd, (long)buf, 1), -ERANGE, "getcwd size 1", NULL);
	expect(syscall2(SYS_getcwd, 0, 1), -ERANGE, "getcwd NULL, size 1", NULL);
	expect(syscall2(SYS_getcwd, (long)buf, -1L) > 1, 1, "getcwd size ~0 works", NULL);

	expect(syscall2(SYS_arch_prctl, 0, 0), -EINVAL, "arch_prctl code 0", NULL);
	expect(syscall2(SYS_arch_prctl, 0x9999, 0), -EINVAL, "arch_prctl code 0x9999", NULL);
	expect(syscall2(SYS_arch_prctl, -1, 0), -EINVAL, "arch_prctl code -1", NULL);
	expect(syscall2(SYS_arch_prctl, ARCH_SET_FS, KERNEL_DIRECT), -EPERM,
	       "arch_prctl ARCH_SET_FS kernel address", NULL);
	expect(syscall2(SYS_arch_prctl, ARCH_SET_FS, NON_CANONICAL), -EPERM,
	       "arch_prctl ARCH_SET_FS non-canonical", NULL);
	expect(syscall2(SYS_arch_prctl, ARCH_SET_GS, KERNEL_DIRECT), -EPERM,
	       "arch_prctl ARCH_SET_GS kernel address", NULL);

	/* never a valid magic pair with a valid command */
	expect(syscall4(SYS_reboot, 0, 0, 0, 0), is_root ? -EINVAL : -EPERM, "reboot bad magic",
	       NULL);
	expect(syscall4(SYS_reboot, 0xfee1dead, 672274793, 0x12345678, 0),
	       is_root ? -EINVAL : -EPERM, "reboot good magic, unknown command", NULL);
}

static void check_memory_calls(void)
{
	unsigned long now = syscall1(SYS_brk, 0);

	expect(syscall1(SYS_brk, KERNEL_DIRECT), now, "brk kernel address: unchanged", NULL);
	expect(syscall1(SYS_brk, NON_CANONICAL), now, "brk non-canonical: unchanged", NULL);
	expect(syscall2(SYS_munmap, KERNEL_DIRECT, PAGE), -EINVAL, "munmap kernel address", NULL);
	expect(syscall2(SYS_munmap, (long)buf + 1, PAGE), -EINVAL, "munmap misaligned", NULL);
	expect(syscall6(SYS_mmap, 0, -PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
	       -ENOMEM, "mmap ~0 - 4095 bytes", NULL);
	expect(syscall3(SYS_mprotect, (long)buf, PAGE, 0x100), -EINVAL, "mprotect prot 0x100",
	       NULL);
}

static void check_unknown_numbers(void)
{
	const long numbers[] = { 511, 512, 999, 100000, -1, 0x7fffffff };

	for (unsigned i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++) {
		char detail[32];

		snprintf(detail, sizeof(detail), "%ld", numbers[i]);
		expect(syscall6(numbers[i], 1, (long)buf, 8, 0, 0, 0), -ENOSYS,
		       "unknown system call", detail);
	}
}

/* Run @child in a forked child; its exit status, or -1 - signal. */
static int in_child(int (*child)(void))
{
	int status = 0;
	long pid = fork();

	if (pid == 0)
		_exit(child());
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1000;
	return WIFSIGNALED(status) ? -1 - WTERMSIG(status) : WEXITSTATUS(status);
}

/* execve with bad pointers; returns the first answer that is not EFAULT (negated), or 0. */
static int bad_execve_child(void)
{
	static const char *program = "/bin/true";
	unsigned long *argv = (unsigned long *)(buf + 3 * PAGE);
	unsigned long *tail = (unsigned long *)(area + PAGE - 8);	/* ends at the hole */
	long r;

	argv[0] = (unsigned long)program;
	argv[1] = 0;
	refill();
	for (int i = 0; i < NR_BAD; i++) {
		r = syscall3(SYS_execve, bad[i].address, (long)argv, 0);
		if (r != -EFAULT)
			return 100 + i;
		if (i == 0)
			continue;	/* NULL argv and envp are allowed */
		if (syscall3(SYS_execve, (long)program, bad[i].address, 0) != -EFAULT)
			return 110 + i;
		if (syscall3(SYS_execve, (long)program, (long)argv, bad[i].address) != -EFAULT)
			return 120 + i;
		argv[1] = bad[i].address;	/* a string at a bad address */
		argv[2] = 0;
		r = syscall3(SYS_execve, (long)program, (long)argv, 0);
		argv[1] = 0;
		if (r != -EFAULT)
			return 130 + i;
	}
	tail[0] = (unsigned long)program;	/* no NULL before the hole */
	if (syscall3(SYS_execve, (long)program, (long)tail, 0) != -EFAULT)
		return 140;
	return 0;
}

static int execve_odd_files_child(void)
{
	if (syscall3(SYS_execve, (long)"", 0, 0) != -ENOENT)
		return 1;
	if (syscall3(SYS_execve, (long)"/nonexistent", 0, 0) != -ENOENT)
		return 2;
	if (syscall3(SYS_execve, (long)"/", 0, 0) != -EACCES)
		return 3;
	if (syscall3(SYS_execve, (long)"/proc/meminfo", 0, 0) != -EACCES)
		return 4;
	return 0;
}

static int setsid_child(void)
{
	long pid = syscall0(SYS_getpid);

	if (syscall0(SYS_setsid) != pid)
		return 1;
	/* now a session and process-group leader */
	return syscall0(SYS_setsid) == -EPERM ? 0 : 2;
}

static int bad_tid_address_child(void)
{
	syscall1(SYS_set_tid_address, KERNEL_DIRECT);	/* written 0 at exit: must fail quietly */
	return 7;
}

static int exit_3(void)
{
	return 3;
}

static void check_children(void)
{
	int *status = (int *)(buf + 256);
	long pid;

	expect(in_child(bad_execve_child), 0,
	       "execve with bad name, argv, envp, strings: EFAULT each, caller lives", NULL);
	expect(in_child(execve_odd_files_child), 0,
	       "execve \"\", /nonexistent: ENOENT; /, /proc/meminfo: EACCES", NULL);
	expect(in_child(setsid_child), 0, "setsid twice: pid, then EPERM", NULL);
	expect(in_child(bad_tid_address_child), 7,
	       "set_tid_address(kernel address), then exit: status 7", NULL);

	expect(syscall4(SYS_wait4, -1, 0, 0, 0), -ECHILD, "wait4 without children", NULL);
	expect(syscall4(SYS_wait4, -1, 0, 0x100, 0), -EINVAL, "wait4 options 0x100", NULL);
	expect(syscall4(SYS_wait4, -1, 0, WNOHANG | WCONTINUED, 0), -ECHILD,
	       "wait4 WCONTINUED without children", NULL);
	expect(syscall4(SYS_wait4, -0x7fffffff - 1, 0, 0, 0), -ESRCH, "wait4 pid INT_MIN", NULL);

	pid = fork();
	if (pid == 0)
		_exit(3);
	expect(syscall4(SYS_wait4, pid, KERNEL_DIRECT, 0, 0), -EFAULT,
	       "wait4 status into a kernel address", NULL);
	/* Linux reaps the child before it fails to store the status */
	expect(syscall4(SYS_wait4, pid, (long)status, WNOHANG, 0), -ECHILD,
	       "the child was reaped anyway", NULL);

	pid = fork();
	if (pid == 0)
		_exit(3);
	expect(syscall4(SYS_wait4, pid, (long)status, 0, NON_CANONICAL), -EFAULT,
	       "wait4 rusage into a non-canonical address", NULL);
	expect(syscall4(SYS_wait4, pid, (long)status, WNOHANG, 0), -ECHILD,
	       "the child was reaped anyway", NULL);
	while (syscall4(SYS_wait4, -1, 0, 0, 0) > 0)
		;	/* leave none behind whatever the answers were */
	expect(in_child(exit_3), 3, "a child after all that exits normally", NULL);
}

static void battery(void)
{
	check_read_write();
	check_writev();
	check_open_stat();
	check_descriptors();
	check_process_calls();
	check_signals();
	check_time_and_machine();
	check_memory_calls();
	check_unknown_numbers();
	check_children();
}

static int set_up(void)
{
	area = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	buf = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (area == MAP_FAILED || buf == MAP_FAILED || munmap(area + PAGE, PAGE))
		return -1;
	partial = (unsigned long)area + PAGE - 4;
	memset(area + PAGE - 100, 'a', 100);
	bad[NR_BAD - 1].address = partial;
	proc_fd = open("/proc/meminfo", O_RDONLY);
	dir_fd = open("/", O_RDONLY | O_DIRECTORY);
	return proc_fd >= 0 && dir_fd >= 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
	int repeats = argc > 1 ? atoi(argv[1]) : 20;
	struct leak_snapshot before, after;
	char what[64];
	char name[100];

	printf("# hostile_test: hostile arguments to every system call, %d repeats\n", repeats);
	test_plan(295);
	if (set_up()) {
		printf("not ok 1 set up: mappings and descriptors\n");
		return 1;
	}
	pass = WARM_UP;
	battery();
	leak_snapshot_take(&before);	/* twice: reading slabinfo the first time may grow a cache */
	leak_snapshot_take(&before);
	pass = VERBOSE;
	battery();
	pass = REPEAT;
	for (int i = 0; i < repeats; i++)
		battery();
	leak_snapshot_take(&after);
	pass = VERBOSE;
	snprintf(name, sizeof(name), "%d repeats: every check passes again (%d failures)", repeats,
		 repeat_failures);
	report(repeat_failures == 0, name);
	snprintf(what, sizeof(what), "%d more runs", repeats + 1);
	leak_report(&before, &after, what, "not the teaching kernel", LEAK_SAME_CACHE_COUNT);
	test_print("# %d checks, %d failed\n", test_checks, test_failures);
	return test_exit_status();
}
