// SPDX-License-Identifier: MIT
/*
 * /proc/sys (Linux's fs/proc/proc_sysctl.c and the integer handlers of
 * kernel/sysctl.c, reduced): one table of integer sysctls; /proc/sys
 * lists their directories, each directory its files. Reading a file
 * gives the value and a newline; writing a number sets it, with the
 * checks and the text format of Linux's proc_dointvec_minmax.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mman.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include "internal.h"

/*
 * Every sysctl, one line each. A new directory needs nothing more than
 * its first line: /proc/sys lists each directory once, at its first entry.
 */
static const struct ctl_table sysctl_table[] = {
	{ "vm", "max_map_count", &sysctl_max_map_count, 0, INT_MAX },
};

#define NR_SYSCTLS	ARRAY_SIZE(sysctl_table)

/* Inode numbers: /proc/sys, then one per file, then one per directory. */
_Static_assert(PROC_SYS_INO + 1 + 2 * NR_SYSCTLS <= PROC_PID_INO,
	       "the sysctl inode numbers run into the PID directories'");

static unsigned long sysctl_file_ino(size_t i)
{
	return PROC_SYS_INO + 1 + i;
}

/* The directory whose first table entry is @first. */
static unsigned long sysctl_dir_ino(size_t first)
{
	return PROC_SYS_INO + 1 + NR_SYSCTLS + first;
}

/* The index of the first table entry in entry @i's directory. */
static size_t first_in_dir(size_t i)
{
	size_t first = 0;

	while (strcmp(sysctl_table[first].dir, sysctl_table[i].dir))
		first++;
	return first;
}

/*
 * Is entry @i listed in directory @dir (the directory's first entry),
 * or, for /proc/sys itself (@dir NULL), is it where its directory is listed?
 */
static bool sysctl_listed(const struct ctl_table *dir, size_t i)
{
	if (!dir)
		return first_in_dir(i) == i;
	return !strcmp(sysctl_table[i].dir, dir->dir);
}

/* The name entry @i has in @dir: its file name, or in /proc/sys its directory's. */
static const char *sysctl_name(const struct ctl_table *dir, size_t i)
{
	return dir ? sysctl_table[i].procname : sysctl_table[i].dir;
}

/* Linux's isspace: the C whitespace characters and Latin-1's no-break space. */
static bool sysctl_isspace(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || (unsigned char)c == 0xa0;
}

/* Skip the whitespace at *@buf (*@size bytes), advancing both (Linux's proc_skip_spaces). */
static void proc_skip_spaces(char **buf, size_t *size)
{
	while (*size && sysctl_isspace(**buf)) {
		(*buf)++;
		(*size)--;
	}
}

/* The value of digit @c in bases up to 16, or 16 if it is not one. */
static unsigned int hex_digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return 16;
}

/*
 * Linux's strtoul_lenient with base 0: a number at @s (NUL-terminated),
 * hexadecimal after "0x", octal after "0", else decimal. Stores it in
 * *@res and the end in *@end; returns 0, or -ERANGE if it overflows.
 */
static int strtoul_lenient(const char *s, const char **end, unsigned long *res)
{
	unsigned int base = 10, digit;
	unsigned long value = 0;

	if (s[0] == '0') {
		base = 8;
		if ((s[1] | 0x20) == 'x' && hex_digit_value(s[2]) < 16) {
			base = 16;
			s += 2;
		}
	}
	for (; (digit = hex_digit_value(*s)) < base; s++)
		if (__builtin_mul_overflow(value, base, &value) ||
		    __builtin_add_overflow(value, digit, &value))
			return -ERANGE;
	*end = s;
	*res = value;
	return 0;
}

#define TMPBUFLEN	22	/* Linux's: digits a number may have, with its NUL */

/*
 * Linux's proc_get_long: the number (with an optional '-') at *@buf,
 * of which *@size bytes remain. It must end at the end of the buffer or
 * at a space, tab or newline. Returns 0 with *@val, *@neg set and
 * *@buf, *@size advanced past it, or -EINVAL.
 */
static int proc_get_long(char **buf, size_t *size, unsigned long *val, bool *neg)
{
	char tmp[TMPBUFLEN];
	size_t len = min_t(size_t, *size, TMPBUFLEN - 1);
	const char *p = tmp;

	memcpy(tmp, *buf, len);
	tmp[len] = '\0';
	*neg = *p == '-' && *size > 1;
	if (*neg)
		p++;
	if (*p < '0' || *p > '9')
		return -EINVAL;
	if (strtoul_lenient(p, &p, val))
		return -EINVAL;
	len = p - tmp;
	/* a number that fills tmp may go on past it: refuse rather than guess */
	if (len == TMPBUFLEN - 1)
		return -EINVAL;
	if (len < *size && *p != ' ' && *p != '\t' && *p != '\n')
		return -EINVAL;
	*buf += len;
	*size -= len;
	return 0;
}

/* Linux's do_proc_dointvec_minmax_conv: store the number if it is an int in [min, max]. */
static int proc_dointvec_minmax_conv(const struct ctl_table *table, bool neg, unsigned long lval)
{
	long value;

	if (lval > (neg ? (unsigned long)INT_MAX + 1 : (unsigned long)INT_MAX))
		return -EINVAL;
	value = neg ? -(long)lval : (long)lval;
	if (value < table->min || value > table->max)
		return -EINVAL;
	*table->data = value;
	return 0;
}

/*
 * Set the value from @buffer, of which *@lenp bytes were written at
 * position 0: whitespace, one number, whitespace. Only the first
 * PAGE_SIZE - 1 bytes are looked at. On success *@lenp becomes the
 * bytes consumed (what follows the number and its whitespace is left).
 */
static int proc_dointvec_write(const struct ctl_table *table, char *buffer, size_t *lenp)
{
	size_t left = min_t(size_t, *lenp, PAGE_SIZE - 1);
	unsigned long lval;
	char *p = buffer;
	bool neg;
	int error;

	proc_skip_spaces(&p, &left);
	if (!left)
		return -EINVAL;
	error = proc_get_long(&p, &left, &lval, &neg);
	if (!error)
		error = proc_dointvec_minmax_conv(table, neg, lval);
	if (error)
		return error;
	proc_skip_spaces(&p, &left);
	*lenp -= left;
	return 0;
}

/* Format the value and a newline into @buffer, cut to *@lenp bytes; *@lenp becomes the length. */
static void proc_dointvec_read(const struct ctl_table *table, char *buffer, size_t *lenp)
{
	char tmp[TMPBUFLEN];
	size_t len = snprintf(tmp, sizeof(tmp), "%d\n", *table->data);

	*lenp = min(*lenp, len);
	memcpy(buffer, tmp, *lenp);
}

int proc_dointvec_minmax(const struct ctl_table *table, int write, void *buffer,
			 size_t *lenp, loff_t *ppos)
{
	int error;

	/* a read at position 0 gives the whole text; any later read is at its end */
	if (!*lenp || (*ppos && !write)) {
		*lenp = 0;
		return 0;
	}
	if (!write) {
		proc_dointvec_read(table, buffer, lenp);
	} else if (!*ppos) {
		error = proc_dointvec_write(table, buffer, lenp);
		if (error)
			return error;
	}
	/*
	 * else a write past position 0: accepted and ignored, as under
	 * Linux's default sysctl_writes_strict (1, SYSCTL_WRITES_STRICT)
	 */
	*ppos += *lenp;
	return 0;
}

/* read_iter: the value's text at *@pos, as Linux's proc_sys_read. */
static ssize_t proc_sys_read_iter(struct file *file, struct iov_iter *to, loff_t *pos)
{
	const struct ctl_table *table = file_inode(file)->i_private;
	/* an int and its newline take at most 12 bytes, so a longer read gives the same */
	char buf[TMPBUFLEN] = "";
	size_t count = min(to->count, sizeof(buf));
	int error = proc_dointvec_minmax(table, 0, buf, &count, pos);

	if (error)
		return error;
	if (copy_to_iter(buf, count, to) < count)
		return -EFAULT;
	return count;
}

/*
 * write: set the value from @count bytes at @buf (Linux's proc_sys_write).
 * Returns the bytes consumed, or -EINVAL, -EFAULT, -ENOMEM.
 */
static ssize_t proc_sys_write(struct file *file, const char __user *buf, size_t count,
			      loff_t *pos)
{
	const struct ctl_table *table = file_inode(file)->i_private;
	/* the handler reads no further than PAGE_SIZE - 1 bytes */
	size_t size = min_t(size_t, count, PAGE_SIZE - 1);
	char *kbuf;
	int error;

	if (!count)
		return 0;	/* what the handler gives for nothing written */
	kbuf = kmalloc(size, GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	if (copy_from_user(kbuf, buf, size))
		error = -EFAULT;
	else
		error = proc_dointvec_minmax(table, 1, kbuf, &count, pos);
	kfree(kbuf);
	return error ? error : (ssize_t)count;
}

static const struct file_operations proc_sys_file_operations = {
	.read_iter = proc_sys_read_iter,
	.write = proc_sys_write,
	.llseek = generic_file_llseek,	/* i_size 0, as Linux's default_llseek sees it */
};

static const struct inode_operations proc_sys_dir_inode_operations;
static const struct file_operations proc_sys_dir_file_operations;

/*
 * A new /proc/sys inode, one reference (freed by iput's kfree): a file
 * of table entry @entry, or a directory listing @entry's directory
 * (@entry NULL: /proc/sys itself). Returns it or ERR_PTR(-ENOMEM).
 */
static struct inode *proc_sys_new_inode(umode_t mode, unsigned long ino, const void *entry)
{
	struct inode *inode = new_inode();

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_mode = mode;
	inode->i_ino = ino;
	inode->i_dev = PROC_DEV;
	inode->i_private = (void *)entry;
	if (S_ISDIR(mode)) {
		inode->i_op = &proc_sys_dir_inode_operations;
		inode->i_fop = &proc_sys_dir_file_operations;
	} else {
		inode->i_fop = &proc_sys_file_operations;
	}
	return inode;
}

/* The inode of entry @i in @dir: a file, or in /proc/sys a directory. */
static struct inode *proc_sys_make_inode(const struct ctl_table *dir, size_t i)
{
	if (dir)
		return proc_sys_new_inode(S_IFREG | 0644, sysctl_file_ino(i), &sysctl_table[i]);
	return proc_sys_new_inode(S_IFDIR | 0555, sysctl_dir_ino(i), &sysctl_table[i]);
}

static struct inode *proc_sys_lookup(struct inode *inode, const char *name, size_t len)
{
	const struct ctl_table *dir = inode->i_private;

	for (size_t i = 0; i < NR_SYSCTLS; i++) {
		const char *entry = sysctl_name(dir, i);

		if (sysctl_listed(dir, i) && strlen(entry) == len && !memcmp(entry, name, len))
			return proc_sys_make_inode(dir, i);
	}
	return ERR_PTR(-ENOENT);
}

/* Positions: 0 ".", 1 "..", then 2 + i for table entry i where listed. */
static int proc_sys_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *inode = file_inode(file);
	const struct ctl_table *dir = inode->i_private;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 2, dir ? PROC_SYS_INO : PROC_ROOT_INO, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (; ctx->pos >= 2 && ctx->pos < 2 + (loff_t)NR_SYSCTLS; ctx->pos++) {
		size_t i = ctx->pos - 2;
		const char *name = sysctl_name(dir, i);

		if (!sysctl_listed(dir, i))
			continue;
		if (!ctx->actor(ctx, name, strlen(name), ctx->pos + 1,
				dir ? sysctl_file_ino(i) : sysctl_dir_ino(i), dir ? DT_REG : DT_DIR))
			return 0;
	}
	return 0;
}

static const struct inode_operations proc_sys_dir_inode_operations = {
	.lookup = proc_sys_lookup,
};

static const struct file_operations proc_sys_dir_file_operations = {
	.iterate_shared = proc_sys_readdir,
	.llseek = seq_lseek,
};

struct inode *proc_sys_inode(void)
{
	return proc_sys_new_inode(S_IFDIR | 0555, PROC_SYS_INO, NULL);
}
