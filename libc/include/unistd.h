/* SPDX-License-Identifier: MIT */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define STDIN_FILENO	0
#define STDOUT_FILENO	1
#define STDERR_FILENO	2

#ifndef SEEK_SET
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#endif

#define F_OK	0
#define X_OK	1
#define W_OK	2
#define R_OK	4

#define _SC_PAGESIZE	30
#define _SC_PAGE_SIZE	_SC_PAGESIZE
#define _SC_CLK_TCK	2

extern char **environ;

int brk(void *addr);
void *sbrk(intptr_t increment);

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int isatty(int fd);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);	/* O_CLOEXEC, O_NONBLOCK */
int dup(int fd);
int dup2(int oldfd, int newfd);
int dup3(int oldfd, int newfd, int flags);	/* O_CLOEXEC */
ssize_t readlink(const char *path, char *buf, size_t size);	/* no NUL added */
int unlink(const char *path);
int rmdir(const char *path);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);
int access(const char *path, int mode);

pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
void _exit(int status) __attribute__((noreturn));

int setpgid(pid_t pid, pid_t pgid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgid);

unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);
int getpagesize(void);
long sysconf(int name);

long syscall(long number, ...);

extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);

#endif
