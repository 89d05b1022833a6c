/* SPDX-License-Identifier: MIT */
/*
 * Copying between the kernel and user space. Every function checks that
 * the user range lies below TASK_SIZE (so kernel and non-canonical
 * addresses are refused) and survives a fault part-way through: a fault
 * on an unmapped or forbidden user page makes it return an error instead
 * of oopsing (the faulting instructions are in the exception table).
 * Faults on pages that a VMA allows are demand-paged as usual.
 *
 * Under SMAP these functions are the only kernel code that may touch user
 * memory: each opens the door with user_access_begin() and closes it
 * with user_access_end() around the few instructions that do the copy.
 * Any other access to a user address is a kernel bug and oopses.
 */
#ifndef _LINUX_UACCESS_H
#define _LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/smap.h>

#define TASK_SIZE	0x00007ffffffff000UL	/* user space is [0, TASK_SIZE) */

/* Is [addr, addr + size) entirely in user space? */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE && a <= TASK_SIZE - size;
}

/*
 * Open SMAP's door for an access to [ptr, ptr + len), if that range is user
 * space (Linux's user_access_begin); false, with the door shut, if not.
 */
static __always_inline bool user_access_begin(const void __user *ptr, unsigned long len)
{
	if (!access_ok(ptr, len))
		return false;
	stac();
	return true;
}

/* Shut the door again (Linux's user_access_end). */
static __always_inline void user_access_end(void)
{
	clac();
}

/* Return the number of bytes NOT copied (0 on success), as Linux's. */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
/*
 * Copy a NUL-terminated string of at most @count bytes (with the NUL).
 * Returns its length (without the NUL), @count if no NUL was found within
 * @count bytes, or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/* get_user/put_user of one naturally sized value: 0 or -EFAULT. */
#define get_user(x, ptr) ({						\
	__typeof__(*(ptr)) __v;						\
	int __e = copy_from_user((void *)&__v, (const void __user *)(ptr), sizeof(__v)) ? -14 : 0;	\
	if (!__e)							\
		(x) = __v;						\
	__e;								\
})
#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __v = (x);					\
	copy_to_user((ptr), &__v, sizeof(__v)) ? -14 : 0;		\
})

#endif
