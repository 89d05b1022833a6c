// SPDX-License-Identifier: MIT
/* The checked user-copy functions of linux/uaccess.h over the primitives in uaccess.S. */
#include <linux/uaccess.h>
#include <linux/errno.h>

unsigned long raw_copy_user(void *to, const void *from, unsigned long n);
unsigned long raw_clear_user(void *to, unsigned long n);
long raw_strncpy_user(char *dst, const char *src, long count);

/* Copy @n bytes from user @from to @to; returns the bytes NOT copied (0 on success). */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	return raw_copy_user(to, (const void *)from, n);
}

/* Copy @n bytes from @from to user @to; returns the bytes NOT copied (0 on success). */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_copy_user((void *)to, from, n);
}

/* Zero @n bytes of user memory at @to; returns the bytes NOT zeroed (0 on success). */
unsigned long clear_user(void __user *to, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_clear_user((void *)to, n);
}

/*
 * Copy a user string of at most @count bytes (NUL included when it fits);
 * returns its length, @count when it was cut, or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long limit = (unsigned long)src < TASK_SIZE ? TASK_SIZE - (unsigned long)src : 0;

	if (count <= 0)
		return 0;
	if (!limit)
		return -EFAULT;
	/* never read past TASK_SIZE: stop there as if at the end of the buffer */
	if ((unsigned long)count > limit) {
		long n = raw_strncpy_user(dst, (const char *)src, limit);

		return n == (long)limit ? -EFAULT : n;
	}
	return raw_strncpy_user(dst, (const char *)src, count);
}
