// SPDX-License-Identifier: MIT
/*
 * signal_test - user signal handlers as Linux x86-64 runs them: the
 * handler's arguments (signal number, siginfo, ucontext), the stack
 * alignment at its entry, every register and the SSE state preserved
 * across it, sa_mask, SA_NODEFER, SA_RESETHAND, nested handlers, a SIGSEGV
 * handler, blocking calls interrupted (-EINTR) or restarted (SA_RESTART),
 * and the deaths by SIGSEGV: no SA_RESTORER, a stack the frame cannot be
 * written to, rt_sigreturn with a garbage frame.
 *
 * Usage: signal_test       (stdin must block on read until a line comes:
 *                           the console, or on Linux `(sleep 3; echo hi) |`)
 * It prints "# waiting for a line" once a SIGINT has interrupted a read
 * with SA_RESTART; the line typed then must end the restarted read.
 * Passes on Linux too.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "test.h"

/* Offsets in Linux's struct ucontext (x86-64): uc_mcontext at 40, uc_sigmask at 296. */
#define UC_MCONTEXT		40
#define UC_SIGMASK		296
#define SC_RSP			(UC_MCONTEXT + 15 * 8)
#define SC_RIP			(UC_MCONTEXT + 16 * 8)
#define SC_FPSTATE		(UC_MCONTEXT + 23 * 8)

static volatile int handled, handled_signo, handler_aligned, nested_depth, max_depth;
static volatile siginfo_t handled_info;
static volatile unsigned long handler_mask, uc_mask, uc_rip, uc_rsp, uc_fpstate;
static volatile char order[16];
static volatile int order_length;

static void record(char c)
{
	if (order_length < (int)sizeof(order) - 1)
		order[order_length++] = c;
}

static unsigned long blocked_now(void)
{
	sigset_t set;

	sigprocmask(SIG_SETMASK, NULL, &set);
	return set.sig[0];
}

static unsigned long bit(int sig)
{
	return 1UL << (sig - 1);
}

static int install(int sig, void (*handler)(int, siginfo_t *, void *), unsigned long flags,
		   unsigned long mask)
{
	struct sigaction action = { .sa_sigaction = handler, .sa_flags = flags | SA_SIGINFO };

	action.sa_mask.sig[0] = mask;
	return sigaction(sig, &action, NULL);
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&t, NULL);
}

/* The handler of most checks: records what it was given, then clobbers every register. */
static void info_handler(int sig, siginfo_t *info, void *context)
{
	const char *uc = context;

	/* with frame pointers, rbp = entry rsp - 8: 16-byte aligned iff (rsp + 8) % 16 == 0 */
	handler_aligned = ((uintptr_t)__builtin_frame_address(0) % 16) == 0;
	handled++;
	handled_signo = sig;
	handled_info.si_signo = info->si_signo;
	handled_info.si_code = info->si_code;
	handled_info.si_pid = info->si_pid;
	handler_mask = blocked_now();
	uc_mask = *(const unsigned long *)(uc + UC_SIGMASK);
	uc_rip = *(const unsigned long *)(uc + SC_RIP);
	uc_rsp = *(const unsigned long *)(uc + SC_RSP);
	uc_fpstate = *(const unsigned long *)(uc + SC_FPSTATE);
	__asm__ __volatile__("mov $-1, %%rbx; mov $-1, %%r8; mov $-1, %%r9; mov $-1, %%r10\n\t"
			     "mov $-1, %%r11; mov $-1, %%r12; mov $-1, %%r13; mov $-1, %%r14\n\t"
			     "mov $-1, %%r15; mov $-1, %%rdx; pcmpeqd %%xmm0, %%xmm0\n\t"
			     "pcmpeqd %%xmm15, %%xmm15"
			     : : : "rbx", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
			       "rdx", "xmm0", "xmm15");
}

static void check_handler_arguments(void)
{
	unsigned long before = blocked_now();

	handled = 0;
	check(install(SIGUSR1, info_handler, 0, 0) == 0, "sigaction installs a handler");
	check(kill(getpid(), SIGUSR1) == 0 && handled == 1, "the handler runs once, before kill returns");
	check(handled_signo == SIGUSR1, "its first argument is the signal number");
	check(handled_info.si_signo == SIGUSR1, "siginfo si_signo");
	check(handled_info.si_code == SI_USER, "siginfo si_code is SI_USER for kill");
	check(handled_info.si_pid == getpid(), "siginfo si_pid is the sender");
	check(handler_aligned, "at handler entry (rsp + 8) % 16 == 0");
	check(handler_mask == (before | bit(SIGUSR1)), "the signal is blocked while its handler runs");
	check(uc_mask == before, "ucontext uc_sigmask is the mask before the handler");
	check(uc_fpstate != 0 && uc_fpstate % 16 == 0, "ucontext fpstate points to an aligned FPU image");
	check(uc_rsp > (uintptr_t)__builtin_frame_address(0) - 4096 && uc_rip != 0,
	      "ucontext holds the interrupted rsp and rip");
	check(blocked_now() == before, "the mask is restored after the handler");
	check(raise(SIGUSR1) == 0 && handled == 2, "a second signal runs the handler again");
}

/*
 * Every register the syscall instruction does not clobber (rcx, r11) and
 * xmm0/xmm15 hold known values across a kill() whose handler clobbers them all.
 */
static void check_registers_preserved(void)
{
	unsigned long out[12];
	double value = 3.25, after = 0;
	long result = SYS_kill;

	__asm__ __volatile__("mov $0x1111, %%rbx; mov $0x8888, %%r8; mov $0x9999, %%r9\n\t"
			     "mov $0x1010, %%r10; mov $0x1212, %%r12; mov $0x1313, %%r13\n\t"
			     "mov $0x1414, %%r14; mov $0x1515, %%r15\n\t"
			     "movsd %[value], %%xmm0; movsd %[value], %%xmm15\n\t"
			     "syscall\n\t"
			     "mov %%rbx, 0(%%rdx); mov %%r8, 8(%%rdx); mov %%r9, 16(%%rdx)\n\t"
			     "mov %%r10, 24(%%rdx); mov %%r12, 32(%%rdx); mov %%r13, 40(%%rdx)\n\t"
			     "mov %%r14, 48(%%rdx); mov %%r15, 56(%%rdx); mov %%rdi, 64(%%rdx)\n\t"
			     "mov %%rsi, 72(%%rdx); movsd %%xmm0, 80(%%rdx); movsd %%xmm15, 88(%%rdx)"
			     : "+a"(result)
			     : "D"((long)getpid()), "S"((long)SIGUSR1), "d"(out), [value] "m"(value)
			     : "rbx", "rcx", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
			       "xmm0", "xmm15", "memory");
	check(result == 0 && handled == 3, "kill from assembly ran the handler");
	check(out[0] == 0x1111 && out[1] == 0x8888 && out[2] == 0x9999 && out[3] == 0x1010 &&
	      out[4] == 0x1212 && out[5] == 0x1313 && out[6] == 0x1414 && out[7] == 0x1515,
	      "rbx, r8-r10, r12-r15 preserved across the handler");
	check(out[8] == (unsigned long)getpid() && out[9] == SIGUSR1, "rdi, rsi preserved");
	memcpy(&after, &out[10], sizeof(after));
	check(after == 3.25, "a double in xmm0 preserved across the handler");
	memcpy(&after, &out[11], sizeof(after));
	check(after == 3.25, "a double in xmm15 preserved across the handler");
}

static void mask_handler(int sig, siginfo_t *info, void *context)
{
	record(sig == SIGUSR1 ? '1' : '2');
	if (sig == SIGUSR1) {
		handler_mask = blocked_now();
		raise(SIGUSR2);
		record('e');
	}
}

static void check_mask_and_nodefer(void)
{
	order_length = 0;
	install(SIGUSR1, mask_handler, 0, bit(SIGUSR2));
	install(SIGUSR2, mask_handler, 0, 0);
	raise(SIGUSR1);
	order[order_length] = '\0';
	check(strcmp((const char *)order, "1e2") == 0,
	      "sa_mask: a signal raised in the handler waits for its end (order 1e2)");
	check(handler_mask & bit(SIGUSR2), "sa_mask is blocked during the handler");

	order_length = 0;
	install(SIGUSR1, mask_handler, SA_NODEFER, 0);
	raise(SIGUSR1);
	order[order_length] = '\0';
	check(strcmp((const char *)order, "12e") == 0,
	      "nested: a signal raised in the handler runs at once (order 12e)");
	check(!(handler_mask & bit(SIGUSR1)), "SA_NODEFER: the signal is not blocked in its handler");
	check(blocked_now() == 0, "no signal blocked after the nested handlers");
}

static void depth_handler(int sig, siginfo_t *info, void *context)
{
	if (++nested_depth > max_depth)
		max_depth = nested_depth;
	if (nested_depth < 3)
		raise(SIGUSR1);
	nested_depth--;
}

static void check_nested_same_signal(void)
{
	install(SIGUSR1, depth_handler, SA_NODEFER, 0);
	raise(SIGUSR1);
	check(max_depth == 3 && nested_depth == 0, "SA_NODEFER: a handler nests three deep in itself");
}

/* Run @fn in a child; its wait status, or -1. */
static int in_child(void (*fn)(void))
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return status;
}

static bool killed_by(int status, int sig)
{
	return status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;
}

static void resethand_child(void)
{
	struct sigaction old;

	handled = 0;
	install(SIGUSR1, info_handler, SA_RESETHAND, 0);
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &old);
	if (handled != 1 || old.sa_handler != SIG_DFL)
		_exit(3);
	raise(SIGUSR1);		/* the default action now: death */
	_exit(4);
}

static int *volatile wild_pointer = (int *)16;

/* exit 42 for a SIGSEGV at wild_pointer with nothing mapped there (SEGV_MAPERR) */
static void segv_handler(int sig, siginfo_t *info, void *context)
{
	if (sig != SIGSEGV || info->si_signo != SIGSEGV)
		_exit(43);
	if (info->si_code != SEGV_MAPERR || info->si_addr != (void *)wild_pointer)
		_exit(44);
	_exit(42);
}

static void segv_child(void)
{
	install(SIGSEGV, segv_handler, 0, 0);
	*wild_pointer = 1;
	_exit(5);
}

static void no_restorer_child(void)
{
	unsigned long action[4] = { (unsigned long)info_handler, 0, 0, 0 };

	/* the raw call: sigaction() would add SA_RESTORER */
	syscall(SYS_rt_sigaction, SIGUSR1, action, NULL, 8);
	raise(SIGUSR1);
	_exit(6);
}

static void bad_stack_child(void)
{
	install(SIGUSR1, info_handler, 0, 0);
	/* kill(getpid(), SIGUSR1) with rsp where no frame can be written */
	__asm__ __volatile__("mov %[sp], %%rsp; syscall; hlt"
			     : : "a"((long)SYS_kill), "D"((long)getpid()), "S"((long)SIGUSR1),
			       [sp] "r"(0x1000UL) : "memory");
}

static unsigned char garbage[2048] __attribute__((aligned(16)));

/* rt_sigreturn with rsp at @frame + 8 (the restorer's view: pretcode popped). */
static void __attribute__((noreturn)) sigreturn_at(unsigned long frame)
{
	__asm__ __volatile__("mov %[sp], %%rsp; syscall; hlt"
			     : : "a"((long)SYS_rt_sigreturn), [sp] "r"(frame + 8) : "memory");
	__builtin_unreachable();
}

static void garbage_ff_child(void)
{
	memset(garbage, 0xff, sizeof(garbage));
	sigreturn_at((unsigned long)garbage);
}

static void garbage_5a_child(void)
{
	memset(garbage, 0x5a, sizeof(garbage));
	sigreturn_at((unsigned long)garbage);
}

static void unmapped_frame_child(void)
{
	sigreturn_at(0x10);
}

static void check_deaths(void)
{
	int status = in_child(resethand_child);

	check(killed_by(status, SIGUSR1), "SA_RESETHAND: the second signal gets the default action");
	status = in_child(segv_child);
	check(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 42,
	      "a SIGSEGV handler runs on a bad write, with SEGV_MAPERR and si_addr");
	check(killed_by(in_child(no_restorer_child), SIGSEGV),
	      "a handler without SA_RESTORER: death by SIGSEGV");
	check(killed_by(in_child(bad_stack_child), SIGSEGV),
	      "no room for the frame on the stack: death by SIGSEGV");
	check(killed_by(in_child(garbage_ff_child), SIGSEGV),
	      "rt_sigreturn with a frame of 0xff bytes: death by SIGSEGV");
	check(killed_by(in_child(garbage_5a_child), SIGSEGV),
	      "rt_sigreturn with a frame of 0x5a bytes: death by SIGSEGV");
	check(killed_by(in_child(unmapped_frame_child), SIGSEGV),
	      "rt_sigreturn with an unmapped frame: death by SIGSEGV");
}

static volatile int interrupts;
static volatile int announce;

static void interrupt_handler(int sig, siginfo_t *info, void *context)
{
	static const char line[] = "# waiting for a line\n";

	interrupts++;
	if (announce)
		write(1, line, sizeof(line) - 1);
}

/* A child that sends @sig to its parent after @ms milliseconds, then lives @linger_ms more. */
static pid_t signal_parent_later(int sig, long ms, long linger_ms)
{
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		sleep_ms(ms);
		kill(getppid(), sig);
		sleep_ms(linger_ms);
		_exit(7);
	}
	return pid;
}

/* Wait for a child of signal_parent_later(): did it exit with its status 7? */
static int reaped(pid_t child)
{
	int status;

	return waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 7;
}

static void check_interrupted_calls(void)
{
	struct timespec t = { 5, 0 }, left = { 0, 0 };
	char line[128];
	int status = 0, error;
	pid_t child;
	long n;

	/* without SA_RESTART: -EINTR */
	install(SIGINT, interrupt_handler, 0, 0);
	interrupts = 0;
	child = signal_parent_later(SIGINT, 100, 0);
	errno = 0;
	n = read(0, line, sizeof(line));
	error = errno;
	check(reaped(child) && n == -1 && error == EINTR && interrupts == 1,
	      "a blocking read interrupted by a handler: -1 EINTR");

	interrupts = 0;
	child = signal_parent_later(SIGINT, 100, 300);
	errno = 0;
	n = waitpid(child, &status, 0);
	error = errno;
	check(reaped(child) && n == -1 && error == EINTR && interrupts == 1,
	      "wait4 interrupted: -1 EINTR");

	/* with SA_RESTART */
	install(SIGINT, interrupt_handler, SA_RESTART, 0);
	interrupts = 0;
	child = signal_parent_later(SIGINT, 100, 300);
	n = waitpid(child, &status, 0);
	check(n == child && WIFEXITED(status) && WEXITSTATUS(status) == 7 && interrupts == 1,
	      "SA_RESTART: wait4 restarted, returns the child");

	interrupts = 0;
	child = signal_parent_later(SIGINT, 100, 0);
	errno = 0;
	n = nanosleep(&t, &left);
	error = errno;
	check(reaped(child) && n == -1 && error == EINTR && interrupts == 1 && left.tv_sec >= 3,
	      "SA_RESTART: nanosleep still ends with -1 EINTR and the time left");

	interrupts = 0;
	announce = 1;
	child = signal_parent_later(SIGINT, 100, 0);
	n = read(0, line, sizeof(line));
	announce = 0;
	check(reaped(child) && n > 0 && interrupts == 1,
	      "SA_RESTART: a read is restarted and gets the line");
	signal(SIGINT, SIG_DFL);
}

int main(void)
{
	test_plan(36);
	check_handler_arguments();
	check_registers_preserved();
	check_mask_and_nodefer();
	check_nested_same_signal();
	check_deaths();
	check_interrupted_calls();
	return test_exit_status();
}
