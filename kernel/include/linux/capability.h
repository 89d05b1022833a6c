/* SPDX-License-Identifier: MIT */
/*
 * Capabilities (Linux's include/linux/capability.h), reduced: a task has
 * all of them while its effective user id is 0, and none otherwise, which
 * is what Linux's capability rules give a process that never uses file
 * capabilities or capset (root keeps them; setuid away from 0 drops them).
 */
#ifndef _LINUX_CAPABILITY_H
#define _LINUX_CAPABILITY_H

#include <linux/sched.h>

/* Linux's numbers, for the checks that name them. */
#define CAP_SETUID		7
#define CAP_SYS_ADMIN		21
#define CAP_SYS_RESOURCE	24

/* Does the current task have capability @cap? */
static inline bool capable(int cap)
{
	return current->cred.euid == 0;
}

#endif
