// SPDX-License-Identifier: MIT
/*
 * gdb_target - moves the program break in a fixed order for the GDB tour
 * (docs/gdb.md) and its test (tests/gdb/): the first brk (brk(0)), a
 * growth that creates the heap VMA (do_brk_flags), then it prints the
 * break and its /proc/self/maps, shrinks by one page (do_mas_align_munmap
 * splits the heap VMA at the new break) and grows again (the VMA is
 * expanded in place). Nothing here uses malloc, so every brk call is one
 * of these.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define PAGE 4096

static char maps[16384];

/* Write /proc/self/maps between two marker lines the test looks for. */
static void print_maps(void)
{
	ssize_t n, total = 0;
	int fd = open("/proc/self/maps", O_RDONLY);

	if (fd < 0) {
		printf("gdb_target: cannot open /proc/self/maps\n");
		return;
	}
	while ((n = read(fd, maps + total, sizeof(maps) - 1 - total)) > 0)
		total += n;
	close(fd);
	maps[total] = '\0';
	printf("--- maps ---\n%s--- end ---\n", maps);
}

int main(void)
{
	static char stdout_buffer[4096];	/* not from the heap: no brk of its own */
	char *start, *heap;

	setvbuf(stdout, stdout_buffer, _IOLBF, sizeof(stdout_buffer));
	start = sbrk(0);		/* 1. the first brk: brk(0) asks for the break */
	heap = sbrk(3 * PAGE);		/* 2. grow: do_brk_flags() makes the heap VMA */
	memset(heap, 0x5a, 3 * PAGE);	/* page faults give the pages frames */
	printf("gdb_target: start %p break %p\n", (void *)start, sbrk(0));
	print_maps();
	fflush(stdout);
	sbrk(-PAGE);			/* 3. shrink: do_mas_align_munmap() splits the VMA */
	sbrk(2 * PAGE);			/* 4. grow again: the VMA is expanded in place */
	printf("gdb_target: done, break %p\n", sbrk(0));
	return 0;
}
