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
#include <linux/mm.h>
#include <asm/page.h>

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

/*
 * time(2) and gettimeofday(2): the seconds (and microseconds) of the clock
 * clock_gettime reads; every clock here counts from boot. The time zone,
 * if asked for, is UTC.
 */
SYSCALL_DEFINE1(time, long __user *, tloc)
{
	long seconds = ktime_get_ns() / 1000000000ULL;

	if (tloc && put_user(seconds, tloc))
		return -EFAULT;
	return seconds;
}

struct timeval {
	long tv_sec;
	long tv_usec;
};

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

SYSCALL_DEFINE2(gettimeofday, struct timeval __user *, tv, struct timezone __user *, tz)
{
	unsigned long long ns = ktime_get_ns();
	struct timeval t = { ns / 1000000000ULL, ns % 1000000000ULL / 1000 };
	struct timezone zone = { 0, 0 };

	if (tv && copy_to_user(tv, &t, sizeof(t)))
		return -EFAULT;
	if (tz && copy_to_user(tz, &zone, sizeof(zone)))
		return -EFAULT;
	return 0;
}

#define PR_SET_NAME	15
#define PR_GET_NAME	16

/*
 * prctl(2): PR_SET_NAME and PR_GET_NAME, the task's comm (16 bytes with
 * the NUL, as /proc/PID/status shows it). Other options are -EINVAL here.
 */
SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN];

	switch (option) {
	case PR_SET_NAME:
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm)) < 0)
			return -EFAULT;
		comm[sizeof(comm) - 1] = '\0';
		memcpy(current->comm, comm, sizeof(comm));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((char __user *)arg2, current->comm, TASK_COMM_LEN) ? -EFAULT : 0;
	default:
		return -EINVAL;
	}
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

/*
 * Credentials (Linux's kernel/sys.c): real, effective and saved ids. Root
 * (effective id 0, Linux's CAP_SETUID / CAP_SETGID) may set any id; others
 * only to one of their current real, effective or saved ids. -1 leaves an
 * id unchanged where the call allows it.
 */
#define ID_UNCHANGED	((unsigned int)-1)

static bool capable_setid(void)
{
	return current->cred.euid == 0;
}

/* May a non-root task take id @id, given its current real, effective and saved ids? */
static bool id_is_current(unsigned int id, unsigned int r, unsigned int e, unsigned int s)
{
	return id == r || id == e || id == s;
}

SYSCALL_DEFINE0(getuid)
{
	return current->cred.uid;
}

SYSCALL_DEFINE0(geteuid)
{
	return current->cred.euid;
}

SYSCALL_DEFINE0(getgid)
{
	return current->cred.gid;
}

SYSCALL_DEFINE0(getegid)
{
	return current->cred.egid;
}

/* setresuid(2), and the core of setuid and setreuid: 0, -EINVAL or -EPERM. */
static long set_uids(unsigned int ruid, unsigned int euid, unsigned int suid)
{
	struct cred *c = &current->cred;

	if (!capable_setid() &&
	    ((ruid != ID_UNCHANGED && !id_is_current(ruid, c->uid, c->euid, c->suid)) ||
	     (euid != ID_UNCHANGED && !id_is_current(euid, c->uid, c->euid, c->suid)) ||
	     (suid != ID_UNCHANGED && !id_is_current(suid, c->uid, c->euid, c->suid))))
		return -EPERM;
	if (ruid != ID_UNCHANGED)
		c->uid = ruid;
	if (euid != ID_UNCHANGED)
		c->euid = euid;
	if (suid != ID_UNCHANGED)
		c->suid = suid;
	return 0;
}

static long set_gids(unsigned int rgid, unsigned int egid, unsigned int sgid)
{
	struct cred *c = &current->cred;

	if (!capable_setid() &&
	    ((rgid != ID_UNCHANGED && !id_is_current(rgid, c->gid, c->egid, c->sgid)) ||
	     (egid != ID_UNCHANGED && !id_is_current(egid, c->gid, c->egid, c->sgid)) ||
	     (sgid != ID_UNCHANGED && !id_is_current(sgid, c->gid, c->egid, c->sgid))))
		return -EPERM;
	if (rgid != ID_UNCHANGED)
		c->gid = rgid;
	if (egid != ID_UNCHANGED)
		c->egid = egid;
	if (sgid != ID_UNCHANGED)
		c->sgid = sgid;
	return 0;
}

SYSCALL_DEFINE3(setresuid, unsigned int, ruid, unsigned int, euid, unsigned int, suid)
{
	return set_uids(ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, unsigned int, rgid, unsigned int, egid, unsigned int, sgid)
{
	return set_gids(rgid, egid, sgid);
}

/* setuid(2): root sets all three ids; others only the effective one, to the real or saved id. */
SYSCALL_DEFINE1(setuid, unsigned int, uid)
{
	struct cred *c = &current->cred;

	if (uid == ID_UNCHANGED)
		return -EINVAL;
	if (capable_setid())
		return set_uids(uid, uid, uid);
	if (uid != c->uid && uid != c->suid)
		return -EPERM;
	c->euid = uid;
	return 0;
}

SYSCALL_DEFINE1(setgid, unsigned int, gid)
{
	struct cred *c = &current->cred;

	if (gid == ID_UNCHANGED)
		return -EINVAL;
	if (capable_setid())
		return set_gids(gid, gid, gid);
	if (gid != c->gid && gid != c->sgid)
		return -EPERM;
	c->egid = gid;
	return 0;
}

/*
 * setreuid(2): the real id may become the real or effective one, the
 * effective id any of the three; the saved id follows the new effective id
 * when the real id is set or the effective one changes away from the real.
 */
SYSCALL_DEFINE2(setreuid, unsigned int, ruid, unsigned int, euid)
{
	struct cred *c = &current->cred;
	unsigned int old_ruid = c->uid, new_suid = ID_UNCHANGED;

	if (!capable_setid() && ruid != ID_UNCHANGED && ruid != c->uid && ruid != c->euid)
		return -EPERM;
	if (ruid != ID_UNCHANGED || (euid != ID_UNCHANGED && euid != old_ruid))
		new_suid = euid != ID_UNCHANGED ? euid : c->euid;
	if (!capable_setid() && euid != ID_UNCHANGED &&
	    !id_is_current(euid, c->uid, c->euid, c->suid))
		return -EPERM;
	c->uid = ruid != ID_UNCHANGED ? ruid : c->uid;
	c->euid = euid != ID_UNCHANGED ? euid : c->euid;
	c->suid = new_suid != ID_UNCHANGED ? new_suid : c->suid;
	return 0;
}

SYSCALL_DEFINE2(setregid, unsigned int, rgid, unsigned int, egid)
{
	struct cred *c = &current->cred;
	unsigned int old_rgid = c->gid, new_sgid = ID_UNCHANGED;

	if (!capable_setid() && rgid != ID_UNCHANGED && rgid != c->gid && rgid != c->egid)
		return -EPERM;
	if (rgid != ID_UNCHANGED || (egid != ID_UNCHANGED && egid != old_rgid))
		new_sgid = egid != ID_UNCHANGED ? egid : c->egid;
	if (!capable_setid() && egid != ID_UNCHANGED &&
	    !id_is_current(egid, c->gid, c->egid, c->sgid))
		return -EPERM;
	c->gid = rgid != ID_UNCHANGED ? rgid : c->gid;
	c->egid = egid != ID_UNCHANGED ? egid : c->egid;
	c->sgid = new_sgid != ID_UNCHANGED ? new_sgid : c->sgid;
	return 0;
}

/* getresuid(2)/getresgid(2): the three ids into user memory; 0 or -EFAULT. */
SYSCALL_DEFINE3(getresuid, unsigned int __user *, ruid, unsigned int __user *, euid,
		unsigned int __user *, suid)
{
	const struct cred *c = &current->cred;

	if (put_user(c->uid, ruid) || put_user(c->euid, euid) || put_user(c->suid, suid))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresgid, unsigned int __user *, rgid, unsigned int __user *, egid,
		unsigned int __user *, sgid)
{
	const struct cred *c = &current->cred;

	if (put_user(c->gid, rgid) || put_user(c->egid, egid) || put_user(c->sgid, sgid))
		return -EFAULT;
	return 0;
}

/* getgroups(2): no process here has supplementary groups, so the list is empty. */
SYSCALL_DEFINE2(getgroups, int, gidsetsize, unsigned int __user *, grouplist)
{
	return gidsetsize < 0 ? -EINVAL : 0;
}

/* struct sysinfo, x86-64 layout (112 bytes). */
struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5, 15 minute load averages << 16 */
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs;		/* tasks */
	unsigned short pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;		/* the units of the sizes, in bytes */
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

/*
 * sysinfo(2) (Linux's do_sysinfo): uptime, memory as /proc/meminfo counts
 * it (in pages, mem_unit PAGE_SIZE), the number of tasks. No load average
 * is kept (0) and there is no swap, page cache or shared memory (0).
 */
SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo val = { 0 };
	struct task_struct *p;
	unsigned long long ns = ktime_get_ns();

	val.uptime = ns / 1000000000ULL + (ns % 1000000000ULL ? 1 : 0);	/* rounded up, as Linux */
	val.totalram = totalram_pages();
	val.freeram = nr_free_pages_with_pcp();
	for_each_process(p)
		if (p->pid)	/* not the idle task */
			val.procs++;
	val.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &val, sizeof(val)) ? -EFAULT : 0;
}
