/* SPDX-License-Identifier: MIT */
/*
 * Files: the read-only file system over the initramfs, /dev/console and
 * /proc (kernel/fs/). A struct inode is a file system object (a directory,
 * a regular file, a character device); a struct file is an open file;
 * descriptors index current->files[].
 *
 * Lifetimes: inodes and files are reference counted (i_count, f_count).
 * The initramfs tree holds one reference to each of its inodes; /proc
 * makes its inodes at lookup and frees them with the last iput().
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <uapi/linux/fcntl.h>

typedef long long loff_t;
typedef unsigned int umode_t;

#define PATH_MAX	4096	/* bytes in a path, with its NUL */
#define NAME_MAX	255	/* bytes in one path component */
#define MAX_RW_COUNT	0x7ffff000L	/* Linux's cap on one read/write */

/* st_mode bits, Linux's values (open flags: include/uapi/linux/fcntl.h). */
#define S_IFMT		0170000
#define S_IFLNK		0120000
#define S_IFREG		0100000
#define S_IFDIR		0040000
#define S_IFCHR		0020000
#define S_IFIFO		0010000
#define S_ISDIR(m)	(((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m)	(((m) & S_IFMT) == S_IFREG)
#define S_ISCHR(m)	(((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m)	(((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m)	(((m) & S_IFMT) == S_IFLNK)
#define S_IXUGO		0111

/* access() modes. */
#define F_OK		0
#define X_OK		1
#define W_OK		2
#define R_OK		4

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2

/* Directory entry types (getdents64 d_type), Linux's values. */
#define DT_UNKNOWN	0
#define DT_CHR		2
#define DT_DIR		4
#define DT_REG		8
#define DT_LNK		10

/* Device numbers: the kernel's internal dev_t is major << 20 | minor. */
typedef unsigned int dev_t;
#define MINORBITS	20
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & ((1U << MINORBITS) - 1)))

/* The user-visible (stat) encoding of a device number, as Linux's new_encode_dev. */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

struct file;
struct inode;
struct seq_file;
struct task_struct;

/*
 * getdents64's cursor: iterate_shared() calls actor once per entry from
 * ctx->pos on, and stops when actor returns false (the buffer is full).
 * The iterator sets ctx->pos to the next entry's position before each call.
 */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t offset, u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

/*
 * Where read() puts the bytes: a user buffer (read(2)) or a kernel one
 * (kernel_read). Files whose contents are in kernel memory implement
 * read_iter and so serve both.
 */
struct iov_iter {
	bool kernel;			/* kbuf is a kernel address */
	union {
		char __user *ubuf;
		char *kbuf;
	};
	size_t count;			/* bytes still wanted */
};

/* Copy up to @bytes from @from to @iter; returns the bytes copied, advances @iter. */
size_t copy_to_iter(const void *from, size_t bytes, struct iov_iter *iter);

struct file_operations {
	/* Called by open after the struct file is set up; 0 or -errno. */
	int (*open)(struct inode *inode, struct file *file);
	/* Read into a user buffer (used when read_iter is NULL). */
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	/* Read into @to (user or kernel memory); bytes read or -errno. */
	ssize_t (*read_iter)(struct file *file, struct iov_iter *to, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *pos);
	/* NULL: lseek fails with -ESPIPE. */
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	/* Directories: list entries (getdents64). */
	int (*iterate_shared)(struct file *file, struct dir_context *ctx);
	long (*unlocked_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*release)(struct inode *inode, struct file *file);
};

struct inode_operations {
	/* Directories: the child called @name (@len bytes), referenced, or ERR_PTR(-ENOENT...). */
	struct inode *(*lookup)(struct inode *dir, const char *name, size_t len);
	/* Free an inode whose last reference went (NULL: kfree). */
	void (*free_inode)(struct inode *inode);
	/* Symbolic links: the target into @buf (@size bytes, NUL-terminated); its length or -errno. */
	int (*get_link)(struct inode *inode, char *buf, size_t size);
};

struct inode {
	umode_t i_mode;			/* S_IF* | permissions */
	unsigned int i_nlink;
	unsigned int i_uid, i_gid;
	unsigned long i_ino;
	dev_t i_dev;			/* the file system's device (st_dev) */
	dev_t i_rdev;			/* device number, for character devices */
	loff_t i_size;
	long i_mtime;			/* seconds since the epoch */
	int i_count;			/* references: the tree, lookups, open files */
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	void *i_private;		/* the owner's data (file contents, /proc producer) */
};

struct file {
	const struct file_operations *f_op;
	struct inode *f_inode;		/* referenced while the file lives */
	loff_t f_pos;
	unsigned int f_flags;		/* O_* */
	int f_count;			/* descriptors (across tasks) referring to it */
	const char *f_path;		/* absolute path it was opened by (kmalloc'd), for /proc maps */
	void *private_data;
};

static inline struct inode *file_inode(const struct file *file)
{
	return file->f_inode;
}

/* May the file be read / written through its open mode? */
static inline bool file_readable(const struct file *file)
{
	return (file->f_flags & O_ACCMODE) != O_WRONLY;
}
static inline bool file_writable(const struct file *file)
{
	unsigned int mode = file->f_flags & O_ACCMODE;

	return mode == O_WRONLY || mode == O_RDWR;
}

/* Inodes. new_inode returns a zeroed inode with one reference, or NULL. */
struct inode *new_inode(void);
void iget(struct inode *inode);
void iput(struct inode *inode);

/* Open @path (absolute) for the kernel itself; returns a file or ERR_PTR(-errno). */
struct file *filp_open(const char *path, int flags);
/* Read from a file into a kernel buffer at *pos; bytes read or -errno. */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
/* Take / drop a reference to an open file (the last fput releases it). */
void get_file(struct file *file);
void fput(struct file *file);
/*
 * Descriptors (kernel/fs/file.c). alloc_fd: the lowest free descriptor
 * >= @start with FD_CLOEXEC from O_CLOEXEC in @flags, or -EMFILE; every
 * descriptor is chosen there. fd_install fills the slot with @file (the
 * caller's reference); NULL gives an unused slot back.
 */
int alloc_fd(unsigned int start, unsigned int flags);
int get_unused_fd_flags(unsigned int flags);
void fd_install(unsigned int fd, struct file *file);
/* Install @file at the lowest free descriptor of current; returns it or -EMFILE. */
int fd_install_lowest(struct file *file);
/* A new descriptor >= @start naming @file (a reference is taken), or -EMFILE. */
int f_dupfd(unsigned int start, struct file *file, unsigned int flags);
/* FD_CLOEXEC of open descriptor @fd; set it from @arg (fcntl F_GETFD / F_SETFD). */
int get_close_on_exec(unsigned int fd);
void set_fd_flags(unsigned int fd, unsigned long arg);
/* Close the descriptors marked FD_CLOEXEC (execve). */
void do_close_on_exec(void);
/* The capacity of the pipe @file is an end of, or -EBADF (kernel/fs/pipe.c). */
long pipe_fcntl_size(struct file *file);
/* The open file at descriptor @fd of current, referenced (fput it), or NULL. */
struct file *fget(unsigned int fd);
/* Close every descriptor of current (exit, and exec for O_CLOEXEC later). */
void close_files(void);
/* Give @child (being forked from current) a copy of current's descriptor table. */
void dup_files(struct task_struct *child);
/* Open /dev/console as descriptors 0, 1 and 2 of current (for init). */
void open_console_fds(void);
/* Unpack every initramfs module into the root file system. */
void populate_rootfs(void);

/* Library helpers for file_operations. */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
/* lseek with SEEK_SET and SEEK_CUR only (Linux's seq_lseek). */
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
/* read_iter over @size bytes of kernel memory at @from (Linux's simple_read_from_buffer). */
ssize_t simple_read_from_buffer(struct iov_iter *to, loff_t *pos, const void *from, size_t size);

#endif
