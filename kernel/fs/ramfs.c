// SPDX-License-Identifier: MIT
/*
 * ramfs: the in-memory tree of directories and files that the initramfs
 * is unpacked into (Linux's rootfs). Regular files point straight at
 * their bytes in the boot module, which stays reserved; nothing can be
 * written. Directories keep their entries in a list, in creation order.
 */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include "internal.h"

static unsigned long last_ino;

unsigned long get_next_ino(void)
{
	return ++last_ino;
}

static struct ramfs_dir *RAMFS_DIR(struct inode *dir)
{
	return dir->i_private;
}

/* Takes a directory inode; returns its child @name, not referenced, or NULL. */
struct inode *ramfs_find(struct inode *dir, const char *name, size_t len)
{
	struct ramfs_dirent *dentry;

	list_for_each_entry(dentry, &RAMFS_DIR(dir)->children, sibling)
		if (dentry->name_len == len && !memcmp(dentry->name, name, len))
			return dentry->inode;
	return NULL;
}

static struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len)
{
	struct inode *inode = ramfs_find(dir, name, len);

	if (!inode)
		return ERR_PTR(-ENOENT);
	iget(inode);
	return inode;
}

static void ramfs_free_inode(struct inode *inode)
{
	if (S_ISDIR(inode->i_mode))
		kfree(inode->i_private);
	kfree(inode);
}

static const struct inode_operations ramfs_dir_inode_operations = {
	.lookup = ramfs_lookup,
	.free_inode = ramfs_free_inode,
};

static const struct inode_operations ramfs_file_inode_operations = {
	.free_inode = ramfs_free_inode,
};

/* Is @inode a directory of this file system (not a mount point like /proc)? */
bool is_ramfs_dir(const struct inode *inode)
{
	return inode->i_op == &ramfs_dir_inode_operations;
}

/* getdents64 of a ramfs directory: ".", "..", then the entries; pos counts entries. */
static int ramfs_iterate(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file_inode(file);
	struct ramfs_dirent *dentry;
	loff_t index = 2;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dir->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 2, RAMFS_DIR(dir)->parent->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	list_for_each_entry(dentry, &RAMFS_DIR(dir)->children, sibling) {
		umode_t mode = dentry->inode->i_mode;
		unsigned int type = S_ISDIR(mode) ? DT_DIR : S_ISREG(mode) ? DT_REG :
				    S_ISCHR(mode) ? DT_CHR : DT_UNKNOWN;

		if (index++ < ctx->pos)
			continue;
		if (!ctx->actor(ctx, dentry->name, dentry->name_len, index,
				dentry->inode->i_ino, type))
			return 0;
		ctx->pos = index;
	}
	return 0;
}

static const struct file_operations ramfs_dir_operations = {
	.iterate_shared = ramfs_iterate,
	.llseek = seq_lseek,	/* only back to a position getdents64 handed out */
};

static ssize_t ramfs_file_read_iter(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct inode *inode = file_inode(file);

	return simple_read_from_buffer(to, pos, inode->i_private, inode->i_size);
}

static const struct file_operations ramfs_file_operations = {
	.read_iter = ramfs_file_read_iter,
	.llseek = generic_file_llseek,
};

/* A directory inode whose ".." is @parent (itself when NULL); one reference. */
static struct inode *ramfs_new_dir(struct inode *parent, umode_t mode)
{
	struct inode *inode = new_inode();
	struct ramfs_dir *dir = kzalloc(sizeof(*dir), GFP_KERNEL);

	if (!inode || !dir) {
		kfree(inode);
		kfree(dir);
		return NULL;
	}
	INIT_LIST_HEAD(&dir->children);
	dir->parent = parent ? parent : inode;
	inode->i_mode = S_IFDIR | (mode & 07777);
	inode->i_nlink = 2;
	inode->i_ino = get_next_ino();
	inode->i_dev = ROOTFS_DEV;
	inode->i_op = &ramfs_dir_inode_operations;
	inode->i_fop = &ramfs_dir_operations;
	inode->i_private = dir;
	return inode;
}

/* Returns a new empty root directory (mode 0755) with one reference, or NULL. */
struct inode *ramfs_new_root(void)
{
	return ramfs_new_dir(NULL, 0755);
}

struct inode *ramfs_new_file(const void *data, size_t size, umode_t mode, long mtime)
{
	struct inode *inode = new_inode();

	if (!inode)
		return NULL;
	inode->i_mode = S_IFREG | (mode & 07777);
	inode->i_ino = get_next_ino();
	inode->i_dev = ROOTFS_DEV;
	inode->i_size = size;
	inode->i_mtime = mtime;
	inode->i_op = &ramfs_file_inode_operations;
	inode->i_fop = &ramfs_file_operations;
	inode->i_private = (void *)data;
	return inode;
}

static bool ramfs_dir_empty(struct inode *dir)
{
	return list_empty(&RAMFS_DIR(dir)->children);
}

/* Unlink @dentry from its directory @dir and drop its reference. */
static void ramfs_unlink(struct inode *dir, struct ramfs_dirent *dentry)
{
	list_del(&dentry->sibling);
	if (S_ISDIR(dentry->inode->i_mode))
		dir->i_nlink--;
	/* an open descriptor may outlive it: ".." then names the directory itself */
	if (is_ramfs_dir(dentry->inode))
		RAMFS_DIR(dentry->inode)->parent = dentry->inode;
	iput(dentry->inode);
	kfree(dentry);
}

int ramfs_link(struct inode *dir, const char *name, size_t len, struct inode *inode)
{
	struct ramfs_dirent *dentry, *old = NULL;

	if (len == 0 || len > NAME_MAX || memchr(name, '/', len))
		return -EINVAL;
	list_for_each_entry(dentry, &RAMFS_DIR(dir)->children, sibling)
		if (dentry->name_len == len && !memcmp(dentry->name, name, len))
			old = dentry;
	if (old && S_ISDIR(old->inode->i_mode)) {
		if (!is_ramfs_dir(old->inode))
			return -EBUSY;	/* a mount point (/proc) */
		if (!ramfs_dir_empty(old->inode))
			return -ENOTEMPTY;
	}
	dentry = kmalloc(sizeof(*dentry) + len + 1, GFP_KERNEL);
	if (!dentry)
		return -ENOMEM;
	memcpy(dentry->name, name, len);
	dentry->name[len] = '\0';
	dentry->name_len = len;
	dentry->inode = inode;
	if (old) {
		/* keep the old entry's place in the listing */
		list_add(&dentry->sibling, &old->sibling);
		ramfs_unlink(dir, old);
	} else {
		list_add_tail(&dentry->sibling, &RAMFS_DIR(dir)->children);
	}
	if (S_ISDIR(inode->i_mode)) {
		dir->i_nlink++;
		if (is_ramfs_dir(inode))
			RAMFS_DIR(inode)->parent = dir;
	}
	return 0;
}

struct inode *ramfs_mkdir(struct inode *dir, const char *name, size_t len, umode_t mode)
{
	struct inode *inode = ramfs_find(dir, name, len);

	if (inode)
		return S_ISDIR(inode->i_mode) ? inode : NULL;
	inode = ramfs_new_dir(dir, mode);
	if (!inode)
		return NULL;
	if (ramfs_link(dir, name, len, inode)) {
		iput(inode);
		return NULL;
	}
	return inode;
}

/* Unlink everything below ramfs directory @dir, depth first. */
static void ramfs_remove_children(struct inode *dir)
{
	struct ramfs_dirent *dentry, *next;

	list_for_each_entry_safe(dentry, next, &RAMFS_DIR(dir)->children, sibling) {
		if (is_ramfs_dir(dentry->inode))
			ramfs_remove_children(dentry->inode);
		ramfs_unlink(dir, dentry);
	}
}

void ramfs_destroy_tree(struct inode *dir)
{
	ramfs_remove_children(dir);
	iput(dir);
}
