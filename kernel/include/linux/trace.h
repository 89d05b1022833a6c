/* SPDX-License-Identifier: MIT */
/*
 * The event tracer (kernel/trace/): events named as Linux's, turned on
 * with `trace_event=LIST` on the command line or through
 * /sys/kernel/tracing/set_event, read from /sys/kernel/tracing/trace in
 * ftrace's text format. docs/tracing.md tells how to use it.
 */
#ifndef _LINUX_TRACE_H
#define _LINUX_TRACE_H

struct inode;

/* After the page allocator is up: apply trace_event= (one warning per bad name). */
void trace_init(void);
/* The directory mounted at /sys/kernel/tracing, one reference. */
struct inode *tracefs_root_inode(void);

#endif
