// SPDX-License-Identifier: MIT
/*
 * System calls this kernel answers as a Linux built without them does
 * (Linux's kernel/sys_ni.c): -ENOSYS. They are defined, rather than left
 * to the dispatcher's -ENOSYS, so that strace names them.
 *
 * - set_robust_list: robust futexes belong to CONFIG_FUTEX, and this
 *   kernel has no futexes (processes have one thread). glibc calls it at
 *   start-up and goes on without robust mutexes when it fails.
 * - rseq: restartable sequences (CONFIG_RSEQ). glibc registers one at
 *   start-up and, on failure, sets __rseq_size to 0 and uses none.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/syscalls.h>

SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	return -ENOSYS;
}

SYSCALL_DEFINE4(rseq, void __user *, rseq, u32, rseq_len, int, flags, u32, sig)
{
	return -ENOSYS;
}
