/*
 * Nothing leaks: run many fork + exit cycles (each child touching some heap
 * and stack) and check that the pages that are free (/proc/meminfo MemFree)
 * or held by slab caches (/proc/slabinfo) add up to the same as before, and
 * that every cache's active objects come back exactly where they started.
 * (A cache may keep an empty slab or not, depending on the order of frees:
 * that moves pages between the two counts without leaking any.)
 *	leak_test [CYCLES]	(default 1000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_CACHES 64

struct snapshot {
	long mem_free_kb;
	long slab_kb;		/* pages held by slab caches, from /proc/slabinfo */
	int caches;
	char names[MAX_CACHES][32];
	long active[MAX_CACHES];
};

static int checks, failures;

static void check(int ok, const char *name)
{
	printf("%s %d %s\n", ok ? "ok" : "not ok", ++checks, name);
	if (!ok)
		failures++;
}

/*
 * Pages held by the cache on a /proc/slabinfo line:
 * "name active num objsize perslab pagesperslab : tunables l b s : slabdata active num shared".
 */
static long slab_pages(const char *line)
{
	const char *data = strstr(line, "slabdata");
	long fields[6] = { 0 }, num_slabs;
	char *end;

	if (!data)
		return 0;
	line += strcspn(line, " ");
	for (int i = 0; i < 5; i++)
		fields[i] = strtol(line, &end, 10), line = end;
	strtol(data + 8, &end, 10);
	num_slabs = strtol(end, NULL, 10);
	return num_slabs * fields[4];
}

static void take_snapshot(struct snapshot *s)
{
	char line[256];
	FILE *f = fopen("/proc/meminfo", "r");

	memset(s, 0, sizeof(*s));
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, "MemFree:", 8) == 0)
			s->mem_free_kb = strtol(line + 8, NULL, 10);
	if (f)
		fclose(f);
	f = fopen("/proc/slabinfo", "r");
	while (f && fgets(line, sizeof(line), f) && s->caches < MAX_CACHES) {
		size_t length = strcspn(line, " ");

		if (line[0] == '#' || strncmp(line, "slabinfo", 8) == 0 || length >= 32)
			continue;
		memcpy(s->names[s->caches], line, length);
		s->names[s->caches][length] = '\0';
		s->active[s->caches++] = strtol(line + length, NULL, 10);
		s->slab_kb += slab_pages(line) * 4;
	}
	if (f)
		fclose(f);
}

static void cycles(int count)
{
	for (int i = 0; i < count; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			char *heap = sbrk(3 * 4096);
			char stack[8192];

			memset(heap, i, 3 * 4096);
			memset(stack, i, sizeof(stack));
			_exit(stack[100] == heap[100] ? 0 : 1);
		}
		waitpid(pid, NULL, 0);
	}
}

int main(int argc, char **argv)
{
	int count = argc > 1 ? atoi(argv[1]) : 1000;
	struct snapshot before, after;
	int differing = 0;
	char name[96];

	cycles(100);		/* warm-up: caches reach their working size */
	take_snapshot(&before);	/* and /proc's own buffers: reading slabinfo the first time grows a cache */
	take_snapshot(&before);
	cycles(count);
	take_snapshot(&after);
	/* a page is free, in a slab (whose objects are compared below), or leaked */
	snprintf(name, sizeof(name), "MemFree + slab pages after %d fork+exit cycles: %ld kB -> %ld kB",
		 count, before.mem_free_kb + before.slab_kb, after.mem_free_kb + after.slab_kb);
	check(before.mem_free_kb > 0 &&
	      before.mem_free_kb + before.slab_kb == after.mem_free_kb + after.slab_kb, name);
	printf("# MemFree %ld -> %ld kB, slab pages %ld -> %ld kB\n", before.mem_free_kb,
	       after.mem_free_kb, before.slab_kb, after.slab_kb);
	for (int i = 0; i < before.caches && i < after.caches; i++) {
		if (strcmp(before.names[i], after.names[i]) == 0 && before.active[i] == after.active[i])
			continue;
		printf("# %s: %ld -> %ld active objects\n", before.names[i], before.active[i],
		       after.active[i]);
		differing++;
	}
	check(before.caches > 0 && differing == 0, "slab active objects unchanged");
	return failures ? 1 : 0;
}
