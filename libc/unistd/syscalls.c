// SPDX-License-Identifier: MIT
/*
 * Thin wrappers: one Linux x86-64 system call each, -1 and errno on
 * failure (__syscall_ret), with the C prototype POSIX gives it.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/raw_syscall.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#define RET(call)	return __syscall_ret(call)

ssize_t read(int fd, void *buf, size_t count)
{
	RET(syscall3(SYS_read, fd, (long)buf, (long)count));
}

ssize_t write(int fd, const void *buf, size_t count)
{
	RET(syscall3(SYS_write, fd, (long)buf, (long)count));
}

ssize_t readv(int fd, const struct iovec *iov, int count)
{
	RET(syscall3(SYS_readv, fd, (long)iov, count));
}

ssize_t writev(int fd, const struct iovec *iov, int count)
{
	RET(syscall3(SYS_writev, fd, (long)iov, count));
}

/* open - the mode argument is read only when O_CREAT asks for it. */
int open(const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list args;

		va_start(args, flags);
		mode = va_arg(args, mode_t);
		va_end(args);
	}
	RET(syscall3(SYS_open, (long)path, flags, mode));
}

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;

	if (flags & O_CREAT) {
		va_list args;

		va_start(args, flags);
		mode = va_arg(args, mode_t);
		va_end(args);
	}
	RET(syscall4(SYS_openat, dirfd, (long)path, flags, mode));
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

int fcntl(int fd, int cmd, ...)
{
	va_list args;
	long arg;

	va_start(args, cmd);
	arg = va_arg(args, long);
	va_end(args);
	RET(syscall3(SYS_fcntl, fd, cmd, arg));
}

int close(int fd)
{
	RET(syscall1(SYS_close, fd));
}

off_t lseek(int fd, off_t offset, int whence)
{
	RET(syscall3(SYS_lseek, fd, offset, whence));
}

int fstat(int fd, struct stat *buf)
{
	RET(syscall2(SYS_fstat, fd, (long)buf));
}

int fstatat(int dirfd, const char *path, struct stat *buf, int flags)
{
	RET(syscall4(SYS_newfstatat, dirfd, (long)path, (long)buf, flags));
}

int stat(const char *path, struct stat *buf)
{
	return fstatat(AT_FDCWD, path, buf, 0);
}

int lstat(const char *path, struct stat *buf)
{
	return fstatat(AT_FDCWD, path, buf, AT_SYMLINK_NOFOLLOW);
}

int mkdir(const char *path, mode_t mode)
{
	RET(syscall2(SYS_mkdir, (long)path, mode));
}

int unlink(const char *path)
{
	RET(syscall1(SYS_unlink, (long)path));
}

int rmdir(const char *path)
{
	RET(syscall1(SYS_rmdir, (long)path));
}

int chdir(const char *path)
{
	RET(syscall1(SYS_chdir, (long)path));
}

char *getcwd(char *buf, size_t size)
{
	return __syscall_ret(syscall2(SYS_getcwd, (long)buf, (long)size)) < 0 ? NULL : buf;
}

int access(const char *path, int mode)
{
	RET(syscall2(SYS_access, (long)path, mode));
}

int pipe(int fds[2])
{
	RET(syscall1(SYS_pipe, (long)fds));
}

int pipe2(int fds[2], int flags)
{
	RET(syscall2(SYS_pipe2, (long)fds, flags));
}

int dup(int fd)
{
	RET(syscall1(SYS_dup, fd));
}

int dup2(int oldfd, int newfd)
{
	RET(syscall2(SYS_dup2, oldfd, newfd));
}

int dup3(int oldfd, int newfd, int flags)
{
	RET(syscall3(SYS_dup3, oldfd, newfd, flags));
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
	RET(syscall3(SYS_readlink, (long)path, (long)buf, size));
}

mode_t umask(mode_t mask)
{
	return (mode_t)syscall1(SYS_umask, mask);
}

int ioctl(int fd, unsigned long request, ...)
{
	va_list args;
	long arg;

	va_start(args, request);
	arg = va_arg(args, long);
	va_end(args);
	RET(syscall3(SYS_ioctl, fd, (long)request, arg));
}

ssize_t getdents64(int fd, void *buf, size_t count)
{
	RET(syscall3(SYS_getdents64, fd, (long)buf, (long)count));
}

void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	long ret = syscall6(SYS_mmap, (long)addr, (long)length, prot, flags, fd, offset);

	return (void *)__syscall_ret(ret);	/* -1 is MAP_FAILED */
}

int munmap(void *addr, size_t length)
{
	RET(syscall2(SYS_munmap, (long)addr, (long)length));
}

int mprotect(void *addr, size_t length, int prot)
{
	RET(syscall3(SYS_mprotect, (long)addr, (long)length, prot));
}

void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...)
{
	void *new_address = NULL;
	va_list args;
	long ret;

	if (flags & MREMAP_FIXED) {
		va_start(args, flags);
		new_address = va_arg(args, void *);
		va_end(args);
	}
	ret = syscall5(SYS_mremap, (long)old_address, (long)old_size, (long)new_size, flags,
		       (long)new_address);
	return (void *)__syscall_ret(ret);	/* -1 is MAP_FAILED */
}

int madvise(void *addr, size_t length, int advice)
{
	RET(syscall3(SYS_madvise, (long)addr, (long)length, advice));
}

int mincore(void *addr, size_t length, unsigned char *vec)
{
	RET(syscall3(SYS_mincore, (long)addr, (long)length, (long)vec));
}

/* getrlimit and setrlimit through prlimit64, as glibc and musl make them. */
int getrlimit(int resource, struct rlimit *rlim)
{
	RET(syscall4(SYS_prlimit64, 0, resource, 0, (long)rlim));
}

int setrlimit(int resource, const struct rlimit *rlim)
{
	RET(syscall4(SYS_prlimit64, 0, resource, (long)rlim, 0));
}

int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit)
{
	RET(syscall4(SYS_prlimit64, pid, resource, (long)new_limit, (long)old_limit));
}

pid_t getpid(void)
{
	return (pid_t)syscall0(SYS_getpid);
}

pid_t getppid(void)
{
	return (pid_t)syscall0(SYS_getppid);
}

uid_t getuid(void)
{
	return (uid_t)syscall0(SYS_getuid);
}

uid_t geteuid(void)
{
	return (uid_t)syscall0(SYS_geteuid);
}

gid_t getgid(void)
{
	return (gid_t)syscall0(SYS_getgid);
}

gid_t getegid(void)
{
	return (gid_t)syscall0(SYS_getegid);
}

pid_t fork(void)
{
	RET(syscall0(SYS_fork));
}

int execve(const char *path, char *const argv[], char *const envp[])
{
	RET(syscall3(SYS_execve, (long)path, (long)argv, (long)envp));
}

pid_t wait4(pid_t pid, int *status, int options, struct rusage *rusage)
{
	RET(syscall4(SYS_wait4, pid, (long)status, options, (long)rusage));
}

pid_t waitpid(pid_t pid, int *status, int options)
{
	return wait4(pid, status, options, NULL);
}

pid_t wait(int *status)
{
	return wait4(-1, status, 0, NULL);
}

int kill(pid_t pid, int sig)
{
	RET(syscall2(SYS_kill, pid, sig));
}

int raise(int sig)
{
	return kill(getpid(), sig);
}

int uname(struct utsname *buf)
{
	RET(syscall1(SYS_uname, (long)buf));
}

int sched_yield(void)
{
	RET(syscall0(SYS_sched_yield));
}

int clock_gettime(clockid_t clock, struct timespec *ts)
{
	RET(syscall2(SYS_clock_gettime, clock, (long)ts));
}

int nanosleep(const struct timespec *request, struct timespec *remaining)
{
	RET(syscall2(SYS_nanosleep, (long)request, (long)remaining));
}

/* reboot - glibc's form: the magic numbers are supplied here. */
int reboot(int cmd)
{
	RET(syscall4(SYS_reboot, 0xfee1dead, 672274793, cmd, 0));
}

int __rt_sigaction(int sig, const struct sigaction *act, struct sigaction *old);
int __rt_sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	RET(syscall4(SYS_rt_sigaction, sig, (long)act, (long)old, sizeof(sigset_t)));
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	RET(syscall4(SYS_rt_sigprocmask, how, (long)set, (long)old, sizeof(sigset_t)));
}

int rename(const char *oldpath, const char *newpath)
{
	RET(syscall2(SYS_rename, (long)oldpath, (long)newpath));
}
