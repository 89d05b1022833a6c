/*
 * Accounting: grow the heap by 64 MiB, touch every page, shrink it back.
 * /proc/self/status's VmData and VmRSS follow each step, and /proc/meminfo's
 * MemFree and PageTables come back exactly to where they were: the pages
 * and the page-table pages went back to the buddy allocator.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test.h"

#define MIB (1024 * 1024L)

/*
 * One small round first, so that slab caches, /proc buffers, the stack and
 * stdout's buffer (malloc'd at the first printf) exist before the measured round.
 */
static void warm_up(void)
{
	volatile char stack[64 * 1024];	/* fault the stack pages in now, not mid-test */
	char *heap;

	/* first: stdout's buffer comes from malloc, below the break we move */
	printf("# heap64_test: 64 MiB of heap, grown, touched and given back\n");
	for (size_t i = 0; i < sizeof(stack); i += 4096)
		stack[i] = 1;
	heap = sbrk(MIB);
	for (long offset = 0; offset < MIB; offset += 4096)
		heap[offset] = 1;
	sbrk(-MIB);
	read_kb("/proc/meminfo", "MemFree:");
	read_kb("/proc/self/status", "VmData:");
}

int main(void)
{
	warm_up();
	test_plan(8);
	long free_before = read_kb("/proc/meminfo", "MemFree:");
	long tables_before = read_kb("/proc/meminfo", "PageTables:");
	long data_before = read_kb("/proc/self/status", "VmData:");
	long rss_before = read_kb("/proc/self/status", "VmRSS:");
	char *heap = sbrk(64 * MIB);
	char line[160];

	check(heap != (void *)-1, "sbrk(64 MiB)");
	if (heap == (void *)-1)
		return 1;
	snprintf(line, sizeof(line), "VmData grows by 65536 kB (%ld -> %ld)", data_before,
		 read_kb("/proc/self/status", "VmData:"));
	check(read_kb("/proc/self/status", "VmData:") - data_before == 65536, line);
	check(read_kb("/proc/self/status", "VmRSS:") - rss_before < 64,
	      "VmRSS does not grow before the pages are touched");
	for (long offset = 0; offset < 64 * MIB; offset += 4096)
		heap[offset] = 1;
	snprintf(line, sizeof(line), "touching every page: VmRSS +%ld kB, MemFree -%ld kB",
		 read_kb("/proc/self/status", "VmRSS:") - rss_before,
		 free_before - read_kb("/proc/meminfo", "MemFree:"));
	check(read_kb("/proc/self/status", "VmRSS:") - rss_before >= 65536 &&
	      free_before - read_kb("/proc/meminfo", "MemFree:") >= 65536, line);
	check(sbrk(-64 * MIB) == heap + 64 * MIB && sbrk(0) == heap, "sbrk(-64 MiB)");
	snprintf(line, sizeof(line), "MemFree back: %ld kB -> %ld kB", free_before,
		 read_kb("/proc/meminfo", "MemFree:"));
	check(read_kb("/proc/meminfo", "MemFree:") == free_before, line);
	snprintf(line, sizeof(line), "PageTables back: %ld kB -> %ld kB", tables_before,
		 read_kb("/proc/meminfo", "PageTables:"));
	check(read_kb("/proc/meminfo", "PageTables:") == tables_before, line);
	check(read_kb("/proc/self/status", "VmData:") == data_before, "VmData back");
	return test_exit_status();
}
