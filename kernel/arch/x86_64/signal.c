// SPDX-License-Identifier: MIT
/*
 * The x86-64 signal frame (Linux's arch/x86/kernel/signal.c, 64-bit only,
 * FPU state as a plain fxsave image). To run a handler, the kernel writes
 * below the user's stack (past the 128-byte red zone):
 *
 *	fxsave image (512 bytes, 64-byte aligned)	<- uc.uc_mcontext.fpstate
 *	struct rt_sigframe: pretcode, ucontext, siginfo	<- rsp at handler entry
 *
 * pretcode is sa_restorer, so the handler's `ret` lands in the libc stub
 * that calls rt_sigreturn, which reads the registers, FPU state and signal
 * mask back from the frame. The layout is Linux's, so glibc-style code
 * that reads ucontext_t (registers in uc_mcontext.gregs) works unchanged.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <asm/ptrace.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/switch_to.h>

#define FXSAVE_SIZE		512
#define FXSAVE_SW_RESERVED	464	/* bytes 464..511 of the image are left to software */
#define REDZONE_SIZE		128	/* the ABI's area below rsp that leaf functions use */
#define SS_DISABLE		2	/* uc_stack: no alternate signal stack */
#define UC_SIGCONTEXT_SS	0x2	/* uc_flags: sigcontext.ss is meaningful */
#define UC_STRICT_RESTORE_SS	0x4

/* EFLAGS bits the frame may change (Linux's FIX_EFLAGS): arithmetic flags, TF, DF, AC, RF. */
#define X86_EFLAGS_CF	(1UL << 0)
#define X86_EFLAGS_PF	(1UL << 2)
#define X86_EFLAGS_AF	(1UL << 4)
#define X86_EFLAGS_ZF	(1UL << 6)
#define X86_EFLAGS_SF	(1UL << 7)
#define X86_EFLAGS_OF	(1UL << 11)
#define X86_EFLAGS_RF	(1UL << 16)
#define FIX_EFLAGS	(X86_EFLAGS_AC | X86_EFLAGS_OF | X86_EFLAGS_DF | X86_EFLAGS_TF | \
			 X86_EFLAGS_SF | X86_EFLAGS_ZF | X86_EFLAGS_AF | X86_EFLAGS_PF | \
			 X86_EFLAGS_CF | X86_EFLAGS_RF)

/* struct sigcontext of Linux's uapi asm/sigcontext.h (64-bit): 256 bytes. */
struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 di, si, bp, bx, dx, ax, cx, sp, ip, flags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;			/* user address of the fxsave image, or 0 */
	u64 reserved1[8];
};

/* stack_t: the alternate signal stack (never set here: SS_DISABLE). */
struct user_stack {
	u64 ss_sp;
	int ss_flags;
	u64 ss_size;
};

struct user_ucontext {
	u64 uc_flags;
	u64 uc_link;
	struct user_stack uc_stack;
	struct sigcontext_64 uc_mcontext;
	u64 uc_sigmask;			/* the mask rt_sigreturn restores */
};

/* siginfo_t: 128 bytes, the union 8-byte aligned at offset 16. */
struct user_siginfo {
	int si_signo;
	int si_errno;
	int si_code;
	int pad;
	union {
		struct {
			int si_pid;
			u32 si_uid;
		} kill;
		struct {
			u64 si_addr;	/* the faulting address */
		} sigfault;
		u8 fields[112];
	};
};

struct rt_sigframe {
	u64 pretcode;			/* the handler's return address: sa_restorer */
	struct user_ucontext uc;
	struct user_siginfo info;
};

_Static_assert(sizeof(struct sigcontext_64) == 256, "Linux's struct sigcontext");
_Static_assert(sizeof(struct user_ucontext) == 304, "Linux's struct ucontext");
_Static_assert(sizeof(struct user_siginfo) == 128, "Linux's siginfo_t");
_Static_assert(sizeof(struct rt_sigframe) == 440, "Linux's struct rt_sigframe");

/* The saved registers of @regs as a sigcontext (Linux's setup_sigcontext). */
static void setup_sigcontext(struct sigcontext_64 *sc, const struct pt_regs *regs,
			     unsigned long blocked, unsigned long fpstate)
{
	*sc = (struct sigcontext_64){
		.r8 = regs->r8, .r9 = regs->r9, .r10 = regs->r10, .r11 = regs->r11,
		.r12 = regs->r12, .r13 = regs->r13, .r14 = regs->r14, .r15 = regs->r15,
		.di = regs->rdi, .si = regs->rsi, .bp = regs->rbp, .bx = regs->rbx,
		.dx = regs->rdx, .ax = regs->rax, .cx = regs->rcx, .sp = regs->rsp,
		.ip = regs->rip, .flags = regs->rflags, .cs = regs->cs, .ss = regs->ss,
		/* for an exception, vector and error code; a system call has none */
		.trapno = regs->vector == -1UL ? 0 : regs->vector,
		.err = regs->vector == -1UL ? 0 : regs->orig_rax,
		.oldmask = blocked, .fpstate = fpstate,
	};
}

int setup_rt_frame(int sig, const struct k_sigaction *action, const struct kernel_siginfo *info,
		   unsigned long blocked, struct pt_regs *regs)
{
	unsigned long fpstate = (regs->rsp - REDZONE_SIZE - FXSAVE_SIZE) & ~63UL;
	/* 16-byte aligned minus 8: as if `call handler` had pushed pretcode */
	unsigned long address = ((fpstate - sizeof(struct rt_sigframe)) & ~15UL) - 8;
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)address;
	u8 fxsave[FXSAVE_SIZE] __aligned(16);
	struct rt_sigframe kframe;

	/* x86-64 Linux has no default return path: without a restorer the frame is bad */
	if (!(action->flags & SA_RESTORER))
		return -EFAULT;
	memset(&kframe, 0, sizeof(kframe));
	kframe.pretcode = (unsigned long)action->restorer;
	kframe.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	kframe.uc.uc_stack.ss_flags = SS_DISABLE;
	setup_sigcontext(&kframe.uc.uc_mcontext, regs, blocked, fpstate);
	kframe.uc.uc_sigmask = blocked;
	kframe.info.si_signo = sig;
	kframe.info.si_code = info->si_code;
	if (info->si_code == SI_USER)
		kframe.info.kill.si_pid = info->si_pid;	/* si_uid: everyone is root (0) */
	else if (info->si_code == SEGV_MAPERR || info->si_code == SEGV_ACCERR)
		kframe.info.sigfault.si_addr = info->si_addr;

	memset(fxsave, 0, sizeof(fxsave));
	__asm__ __volatile__("fxsave %0" : "=m"(fxsave));
	memset(fxsave + FXSAVE_SW_RESERVED, 0, FXSAVE_SIZE - FXSAVE_SW_RESERVED);
	if (copy_to_user((void __user *)fpstate, fxsave, sizeof(fxsave)) ||
	    copy_to_user(frame, &kframe, sizeof(kframe)))
		return -EFAULT;

	regs->rdi = sig;
	regs->rsi = (unsigned long)&frame->info;
	regs->rdx = (unsigned long)&frame->uc;
	regs->rax = 0;		/* no vector registers used, for varargs handlers */
	regs->rip = (unsigned long)action->handler;
	regs->rsp = address;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->rflags &= ~(X86_EFLAGS_DF | X86_EFLAGS_RF | X86_EFLAGS_TF);
	fpu_reset_current();
	return 0;
}

/* Is @address canonical (bits 63..47 all equal)? iretq faults in the kernel otherwise. */
static bool canonical(u64 address)
{
	return (u64)((long)(address << 16) >> 16) == address;
}

/*
 * Linux's restore_sigcontext: registers from @sc into @regs, with the user
 * code and stack selectors whatever the frame says and only FIX_EFLAGS
 * taken from it. False if the frame cannot be trusted.
 */
static bool restore_sigcontext(struct pt_regs *regs, const struct sigcontext_64 *sc)
{
	if (!canonical(sc->ip) || !canonical(sc->sp))
		return false;
	regs->r8 = sc->r8;
	regs->r9 = sc->r9;
	regs->r10 = sc->r10;
	regs->r11 = sc->r11;
	regs->r12 = sc->r12;
	regs->r13 = sc->r13;
	regs->r14 = sc->r14;
	regs->r15 = sc->r15;
	regs->rdi = sc->di;
	regs->rsi = sc->si;
	regs->rbp = sc->bp;
	regs->rbx = sc->bx;
	regs->rdx = sc->dx;
	regs->rax = sc->ax;
	regs->rcx = sc->cx;
	regs->rsp = sc->sp;
	regs->rip = sc->ip;
	regs->rflags = (regs->rflags & ~FIX_EFLAGS) | (sc->flags & FIX_EFLAGS);
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	return true;
}

#define BAD_FRAME_FMT "%s[%d] bad frame in %s frame:%016lx ip:%lx sp:%lx orax:%lx\n"

/* Linux's signal_fault: report the bad frame and kill the caller with SIGSEGV. */
static void signal_fault(const struct pt_regs *regs, const void __user *frame, const char *where)
{
	if (current->pid > 1)
		printk(KERN_INFO BAD_FRAME_FMT, current->comm, current->pid, where,
		       (unsigned long)frame, regs->rip, regs->rsp, regs->orig_rax);
	else
		printk(KERN_EMERG BAD_FRAME_FMT, current->comm, current->pid, where,
		       (unsigned long)frame, regs->rip, regs->rsp, regs->orig_rax);
	force_sig(SIGSEGV);
}

/*
 * rt_sigreturn(2): called by the restorer when a handler returns, with rsp
 * just past pretcode. Restores the registers (rax included: that is this
 * call's result), the FPU state and the signal mask from the frame. A
 * frame that cannot be read, or holds non-canonical addresses or a
 * misaligned FPU image, kills the caller with SIGSEGV.
 */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)(regs->rsp - sizeof(long));
	u8 fxsave[FXSAVE_SIZE] __aligned(16);
	struct user_ucontext uc;

	if (copy_from_user(&uc, &frame->uc, sizeof(uc)))
		goto badframe;
	if (uc.uc_mcontext.fpstate &&
	    ((uc.uc_mcontext.fpstate & 15) ||
	     copy_from_user(fxsave, (const void __user *)uc.uc_mcontext.fpstate, sizeof(fxsave))))
		goto badframe;
	if (!restore_sigcontext(regs, &uc.uc_mcontext))
		goto badframe;
	set_current_blocked(uc.uc_sigmask);
	if (uc.uc_mcontext.fpstate)
		fpu_restore_current(fxsave);
	else
		fpu_reset_current();	/* no FPU state saved: start afresh, as Linux */
	return regs->rax;

badframe:
	signal_fault(regs, frame, "rt_sigreturn");
	return 0;
}
