// SPDX-License-Identifier: MIT
/*
 * brk and sbrk with glibc's semantics over the raw system call, which
 * always answers with the break as it now stands (mm/mmap.c's
 * SYSCALL_DEFINE1(brk): the new break on success, the old one on failure).
 */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/raw_syscall.h>

/* The break as last reported by the kernel; NULL until first asked. */
void *__curbrk;

/* brk - set the break to addr. Returns 0, or -1 with ENOMEM when the kernel's answer is below addr. */
int brk(void *addr)
{
	void *now = (void *)syscall1(SYS_brk, (long)addr);

	__curbrk = now;
	if ((uintptr_t)now < (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/*
 * sbrk - move the break by increment. Returns the old break, or
 * (void *)-1 with ENOMEM; an increment that would wrap around the address
 * space is refused without asking the kernel. sbrk(0) asks the kernel
 * only the first time (brk(NULL)), like glibc.
 */
void *sbrk(intptr_t increment)
{
	uintptr_t old;

	if (!__curbrk && brk(NULL) < 0)
		return (void *)-1;
	old = (uintptr_t)__curbrk;
	if (increment == 0)
		return __curbrk;
	if (increment > 0 ? old + (uintptr_t)increment < old : old < (uintptr_t)-increment) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}
