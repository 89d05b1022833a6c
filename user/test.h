/* SPDX-License-Identifier: MIT */
/*
 * test.h - what the user-space test programs (user/NAME_test.c) share.
 * Included by them only; everything is static, so each program carries
 * its own copy of what it uses. Nothing here calls malloc: output goes
 * through snprintf into a stack buffer and write(2), files are read with
 * open/read into a static buffer, so a program that moves the break or
 * counts its mappings itself can use all of it.
 *
 * Checks, printed as KTAP-like lines that tests/user/NAME.test counts:
 *	test_plan(n)		"1..n", printed before the first check: the
 *				number of checks the program will print
 *	check(ok, name)		"ok N name" or "not ok N name"
 *	skip(name, why)		"ok N name # SKIP why"
 *	test_print(fmt, ...)	any other line ("# ..." comments)
 *	test_comment(label, s)	"# label:" and the lines of s as "#   " comments
 *	test_checks, test_failures	the counts so far
 *	test_exit_status()	1 if a check failed, else 0: main's return value
 * stdout is flushed before each line, so printf output before it keeps
 * its place.
 *
 * Faults, tried in a child so that the test goes on:
 *	dies_of_sigsegv(fn, arg)	did fn(arg) in a child die of SIGSEGV?
 *	survives(fn, arg)		did it exit normally with status 0?
 *	poke(addr), peek(addr)		write or read one byte at addr
 *
 * /proc files:
 *	read_file(path, buf, size)	the whole file, NUL-terminated
 *	read_kb(path, key)		the number after "key" ("MemFree:") at
 *					the start of a line of path, or -1
 *	on_teaching_kernel()		uname's release names this kernel
 *	maps_between(low, high, out, size)	the /proc/self/maps lines of the
 *					VMAs in [low, high), addresses relative to low
 *	check_maps(low, high, expected, name)	a check that they read @expected
 *
 * The leak measure (user/leak_test.c explains it): a snapshot of the pages
 * that are free (/proc/meminfo MemFree) or held by slab caches
 * (/proc/slabinfo), and every cache's active objects, before and after.
 *	leak_snapshot_take(&snapshot)	take one (take the first twice: the
 *					first read of slabinfo may grow a cache)
 *	leak_report(&before, &after, what, skip_why, flags)
 *		two checks, "MemFree + slab pages after WHAT: ..." and "slab
 *		active objects unchanged"; with skip_why, both are skipped
 *		(SKIP) where not on the teaching kernel (Linux's MemFree moves
 *		with the whole system).
 */
#ifndef USER_TEST_H
#define USER_TEST_H

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/utsname.h>
#include <sys/wait.h>

static int test_checks __attribute__((unused));
static int test_failures __attribute__((unused));

/* A line made from @fmt, written out after whatever stdout holds. */
static inline __attribute__((format(printf, 1, 2))) void test_print(const char *fmt, ...)
{
	char line[512];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	if (n >= (int)sizeof(line))
		n = sizeof(line) - 1;
	fflush(stdout);		/* a no-op (no malloc) when stdout was never used */
	if (n > 0)
		write(1, line, n);
}

/* One check: "ok N @name" if @ok, else "not ok N @name" (and counted as failed). */
static inline void check(int ok, const char *name)
{
	test_checks++;
	if (!ok)
		test_failures++;
	test_print("%s %d %s\n", ok ? "ok" : "not ok", test_checks, name);
}

/* Announce @n checks ("1..@n") before the first: a run that prints another number fails. */
static inline void test_plan(int n)
{
	test_print("1..%d\n", n);
}

/* A check that does not apply here: "ok N @name # SKIP @why". */
static inline void skip(const char *name, const char *why)
{
	test_print("ok %d %s # SKIP %s\n", ++test_checks, name, why);
}

/* main's exit status: 1 if any check failed. */
static inline int test_exit_status(void)
{
	return test_failures ? 1 : 0;
}

/* Read the whole of @path into @buf (NUL-terminated, at most @size - 1 bytes); bytes or -1. */
static inline long read_file(const char *path, char *buf, size_t size)
{
	long total = 0, n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + total, size - 1 - total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return n < 0 ? -1 : total;
}

/* Where read_kb() and the leak snapshot read /proc files. */
static char test_text[32768] __attribute__((unused));

/* The value in kB of line @key ("MemFree:") of @path, or -1. */
static inline long read_kb(const char *path, const char *key)
{
	size_t length = strlen(key);

	if (read_file(path, test_text, sizeof(test_text)) < 0)
		return -1;
	for (char *line = test_text; line; line = strchr(line, '\n'), line = line ? line + 1 : NULL)
		if (strncmp(line, key, length) == 0)
			return strtol(line + length, NULL, 10);
	return -1;
}

/* Print @s as "# " comment lines under "# @label:" (what a check saw, when it failed). */
static inline void test_comment(const char *label, const char *s)
{
	test_print("# %s:\n", label);
	while (*s) {
		const char *end = strchr(s, '\n');
		int n = end ? (int)(end - s) : (int)strlen(s);

		test_print("#   %.*s\n", n, s);
		s += n + (end ? 1 : 0);
	}
}

/* Copy the next blank-separated word of @p into @word; where it ends. */
static inline char *maps_next_word(char *p, char *word, size_t size)
{
	size_t n = 0;

	while (*p == ' ')
		p++;
	while (*p && *p != ' ' && *p != '\n') {
		if (n + 1 < size)
			word[n++] = *p;
		p++;
	}
	word[n] = 0;
	return p;
}

/*
 * The /proc/self/maps lines of the VMAs intersecting [low, high), each as
 * "START-END PERMS OFFSET DEV INODE[ NAME]" with START and END in hex
 * relative to @low (a VMA reaching below @low shows a negative start as
 * "-N") and NAME the VMA's name ("[heap]"), if it has one. Written into
 * @out; the number of lines, or -1 if maps cannot be read.
 */
static inline int maps_between(unsigned long low, unsigned long high, char *out, size_t size)
{
	char *line, *next;
	int lines = 0;
	size_t used = 0;

	out[0] = 0;
	if (read_file("/proc/self/maps", test_text, sizeof(test_text)) < 0)
		return -1;
	for (line = test_text; *line; line = next) {
		char perms[8] = "", offset[20] = "", dev[12] = "", inode[24] = "", name[64] = "";
		unsigned long start, end;
		char *p;

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		start = strtoul(line, &p, 16);
		end = strtoul(p + 1, &p, 16);
		if (end <= low || start >= high)
			continue;
		p = maps_next_word(p, perms, sizeof(perms));
		p = maps_next_word(p, offset, sizeof(offset));
		p = maps_next_word(p, dev, sizeof(dev));
		p = maps_next_word(p, inode, sizeof(inode));
		maps_next_word(p, name, sizeof(name));
		used += snprintf(out + used, size - used, "%s%lx-%lx %s %s %s %s%s%s\n",
				 start >= low ? "" : "-", start >= low ? start - low : low - start,
				 end - low, perms, offset, dev, inode, name[0] ? " " : "", name);
		if (used >= size)
			used = size - 1;
		lines++;
	}
	return lines;
}

/* Check that the maps lines of [low, high) (maps_between) read exactly @expected. */
static inline void check_maps(unsigned long low, unsigned long high, const char *expected,
			      const char *name)
{
	char seen[2048];

	maps_between(low, high, seen, sizeof(seen));
	check(strcmp(seen, expected) == 0, name);
	if (strcmp(seen, expected) != 0) {
		test_comment("expected", expected);
		test_comment("seen", seen);
	}
}

/* Does uname name the teaching kernel (not a Linux host)? */
static inline int on_teaching_kernel(void)
{
	struct utsname names;

	return uname(&names) == 0 && strstr(names.release, "teaching") != NULL;
}

#define LEAK_MAX_CACHES 64

struct leak_snapshot {
	long mem_free_kb;
	long slab_kb;		/* pages held by slab caches, in kB */
	int caches;
	char names[LEAK_MAX_CACHES][32];
	long active[LEAK_MAX_CACHES];
};

/* Flags of leak_report(). */
#define LEAK_SAME_CACHE_COUNT	1	/* the number of caches must not change either */

/*
 * Add the cache of one /proc/slabinfo line to @s:
 * "name active num objsize perslab pagesperslab : tunables l b s : slabdata active num shared".
 * Its pages are num_slabs (after "slabdata" active) times pagesperslab.
 */
static inline void leak_add_slab_line(struct leak_snapshot *s, char *line)
{
	size_t length = strcspn(line, " ");
	char *data = strstr(line, "slabdata"), *p = line + length;
	long fields[5];

	if (line[0] == '#' || strncmp(line, "slabinfo", 8) == 0 || length >= 32 || !data ||
	    s->caches >= LEAK_MAX_CACHES)
		return;
	for (int i = 0; i < 5; i++)
		fields[i] = strtol(p, &p, 10);
	strtol(data + 8, &p, 10);
	memcpy(s->names[s->caches], line, length);
	s->names[s->caches][length] = '\0';
	s->active[s->caches++] = fields[0];
	s->slab_kb += strtol(p, NULL, 10) * fields[4] * 4;
}

/* Fill @s from /proc/meminfo and /proc/slabinfo (zeros for what cannot be read). */
static inline void leak_snapshot_take(struct leak_snapshot *s)
{
	char *line, *next;

	memset(s, 0, sizeof(*s));
	s->mem_free_kb = read_kb("/proc/meminfo", "MemFree:");
	if (s->mem_free_kb < 0)
		s->mem_free_kb = 0;
	if (read_file("/proc/slabinfo", test_text, sizeof(test_text)) <= 0)
		return;
	for (line = test_text; *line; line = next) {
		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = '\0';
		leak_add_slab_line(s, line);
	}
}

/*
 * The two leak checks between @before and @after: free + slab pages the
 * same ("MemFree + slab pages after @what: ..."), and every cache's active
 * objects the same (those that differ are printed as comments). With
 * @skip_why (not NULL) both are skipped off the teaching kernel, the
 * first with that reason. @flags: LEAK_SAME_CACHE_COUNT or 0.
 */
static inline void leak_report(const struct leak_snapshot *before, const struct leak_snapshot *after,
			       const char *what, const char *skip_why, int flags)
{
	long pages_before = before->mem_free_kb + before->slab_kb;
	long pages_after = after->mem_free_kb + after->slab_kb;
	int differing = 0;
	char name[200];

	if (skip_why && !on_teaching_kernel()) {
		skip("no pages leaked", skip_why);
		skip("slab active objects unchanged", "not the teaching kernel");
		return;
	}
	/* a page is free, in a slab (whose objects are compared below), or leaked */
	snprintf(name, sizeof(name), "MemFree + slab pages after %s: %ld kB -> %ld kB", what,
		 pages_before, pages_after);
	check(before->mem_free_kb > 0 && pages_before == pages_after, name);
	test_print("# MemFree %ld -> %ld kB, slab pages %ld -> %ld kB\n", before->mem_free_kb,
		   after->mem_free_kb, before->slab_kb, after->slab_kb);
	for (int i = 0; i < before->caches && i < after->caches; i++) {
		if (strcmp(before->names[i], after->names[i]) == 0 &&
		    before->active[i] == after->active[i])
			continue;
		test_print("# %s: %ld -> %ld active objects\n", before->names[i], before->active[i],
			   after->active[i]);
		differing++;
	}
	check(before->caches > 0 && differing == 0 &&
	      (!(flags & LEAK_SAME_CACHE_COUNT) || before->caches == after->caches),
	      "slab active objects unchanged");
}

/* Run @fn(@arg) in a child; its wait status, or -1 when fork or wait failed. */
static inline int status_in_child(void (*fn)(unsigned long), unsigned long arg)
{
	int status = 0;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn(arg);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static inline int dies_of_sigsegv(void (*fn)(unsigned long), unsigned long arg)
{
	int status = status_in_child(fn, arg);

	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == 11;
}

static inline int survives(void (*fn)(unsigned long), unsigned long arg)
{
	int status = status_in_child(fn, arg);

	return status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

static inline void poke(unsigned long addr)
{
	*(volatile unsigned char *)addr = 1;
}

static inline void peek(unsigned long addr)
{
	(void)*(volatile unsigned char *)addr;
}

#endif /* USER_TEST_H */
