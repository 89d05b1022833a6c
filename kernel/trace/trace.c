// SPDX-License-Identifier: MIT
/*
 * The event tracer's core (Linux's kernel/trace/trace.c and
 * ring_buffer.c, much reduced): one ring buffer of text records, the
 * line format of ftrace's `trace` file, the trace_event= and
 * trace_buf_size= command-line words, and turning events on and off.
 *
 * Linux stores binary records and formats them when the file is read;
 * here a record is formatted when the event happens (as Linux's
 * tp_printk does) and kept as text:
 *
 *	  brkdemo-5       [000] .....     1.230000: vma_store: mt_mod ...
 *
 * A record is a u32 length, the text, padding to 4 bytes; records never
 * wrap around the end of the ring (a length of RECORD_WRAP says "go on
 * at 0"). When the ring is full the oldest records are overwritten
 * (Linux's default "overwrite" mode) and the header's
 * entries-in-buffer/entries-written shows how many were lost.
 * Timestamps are the jiffies clock in nanoseconds (10 ms steps).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/printk.h>
#include <linux/gfp.h>
#include <linux/mmzone.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/trace.h>
#include <asm/processor.h>
#include "trace.h"

#define TRACE_BUF_DEFAULT	(2UL << 20)
#define TRACE_BUF_MAX		(PAGE_SIZE << (MAX_ORDER - 1))	/* one buddy block */
#define TRACE_RECORD_MAX	(64UL << 10)	/* the longest record (a tree dump) */
#define RECORD_WRAP		0xffffffffU
#define TRACE_EVENT_ARG_MAX	1024		/* the trace_event= list kept from boot */

static char *ring;
static size_t ring_size = TRACE_BUF_DEFAULT;
static size_t ring_head, ring_tail;		/* next write; oldest record */
static unsigned long ring_entries, ring_written;
static unsigned int paused;
static bool recording;				/* inside trace_record_begin/end */
static unsigned long recording_flags;
static char record_text[TRACE_RECORD_MAX];
static struct seq_file record_seq;
static bool page_allocator_up;
static char boot_events[TRACE_EVENT_ARG_MAX];

bool tracing_on = true;

/* ---- The ring ---- */

/* The buddy order of a block of at least @size bytes. */
static unsigned int size_order(size_t size)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

static size_t record_bytes(u32 len)
{
	return sizeof(u32) + ALIGN(len, sizeof(u32));
}

static u32 ring_len_at(size_t offset)
{
	return *(u32 *)(ring + offset);
}

/* Drop the oldest record (or step over the wrap mark to 0). */
static void ring_drop_oldest(void)
{
	u32 len = ring_len_at(ring_tail);

	if (len == RECORD_WRAP) {
		ring_tail = 0;
		return;
	}
	ring_tail += record_bytes(len);
	if (ring_tail == ring_size)
		ring_tail = 0;
	ring_entries--;
}

/* Does the live data reach into [head, head + bytes)? */
static bool ring_overlaps(size_t bytes)
{
	return ring_entries && ring_tail >= ring_head && ring_tail < ring_head + bytes;
}

/* Copy @len bytes of @text into the ring as the newest record, overwriting the oldest. */
static void ring_write(const char *text, u32 len)
{
	size_t bytes = record_bytes(len);

	if (bytes > ring_size / 2)
		return;
	if (ring_size - ring_head < bytes) {
		while (ring_overlaps(ring_size - ring_head))
			ring_drop_oldest();
		if (ring_size - ring_head >= sizeof(u32))
			*(u32 *)(ring + ring_head) = RECORD_WRAP;
		ring_head = 0;
	}
	while (ring_overlaps(bytes))
		ring_drop_oldest();
	if (!ring_entries)
		ring_tail = ring_head;
	*(u32 *)(ring + ring_head) = len;
	memcpy(ring + ring_head + sizeof(u32), text, len);
	ring_head += bytes;
	if (ring_head == ring_size)
		ring_head = 0;
	ring_entries++;
	ring_written++;
}

void trace_reset(void)
{
	unsigned long flags = local_irq_save();

	ring_head = ring_tail = 0;
	ring_entries = ring_written = 0;
	local_irq_restore(flags);
}

/* The ring, allocated the first time an event is turned on. 0 or -ENOMEM. */
static int ring_alloc(void)
{
	struct page *page;

	if (ring)
		return 0;
	if (!page_allocator_up)
		return 0;	/* trace_init() allocates it */
	page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, size_order(ring_size));
	if (!page)
		return -ENOMEM;
	ring = page_address(page);
	return 0;
}

/* ---- Records ---- */

/*
 * ftrace's context columns: "%16s-%-7d [%03d] " then irqs-off ('d'),
 * need-resched, hardirq/softirq, preempt-depth, migrate-disable (all '.'
 * here: one CPU, no kernel preemption), then " %5lu.%06lu: ".
 */
static void print_context(struct seq_file *m, unsigned long rflags)
{
	unsigned long long ns = ktime_get_ns();
	const char *comm = current ? current->comm : "swapper";
	int pid = current ? current->pid : 0;

	seq_printf(m, "%16s-%-7d [%03d] %c....", comm, pid, 0,
		   rflags & X86_EFLAGS_IF ? '.' : 'd');
	seq_printf(m, " %5llu.%06llu: ", ns / 1000000000ULL, (ns % 1000000000ULL) / 1000);
}

struct seq_file *trace_record_begin(struct trace_event_call *call)
{
	unsigned long flags = local_irq_save();

	if (!ring || recording || paused || !tracing_on) {
		local_irq_restore(flags);
		return NULL;
	}
	recording = true;
	recording_flags = flags;
	seq_init(&record_seq, record_text, sizeof(record_text));
	print_context(&record_seq, flags);
	seq_printf(&record_seq, "%s: ", call->name);
	return &record_seq;
}

void trace_record_end(struct seq_file *m)
{
	if (m->count && m->buf[m->count - 1] != '\n')
		seq_putc(m, '\n');
	if (seq_has_overflowed(m)) {
		/* cut at the last whole line and say so */
		m->overflow = false;
		m->count = m->size - 32;
		seq_puts(m, "\n (record truncated)\n");
	}
	ring_write(m->buf, m->count);
	recording = false;
	local_irq_restore(recording_flags);
}

void trace_event_printf(struct trace_event_call *call, const char *fmt, ...)
{
	struct seq_file *m = trace_record_begin(call);
	char line[256];
	va_list args;

	if (!m)
		return;
	va_start(args, fmt);
	vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	seq_puts(m, line);
	trace_record_end(m);
}

void trace_pause(void)
{
	unsigned long flags = local_irq_save();

	paused++;
	local_irq_restore(flags);
}

void trace_unpause(void)
{
	unsigned long flags = local_irq_save();

	paused--;
	local_irq_restore(flags);
}

/* ---- Reading ---- */

/* The header of ftrace's `trace` file with the nop tracer (Linux 6.1). */
void trace_print_header(struct seq_file *m)
{
	seq_puts(m, "# tracer: nop\n#\n");
	seq_printf(m, "# entries-in-buffer/entries-written: %lu/%lu   #P:1\n#\n",
		   ring_entries, ring_written);
	seq_puts(m, "#                                _-----=> irqs-off/BH-disabled\n");
	seq_puts(m, "#                               / _----=> need-resched\n");
	seq_puts(m, "#                              | / _---=> hardirq/softirq\n");
	seq_puts(m, "#                              || / _--=> preempt-depth\n");
	seq_puts(m, "#                              ||| / _-=> migrate-disable\n");
	seq_puts(m, "#                              |||| /     delay\n");
	seq_puts(m, "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n");
	seq_puts(m, "#              | |         |   |||||     |         |\n");
}

void trace_iter_start(struct trace_iterator *iter)
{
	iter->offset = ring_tail;
	iter->left = ring ? ring_entries : 0;
}

const char *trace_iter_next(struct trace_iterator *iter, size_t *len)
{
	const char *text;
	u32 n;

	if (!iter->left)
		return NULL;
	n = ring_len_at(iter->offset);
	if (n == RECORD_WRAP) {
		iter->offset = 0;
		n = ring_len_at(0);
	}
	text = ring + iter->offset + sizeof(u32);
	*len = n;
	iter->offset += record_bytes(n);
	if (iter->offset == ring_size)
		iter->offset = 0;
	iter->left--;
	return text;
}

/* ---- Turning events on and off ---- */

/* Does @pattern (no '*' inside, or exactly "*") match @name? */
static bool name_matches(const char *pattern, size_t len, const char *name)
{
	if (len == 1 && pattern[0] == '*')
		return true;
	if (len == 0)
		return true;	/* "system:" means every event of the system */
	return strlen(name) == len && !memcmp(pattern, name, len);
}

int trace_set_clr_event(const char *spec, bool set)
{
	const char *colon = strchr(spec, ':');
	const char *system = NULL, *event = spec;
	size_t system_len = 0, event_len = strlen(spec);
	int matched = 0, error;

	if (*spec == '!') {
		set = !set;
		spec++;
		event = spec;
		event_len = strlen(spec);
	}
	if (!*spec)
		return -EINVAL;
	if (colon) {
		system = spec;
		system_len = colon - spec;
		event = colon + 1;
		event_len = strlen(event);
		if (!system_len)
			return -EINVAL;
	} else if (event_len == 1 && *event == '*') {
		system = "*";
		system_len = 1;
	}
	if (set) {
		error = ring_alloc();
		if (error)
			return error;
	}
	for (unsigned int i = 0; i < trace_event_count; i++) {
		struct trace_event_call *call = trace_event_list[i];

		if (system && (!name_matches(system, system_len, call->system) ||
			       !name_matches(event, event_len, call->name)))
			continue;
		/* a bare word names an event or a whole system, as in Linux */
		if (!system && !name_matches(event, event_len, call->name) &&
		    !name_matches(event, event_len, call->system))
			continue;
		WRITE_ONCE(call->enabled, set);
		matched++;
	}
	return matched ? matched : -EINVAL;
}

int trace_set_events(const char *list, bool warn)
{
	char token[64];
	int first_error = 0;

	while (*list) {
		size_t n = 0;

		while (list[n] && !strchr(", \t\n", list[n]))
			n++;

		if (n) {
			int error = -EINVAL;

			if (n < sizeof(token)) {
				memcpy(token, list, n);
				token[n] = '\0';
				error = trace_set_clr_event(token, true);
			}
			if (error < 0 && warn)
				pr_warn("Failed to enable trace event: %.*s\n", (int)n, list);
			if (error < 0 && !first_error)
				first_error = error;
		}
		list += n;
		if (*list)
			list++;
	}
	return first_error;
}

void trace_clear_all_events(void)
{
	for (unsigned int i = 0; i < trace_event_count; i++)
		WRITE_ONCE(trace_event_list[i]->enabled, false);
}

/* ---- Boot ---- */

/* trace_event=LIST (Linux's): kept until the page allocator is up. */
static int setup_trace_event(char *value)
{
	strlcpy(boot_events, value, sizeof(boot_events));
	return 0;
}
early_param("trace_event", setup_trace_event);

/* trace_buf_size=N[KMG] (Linux's; here the one buffer's bytes, at most 4 MiB). */
static int setup_trace_buf_size(char *value)
{
	char *end;
	unsigned long size = simple_strtoul(value, &end, 0);

	if (*end == 'K' || *end == 'k')
		size <<= 10;
	else if (*end == 'M' || *end == 'm')
		size <<= 20;
	if (size < PAGE_SIZE || size > TRACE_BUF_MAX || (*end && !strchr("KkMm", *end))) {
		pr_warn("trace_buf_size=%s: not a size from 4K to 4M; using %luK\n", value,
			ring_size >> 10);
		return 0;
	}
	ring_size = PAGE_SIZE << size_order(size);
	return 0;
}
early_param("trace_buf_size", setup_trace_buf_size);

void trace_init(void)
{
	page_allocator_up = true;
	if (!boot_events[0])
		return;
	trace_set_events(boot_events, true);
	if (ring_alloc() || !ring) {
		pr_warn("tracing: no memory for the %luK buffer; events are not recorded\n",
			ring_size >> 10);
		trace_clear_all_events();
	}
}
