// SPDX-License-Identifier: MIT
/*
 * Path lookup (Linux's fs/namei.c, much reduced): walk the components of
 * a path from the root, one directory lookup at a time. There are no
 * symbolic links and no current directory other than "/", so ".." pops
 * back to the directory the walk came from (and stays at the root).
 */
#include <linux/fs.h>
#include <linux/errno.h>
#include <linux/string.h>
#include "internal.h"

#define MAX_PATH_DEPTH	128	/* directories one walk may be inside at once */

/* The state of a walk: the directories entered, innermost last, and the canonical path. */
struct nameidata {
	struct inode *stack[MAX_PATH_DEPTH];
	int depth;			/* stack[depth] is where the walk is */
	char *canonical;		/* optional, PATH_MAX bytes */
	size_t canonical_len;
};

/* Step into child @name (@len bytes) of the current directory; 0 or -errno. */
static int walk_component(struct nameidata *nd, const char *name, size_t len)
{
	struct inode *dir = nd->stack[nd->depth];
	struct inode *child;

	if (!S_ISDIR(dir->i_mode) || !dir->i_op || !dir->i_op->lookup)
		return -ENOTDIR;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if (len == 1 && name[0] == '.')
		return 0;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		if (nd->depth == 0)
			return 0;
		iput(nd->stack[nd->depth--]);
		if (nd->canonical) {
			while (nd->canonical_len > 1 && nd->canonical[nd->canonical_len - 1] != '/')
				nd->canonical_len--;
			if (nd->canonical_len > 1)
				nd->canonical_len--;	/* the slash, unless it is the root */
			nd->canonical[nd->canonical_len] = '\0';
		}
		return 0;
	}
	if (nd->depth + 1 >= MAX_PATH_DEPTH)
		return -ENAMETOOLONG;
	child = dir->i_op->lookup(dir, name, len);
	if (IS_ERR(child))
		return PTR_ERR(child);
	nd->stack[++nd->depth] = child;
	if (nd->canonical) {
		if (nd->canonical_len + 1 + len >= PATH_MAX)
			return -ENAMETOOLONG;
		if (nd->canonical_len > 1)
			nd->canonical[nd->canonical_len++] = '/';
		memcpy(nd->canonical + nd->canonical_len, name, len);
		nd->canonical_len += len;
		nd->canonical[nd->canonical_len] = '\0';
	}
	return 0;
}

struct inode *path_lookup(struct inode *root, const char *path, unsigned int flags,
			  char *canonical)
{
	struct nameidata nd = { .depth = 0, .canonical = canonical, .canonical_len = 1 };
	bool trailing_slash = false;
	struct inode *result;
	int error = 0;

	if (!root)
		return ERR_PTR(-ENOENT);
	if (!*path)
		return ERR_PTR(-ENOENT);
	if (strnlen(path, PATH_MAX) >= PATH_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	iget(root);
	nd.stack[0] = root;
	if (canonical)
		strcpy(canonical, "/");
	while (*path) {
		const char *end;

		while (*path == '/')
			path++;
		if (!*path)
			break;
		end = path;
		while (*end && *end != '/')
			end++;
		error = walk_component(&nd, path, end - path);
		if (error)
			break;
		trailing_slash = *end == '/';
		path = end;
	}
	result = nd.stack[nd.depth];
	if (!error && (trailing_slash || (flags & LOOKUP_DIRECTORY)) && !S_ISDIR(result->i_mode))
		error = -ENOTDIR;
	if (!error)
		iget(result);
	while (nd.depth >= 0)
		iput(nd.stack[nd.depth--]);
	return error ? ERR_PTR(error) : result;
}
