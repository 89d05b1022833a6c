/* SPDX-License-Identifier: MIT */
/*
 * Trace events (Linux's include/linux/tracepoint.h, reduced): a named
 * point in the code, off until enabled by the `trace_event=` command-line
 * word or /sys/kernel/tracing/set_event (kernel/trace/).
 *
 *	DEFINE_TRACE_HOOK(vma_store, (struct maple_tree *mt, struct vm_area_struct *vma),
 *			  (mt, vma))
 *
 * declares the event's switch (struct trace_event_call event_vma_store),
 * its recorder __trace_vma_store() (kernel/trace/trace_events.c, which
 * formats the fields as Linux's TP_printk does) and trace_vma_store(),
 * the call placed in the code. When the event is off, trace_vma_store()
 * costs one compare with memory and one branch not taken (2 instructions);
 * the recorder is out of line.
 *
 * The host test builds (CONFIG_HOST_TEST) compile the mm code without the
 * tracer, and `make TRACEPOINTS=0` (CONFIG_NO_TRACEPOINTS, the baseline
 * of make bench's tracepoint table) compiles every hook out: there every
 * trace_NAME() is an empty inline function.
 */
#ifndef _LINUX_TRACEPOINT_H
#define _LINUX_TRACEPOINT_H

#include <linux/types.h>
#include <linux/compiler.h>

/* One event: "system:name" as set_event and trace_event= spell it. */
struct trace_event_call {
	const char *system;
	const char *name;
	bool enabled;
};

#if !defined(CONFIG_HOST_TEST) && !defined(CONFIG_NO_TRACEPOINTS)
#define DEFINE_TRACE_HOOK(name, proto, args)					\
	extern struct trace_event_call event_##name;				\
	void __trace_##name proto;						\
	static __always_inline void trace_##name proto				\
	{									\
		if (unlikely(event_##name.enabled))				\
			__trace_##name args;					\
	}
#else
#define DEFINE_TRACE_HOOK(name, proto, args)					\
	static inline void trace_##name proto {}
#endif

#endif
