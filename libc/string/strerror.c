// SPDX-License-Identifier: MIT
/* Error and signal messages, worded as glibc words them. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static const char *const error_messages[] = {
	[0] = "Success",
	[EPERM] = "Operation not permitted",
	[ENOENT] = "No such file or directory",
	[ESRCH] = "No such process",
	[EINTR] = "Interrupted system call",
	[EIO] = "Input/output error",
	[ENXIO] = "No such device or address",
	[E2BIG] = "Argument list too long",
	[ENOEXEC] = "Exec format error",
	[EBADF] = "Bad file descriptor",
	[ECHILD] = "No child processes",
	[EAGAIN] = "Resource temporarily unavailable",
	[ENOMEM] = "Cannot allocate memory",
	[EACCES] = "Permission denied",
	[EFAULT] = "Bad address",
	[ENOTBLK] = "Block device required",
	[EBUSY] = "Device or resource busy",
	[EEXIST] = "File exists",
	[EXDEV] = "Invalid cross-device link",
	[ENODEV] = "No such device",
	[ENOTDIR] = "Not a directory",
	[EISDIR] = "Is a directory",
	[EINVAL] = "Invalid argument",
	[ENFILE] = "Too many open files in system",
	[EMFILE] = "Too many open files",
	[ENOTTY] = "Inappropriate ioctl for device",
	[ETXTBSY] = "Text file busy",
	[EFBIG] = "File too large",
	[ENOSPC] = "No space left on device",
	[ESPIPE] = "Illegal seek",
	[EROFS] = "Read-only file system",
	[EMLINK] = "Too many links",
	[EPIPE] = "Broken pipe",
	[EDOM] = "Numerical argument out of domain",
	[ERANGE] = "Numerical result out of range",
	[EDEADLK] = "Resource deadlock avoided",
	[ENAMETOOLONG] = "File name too long",
	[ENOLCK] = "No locks available",
	[ENOSYS] = "Function not implemented",
	[ENOTEMPTY] = "Directory not empty",
	[ELOOP] = "Too many levels of symbolic links",
	[EOVERFLOW] = "Value too large for defined data type",
	[EILSEQ] = "Invalid or incomplete multibyte or wide character",
	[EOPNOTSUPP] = "Operation not supported",
	[ETIMEDOUT] = "Connection timed out",
};

int strerror_r(int errnum, char *buf, size_t len)
{
	if (errnum >= 0 && errnum < (int)(sizeof(error_messages) / sizeof(error_messages[0])) &&
	    error_messages[errnum])
		snprintf(buf, len, "%s", error_messages[errnum]);
	else
		snprintf(buf, len, "Unknown error %d", errnum);
	return 0;
}

char *strerror(int errnum)
{
	static char buf[64];

	strerror_r(errnum, buf, sizeof(buf));
	return buf;
}

static const char *const signal_names[] = {
	[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted", [SIGBUS] = "Bus error",
	[SIGFPE] = "Floating point exception", [SIGKILL] = "Killed",
	[SIGUSR1] = "User defined signal 1", [SIGSEGV] = "Segmentation fault",
	[SIGUSR2] = "User defined signal 2", [SIGPIPE] = "Broken pipe",
	[SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
	[SIGCHLD] = "Child exited", [SIGCONT] = "Continued",
	[SIGSTOP] = "Stopped (signal)", [SIGTSTP] = "Stopped",
};

const char *strsignal(int sig)
{
	if (sig > 0 && sig < (int)(sizeof(signal_names) / sizeof(signal_names[0])) &&
	    signal_names[sig])
		return signal_names[sig];
	return "Unknown signal";
}
