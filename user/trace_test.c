// SPDX-License-Identifier: MIT
/*
 * trace_test - the event tracer through /sys/kernel/tracing, as a user
 * drives it (tests/user/trace.test boots with trace_event=...):
 *
 *  - set_event lists what trace_event= turned on; writing it replaces the
 *    set, appending (O_APPEND) adds, "!name" removes, an unknown name is
 *    EINVAL; available_events lists every event;
 *  - trace starts with ftrace's header; a page fault and a brk show up as
 *    "trace_test-PID [000] .....  S.U: event: fields" lines in Linux's
 *    formats; writing trace empties it; tracing_on 0 stops recording;
 *  - with "wrap" as argument (tests/user/trace_wrap.test, a 4 KiB buffer),
 *    many events overwrite the oldest: the header says how many were
 *    written and every line left is whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "test.h"

#define TRACING "/sys/kernel/tracing/"
#define PAGE 4096

static char text[65536];

/* Write @s to TRACING @file (opened with @flags); 0 or -errno. */
static int write_file(const char *file, const char *s, int flags)
{
	char path[128];
	int fd, ret;

	snprintf(path, sizeof(path), TRACING "%s", file);
	fd = open(path, O_WRONLY | flags);
	if (fd < 0)
		return -errno;
	ret = write(fd, s, strlen(s)) == (ssize_t)strlen(s) ? 0 : -errno;
	close(fd);
	return ret;
}

static const char *read_tracing(const char *file)
{
	char path[128];

	snprintf(path, sizeof(path), TRACING "%s", file);
	if (read_file(path, text, sizeof(text)) < 0)
		text[0] = '\0';
	return text;
}

/* Does the trace hold a line of this process with "event: " and then @fields? */
static int trace_has(const char *event, const char *fields)
{
	char head[64], needle[160];
	const char *line;

	snprintf(head, sizeof(head), "trace_test-%d ", getpid());
	snprintf(needle, sizeof(needle), " %s: ", event);
	read_tracing("trace");
	for (line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char copy[512];

		if (len >= sizeof(copy))
			continue;
		memcpy(copy, line, len);
		copy[len] = '\0';
		if (strstr(copy, head) && strstr(copy, "[000] ") && strstr(copy, needle) &&
		    strstr(strstr(copy, needle), fields))
			return 1;
	}
	return 0;
}

static void test_control(void)
{
	char *heap = sbrk(0), *page;
	char fields[96];

	check(strcmp(read_tracing("set_event"), "mmap:vma_store\n") == 0,
	      "set_event lists what trace_event= turned on (bad names were skipped)");
	check(strstr(read_tracing("available_events"), "kmem:mm_page_alloc\n") &&
	      strstr(text, "mmap:vma_mas_szero\n") && strstr(text, "exceptions:page_fault_user\n"),
	      "available_events lists Linux's event names");
	check(write_file("set_event", "exceptions:page_fault_user mmap:brk_enter\n", O_TRUNC) == 0 &&
	      strcmp(read_tracing("set_event"), "exceptions:page_fault_user\nmmap:brk_enter\n") == 0,
	      "writing set_event replaces the set");
	check(write_file("set_event", "kmem:mm_page_alloc", O_APPEND) == 0 &&
	      strstr(read_tracing("set_event"), "kmem:mm_page_alloc\n") &&
	      strstr(text, "mmap:brk_enter\n"), "appending to set_event adds");
	check(write_file("set_event", "no_such_event", O_APPEND) == -EINVAL,
	      "an unknown event name is EINVAL");
	check(strncmp(read_tracing("trace"), "# tracer: nop\n#\n# entries-in-buffer/entries-written: ", 53) == 0 &&
	      strstr(text, "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"),
	      "trace starts with ftrace's header");
	check(write_file("trace", "\n", O_TRUNC) == 0 &&
	      strstr(read_tracing("trace"), "entries-in-buffer/entries-written: 0/0 "),
	      "writing trace empties it");

	page = sbrk(PAGE);
	page[0] = 1;
	snprintf(fields, sizeof(fields), "address=%p ip=0x", (void *)page);
	check(trace_has("page_fault_user", fields), "the first touch of a new heap page is a page_fault_user line");
	snprintf(fields, sizeof(fields), "brk=%p oldbrk=%p", (void *)(heap + PAGE), (void *)heap);
	check(trace_has("brk_enter", fields), "sbrk's brk() is a brk_enter line with the new and old break");
	check(trace_has("mm_page_alloc", "page=") &&
	      trace_has("mm_page_alloc", "order=0 migratetype=0 gfp_flags=GFP_KERNEL|__GFP_ZERO"),
	      "the page it got is an mm_page_alloc line in Linux's format");

	check(write_file("tracing_on", "0", 0) == 0 && strcmp(read_tracing("tracing_on"), "0\n") == 0,
	      "tracing_on 0 is taken");
	page = sbrk(PAGE);
	page[0] = 1;
	snprintf(fields, sizeof(fields), "address=%p ", (void *)page);
	check(!trace_has("page_fault_user", fields), "with tracing_on 0 nothing is recorded");
	check(write_file("tracing_on", "1", 0) == 0 && write_file("tracing_on", "x", 0) == -EINVAL,
	      "tracing_on takes 1 back and refuses anything but 0 or 1");
	check(write_file("set_event", "!exceptions:page_fault_user", O_APPEND) == 0 &&
	      !strstr(read_tracing("set_event"), "page_fault_user"), "\"!name\" turns an event off");
	check(write_file("set_event", "\n", O_TRUNC) == 0 && read_tracing("set_event")[0] == '\0',
	      "echo > set_event turns every event off");
}

/* Every line after the header is "comm-pid [000] flags time: event: ..." or a continuation. */
static int lines_whole(const char *t, long *records)
{
	const char *line;

	*records = 0;
	for (line = t; *line; ) {
		const char *end = strchr(line, '\n');

		if (!end)
			return 0;	/* a cut record */
		if (line[0] != '#') {
			if (!memmem(line, end - line, " [000] ", 7) || !memmem(line, end - line, ": ", 2))
				return 0;
			(*records)++;
		}
		line = end + 1;
	}
	return 1;
}

static void test_wrap(void)
{
	long written = 0, kept = 0, records;
	char *heap;
	const char *counts;

	check(write_file("set_event", "mmap:brk_enter mmap:brk_exit", O_TRUNC) == 0, "events on");
	heap = sbrk(0);
	for (int i = 0; i < 400; i++) {
		sbrk(PAGE);
		sbrk(-PAGE);
	}
	counts = strstr(read_tracing("trace"), "entries-in-buffer/entries-written: ");
	if (counts) {
		char *slash;

		kept = strtol(counts + strlen("entries-in-buffer/entries-written: "), &slash, 10);
		written = strtol(slash + 1, NULL, 10);
	}
	check(written >= 1600 && kept > 10 && kept < written,
	      "a full buffer overwrites the oldest records and the header counts them");
	check(lines_whole(text, &records) && records == kept, "every record left is whole");
	check(strstr(text, "brk_exit: oldbrk=") != NULL && sbrk(0) == heap,
	      "the newest records are there");
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "wrap") == 0) {
		test_plan(4);
		test_wrap();
	} else {
		test_plan(15);
		test_control();
	}
	return test_exit_status();
}
