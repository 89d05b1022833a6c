// SPDX-License-Identifier: MIT
/*
 * free - memory in KiB from /proc/meminfo, in procps's `free -k` layout:
 *
 *                total        used        free      shared  buff/cache   available
 * Mem:          126976       10240      110592           0        6144      116736
 * Swap:              0           0           0
 *
 * total = MemTotal, free = MemFree, shared = Shmem,
 * buff/cache = Buffers + Cached + SReclaimable,
 * used = total - free - buff/cache (procps 3.3's formula; procps 4 shows
 * total - available instead), available = MemAvailable (MemFree if the
 * kernel does not give it). A missing line counts as 0, except MemTotal
 * and MemFree, without which free fails.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct meminfo_field {
	const char *key;
	unsigned long value;
	bool found;
};

enum { MEM_TOTAL, MEM_FREE, MEM_AVAILABLE, BUFFERS, CACHED, SRECLAIMABLE, SHMEM,
       SWAP_TOTAL, SWAP_FREE, FIELD_COUNT };

static struct meminfo_field fields[FIELD_COUNT] = {
	[MEM_TOTAL] = { .key = "MemTotal:" }, [MEM_FREE] = { .key = "MemFree:" },
	[MEM_AVAILABLE] = { .key = "MemAvailable:" }, [BUFFERS] = { .key = "Buffers:" },
	[CACHED] = { .key = "Cached:" }, [SRECLAIMABLE] = { .key = "SReclaimable:" },
	[SHMEM] = { .key = "Shmem:" }, [SWAP_TOTAL] = { .key = "SwapTotal:" },
	[SWAP_FREE] = { .key = "SwapFree:" },
};

/* read_meminfo - fills fields from /proc/meminfo. Returns 0, or -1 if it cannot be read. */
static int read_meminfo(void)
{
	char line[256];
	FILE *file = fopen("/proc/meminfo", "r");

	if (!file)
		return -1;
	while (fgets(line, sizeof(line), file)) {
		for (int i = 0; i < FIELD_COUNT; i++) {
			size_t key_len = strlen(fields[i].key);

			if (!strncmp(line, fields[i].key, key_len)) {
				fields[i].value = strtoul(line + key_len, NULL, 10);
				fields[i].found = true;
			}
		}
	}
	fclose(file);
	return 0;
}

static unsigned long field(int i)
{
	return fields[i].value;
}

int main(void)
{
	unsigned long buff_cache, used;

	if (read_meminfo() < 0) {
		perror("free: /proc/meminfo");
		return 1;
	}
	if (!fields[MEM_TOTAL].found || !fields[MEM_FREE].found) {
		fprintf(stderr, "free: /proc/meminfo has no MemTotal or MemFree line\n");
		return 1;
	}
	if (!fields[MEM_AVAILABLE].found)
		fields[MEM_AVAILABLE].value = field(MEM_FREE);
	buff_cache = field(BUFFERS) + field(CACHED) + field(SRECLAIMABLE);
	used = field(MEM_TOTAL) - field(MEM_FREE) - buff_cache;
	if (field(MEM_FREE) + buff_cache > field(MEM_TOTAL))
		used = 0;

	printf("%20s%12s%12s%12s%12s%12s\n", "total", "used", "free", "shared", "buff/cache",
	       "available");
	printf("%-8s%12lu%12lu%12lu%12lu%12lu%12lu\n", "Mem:", field(MEM_TOTAL), used,
	       field(MEM_FREE), field(SHMEM), buff_cache, field(MEM_AVAILABLE));
	printf("%-8s%12lu%12lu%12lu\n", "Swap:", field(SWAP_TOTAL),
	       field(SWAP_TOTAL) - field(SWAP_FREE), field(SWAP_FREE));
	return 0;
}
