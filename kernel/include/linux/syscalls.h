/* SPDX-License-Identifier: MIT */
/*
 * Defining system calls, as Linux does:
 *
 *	SYSCALL_DEFINE1(brk, unsigned long, brk)
 *	{
 *		...
 *	}
 *
 * defines the handler `long sys_brk(unsigned long brk)` (so `break sys_brk`
 * works in GDB), a wrapper `__x64_sys_brk(const struct pt_regs *regs)` that
 * takes the arguments from the saved user registers (rdi, rsi, rdx, r10,
 * r8, r9 in the x86-64 ABI), and a table entry with the call's number
 * (__NR_brk) and name; the dispatcher (kernel/syscall.c) collects these
 * entries into the system-call table at boot. Handlers return a value or
 * -errno; unknown numbers get -ENOSYS.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>

typedef long (*syscall_fn_t)(const struct pt_regs *regs);

struct syscall_metadata {
	int nr;				/* __NR_name */
	int nb_args;
	const char *name;		/* "brk" */
	syscall_fn_t handler;		/* __x64_sys_brk */
};

/* Apply m to each (type, name) pair: __MAP(2, m, t1, a1, t2, a2) = m(t1, a1), m(t2, a2) */
#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a)		t a
#define __SC_LONG(t, a)		unsigned long a
#define __SC_CAST(t, a)		(t)a
#define __SC_ARGS(t, a)		a
/* The ABI's argument registers, paired with empty types for __MAP. */
#define SC_REGS_TO_ARGS(n)						\
	__MAP(n, __SC_ARGS, , regs->rdi, , regs->rsi, , regs->rdx,	\
	      , regs->r10, , regs->r8, , regs->r9)

#define SYSCALL_DEFINE0(name)						\
	long sys_##name(void);						\
	long __x64_sys_##name(const struct pt_regs *regs);		\
	long __x64_sys_##name(const struct pt_regs *regs)		\
	{								\
		return sys_##name();					\
	}								\
	static const struct syscall_metadata __syscall_meta_##name	\
	__used __section("syscall_table_entries") __aligned(8) =	\
		{ __NR_##name, 0, #name, __x64_sys_##name };		\
	__noinline long sys_##name(void)

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, name, __VA_ARGS__)

#define SYSCALL_DEFINEx(n, name, ...)					\
	long sys_##name(__MAP(n, __SC_DECL, __VA_ARGS__));		\
	static long __se_sys_##name(__MAP(n, __SC_LONG, __VA_ARGS__))	\
	{								\
		return sys_##name(__MAP(n, __SC_CAST, __VA_ARGS__));	\
	}								\
	long __x64_sys_##name(const struct pt_regs *regs);		\
	long __x64_sys_##name(const struct pt_regs *regs)		\
	{								\
		return __se_sys_##name(SC_REGS_TO_ARGS(n));		\
	}								\
	static const struct syscall_metadata __syscall_meta_##name	\
	__used __section("syscall_table_entries") __aligned(8) =	\
		{ __NR_##name, n, #name, __x64_sys_##name };		\
	__noinline long sys_##name(__MAP(n, __SC_DECL, __VA_ARGS__))

/* The metadata of system call @nr, or NULL (for tracing). */
const struct syscall_metadata *syscall_metadata(unsigned long nr);

#endif
