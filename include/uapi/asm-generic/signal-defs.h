/* SPDX-License-Identifier: MIT */
/* rt_sigaction's sa_flags and rt_sigprocmask's @how, Linux x86-64 values. */
#ifndef _ASM_GENERIC_SIGNAL_DEFS_H
#define _ASM_GENERIC_SIGNAL_DEFS_H

#define SA_NOCLDSTOP	0x00000001	/* no SIGCHLD when a child stops */
#define SA_NOCLDWAIT	0x00000002	/* children leave no zombies */
#define SA_SIGINFO	0x00000004	/* the handler takes (sig, siginfo, context) */
#define SA_RESTORER	0x04000000	/* sa_restorer is set (x86-64: required) */
#define SA_ONSTACK	0x08000000	/* run on the sigaltstack */
#define SA_RESTART	0x10000000	/* restart interrupted system calls */
#define SA_NODEFER	0x40000000	/* do not block the signal in its handler */
#define SA_RESETHAND	0x80000000	/* back to SIG_DFL once delivered */

#define SIG_BLOCK	0	/* rt_sigprocmask: add to the blocked set */
#define SIG_UNBLOCK	1	/* remove from it */
#define SIG_SETMASK	2	/* replace it */

#endif
