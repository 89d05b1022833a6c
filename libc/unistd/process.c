// SPDX-License-Identifier: MIT
/* Library calls built on the wrappers: exec variants, sleep, signals, terminals, time. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/raw_syscall.h>

#define EXEC_MAX_ARGS 64

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* execvp - a name without '/' is tried in each PATH directory (default /bin:/usr/bin). */
int execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH");
	char full[4096];
	int saved = ENOENT;

	if (strchr(file, '/'))
		return execve(file, argv, environ);
	if (!path)
		path = "/bin:/usr/bin";
	while (*path) {
		size_t dir_len = strcspn(path, ":");

		if (dir_len + 1 + strlen(file) < sizeof(full)) {
			memcpy(full, path, dir_len);
			full[dir_len] = '/';
			strcpy(full + dir_len + 1, file);
			execve(full, argv, environ);
			if (errno != ENOENT)
				saved = errno;
		}
		path += dir_len;
		if (*path == ':')
			path++;
	}
	errno = saved;
	return -1;
}

/* Collect execl's variable argument list into argv (at most EXEC_MAX_ARGS). */
static int collect_args(char **argv, const char *arg, va_list args)
{
	int n = 0;

	argv[n++] = (char *)arg;
	while (arg && n < EXEC_MAX_ARGS) {
		arg = va_arg(args, const char *);
		argv[n++] = (char *)arg;
	}
	if (arg) {
		errno = E2BIG;
		return -1;
	}
	return 0;
}

int execl(const char *path, const char *arg, ...)
{
	char *argv[EXEC_MAX_ARGS + 1];
	va_list args;
	int ret;

	va_start(args, arg);
	ret = collect_args(argv, arg, args);
	va_end(args);
	return ret < 0 ? ret : execve(path, argv, environ);
}

int execlp(const char *file, const char *arg, ...)
{
	char *argv[EXEC_MAX_ARGS + 1];
	va_list args;
	int ret;

	va_start(args, arg);
	ret = collect_args(argv, arg, args);
	va_end(args);
	return ret < 0 ? ret : execvp(file, argv);
}

unsigned int sleep(unsigned int seconds)
{
	struct timespec request = { .tv_sec = seconds }, remaining = { 0 };

	if (nanosleep(&request, &remaining) < 0)
		return (unsigned int)remaining.tv_sec;
	return 0;
}

int usleep(useconds_t usec)
{
	struct timespec request = {
		.tv_sec = usec / 1000000, .tv_nsec = (long)(usec % 1000000) * 1000,
	};

	return nanosleep(&request, NULL);
}

time_t time(time_t *out)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return (time_t)-1;
	if (out)
		*out = ts.tv_sec;
	return ts.tv_sec;
}

clock_t clock(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
		return (clock_t)-1;
	return ts.tv_sec * CLOCKS_PER_SEC + ts.tv_nsec / 1000;
}

int getpagesize(void)
{
	return 4096;
}

long sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE:
		return 4096;
	case _SC_CLK_TCK:
		return 100;
	default:
		errno = EINVAL;
		return -1;
	}
}

int tcgetattr(int fd, struct termios *t)
{
	return ioctl(fd, TCGETS, t);
}

int tcsetattr(int fd, int action, const struct termios *t)
{
	if (action < TCSANOW || action > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, TCSETS + action, t);
}

/* isatty - true when TCGETS works on fd (glibc's test). */
int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}

/* Signal handlers return through rt_sigreturn, which this trampoline calls. */
void __restore_rt(void);
__asm__(".text\n"
	".globl __restore_rt\n"
	"__restore_rt:\n"
	"	movq $15, %rax\n"	/* SYS_rt_sigreturn */
	"	syscall\n"
	"	hlt\n");

int __rt_sigaction(int sig, const struct sigaction *act, struct sigaction *old);

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sigaction kernel_act;

	if (act) {
		kernel_act = *act;
		kernel_act.sa_flags |= SA_RESTORER;
		kernel_act.sa_restorer = __restore_rt;
		act = &kernel_act;
	}
	return __rt_sigaction(sig, act, old);
}

sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction act = { .sa_handler = handler, .sa_flags = SA_RESTART }, old;

	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int sigemptyset(sigset_t *set)
{
	set->sig[0] = 0;
	return 0;
}

int sigfillset(sigset_t *set)
{
	set->sig[0] = ~0UL;
	return 0;
}

static int bad_signal(int sig)
{
	if (sig < 1 || sig >= NSIG) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->sig[0] |= 1UL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	set->sig[0] &= ~(1UL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	return (set->sig[0] >> (sig - 1)) & 1;
}
