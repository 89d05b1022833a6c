// SPDX-License-Identifier: MIT
/*
 * memory_test - resource limits, mremap, madvise and mincore as an
 * unmodified C-library program sees them: built as
 * build/abi/memory_test.glibc (gcc -static) and .musl (musl-gcc -static)
 * from this source (tests/host/abi.mk), run on this kernel and on Linux 6.1
 * by tests/user/abi_memory_glibc.test and abi_memory_musl.test, which
 * require the same check lines on both.
 *
 *  - rlimits: Linux's defaults and rules (soft <= hard, EPERM, ESRCH),
 *    /proc/self/limits, inheritance across fork and execve, RLIMIT_NOFILE
 *    at fd allocation, RLIMIT_NPROC at fork, RLIMIT_STACK at stack growth,
 *    RLIMIT_AS and RLIMIT_DATA at mmap, mremap and brk, and brk refused
 *    to the byte as check_data_rlimit does;
 *  - mremap: growing in place, moving, shrinking, MREMAP_FIXED,
 *    MREMAP_DONTUNMAP, Linux's errors, realloc of a large block;
 *  - madvise: MADV_DONTNEED and MADV_FREE, holes, fork advice (VMAs split
 *    in /proc/self/maps), MADV_POPULATE_*, hints, errors;
 *  - mincore: demand paging made visible, errors;
 *  - glibc's malloc giving memory back: the break shrinks after free,
 *    malloc_trim madvises free chunks away (musl: skipped, it has neither).
 *
 * Children are made with the fork system call itself, so these checks do
 * not depend on the C library's clone-based fork.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <malloc.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include "test.h"

#ifndef MADV_POPULATE_READ	/* older C-library headers (Debian 12's musl) */
#define MADV_POPULATE_READ	22
#define MADV_POPULATE_WRITE	23
#endif

#define PAGE		4096UL
#define MIB		(1UL << 20)
#define PAGE_ALIGN(x)	(((x) + PAGE - 1) & ~(PAGE - 1))

static char maps_text[65536];

/* ---- helpers ---- */

/* A fresh private anonymous read-write mapping of @len bytes, or NULL. */
static char *map(size_t len)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Is the page at @addr mapped? (mincore fails with ENOMEM on unmapped pages) */
static int is_mapped(const void *addr)
{
	unsigned char vec;

	return mincore((void *)addr, PAGE, &vec) == 0;
}

/* Does every byte of [p, p + len) hold @byte? */
static int all_bytes(const char *p, size_t len, char byte)
{
	for (size_t i = 0; i < len; i++)
		if (p[i] != byte)
			return 0;
	return 1;
}

/* The lines of /proc/self/maps inside [addr, addr + len): how many VMAs the range holds. */
static int count_vmas(const void *addr, size_t len)
{
	unsigned long lo = (unsigned long)addr, hi = lo + len, start, end;
	int count = 0;

	if (read_file("/proc/self/maps", maps_text, sizeof(maps_text)) <= 0)
		return -1;
	for (char *line = maps_text; *line; line = strchr(line, '\n') + 1) {
		start = strtoul(line, NULL, 16);
		end = strtoul(strchr(line, '-') + 1, NULL, 16);
		if (start >= lo && end <= hi)
			count++;
		if (!strchr(line, '\n'))
			break;
	}
	return count;
}

/* Run @fn(@arg) in a child made by the fork system call; its wait status, or -1. */
static int child_wait_status(int (*fn)(unsigned long), unsigned long arg)
{
	int status;
	long pid;

	fflush(stdout);
	pid = syscall(SYS_fork);
	if (pid == 0)
		_exit(fn(arg));
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

/* The same, but its exit status, or -1 if it did not exit. */
static int child_exit_status(int (*fn)(unsigned long), unsigned long arg)
{
	int status = child_wait_status(fn, arg);

	return status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int set_limit(int resource, unsigned long soft, unsigned long hard)
{
	struct rlimit r = { soft, hard };

	return setrlimit(resource, &r);
}

/* ---- resource limits ---- */

#define CHILD_DATA_LIMIT	0x12345000UL	/* RLIMIT_DATA the children must inherit */
#define CHILD_NOFILE_LIMIT	100UL

/* 0 if this process has the limits test_rlimit_inheritance gave its parent. */
static int has_inherited_limits(unsigned long unused)
{
	struct rlimit data, nofile;

	if (getrlimit(RLIMIT_DATA, &data) || getrlimit(RLIMIT_NOFILE, &nofile))
		return 2;
	return data.rlim_cur == CHILD_DATA_LIMIT && data.rlim_max == RLIM_INFINITY &&
	       nofile.rlim_cur == CHILD_NOFILE_LIMIT ? 0 : 1;
}

static const char *self_path;

/* In a child: run this program again with --check-limits (exit status 0 if inherited). */
static int exec_self(unsigned long unused)
{
	execl(self_path, self_path, "--check-limits", (char *)NULL);
	return 3;
}

/* x86's mmap_base for an unlimited stack: TASK_SIZE less 5/6 of it, page-aligned. */
#define UNLIMITED_STACK_MMAP_BASE	0x155555556000UL

/* 0 if a new mapping lands just below UNLIMITED_STACK_MMAP_BASE (run after such an exec). */
static int mmap_below_low_base(void)
{
	unsigned long p = (unsigned long)map(PAGE);

	return p && p < UNLIMITED_STACK_MMAP_BASE && p > UNLIMITED_STACK_MMAP_BASE - 64 * MIB ? 0 : 1;
}

/* In a child: exec this program with an unlimited RLIMIT_STACK and --check-mmap-base. */
static int exec_unlimited_stack(unsigned long unused)
{
	set_limit(RLIMIT_STACK, RLIM_INFINITY, RLIM_INFINITY);
	execl(self_path, self_path, "--check-mmap-base", (char *)NULL);
	return 3;
}

/* 0 if a new mapping lands above UNLIMITED_STACK_MMAP_BASE: below the default mmap_base. */
static int mmap_above_low_base(unsigned long unused)
{
	unsigned long p = (unsigned long)map(PAGE);

	return p > UNLIMITED_STACK_MMAP_BASE ? 0 : 1;
}

/* In a child: an unlimited RLIMIT_STACK, then a fork: mmap_base comes from exec, not fork. */
static int fork_unlimited_stack(unsigned long unused)
{
	if (set_limit(RLIMIT_STACK, RLIM_INFINITY, RLIM_INFINITY))
		return 2;
	return child_exit_status(mmap_above_low_base, 0);
}

static void test_rlimit_rules(void)
{
	struct rlimit r, data;

	check(getrlimit(RLIMIT_STACK, &r) == 0 && r.rlim_cur == 8 * MIB && r.rlim_max == RLIM_INFINITY,
	      "RLIMIT_STACK: 8 MiB soft, unlimited hard (Linux's defaults)");
	check(getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur == 1024 && r.rlim_max == 4096,
	      "RLIMIT_NOFILE: 1024 soft, 4096 hard");
	check(getrlimit(RLIMIT_DATA, &data) == 0 && data.rlim_cur == RLIM_INFINITY &&
	      getrlimit(RLIMIT_NPROC, &r) == 0 && r.rlim_cur > 0 && r.rlim_cur == r.rlim_max,
	      "RLIMIT_DATA unlimited, RLIMIT_NPROC set from the task limit");
	errno = 0;
	check(set_limit(RLIMIT_DATA, 2 * MIB, MIB) == -1 && errno == EINVAL,
	      "setrlimit with soft > hard: EINVAL");
	errno = 0;
	check(syscall(SYS_getrlimit, RLIM_NLIMITS, &r) == -1 && errno == EINVAL,
	      "getrlimit of resource 16: EINVAL");
	errno = 0;
	check(syscall(SYS_prlimit64, 0x7ffffff0, RLIMIT_DATA, NULL, &r) == -1 && errno == ESRCH,
	      "prlimit64 of a pid that does not exist: ESRCH");
	check(syscall(SYS_prlimit64, getpid(), RLIMIT_STACK, NULL, &r) == 0 && r.rlim_cur == 8 * MIB,
	      "prlimit64 of its own pid reads its limits");
	errno = 0;
	check(set_limit(RLIMIT_NOFILE, 2 * MIB, 2 * MIB) == -1 && errno == EPERM,
	      "RLIMIT_NOFILE above fs.nr_open: EPERM");
	check(set_limit(RLIMIT_DATA, 64 * MIB, 64 * MIB) == 0 &&
	      set_limit(RLIMIT_DATA, RLIM_INFINITY, RLIM_INFINITY) == 0,
	      "root lowers a hard limit and raises it again");
}

static void test_proc_limits(void)
{
	static char text[4096];
	char line[128];

	set_limit(RLIMIT_DATA, 123456789, RLIM_INFINITY);
	read_file("/proc/self/limits", text, sizeof(text));
	set_limit(RLIMIT_DATA, RLIM_INFINITY, RLIM_INFINITY);
	snprintf(line, sizeof(line), "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit",
		 "Hard Limit", "Units");
	check(strncmp(text, line, strlen(line)) == 0, "/proc/self/limits starts with Linux's header");
	snprintf(line, sizeof(line), "\n%-25s %-20lu %-20s %-10s\n", "Max data size",
		 123456789UL, "unlimited", "bytes");
	check(strstr(text, line) != NULL, "/proc/self/limits shows a new RLIMIT_DATA in Linux's format");
	snprintf(line, sizeof(line), "\n%-25s %-20lu %-20lu \n", "Max nice priority", 0UL, 0UL);
	check(strstr(text, line) != NULL, "/proc/self/limits: a limit without a unit");
}

static void test_rlimit_inheritance(void)
{
	set_limit(RLIMIT_DATA, CHILD_DATA_LIMIT, RLIM_INFINITY);
	set_limit(RLIMIT_NOFILE, CHILD_NOFILE_LIMIT, 4096);
	check(child_exit_status(has_inherited_limits, 0) == 0, "a forked child has its parent's limits");
	check(child_exit_status(exec_self, 0) == 0, "the limits are kept across execve");
	set_limit(RLIMIT_DATA, RLIM_INFINITY, RLIM_INFINITY);
	set_limit(RLIMIT_NOFILE, 1024, 4096);
}

static void test_rlimit_nofile(void)
{
	int fds[16], count = 0, last = -1, dup_errno;

	set_limit(RLIMIT_NOFILE, 6, 4096);
	while (count < 16 && (fds[count] = dup(1)) >= 0)
		last = fds[count++];
	dup_errno = errno;
	errno = 0;
	check(count < 16 && last == 5 && dup_errno == EMFILE,
	      "with RLIMIT_NOFILE 6, dup gives descriptors up to 5, then EMFILE");
	check(dup2(1, 6) == -1 && errno == EBADF, "dup2 to descriptor 6 (the limit): EBADF");
	while (count--)
		close(fds[count]);
	set_limit(RLIMIT_NOFILE, 1024, 4096);
}

/* In a child: as user 1000 with RLIMIT_NPROC 1 (its one process), fork fails with EAGAIN: 0 then. */
static int nproc_refuses_user(unsigned long unused)
{
	long pid;

	if (set_limit(RLIMIT_NPROC, 1, 1) || setuid(1000))
		return 2;
	pid = syscall(SYS_fork);
	if (pid == 0)
		_exit(0);
	if (pid > 0) {
		waitpid(pid, NULL, 0);
		return 1;
	}
	return errno == EAGAIN ? 0 : 3;
}

/* In a child: root with RLIMIT_NPROC 1 still forks (CAP_SYS_RESOURCE): 0 then. */
static int nproc_spares_root(unsigned long unused)
{
	int status;
	long pid;

	if (set_limit(RLIMIT_NPROC, 1, 1))
		return 2;
	pid = syscall(SYS_fork);
	if (pid == 0)
		_exit(0);
	return pid > 0 && waitpid(pid, &status, 0) == pid ? 0 : 1;
}

static void test_rlimit_nproc(void)
{
	check(child_exit_status(nproc_refuses_user, 0) == 0,
	      "RLIMIT_NPROC: a user at its limit cannot fork: EAGAIN");
	check(child_exit_status(nproc_spares_root, 0) == 0, "RLIMIT_NPROC does not bind root");
}

/* Use @depth frames of 4 KiB of stack, each one touched. */
static __attribute__((noinline)) int recurse(int depth)
{
	volatile char frame[4000];

	frame[0] = (char)depth;
	frame[sizeof(frame) - 1] = frame[0];
	return depth ? recurse(depth - 1) + frame[sizeof(frame) - 1] : 0;
}

/* In a child: 512 KiB of stack under the RLIMIT_STACK soft limit @limit. */
static int deep_stack(unsigned long limit)
{
	if (set_limit(RLIMIT_STACK, limit, RLIM_INFINITY))
		return 2;
	return recurse(128) < 0;	/* 0: it came back */
}

static void test_rlimit_stack(void)
{
	int status = child_wait_status(deep_stack, 256 * 1024);

	check(status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV,
	      "RLIMIT_STACK 256 KiB: 512 KiB of stack is a SIGSEGV");
	check(child_exit_status(deep_stack, 8 * MIB) == 0, "RLIMIT_STACK 8 MiB: 512 KiB of stack works");
	check(child_exit_status(exec_unlimited_stack, 0) == 0,
	      "exec with RLIMIT_STACK unlimited: mmap starts below TASK_SIZE / 6");
	check(child_exit_status(fork_unlimited_stack, 0) == 0,
	      "fork with RLIMIT_STACK unlimited: the child keeps its parent's mmap area");
}

static void test_rlimit_as(void)
{
	long vm_size_kb = read_kb("/proc/self/status", "VmSize:");
	unsigned long brk0 = syscall(SYS_brk, 0);
	char *small, *big, *grown;
	unsigned long brk1;

	set_limit(RLIMIT_AS, (vm_size_kb + 1024) * 1024, RLIM_INFINITY);
	big = mmap(NULL, 4 * MIB, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	small = map(256 * 1024);
	grown = small ? mremap(small, 256 * 1024, 4 * MIB, MREMAP_MAYMOVE) : NULL;
	brk1 = syscall(SYS_brk, brk0 + 4 * MIB);
	set_limit(RLIMIT_AS, RLIM_INFINITY, RLIM_INFINITY);
	check(vm_size_kb > 0 && big == MAP_FAILED, "past RLIMIT_AS, mmap of 4 MiB fails");
	check(small != NULL, "within RLIMIT_AS, mmap of 256 KiB works");
	check(grown == MAP_FAILED, "mremap growing past RLIMIT_AS fails");
	check(brk1 == brk0, "brk growing past RLIMIT_AS is refused");
	if (small)
		munmap(small, 256 * 1024);
	if (big != MAP_FAILED)
		munmap(big, 4 * MIB);
}

static void test_rlimit_data_mmap(void)
{
	long vm_data_kb = read_kb("/proc/self/status", "VmData:");
	char *writable, *readonly;
	int writable_errno;

	set_limit(RLIMIT_DATA, (vm_data_kb + 1024) * 1024, RLIM_INFINITY);
	writable = mmap(NULL, 4 * MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	writable_errno = errno;
	readonly = mmap(NULL, 4 * MIB, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	set_limit(RLIMIT_DATA, RLIM_INFINITY, RLIM_INFINITY);
	check(vm_data_kb > 0 && writable == MAP_FAILED && writable_errno == ENOMEM,
	      "past RLIMIT_DATA, a private writable mmap of 4 MiB: ENOMEM");
	check(readonly != MAP_FAILED, "a read-only mapping does not count in RLIMIT_DATA");
	if (readonly != MAP_FAILED)
		munmap(readonly, 4 * MIB);
	if (writable != MAP_FAILED)
		munmap(writable, 4 * MIB);
}

/*
 * Linux's start_brk and end_data - start_data for this program, from its
 * program headers as the ELF loader computes them: start_data and
 * end_data are the highest segment start and file end, the heap starts at
 * the page after the highest segment's memory end.
 */
static void data_layout(unsigned long *start_brk, unsigned long *data_size)
{
	const Elf64_Phdr *phdr = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long phnum = getauxval(AT_PHNUM), bias = 0;
	unsigned long start_data = 0, end_data = 0, elf_brk = 0;

	for (unsigned long i = 0; i < phnum; i++)
		if (phdr[i].p_type == PT_PHDR)
			bias = (unsigned long)phdr - phdr[i].p_vaddr;
	for (unsigned long i = 0; i < phnum; i++) {
		unsigned long vaddr = bias + phdr[i].p_vaddr;

		if (phdr[i].p_type != PT_LOAD)
			continue;
		if (vaddr > start_data)
			start_data = vaddr;
		if (vaddr + phdr[i].p_filesz > end_data)
			end_data = vaddr + phdr[i].p_filesz;
		if (vaddr + phdr[i].p_memsz > elf_brk)
			elf_brk = vaddr + phdr[i].p_memsz;
	}
	*start_brk = PAGE_ALIGN(elf_brk);
	*data_size = end_data - start_data;
}

/*
 * brk under RLIMIT_DATA: check_data_rlimit runs on the byte value of the
 * new break, before it is rounded to pages and before the shrinking case:
 * (brk - start_brk) + (end_data - start_data) may not pass the limit.
 */
static void test_rlimit_data_brk(void)
{
	unsigned long start_brk, data_size, brk0, base, limit, at, over, below, shrink;

	data_layout(&start_brk, &data_size);
	brk0 = syscall(SYS_brk, 0);
	base = PAGE_ALIGN(brk0) + PAGE;
	syscall(SYS_brk, base + 0x800);		/* the heap now maps [.., base + PAGE) */
	limit = (base + 0x900 - start_brk) + data_size;
	set_limit(RLIMIT_DATA, limit, RLIM_INFINITY);
	at = syscall(SYS_brk, base + 0x900);
	over = syscall(SYS_brk, base + 0x901);
	below = syscall(SYS_brk, base + 0x700);
	set_limit(RLIMIT_DATA, limit - 0x300, RLIM_INFINITY);	/* now base + 0x600 is the most */
	shrink = syscall(SYS_brk, base + 0x650);
	set_limit(RLIMIT_DATA, RLIM_INFINITY, RLIM_INFINITY);
	syscall(SYS_brk, brk0);
	check(brk0 >= start_brk && at == base + 0x900,
	      "RLIMIT_DATA: brk to exactly (limit - data size) above start_brk works");
	check(over == base + 0x900, "RLIMIT_DATA: one byte more is refused, inside a mapped page");
	check(below == base + 0x700, "RLIMIT_DATA: a break below the limit works");
	check(shrink == base + 0x700, "RLIMIT_DATA: shrinking to a break still over the limit is refused");
	check(syscall(SYS_brk, 0) == (long)brk0, "the break is back where it was");
}

/* ---- mremap ---- */

/*
 * @pages pages between two PROT_NONE guard pages, which keep the range
 * from merging with its neighbours: the address of the first, or NULL.
 */
static char *map_guarded(unsigned long pages)
{
	char *area = map((pages + 2) * PAGE);

	if (!area)
		return NULL;
	mprotect(area, PAGE, PROT_NONE);
	mprotect(area + (pages + 1) * PAGE, PAGE, PROT_NONE);
	return area + PAGE;
}

static void test_mremap_grow(void)
{
	char *p = map_guarded(4), *q, *moved;

	if (!p) {
		check(0, "mmap for the mremap tests");
		return;
	}
	munmap(p + 2 * PAGE, 2 * PAGE);
	memset(p, 'a', 2 * PAGE);
	q = mremap(p, 2 * PAGE, 4 * PAGE, 0);
	check(q == p && all_bytes(p, 2 * PAGE, 'a') && all_bytes(p + 2 * PAGE, 2 * PAGE, 0),
	      "mremap grows in place into free pages: old bytes kept, new pages zero");
	check(count_vmas(p, 4 * PAGE) == 1, "the grown mapping is one VMA");
	mprotect(p + 3 * PAGE, PAGE, PROT_READ);	/* now a different VMA follows [p, p + 3 pages) */
	errno = 0;
	check(mremap(p, 3 * PAGE, 4 * PAGE, 0) == MAP_FAILED && errno == ENOMEM,
	      "without MREMAP_MAYMOVE a mapping cannot grow into the next one: ENOMEM");
	moved = mremap(p, 3 * PAGE, 8 * PAGE, MREMAP_MAYMOVE);
	check(moved != MAP_FAILED && moved != p && all_bytes(moved, 2 * PAGE, 'a') &&
	      all_bytes(moved + 2 * PAGE, 6 * PAGE, 0),
	      "MREMAP_MAYMOVE moves it: the same bytes at the new address");
	check(!is_mapped(p) && is_mapped(p + 3 * PAGE), "the old range is unmapped, its neighbour kept");
	q = mremap(moved, 8 * PAGE, PAGE, 0);
	check(q == moved && is_mapped(moved) && !is_mapped(moved + PAGE),
	      "shrinking returns the same address and unmaps the tail");
	munmap(moved, PAGE);
	munmap(p - PAGE, 6 * PAGE);
}

static void test_mremap_fixed_dontunmap(void)
{
	char *p = map(2 * PAGE), *target = map(4 * PAGE), *q, *d;

	if (!p || !target) {
		check(0, "mmap for MREMAP_FIXED");
		return;
	}
	memset(p, 'c', 2 * PAGE);
	memset(target, 'd', 4 * PAGE);
	q = mremap(p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, target + PAGE);
	check(q == target + PAGE && all_bytes(q, 2 * PAGE, 'c') && all_bytes(target, PAGE, 'd') &&
	      all_bytes(target + 3 * PAGE, PAGE, 'd') && !is_mapped(p),
	      "MREMAP_FIXED replaces what was at the new address");
	d = mremap(q, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
	check(d != MAP_FAILED && d != q && all_bytes(d, 2 * PAGE, 'c'),
	      "MREMAP_DONTUNMAP moves the pages");
	check(is_mapped(q) && all_bytes(q, 2 * PAGE, 0), "MREMAP_DONTUNMAP leaves the old range mapped and empty");
	munmap(target, 4 * PAGE);
	if (d != MAP_FAILED)
		munmap(d, 2 * PAGE);
}

/* mremap's own errors, through the raw system call. */
static long raw_mremap(void *addr, size_t old_len, size_t new_len, unsigned long flags,
		       void *new_addr)
{
	errno = 0;
	return syscall(SYS_mremap, addr, old_len, new_len, flags, new_addr);
}

static void test_mremap_errors(void)
{
	char *p = map(3 * PAGE);

	if (!p) {
		check(0, "mmap for the mremap errors");
		return;
	}
	munmap(p + 2 * PAGE, PAGE);	/* p + 2 pages: a hole */
	check(raw_mremap(p + 1, PAGE, PAGE, 0, 0) == -1 && errno == EINVAL,
	      "mremap of an unaligned address: EINVAL");
	check(raw_mremap(p, PAGE, PAGE, 8, 0) == -1 && errno == EINVAL, "an unknown flag: EINVAL");
	check(raw_mremap(p, PAGE, 2 * PAGE, MREMAP_FIXED, p + 10 * PAGE) == -1 && errno == EINVAL,
	      "MREMAP_FIXED without MREMAP_MAYMOVE: EINVAL");
	check(raw_mremap(p, PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0) == -1 &&
	      errno == EINVAL, "MREMAP_DONTUNMAP with a new size: EINVAL");
	check(raw_mremap(p, PAGE, 0, MREMAP_MAYMOVE, 0) == -1 && errno == EINVAL,
	      "a new size of 0: EINVAL");
	check(raw_mremap(p + 2 * PAGE, PAGE, 2 * PAGE, MREMAP_MAYMOVE, 0) == -1 && errno == EFAULT,
	      "an unmapped address: EFAULT");
	check(raw_mremap(p, 3 * PAGE, 4 * PAGE, MREMAP_MAYMOVE, 0) == -1 && errno == EFAULT,
	      "an old size past the mapping's end: EFAULT");
	check(raw_mremap(p, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, p + PAGE) == -1 &&
	      errno == EINVAL, "MREMAP_FIXED onto an overlapping range: EINVAL");
	check(raw_mremap(p, 0, PAGE, MREMAP_MAYMOVE, 0) == -1 && errno == EINVAL,
	      "an old size of 0 for a private mapping: EINVAL");
	munmap(p, 2 * PAGE);
}

static void test_realloc(void)
{
	unsigned char *block = malloc(MIB), *bigger;
	int ok = block != NULL;

	for (size_t i = 0; ok && i < MIB; i++)
		block[i] = (unsigned char)(i * 7);
	bigger = ok ? realloc(block, 8 * MIB) : NULL;
	ok = bigger != NULL;
	for (size_t i = 0; ok && i < MIB; i++)
		ok = bigger[i] == (unsigned char)(i * 7);
	check(ok, "realloc of a 1 MiB block to 8 MiB keeps its bytes");
	free(ok ? bigger : block);
}

/* ---- madvise ---- */

static void test_madvise_dontneed(void)
{
	char *p = map(4 * PAGE);
	unsigned char vec[4] = { 9, 9, 9, 9 };

	if (!p) {
		check(0, "mmap for madvise");
		return;
	}
	memset(p, 'x', 4 * PAGE);
	check(madvise(p + PAGE, 2 * PAGE, MADV_DONTNEED) == 0, "MADV_DONTNEED of two pages");
	mincore(p, 4 * PAGE, vec);
	check(vec[0] == 1 && vec[1] == 0 && vec[2] == 0 && vec[3] == 1,
	      "mincore: the advised pages are gone, the others resident");
	check(all_bytes(p + PAGE, 2 * PAGE, 0) && all_bytes(p, PAGE, 'x') &&
	      all_bytes(p + 3 * PAGE, PAGE, 'x'), "the next read finds zeroes there, the data elsewhere");

	memset(p, 'y', PAGE);
	check(madvise(p, PAGE, MADV_FREE) == 0 && (all_bytes(p, PAGE, 'y') || all_bytes(p, PAGE, 0)),
	      "MADV_FREE: the page reads its old bytes or zeroes");
	memset(p, 'z', PAGE);
	check(all_bytes(p, PAGE, 'z'), "a write after MADV_FREE stays");

	memset(p, 'w', 4 * PAGE);
	munmap(p + PAGE, PAGE);
	errno = 0;
	check(madvise(p, 4 * PAGE, MADV_DONTNEED) == -1 && errno == ENOMEM &&
	      all_bytes(p + 3 * PAGE, PAGE, 0) && all_bytes(p, PAGE, 0),
	      "madvise over a hole: ENOMEM, the mapped parts advised all the same");
	errno = 0;
	check(madvise(p, PAGE, 999) == -1 && errno == EINVAL, "unknown advice: EINVAL");
	errno = 0;
	check(madvise(p + 1, PAGE, MADV_DONTNEED) == -1 && errno == EINVAL,
	      "madvise of an unaligned address: EINVAL");
	check(madvise(p, 0, MADV_DONTNEED) == 0, "madvise of 0 bytes: 0");
	munmap(p, 4 * PAGE);
}

static void test_madvise_hints(void)
{
	static const int hints[] = { MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED,
				     MADV_COLD, MADV_PAGEOUT, MADV_DONTDUMP, MADV_DODUMP };
	char *p = map(2 * PAGE), *none;
	int ok = p != NULL;
	unsigned char vec[2];

	if (ok)
		memset(p, 'h', 2 * PAGE);
	for (unsigned int i = 0; ok && i < sizeof(hints) / sizeof(hints[0]); i++)
		ok = madvise(p, 2 * PAGE, hints[i]) == 0;
	check(ok && all_bytes(p, 2 * PAGE, 'h'),
	      "hints (NORMAL, RANDOM, SEQUENTIAL, WILLNEED, COLD, PAGEOUT, DONTDUMP, DODUMP) keep the data");
	if (p) {
		madvise(p, 2 * PAGE, MADV_DONTNEED);
		check(madvise(p, 2 * PAGE, MADV_POPULATE_WRITE) == 0 && mincore(p, 2 * PAGE, vec) == 0 &&
		      vec[0] == 1 && vec[1] == 1, "MADV_POPULATE_WRITE faults every page in");
		munmap(p, 2 * PAGE);
	}
	none = mmap(NULL, PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	errno = 0;
	check(none != MAP_FAILED && madvise(none, PAGE, MADV_POPULATE_READ) == -1 && errno == EINVAL,
	      "MADV_POPULATE_READ of PROT_NONE memory: EINVAL");
	munmap(none, PAGE);
}

/* In a child: 0 if the MADV_DONTFORK page at @addr + PAGE is missing and its neighbours are there. */
static int dontfork_page_missing(unsigned long addr)
{
	char *p = (char *)addr;

	return !is_mapped(p + PAGE) && is_mapped(p) && p[0] == 'f' && p[2 * PAGE] == 'f' ? 0 : 1;
}

/* In a child: 0 if the MADV_WIPEONFORK page at @addr reads zeroes. */
static int wiped_page_is_zero(unsigned long addr)
{
	return all_bytes((char *)addr, PAGE, 0) ? 0 : 1;
}

static void test_madvise_fork(void)
{
	char *p = map_guarded(3), *w = map(PAGE);

	if (!p || !w) {
		check(0, "mmap for the fork advice");
		return;
	}
	memset(p, 'f', 3 * PAGE);
	memset(w, 'g', PAGE);
	check(madvise(p + PAGE, PAGE, MADV_DONTFORK) == 0 && count_vmas(p, 3 * PAGE) == 3,
	      "MADV_DONTFORK of the middle page splits the mapping in three VMAs");
	check(child_exit_status(dontfork_page_missing, (unsigned long)p) == 0,
	      "a forked child has no MADV_DONTFORK page");
	check(madvise(p + PAGE, PAGE, MADV_DOFORK) == 0 && count_vmas(p, 3 * PAGE) == 1,
	      "MADV_DOFORK merges the VMAs again");
	check(madvise(w, PAGE, MADV_WIPEONFORK) == 0 &&
	      child_exit_status(wiped_page_is_zero, (unsigned long)w) == 0 && all_bytes(w, PAGE, 'g'),
	      "MADV_WIPEONFORK: the child reads zeroes, the parent keeps its data");
	munmap(p - PAGE, 5 * PAGE);
	munmap(w, PAGE);
}

/* ---- mincore ---- */

static void test_mincore(void)
{
	char *p = map(4 * PAGE);
	unsigned char vec[4] = { 9, 9, 9, 9 }, stack_vec;
	volatile char sink;

	if (!p) {
		check(0, "mmap for mincore");
		return;
	}
	check(mincore(p, 4 * PAGE, vec) == 0 && !vec[0] && !vec[1] && !vec[2] && !vec[3],
	      "mincore: no page of a new mapping is resident");
	sink = p[0];			/* a read maps the zero page */
	p[2 * PAGE] = 1;		/* a write, a page of its own */
	(void)sink;
	check(mincore(p, 4 * PAGE, vec) == 0 && vec[0] == 1 && vec[1] == 0 && vec[2] == 1 && vec[3] == 0,
	      "a read and a write make just those pages resident");
	check(mincore((char *)((unsigned long)&stack_vec & ~(PAGE - 1)), 1, &stack_vec) == 0 &&
	      stack_vec == 1, "the stack page in use is resident");
	errno = 0;
	check(mincore(p + 1, PAGE, vec) == -1 && errno == EINVAL, "mincore of an unaligned address: EINVAL");
	munmap(p + 3 * PAGE, PAGE);
	errno = 0;
	check(mincore(p, 4 * PAGE, vec) == -1 && errno == ENOMEM, "a range with an unmapped page: ENOMEM");
	errno = 0;
	check(mincore(p, PAGE, (unsigned char *)8) == -1 && errno == EFAULT,
	      "a vector that cannot be written: EFAULT");
	munmap(p, 3 * PAGE);
}

/* ---- glibc's malloc giving memory back ---- */

#define TRIM_BLOCKS	64
#define TRIM_BLOCK_SIZE	(16 * 1024)	/* below the mmap threshold: from the heap */

#ifdef __GLIBC__
/* Where the barrier block escapes to, so that the compiler keeps its malloc and free. */
static void *volatile trim_barrier;

static void test_malloc_trim(void)
{
	char *blocks[TRIM_BLOCKS], *top0 = sbrk(0), *top1, *top2, *barrier;
	unsigned char vec[TRIM_BLOCKS * TRIM_BLOCK_SIZE / PAGE];
	unsigned long first, last;
	int resident = 0, pages;

	mallopt(M_TRIM_THRESHOLD, 128 * 1024);	/* the default, and no longer moved by free */
	for (int i = 0; i < TRIM_BLOCKS; i++)
		memset(blocks[i] = malloc(TRIM_BLOCK_SIZE), 1, TRIM_BLOCK_SIZE);
	top1 = sbrk(0);
	for (int i = TRIM_BLOCKS - 1; i >= 0; i--)
		free(blocks[i]);
	top2 = sbrk(0);
	check(top1 - top0 >= 512 * 1024 && top1 - top2 >= 512 * 1024,
	      "glibc: freeing the top of the heap shrinks the break");

	for (int i = 0; i < TRIM_BLOCKS; i++)
		memset(blocks[i] = malloc(TRIM_BLOCK_SIZE), 1, TRIM_BLOCK_SIZE);
	/* keeps the freed blocks from the top chunk; as big as they are, so from the top itself */
	trim_barrier = barrier = malloc(TRIM_BLOCK_SIZE);
	for (int i = 0; i < TRIM_BLOCKS; i++)
		free(blocks[i]);
	check(malloc_trim(0) == 1, "glibc: malloc_trim gives free chunks inside the heap back");
	first = PAGE_ALIGN((unsigned long)blocks[0] + PAGE);
	last = ((unsigned long)blocks[TRIM_BLOCKS - 1] + TRIM_BLOCK_SIZE - PAGE) & ~(PAGE - 1);
	pages = (last - first) / PAGE;
	if (mincore((void *)first, last - first, vec)) {
		test_print("# mincore errno %d\n", errno);
		resident = -1;
	}
	for (int i = 0; resident >= 0 && i < pages; i++)
		resident += vec[i] & 1;
	test_print("# %d of the %d pages inside the freed blocks resident\n", resident, pages);
	check(pages > 200 && resident == 0, "glibc: the trimmed pages are no longer resident (mincore)");
	free(barrier);
}
#else
static void test_malloc_trim(void)
{
	skip("glibc: freeing the top of the heap shrinks the break", "not glibc");
	skip("glibc: malloc_trim gives free chunks inside the heap back", "not glibc");
	skip("glibc: the trimmed pages are no longer resident (mincore)", "not glibc");
}
#endif

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--check-limits") == 0)
		return has_inherited_limits(0);
	if (argc > 1 && strcmp(argv[1], "--check-mmap-base") == 0)
		return mmap_below_low_base();
	self_path = argv[0];

	test_plan(77);
	test_rlimit_rules();
	test_proc_limits();
	test_rlimit_inheritance();
	test_rlimit_nofile();
	test_rlimit_nproc();
	test_rlimit_stack();
	test_rlimit_as();
	test_rlimit_data_mmap();
	test_rlimit_data_brk();
	test_mremap_grow();
	test_mremap_fixed_dontunmap();
	test_mremap_errors();
	test_malloc_trim();
	test_realloc();
	test_madvise_dontneed();
	test_madvise_hints();
	test_madvise_fork();
	test_mincore();
	return test_exit_status();
}
