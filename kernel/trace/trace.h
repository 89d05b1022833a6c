/* SPDX-License-Identifier: MIT */
/*
 * The tracer's pieces (Linux's kernel/trace/trace.h, reduced):
 *  trace.c		the ring buffer, the line format, trace_event= and
 *			turning events on and off
 *  trace_events.c	every event: its switch and how its fields print
 *  trace_mm.c		the mmviz snapshots (mt_dump, mm_state)
 *  trace_fs.c		/sys/kernel/tracing
 */
#ifndef _KERNEL_TRACE_TRACE_H
#define _KERNEL_TRACE_TRACE_H

#include <linux/tracepoint.h>
#include <linux/seq_file.h>
#include <linux/types.h>

struct maple_tree;
struct mm_struct;

/* Every event, in "system:name" order of trace_events.c. */
extern struct trace_event_call *const trace_event_list[];
extern const unsigned int trace_event_count;
/* The snapshot events (trace_mm.c records them; trace_events.c lists them). */
extern struct trace_event_call event_mt_dump, event_mm_state;

/*
 * Start a record of @call: the context ("task-pid [cpu] flags time: ")
 * and "name: " are in the returned buffer; append the fields, then
 * trace_record_end(). NULL when nothing may be recorded now (no buffer,
 * tracing off, the trace file open, or an event inside the tracer).
 */
struct seq_file *trace_record_begin(struct trace_event_call *call);
void trace_record_end(struct seq_file *m);
/* A one-line record of @call with the fields @fmt. */
__printf(2, 3) void trace_event_printf(struct trace_event_call *call, const char *fmt, ...);

/*
 * Turn events matching @spec on (@set) or off: "system:event",
 * "system:*", "*:event", "system:", "*" or "*:*", or a bare word naming
 * an event or a system (Linux's set_event syntax); a leading
 * '!' turns them off instead. Returns how many events matched, or
 * -EINVAL for a spec that names none; -ENOMEM if the buffer cannot be
 * allocated.
 */
int trace_set_clr_event(const char *spec, bool set);
/* Parse a comma- or space-separated list of specs; 0 or the first error. */
int trace_set_events(const char *list, bool warn);
void trace_clear_all_events(void);

/* Recording on or off (tracing_on), and paused while the trace file is read. */
extern bool tracing_on;
void trace_pause(void);
void trace_unpause(void);
/* Forget every record. */
void trace_reset(void);

/* Reading the buffer: the header, then each record, oldest first. */
struct trace_iterator {
	size_t offset;			/* of the next record in the ring */
	unsigned long left;		/* records not yet read */
};
void trace_print_header(struct seq_file *m);
void trace_iter_start(struct trace_iterator *iter);
/* The next record's text and length, or NULL at the end. */
const char *trace_iter_next(struct trace_iterator *iter, size_t *len);

/* trace_mm.c: mark @mt changed; record pending snapshots of current's mm. */
void trace_mm_changed(struct maple_tree *mt);
void trace_mm_flush(void);
/* @mm is about to be torn down: record its pending snapshot, forget it. */
void trace_mm_destroyed(struct mm_struct *mm);

#endif
