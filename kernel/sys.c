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
#include <linux/capability.h>
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
	if (new_rlim && new_rlim->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE))
		return -EPERM;
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	return 0;
}

/*
 * May the caller read and set @task's limits? Its own, those of a process
 * whose user and group ids all equal the caller's real ones, or any with
 * CAP_SYS_RESOURCE (Linux check_prlimit_permission).
 */
static bool check_prlimit_permission(struct task_struct *task)
{
	const struct cred *cred = &current->cred, *tcred = &task->cred;

	if (task == current)
		return true;
	if (cred->uid == tcred->euid && cred->uid == tcred->suid && cred->uid == tcred->uid &&
	    cred->gid == tcred->egid && cred->gid == tcred->sgid && cred->gid == tcred->gid)
		return true;
	return capable(CAP_SYS_RESOURCE);
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
	if (!check_prlimit_permission(tsk))
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

/*
 * The real, effective and saved ids of one kind (user or group) of the
 * current task, so that the uid and gid calls share their rules.
 */
struct id_set {
	unsigned int *real, *effective, *saved;
};

static struct id_set current_uids(void)
{
	struct cred *c = &current->cred;

	return (struct id_set){ &c->uid, &c->euid, &c->suid };
}

static struct id_set current_gids(void)
{
	struct cred *c = &current->cred;

	return (struct id_set){ &c->gid, &c->egid, &c->sgid };
}

/* May the caller take id @id (ID_UNCHANGED always)? Root may take any. */
static bool may_take_id(struct id_set ids, unsigned int id)
{
	return id == ID_UNCHANGED || capable_setid() ||
	       id_is_current(id, *ids.real, *ids.effective, *ids.saved);
}

/* setresuid/setresgid: each id set unless ID_UNCHANGED. 0 or -EPERM. */
static long set_res_ids(struct id_set ids, unsigned int real, unsigned int effective,
			unsigned int saved)
{
	if (!may_take_id(ids, real) || !may_take_id(ids, effective) || !may_take_id(ids, saved))
		return -EPERM;
	if (real != ID_UNCHANGED)
		*ids.real = real;
	if (effective != ID_UNCHANGED)
		*ids.effective = effective;
	if (saved != ID_UNCHANGED)
		*ids.saved = saved;
	return 0;
}

/* setuid/setgid: root sets all three ids; others only the effective one, to the real or saved id. */
static long set_one_id(struct id_set ids, unsigned int id)
{
	if (id == ID_UNCHANGED)
		return -EINVAL;
	if (capable_setid())
		return set_res_ids(ids, id, id, id);
	if (id != *ids.real && id != *ids.saved)
		return -EPERM;
	*ids.effective = id;
	return 0;
}

/*
 * setreuid/setregid: the real id may become the real or effective one, the
 * effective id any of the three; the saved id follows the new effective id
 * when the real id is set or the effective one changes away from the real.
 */
static long set_re_ids(struct id_set ids, unsigned int real, unsigned int effective)
{
	unsigned int new_effective = effective != ID_UNCHANGED ? effective : *ids.effective;
	bool new_saved = real != ID_UNCHANGED ||
			 (effective != ID_UNCHANGED && effective != *ids.real);

	if (!capable_setid() && real != ID_UNCHANGED && real != *ids.real &&
	    real != *ids.effective)
		return -EPERM;
	if (!may_take_id(ids, effective))
		return -EPERM;
	if (real != ID_UNCHANGED)
		*ids.real = real;
	*ids.effective = new_effective;
	if (new_saved)
		*ids.saved = new_effective;
	return 0;
}

SYSCALL_DEFINE3(setresuid, unsigned int, ruid, unsigned int, euid, unsigned int, suid)
{
	return set_res_ids(current_uids(), ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, unsigned int, rgid, unsigned int, egid, unsigned int, sgid)
{
	return set_res_ids(current_gids(), rgid, egid, sgid);
}

SYSCALL_DEFINE1(setuid, unsigned int, uid)
{
	return set_one_id(current_uids(), uid);
}

SYSCALL_DEFINE1(setgid, unsigned int, gid)
{
	return set_one_id(current_gids(), gid);
}

SYSCALL_DEFINE2(setreuid, unsigned int, ruid, unsigned int, euid)
{
	return set_re_ids(current_uids(), ruid, euid);
}

SYSCALL_DEFINE2(setregid, unsigned int, rgid, unsigned int, egid)
{
	return set_re_ids(current_gids(), rgid, egid);
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
