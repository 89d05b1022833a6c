// SPDX-License-Identifier: MIT
/*
 * /init of the initramfs that scripts/linux-run boots Linux 6.1 with: it
 * plays the part this kernel's init code plays, so that a program from
 * build/user/bin runs on Linux as `scripts/qemu-run -- /bin/PROG ARGS` runs
 * it here.
 *
 * Usage (Linux's command line): ... -- /bin/PROG [ARGS...]
 *   Linux passes the words after "--" to /init as its arguments.
 *
 * 1. Mounts proc on /proc (the programs read /proc/self/maps and status).
 * 2. Forks; the child runs PROG with ARGS and this kernel's environment
 *    for init (HOME=/ PATH=/bin TERM=linux), its fds 0-2 the console.
 * 3. Waits for it and prints "init exited with status N" or "init killed
 *    by signal S", the lines this kernel prints when its init ends.
 * 4. Powers off with reboot(RB_POWER_OFF): Linux panics when init returns.
 *
 * The program is therefore not pid 1 here: Linux protects pid 1 from
 * signals it has no handler for, which this kernel does not do.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/raw_syscall.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>

/* mount(2) with Linux's arguments; returns 0 or a negative errno. */
static long mount_filesystem(const char *source, const char *target, const char *type)
{
	return syscall5(SYS_mount, (long)source, (long)target, (long)type, 0, 0);
}

/* Write @text to the console unbuffered: nothing may be lost at power-off. */
static void say(const char *text)
{
	write(1, text, strlen(text));
}

/* Make /proc and mount proc there; a failure is reported, not fatal. */
static void mount_proc(void)
{
	char line[96];
	long err;

	if (mkdir("/proc", 0555) != 0 && errno != EEXIST) {
		snprintf(line, sizeof(line), "init: mkdir /proc: %s\n", strerror(errno));
		say(line);
	}
	err = mount_filesystem("proc", "/proc", "proc");
	if (err) {
		snprintf(line, sizeof(line), "init: mount proc: %s\n", strerror((int)-err));
		say(line);
	}
}

/*
 * Run @argv[0] with @argv in a child and wait for it.
 * Returns its wait status; 127 << 8 when it could not be started.
 */
static int run_program(char **argv)
{
	static char *const envp[] = { "HOME=/", "PATH=/bin", "TERM=linux", NULL };
	char line[160];
	int status;
	pid_t pid;

	pid = fork();
	if (pid < 0) {
		snprintf(line, sizeof(line), "init: fork: %s\n", strerror(errno));
		say(line);
		return 127 << 8;
	}
	if (pid == 0) {
		execve(argv[0], argv, envp);
		snprintf(line, sizeof(line), "init: %s: %s\n", argv[0], strerror(errno));
		say(line);
		_exit(127);
	}
	/* Orphaned grandchildren are reparented to us; reap them until the child ends. */
	for (;;) {
		pid_t done = waitpid(-1, &status, 0);

		if (done == pid)
			return status;
		if (done < 0 && errno != EINTR) {
			snprintf(line, sizeof(line), "init: wait: %s\n", strerror(errno));
			say(line);
			return 127 << 8;
		}
	}
}

int main(int argc, char **argv)
{
	char line[64];
	int status;

	if (argc < 2) {
		say("init: no program given (Linux command line: ... -- /bin/PROG ARGS)\n");
		status = 127 << 8;
	} else {
		mount_proc();
		status = run_program(argv + 1);
	}
	if (WIFSIGNALED(status))
		snprintf(line, sizeof(line), "init killed by signal %d\n", WTERMSIG(status));
	else
		snprintf(line, sizeof(line), "init exited with status %d\n", WEXITSTATUS(status));
	say(line);
	reboot(RB_POWER_OFF);
	/* Returning makes Linux panic ("Attempted to kill init!"): reported as such. */
	say("init: reboot(RB_POWER_OFF) failed\n");
	return 1;
}
