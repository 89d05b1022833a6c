/* SPDX-License-Identifier: MIT */
/*
 * What the pieces of kernel/fs/ share: the in-memory tree the initramfs
 * is unpacked into (ramfs), path lookup, the open path, and /proc.
 */
#ifndef _FS_INTERNAL_H
#define _FS_INTERNAL_H

#include <linux/fs.h>
#include <linux/list.h>

/* Device numbers of the two file systems (anonymous devices, as Linux's 0:N). */
#define ROOTFS_DEV	MKDEV(0, 1)
#define PROC_DEV	MKDEV(0, 2)
#define PIPEFS_DEV	MKDEV(0, 3)

/* A name in a ramfs directory; the entry holds one reference to @inode. */
struct ramfs_dirent {
	struct list_head sibling;	/* in ramfs_dir.children, in creation order */
	struct inode *inode;
	size_t name_len;
	char name[];			/* NUL-terminated */
};

/* A ramfs directory (its inode's i_private). */
struct ramfs_dir {
	struct list_head children;
	struct inode *parent;		/* for "..": itself at the root (not referenced) */
};

/* ramfs (kernel/fs/ramfs.c). */
struct inode *ramfs_new_root(void);
bool is_ramfs_dir(const struct inode *inode);
/* Drop every entry under @dir and @dir's own reference (the tree must not be in use). */
void ramfs_destroy_tree(struct inode *dir);
/* Child @name of directory @dir, not referenced, or NULL. */
struct inode *ramfs_find(struct inode *dir, const char *name, size_t len);
/* Make directory @name in @dir (or return the existing one); not referenced; NULL on error. */
struct inode *ramfs_mkdir(struct inode *dir, const char *name, size_t len, umode_t mode);
/* Bind @name in @dir to @inode, replacing an existing non-directory or empty directory.
 * Takes over the caller's reference to @inode. 0 or -errno. */
int ramfs_link(struct inode *dir, const char *name, size_t len, struct inode *inode);
/* A regular-file inode over @size bytes at @data (not copied), one reference. */
struct inode *ramfs_new_file(const void *data, size_t size, umode_t mode, long mtime);

/* The root of the file system; NULL before populate_rootfs. */
extern struct inode *root_inode;

/* initramfs (kernel/fs/initramfs.c): unpack a cpio newc buffer into @root. 0 or -EINVAL. */
int unpack_to_rootfs(struct inode *root, const char *buf, size_t len);

/* Path lookup (kernel/fs/namei.c). */
#define LOOKUP_DIRECTORY	0x1	/* the result must be a directory */
/*
 * Resolve @path (absolute, or relative to @root) under @root; "." and
 * ".." and repeated slashes are handled, ".." at the root stays there.
 * Returns the inode, referenced, or ERR_PTR(-ENOENT, -ENOTDIR,
 * -ENAMETOOLONG). If @canonical (PATH_MAX bytes) is given it receives
 * the path without ".", ".." and extra slashes.
 */
struct inode *path_lookup(struct inode *root, const char *path, unsigned int flags,
			  char *canonical);

/* Open (kernel/fs/open.c): open @path (kernel memory) with @flags. */
struct file *do_filp_open(struct inode *root, const char *path, int flags);
/* A new struct file for @inode (takes a reference to it), f_count 1, path copied. */
struct file *alloc_file(struct inode *inode, unsigned int flags, const char *path);


/*
 * A path from user space, copied into a kmalloc'd PATH_MAX buffer and
 * made absolute against directory descriptor @dfd (AT_FDCWD: "/").
 * Returns it (kfree it) or ERR_PTR(-EFAULT, -ENAMETOOLONG, -ENOENT for
 * "" unless @allow_empty, -EBADF, -ENOTDIR).
 */
char *getname_at(int dfd, const char __user *filename, bool allow_empty);
/* The inode @filename (user memory, relative to @dfd) names, referenced; or ERR_PTR. */
struct inode *user_path_at(int dfd, const char __user *filename);
/* The next inode number of the root file system (Linux's get_next_ino). */
unsigned long get_next_ino(void);

/* Reading (kernel/fs/read_write.c). */
ssize_t vfs_read_iter(struct file *file, struct iov_iter *to, loff_t *pos);

/* /dev/console (kernel/fs/console.c). */
struct inode *console_new_inode(void);
/* /dev/null and /dev/zero (kernel/fs/mem.c): make them in directory @dev; 0 or -ENOMEM. */
int mem_devices_init(struct inode *dev);

/* /proc (kernel/fs/proc/). */
struct inode *proc_root_inode(void);
/* The text of /proc/PID/maps for @mm, into @m (kernel/fs/proc/task_mmu.c). */
struct mm_struct;
void show_maps(struct seq_file *m, struct mm_struct *mm);
/* The Vm* lines of /proc/PID/status for @mm. */
void task_mem(struct seq_file *m, struct mm_struct *mm);
void meminfo_show(struct seq_file *m);

#endif
