/* SPDX-License-Identifier: MIT */
/*
 * Resource limits: getrlimit, setrlimit, prlimit. The RLIMIT_ numbers and
 * struct rlimit come from the user-API header the kernel also uses
 * (include/uapi/linux/resource.h).
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/types.h>
#include <linux/resource.h>

typedef unsigned long rlim_t;

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
/* Read (@old_limit) and/or set (@new_limit) process @pid's limit (0: the caller). */
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);

#endif
