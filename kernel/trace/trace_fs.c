// SPDX-License-Identifier: MIT
/*
 * /sys/kernel/tracing (Linux's tracefs, the files the event tracer needs):
 *
 *  available_events	every event, "system:name" a line
 *  set_event		the events that are on; writing "system:name",
 *			"system:*", "name" or "!name" (space or newline
 *			separated) turns them on or off. A write at offset 0
 *			without O_APPEND first turns every event off, as
 *			`echo ... > set_event` does on Linux (`>>` appends)
 *  tracing_on		1 or 0: record or not (the events stay as set)
 *  trace		the records in ftrace's text format, after its
 *			header; recording pauses while it is open for
 *			reading (as Linux's iterator does); any write
 *			empties the buffer (`echo > trace`)
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/trace.h>
#include "trace.h"

#define TRACEFS_DEV		MKDEV(0, 3)	/* after rootfs 0:1 and proc 0:2 */
#define TRACEFS_ROOT_INO	1
#define TRACEFS_WRITE_MAX	1023		/* bytes of one write to set_event */

struct tracefs_file {
	const char *name;
	umode_t mode;
	void (*show)(struct seq_file *m);		/* the text a read returns */
	int (*store)(struct file *file, char *text);	/* what a write does: 0 or -errno */
	const struct file_operations *fops;		/* instead of show/store */
};

static void available_events_show(struct seq_file *m)
{
	for (unsigned int i = 0; i < trace_event_count; i++)
		seq_printf(m, "%s:%s\n", trace_event_list[i]->system, trace_event_list[i]->name);
}

static void set_event_show(struct seq_file *m)
{
	for (unsigned int i = 0; i < trace_event_count; i++)
		if (READ_ONCE(trace_event_list[i]->enabled))
			seq_printf(m, "%s:%s\n", trace_event_list[i]->system,
				   trace_event_list[i]->name);
}

static int set_event_store(struct file *file, char *text)
{
	if (file->f_pos == 0 && !(file->f_flags & O_APPEND))
		trace_clear_all_events();
	return trace_set_events(text, false);
}

static void tracing_on_show(struct seq_file *m)
{
	seq_printf(m, "%d\n", tracing_on);
}

static int tracing_on_store(struct file *file, char *text)
{
	if ((text[0] != '0' && text[0] != '1') || (text[1] && text[1] != '\n'))
		return -EINVAL;
	WRITE_ONCE(tracing_on, text[0] == '1');
	return 0;
}

/* ---- The small files: regenerated on each read, parsed on each write ---- */

static ssize_t tracefs_small_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	const struct tracefs_file *tf = file_inode(file)->i_private;
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct seq_file m;
	ssize_t ret;

	if (!buf)
		return -ENOMEM;
	seq_init(&m, buf, PAGE_SIZE);
	tf->show(&m);
	ret = simple_read_from_buffer(to, pos, m.buf, m.count);
	kfree(buf);
	return ret;
}

static ssize_t tracefs_small_write(struct file *file, const char __user *ubuf, size_t count,
				   loff_t *pos)
{
	const struct tracefs_file *tf = file_inode(file)->i_private;
	char *text;
	int error;

	if (!count)
		return 0;
	if (count > TRACEFS_WRITE_MAX)
		return -EINVAL;
	text = kmalloc(count + 1, GFP_KERNEL);
	if (!text)
		return -ENOMEM;
	if (copy_from_user(text, ubuf, count)) {
		kfree(text);
		return -EFAULT;
	}
	text[count] = '\0';
	error = tf->store(file, text);
	kfree(text);
	if (error)
		return error;
	*pos += count;
	return count;
}

static const struct file_operations tracefs_small_operations = {
	.read_iter = tracefs_small_read,
	.write = tracefs_small_write,
	.llseek = generic_file_llseek,
};

/* ---- trace ---- */

/* An open `trace` file: the header, then the records, read in order. */
struct trace_reader {
	char header[1024];
	size_t header_len;
	struct trace_iterator iter;
	const char *record;		/* the record being copied out */
	size_t record_len, record_done;
	loff_t pos;			/* the file offset this state is at */
	bool reading;			/* holds a pause */
};

static void trace_reader_rewind(struct trace_reader *r)
{
	trace_iter_start(&r->iter);
	r->record = NULL;
	r->record_len = r->record_done = 0;
	r->pos = 0;
}

static int trace_open(struct inode *inode, struct file *file)
{
	struct trace_reader *r;
	struct seq_file m;

	if (!file_readable(file))
		return 0;
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	trace_pause();
	r->reading = true;
	seq_init(&m, r->header, sizeof(r->header));
	trace_print_header(&m);
	r->header_len = m.count;
	trace_reader_rewind(r);
	file->private_data = r;
	return 0;
}

/* Copy up to @count bytes from the reader's position into @to (or skip them when @to is NULL). */
static size_t trace_reader_copy(struct trace_reader *r, struct iov_iter *to, size_t count)
{
	size_t done = 0;

	while (done < count) {
		const char *from;
		size_t n;

		if (r->pos < (loff_t)r->header_len) {
			from = r->header + r->pos;
			n = r->header_len - r->pos;
		} else {
			if (!r->record || r->record_done == r->record_len) {
				r->record = trace_iter_next(&r->iter, &r->record_len);
				r->record_done = 0;
				if (!r->record)
					break;
			}
			from = r->record + r->record_done;
			n = r->record_len - r->record_done;
		}
		n = min(n, count - done);
		if (to && copy_to_iter(from, n, to) < n)
			return done ? done : (size_t)-EFAULT;
		if (r->pos >= (loff_t)r->header_len)
			r->record_done += n;
		r->pos += n;
		done += n;
	}
	return done;
}

static ssize_t trace_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct trace_reader *r = file->private_data;
	size_t done;

	if (!r)
		return -EBADF;
	if (*pos != r->pos) {
		trace_reader_rewind(r);
		if (trace_reader_copy(r, NULL, *pos) != (size_t)*pos)
			return 0;	/* past the end */
	}
	done = trace_reader_copy(r, to, to->count);
	if (IS_ERR_VALUE(done))
		return (ssize_t)done;
	*pos += done;
	return done;
}

static ssize_t trace_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	trace_reset();
	*pos += count;
	return count;
}

static int trace_release(struct inode *inode, struct file *file)
{
	struct trace_reader *r = file->private_data;

	if (r && r->reading)
		trace_unpause();
	kfree(r);
	return 0;
}

static const struct file_operations trace_operations = {
	.open = trace_open,
	.read_iter = trace_read,
	.write = trace_write,
	.llseek = seq_lseek,
	.release = trace_release,
};

/* ---- The directory ---- */

static const struct tracefs_file tracefs_files[] = {
	{ "available_events", S_IFREG | 0444, available_events_show, NULL, NULL },
	{ "set_event", S_IFREG | 0644, set_event_show, set_event_store, NULL },
	{ "trace", S_IFREG | 0644, NULL, NULL, &trace_operations },
	{ "tracing_on", S_IFREG | 0644, tracing_on_show, tracing_on_store, NULL },
};

static struct inode *tracefs_file_inode(size_t i)
{
	struct inode *inode = new_inode();

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_mode = tracefs_files[i].mode;
	inode->i_nlink = 1;
	inode->i_ino = TRACEFS_ROOT_INO + 1 + i;
	inode->i_dev = TRACEFS_DEV;
	inode->i_private = (void *)&tracefs_files[i];
	inode->i_fop = tracefs_files[i].fops ? tracefs_files[i].fops : &tracefs_small_operations;
	return inode;
}

static struct inode *tracefs_lookup(struct inode *dir, const char *name, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(tracefs_files); i++)
		if (strlen(tracefs_files[i].name) == len && !memcmp(tracefs_files[i].name, name, len))
			return tracefs_file_inode(i);
	return ERR_PTR(-ENOENT);
}

/* Positions: 0 ".", 1 "..", then 2 + i for file i. */
static int tracefs_readdir(struct file *file, struct dir_context *ctx)
{
	for (; ctx->pos < 2 + (loff_t)ARRAY_SIZE(tracefs_files); ctx->pos++) {
		const char *name = ctx->pos == 0 ? "." : ctx->pos == 1 ? ".." :
				   tracefs_files[ctx->pos - 2].name;
		unsigned long ino = ctx->pos < 2 ? TRACEFS_ROOT_INO : TRACEFS_ROOT_INO + ctx->pos - 1;

		if (!ctx->actor(ctx, name, strlen(name), ctx->pos + 1, ino,
				ctx->pos < 2 ? DT_DIR : DT_REG))
			return 0;
	}
	return 0;
}

static const struct inode_operations tracefs_dir_inode_operations = {
	.lookup = tracefs_lookup,
};

static const struct file_operations tracefs_dir_operations = {
	.iterate_shared = tracefs_readdir,
	.llseek = seq_lseek,
};

/* Lives forever: the count starts at one that is never dropped. */
static struct inode tracefs_root = {
	.i_mode = S_IFDIR | 0755,
	.i_nlink = 2,
	.i_ino = TRACEFS_ROOT_INO,
	.i_dev = TRACEFS_DEV,
	.i_count = 1,
	.i_op = &tracefs_dir_inode_operations,
	.i_fop = &tracefs_dir_operations,
};

struct inode *tracefs_root_inode(void)
{
	iget(&tracefs_root);
	return &tracefs_root;
}
