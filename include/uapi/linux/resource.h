/* SPDX-License-Identifier: MIT */
/*
 * Resource limits: the numbers, values and structures getrlimit,
 * setrlimit and prlimit64 share with user space (Linux x86-64's
 * include/uapi/linux/resource.h and asm-generic/resource.h). Included by
 * the kernel and the libc (-Iinclude/uapi).
 */
#ifndef _UAPI_LINUX_RESOURCE_H
#define _UAPI_LINUX_RESOURCE_H

#define RLIMIT_CPU		0	/* CPU time in seconds */
#define RLIMIT_FSIZE		1	/* largest file size */
#define RLIMIT_DATA		2	/* data: brk heap plus private writable mappings */
#define RLIMIT_STACK		3	/* the main stack */
#define RLIMIT_CORE		4	/* largest core file */
#define RLIMIT_RSS		5	/* resident pages (not enforced by Linux either) */
#define RLIMIT_NPROC		6	/* processes of the same real user */
#define RLIMIT_NOFILE		7	/* file descriptors: the first refused */
#define RLIMIT_MEMLOCK		8	/* locked memory */
#define RLIMIT_AS		9	/* the address space (total_vm) */
#define RLIMIT_LOCKS		10	/* file locks */
#define RLIMIT_SIGPENDING	11	/* queued signals */
#define RLIMIT_MSGQUEUE		12	/* bytes in POSIX message queues */
#define RLIMIT_NICE		13	/* nice ceiling, as 20 - nice */
#define RLIMIT_RTPRIO		14	/* real-time priority ceiling */
#define RLIMIT_RTTIME		15	/* real-time CPU time without a blocking call, in us */
#define RLIM_NLIMITS		16

#define RLIM_INFINITY		(~0UL)
#define RLIM64_INFINITY		(~0ULL)

/* getrlimit/setrlimit's structure: the soft limit, enforced, and the hard limit, its ceiling. */
struct rlimit {
	unsigned long rlim_cur;
	unsigned long rlim_max;
};

/* prlimit64's structure (the same layout on x86-64). */
struct rlimit64 {
	unsigned long long rlim_cur;
	unsigned long long rlim_max;
};

#endif
