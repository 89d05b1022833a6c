// SPDX-License-Identifier: MIT
/* errno, and the conversion of raw kernel answers into C results. */
#include <errno.h>
#include <stdarg.h>
#include <unistd.h>
#include <sys/raw_syscall.h>

int errno;

long __syscall_ret(long ret)
{
	if (ret < 0 && ret > -4096) {
		errno = (int)-ret;
		return -1;
	}
	return ret;
}

/* syscall - glibc's generic entry: six long arguments, -1 and errno on failure. */
long syscall(long number, ...)
{
	va_list args;
	long a1, a2, a3, a4, a5, a6;

	va_start(args, number);
	a1 = va_arg(args, long);
	a2 = va_arg(args, long);
	a3 = va_arg(args, long);
	a4 = va_arg(args, long);
	a5 = va_arg(args, long);
	a6 = va_arg(args, long);
	va_end(args);
	return __syscall_ret(syscall6(number, a1, a2, a3, a4, a5, a6));
}
