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
