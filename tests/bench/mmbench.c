// SPDX-License-Identifier: MIT
/*
 * mmbench - the cost of each memory-management system call, in guest
 * instructions, on this kernel and on Linux 6.1 (issue 11).
 *
 * One freestanding static program: no libc, only raw x86-64 `syscall`s
 * with Linux's numbers and arguments, so the same binary runs as
 * /bin/mmbench on this kernel and as /init on Linux. Each operation is
 * bracketed by rdtsc and averaged over many repetitions. Under QEMU with
 * `-icount shift=4,sleep=off` the guest TSC advances 16 ticks per guest
 * instruction (virtual nanoseconds, 2^4 per instruction), so a delta / 16
 * is an instruction count that repeats exactly from run to run.
 *
 *   mmbench [--brief] [--only getpid|brk|mmap|fork|none] [--vmas N]
 *           [--reps R] [--poweroff]
 *
 * --brief     few repetitions, VMA levels 0 and 1000 only (for make test)
 * --only OP   that benchmark alone (for scripts/profile: brk is grow, fault
 *             and shrink; mmap is mmap and munmap; none creates the VMAs
 *             and measures nothing, the baseline to subtract)
 * --vmas N    with --only: create N VMAs first (default none)
 * --reps R    with --only: repetitions instead of the plan's (not fork)
 * --poweroff  end with reboot(POWER_OFF) instead of exit (Linux's /init,
 *             where init exiting would be a panic)
 *
 * Output, one line per figure (scripts/bench parses it):
 *   mmbench start tsc=T                  TSC at the first user instruction
 *   mmbench max_map_count ...            whether the VMA limit could be raised
 *   mmbench vmas=N [limit=L] created=M [error=E]
 *                                        VMAs created for the next level; at
 *                                        a VMA limit (L made, then mmap failed
 *                                        with E) a few are given back
 *   mmbench op=NAME vmas=N reps=R insns=A.A min=B ticks=C
 *   mmbench done status=S
 * A failing system call prints "mmbench error ..." and the exit status is 1.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define __NR_read		0
#define __NR_write		1
#define __NR_open		2
#define __NR_close		3
#define __NR_mmap		9
#define __NR_mprotect		10
#define __NR_munmap		11
#define __NR_brk		12
#define __NR_getpid		39
#define __NR_fork		57
#define __NR_exit		60
#define __NR_wait4		61
#define __NR_mkdir		83
#define __NR_mount		165
#define __NR_reboot		169
#define __NR_exit_group		231

#define PROT_NONE		0x0
#define PROT_READ		0x1
#define PROT_WRITE		0x2
#define MAP_PRIVATE		0x02
#define MAP_ANONYMOUS		0x20
#define O_WRONLY		1
#define O_RDWR			2
#define EBADF			9

#define PAGE_SIZE		4096UL
#define TICKS_PER_INSN		16	/* -icount shift=4: 2^4 ns of virtual time per instruction */
#define FORK_HEAP_SIZE		(16UL << 20)
#define WANTED_MAX_MAP_COUNT	"262144\n"
#define DEFAULT_MAX_MAP_COUNT	65530	/* vm.max_map_count at boot, on Linux and here */

/* The repetitions of each measurement, and the VMA levels, per mode. */
struct bench_plan {
	unsigned long reps;		/* getpid, brk, fault, mmap, munmap */
	unsigned long fork_reps;	/* fork + exit + wait4 */
	const unsigned long *levels;	/* extra VMAs before each round, ascending */
	unsigned long nr_levels;
};

static const unsigned long full_levels[] = { 0, 1000, 10000, 100000 };
static const unsigned long brief_levels[] = { 0, 1000 };
static const struct bench_plan full_plan = { 4000, 40, full_levels, 4 };
static const struct bench_plan brief_plan = { 50, 2, brief_levels, 2 };

/*
 * Written by _start before anything else. Kept in .data so the RW segment
 * has file contents: this kernel's ELF loader refuses (-EINVAL) a PT_LOAD
 * with p_filesz == 0, which Linux accepts (a bss-only segment).
 */
__attribute__((section(".data"))) uint64_t start_tsc;
static int failures;

/* ---- raw system calls ---- */

static long syscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

static long syscall3(long nr, long a1, long a2, long a3)
{
	return syscall6(nr, a1, a2, a3, 0, 0, 0);
}

static inline uint64_t rdtsc(void)
{
	uint32_t low, high;

	/* lfence: the read is not hoisted above the work being measured */
	__asm__ volatile("lfence; rdtsc" : "=a"(low), "=d"(high) :: "memory");
	return ((uint64_t)high << 32) | low;
}

static long sys_brk(unsigned long addr)
{
	return syscall3(__NR_brk, (long)addr, 0, 0);
}

static long sys_mmap_anon(unsigned long len, int prot)
{
	return syscall6(__NR_mmap, 0, (long)len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static long sys_munmap(unsigned long addr, unsigned long len)
{
	return syscall3(__NR_munmap, (long)addr, (long)len, 0);
}

static __attribute__((noreturn)) void sys_exit_group(int status)
{
	for (;;)
		syscall3(__NR_exit_group, status, 0, 0);
}

/* ---- output without a libc ---- */

static size_t string_length(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static bool strings_equal(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* A decimal number; parsing stops at the first non-digit. */
static unsigned long parse_unsigned(const char *s)
{
	unsigned long value = 0;

	while (*s >= '0' && *s <= '9')
		value = value * 10 + (unsigned long)(*s++ - '0');
	return value;
}

/* Write all of @s to standard output; Linux's /init may start without fd 1. */
static void put_string(const char *s)
{
	size_t left = string_length(s);
	long written;

	while (left) {
		written = syscall3(__NR_write, 1, (long)s, (long)left);
		if (written == -EBADF) {
			long fd = syscall3(__NR_open, (long)"/dev/console", O_RDWR, 0);

			/* the lowest free number comes back: 0, then 1 */
			if (fd < 0 || fd > 1)
				return;
			continue;
		}
		if (written <= 0)
			return;
		s += written;
		left -= (size_t)written;
	}
}

/* Append the decimal digits of @value to @p; return the new end. */
static char *format_unsigned(char *p, uint64_t value)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = (char)('0' + value % 10);
		value /= 10;
	} while (value);
	while (n)
		*p++ = digits[--n];
	return p;
}

static char *format_signed(char *p, int64_t value)
{
	if (value < 0) {
		*p++ = '-';
		return format_unsigned(p, (uint64_t)-value);
	}
	return format_unsigned(p, (uint64_t)value);
}

static char *format_string(char *p, const char *s)
{
	while (*s)
		*p++ = *s++;
	return p;
}

static void report_error(const char *what, long error)
{
	char line[128], *p = line;

	p = format_string(p, "mmbench error ");
	p = format_string(p, what);
	p = format_string(p, " returned ");
	p = format_signed(p, error);
	*p++ = '\n';
	*p = 0;
	put_string(line);
	failures++;
}

/* ---- statistics ---- */

struct sample {
	uint64_t total;		/* sum of the TSC deltas */
	uint64_t min;
	uint64_t count;
};

static uint64_t tsc_overhead;	/* delta of an empty rdtsc pair, subtracted from every sample */

static void sample_add(struct sample *s, uint64_t start, uint64_t end)
{
	uint64_t delta = end - start;

	delta = delta > tsc_overhead ? delta - tsc_overhead : 0;
	s->total += delta;
	if (!s->count || delta < s->min)
		s->min = delta;
	s->count++;
}

/* "mmbench op=NAME vmas=N reps=R insns=A.A min=B ticks=C": averages in instructions. */
static void report(const char *name, unsigned long vmas, const struct sample *s)
{
	char line[160], *p = line;
	uint64_t tenths = s->count ? s->total * 10 / TICKS_PER_INSN / s->count : 0;

	p = format_string(p, "mmbench op=");
	p = format_string(p, name);
	p = format_string(p, " vmas=");
	p = format_unsigned(p, vmas);
	p = format_string(p, " reps=");
	p = format_unsigned(p, s->count);
	p = format_string(p, " insns=");
	p = format_unsigned(p, tenths / 10);
	*p++ = '.';
	p = format_unsigned(p, tenths % 10);
	p = format_string(p, " min=");
	p = format_unsigned(p, s->min / TICKS_PER_INSN);
	p = format_string(p, " ticks=");
	p = format_unsigned(p, s->total);
	*p++ = '\n';
	*p = 0;
	put_string(line);
}

/* ---- the measurements ---- */

static void measure_tsc_overhead(void)
{
	uint64_t best = ~0ULL, a, b;
	int i;

	for (i = 0; i < 1000; i++) {
		a = rdtsc();
		b = rdtsc();
		if (b - a < best)
			best = b - a;
	}
	tsc_overhead = best;
}

static void bench_getpid(unsigned long vmas, unsigned long reps)
{
	struct sample s = { 0 };
	uint64_t a;
	unsigned long i;

	for (i = 0; i < reps; i++) {
		a = rdtsc();
		syscall3(__NR_getpid, 0, 0, 0);
		sample_add(&s, a, rdtsc());
	}
	report("getpid", vmas, &s);
}

/*
 * brk up one page, write the new page (its first-touch fault), brk down
 * one page, @reps times. The heap keeps one page below the measured one,
 * so growing extends an existing VMA and shrinking trims it, as for a
 * malloc that moves the break; no VMA is created or removed.
 */
static void bench_brk(unsigned long vmas, unsigned long reps)
{
	struct sample grow = { 0 }, fault = { 0 }, shrink = { 0 };
	unsigned long base = (unsigned long)sys_brk(0), i;
	uint64_t a;
	long ret;

	ret = sys_brk(base + PAGE_SIZE);
	if (ret != (long)(base + PAGE_SIZE)) {
		report_error("brk(base + 1 page)", ret);
		return;
	}
	*(volatile char *)base = 1;
	base += PAGE_SIZE;
	for (i = 0; i < reps; i++) {
		a = rdtsc();
		ret = sys_brk(base + PAGE_SIZE);
		sample_add(&grow, a, rdtsc());
		if (ret != (long)(base + PAGE_SIZE)) {
			report_error("brk grow", ret);
			return;
		}
		a = rdtsc();
		*(volatile char *)base = 1;
		sample_add(&fault, a, rdtsc());
		a = rdtsc();
		ret = sys_brk(base);
		sample_add(&shrink, a, rdtsc());
		if (ret != (long)base) {
			report_error("brk shrink", ret);
			return;
		}
	}
	sys_brk(base - PAGE_SIZE);
	report("brk_grow", vmas, &grow);
	report("page_fault", vmas, &fault);
	report("brk_shrink", vmas, &shrink);
}

/* mmap one private anonymous read-write page, then munmap it, @reps times. */
static void bench_mmap(unsigned long vmas, unsigned long reps)
{
	struct sample map = { 0 }, unmap = { 0 };
	unsigned long i;
	uint64_t a;
	long addr, ret;

	for (i = 0; i < reps; i++) {
		a = rdtsc();
		addr = sys_mmap_anon(PAGE_SIZE, PROT_READ | PROT_WRITE);
		sample_add(&map, a, rdtsc());
		if (addr < 0 && addr > -4096) {
			report_error("mmap", addr);
			return;
		}
		a = rdtsc();
		ret = sys_munmap((unsigned long)addr, PAGE_SIZE);
		sample_add(&unmap, a, rdtsc());
		if (ret) {
			report_error("munmap", ret);
			return;
		}
	}
	report("mmap", vmas, &map);
	report("munmap", vmas, &unmap);
}

/*
 * fork + exit + wait4 of a process whose heap holds 16 MiB of written
 * pages: the parent's time from before fork to wait4's return, which
 * covers copying the page tables (copy-on-write) and tearing down the
 * child's address space.
 */
static void bench_fork(unsigned long vmas, unsigned long reps)
{
	struct sample s = { 0 };
	unsigned long base = (unsigned long)sys_brk(0), p, i;
	uint64_t a;
	long pid, ret;
	int status;

	ret = sys_brk(base + FORK_HEAP_SIZE);
	if (ret != (long)(base + FORK_HEAP_SIZE)) {
		report_error("brk(+16 MiB)", ret);
		return;
	}
	for (p = base; p < base + FORK_HEAP_SIZE; p += PAGE_SIZE)
		*(volatile char *)p = 1;
	for (i = 0; i < reps; i++) {
		a = rdtsc();
		pid = syscall3(__NR_fork, 0, 0, 0);
		if (pid == 0)
			for (;;)
				syscall3(__NR_exit, 0, 0, 0);
		if (pid < 0) {
			report_error("fork", pid);
			break;
		}
		status = -1;
		ret = syscall6(__NR_wait4, pid, (long)&status, 0, 0, 0, 0);
		sample_add(&s, a, rdtsc());
		if (ret != pid || status != 0) {
			report_error("wait4", ret != pid ? ret : status);
			break;
		}
	}
	sys_brk(base);
	if (s.count == reps)
		report("fork_exit_wait_16M", vmas, &s);
}

#define LIMIT_HEADROOM	16	/* VMAs given back when the VMA limit stops creation */

/*
 * Create VMAs until @target exist beyond the start: one-page mappings,
 * each below the last (top-down), alternating PROT_NONE and PROT_READ so
 * that no two neighbours can merge. The last one is never read-write, so
 * the measured read-write mmap next to it does not merge either. Returns
 * the number created so far. At the first error (the kernel's VMA limit)
 * the last LIMIT_HEADROOM mappings are unmapped again, so that the
 * measurements, which need a VMA or two of their own, can still run at
 * (nearly) the highest count the kernel allows; the line printed says so.
 */
static unsigned long create_vmas(unsigned long created, unsigned long target)
{
	static long recent[LIMIT_HEADROOM];
	char line[128], *p = line;
	long addr = 0, error = 0;
	unsigned long i;

	while (created < target) {
		addr = sys_mmap_anon(PAGE_SIZE, created & 1 ? PROT_NONE : PROT_READ);
		if (addr < 0 && addr > -4096) {
			error = addr;
			break;
		}
		recent[created % LIMIT_HEADROOM] = addr;
		created++;
	}
	p = format_string(p, "mmbench vmas=");
	p = format_unsigned(p, target);
	if (error) {
		p = format_string(p, " limit=");
		p = format_unsigned(p, created);
		for (i = 0; i < LIMIT_HEADROOM && created; i++) {
			if (sys_munmap((unsigned long)recent[(created - 1) % LIMIT_HEADROOM], PAGE_SIZE))
				break;
			created--;
		}
	}
	p = format_string(p, " created=");
	p = format_unsigned(p, created);
	if (error) {
		p = format_string(p, " error=");
		p = format_signed(p, error);
	}
	*p++ = '\n';
	*p = 0;
	put_string(line);
	return created;
}

/*
 * Linux's default vm.max_map_count (65530) is below the 100 000 VMAs
 * measured: raise it through /proc/sys/vm/max_map_count, mounting /proc
 * first if this is a bare initramfs. Reports whether it worked; where
 * the file does not exist the kernel's own limit stays.
 */
static void raise_max_map_count(void)
{
	const char *path = "/proc/sys/vm/max_map_count";
	long fd, written = 0;
	char line[96], *p = line;

	fd = syscall3(__NR_open, (long)path, O_WRONLY, 0);
	if (fd < 0) {
		syscall3(__NR_mkdir, (long)"/proc", 0555, 0);
		syscall6(__NR_mount, (long)"proc", (long)"/proc", (long)"proc", 0, 0, 0);
		fd = syscall3(__NR_open, (long)path, O_WRONLY, 0);
	}
	if (fd >= 0) {
		written = syscall3(__NR_write, fd, (long)WANTED_MAX_MAP_COUNT,
				   (long)string_length(WANTED_MAX_MAP_COUNT));
		syscall3(__NR_close, fd, 0, 0);
	}
	p = format_string(p, "mmbench max_map_count ");
	if (fd >= 0 && written > 0) {
		p = format_string(p, "raised=262144");
	} else {
		p = format_string(p, "unchanged open=");
		p = format_signed(p, fd < 0 ? fd : written);
	}
	*p++ = '\n';
	*p = 0;
	put_string(line);
}

/*
 * Run one benchmark alone (--only) after creating @vmas VMAs, @reps times
 * (fork: the plan's count); false if @name is unknown.
 */
static bool run_only(const struct bench_plan *plan, const char *name,
		     unsigned long vmas, unsigned long reps)
{
	if (vmas > DEFAULT_MAX_MAP_COUNT - LIMIT_HEADROOM)
		raise_max_map_count();
	if (vmas)
		vmas = create_vmas(0, vmas);
	measure_tsc_overhead();
	if (strings_equal(name, "getpid"))
		bench_getpid(vmas, reps);
	else if (strings_equal(name, "brk"))
		bench_brk(vmas, reps);
	else if (strings_equal(name, "mmap"))
		bench_mmap(vmas, reps);
	else if (strings_equal(name, "fork"))
		bench_fork(vmas, plan->fork_reps);
	else if (!strings_equal(name, "none"))
		return false;
	return true;
}

static void run(const struct bench_plan *plan)
{
	unsigned long created = 0, level, i;

	measure_tsc_overhead();
	for (i = 0; i < plan->nr_levels; i++) {
		level = plan->levels[i];
		if (level) {
			created = create_vmas(created, level);
			level = created;	/* report the count actually reached */
		}
		if (i == 0)
			bench_getpid(level, plan->reps);
		bench_brk(level, plan->reps);
		bench_mmap(level, plan->reps);
		if (i == 0)
			bench_fork(level, plan->fork_reps);
	}
}

int main(int argc, char **argv)
{
	const struct bench_plan *plan = &full_plan;
	const char *only = NULL;
	unsigned long vmas = 0, reps = 0;
	bool poweroff = false;
	char line[64], *p = line;
	int i;

	for (i = 1; i < argc; i++) {
		if (strings_equal(argv[i], "--brief"))
			plan = &brief_plan;
		else if (strings_equal(argv[i], "--poweroff"))
			poweroff = true;
		else if (strings_equal(argv[i], "--only") && i + 1 < argc)
			only = argv[++i];
		else if (strings_equal(argv[i], "--vmas") && i + 1 < argc)
			vmas = parse_unsigned(argv[++i]);
		else if (strings_equal(argv[i], "--reps") && i + 1 < argc)
			reps = parse_unsigned(argv[++i]);
	}
	p = format_string(p, "mmbench start tsc=");
	p = format_unsigned(p, start_tsc);
	*p++ = '\n';
	*p = 0;
	put_string(line);
	if (only) {
		if (!run_only(plan, only, vmas, reps ? reps : plan->reps))
			report_error("--only: no such benchmark", -22);
	} else {
		if (plan == &full_plan)
			raise_max_map_count();
		run(plan);
	}
	put_string(failures ? "mmbench done status=1\n" : "mmbench done status=0\n");
	if (poweroff) {
		/* LINUX_REBOOT_MAGIC1, MAGIC2, LINUX_REBOOT_CMD_POWER_OFF */
		syscall6(__NR_reboot, 0xfee1dead, 672274793, 0x4321fedc, 0, 0, 0);
	}
	return failures ? 1 : 0;
}

/*
 * The entry point: read the TSC before any other instruction of the
 * program, then call main(argc, argv) on a 16-byte aligned stack and exit
 * with its result. At entry %rsp points at argc, then argv[].
 */
__asm__(".text\n"
	".globl _start\n"
	"_start:\n"
	"	rdtsc\n"
	"	shl $32, %rdx\n"
	"	or %rdx, %rax\n"
	"	mov %rax, start_tsc(%rip)\n"
	"	mov (%rsp), %rdi\n"
	"	lea 8(%rsp), %rsi\n"
	"	and $-16, %rsp\n"
	"	call mmbench_main_and_exit\n"
	"	hlt\n");

__attribute__((noreturn, used)) void mmbench_main_and_exit(int argc, char **argv)
{
	sys_exit_group(main(argc, argv));
}
