/* SPDX-License-Identifier: MIT */
/*
 * Events that are not Linux's, for replaying a run (scripts/mmviz):
 *
 *  mmviz:strace	the text strace prints (kernel/strace.c), piece by
 *			piece, so a trace holds each system call's strace line
 *  mmviz:mt_dump	the mm's maple tree, node by node, as GDB's lx-mtdump
 *			prints it
 *  mmviz:mm_state	the mm's /proc/PID/maps lines, the pages present in
 *			each VMA, the break and the allocator counters
 *
 * mt_dump and mm_state are snapshots: the mmap and fault events mark the
 * current mm as changed, and the next event recorded at a point where the
 * tree is consistent (an mmap, fault or system-call event) first records
 * the snapshot of the changed mm (kernel/trace/trace_mm.c).
 */
#ifndef _TRACE_EVENTS_MMVIZ_H
#define _TRACE_EVENTS_MMVIZ_H

#include <linux/tracepoint.h>
#include <linux/types.h>

/* @len bytes of strace's console text at @text. */
DEFINE_TRACE_HOOK(strace, (const char *text, size_t len), (text, len))

#endif
