// SPDX-License-Identifier: MIT
/*
 * ps - one line per process, read from /proc, like procps's
 * `ps -e -o pid,ppid,stat,vsz,rss,comm`:
 *
 *     PID  PPID STAT    VSZ   RSS COMMAND
 *       1     0 S       160    48 sh
 *
 * The processes are the all-digit names in /proc, in pid order. For each,
 * /proc/PID/status gives the fields (Linux's format, "Key:\tvalue"):
 * Name (COMMAND), State (its first letter is STAT: R running, S sleeping,
 * Z zombie...), PPid, VmSize (VSZ, KiB) and VmRSS (RSS, KiB); a field the
 * kernel does not give prints as "-", and "0" for VSZ/RSS of a process
 * without memory (a kernel thread or a zombie), as procps does.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PS_MAX_PROCESSES	4096
#define PS_FIELD_SIZE		64

struct process {
	char name[PS_FIELD_SIZE];
	char state[PS_FIELD_SIZE];
	char ppid[PS_FIELD_SIZE];
	char vm_size[PS_FIELD_SIZE];
	char vm_rss[PS_FIELD_SIZE];
};

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

/* The value of "key:" in a status line, without its blanks and " kB" unit. */
static void copy_field(char *dest, const char *value)
{
	size_t len;

	value += strspn(value, " \t");
	len = strcspn(value, "\n");
	if (len >= 3 && !strncmp(value + len - 3, " kB", 3))
		len -= 3;
	if (len >= PS_FIELD_SIZE)
		len = PS_FIELD_SIZE - 1;
	memcpy(dest, value, len);
	dest[len] = '\0';
}

/* read_status - fills p from /proc/PID/status. Returns 0, or -1 if the process is gone. */
static int read_status(const char *pid, struct process *p)
{
	static const struct { const char *key; size_t offset; } fields[] = {
		{ "Name:", offsetof(struct process, name) },
		{ "State:", offsetof(struct process, state) },
		{ "PPid:", offsetof(struct process, ppid) },
		{ "VmSize:", offsetof(struct process, vm_size) },
		{ "VmRSS:", offsetof(struct process, vm_rss) },
	};
	char path[64], line[256];
	FILE *file;

	strcpy(p->name, "-");
	strcpy(p->state, "-");
	strcpy(p->ppid, "-");
	strcpy(p->vm_size, "0");
	strcpy(p->vm_rss, "0");
	snprintf(path, sizeof(path), "/proc/%s/status", pid);
	file = fopen(path, "r");
	if (!file)
		return -1;
	while (fgets(line, sizeof(line), file)) {
		for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
			size_t key_len = strlen(fields[i].key);

			if (!strncmp(line, fields[i].key, key_len))
				copy_field((char *)p + fields[i].offset, line + key_len);
		}
	}
	fclose(file);
	p->state[strcspn(p->state, " ")] = '\0';	/* "S (sleeping)" -> "S" */
	return 0;
}

static int compare_pids(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

int main(void)
{
	static long pids[PS_MAX_PROCESSES];
	size_t count = 0;
	struct dirent *entry;
	DIR *proc = opendir("/proc");

	if (!proc) {
		perror("ps: /proc");
		return 1;
	}
	while ((entry = readdir(proc)) && count < PS_MAX_PROCESSES)
		if (all_digits(entry->d_name))
			pids[count++] = strtol(entry->d_name, NULL, 10);
	closedir(proc);
	qsort(pids, count, sizeof(pids[0]), compare_pids);

	printf("%5s %5s %-4s %6s %5s %s\n", "PID", "PPID", "STAT", "VSZ", "RSS", "COMMAND");
	for (size_t i = 0; i < count; i++) {
		struct process p;
		char pid[24];

		snprintf(pid, sizeof(pid), "%ld", pids[i]);
		if (read_status(pid, &p) < 0)
			continue;	/* ended since /proc was read */
		printf("%5s %5s %-4s %6s %5s %s\n", pid, p.ppid, p.state, p.vm_size, p.vm_rss,
		       p.name);
	}
	return 0;
}
