// SPDX-License-Identifier: MIT
/*
 * Inodes: allocation and reference counting (Linux's fs/inode.c, without
 * the inode cache: an inode lives while something refers to it).
 */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/bug.h>

/* Returns a zeroed inode holding one reference, or NULL when out of memory. */
struct inode *new_inode(void)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (inode) {
		inode->i_count = 1;
		inode->i_nlink = 1;
	}
	return inode;
}

/* Take a reference to @inode. */
void iget(struct inode *inode)
{
	inode->i_count++;
}

/* Drop a reference; the last one frees the inode through i_op->free_inode (or kfree). */
void iput(struct inode *inode)
{
	if (!inode)
		return;
	WARN_ON(inode->i_count <= 0);
	if (--inode->i_count > 0)
		return;
	if (inode->i_op && inode->i_op->free_inode)
		inode->i_op->free_inode(inode);
	else
		kfree(inode);
}
