// SPDX-License-Identifier: MIT
/* Small system calls about the process and the machine (Linux's kernel/sys.c). */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/jiffies.h>
#include <linux/reboot.h>
#include <linux/printk.h>
#include <linux/resource.h>

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc
#define LINUX_REBOOT_CMD_HALT		0xcdef0123
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1

SYSCALL_DEFINE0(getpid)
{
	return current->pid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return current->parent ? current->parent->pid : 0;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	if (pgid < 0)
		return -EINVAL;
	if (!p || (p != current && p->parent != current))
		return -ESRCH;
	p->pgid = pgid ? pgid : p->pid;
	return 0;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	struct task_struct *p = pid ? find_task_by_pid(pid) : current;

	return p ? p->pgid : -ESRCH;
}

SYSCALL_DEFINE0(getpgrp)
{
	return current->pgid;
}

/* A new session and group led by the caller; -EPERM if a group with its pid exists. */
SYSCALL_DEFINE0(setsid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->pgid == current->pid)
			return -EPERM;
	current->pgid = current->pid;
	return current->pid;
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

/* ---- Resource limits (Linux kernel/sys.c) ---- */

unsigned int sysctl_nr_open = 1024 * 1024;

unsigned long task_rlimit(const struct task_struct *task, unsigned int resource)
{
	return task->rlim[resource].rlim_cur;
}

unsigned long rlimit(unsigned int resource)
{
	return task_rlimit(current, resource);
}

unsigned long rlimit_max(unsigned int resource)
{
	return current->rlim[resource].rlim_max;
}

/*
 * May the caller raise hard limits and act on other users' processes
 * (CAP_SYS_RESOURCE)? Every process here runs as root, which has it.
 */
static bool capable_sys_resource(void)
{
	return true;
}

int do_prlimit(struct task_struct *tsk, unsigned int resource,
	       struct rlimit *new_rlim, struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > sysctl_nr_open)
			return -EPERM;
	}
	rlim = &tsk->rlim[resource];
	if (new_rlim && new_rlim->rlim_max > rlim->rlim_max && !capable_sys_resource())
		return -EPERM;
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	return 0;
}

/* getrlimit(2): the current limits of @resource. 0, -EINVAL or -EFAULT. */
SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;
	int ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(*rlim)))
		ret = -EFAULT;
	return ret;
}

/* setrlimit(2): new limits for @resource (do_prlimit's rules). */
SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit new_rlim;

	if (copy_from_user(&new_rlim, rlim, sizeof(*rlim)))
		return -EFAULT;
	return do_prlimit(current, resource, &new_rlim, NULL);
}

/*
 * prlimit64(2): read and/or set @resource's limits of process @pid (0:
 * the caller); -ESRCH if there is none. Acting on another process needs
 * the same user ids or CAP_SYS_RESOURCE (Linux check_prlimit_permission).
 */
SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim, struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 old64, new64;
	struct rlimit old, new;
	struct task_struct *tsk;
	int ret;

	if (new_rlim) {
		if (copy_from_user(&new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		new.rlim_cur = new64.rlim_cur;
		new.rlim_max = new64.rlim_max;
	}
	tsk = pid ? find_task_by_pid(pid) : current;
	if (!tsk)
		return -ESRCH;
	if (tsk != current && !capable_sys_resource())
		return -EPERM;
	ret = do_prlimit(tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (!ret && old_rlim) {
		old64.rlim_cur = old.rlim_cur;
		old64.rlim_max = old.rlim_max;
		if (copy_to_user(old_rlim, &old64, sizeof(old64)))
			ret = -EFAULT;
	}
	return ret;
}

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65], domainname[65];
};

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Linux", sizeof(u.sysname));	/* the ABI it speaks, as programs expect */
	strlcpy(u.nodename, "teaching", sizeof(u.nodename));
	strlcpy(u.release, "6.1.0-teaching", sizeof(u.release));
	strlcpy(u.version, "#1 Teaching kernel 0.1", sizeof(u.version));
	strlcpy(u.machine, "x86_64", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

struct timespec64 {
	long tv_sec;
	long tv_nsec;
};

SYSCALL_DEFINE2(clock_gettime, int, which_clock, struct timespec64 __user *, tp)
{
	unsigned long long ns = ktime_get_ns();
	struct timespec64 t = { ns / 1000000000ULL, ns % 1000000000ULL };

	/* Linux's clock ids: 0-9 and CLOCK_TAI (11); every clock here reads the boot clock */
	if (which_clock < 0 || which_clock > 11 || which_clock == 10)
		return -EINVAL;
	return copy_to_user(tp, &t, sizeof(t)) ? -EFAULT : 0;
}

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 || magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
		machine_power_off(0);
	case LINUX_REBOOT_CMD_RESTART:
		printk(KERN_INFO "reboot: this machine only powers off\n");
		machine_power_off(0);
	default:
		return -EINVAL;
	}
}
