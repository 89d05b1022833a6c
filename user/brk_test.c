/*
 * The raw brk system call's rules (issue 8, items 2 and 6), checked the
 * same way on this kernel and on Linux (build/user/bin/brk_test runs on a
 * Linux host, and on Linux 6.1 with `scripts/linux-run -- /bin/brk_test`).
 * Prints KTAP "ok N name" / "not ok N name" lines and exits 1 if any
 * check failed.
 *
 * After each step, the heap's lines of /proc/self/maps must read as on
 * Linux 6.1: one [heap] VMA that brk grows and shrinks in place (the new
 * range merged into it, never a second VMA beside it), split only where
 * mprotect or munmap split it, and named [heap] wherever it lies between
 * the start of the heap and the break.
 *
 * The heap is moved with the raw system call only, so nothing here may
 * use malloc (which moves the break itself): output goes through
 * snprintf into a stack buffer and write(2) (user/test.h).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <sys/raw_syscall.h>
#include "test.h"

#define PAGE 4096UL

static unsigned long raw_brk(unsigned long addr)
{
	return (unsigned long)syscall1(SYS_brk, (long)addr);
}

/* Does every byte of [p, p + n) read as zero? */
static int all_zero(const unsigned char *p, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

/* A maps line of the heap: @range relative to its start, @perms, anonymous, named [heap]. */
#define HEAP(range, perms)	range " " perms " 00000000 00:00 0 [heap]\n"
#define RW_HEAP(range)		HEAP(range, "rw-p")

/* Check that the maps lines of the 64 pages from @start read @expected (relative to @start). */
static void check_heap(unsigned long start, const char *expected, const char *what)
{
	char name[128];

	snprintf(name, sizeof(name), "maps: %s", what);
	check_maps(start, start + 64 * PAGE, expected, name);
}

int main(void)
{
	unsigned long start = raw_brk(0), b, wall;
	int exact = 1;

	test_plan(50);
	test_print("# start of the heap: 0x%lx\n", start);
	check(start != 0 && start % PAGE == 0 && raw_brk(0) == start, "brk(0) returns the break");
	check_heap(start, "", "no heap VMA before the first brk");

	b = start;
	for (int i = 0; i < 3 * 4096 && exact; i++)
		exact = raw_brk(b + 1) == b + 1, b++;
	check(exact, "byte-granular breaks: 12288 x brk(break + 1) each return exactly");
	check_heap(start, RW_HEAP("0-3000"), "12288 one-byte growths make one 3-page [heap] VMA");
	memset((void *)start, 0xab, b - start);
	check(raw_brk(b - 5) == b - 5, "shrink by bytes inside the last page");
	check_heap(start, RW_HEAP("0-3000"), "a shrink within the last page keeps it");

	check(raw_brk(start + PAGE) == start + PAGE, "shrink to one page");
	check_heap(start, RW_HEAP("0-1000"), "the [heap] VMA shrinks in place to one page");
	check(raw_brk(start + 3 * PAGE) == start + 3 * PAGE, "grow again");
	check_heap(start, RW_HEAP("0-3000"), "and grows in place to three");
	check(all_zero((unsigned char *)start + PAGE, 2 * PAGE) &&
	      ((unsigned char *)start)[0] == 0xab, "memory given back and grown again reads as zeros");

	check(raw_brk(start - 1) == start + 3 * PAGE, "below start_brk: the current break");
	check(raw_brk(0) == start + 3 * PAGE, "brk(0) after growth");
	check(raw_brk(1UL << 47) == start + 3 * PAGE, "past TASK_SIZE: refused, old break");
	check(raw_brk(-4096UL) == start + 3 * PAGE, "negative: refused, old break");
	check(raw_brk(0xffff888000000000UL) == start + 3 * PAGE, "kernel address: refused, old break");
	check(raw_brk(start + (64UL << 40)) == start + 3 * PAGE, "64 TiB: refused, old break");
	check_heap(start, RW_HEAP("0-3000"), "refused breaks leave the [heap] VMA alone");

	/* LTP brk02: split the heap with mprotect, then shrink across both VMAs */
	check(raw_brk(start + 4 * PAGE) == start + 4 * PAGE, "grow to four pages");
	check(mprotect((void *)(start + 2 * PAGE), 2 * PAGE, PROT_READ) == 0, "mprotect the top half");
	check_heap(start, RW_HEAP("0-2000") HEAP("2000-4000", "r--p"),
		   "mprotect splits the heap into two [heap] VMAs");
	check(raw_brk(start + PAGE) == start + PAGE, "shrink across the mprotect split");
	check_heap(start, RW_HEAP("0-1000"), "the shrink removes the r--p VMA and trims the rw-p one");
	check(raw_brk(start + 4 * PAGE) == start + 4 * PAGE, "regrow over the old split");
	check_heap(start, RW_HEAP("0-4000"), "the regrowth merges into one [heap] VMA");
	poke(start + 3 * PAGE);
	check(all_zero((unsigned char *)start + 3 * PAGE + 1, PAGE - 1), "regrown page is writable and zero");

	/* a MAP_FIXED mapping above the heap: brk stops one page short of it */
	wall = start + 32 * PAGE;
	check(mmap((void *)wall, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		   -1, 0) == (void *)wall, "MAP_FIXED mapping above the heap");
	check(raw_brk(wall - PAGE + 1) == start + 4 * PAGE, "brk within a page of a mapping: refused");
	check(raw_brk(wall + 8 * PAGE) == start + 4 * PAGE, "brk over a mapping: refused");
	check_heap(start, RW_HEAP("0-4000") "20000-21000 rw-p 00000000 00:00 0\n",
		   "refused growths leave the heap and the mapping as they were");
	check(raw_brk(wall - PAGE) == wall - PAGE, "brk up to one page below the mapping");
	check_heap(start, RW_HEAP("0-1f000") "20000-21000 rw-p 00000000 00:00 0\n",
		   "the [heap] VMA grows up to the guard page, the mapping stays apart");
	check(munmap((void *)wall, PAGE) == 0, "munmap the wall");

	/* munmap in the middle of the heap, then shrink over the hole */
	check(munmap((void *)(start + 2 * PAGE), 2 * PAGE) == 0, "munmap in the middle of the heap");
	check_heap(start, RW_HEAP("0-2000") RW_HEAP("4000-1f000"),
		   "munmap splits the heap into two [heap] VMAs");
	check(raw_brk(start + PAGE) == start + PAGE, "shrink over the hole");
	check_heap(start, RW_HEAP("0-1000"), "the shrink removes the upper VMA and trims the lower");

	/* the user unmaps the whole heap: shrinking finds no VMA and fails */
	check(raw_brk(start + 4 * PAGE) == start + 4 * PAGE, "grow to four pages again");
	check_heap(start, RW_HEAP("0-4000"), "one [heap] VMA of four pages");
	check(munmap((void *)start, 4 * PAGE) == 0, "munmap the whole heap");
	check(raw_brk(start + PAGE) == start + 4 * PAGE, "shrink with no heap VMA: old break");
	check_heap(start, "", "no heap VMA after munmap and the failed shrink");
	check(raw_brk(start + 6 * PAGE) == start + 6 * PAGE, "grow maps again from the old break");
	check_heap(start, RW_HEAP("4000-6000"), "a new [heap] VMA from the old break");

	/* a page above the break after a shrink is gone */
	check(raw_brk(start + 5 * PAGE) == start + 5 * PAGE, "shrink by a page");
	check_heap(start, RW_HEAP("4000-5000"), "it shrinks in place");
	check(dies_of_sigsegv(poke, start + 5 * PAGE), "touching above the break: SIGSEGV");
	check(!dies_of_sigsegv(poke, start + 5 * PAGE - 1), "touching below the break: fine");

	check(raw_brk(start) == start, "back to the start");
	check_heap(start, "", "back at the start: no heap VMA");
	return test_exit_status();
}
