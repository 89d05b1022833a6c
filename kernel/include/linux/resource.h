/* SPDX-License-Identifier: MIT */
/*
 * Resource limits in the kernel (Linux's include/linux/resource.h,
 * asm-generic/resource.h and the rlimit helpers of sched/signal.h). The
 * numbers and structures user space shares are in the user-API header of
 * the same name (include/uapi/linux/resource.h). Each task holds its
 * limits in task_struct.rlim (Linux keeps them in signal_struct, shared by
 * a thread group; a task here is one thread); fork copies them and exec
 * keeps them. kernel/sys.c implements the system calls.
 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <uapi/linux/resource.h>

#define _STK_LIM	(8UL << 20)	/* RLIMIT_STACK soft limit: 8 MiB */
#define MLOCK_LIMIT	(8UL << 20)	/* RLIMIT_MEMLOCK: 8 MiB */
#define MQ_BYTES_MAX	819200		/* RLIMIT_MSGQUEUE */
#define INR_OPEN_CUR	1024		/* RLIMIT_NOFILE soft limit */
#define INR_OPEN_MAX	4096		/* RLIMIT_NOFILE hard limit */

/*
 * The limits of the first task (Linux's INIT_RLIMITS); fork_init sets
 * RLIMIT_NPROC and RLIMIT_SIGPENDING from max_threads, as Linux does.
 */
#define INIT_RLIMITS							\
{									\
	[RLIMIT_CPU]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_FSIZE]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_DATA]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_STACK]		= { _STK_LIM, RLIM_INFINITY },		\
	[RLIMIT_CORE]		= { 0, RLIM_INFINITY },			\
	[RLIMIT_RSS]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_NPROC]		= { 0, 0 },				\
	[RLIMIT_NOFILE]		= { INR_OPEN_CUR, INR_OPEN_MAX },	\
	[RLIMIT_MEMLOCK]	= { MLOCK_LIMIT, MLOCK_LIMIT },		\
	[RLIMIT_AS]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_LOCKS]		= { RLIM_INFINITY, RLIM_INFINITY },	\
	[RLIMIT_SIGPENDING]	= { 0, 0 },				\
	[RLIMIT_MSGQUEUE]	= { MQ_BYTES_MAX, MQ_BYTES_MAX },	\
	[RLIMIT_NICE]		= { 0, 0 },				\
	[RLIMIT_RTPRIO]		= { 0, 0 },				\
	[RLIMIT_RTTIME]		= { RLIM_INFINITY, RLIM_INFINITY },	\
}

/* The most RLIMIT_NOFILE may be raised to (Linux's fs.nr_open default, 1024 * 1024). */
extern unsigned int sysctl_nr_open;

struct task_struct;

/* @task's soft limit of @resource (Linux task_rlimit). */
unsigned long task_rlimit(const struct task_struct *task, unsigned int resource);
/* The current task's soft limit of @resource: what the kernel enforces (Linux rlimit). */
unsigned long rlimit(unsigned int resource);
/* The current task's hard limit of @resource (Linux rlimit_max). */
unsigned long rlimit_max(unsigned int resource);

/*
 * Read @tsk's limit of @resource into *@old_rlim and/or set it from
 * *@new_rlim (either may be NULL), with Linux's rules: -EINVAL for an
 * unknown resource or soft > hard, -EPERM to raise the hard limit
 * without CAP_SYS_RESOURCE or RLIMIT_NOFILE past sysctl_nr_open.
 */
int do_prlimit(struct task_struct *tsk, unsigned int resource,
	       struct rlimit *new_rlim, struct rlimit *old_rlim);

#endif
