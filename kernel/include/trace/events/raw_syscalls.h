/* SPDX-License-Identifier: MIT */
/*
 * Linux's raw_syscalls:sys_enter and raw_syscalls:sys_exit
 * (include/trace/events/syscalls.h): every system call's number and
 * arguments, then its result.
 */
#ifndef _TRACE_EVENTS_RAW_SYSCALLS_H
#define _TRACE_EVENTS_RAW_SYSCALLS_H

#include <linux/tracepoint.h>

struct pt_regs;

DEFINE_TRACE_HOOK(sys_enter, (struct pt_regs *regs, long id), (regs, id))
DEFINE_TRACE_HOOK(sys_exit, (struct pt_regs *regs, long ret), (regs, ret))

#endif
