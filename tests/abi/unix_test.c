// SPDX-License-Identifier: MIT
/*
 * unix_test - processes, pipes, descriptors and credentials as glibc and
 * musl use them, from one source built static against each
 * (tests/host/abi.mk): build/abi/unix_test.glibc and unix_test.musl. Run
 * by tests/user/abi.test here and, through its linux: same,
 * on Linux 6.1, which must print the same checks.
 *
 * - fork (glibc: clone with CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID|SIGCHLD),
 *   SIGCHLD to the parent, vfork (the child borrows the parent's memory
 *   while the parent sleeps), posix_spawn (clone with CLONE_VM|CLONE_VFORK)
 *   with its exec error and file actions, clone's own flags;
 * - pipes: data, end of file, EPIPE and SIGPIPE, pipe2's flags, the 64 KiB
 *   capacity, blocking both ways, PIPE_BUF atomicity between two writers;
 * - dup, dup2, dup3, fcntl, close-on-exec through a real execve;
 * - /dev/null, /dev/zero, /proc/self/fd; user and group ids; readlink of
 *   /proc/self/exe, prctl's task name, time, getrandom, sysinfo;
 *   sleeping through the C library (clock_nanosleep), relative and until
 *   a time, and its errors.
 *
 * The program also plays its own children: "unix_test exit N" exits with
 * N, "unix_test echo TEXT" writes TEXT, "unix_test fds A B" checks that
 * descriptor A was closed by execve and B was not.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <elf.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/wait.h>
#include "test.h"

#define PIPE_CAPACITY	65536	/* Linux's default pipe size */
#define ATOMIC_BLOCK	4096	/* PIPE_BUF */

extern char **environ;

static char self[4096];		/* this program's path, from /proc/self/exe */
static volatile sig_atomic_t sigchld_count, sigpipe_count;
static int shared_value;	/* vfork's child writes it in the parent's memory */

static void on_sigchld(int sig)
{
	sigchld_count++;
}

static void on_sigpipe(int sig)
{
	sigpipe_count++;
}

/* The exit status of child @pid, or -1 if it did not exit normally. */
static int exit_status(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* Read exactly @count bytes (fewer only at end of file); the bytes read. */
static size_t read_full(int fd, char *buf, size_t count)
{
	size_t done = 0;
	ssize_t n;

	while (done < count && (n = read(fd, buf + done, count - done)) > 0)
		done += n;
	return done;
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

/* ------------------------------------------------------------ processes */

static void test_fork(void)
{
	struct sigaction sa = { .sa_handler = on_sigchld };
	pid_t parent = getpid(), pid;
	int value = 1;

	pid = fork();
	if (pid == 0)
		_exit(7);
	check(pid > 0 && exit_status(pid) == 7, "fork: the parent collects the child's exit status 7");

	pid = fork();
	if (pid == 0)
		_exit(getppid() == parent && getpid() != parent ? 0 : 1);
	check(exit_status(pid) == 0, "fork: the child has its own pid and its parent's as ppid");

	pid = fork();
	if (pid == 0) {
		value = 2;
		_exit(value == 2 ? 0 : 1);
	}
	check(exit_status(pid) == 0 && value == 1, "fork: the child's writes stay in the child");

	sigemptyset(&sa.sa_mask);
	sigaction(SIGCHLD, &sa, NULL);
	pid = fork();
	if (pid == 0)
		_exit(0);
	exit_status(pid);
	check(sigchld_count == 1, "fork: SIGCHLD reaches the parent's handler once the child exits");
	signal(SIGCHLD, SIG_DFL);
}

static void test_vfork(void)
{
	pid_t pid;

	shared_value = 0;
	pid = vfork();
	if (pid == 0) {
		sleep_ms(20);		/* the parent must not go on meanwhile */
		shared_value = 42;
		_exit(3);
	}
	check(shared_value == 42, "vfork: the parent resumes after the child, seeing its write");
	check(exit_status(pid) == 3, "vfork: the child's exit status");

	pid = vfork();
	if (pid == 0) {
		char *argv[] = { "missing", NULL };

		execve("/nonexistent/program", argv, environ);
		_exit(errno == ENOENT ? 127 : 126);
	}
	check(exit_status(pid) == 127, "vfork: execve of a missing file fails with ENOENT in the child");
}

static void test_posix_spawn(void)
{
	char *exit_argv[] = { self, "exit", "5", NULL };
	char *echo_argv[] = { self, "echo", "spawned", NULL };
	char *missing_argv[] = { "missing", NULL };
	posix_spawn_file_actions_t actions;
	char buf[32] = "";
	int fds[2], err;
	pid_t pid;

	err = posix_spawn(&pid, self, NULL, NULL, exit_argv, environ);
	check(err == 0 && exit_status(pid) == 5, "posix_spawn: the program runs and exits with 5");

	err = posix_spawn(&pid, "/nonexistent/program", NULL, NULL, missing_argv, environ);
	check(err == ENOENT, "posix_spawn: a missing program is ENOENT in the parent");

	pipe(fds);
	posix_spawn_file_actions_init(&actions);
	posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
	posix_spawn_file_actions_addclose(&actions, fds[0]);
	err = posix_spawn(&pid, self, &actions, NULL, echo_argv, environ);
	close(fds[1]);
	read_full(fds[0], buf, sizeof(buf) - 1);
	close(fds[0]);
	posix_spawn_file_actions_destroy(&actions);
	check(err == 0 && exit_status(pid) == 0 && !strcmp(buf, "spawned"),
	      "posix_spawn: file actions put a pipe on the child's stdout");
}

static void test_clone_flags(void)
{
	pid_t parent_tid = 0, child_tid = 0;
	long ret;

	errno = 0;
	ret = syscall(SYS_clone, CLONE_THREAD | SIGCHLD, 0, NULL, NULL, 0);
	check(ret == -1 && errno == EINVAL, "clone: CLONE_THREAD without CLONE_SIGHAND is EINVAL");
	errno = 0;
	ret = syscall(SYS_clone, CLONE_SIGHAND | SIGCHLD, 0, NULL, NULL, 0);
	check(ret == -1 && errno == EINVAL, "clone: CLONE_SIGHAND without CLONE_VM is EINVAL");

	errno = 0;
	ret = syscall(SYS_clone, CLONE_SETTLS | SIGCHLD, 0, NULL, NULL, 0xffff888000000000UL);
	if (ret == 0)
		_exit(0);
	check(ret == -1 && errno == EPERM, "clone: CLONE_SETTLS with a kernel address is EPERM");

	ret = syscall(SYS_clone, CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, 0,
		      &parent_tid, &child_tid, 0);
	if (ret == 0)
		_exit(child_tid == getpid() && parent_tid == 0 ? 0 : 1);
	check(ret > 0 && parent_tid == ret && child_tid == 0 && exit_status(ret) == 0,
	      "clone: PARENT_SETTID in the parent's memory, CHILD_SETTID in the child's");
	ret = syscall(SYS_clone, 0, 0, NULL, NULL, 0);	/* no exit signal: a "clone child" */
	if (ret == 0)
		_exit(0);
	errno = 0;
	check(ret > 0 && waitpid(ret, NULL, 0) == -1 && errno == ECHILD &&
	      waitpid(ret, NULL, __WALL) == ret,
	      "wait4 waits for a child without exit signal only with __WALL or __WCLONE");
	check(syscall(SYS_set_tid_address, &child_tid) == getpid(),
	      "set_tid_address returns the caller's tid");
}

/* ---------------------------------------------------------------- pipes */

static void test_pipe_basics(void)
{
	struct sigaction sa = { .sa_handler = on_sigpipe };
	char buf[8] = "";
	int fds[2];
	ssize_t n;

	check(pipe(fds) == 0 && write(fds[1], "abc", 3) == 3 && read(fds[0], buf, sizeof(buf)) == 3 &&
	      !memcmp(buf, "abc", 3), "pipe: what is written is read back");
	close(fds[1]);
	check(read(fds[0], buf, sizeof(buf)) == 0, "pipe: read is 0 (end of file) once the writer closed");
	close(fds[0]);

	sigemptyset(&sa.sa_mask);
	sigaction(SIGPIPE, &sa, NULL);
	pipe(fds);
	close(fds[0]);
	errno = 0;
	n = write(fds[1], "x", 1);
	check(n == -1 && errno == EPIPE && sigpipe_count == 1,
	      "pipe: a write with no reader fails with EPIPE and raises SIGPIPE");
	close(fds[1]);
	signal(SIGPIPE, SIG_DFL);
}

static void test_pipe2_flags(void)
{
	char buf[4];
	int fds[2];

	check(pipe2(fds, O_CLOEXEC) == 0 && fcntl(fds[0], F_GETFD) == FD_CLOEXEC &&
	      fcntl(fds[1], F_GETFD) == FD_CLOEXEC, "pipe2(O_CLOEXEC): both ends are close-on-exec");
	close(fds[0]);
	close(fds[1]);

	pipe2(fds, O_NONBLOCK);
	errno = 0;
	check(read(fds[0], buf, sizeof(buf)) == -1 && errno == EAGAIN,
	      "pipe2(O_NONBLOCK): reading an empty pipe is EAGAIN");
	check((fcntl(fds[0], F_GETFL) & (O_NONBLOCK | O_ACCMODE)) == (O_NONBLOCK | O_RDONLY) &&
	      (fcntl(fds[1], F_GETFL) & (O_NONBLOCK | O_ACCMODE)) == (O_NONBLOCK | O_WRONLY),
	      "pipe2(O_NONBLOCK): F_GETFL shows O_NONBLOCK and each end's access mode");
	close(fds[0]);
	close(fds[1]);
	check(pipe2(fds, O_APPEND) == -1 && errno == EINVAL, "pipe2 with another flag is EINVAL");
}

static void test_pipe_capacity(void)
{
	static char block[ATOMIC_BLOCK];	/* Linux fills a page per write this size */
	size_t total = 0;
	ssize_t n;
	int fds[2];

	pipe2(fds, O_NONBLOCK);
	check(fcntl(fds[0], F_GETPIPE_SZ) == PIPE_CAPACITY, "F_GETPIPE_SZ is 65536");
	while ((n = write(fds[1], block, sizeof(block))) > 0)
		total += n;
	check(total == PIPE_CAPACITY && errno == EAGAIN,
	      "a non-blocking writer fills exactly 65536 bytes, then EAGAIN");
	close(fds[0]);
	close(fds[1]);
}

/* A child writes @total bytes in @chunk pieces, sleeping first if @delay_ms. */
static pid_t start_writer(int fd, size_t total, size_t chunk, int byte, long delay_ms)
{
	pid_t pid = fork();

	if (pid == 0) {
		static char buf[ATOMIC_BLOCK * 4];

		memset(buf, byte, sizeof(buf));
		if (delay_ms)
			sleep_ms(delay_ms);
		for (size_t done = 0; done < total; done += chunk)
			if (write(fd, buf, chunk) != (ssize_t)chunk)
				_exit(1);
		_exit(0);
	}
	return pid;
}

static void test_pipe_blocking(void)
{
	static char buf[ATOMIC_BLOCK];
	size_t total = 0, blocks = 0, mixed = 0;
	int fds[2], ok;
	pid_t a, b;
	ssize_t n;

	/* the writer blocks when the pipe is full and goes on as the reader drains it */
	pipe(fds);
	a = start_writer(fds[1], 200 * 1024, 8192, 'w', 0);
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0)
		total += n;
	close(fds[0]);
	check(exit_status(a) == 0 && total == 200 * 1024,
	      "a blocking writer of 200 KiB through a 64 KiB pipe: every byte arrives");

	/* the reader sleeps until the writer, which waits 50 ms, writes */
	pipe(fds);
	a = start_writer(fds[1], 5, 5, 'd', 50);
	close(fds[1]);
	n = read(fds[0], buf, sizeof(buf));
	close(fds[0]);
	check(exit_status(a) == 0 && n == 5 && buf[0] == 'd', "read sleeps until a writer writes");

	/* two writers of PIPE_BUF-sized blocks: no block mixes their bytes */
	pipe(fds);
	a = start_writer(fds[1], 64 * ATOMIC_BLOCK, ATOMIC_BLOCK, 'a', 0);
	b = start_writer(fds[1], 64 * ATOMIC_BLOCK, ATOMIC_BLOCK, 'b', 0);
	close(fds[1]);
	while (read_full(fds[0], buf, ATOMIC_BLOCK) == ATOMIC_BLOCK) {
		blocks++;
		for (size_t i = 1; i < ATOMIC_BLOCK; i++)
			if (buf[i] != buf[0]) {
				mixed++;
				break;
			}
	}
	close(fds[0]);
	ok = exit_status(a) == 0 && exit_status(b) == 0;
	check(ok && blocks == 128 && mixed == 0,
	      "two writers of 4096-byte blocks: each block arrives whole (PIPE_BUF atomicity)");
}

/* ------------------------------------------------------- descriptors */

static void test_dup_fcntl(void)
{
	char buf[8] = "";
	int fds[2], fd, null;

	pipe(fds);
	fd = dup(fds[1]);
	check(fd > fds[1] && write(fd, "dup", 3) == 3 && read(fds[0], buf, 3) == 3 &&
	      !memcmp(buf, "dup", 3), "dup: a new descriptor for the same pipe");
	close(fd);
	check(dup(fds[1]) == fd, "dup takes the lowest free descriptor");
	close(fd);

	null = open("/dev/null", O_RDONLY);
	check(dup2(null, 10) == 10 && dup2(fds[1], 10) == 10 && write(10, "x", 1) == 1 &&
	      read(fds[0], buf, 1) == 1 && buf[0] == 'x',
	      "dup2 closes what the target descriptor named and reuses it");
	check(dup2(fds[0], fds[0]) == fds[0], "dup2 of a descriptor onto itself returns it");
	errno = 0;
	check(dup2(99, 11) == -1 && errno == EBADF, "dup2 of a closed descriptor is EBADF");
	errno = 0;
	check(dup3(fds[0], fds[0], 0) == -1 && errno == EINVAL, "dup3 onto itself is EINVAL");
	errno = 0;
	/* the system call itself: musl's dup3() hands flags without O_CLOEXEC to dup2 */
	check(syscall(SYS_dup3, fds[0], 11, O_NONBLOCK) == -1 && errno == EINVAL,
	      "dup3 with a flag other than O_CLOEXEC is EINVAL");
	check(dup3(fds[0], 11, O_CLOEXEC) == 11 && fcntl(11, F_GETFD) == FD_CLOEXEC &&
	      dup2(fds[0], 11) == 11 && fcntl(11, F_GETFD) == 0,
	      "dup3(O_CLOEXEC) sets close-on-exec, dup2 clears it");

	fd = fcntl(fds[0], F_DUPFD, 20);
	check(fd == 20 && fcntl(fd, F_GETFD) == 0, "fcntl(F_DUPFD, 20) gives 20");
	check(fcntl(fds[0], F_DUPFD_CLOEXEC, 20) == 21 && fcntl(21, F_GETFD) == FD_CLOEXEC,
	      "fcntl(F_DUPFD_CLOEXEC) gives the next free one, close-on-exec");
	check(fcntl(20, F_SETFD, FD_CLOEXEC) == 0 && fcntl(20, F_GETFD) == FD_CLOEXEC &&
	      fcntl(20, F_SETFD, 0) == 0 && fcntl(20, F_GETFD) == 0, "F_SETFD then F_GETFD");
	check(fcntl(fds[0], F_SETFL, O_NONBLOCK) == 0 &&
	      (fcntl(fds[0], F_GETFL) & (O_NONBLOCK | O_ACCMODE)) == (O_NONBLOCK | O_RDONLY) &&
	      read(fds[0], buf, 1) == -1 && errno == EAGAIN,
	      "F_SETFL sets O_NONBLOCK (the access mode stays) and reads stop blocking");
	check((fcntl(20, F_GETFL) & O_NONBLOCK) && fcntl(fds[0], F_SETFL, 0) == 0 &&
	      !(fcntl(20, F_GETFL) & O_NONBLOCK),
	      "the status flags belong to the open file, shared by its duplicates");
	errno = 0;
	check(fcntl(99, F_GETFD) == -1 && errno == EBADF, "fcntl on a closed descriptor is EBADF");
	for (fd = 10; fd <= 21; fd++)
		close(fd);
	close(null);
	close(fds[0]);
	close(fds[1]);
}

/* execve closes the close-on-exec descriptor and keeps the other ("fds A B" checks). */
static void test_close_on_exec(void)
{
	char a[12], b[12];
	char *argv[] = { self, "fds", a, b, NULL };
	int fds[2];
	pid_t pid;

	pipe(fds);
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	snprintf(a, sizeof(a), "%d", fds[0]);
	snprintf(b, sizeof(b), "%d", fds[1]);
	pid = fork();
	if (pid == 0) {
		execve(self, argv, environ);
		_exit(126);
	}
	close(fds[0]);
	close(fds[1]);
	check(exit_status(pid) == 0, "execve closes close-on-exec descriptors, and only those");
}

static void test_dev_files(void)
{
	char buf[64];
	int null = open("/dev/null", O_RDWR), zero = open("/dev/zero", O_RDONLY);
	int zeros = 1;

	check(null >= 0 && read(null, buf, sizeof(buf)) == 0 && write(null, "abc", 3) == 3,
	      "/dev/null reads as end of file and takes every write");
	memset(buf, 1, sizeof(buf));
	check(zero >= 0 && read(zero, buf, sizeof(buf)) == sizeof(buf), "/dev/zero reads in full");
	for (size_t i = 0; i < sizeof(buf); i++)
		zeros &= buf[i] == 0;
	check(zeros, "/dev/zero reads as zero bytes");
	close(null);
	close(zero);
}

/* The target of /proc/self/fd/@fd into @buf (NUL-terminated), or "" with errno set. */
static const char *fd_target(int fd, char *buf, size_t size)
{
	char path[32];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	n = readlink(path, buf, size - 1);
	buf[n > 0 ? n : 0] = '\0';
	return buf;
}

static void test_proc_fd(void)
{
	char a[64], b[64];
	int fds[2], null;

	pipe(fds);
	null = open("/dev/null", O_WRONLY);
	fd_target(fds[0], a, sizeof(a));
	fd_target(fds[1], b, sizeof(b));
	check(!strncmp(a, "pipe:[", 6) && !strcmp(a, b),
	      "/proc/self/fd: both ends of a pipe link to the same pipe:[INODE]");
	check(!strcmp(fd_target(null, a, sizeof(a)), "/dev/null"),
	      "/proc/self/fd: an opened file links to its path");
	close(null);
	errno = 0;
	check(!*fd_target(null, a, sizeof(a)) && errno == ENOENT,
	      "/proc/self/fd: a closed descriptor has no link (ENOENT)");
	close(fds[0]);
	close(fds[1]);
}

/* ---------------------------------------------------------- credentials */

static void test_credentials(void)
{
	uid_t r = 1, e = 1, s = 1;
	gid_t gr = 1, ge = 1, gs = 1;
	pid_t pid;

	check(getuid() == 0 && geteuid() == 0 && getgid() == 0 && getegid() == 0,
	      "the process runs as root: uid, euid, gid, egid are 0");
	check(getresuid(&r, &e, &s) == 0 && r == 0 && e == 0 && s == 0 &&
	      getresgid(&gr, &ge, &gs) == 0 && gr == 0 && ge == 0 && gs == 0,
	      "getresuid and getresgid give 0, 0, 0");
	check(getgroups(0, NULL) >= 0, "getgroups answers");

	pid = fork();
	if (pid == 0) {
		int ok = setgid(100) == 0 && getgid() == 100 && getegid() == 100 &&
			 setresuid(1000, 1000, 1000) == 0 && getuid() == 1000 && geteuid() == 1000;

		errno = 0;
		ok = ok && setuid(0) == -1 && errno == EPERM;
		_exit(ok ? 0 : 1);
	}
	check(exit_status(pid) == 0, "root sets any ids; an unprivileged setuid(0) is EPERM");

	pid = fork();
	if (pid == 0) {
		static char status[4096];

		setresgid(7, 8, 9);
		setresuid(1000, 1001, 1002);
		_exit(read_file("/proc/self/status", status, sizeof(status)) > 0 &&
		      strstr(status, "\nUid:\t1000\t1001\t1002\t1001\n") &&
		      strstr(status, "\nGid:\t7\t8\t9\t8\n") ? 0 : 1);
	}
	check(exit_status(pid) == 0, "/proc/self/status shows real, effective, saved and fs ids");

	pid = fork();
	if (pid == 0) {
		int ok = setreuid(-1, 1000) == 0 && getuid() == 0 && geteuid() == 1000 &&
			 getresuid(&r, &e, &s) == 0 && s == 1000 &&
			 seteuid(0) == 0 && geteuid() == 0;

		_exit(ok ? 0 : 1);
	}
	check(exit_status(pid) == 0,
	      "setreuid(-1, 1000) keeps the real id 0, so the effective id may go back to 0");
}

/* -------------------------------------------------------------- the rest */

static void test_misc(const char *argv0)
{
	char small[4];
	unsigned char random[16] = { 0 };
	static char status[4096];
	struct sysinfo info;
	struct timeval tv;
	char comm[16] = "";
	time_t now;
	int nonzero = 0;
	const char *name = strrchr(argv0, '/') ? strrchr(argv0, '/') + 1 : argv0;
	size_t len = strlen(self), name_len = strlen(name);

	check(self[0] == '/' && len > name_len && self[len - name_len - 1] == '/' &&
	      !strcmp(self + len - name_len, name),
	      "readlink(/proc/self/exe) is the absolute path of this program");
	check(readlink("/proc/self/exe", small, sizeof(small)) == sizeof(small) &&
	      !memcmp(small, self, sizeof(small)), "readlink cuts the target at the buffer's size");
	errno = 0;
	check(readlink("/bin", small, sizeof(small)) == -1 && errno == EINVAL,
	      "readlink of a directory is EINVAL");
	errno = 0;
	check(readlink("/nonexistent", small, sizeof(small)) == -1 && errno == ENOENT,
	      "readlink of a missing file is ENOENT");

	check(getrandom(random, sizeof(random), 0) == sizeof(random), "getrandom fills 16 bytes");
	for (size_t i = 0; i < sizeof(random); i++)
		nonzero |= random[i];
	check(nonzero, "getrandom's bytes are not all zero");
	errno = 0;
	check(getrandom(random, sizeof(random), 0x80) == -1 && errno == EINVAL,
	      "getrandom with an unknown flag is EINVAL");

	check(prctl(PR_SET_NAME, "renamed-task") == 0 && prctl(PR_GET_NAME, comm) == 0 &&
	      !strcmp(comm, "renamed-task") && read_file("/proc/self/status", status, sizeof(status)) > 0 &&
	      strstr(status, "Name:\trenamed-task\n"), "prctl(PR_SET_NAME) renames the task, as /proc shows");
	now = time(NULL);
	check(gettimeofday(&tv, NULL) == 0 && tv.tv_sec >= now && tv.tv_sec - now <= 1 &&
	      tv.tv_usec >= 0 && tv.tv_usec < 1000000, "time() and gettimeofday() agree");

	check(sysinfo(&info) == 0 && info.totalram > 0 && info.freeram > 0 &&
	      info.freeram <= info.totalram && info.mem_unit > 0 && info.procs >= 1,
	      "sysinfo: total and free memory, the number of processes");
}

/* Field @n >= 3 (1-based, as proc(5) numbers them, after "PID (COMM)") of /proc/self/stat, or 0. */
static unsigned long stat_field(int n)
{
	static char text[1024];
	char *p;

	if (read_file("/proc/self/stat", text, sizeof(text)) <= 0 || !(p = strrchr(text, ')')))
		return 0;
	/* p is at the ')' closing field 2; each space found starts the next field */
	for (int field = 2; field < n && p; field++)
		p = strchr(p + 1, ' ');
	return p ? strtoul(p + 1, NULL, 10) : 0;
}

/*
 * /proc/self/stat's start_data and end_data (fields 45 and 46) as Linux's
 * load_elf_binary sets them: the highest PT_LOAD segment's start, and the
 * highest end of a segment's file part (static, not relocated).
 */
static void test_proc_stat(void)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long start_data = 0, end_data = 0, n = getauxval(AT_PHNUM);

	for (unsigned long i = 0; ph && i < n; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if (ph[i].p_vaddr > start_data)
			start_data = ph[i].p_vaddr;
		if (ph[i].p_vaddr + ph[i].p_filesz > end_data)
			end_data = ph[i].p_vaddr + ph[i].p_filesz;
	}
	check(start_data && stat_field(45) == start_data && stat_field(46) == end_data,
	      "/proc/self/stat: start_data and end_data as Linux's ELF loader sets them");
	check(stat_field(4) == (unsigned long)getppid() && stat_field(20) == 1,
	      "/proc/self/stat: the parent's pid and one thread");
}

/* The roles this program plays as its own child. */
static int child_main(int argc, char **argv)
{
	if (!strcmp(argv[1], "exit") && argc == 3)
		return atoi(argv[2]);
	if (!strcmp(argv[1], "echo") && argc == 3)
		return write(1, argv[2], strlen(argv[2])) == (ssize_t)strlen(argv[2]) ? 0 : 1;
	if (!strcmp(argv[1], "fds") && argc == 4) {
		errno = 0;
		if (fcntl(atoi(argv[2]), F_GETFD) != -1 || errno != EBADF)
			return 2;
		return fcntl(atoi(argv[3]), F_GETFD) == 0 ? 0 : 3;
	}
	return 100;
}

static long long monotonic_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* glibc's usleep and nanosleep, and musl's, call clock_nanosleep. */
static void test_sleeping(void)
{
	struct timespec t = { 0, 30000000 };
	long long start = monotonic_ns();

	check(usleep(30000) == 0 && monotonic_ns() - start >= 30000000,
	      "usleep(30 ms) sleeps at least 30 ms");
	start = monotonic_ns();
	t.tv_sec = (start + 30000000) / 1000000000;
	t.tv_nsec = (start + 30000000) % 1000000000;
	check(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) == 0 &&
	      monotonic_ns() >= start + 30000000,
	      "clock_nanosleep(TIMER_ABSTIME) sleeps until the time given");
	t.tv_sec = 0;
	t.tv_nsec = 1000000000;
	check(clock_nanosleep(CLOCK_MONOTONIC, 0, &t, NULL) == EINVAL &&
	      clock_nanosleep(CLOCK_THREAD_CPUTIME_ID + 100, 0, &t, NULL) == EINVAL,
	      "clock_nanosleep: a bad time or clock is EINVAL");
}

int main(int argc, char **argv)
{
	ssize_t n;

	if (argc > 1)
		return child_main(argc, argv);
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	self[n > 0 ? n : 0] = '\0';

	test_plan(70);
	test_fork();
	test_vfork();
	test_posix_spawn();
	test_clone_flags();
	test_pipe_basics();
	test_pipe2_flags();
	test_pipe_capacity();
	test_pipe_blocking();
	test_dup_fcntl();
	test_close_on_exec();
	test_dev_files();
	test_proc_fd();
	test_proc_stat();
	test_credentials();
	test_misc(argv[0]);
	test_sleeping();
	return test_exit_status();
}
