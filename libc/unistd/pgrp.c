// SPDX-License-Identifier: MIT
/* Process groups and a terminal's foreground group (setpgid(2), tcsetpgrp(3)). */
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/raw_syscall.h>
#include <sys/syscall.h>

/* setpgid - move process pid (0: the caller) into group pgid (0: pid's own). */
int setpgid(pid_t pid, pid_t pgid)
{
	return __syscall_ret(syscall2(SYS_setpgid, pid, pgid));
}

/* getpgrp - the caller's process group (cannot fail). */
pid_t getpgrp(void)
{
	return (pid_t)syscall0(SYS_getpgrp);
}

/* setsid - start a new session and group led by the caller. */
pid_t setsid(void)
{
	return __syscall_ret(syscall0(SYS_setsid));
}

/* tcgetpgrp - the foreground process group of the terminal fd (TIOCGPGRP). */
pid_t tcgetpgrp(int fd)
{
	pid_t pgid;

	if (ioctl(fd, TIOCGPGRP, &pgid) < 0)
		return -1;
	return pgid;
}

/* tcsetpgrp - make pgid the foreground process group of the terminal fd (TIOCSPGRP). */
int tcsetpgrp(int fd, pid_t pgid)
{
	return ioctl(fd, TIOCSPGRP, &pgid);
}
