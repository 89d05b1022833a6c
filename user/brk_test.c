/*
 * The raw brk system call's rules (issue 8, items 2 and 6), checked the
 * same way on this kernel and on a Linux host (build/user/bin/brk_test
 * runs on both). Prints KTAP "ok N name" / "not ok N name" lines and
 * exits 1 if any check failed.
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

int main(void)
{
	unsigned long start = raw_brk(0), b, wall;
	int exact = 1;

	test_print("# start of the heap: 0x%lx\n", start);
	check(start != 0 && start % PAGE == 0 && raw_brk(0) == start, "brk(0) returns the break");

	b = start;
	for (int i = 0; i < 3 * 4096 && exact; i++)
		exact = raw_brk(b + 1) == b + 1, b++;
	check(exact, "byte-granular breaks: 12288 x brk(break + 1) each return exactly");
	memset((void *)start, 0xab, b - start);
	check(raw_brk(b - 5) == b - 5, "shrink by bytes inside the last page");

	check(raw_brk(start + PAGE) == start + PAGE, "shrink to one page");
	check(raw_brk(start + 3 * PAGE) == start + 3 * PAGE, "grow again");
	check(all_zero((unsigned char *)start + PAGE, 2 * PAGE) &&
	      ((unsigned char *)start)[0] == 0xab, "memory given back and grown again reads as zeros");

	check(raw_brk(start - 1) == start + 3 * PAGE, "below start_brk: the current break");
	check(raw_brk(0) == start + 3 * PAGE, "brk(0) after growth");
	check(raw_brk(1UL << 47) == start + 3 * PAGE, "past TASK_SIZE: refused, old break");
	check(raw_brk(-4096UL) == start + 3 * PAGE, "negative: refused, old break");
	check(raw_brk(0xffff888000000000UL) == start + 3 * PAGE, "kernel address: refused, old break");
	check(raw_brk(start + (64UL << 40)) == start + 3 * PAGE, "64 TiB: refused, old break");

	/* LTP brk02: split the heap with mprotect, then shrink across both VMAs */
	check(raw_brk(start + 4 * PAGE) == start + 4 * PAGE, "grow to four pages");
	check(mprotect((void *)(start + 2 * PAGE), 2 * PAGE, PROT_READ) == 0, "mprotect the top half");
	check(raw_brk(start + PAGE) == start + PAGE, "shrink across the mprotect split");
	check(raw_brk(start + 4 * PAGE) == start + 4 * PAGE, "regrow over the old split");
	poke(start + 3 * PAGE);
	check(all_zero((unsigned char *)start + 3 * PAGE + 1, PAGE - 1), "regrown page is writable and zero");

	/* a MAP_FIXED mapping above the heap: brk stops one page short of it */
	wall = start + 32 * PAGE;
	check(mmap((void *)wall, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		   -1, 0) == (void *)wall, "MAP_FIXED mapping above the heap");
	check(raw_brk(wall - PAGE + 1) == start + 4 * PAGE, "brk within a page of a mapping: refused");
	check(raw_brk(wall + 8 * PAGE) == start + 4 * PAGE, "brk over a mapping: refused");
	check(raw_brk(wall - PAGE) == wall - PAGE, "brk up to one page below the mapping");
	check(munmap((void *)wall, PAGE) == 0, "munmap the wall");

	/* munmap in the middle of the heap, then shrink over the hole */
	check(munmap((void *)(start + 2 * PAGE), 2 * PAGE) == 0, "munmap in the middle of the heap");
	check(raw_brk(start + PAGE) == start + PAGE, "shrink over the hole");

	/* the user unmaps the whole heap: shrinking finds no VMA and fails */
	check(raw_brk(start + 4 * PAGE) == start + 4 * PAGE, "grow to four pages again");
	check(munmap((void *)start, 4 * PAGE) == 0, "munmap the whole heap");
	check(raw_brk(start + PAGE) == start + 4 * PAGE, "shrink with no heap VMA: old break");
	check(raw_brk(start + 6 * PAGE) == start + 6 * PAGE, "grow maps again from the old break");

	/* a page above the break after a shrink is gone */
	check(raw_brk(start + 5 * PAGE) == start + 5 * PAGE, "shrink by a page");
	check(dies_of_sigsegv(poke, start + 5 * PAGE), "touching above the break: SIGSEGV");
	check(!dies_of_sigsegv(poke, start + 5 * PAGE - 1), "touching below the break: fine");

	check(raw_brk(start) == start, "back to the start");
	test_print("1..%d\n", test_checks);
	return test_exit_status();
}
