// SPDX-License-Identifier: MIT
/*
 * KUnit suite `strace`: the formatters of kernel/strace.c on fake
 * registers and kernel buffers, against text strace 6.1 printed on Linux
 * for the same calls. Run with the command line `ktest=strace`.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/stat.h>
#include <linux/dirent.h>
#include <linux/fs.h>
#include <linux/strace.h>
#include <linux/mman.h>
#include <linux/resource.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>

/* The formatters over kernel buffers (kernel/strace.c). */
size_t strace_format_entry(char *text, size_t size, unsigned int *column,
			   const struct pt_regs *regs, int pid);
size_t strace_format_exit(char *text, size_t size, unsigned int *column, unsigned long nr,
			  const struct pt_regs *regs, long result, bool resumed, int pid);
size_t strace_format_process_exit(char *text, size_t size, long status, int pid);

#define BAD_POINTER	0x10UL	/* read as a fault by the kernel-buffer formatters */

static char trace[1024];

/* The registers of call @nr with arguments @a0..@a5. */
static struct pt_regs call_regs(unsigned long nr, unsigned long a0, unsigned long a1,
				unsigned long a2, unsigned long a3, unsigned long a4,
				unsigned long a5)
{
	struct pt_regs regs;

	memset(&regs, 0, sizeof(regs));
	regs.orig_rax = nr;
	regs.rdi = a0;
	regs.rsi = a1;
	regs.rdx = a2;
	regs.r10 = a3;
	regs.r8 = a4;
	regs.r9 = a5;
	return regs;
}

/* The whole line of a call that returned @result, from column 0, without a prefix. */
static const char *trace_call(const struct pt_regs *regs, long result)
{
	unsigned int column = 0;
	size_t length = strace_format_entry(trace, sizeof(trace), &column, regs, 0);

	strace_format_exit(trace + length, sizeof(trace) - length, &column, regs->orig_rax,
			   regs, result, false, 0);
	return trace;
}

#define P(x)		((unsigned long)(x))

static void strace_brk_test(struct kunit *test)
{
	struct pt_regs regs = call_regs(__NR_brk, 0, 0, 0, 0, 0, 0);

	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0x4c5000),
			   "brk(NULL)                               = 0x4c5000\n");
	regs.rdi = 0x4e6000;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0x4e6000),
			   "brk(0x4e6000)                           = 0x4e6000\n");
}

/* The entry text is printed before the call runs: only what is known then. */
static void strace_entry_stops_at_output_test(struct kunit *test)
{
	struct pt_regs regs = call_regs(__NR_read, 0, P("ls\n"), 1024, 0, 0, 0);
	unsigned int column = 0;

	strace_format_entry(trace, sizeof(trace), &column, &regs, 0);
	KUNIT_EXPECT_STREQ(test, trace, "read(0, ");
	KUNIT_EXPECT_EQ(test, column, 8);
	strace_format_exit(trace, sizeof(trace), &column, __NR_read, &regs, 3, false, 0);
	KUNIT_EXPECT_STREQ(test, trace, "\"ls\\n\", 1024)                   = 3\n");
	KUNIT_EXPECT_EQ(test, column, 0);
	regs.rsi = BAD_POINTER;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EBADF),
			   "read(0, 0x10, 1024)                     = -1 EBADF (Bad file descriptor)\n");
}

static void strace_write_strings_test(struct kunit *test)
{
	static const char special[] = "a\"b\\c\td\n\001\0012\377x\r\v\f\033";
	struct pt_regs regs = call_regs(__NR_write, 1, P("sbrk return 0x4c5000\n"), 21, 0, 0, 0);

	/* strace pads from its own column: the program's output does not count */
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 21),
			   "write(1, \"sbrk return 0x4c5000\\n\", 21)  = 21\n");
	regs.rsi = P(special);
	regs.rdx = sizeof(special);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 18),
			   "write(1, \"a\\\"b\\\\c\\td\\n\\1\\0012\\377x\\r\\v\\f\\33\\0\", 18) = 18\n");
	regs.rsi = P("0123456789012345678901234567890123456789");
	regs.rdx = 40;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 40),
			   "write(1, \"01234567890123456789012345678901\"..., 40) = 40\n");
	regs.rdx = 32;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 32),
			   "write(1, \"01234567890123456789012345678901\", 32) = 32\n");
	regs.rsi = P("ab\0cd");
	regs.rdx = 5;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 5),
			   "write(1, \"ab\\0cd\", 5)                   = 5\n");
	regs.rsi = BAD_POINTER;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EFAULT),
			   "write(1, 0x10, 5)                       = -1 EFAULT (Bad address)\n");
	regs.rdi = -1;
	regs.rsi = P("x");
	regs.rdx = 1;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EBADF),
			   "write(-1, \"x\", 1)                       = -1 EBADF (Bad file descriptor)\n");
}

/* "= " is at column 40; past it, a single space. */
static void strace_result_column_test(struct kunit *test)
{
	struct pt_regs regs = call_regs(__NR_chdir, P("aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), 0, 0, 0, 0, 0);

	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ENOENT),
			   "chdir(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\")  = -1 ENOENT (No such file or directory)\n");
	regs.rdi = P("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ENOENT),
			   "chdir(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\") = -1 ENOENT (No such file or directory)\n");
	/* paths are not cut at 32 characters */
	regs.rdi = P("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "chdir(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\") = 0\n");
}

static void strace_fstat_test(struct kunit *test)
{
	struct stat st;
	struct pt_regs regs = call_regs(__NR_fstat, 1, P(&st), 0, 0, 0, 0);

	memset(&st, 0, sizeof(st));
	st.st_mode = 0020620;
	st.st_rdev = (0x88 << 8) | 1;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "fstat(1, {st_mode=S_IFCHR|0620, st_rdev=makedev(0x88, 0x1), ...}) = 0\n");
	st.st_mode = 0100755;
	st.st_size = 12345;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "fstat(1, {st_mode=S_IFREG|0755, st_size=12345, ...}) = 0\n");
	st.st_mode = 0041777;
	st.st_size = 4096;
	regs = call_regs(__NR_newfstatat, -100, P("/tmp"), P(&st), 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "newfstatat(AT_FDCWD, \"/tmp\", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, ...}, 0) = 0\n");
	regs = call_regs(__NR_fstat, 3, BAD_POINTER, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EFAULT),
			   "fstat(3, 0x10)                          = -1 EFAULT (Bad address)\n");
}

static void strace_mmap_test(struct kunit *test)
{
	struct pt_regs regs = call_regs(__NR_mmap, 0, 4096, 3, 0x22, -1, 0);

	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0x7ffff7ff8000),
			   "mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ff8000\n");
	regs = call_regs(__NR_mmap, 0x7ffff7ff8000, 4096, 1, 0x100022, -1, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EEXIST),
			   "mmap(0x7ffff7ff8000, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE, -1, 0) = -1 EEXIST (File exists)\n");
	regs = call_regs(__NR_mmap, 0x7ffff7ff8000, 4096, 1, 0x32, -1, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0x7ffff7ff8000),
			   "mmap(0x7ffff7ff8000, 4096, PROT_READ, MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS, -1, 0) = 0x7ffff7ff8000\n");
	regs = call_regs(__NR_mmap, 0, 8192, 3, 0x2c122, -1, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0x7f0000000000),
			   "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_NORESERVE|MAP_POPULATE|MAP_GROWSDOWN|MAP_STACK, -1, 0) = 0x7f0000000000\n");
	regs = call_regs(__NR_mmap, 0, 4096, 1, 0x6e2, -1, 0x1000);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EINVAL),
			   "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|MAP_32BIT|0x680, -1, 0x1000) = -1 EINVAL (Invalid argument)\n");
	regs = call_regs(__NR_mmap, 0, 0, 3, 0, 3, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EBADF),
			   "mmap(NULL, 0, PROT_READ|PROT_WRITE, MAP_FILE, 3, 0) = -1 EBADF (Bad file descriptor)\n");
	regs = call_regs(__NR_mprotect, 0x7ffff7ff8000, 4096, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "mprotect(0x7ffff7ff8000, 4096, PROT_NONE) = 0\n");
	regs.rdx = 0x105;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EINVAL),
			   "mprotect(0x7ffff7ff8000, 4096, PROT_READ|PROT_EXEC|0x100) = -1 EINVAL (Invalid argument)\n");
	regs = call_regs(__NR_munmap, 0x7ffff7ff8000, 4096, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "munmap(0x7ffff7ff8000, 4096)            = 0\n");
}

static void strace_open_test(struct kunit *test)
{
	struct pt_regs regs = call_regs(__NR_openat, -100, P("/proc/self/maps"), 0, 0, 0, 0);

	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 3),
			   "openat(AT_FDCWD, \"/proc/self/maps\", O_RDONLY) = 3\n");
	regs.rdx = 02000000;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ENOENT),
			   "openat(AT_FDCWD, \"/proc/self/maps\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)\n");
	regs = call_regs(__NR_openat, 5, P("x"), 01 | 0100 | 0200 | 0400 | 01000 | 02000 | 04000 |
			 0200000 | 0400000, 0644, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EINVAL),
			   "openat(5, \"x\", O_WRONLY|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_NOFOLLOW|O_DIRECTORY, 0644) = -1 EINVAL (Invalid argument)\n");
	regs = call_regs(__NR_open, P("/tmp/zz"), 02 | 0100, 0600, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 3),
			   "open(\"/tmp/zz\", O_RDWR|O_CREAT, 0600)   = 3\n");
	regs = call_regs(__NR_open, BAD_POINTER, 0x10000000, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EFAULT),
			   "open(0x10, O_RDONLY|0x10000000)         = -1 EFAULT (Bad address)\n");
	regs = call_regs(__NR_lseek, 3, -5, 7, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EINVAL),
			   "lseek(3, -5, 0x7 /* SEEK_??? */)        = -1 EINVAL (Invalid argument)\n");
	regs.rdx = 0;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "lseek(3, -5, SEEK_SET)                  = 0\n");
	regs = call_regs(__NR_close, 3, 0, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "close(3)                                = 0\n");
}

static void strace_execve_test(struct kunit *test)
{
	const char *argv[] = { "ls", "/bin", NULL };
	const char *envp[] = { "A=1", "B=2", "C=3", NULL };
	const char *many[40];
	struct pt_regs regs = call_regs(__NR_execve, P("/bin/ls"), P(argv), P(envp), 0, 0, 0);
	char expected[1024];
	int i, n;

	/* envp's address as the formatter prints it */
	n = snprintf(expected, sizeof(expected),
		     "execve(\"/bin/ls\", [\"ls\", \"/bin\"], %#lx /* 3 vars */) = 0\n", P(envp));
	KUNIT_ASSERT_TRUE(test, n < (int)sizeof(expected));
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0), expected);

	for (i = 0; i < 38; i++)
		many[i] = "argument";
	many[1] = "a very long argument of more than thirty-two chars";
	many[38] = NULL;
	regs.rsi = P(many);
	regs.rdx = 0;
	n = snprintf(expected, sizeof(expected), "execve(\"/bin/ls\", [\"argument\", "
		     "\"a very long argument of more tha\"...");
	for (i = 2; i < 32; i++)
		n += snprintf(expected + n, sizeof(expected) - n, ", \"argument\"");
	snprintf(expected + n, sizeof(expected) - n, ", ...], NULL) = -1 ENOENT (No such file or directory)\n");
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ENOENT), expected);
}

static void strace_process_test(struct kunit *test)
{
	int status = 0;
	struct pt_regs regs = call_regs(__NR_wait4, -1, P(&status), 0, 0, 0, 0);
	unsigned int column = 0;
	char expected[160];

	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 6),
			   "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 6\n");
	status = SIGSEGV;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 7),
			   "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV}], 0, NULL) = 7\n");
	/* no status was stored: the pointer */
	regs.rdx = 1;
	snprintf(expected, sizeof(expected),
		 "wait4(-1, %#lx, WNOHANG, NULL) = -1 ECHILD (No child processes)\n", P(&status));
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ECHILD), expected);

	regs = call_regs(__NR_kill, 5, SIGTERM, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "kill(5, SIGTERM)                        = 0\n");
	regs.rsi = 40;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ESRCH),
			   "kill(5, SIGRT_8)                        = -1 ESRCH (No such process)\n");
	regs = call_regs(__NR_getpid, 0, 0, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 5),
			   "getpid()                                = 5\n");
	regs = call_regs(__NR_fork, 0, 0, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 6),
			   "fork()                                  = 6\n");

	/* exit_group never returns: its whole line is printed at entry */
	regs = call_regs(__NR_exit_group, 0, 0, 0, 0, 0, 0);
	strace_format_entry(trace, sizeof(trace), &column, &regs, 0);
	KUNIT_EXPECT_STREQ(test, trace, "exit_group(0)                           = ?\n");
	KUNIT_EXPECT_EQ(test, column, 0);
	strace_format_process_exit(trace, sizeof(trace), 0, 0);
	KUNIT_EXPECT_STREQ(test, trace, "+++ exited with 0 +++\n");
	strace_format_process_exit(trace, sizeof(trace), 3 << 8, 0);
	KUNIT_EXPECT_STREQ(test, trace, "+++ exited with 3 +++\n");
	strace_format_process_exit(trace, sizeof(trace), SIGSEGV, 0);
	KUNIT_EXPECT_STREQ(test, trace, "+++ killed by SIGSEGV +++\n");
	strace_format_process_exit(trace, sizeof(trace), SIGINT, 25539);
	KUNIT_EXPECT_STREQ(test, trace, "[pid 25539] +++ killed by SIGINT +++\n");
}

/* The calls of issue 16: descriptors, clone, getrandom, readlink. */
static void strace_issue16_calls_test(struct kunit *test)
{
	int fds[2] = { 3, 4 };
	struct pt_regs regs = call_regs(__NR_pipe2, P(fds), O_CLOEXEC, 0, 0, 0, 0);
	char expected[160];

	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "pipe2([3, 4], O_CLOEXEC)                = 0\n");
	regs = call_regs(__NR_dup3, 3, 10, O_CLOEXEC, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 10),
			   "dup3(3, 10, O_CLOEXEC)                  = 10\n");
	regs = call_regs(__NR_fcntl, 3, F_DUPFD_CLOEXEC, 0x14, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 20),
			   "fcntl(3, F_DUPFD_CLOEXEC, 0x14)         = 20\n");
	regs = call_regs(__NR_clone, CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, 0, 0,
			 0x4bba10, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 5),
			   "clone(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, NULL, NULL, 0x4bba10, 0) = 5\n");
	regs = call_regs(__NR_clone, CLONE_VM | CLONE_VFORK | SIGCHLD, 0x7ffff7ff0000, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 6),
			   "clone(CLONE_VM|CLONE_VFORK|SIGCHLD, 0x7ffff7ff0000, NULL, NULL, 0) = 6\n");
	regs = call_regs(__NR_clone, CLONE_THREAD, 0, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EINVAL),
			   "clone(CLONE_THREAD, NULL, NULL, NULL, 0) = -1 EINVAL (Invalid argument)\n");
	regs = call_regs(__NR_getrandom, P("ab"), 2, 1, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 2),
			   "getrandom(\"ab\", 2, GRND_NONBLOCK)       = 2\n");
	regs = call_regs(__NR_readlink, P("/proc/self/exe"), P("/bin/ls"), 4096, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 7),
			   "readlink(\"/proc/self/exe\", \"/bin/ls\", 4096) = 7\n");
	regs = call_regs(__NR_rseq, 0x4bbca0, 32, 0, 0x53053053, 0, 0);
	snprintf(expected, sizeof(expected), "%-39s = -1 ENOSYS (Function not implemented)\n",
		 "rseq(0x4bbca0, 32, 0, 0x53053053)");
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ENOSYS), expected);
}

/* Several traced processes: "[pid  N] " prefixes and "<... resumed>". */
static void strace_interleaved_test(struct kunit *test)
{
	int status = 3 << 8;
	struct pt_regs regs = call_regs(__NR_wait4, -1, P(&status), 0, 0, 0, 0);
	unsigned int column = 0;

	strace_format_entry(trace, sizeof(trace), &column, &regs, 25536);
	KUNIT_EXPECT_STREQ(test, trace, "[pid 25536] wait4(-1, ");
	column = 0;
	strace_format_exit(trace, sizeof(trace), &column, __NR_wait4, &regs, 25539, true, 0);
	KUNIT_EXPECT_STREQ(test, trace,
			   "<... wait4 resumed>[{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 25539\n");
	regs = call_regs(__NR_exit_group, 3, 0, 0, 0, 0, 0);
	column = 0;
	strace_format_entry(trace, sizeof(trace), &column, &regs, 25539);
	KUNIT_EXPECT_STREQ(test, trace, "[pid 25539] exit_group(3)               = ?\n");
	regs = call_regs(__NR_getpid, 0, 0, 0, 0, 0, 0);
	column = 0;
	strace_format_exit(trace, sizeof(trace), &column, __NR_getpid, &regs, 7, true, 7);
	KUNIT_EXPECT_STREQ(test, trace, "[pid     7] <... getpid resumed>)       = 7\n");
}

static void strace_structs_test(struct kunit *test)
{
	struct { long tv_sec, tv_nsec; } ts = { 1, 0 };
	struct { unsigned long handler, flags, restorer, mask; } action = {
		1, 0x04000000, 0x4091c0, 0
	};
	char uts[6][65];
	struct pt_regs regs = call_regs(__NR_nanosleep, P(&ts), 0, 0, 0, 0, 0);

	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "nanosleep({tv_sec=1, tv_nsec=0}, NULL)  = 0\n");
	regs = call_regs(__NR_rt_sigaction, SIGINT, P(&action), 0, 8, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "rt_sigaction(SIGINT, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER, sa_restorer=0x4091c0}, NULL, 8) = 0\n");
	action.handler = 0x401000;
	action.flags = 0x10000000;
	action.mask = (1UL << 1) | (1UL << 14);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "rt_sigaction(SIGINT, {sa_handler=0x401000, sa_mask=[INT TERM], sa_flags=SA_RESTART}, NULL, 8) = 0\n");
	action.mask = ~((1UL << 1) | (1UL << 14));
	action.flags = 0;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "rt_sigaction(SIGINT, {sa_handler=0x401000, sa_mask=~[INT TERM], sa_flags=0}, NULL, 8) = 0\n");

	memset(uts, 0, sizeof(uts));
	strcpy(uts[0], "Linux");
	strcpy(uts[1], "vm");
	regs = call_regs(__NR_uname, P(uts), 0, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0\n");
	regs = call_regs(__NR_uname, BAD_POINTER, 0, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EFAULT),
			   "uname(0x10)                             = -1 EFAULT (Bad address)\n");
}

static void strace_misc_calls_test(struct kunit *test)
{
	unsigned long fsbase = 0x30871380;
	u64 dirents[64];
	struct linux_dirent64 *entry;
	char expected[160];
	int i;
	struct pt_regs regs = call_regs(__NR_ioctl, 1, 0x5401, 0x7ffe764a93b0, 0, 0, 0);

	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ENOTTY),
			   "ioctl(1, TCGETS, 0x7ffe764a93b0)        = -1 ENOTTY (Inappropriate ioctl for device)\n");
	regs.rsi = 0x80045401;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ENOTTY),
			   "ioctl(1, _IOC(_IOC_READ, 0x54, 0x1, 0x4), 0x7ffe764a93b0) = -1 ENOTTY (Inappropriate ioctl for device)\n");
	regs = call_regs(__NR_arch_prctl, 0x1002, 0x4c8880, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "arch_prctl(ARCH_SET_FS, 0x4c8880)       = 0\n");
	regs = call_regs(__NR_arch_prctl, 0x1003, P(&fsbase), 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "arch_prctl(ARCH_GET_FS, [0x30871380])   = 0\n");
	regs = call_regs(__NR_arch_prctl, ARCH_TEACH_STRACE, 1, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EINVAL),
			   "arch_prctl(0x5452 /* ARCH_??? */, 0x1)  = -1 EINVAL (Invalid argument)\n");
	regs = call_regs(__NR_set_tid_address, 0x4c8b50, 0, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 5),
			   "set_tid_address(0x4c8b50)               = 5\n");

	/* five records of 24 bytes */
	memset(dirents, 0, sizeof(dirents));
	for (i = 0; i < 5; i++) {
		entry = (struct linux_dirent64 *)((char *)dirents + 24 * i);
		entry->d_reclen = 24;
	}
	regs = call_regs(__NR_getdents64, 3, P(dirents), 4096, 0, 0, 0);
	snprintf(expected, sizeof(expected),
		 "getdents64(3, %#lx /* 5 entries */, 4096) = 120\n", P(dirents));
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 120), expected);
	snprintf(expected, sizeof(expected),
		 "getdents64(3, %#lx /* 0 entries */, 4096) = 0\n", P(dirents));
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0), expected);

	/* a call strace has no decoder for here: its number and six hex arguments */
	regs = call_regs(500, 1, 2, 3, 4, 5, 6);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ENOSYS),
			   "syscall_0x1f4(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS (Function not implemented)\n");
}

/* Resource limits: strace's rlimit structure with RLIM64_INFINITY and "*1024". */
static void strace_rlimit_test(struct kunit *test)
{
	struct rlimit stack = { 8UL << 20, RLIM_INFINITY }, nofile = { 1000, 4096 };
	struct pt_regs regs = call_regs(__NR_prlimit64, 0, RLIMIT_STACK, 0, P(&stack), 0, 0);

	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0\n");
	regs = call_regs(__NR_prlimit64, 0, RLIMIT_NOFILE, P(&nofile), 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1000, rlim_max=4*1024}, NULL) = 0\n");
	regs = call_regs(__NR_prlimit64, -5, RLIMIT_STACK, 0, BAD_POINTER, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ESRCH),
			   "prlimit64(-5, RLIMIT_STACK, NULL, 0x10) = -1 ESRCH (No such process)\n");
	regs = call_regs(__NR_getrlimit, 99, BAD_POINTER, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EINVAL),
			   "getrlimit(0x63 /* RLIMIT_??? */, 0x10)  = -1 EINVAL (Invalid argument)\n");
	regs = call_regs(__NR_setrlimit, RLIMIT_NOFILE, P(&nofile), 0, 0, 0, 0);
	nofile.rlim_cur = 2048;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "setrlimit(RLIMIT_NOFILE, {rlim_cur=2*1024, rlim_max=4*1024}) = 0\n");
}

/* mremap's flags and optional new address, madvise's advice, mincore's vector. */
static void strace_mremap_madvise_mincore_test(struct kunit *test)
{
	static unsigned char vec[40] = { 1, 0, 1 };
	struct pt_regs regs = call_regs(__NR_mremap, 0x7f7f3c5bc000, 4096, 8192, 0, 0, 0);

	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -ENOMEM),
			   "mremap(0x7f7f3c5bc000, 4096, 8192, 0)   = -1 ENOMEM (Cannot allocate memory)\n");
	regs.r10 = MREMAP_MAYMOVE;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0x7f7f3c7d3000),
			   "mremap(0x7f7f3c5bc000, 4096, 8192, MREMAP_MAYMOVE) = 0x7f7f3c7d3000\n");
	regs = call_regs(__NR_mremap, 0x7f7f3c5be000, 4096, 4096,
			 MREMAP_MAYMOVE | MREMAP_FIXED | 8, 0x7f7f3c5da000, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EINVAL),
			   "mremap(0x7f7f3c5be000, 4096, 4096, MREMAP_MAYMOVE|MREMAP_FIXED|0x8, 0x7f7f3c5da000) = -1 EINVAL (Invalid argument)\n");
	regs.r10 = 8;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EINVAL),
			   "mremap(0x7f7f3c5be000, 4096, 4096, 0x8 /* MREMAP_??? */) = -1 EINVAL (Invalid argument)\n");

	regs = call_regs(__NR_madvise, 0x7f7f3c5bc000, 4096, MADV_DONTNEED, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "madvise(0x7f7f3c5bc000, 4096, MADV_DONTNEED) = 0\n");
	regs.rdx = 99;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EINVAL),
			   "madvise(0x7f7f3c5bc000, 4096, 0x63 /* MADV_??? */) = -1 EINVAL (Invalid argument)\n");

	regs = call_regs(__NR_mincore, 0x7f7f3c5bc000, 12288, P(vec), 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "mincore(0x7f7f3c5bc000, 12288, [1, 0, 1]) = 0\n");
	regs.rsi = 163840;
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, 0),
			   "mincore(0x7f7f3c5bc000, 163840, [1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...]) = 0\n");
	regs = call_regs(__NR_mincore, 0x7f7f3c5bc000, 100, 0, 0, 0, 0);
	KUNIT_EXPECT_STREQ(test, trace_call(&regs, -EFAULT),
			   "mincore(0x7f7f3c5bc000, 100, NULL)      = -1 EFAULT (Bad address)\n");
}

static void strace_arch_prctl_option_test(struct kunit *test)
{
	bool was_traced = current->traced;

	KUNIT_EXPECT_EQ(test, strace_arch_prctl(0x1234, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, strace_arch_prctl(ARCH_TEACH_STRACE, 2), -EINVAL);
	KUNIT_EXPECT_EQ(test, strace_arch_prctl(ARCH_TEACH_STRACE, 1), 0);
	KUNIT_EXPECT_TRUE(test, current->traced);
	KUNIT_EXPECT_EQ(test, strace_arch_prctl(ARCH_TEACH_STRACE, 0), 0);
	KUNIT_EXPECT_FALSE(test, current->traced);
	current->traced = was_traced;
}

static struct kunit_case strace_test_cases[] = {
	KUNIT_CASE(strace_brk_test),
	KUNIT_CASE(strace_entry_stops_at_output_test),
	KUNIT_CASE(strace_write_strings_test),
	KUNIT_CASE(strace_result_column_test),
	KUNIT_CASE(strace_fstat_test),
	KUNIT_CASE(strace_mmap_test),
	KUNIT_CASE(strace_open_test),
	KUNIT_CASE(strace_execve_test),
	KUNIT_CASE(strace_process_test),
	KUNIT_CASE(strace_issue16_calls_test),
	KUNIT_CASE(strace_interleaved_test),
	KUNIT_CASE(strace_structs_test),
	KUNIT_CASE(strace_misc_calls_test),
	KUNIT_CASE(strace_arch_prctl_option_test),
	KUNIT_CASE(strace_rlimit_test),
	KUNIT_CASE(strace_mremap_madvise_mincore_test),
	{}
};

static struct kunit_suite strace_test_suite = {
	.name = "strace",
	.test_cases = strace_test_cases,
};
kunit_test_suite(strace_test_suite);
