/* SPDX-License-Identifier: MIT */
/* siginfo's si_code values: who or what sent a signal (Linux's). */
#ifndef _ASM_GENERIC_SIGINFO_H
#define _ASM_GENERIC_SIGINFO_H

#define SI_USER		0	/* kill() */
#define SI_KERNEL	0x80	/* the kernel (Ctrl-C, a fault) */
#define SI_TKILL	-6	/* tkill() or tgkill() */

/* SIGSEGV */
#define SEGV_MAPERR	1	/* no mapping at the address */
#define SEGV_ACCERR	2	/* a mapping that forbids the access */

/* SIGCHLD */
#define CLD_EXITED	1	/* the child exited */
#define CLD_KILLED	2	/* a signal killed it */
#define CLD_DUMPED	3	/* killed, with a core dump */

#endif
