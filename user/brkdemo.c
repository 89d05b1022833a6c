// SPDX-License-Identifier: MIT
/*
 * brkdemo - walk through the program break step by step: grow it, touch
 * the new memory, shrink it, grow it again, and ask for too much. After
 * each step print the break and the [heap] lines of /proc/self/maps: the
 * last is the VMA the kernel's brk() grows and shrinks (mm/mmap.c, the notes'
 * do_brk_flags() and do_brk_munmap()).
 *
 * stdout gets a buffer on the stack, so that printf's own buffer does not
 * come from the heap and every break movement seen here is the demo's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define PAGE 4096

static char stdout_buffer[4096];

/*
 * Print every [heap] line of /proc/self/maps; returns how many there were,
 * or -1 when the file cannot be read. Linux labels [heap] every VMA that
 * reaches from start_brk to the break: the brk VMA, and also the .bss VMA
 * when it ends exactly at start_brk (as it does without randomisation).
 */
static int print_heap_lines(void)
{
	static char maps[65536];
	ssize_t n, total = 0;
	int count = 0;
	char *line;
	int fd = open("/proc/self/maps", O_RDONLY);

	if (fd < 0)
		return -1;
	while ((n = read(fd, maps + total, sizeof(maps) - 1 - total)) > 0)
		total += n;
	close(fd);
	maps[total] = '\0';
	for (line = maps; *line; ) {
		char *end = strchr(line, '\n');
		size_t length = end ? (size_t)(end - line) : strlen(line);

		if (memmem(line, length, "[heap]", 6)) {
			printf("  maps   %.*s\n", (int)length, line);
			count++;
		}
		line += length + (end ? 1 : 0);
	}
	return count;
}

/* Print the step's title, the break and the heap mapping. */
static void show(const char *step, char *start)
{
	char *now = sbrk(0);

	printf("%s\n", step);
	printf("  break  %p  (start + %#lx)\n", (void *)now, (unsigned long)(now - start));
	fflush(stdout);
	switch (print_heap_lines()) {
	case 0:
		printf("  maps   no [heap] line: the break is at its start\n");
		break;
	case -1:
		printf("  maps   /proc/self/maps cannot be read\n");
		break;
	}
}

int main(void)
{
	char *start, *p;
	long i, nonzero = 0;
	int ret;

	setvbuf(stdout, stdout_buffer, _IOLBF, sizeof(stdout_buffer));
	start = sbrk(0);
	show("1. at start: sbrk(0) asks the kernel with brk(NULL)", start);

	p = sbrk(3 * PAGE);
	show("2. grow: sbrk(3 pages) returns the old break; the heap VMA appears", start);

	memset(p, 0xab, 3 * PAGE);
	printf("3. touch: wrote 3 pages, first byte %#x, last byte %#x\n",
	       (unsigned char)p[0], (unsigned char)p[3 * PAGE - 1]);
	printf("   (each first touch is a page fault that gives the page a frame)\n");

	sbrk(100);
	show("4. grow by 100 bytes: the break is exact, the VMA ends on a page", start);

	sbrk(-(3 * PAGE + 100) + PAGE);
	show("5. shrink to 1 page: the pages above are unmapped and freed", start);

	if (brk(start) == 0)
		show("6. brk(start): back to the beginning, the heap VMA is gone", start);

	p = sbrk(2 * PAGE);
	for (i = 0; i < 2 * PAGE; i++)
		nonzero += p[i] != 0;
	show("7. regrow 2 pages: fresh zero-filled pages, nothing of step 3 left", start);
	printf("   nonzero bytes in the regrown pages: %ld\n", nonzero);

	errno = 0;
	ret = brk(start + (64L << 40));
	printf("8. brk(start + 64 TiB): %d, errno %s; break unchanged at start + %#lx\n",
	       ret, errno == ENOMEM ? "ENOMEM" : "other",
	       (unsigned long)((char *)sbrk(0) - start));

	errno = 0;
	p = sbrk(INTPTR_MAX);
	printf("9. sbrk(INTPTR_MAX): %s, errno %s (refused before asking the kernel)\n",
	       p == (void *)-1 ? "(void *)-1" : "succeeded?!", errno == ENOMEM ? "ENOMEM" : "other");
	return nonzero != 0;
}
