/* SPDX-License-Identifier: MIT */
/*
 * Linux's x86 exceptions:page_fault_user event
 * (arch/x86/include/asm/trace/exceptions.h): a page fault taken in user
 * mode, before it is handled.
 */
#ifndef _TRACE_EVENTS_EXCEPTIONS_H
#define _TRACE_EVENTS_EXCEPTIONS_H

#include <linux/tracepoint.h>

struct pt_regs;

DEFINE_TRACE_HOOK(page_fault_user, (unsigned long address, struct pt_regs *regs,
				    unsigned long error_code), (address, regs, error_code))

#endif
