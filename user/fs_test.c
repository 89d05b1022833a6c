// SPDX-License-Identifier: MIT
/*
 * fs_test: the file system calls seen from user space — open, read,
 * lseek, fstat, newfstatat, getdents64, dup, dup2, access, ioctl, writev
 * and their Linux errors, on /bin files, directories, the console and
 * /proc, and reading and setting /proc/sys/vm/max_map_count. Prints
 * "ok N name" / "not ok N name" and exits 1 if a check failed. Runs on
 * a Linux host too: checks that only hold on this kernel (its read-only
 * root, its console device) are skipped there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "test.h"

static int on_this_kernel;	/* uname names the teaching kernel */

/* Did the call fail (-1) with @expected errno? */
static int fails_with(long ret, int expected)
{
	return ret == -1 && errno == expected;
}

/* Does directory @path list @name (getdents64 with a small buffer, several calls)? */
static int directory_has(const char *path, const char *name)
{
	char buf[200];
	int fd = open(path, O_RDONLY | O_DIRECTORY), found = 0;
	long n;

	if (fd < 0)
		return 0;
	while ((n = getdents64(fd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			/* linux_dirent64: d_reclen at byte 16, d_name at 19 */
			unsigned short reclen;

			memcpy(&reclen, buf + off + 16, sizeof(reclen));
			if (!strcmp(buf + off + 19, name))
				found = 1;
			off += reclen;
		}
	}
	close(fd);
	return found && n == 0;
}

static void test_regular_file(void)
{
	char buf[16];
	struct stat st, st2;
	int fd = open("/bin/sh", O_RDONLY);

	check(fd >= 0, "open /bin/sh");
	check(read(fd, buf, 4) == 4 && !memcmp(buf, "\177ELF", 4), "read ELF magic");
	check(fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 64, "fstat regular file");
	check(lseek(fd, 0, SEEK_END) == st.st_size, "lseek SEEK_END is st_size");
	check(read(fd, buf, sizeof(buf)) == 0, "read at end gives 0");
	check(lseek(fd, 1, SEEK_SET) == 1 && read(fd, buf, 3) == 3 && !memcmp(buf, "ELF", 3),
	      "lseek SEEK_SET then read");
	check(lseek(fd, -2, SEEK_CUR) == 2, "lseek SEEK_CUR backwards");
	check(fails_with(lseek(fd, -100, SEEK_CUR), EINVAL), "lseek before 0 -> EINVAL");
	check(fails_with(lseek(fd, 0, 42), EINVAL), "lseek bad whence -> EINVAL");
	check(fails_with(read(fd, (void *)8, 4), EFAULT), "read to bad pointer -> EFAULT");
	check(fails_with(write(fd, "x", 1), EBADF), "write to O_RDONLY file -> EBADF");
	check(fails_with(ioctl(fd, TCGETS, buf), ENOTTY), "ioctl TCGETS on file -> ENOTTY");
	check(fails_with(getdents64(fd, buf, sizeof(buf)), ENOTDIR), "getdents64 on file -> ENOTDIR");
	check(syscall(SYS_newfstatat, fd, "", &st2, AT_EMPTY_PATH) == 0 &&
	      st2.st_ino == st.st_ino && st2.st_size == st.st_size, "newfstatat AT_EMPTY_PATH");
	check(fails_with(syscall(SYS_newfstatat, AT_FDCWD, "", &st2, 0), ENOENT),
	      "newfstatat empty path -> ENOENT");
	check(stat("/bin/sh", &st2) == 0 && st2.st_ino == st.st_ino, "stat matches fstat");
	check(close(fd) == 0, "close");
	check(fails_with(close(fd), EBADF), "close twice -> EBADF");
}

static void test_errors(void)
{
	char buf[8];
	int fd;

	check(fails_with(open("/no/such/file", O_RDONLY), ENOENT), "open missing -> ENOENT");
	check(fails_with(open("/bin/sh/x", O_RDONLY), ENOTDIR), "open through a file -> ENOTDIR");
	check(fails_with(open("/bin/sh/", O_RDONLY), ENOTDIR), "trailing slash on file -> ENOTDIR");
	check(fails_with(open("/bin", O_WRONLY), EISDIR), "open dir for write -> EISDIR");
	check(fails_with(open((const char *)8, O_RDONLY), EFAULT), "open bad pointer -> EFAULT");
	check(fails_with(open("", O_RDONLY), ENOENT), "open \"\" -> ENOENT");
	check(fails_with(read(99, buf, 1), EBADF), "read bad fd -> EBADF");
	check(fails_with(close(-1), EBADF), "close -1 -> EBADF");
	fd = open("/bin", O_RDONLY);
	check(fd >= 0 && fails_with(read(fd, buf, 1), EISDIR), "read a directory -> EISDIR");
	close(fd);
	if (on_this_kernel) {
		check(fails_with(open("/bin/sh", O_WRONLY), EROFS), "open /bin/sh O_WRONLY -> EROFS");
		check(fails_with(open("/bin/new", O_WRONLY | O_CREAT, 0644), EROFS),
		      "create in /bin -> EROFS");
		check(fails_with(access("/bin/sh", W_OK), EROFS), "access W_OK -> EROFS");
	} else {
		skip("open /bin/sh O_WRONLY -> EROFS", "host root is writable");
		skip("create in /bin -> EROFS", "host root is writable");
		skip("access W_OK -> EROFS", "host root is writable");
	}
	check(access("/bin/sh", X_OK) == 0, "access X_OK /bin/sh");
	check(fails_with(access("/nonexistent", F_OK), ENOENT), "access missing -> ENOENT");
	check(fails_with(access("/bin/sh", 0x40), EINVAL), "access bad mode -> EINVAL");
}

static void test_descriptors(void)
{
	char a[4], b[4];
	int fd = open("/bin/sh", O_RDONLY), copy, low;

	copy = dup(fd);
	check(copy > fd, "dup gives a new descriptor");
	check(read(fd, a, 2) == 2 && read(copy, b, 2) == 2 && !memcmp(b, "LF", 2),
	      "dup shares the file position");
	check(dup2(fd, 20) == 20 && lseek(20, 0, SEEK_CUR) == 4, "dup2 to 20");
	check(dup2(20, 20) == 20, "dup2 to itself");
	check(fails_with(dup2(fd, 100000), EBADF), "dup2 out of range -> EBADF");
	check(fails_with(dup(77), EBADF), "dup bad fd -> EBADF");
	close(20);
	close(copy);
	close(fd);
	low = open("/bin/sh", O_RDONLY);
	check(low == fd, "open reuses the lowest free descriptor");
	close(low);
}

static void test_console(void)
{
	struct stat st;
	struct iovec iov[2] = { { "writev ", 7 }, { "works\n", 6 } };

	check(writev(1, iov, 2) == 13, "writev to stdout");
	if (fstat(1, &st) == 0 && S_ISCHR(st.st_mode))
		check(fails_with(lseek(1, 0, SEEK_SET), ESPIPE), "lseek on a terminal -> ESPIPE");
	else
		skip("lseek on a terminal -> ESPIPE", "stdout is not a terminal");
	if (on_this_kernel) {
		check(fstat(1, &st) == 0 && st.st_mode == (S_IFCHR | 0620) && st.st_rdev == 0x8801,
		      "fstat(1) is the console, makedev(136, 1)");
		check(ioctl(0, TCGETS, (char[64]){ 0 }) == 0, "ioctl TCGETS on the console");
	} else {
		skip("fstat(1) is the console, makedev(136, 1)", "not this kernel");
		skip("ioctl TCGETS on the console", "not this kernel");
	}
}

static void test_directories(void)
{
	int bin = open("/bin", O_RDONLY | O_DIRECTORY), fd;

	check(directory_has("/bin", "sh"), "getdents64 /bin lists sh");
	check(directory_has("/bin", ".") && directory_has("/bin", ".."), "getdents64 lists . and ..");
	check(directory_has("/proc", "self") && directory_has("/proc", "meminfo"),
	      "getdents64 /proc lists self and meminfo");
	{
		char pid[16];

		snprintf(pid, sizeof(pid), "%d", getpid());
		check(directory_has("/proc", pid), "getdents64 /proc lists my pid");
	}
	fd = openat(bin, "sh", O_RDONLY);
	check(fd >= 0, "openat relative to a directory descriptor");
	close(fd);
	check(fails_with(openat(99, "sh", O_RDONLY), EBADF), "openat bad dirfd -> EBADF");
	close(bin);
	check(fails_with(open("/bin/sh", O_RDONLY | O_DIRECTORY), ENOTDIR), "O_DIRECTORY on file -> ENOTDIR");
}

static void test_proc(void)
{
	static char text[65536];
	char expected[64], *line;
	struct stat st;
	long n;

	n = read_file("/proc/self/maps", text, sizeof(text));
	check(n > 0, "read /proc/self/maps");
	line = strstr(text, "[stack]");
	check(line && (line[-1] == ' ') && line[7] == '\n', "maps has [stack]");
	{
		char *start = line;

		while (start && start > text && start[-1] != '\n')
			start--;
		check(line && line - start == 73, "maps names start at column 73");
	}
	check(strstr(text, "r-xp 00000000 ") != NULL, "maps has a text mapping");

	check(read_file("/proc/self/status", text, sizeof(text)) > 0, "read /proc/self/status");
	snprintf(expected, sizeof(expected), "\nPid:\t%d\n", getpid());
	check(strncmp(text, "Name:\tfs_test\n", 14) == 0, "status Name");
	check(strstr(text, expected) != NULL, "status Pid");
	check(strstr(text, "\nVmSize:\t") && strstr(text, "\nVmRSS:\t") && strstr(text, "\nVmData:\t"),
	      "status VmSize, VmRSS, VmData");
	check(stat("/proc/self", &st) == 0 && S_ISDIR(st.st_mode), "/proc/self is a directory");
	check(fails_with(open("/proc/self/nothing", O_RDONLY), ENOENT), "/proc/self/nothing -> ENOENT");
	check(fails_with(open("/proc/self/status/", O_RDONLY), ENOTDIR),
	      "/proc/self/status/ -> ENOTDIR");
	check(fails_with(open("/proc/999999", O_RDONLY), ENOENT), "/proc/999999 (no such pid) -> ENOENT");

	check(read_file("/proc/meminfo", text, sizeof(text)) > 0, "read /proc/meminfo");
	check(strncmp(text, "MemTotal:       ", 16) == 0 && strncmp(text + 24, " kB\nMemFree:", 12) == 0,
	      "meminfo first lines' format");
	check(read_file("/proc/buddyinfo", text, sizeof(text)) > 0 &&
	      strstr(text, "zone   Normal") != NULL, "read /proc/buddyinfo");
	check(fails_with(open("/proc/nonexistent", O_RDONLY), ENOENT), "/proc/nonexistent -> ENOENT");
}

/* Open @path O_WRONLY and write @text; write's result, or -1 if the open failed. */
static long write_text(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);
	long n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n;
}

/* The value in /proc/sys/vm/max_map_count, or -1. */
static long max_map_count(void)
{
	char text[32];

	if (read_file("/proc/sys/vm/max_map_count", text, sizeof(text)) <= 0)
		return -1;
	return strtol(text, NULL, 10);
}

/*
 * /proc/sys/vm/max_map_count as Linux's sysctl: "N\n", set by writing
 * a number at position 0. The value found is written back at the end.
 */
static void test_proc_sys(void)
{
	const char *path = "/proc/sys/vm/max_map_count";
	char saved[32], buf[32];
	struct stat st;
	int fd;

	check(read_file(path, saved, sizeof(saved)) > 1 && saved[strlen(saved) - 1] == '\n',
	      "read /proc/sys/vm/max_map_count");
	if (on_this_kernel)
		check(!strcmp(saved, "65530\n"), "max_map_count is 65530");
	else
		skip("max_map_count is 65530", "the host's may have been changed");
	check(stat(path, &st) == 0 && st.st_mode == (S_IFREG | 0644), "max_map_count is -rw-r--r--");
	check(access(path, W_OK) == 0, "access W_OK max_map_count");
	check(directory_has("/proc", "sys") && directory_has("/proc/sys", "vm"),
	      "getdents64 /proc lists sys, /proc/sys lists vm");
	check(directory_has("/proc/sys/vm", "max_map_count"),
	      "getdents64 /proc/sys/vm lists max_map_count");

	fd = open(path, O_RDWR);
	check(fd >= 0, "open max_map_count O_RDWR");
	check(write(fd, "70000\n", 6) == 6, "write 70000\\n");
	check(write(fd, "80000", 5) == 5 && max_map_count() == 70000,
	      "a write past position 0 is ignored");
	check(lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 3) == 3 && !memcmp(buf, "700", 3),
	      "read it back in pieces: 700");
	check(read(fd, buf, sizeof(buf)) == 0, "then end of file");
	close(fd);

	check(write_text(path, "123") == 3 && max_map_count() == 123, "write without newline");
	check(write_text(path, " \t 70001 \n") == 10 && max_map_count() == 70001,
	      "write with surrounding whitespace");
	check(write_text(path, "70002 8") == 6 && max_map_count() == 70002,
	      "one value: a short write");
	check(write_text(path, "0x11170") == 7 && max_map_count() == 70000, "hexadecimal");
	check(fails_with(write_text(path, "-1"), EINVAL), "write -1 -> EINVAL");
	check(fails_with(write_text(path, "abc\n"), EINVAL), "write abc -> EINVAL");
	check(fails_with(write_text(path, "70003x"), EINVAL), "write 70003x -> EINVAL");
	check(fails_with(write_text(path, " \n"), EINVAL), "write only spaces -> EINVAL");
	check(fails_with(write_text(path, "2147483648"), EINVAL), "write INT_MAX + 1 -> EINVAL");
	check(max_map_count() == 70000, "a refused write changes nothing");
	check(fails_with(open("/proc/sys/vm/nothing", O_RDONLY), ENOENT),
	      "/proc/sys/vm/nothing -> ENOENT");

	check(write_text(path, saved) == (long)strlen(saved) && max_map_count() == strtol(saved, NULL, 10),
	      "restore max_map_count");
}

int main(void)
{
	on_this_kernel = on_teaching_kernel();
	test_plan(90);
	test_regular_file();
	test_errors();
	test_descriptors();
	test_console();
	test_directories();
	test_proc();
	test_proc_sys();
	printf("%d/%d checks passed\n", test_checks - test_failures, test_checks);
	return test_exit_status();
}
