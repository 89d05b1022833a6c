/*
 * The mmap, munmap and mprotect rules of anonymous memory (issue 8, item 3)
 * and their accounting (item 4), checked the same way on this kernel and on
 * a Linux host (build/user/bin/mmap_test runs on both). Prints KTAP
 * "ok N name" / "not ok N name" lines and exits 1 if any check failed.
 *
 * Layouts are read back from /proc/self/maps and compared as text, with
 * addresses relative to the start of the range under test. Output goes
 * through snprintf into a stack buffer and write(2): nothing here calls
 * malloc, so the only mappings are the ones the test makes.
 *
 * Where Linux 6.1's answer differs from what the wording suggests,
 * Linux wins; such places carry a "Linux:" comment.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <sys/raw_syscall.h>
#include "test.h"

#define PAGE		4096UL
#define MIB		(1024UL * 1024)
#define RW		(PROT_READ | PROT_WRITE)
#define ANON		(MAP_PRIVATE | MAP_ANONYMOUS)
#define KERNEL_ADDRESS	0xffff888000000000UL	/* the direct map of x86-64 Linux */
/* A free part of the address space on Linux and here: far below mmap_base, far above the heap. */
#define PLAYGROUND	0x300000000000UL
#define SLOT_PAGES	16UL
#define MAX_MAP_COUNT	65530L			/* Linux DEFAULT_MAX_MAP_COUNT */

static char text[1 << 20];			/* /proc files are read into this */

/* Did the last call fail with -1 and @expected in errno? (@result is its return value) */
static int fails_with(long result, int expected)
{
	return result == -1 && errno == expected;
}

static int map_fails_with(void *result, int expected)
{
	return result == MAP_FAILED && errno == expected;
}

/* The start of slot @index of the playground: slots are 16 pages apart, each test has its own. */
static unsigned long slot(unsigned long index)
{
	return PLAYGROUND + index * SLOT_PAGES * PAGE;
}

static void *map_fixed(unsigned long addr, unsigned long pages, int prot)
{
	return mmap((void *)addr, pages * PAGE, prot, ANON | MAP_FIXED, -1, 0);
}

/* Read the whole of @path into text[]; its length, or -1. */
static long read_text(const char *path)
{
	return read_file(path, text, sizeof(text));
}

/* The value in kB of line @key ("VmRSS:") of /proc/self/status, or -1. */
static long status_kb(const char *key)
{
	return read_kb("/proc/self/status", key);
}

/* The number of VMAs in this mm (Linux's map_count): the maps lines, [vsyscall] not counted. */
static long count_vmas(void)
{
	long lines = 0;

	if (read_text("/proc/self/maps") < 0)
		return -1;
	for (char *p = text; *p; p++)
		if (*p == '\n')
			lines++;
	if (strstr(text, "[vsyscall]"))
		lines--;	/* the x86 gate page is shown but is no VMA of the mm */
	return lines;
}

/* Is every byte of [addr, addr + n) equal to @value? */
static int all_bytes(unsigned long addr, unsigned long n, unsigned char value)
{
	const unsigned char *p = (const unsigned char *)addr;

	for (unsigned long i = 0; i < n; i++)
		if (p[i] != value)
			return 0;
	return 1;
}

/* Where the top-down mmap area starts on both kernels (no randomisation, 8 MiB stack). */
#define MMAP_BASE	0x7ffff7fff000UL

static unsigned long parse_hex(const char **p)
{
	unsigned long value = 0;

	for (;; (*p)++) {
		char c = **p;

		if (c >= '0' && c <= '9')
			value = value * 16 + (unsigned long)(c - '0');
		else if (c >= 'a' && c <= 'f')
			value = value * 16 + (unsigned long)(c - 'a' + 10);
		else
			return value;
	}
}

/*
 * Where mmap(NULL, len) must go, from /proc/self/maps: the top of the
 * highest free range below MMAP_BASE that holds len bytes (Linux's
 * unmapped_area_topdown), or 0 if none does.
 */
static unsigned long highest_fit(unsigned long len)
{
	unsigned long free_start = PAGE, best = 0;
	const char *p = text;

	if (read_text("/proc/self/maps") < 0)
		return 0;
	while (*p && free_start < MMAP_BASE) {
		unsigned long start = parse_hex(&p), end, free_end;

		p++;				/* the '-' */
		end = parse_hex(&p);
		free_end = start < MMAP_BASE ? start : MMAP_BASE;
		if (free_end > free_start && free_end - free_start >= len)
			best = free_end - len;
		if (end > free_start)
			free_start = end;
		while (*p && *p++ != '\n')
			;
	}
	if (free_start < MMAP_BASE && MMAP_BASE - free_start >= len)
		best = MMAP_BASE - len;
	return best;
}

/*
 * A long mix of mmap(NULL) and munmap of parts of those mappings, above
 * and below the last one: each mmap lands at the top of the highest free
 * range that holds it, as maps says just before.
 */
static void test_placement_sequence(void)
{
	static const unsigned long pages[] = { 1, 2, 3, 5, 8 };
	static unsigned long maps_at[64], maps_len[64];
	unsigned long seed = 8, wrong = 0, count = 0;
	int step;

	for (step = 0; step < 400; step++) {
		unsigned long r;

		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		r = seed >> 33;
		if (count < 64 && (r % 5 < 3 || count == 0)) {
			unsigned long len = pages[r / 8 % 5] * PAGE, want = highest_fit(len);
			unsigned long got = (unsigned long)mmap(NULL, len, r / 64 % 2 ? RW : PROT_READ,
							       ANON, -1, 0);

			if (got != want && wrong++ < 3)
				test_print("# step %d: %lu pages at 0x%lx, the highest fit 0x%lx\n",
					   step, len / PAGE, got, want);
			if (got != (unsigned long)MAP_FAILED) {
				maps_at[count] = got;
				maps_len[count++] = len;
			}
		} else {
			unsigned long i = r / 8 % count, first = r / 64 % (maps_len[i] / PAGE);

			munmap((void *)(maps_at[i] + first * PAGE), (1 + r / 512 % 3) * PAGE);
		}
	}
	check(wrong == 0, "400 steps of mmap(NULL) and munmap: each mapping at the highest fit");
	for (unsigned long i = 0; i < count; i++)
		munmap((void *)maps_at[i], maps_len[i]);
}

/* mmap(NULL) places top-down; a free hint is honoured, an occupied one is not. */
static void test_placement(void)
{
	unsigned long a, b, c, h, q;

	a = (unsigned long)mmap(NULL, PAGE, RW, ANON, -1, 0);
	b = (unsigned long)mmap(NULL, PAGE, RW, ANON, -1, 0);
	c = (unsigned long)mmap(NULL, PAGE, RW, ANON, -1, 0);
	test_print("# mmap(NULL) x 3: 0x%lx", a);
	test_print(" 0x%lx", b);
	test_print(" 0x%lx\n", c);
	check(a != (unsigned long)MAP_FAILED && b == a - PAGE && c == b - PAGE,
	      "mmap(NULL) x 3: top-down, each just below the previous");
	check_maps(c, a + PAGE, "0-3000 rw-p 00000000 00:00 0\n",
		   "the three adjacent mappings are one VMA in maps");
	check(munmap((void *)c, 3 * PAGE) == 0, "munmap the three");
	check_maps(c, a + PAGE, "", "nothing of them left in maps");

	h = (unsigned long)mmap((void *)PLAYGROUND, 64 * SLOT_PAGES * PAGE, PROT_NONE, ANON, -1, 0);
	check(h == PLAYGROUND, "a free hint is honoured");
	check_maps(h, h + 64 * SLOT_PAGES * PAGE, "0-400000 ---p 00000000 00:00 0\n",
		   "one ---p VMA at the hint");
	q = (unsigned long)mmap((void *)PLAYGROUND, PAGE, RW, ANON, -1, 0);
	check(q != (unsigned long)MAP_FAILED &&
	      (q < PLAYGROUND || q >= PLAYGROUND + 64 * SLOT_PAGES * PAGE),
	      "an occupied hint is not: the mapping goes elsewhere");
	check(all_bytes(q, PAGE, 0) && munmap((void *)q, PAGE) == 0, "it reads zeros; munmap it");
	check(munmap((void *)h, 64 * SLOT_PAGES * PAGE) == 0, "munmap the hinted mapping");

	/* Linux round_hint_to_min: the hint is taken page-aligned (rounded down) */
	q = (unsigned long)mmap((void *)(slot(1) + 123), PAGE, RW, ANON, -1, 0);
	check(q == slot(1), "an unaligned hint is rounded down to its page");
	munmap((void *)q, PAGE);

	/* Linux: a hint outside user space is ignored, not an error */
	q = (unsigned long)mmap((void *)KERNEL_ADDRESS, PAGE, RW, ANON, -1, 0);
	check(q != (unsigned long)MAP_FAILED && q < (1UL << 47),
	      "a kernel-address hint is ignored: a user address");
	munmap((void *)q, PAGE);
}

/* MAP_FIXED replaces what is there; MAP_FIXED_NOREPLACE refuses to. */
static void test_fixed(void)
{
	unsigned long x = slot(2);

	check(map_fixed(x, 4, RW) == (void *)x, "MAP_FIXED 4 pages");
	check_maps(x, x + 4 * PAGE, "0-4000 rw-p 00000000 00:00 0\n", "one VMA of 4 pages");
	memset((void *)x, 0x5a, 4 * PAGE);
	check(map_fixed(x + PAGE, 2, RW) == (void *)(x + PAGE),
	      "MAP_FIXED over the middle 2 pages returns its address");
	check(all_bytes(x + PAGE, 2 * PAGE, 0), "the replaced pages read as zero");
	check(all_bytes(x, PAGE, 0x5a) && all_bytes(x + 3 * PAGE, PAGE, 0x5a),
	      "the pages around keep their contents");
	/* same flags, same anon_vma on both sides: Linux merges all three back */
	check_maps(x, x + 4 * PAGE, "0-4000 rw-p 00000000 00:00 0\n",
		   "the replacement merges with both neighbours: one VMA");
	check(map_fixed(x + PAGE, 1, PROT_READ) == (void *)(x + PAGE),
	      "MAP_FIXED PROT_READ over page 1");
	check_maps(x, x + 4 * PAGE,
		   "0-1000 rw-p 00000000 00:00 0\n"
		   "1000-2000 r--p 00000000 00:00 0\n"
		   "2000-4000 rw-p 00000000 00:00 0\n",
		   "maps: rw-p, r--p, rw-p");

	check(map_fails_with(mmap((void *)x, PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0),
			     EEXIST), "MAP_FIXED_NOREPLACE over a mapping: EEXIST");
	check(map_fails_with(mmap((void *)(x - PAGE), 2 * PAGE, RW,
				  ANON | MAP_FIXED_NOREPLACE, -1, 0), EEXIST),
	      "MAP_FIXED_NOREPLACE overlapping the start of a mapping: EEXIST");
	check(all_bytes(x, PAGE, 0x5a), "the refused mapping left the contents alone");
	check(mmap((void *)(x + 4 * PAGE), PAGE, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0) ==
	      (void *)(x + 4 * PAGE), "MAP_FIXED_NOREPLACE on a free range: that address");
	check_maps(x, x + 5 * PAGE,
		   "0-1000 rw-p 00000000 00:00 0\n"
		   "1000-2000 r--p 00000000 00:00 0\n"
		   "2000-5000 rw-p 00000000 00:00 0\n",
		   "the new page merges with the rw-p VMA below it");
	check(munmap((void *)x, 5 * PAGE) == 0, "munmap them");
	check_maps(x, x + 5 * PAGE, "", "nothing left in maps");
}

/* munmap of any range: middle, spanning, both ends partially, nothing, the heap. */
static void test_munmap(void)
{
	unsigned long y = slot(3), z = slot(4), start;

	check(map_fixed(y, 5, RW) == (void *)y, "map 5 pages");
	check_maps(y, y + 5 * PAGE, "0-5000 rw-p 00000000 00:00 0\n", "one VMA of 5 pages");
	memset((void *)y, 3, 5 * PAGE);
	check(munmap((void *)(y + 2 * PAGE), PAGE) == 0, "munmap the middle page");
	check_maps(y, y + 5 * PAGE,
		   "0-2000 rw-p 00000000 00:00 0\n"
		   "3000-5000 rw-p 00000000 00:00 0\n",
		   "the mapping is split in two");
	check(dies_of_sigsegv(poke, y + 2 * PAGE), "touching the unmapped page: SIGSEGV");
	check(survives(poke, y + 2 * PAGE - 1) && survives(poke, y + 3 * PAGE),
	      "touching either side: fine");
	check(all_bytes(y, 2 * PAGE, 3) && all_bytes(y + 3 * PAGE, 2 * PAGE, 3),
	      "both halves keep their contents");
	check(munmap((void *)y, 5 * PAGE) == 0, "munmap both halves and the hole at once");
	check_maps(y, y + 5 * PAGE, "", "nothing left in maps");

	/* three VMAs, unmapped from inside the first to inside the last */
	check(map_fixed(z, 2, RW) == (void *)z && map_fixed(z + 2 * PAGE, 2, PROT_READ) ==
	      (void *)(z + 2 * PAGE) && map_fixed(z + 4 * PAGE, 2, RW) == (void *)(z + 4 * PAGE),
	      "map three neighbours rw, r, rw");
	check_maps(z, z + 6 * PAGE,
		   "0-2000 rw-p 00000000 00:00 0\n"
		   "2000-4000 r--p 00000000 00:00 0\n"
		   "4000-6000 rw-p 00000000 00:00 0\n",
		   "three VMAs");
	check(munmap((void *)(z + PAGE), 4 * PAGE) == 0,
	      "munmap spanning all three, partially at both ends");
	check_maps(z, z + 6 * PAGE,
		   "0-1000 rw-p 00000000 00:00 0\n"
		   "5000-6000 rw-p 00000000 00:00 0\n",
		   "a page left at each end");
	check(dies_of_sigsegv(peek, z + PAGE) && dies_of_sigsegv(peek, z + 4 * PAGE),
	      "reading inside the unmapped range: SIGSEGV");
	check(munmap((void *)(z + PAGE), 4 * PAGE) == 0, "munmap of the same range again: 0");
	check(munmap((void *)slot(10), 8 * PAGE) == 0, "munmap of a range never mapped: 0");
	check(munmap((void *)(z + 5 * PAGE), 1) == 0 && munmap((void *)z, PAGE) == 0,
	      "munmap of the last pages (a length of 1 byte is a page)");
	check_maps(z, z + 6 * PAGE, "", "nothing left in maps");

	/* the heap, split by munmap: grown with the raw brk, as brk_test does */
	start = (unsigned long)syscall1(SYS_brk, 0);
	check(syscall1(SYS_brk, (long)(start + 4 * PAGE)) == (long)(start + 4 * PAGE),
	      "grow the heap by 4 pages");
	memset((void *)start, 9, 4 * PAGE);
	check_maps(start, start + 4 * PAGE, "0-4000 rw-p 00000000 00:00 0 [heap]\n",
		   "the heap is one [heap] VMA");
	check(munmap((void *)(start + PAGE), 2 * PAGE) == 0, "munmap in the middle of the heap");
	check_maps(start, start + 4 * PAGE,
		   "0-1000 rw-p 00000000 00:00 0 [heap]\n"
		   "3000-4000 rw-p 00000000 00:00 0 [heap]\n",
		   "two [heap] VMAs around the hole");
	check(dies_of_sigsegv(poke, start + PAGE), "touching the heap's hole: SIGSEGV");
	check(all_bytes(start, PAGE, 9) && all_bytes(start + 3 * PAGE, PAGE, 9),
	      "the heap around the hole keeps its contents");
	check(syscall1(SYS_brk, (long)start) == (long)start, "shrink the heap over the hole");
	check_maps(start, start + 4 * PAGE, "", "no heap VMA left");
}

/* mprotect splits and merges VMAs, and the new protections are enforced. */
static void test_mprotect(void)
{
	unsigned long w = slot(5), r;

	check(map_fixed(w, 3, RW) == (void *)w, "map 3 pages rw");
	memset((void *)w, 7, 3 * PAGE);
	check(mprotect((void *)(w + PAGE), PAGE, PROT_READ) == 0, "mprotect the middle read-only");
	check_maps(w, w + 3 * PAGE,
		   "0-1000 rw-p 00000000 00:00 0\n"
		   "1000-2000 r--p 00000000 00:00 0\n"
		   "2000-3000 rw-p 00000000 00:00 0\n",
		   "split in three: rw-p, r--p, rw-p");
	check(dies_of_sigsegv(poke, w + PAGE), "writing the read-only page: SIGSEGV");
	check(survives(peek, w + PAGE) && survives(poke, w) && survives(poke, w + 2 * PAGE),
	      "reading it, writing its neighbours: fine");
	check(mprotect((void *)(w + PAGE), PAGE, RW) == 0, "mprotect the middle rw again");
	check_maps(w, w + 3 * PAGE, "0-3000 rw-p 00000000 00:00 0\n",
		   "identical again: the three merge into one VMA");
	check(all_bytes(w, 3 * PAGE, 7), "contents kept through the protection changes");

	check(mprotect((void *)w, PAGE, PROT_NONE) == 0, "mprotect the first page PROT_NONE");
	check_maps(w, w + 3 * PAGE,
		   "0-1000 ---p 00000000 00:00 0\n"
		   "1000-3000 rw-p 00000000 00:00 0\n",
		   "maps: ---p, rw-p");
	check(dies_of_sigsegv(peek, w), "reading a PROT_NONE page: SIGSEGV");
	check(mprotect((void *)w, 3 * PAGE, PROT_READ) == 0, "mprotect across both VMAs read-only");
	check_maps(w, w + 3 * PAGE, "0-3000 r--p 00000000 00:00 0\n", "one r--p VMA");
	check(all_bytes(w + PAGE, 2 * PAGE, 7) && survives(peek, w),
	      "readable again, contents kept");

	/* errors: Linux do_mprotect_pkey */
	check(fails_with(mprotect((void *)slot(11), PAGE, PROT_READ), ENOMEM),
	      "mprotect of an unmapped range: ENOMEM");
	check(fails_with(mprotect((void *)(w + 2 * PAGE), 2 * PAGE, RW), ENOMEM),
	      "mprotect running past the end of a mapping: ENOMEM");
	/* Linux: the part before the hole has been changed all the same */
	check_maps(w, w + 3 * PAGE,
		   "0-2000 r--p 00000000 00:00 0\n"
		   "2000-3000 rw-p 00000000 00:00 0\n",
		   "the part before the hole was changed anyway (as on Linux)");
	check(fails_with(mprotect((void *)(w - PAGE), 2 * PAGE, RW), ENOMEM),
	      "mprotect starting before a mapping: ENOMEM");
	check(fails_with(mprotect((void *)(w + 1), PAGE, RW), EINVAL),
	      "mprotect of an unaligned address: EINVAL");
	check(mprotect((void *)w, 0, RW) == 0, "mprotect of length 0: 0");
	check(fails_with(mprotect((void *)w, PAGE, 0x40), EINVAL),
	      "mprotect with unknown prot bits: EINVAL");
	check(fails_with(mprotect((void *)KERNEL_ADDRESS, PAGE, PROT_READ), ENOMEM),
	      "mprotect of a kernel address: ENOMEM");
	check(munmap((void *)w, 3 * PAGE) == 0, "munmap them");

	r = (unsigned long)mmap(NULL, PAGE, PROT_READ, ANON, -1, 0);
	check(r != (unsigned long)MAP_FAILED && all_bytes(r, PAGE, 0), "a read-only mapping reads zeros");
	check(dies_of_sigsegv(poke, r), "writing a read-only mapping: SIGSEGV");
	munmap((void *)r, PAGE);
}

/* Errors as Linux 6.1 gives them. */
static void test_errors(void)
{
	unsigned long x = slot(6);
	int fd;

	check(map_fails_with(mmap((void *)(x + 1), PAGE, RW, ANON | MAP_FIXED, -1, 0), EINVAL),
	      "MAP_FIXED at an unaligned address: EINVAL");
	check(map_fails_with(mmap(NULL, 0, RW, ANON, -1, 0), EINVAL), "mmap of length 0: EINVAL");
	check(map_fails_with(mmap((void *)x, 0, RW, ANON | MAP_FIXED, -1, 0), EINVAL),
	      "MAP_FIXED of length 0: EINVAL");
	check(map_fails_with(mmap(NULL, PAGE, RW, MAP_ANONYMOUS, -1, 0), EINVAL),
	      "neither MAP_PRIVATE nor MAP_SHARED: EINVAL");
	check(map_fails_with(mmap(NULL, PAGE, RW, MAP_ANONYMOUS | 0x04, -1, 0), EINVAL),
	      "an unknown map type: EINVAL");
	check(map_fails_with(mmap(NULL, PAGE, RW, ANON, -1, 1), EINVAL),
	      "an unaligned offset: EINVAL");
	/* Linux: get_unmapped_area refuses [addr, addr + len) past TASK_SIZE with ENOMEM */
	check(map_fails_with(mmap((void *)KERNEL_ADDRESS, PAGE, RW, ANON | MAP_FIXED, -1, 0),
			     ENOMEM), "MAP_FIXED at a kernel address: ENOMEM");
	check(map_fails_with(mmap((void *)((1UL << 47) - PAGE), 2 * PAGE, RW,
				  ANON | MAP_FIXED, -1, 0), ENOMEM),
	      "MAP_FIXED across the top of user space: ENOMEM");
	check(map_fails_with(mmap(NULL, 1UL << 62, RW, ANON, -1, 0), ENOMEM),
	      "mmap of 4 EiB: ENOMEM");
	check(map_fails_with(mmap(NULL, -PAGE + 1, RW, ANON, -1, 0), ENOMEM),
	      "mmap of a length that wraps when page-aligned: ENOMEM");
	check(map_fails_with(mmap(NULL, PAGE, RW, MAP_PRIVATE, -1, 0), EBADF),
	      "a file mapping of fd -1: EBADF");
	fd = open("/", O_RDONLY | O_DIRECTORY);
	check(fd >= 0 && map_fails_with(mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, fd, 0), ENODEV),
	      "a file mapping of a directory: ENODEV");
	close(fd);

	check(fails_with(munmap((void *)(x + 1), PAGE), EINVAL), "munmap of an unaligned address: EINVAL");
	check(fails_with(munmap((void *)x, 0), EINVAL), "munmap of length 0: EINVAL");
	check(fails_with(munmap((void *)KERNEL_ADDRESS, PAGE), EINVAL),
	      "munmap of a kernel address: EINVAL");
	check(fails_with(munmap((void *)((1UL << 47) - PAGE), 2 * PAGE), EINVAL),
	      "munmap across the top of user space: EINVAL");
}

/* The same sequence gives the same maps text (relative addresses, offsets, dev, inode). */
static void test_maps_text(void)
{
	unsigned long m = slot(7);

	check(map_fixed(m, 2, RW) == (void *)m && map_fixed(m + 2 * PAGE, 1, PROT_READ) ==
	      (void *)(m + 2 * PAGE) && map_fixed(m + 3 * PAGE, 1, RW | PROT_EXEC) ==
	      (void *)(m + 3 * PAGE) && map_fixed(m + 5 * PAGE, 2, RW) == (void *)(m + 5 * PAGE) &&
	      map_fixed(m + 7 * PAGE, 1, RW) == (void *)(m + 7 * PAGE),
	      "a known sequence of mappings");
	check(mprotect((void *)(m + PAGE), PAGE, PROT_NONE) == 0 &&
	      munmap((void *)(m + 6 * PAGE), PAGE) == 0, "then an mprotect and a munmap");
	check_maps(m, m + 8 * PAGE,
		   "0-1000 rw-p 00000000 00:00 0\n"
		   "1000-2000 ---p 00000000 00:00 0\n"
		   "2000-3000 r--p 00000000 00:00 0\n"
		   "3000-4000 rwxp 00000000 00:00 0\n"
		   "5000-6000 rw-p 00000000 00:00 0\n"
		   "7000-8000 rw-p 00000000 00:00 0\n",
		   "maps reads as on Linux");
	check(munmap((void *)m, 8 * PAGE) == 0, "munmap them all");
}

/* VmData, VmSize and VmRSS follow a 16 MiB mapping touched and unmapped. */
static void test_accounting(void)
{
	/* RSS counters may lag by a batch of pages (Linux's per-task/per-CPU caching) */
	const long slack = 512;
	long data = status_kb("VmData:"), size = status_kb("VmSize:"), rss = status_kb("VmRSS:");
	unsigned long m = (unsigned long)mmap(NULL, 16 * MIB, RW, ANON, -1, 0);
	long delta;

	check(m != (unsigned long)MAP_FAILED, "mmap 16 MiB");
	if (m == (unsigned long)MAP_FAILED)
		return;
	test_print("# VmData %ld kB", data);
	test_print(" -> %ld kB\n", status_kb("VmData:"));
	check(status_kb("VmData:") - data == 16384, "VmData grows by 16384 kB");
	check(status_kb("VmSize:") - size == 16384, "VmSize grows by 16384 kB");
	check(status_kb("VmRSS:") - rss < slack, "VmRSS does not grow before the pages are touched");
	for (unsigned long offset = 0; offset < 16 * MIB; offset += PAGE)
		poke(m + offset);
	delta = status_kb("VmRSS:") - rss;
	test_print("# touching every page: VmRSS +%ld kB\n", delta);
	check(delta > 16384 - slack && delta < 16384 + slack, "VmRSS grows by about 16384 kB");
	check(munmap((void *)m, 16 * MIB) == 0, "munmap the 16 MiB");
	check(status_kb("VmData:") == data && status_kb("VmSize:") == size,
	      "VmData and VmSize are back");
	delta = status_kb("VmRSS:") - rss;
	test_print("# after munmap: VmRSS %+ld kB\n", delta);
	check(delta < slack && delta > -slack, "VmRSS is back");
}

/*
 * sysctl_max_map_count: splitting a mapping with mprotect stops with ENOMEM
 * at exactly 65530 VMAs (or the host's /proc/sys/vm/max_map_count). Linux's
 * do_mmap checks map_count > the limit, so one more mmap still succeeds at
 * the limit, and the next is refused.
 */
static void test_max_map_count(void)
{
	long before = count_vmas(), limit = MAX_MAP_COUNT, expected, done = 0;
	unsigned long pages, base = slot(64), p1, p2;
	int error = 0;

	/* a host whose administrator changed the sysctl: test its limit */
	if (read_text("/proc/sys/vm/max_map_count") > 0)
		limit = strtol(text, NULL, 10);
	pages = 2 * (unsigned long)limit + 16;
	test_print("# max_map_count %ld", limit);
	test_print(", %ld VMAs before\n", before);
	check(map_fixed(base, pages, PROT_READ) == (void *)base,
	      "map 2 x max_map_count pages read-only");
	/* each mprotect of an inner page adds two VMAs */
	for (unsigned long page = 1; page + 1 < pages; page += 2, done++) {
		if (mprotect((void *)(base + page * PAGE), PAGE, RW)) {
			error = errno;
			break;
		}
	}
	expected = (limit - (before + 1)) / 2;
	test_print("# %ld mprotect calls succeeded\n", done);
	check(error == ENOMEM, "splitting stops with ENOMEM");
	/* (maps at the limit is 3 MiB of text: counted from the start instead) */
	check(done == expected, "at exactly max_map_count VMAs");
	p1 = (unsigned long)mmap((void *)slot(40), PAGE, PROT_EXEC, ANON, -1, 0);
	p2 = (unsigned long)mmap((void *)slot(42), PAGE, PROT_EXEC, ANON, -1, 0);
	check(p1 != (unsigned long)MAP_FAILED, "one more mmap at the limit succeeds (Linux checks >)");
	check(p2 == (unsigned long)MAP_FAILED && errno == ENOMEM, "the next one: ENOMEM");
	munmap((void *)p1, PAGE);
	check(munmap((void *)base, pages * PAGE) == 0 && count_vmas() == before,
	      "munmap of them all: the VMA count is back");
}

int main(void)
{
	test_plan(112);
	test_placement();
	test_placement_sequence();
	test_fixed();
	test_munmap();
	test_mprotect();
	test_errors();
	test_maps_text();
	test_accounting();
	test_max_map_count();
	return test_exit_status();
}
