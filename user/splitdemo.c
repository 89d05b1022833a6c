// SPDX-License-Identifier: MIT
/*
 * splitdemo - munmap in the middle of a mapping: map 4 pages, touch them,
 * unmap the second. do_mas_align_munmap() splits the VMA twice
 * (__split_vma at the start and at the end of the hole) and leaves two
 * VMAs around it. Before and after, every line of /proc/self/maps is
 * printed as "maps before: LINE" / "maps after: LINE" (the browser test
 * compares them with what `make mmviz PROG=splitdemo` shows).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define PAGE 4096

static char stdout_buffer[4096];

/* Print each line of /proc/self/maps after "maps WHEN: "; 0, or -1 if it cannot be read. */
static int print_maps(const char *when)
{
	static char maps[65536];
	ssize_t n, total = 0;
	char *line, *end;
	int fd = open("/proc/self/maps", O_RDONLY);

	if (fd < 0)
		return -1;
	while ((n = read(fd, maps + total, sizeof(maps) - 1 - total)) > 0)
		total += n;
	close(fd);
	maps[total] = '\0';
	for (line = maps; *line; line = end + 1) {
		end = strchr(line, '\n');
		if (!end)
			break;
		printf("maps %s: %.*s\n", when, (int)(end - line), line);
	}
	return 0;
}

int main(void)
{
	char *p;

	setvbuf(stdout, stdout_buffer, _IOLBF, sizeof(stdout_buffer));
	p = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	memset(p, 0x5a, 4 * PAGE);
	printf("mapped 4 pages at %p and touched them\n", (void *)p);
	if (print_maps("before"))
		return 1;
	if (munmap(p + PAGE, PAGE)) {
		perror("munmap");
		return 1;
	}
	printf("unmapped the second page, %p\n", (void *)(p + PAGE));
	return print_maps("after") ? 1 : 0;
}
