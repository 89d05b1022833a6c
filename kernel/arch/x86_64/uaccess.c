// SPDX-License-Identifier: MIT
/*
 * The checked user-copy functions of linux/uaccess.h over the primitives in
 * copy_user.S: each checks the range and opens SMAP's door only for the
 * primitive's run (user_access_begin ... user_access_end).
 */
#include <linux/uaccess.h>
#include <linux/errno.h>

unsigned long raw_copy_user(void *to, const void *from, unsigned long n);
unsigned long raw_clear_user(void *to, unsigned long n);
long raw_strncpy_user(char *dst, const char *src, long count);

/* Copy @n bytes from user @from to @to; returns the bytes NOT copied (0 on success). */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left;

	if (!user_access_begin(from, n))
		return n;
	left = raw_copy_user(to, (const void *)from, n);
	user_access_end();
	return left;
}

/* Copy @n bytes from @from to user @to; returns the bytes NOT copied (0 on success). */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	unsigned long left;

	if (!user_access_begin(to, n))
		return n;
	left = raw_copy_user((void *)to, from, n);
	user_access_end();
	return left;
}

/* Zero @n bytes of user memory at @to; returns the bytes NOT zeroed (0 on success). */
unsigned long clear_user(void __user *to, unsigned long n)
{
	unsigned long left;

	if (!user_access_begin(to, n))
		return n;
	left = raw_clear_user((void *)to, n);
	user_access_end();
	return left;
}

/*
 * Copy a user string of at most @count bytes (NUL included when it fits);
 * returns its length, @count when it was cut, or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
	unsigned long limit = (unsigned long)src < TASK_SIZE ? TASK_SIZE - (unsigned long)src : 0;
	bool cut = (unsigned long)count > limit;
	long n;

	if (count <= 0)
		return 0;
	/* never read past TASK_SIZE: stop there as if at the end of the buffer */
	if (cut)
		count = limit;
	if (!user_access_begin(src, count))
		return -EFAULT;
	n = raw_strncpy_user(dst, (const char *)src, count);
	user_access_end();
	return cut && n == count ? -EFAULT : n;
}
