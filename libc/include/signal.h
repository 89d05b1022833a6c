/* SPDX-License-Identifier: MIT */
/* Signals: Linux x86-64 numbers, kill() and rt_sigaction/rt_sigprocmask wrappers. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>

#include <asm-generic/signal.h>
#include <asm-generic/siginfo.h>

/* glibc's NSIG: one more than the highest signal number. */
#define NSIG		(_NSIG + 1)

typedef void (*sighandler_t)(int);
typedef int sig_atomic_t;

#define SIG_DFL	((sighandler_t)0)
#define SIG_IGN	((sighandler_t)1)
#define SIG_ERR	((sighandler_t)-1)

/* The kernel's sigset_t: one bit per signal 1..64. */
typedef struct { unsigned long sig[1]; } sigset_t;

/* What an SA_SIGINFO handler gets (Linux x86-64's siginfo_t: 128 bytes). */
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		int __pad[29];
		struct {
			pid_t si_pid;
			unsigned int si_uid;
		} __kill;
		void *si_addr;		/* faults */
	} __fields;
} siginfo_t;
#define si_pid	__fields.__kill.si_pid
#define si_uid	__fields.__kill.si_uid
#define si_addr	__fields.si_addr

/*
 * The kernel's struct sigaction on x86-64; sigaction() adds SA_RESTORER and
 * its own sa_restorer (the stub that calls rt_sigreturn).
 */
struct sigaction {
	union {
		sighandler_t sa_handler;
		void (*sa_sigaction)(int, siginfo_t *, void *);	/* with SA_SIGINFO */
	} __sigaction_handler;
	unsigned long sa_flags;
	void (*sa_restorer)(void);
	sigset_t sa_mask;
};
#define sa_handler	__sigaction_handler.sa_handler
#define sa_sigaction	__sigaction_handler.sa_sigaction

int kill(pid_t pid, int sig);
int raise(int sig);
sighandler_t signal(int sig, sighandler_t handler);
int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old);
int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif
