// SPDX-License-Identifier: MIT
/*
 * KUnit suite `fs` for kernel/fs/: cpio archives built here in memory
 * (well-formed, concatenated, replacing, and malformed in several ways)
 * unpacked into a private tree; path lookup; opening with Linux's
 * errors; reading and lseek; directory listing; struct stat's layout;
 * /dev/console's device number; and the /proc formatters (meminfo,
 * buddyinfo, maps over a made-up address space, status); /proc/sys's
 * integer handler and /proc/sys/vm/max_map_count. Runs at boot with
 * ktest=fs.
 */
#include <kunit/test.h>
#include <linux/fs.h>
#include <linux/stat.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/maple_tree.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/mman.h>
#include <asm/page.h>
#include "internal.h"
#include "proc/internal.h"

#define ARCHIVE_SIZE	4096

/* An archive being built: entries appended with cpio_add. */
struct test_archive {
	char *buf;
	size_t len;
};

/* Append one newc entry with inode number @ino and @nlink links. */
static void cpio_add_ino(struct test_archive *a, const char *name, unsigned int mode,
			 const char *data, size_t size, unsigned int ino, unsigned int nlink)
{
	size_t namesize = strlen(name) + 1;

	a->len += snprintf(a->buf + a->len, ARCHIVE_SIZE - a->len,
			   "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
			   ino, mode, 0, 0, nlink, 1700000000, size, 0, 0, 0, 0, namesize, 0);
	memcpy(a->buf + a->len, name, namesize);
	a->len = ALIGN(a->len + namesize, 4);
	memcpy(a->buf + a->len, data, size);
	a->len = ALIGN(a->len + size, 4);
}

/* Append one newc entry (header, name, data, each padded to 4 bytes). */
static void cpio_add(struct test_archive *a, const char *name, unsigned int mode,
		     const char *data, size_t size)
{
	cpio_add_ino(a, name, mode, data, size, 1, 1);
}

static void cpio_trailer(struct test_archive *a)
{
	cpio_add(a, "TRAILER!!!", 0, "", 0);
}

static struct test_archive *archive_new(void)
{
	struct test_archive *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (a)
		a->buf = kzalloc(ARCHIVE_SIZE, GFP_KERNEL);
	return a;
}

static void archive_free(struct test_archive *a)
{
	kfree(a->buf);
	kfree(a);
}

/* The standard test archive: /bin, /bin/sh, /bin/cat, /etc, /etc/motd. */
static void add_standard_entries(struct test_archive *a)
{
	cpio_add(a, "bin", S_IFDIR | 0755, "", 0);
	cpio_add(a, "bin/sh", S_IFREG | 0755, "shell!", 6);
	cpio_add(a, "bin/cat", S_IFREG | 0755, "meow", 4);
	cpio_add(a, "etc", S_IFDIR | 0755, "", 0);
	cpio_add(a, "etc/motd", S_IFREG | 0644, "hello, world\n", 13);
}

/* Lookup error of @path under @root (0 when it resolves; the inode is dropped). */
static long lookup_error(struct inode *root, const char *path)
{
	struct inode *inode = path_lookup(root, path, 0, NULL);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	iput(inode);
	return 0;
}

/* Read all of @path under @root into @buf (NUL-terminated); bytes or -errno. */
static long read_whole(struct inode *root, const char *path, char *buf, size_t size)
{
	struct file *file = do_filp_open(root, path, O_RDONLY);
	loff_t pos = 0;
	long total = 0, n;

	if (IS_ERR(file))
		return PTR_ERR(file);
	while ((n = kernel_read(file, buf + total, size - 1 - total, &pos)) > 0)
		total += n;
	fput(file);
	buf[total] = '\0';
	return n < 0 ? n : total;
}

struct fs_test_ctx {
	struct test_archive *archive;
	struct inode *root;
};

static int fs_test_init(struct kunit *test)
{
	struct fs_test_ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	ctx->archive = archive_new();
	ctx->root = ramfs_new_root();
	if (!ctx->archive || !ctx->archive->buf || !ctx->root)
		return -ENOMEM;
	test->priv = ctx;
	return 0;
}

static void fs_test_exit(struct kunit *test)
{
	struct fs_test_ctx *ctx = test->priv;

	ramfs_destroy_tree(ctx->root);
	archive_free(ctx->archive);
	kfree(ctx);
}

static void fs_unpack_and_lookup(struct kunit *test)
{
	struct fs_test_ctx *ctx = test->priv;
	char *canonical = kmalloc(PATH_MAX, GFP_KERNEL);
	struct inode *inode;

	add_standard_entries(ctx->archive);
	cpio_trailer(ctx->archive);
	KUNIT_ASSERT_EQ(test, unpack_to_rootfs(ctx->root, ctx->archive->buf, ctx->archive->len), 0);

	inode = path_lookup(ctx->root, "/bin/sh", 0, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(inode));
	KUNIT_EXPECT_TRUE(test, S_ISREG(inode->i_mode));
	KUNIT_EXPECT_EQ(test, inode->i_mode & 07777, 0755);
	KUNIT_EXPECT_EQ(test, inode->i_size, 6);
	KUNIT_EXPECT_EQ(test, memcmp(inode->i_private, "shell!", 6), 0);
	KUNIT_EXPECT_EQ(test, inode->i_mtime, 1700000000);
	iput(inode);

	inode = path_lookup(ctx->root, "//bin/.//../bin/./cat", 0, canonical);
	KUNIT_ASSERT_FALSE(test, IS_ERR(inode));
	KUNIT_EXPECT_STREQ(test, canonical, "/bin/cat");
	KUNIT_EXPECT_EQ(test, inode->i_size, 4);
	iput(inode);

	inode = path_lookup(ctx->root, "/../..", 0, canonical);
	KUNIT_ASSERT_FALSE(test, IS_ERR(inode));
	KUNIT_EXPECT_PTR_EQ(test, inode, ctx->root);
	KUNIT_EXPECT_STREQ(test, canonical, "/");
	iput(inode);

	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "etc/motd"), 0);	/* relative: from "/" */
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/bin/"), 0);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/bin/sh/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/bin/sh/."), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/bin/sh/x"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/bin/sh/.."), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/bin/nope"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/nope/sh"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/bin/s"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/bin/shx"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, ""), -ENOENT);
	KUNIT_EXPECT_EQ(test, path_lookup(ctx->root, "/etc/motd", LOOKUP_DIRECTORY, NULL),
			ERR_PTR(-ENOTDIR));

	/* a name longer than NAME_MAX */
	memset(canonical, 'a', 300);
	canonical[0] = '/';
	canonical[300] = '\0';
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, canonical), -ENAMETOOLONG);
	/* the tree holds one reference per inode: lookups left none behind */
	KUNIT_EXPECT_EQ(test, ctx->root->i_count, 1);
	kfree(canonical);
}

static void fs_concatenated_archives_replace(struct kunit *test)
{
	struct fs_test_ctx *ctx = test->priv;
	struct test_archive *second = archive_new();
	char buf[32];
	struct file *old;
	loff_t pos = 0;

	KUNIT_ASSERT_TRUE(test, second && second->buf);
	add_standard_entries(ctx->archive);
	cpio_trailer(ctx->archive);
	/* zero padding, then a second archive in the same buffer */
	ctx->archive->len += 8;
	cpio_add(ctx->archive, "bin/ls", S_IFREG | 0755, "list", 4);
	cpio_trailer(ctx->archive);
	KUNIT_ASSERT_EQ(test, unpack_to_rootfs(ctx->root, ctx->archive->buf, ctx->archive->len), 0);
	KUNIT_EXPECT_EQ(test, read_whole(ctx->root, "/bin/ls", buf, sizeof(buf)), 4);
	KUNIT_EXPECT_STREQ(test, buf, "list");

	/* a later archive replaces bin/sh; an open file keeps the old one */
	old = do_filp_open(ctx->root, "/bin/sh", O_RDONLY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(old));
	cpio_add(second, "bin", S_IFDIR | 0755, "", 0);
	cpio_add(second, "bin/sh", S_IFREG | 0755, "new shell", 9);
	cpio_trailer(second);
	KUNIT_EXPECT_EQ(test, unpack_to_rootfs(ctx->root, second->buf, second->len), 0);
	KUNIT_EXPECT_EQ(test, read_whole(ctx->root, "/bin/sh", buf, sizeof(buf)), 9);
	KUNIT_EXPECT_STREQ(test, buf, "new shell");
	KUNIT_EXPECT_EQ(test, kernel_read(old, buf, sizeof(buf), &pos), 6);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "shell!", 6), 0);
	fput(old);
	/* still listed once, and the other files are untouched */
	KUNIT_EXPECT_EQ(test, read_whole(ctx->root, "/bin/cat", buf, sizeof(buf)), 4);
	archive_free(second);
}

/*
 * Hard links, as make-initramfs --busybox writes them: entries with the
 * same inode number and nlink >= 2 are names of one file, whose data the
 * first carries. A later archive starts afresh.
 */
static void fs_hard_links(struct kunit *test)
{
	struct fs_test_ctx *ctx = test->priv;
	struct test_archive *a = ctx->archive;
	struct inode *first, *second;
	char buf[32];

	cpio_add(a, "bin", S_IFDIR | 0755, "", 0);
	cpio_add_ino(a, "bin/busybox", S_IFREG | 0755, "busybox!", 8, 7, 3);
	cpio_add_ino(a, "bin/wc", S_IFREG | 0755, "", 0, 7, 3);
	cpio_add_ino(a, "bin/head", S_IFREG | 0755, "", 0, 7, 3);
	cpio_add_ino(a, "bin/other", S_IFREG | 0755, "x", 1, 8, 1);
	cpio_trailer(a);
	cpio_add_ino(a, "bin/tail", S_IFREG | 0755, "", 0, 7, 2);	/* another archive */
	cpio_trailer(a);
	KUNIT_ASSERT_EQ(test, unpack_to_rootfs(ctx->root, a->buf, a->len), 0);
	KUNIT_EXPECT_EQ(test, read_whole(ctx->root, "/bin/wc", buf, sizeof(buf)), 8);
	KUNIT_EXPECT_STREQ(test, buf, "busybox!");
	first = path_lookup(ctx->root, "/bin/busybox", 0, NULL);
	second = path_lookup(ctx->root, "/bin/head", 0, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(first) || IS_ERR(second));
	KUNIT_EXPECT_PTR_EQ(test, first, second);
	iput(first);
	iput(second);
	KUNIT_EXPECT_EQ(test, read_whole(ctx->root, "/bin/other", buf, sizeof(buf)), 1);
	KUNIT_EXPECT_EQ(test, read_whole(ctx->root, "/bin/tail", buf, sizeof(buf)), 0);
}

/* Unpacking @a must fail and leave @root empty. */
static void expect_rejected(struct kunit *test, struct inode *root, struct test_archive *a)
{
	KUNIT_EXPECT_EQ(test, unpack_to_rootfs(root, a->buf, a->len), -EINVAL);
	KUNIT_EXPECT_EQ(test, lookup_error(root, "/bin"), -ENOENT);
}

static void fs_malformed_archives(struct kunit *test)
{
	struct fs_test_ctx *ctx = test->priv;
	struct test_archive *a = ctx->archive;
	size_t good_len;

	add_standard_entries(a);
	cpio_trailer(a);
	good_len = a->len;

	a->buf[2] = '8';			/* bad magic in the first header */
	expect_rejected(test, ctx->root, a);
	a->buf[2] = '0';

	a->len = good_len - 4;			/* the trailer cut short */
	expect_rejected(test, ctx->root, a);
	a->len = 200;				/* cut inside bin/sh's entry */
	expect_rejected(test, ctx->root, a);

	a->len = good_len;
	a->buf[6 + 8 * 6] = 'x';		/* bad hex digit in bin's filesize */
	expect_rejected(test, ctx->root, a);
	memcpy(a->buf + 6 + 8 * 6, "7FFFFFF0", 8);	/* data runs past the end */
	expect_rejected(test, ctx->root, a);
	memcpy(a->buf + 6 + 8 * 6, "00000000", 8);
	memcpy(a->buf + 6 + 8 * 11, "00000000", 8);	/* name size 0 */
	expect_rejected(test, ctx->root, a);
	memcpy(a->buf + 6 + 8 * 11, "00000003", 8);	/* name not NUL-terminated ("bin" is 4 with the NUL) */
	expect_rejected(test, ctx->root, a);
	memcpy(a->buf + 6 + 8 * 11, "00000004", 8);

	/* the repaired archive unpacks */
	KUNIT_EXPECT_EQ(test, unpack_to_rootfs(ctx->root, a->buf, a->len), 0);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/etc/motd"), 0);

	/* an empty buffer, and only padding, are empty archives */
	KUNIT_EXPECT_EQ(test, unpack_to_rootfs(ctx->root, a->buf, 0), 0);
	memset(a->buf, 0, 64);
	KUNIT_EXPECT_EQ(test, unpack_to_rootfs(ctx->root, a->buf, 64), 0);
}

static void fs_unusual_entries_are_skipped(struct kunit *test)
{
	struct fs_test_ctx *ctx = test->priv;
	struct test_archive *a = ctx->archive;

	cpio_add(a, ".", S_IFDIR | 0755, "", 0);
	cpio_add(a, "./bin", S_IFDIR | 0755, "", 0);
	cpio_add(a, "bin/ok", S_IFREG | 0644, "ok", 2);
	cpio_add(a, "missing/file", S_IFREG | 0644, "x", 1);	/* no such directory */
	cpio_add(a, "bin/../escape", S_IFREG | 0644, "x", 1);	/* ".." refused */
	cpio_add(a, "bin/link", 0120777, "ok", 2);		/* symlinks unsupported */
	cpio_trailer(a);
	KUNIT_ASSERT_EQ(test, unpack_to_rootfs(ctx->root, a->buf, a->len), 0);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/bin/ok"), 0);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/missing"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/escape"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lookup_error(ctx->root, "/bin/link"), -ENOENT);
}

static void fs_open_errors(struct kunit *test)
{
	struct fs_test_ctx *ctx = test->priv;
	struct file *file;

	add_standard_entries(ctx->archive);
	cpio_trailer(ctx->archive);
	KUNIT_ASSERT_EQ(test, unpack_to_rootfs(ctx->root, ctx->archive->buf, ctx->archive->len), 0);

	KUNIT_EXPECT_EQ(test, do_filp_open(ctx->root, "/bin/sh", O_WRONLY), ERR_PTR(-EROFS));
	KUNIT_EXPECT_EQ(test, do_filp_open(ctx->root, "/bin/sh", O_RDWR), ERR_PTR(-EROFS));
	KUNIT_EXPECT_EQ(test, do_filp_open(ctx->root, "/bin/sh", O_RDONLY | O_TRUNC),
			ERR_PTR(-EROFS));
	KUNIT_EXPECT_EQ(test, do_filp_open(ctx->root, "/bin/new", O_WRONLY | O_CREAT),
			ERR_PTR(-EROFS));
	KUNIT_EXPECT_EQ(test, do_filp_open(ctx->root, "/nodir/new", O_WRONLY | O_CREAT),
			ERR_PTR(-ENOENT));
	KUNIT_EXPECT_EQ(test, do_filp_open(ctx->root, "/bin/sh", O_CREAT | O_EXCL),
			ERR_PTR(-EEXIST));
	KUNIT_EXPECT_EQ(test, do_filp_open(ctx->root, "/bin", O_RDWR), ERR_PTR(-EISDIR));
	KUNIT_EXPECT_EQ(test, do_filp_open(ctx->root, "/bin/sh", O_DIRECTORY), ERR_PTR(-ENOTDIR));
	KUNIT_EXPECT_EQ(test, do_filp_open(ctx->root, "/bin/none", O_RDONLY), ERR_PTR(-ENOENT));

	/* O_CREAT on an existing file opens it (nothing needs creating) */
	file = do_filp_open(ctx->root, "/bin/sh", O_RDONLY | O_CREAT);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	KUNIT_EXPECT_STREQ(test, file->f_path, "/bin/sh");
	fput(file);
	file = do_filp_open(ctx->root, "/bin/./", O_RDONLY | O_DIRECTORY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	KUNIT_EXPECT_STREQ(test, file->f_path, "/bin");
	fput(file);
}

static void fs_read_and_lseek(struct kunit *test)
{
	struct fs_test_ctx *ctx = test->priv;
	struct file *file;
	char buf[16];
	loff_t pos;

	add_standard_entries(ctx->archive);
	cpio_trailer(ctx->archive);
	KUNIT_ASSERT_EQ(test, unpack_to_rootfs(ctx->root, ctx->archive->buf, ctx->archive->len), 0);
	file = do_filp_open(ctx->root, "/etc/motd", O_RDONLY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));

	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(file, buf, 5, &pos), 5);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "hello", 5), 0);
	KUNIT_EXPECT_EQ(test, pos, 5);
	KUNIT_EXPECT_EQ(test, kernel_read(file, buf, sizeof(buf), &pos), 8);
	KUNIT_EXPECT_EQ(test, memcmp(buf, ", world\n", 8), 0);
	KUNIT_EXPECT_EQ(test, kernel_read(file, buf, sizeof(buf), &pos), 0);	/* end of file */

	KUNIT_EXPECT_EQ(test, file->f_op->llseek(file, -6, SEEK_END), 7);
	KUNIT_EXPECT_EQ(test, file->f_op->llseek(file, 2, SEEK_CUR), 9);
	KUNIT_EXPECT_EQ(test, file->f_op->llseek(file, -10, SEEK_CUR), -EINVAL);
	KUNIT_EXPECT_EQ(test, file->f_pos, 9);
	KUNIT_EXPECT_EQ(test, file->f_op->llseek(file, 100, SEEK_SET), 100);
	KUNIT_EXPECT_EQ(test, kernel_read(file, buf, sizeof(buf), &file->f_pos), 0);
	KUNIT_EXPECT_EQ(test, file->f_op->llseek(file, 0, 7), -EINVAL);
	fput(file);

	/* reading a directory */
	file = do_filp_open(ctx->root, "/etc", O_RDONLY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	pos = 0;
	KUNIT_EXPECT_EQ(test, kernel_read(file, buf, sizeof(buf), &pos), -EISDIR);
	fput(file);
}

/* A listing collected by a dir_context: names joined by spaces, up to @limit entries. */
struct test_listing {
	struct dir_context ctx;
	char names[256];
	int entries, limit;
	loff_t last_offset;
};

static bool collect_name(struct dir_context *ctx, const char *name, int namelen, loff_t offset,
			 u64 ino, unsigned int d_type)
{
	struct test_listing *l = container_of(ctx, struct test_listing, ctx);
	size_t len = strlen(l->names);

	if (l->entries == l->limit)
		return false;
	if (len + namelen + 2 >= sizeof(l->names))
		return false;
	if (len)
		l->names[len++] = ' ';
	memcpy(l->names + len, name, namelen);
	l->names[len + namelen] = '\0';
	l->entries++;
	l->last_offset = offset;
	return true;
}

static void fs_directory_listing(struct kunit *test)
{
	struct fs_test_ctx *ctx = test->priv;
	struct test_listing listing = { .ctx.actor = collect_name, .limit = 2 };
	struct file *dir;

	add_standard_entries(ctx->archive);
	cpio_trailer(ctx->archive);
	KUNIT_ASSERT_EQ(test, unpack_to_rootfs(ctx->root, ctx->archive->buf, ctx->archive->len), 0);
	dir = do_filp_open(ctx->root, "/bin", O_RDONLY | O_DIRECTORY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(dir));

	/* two at a time, resuming where the last call stopped */
	KUNIT_EXPECT_EQ(test, dir->f_op->iterate_shared(dir, &listing.ctx), 0);
	KUNIT_EXPECT_STREQ(test, listing.names, ". ..");
	KUNIT_EXPECT_EQ(test, listing.ctx.pos, listing.last_offset);
	listing.entries = 0;
	KUNIT_EXPECT_EQ(test, dir->f_op->iterate_shared(dir, &listing.ctx), 0);
	KUNIT_EXPECT_STREQ(test, listing.names, ". .. sh cat");
	listing.entries = 0;
	KUNIT_EXPECT_EQ(test, dir->f_op->iterate_shared(dir, &listing.ctx), 0);
	KUNIT_EXPECT_EQ(test, listing.entries, 0);	/* the end */

	/* rewind */
	KUNIT_EXPECT_EQ(test, dir->f_op->llseek(dir, 0, SEEK_SET), 0);
	listing.ctx.pos = 0;
	listing.names[0] = '\0';
	listing.limit = 10;
	dir->f_op->iterate_shared(dir, &listing.ctx);
	KUNIT_EXPECT_STREQ(test, listing.names, ". .. sh cat");
	fput(dir);
}

static void fs_stat_layout_and_console(struct kunit *test)
{
	struct inode *console;
	struct file *file;

	/* Linux x86-64's struct stat offsets */
	KUNIT_EXPECT_EQ(test, offsetof(struct stat, st_nlink), 16);
	KUNIT_EXPECT_EQ(test, offsetof(struct stat, st_mode), 24);
	KUNIT_EXPECT_EQ(test, offsetof(struct stat, st_rdev), 40);
	KUNIT_EXPECT_EQ(test, offsetof(struct stat, st_size), 48);
	KUNIT_EXPECT_EQ(test, offsetof(struct stat, st_blocks), 64);
	KUNIT_EXPECT_EQ(test, offsetof(struct stat, st_mtime), 88);

	KUNIT_EXPECT_EQ(test, new_encode_dev(MKDEV(136, 1)), 0x8801);
	KUNIT_EXPECT_EQ(test, new_encode_dev(MKDEV(1, 300)), 0x12c | (1 << 8) | (0x100 << 12));

	/* the real root file system has /dev/console and /proc */
	console = path_lookup(root_inode, "/dev/console", 0, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(console));
	KUNIT_EXPECT_EQ(test, console->i_mode, S_IFCHR | 0620);
	KUNIT_EXPECT_EQ(test, new_encode_dev(console->i_rdev), 0x8801);
	iput(console);
	file = filp_open("/dev/console", O_RDWR);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	KUNIT_EXPECT_NULL(test, file->f_op->llseek);	/* lseek gives -ESPIPE */
	fput(file);
	KUNIT_EXPECT_EQ(test, lookup_error(root_inode, "/proc/meminfo"), 0);
	KUNIT_EXPECT_EQ(test, lookup_error(root_inode, "/proc/../proc/./buddyinfo"), 0);
	KUNIT_EXPECT_EQ(test, lookup_error(root_inode, "/proc/nothing"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lookup_error(root_inode, "/proc/0x1"), -ENOENT);
}

/* Is @s a decimal number padded on the left with spaces to @width characters? */
static bool padded_number(const char *s, int width)
{
	int i = 0;

	while (i < width && s[i] == ' ')
		i++;
	if (i == width)
		return false;
	for (; i < width; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static void fs_proc_meminfo(struct kunit *test)
{
	static const char *const labels[] = { "MemTotal:", "MemFree:", "MemAvailable:",
					      "Buffers:", "Cached:", "SwapCached:" };
	char *text = kmalloc(4096, GFP_KERNEL);
	const char *line;
	char expected[64];
	long n;

	KUNIT_ASSERT_NOT_NULL(test, text);
	n = read_whole(root_inode, "/proc/meminfo", text, 4096);
	KUNIT_ASSERT_TRUE(test, n > 0);
	line = text;
	for (size_t i = 0; i < ARRAY_SIZE(labels); i++) {
		size_t label_len = strlen(labels[i]);

		KUNIT_EXPECT_EQ(test, strncmp(line, labels[i], label_len), 0);
		for (size_t c = label_len; c < 16; c++)
			KUNIT_EXPECT_EQ(test, line[c], ' ');
		KUNIT_EXPECT_TRUE(test, padded_number(line + 16, 8));
		KUNIT_EXPECT_EQ(test, strncmp(line + 24, " kB\n", 4), 0);
		line += 28;
	}
	snprintf(expected, sizeof(expected), "MemTotal:       %8lu kB\n", totalram_pages() * 4);
	KUNIT_EXPECT_EQ(test, strncmp(text, expected, strlen(expected)), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, "\nPageTables:     "));
	kfree(text);
}

static void fs_proc_buddyinfo_and_listing(struct kunit *test)
{
	struct test_listing listing = { .ctx.actor = collect_name, .limit = 100 };
	char *text = kmalloc(4096, GFP_KERNEL);
	struct file *dir;
	int numbers = 0;
	const char *p;

	KUNIT_ASSERT_NOT_NULL(test, text);
	KUNIT_ASSERT_TRUE(test, read_whole(root_inode, "/proc/buddyinfo", text, 4096) > 0);
	KUNIT_EXPECT_EQ(test, strncmp(text, "Node 0, zone   Normal", 21), 0);
	for (p = text + 21; *p && *p != '\n'; p++)
		if (*p >= '0' && *p <= '9' && p[-1] == ' ')
			numbers++;
	KUNIT_EXPECT_EQ(test, numbers, 11);	/* one count per order */
	KUNIT_EXPECT_TRUE(test, read_whole(root_inode, "/proc/slabinfo", text, 4096) > 0);
	KUNIT_EXPECT_EQ(test, strncmp(text, "slabinfo - version: 2.1\n", 24), 0);
	KUNIT_EXPECT_TRUE(test, read_whole(root_inode, "/proc/uptime", text, 4096) > 0);
	KUNIT_EXPECT_NOT_NULL(test, strchr(text, '.'));
	kfree(text);

	dir = filp_open("/proc", O_RDONLY | O_DIRECTORY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(dir));
	dir->f_op->iterate_shared(dir, &listing.ctx);
	KUNIT_EXPECT_EQ(test, strncmp(listing.names,
				      ". .. buddyinfo meminfo slabinfo uptime version sys", 50), 0);
	if (current) {
		char pid[16];

		snprintf(pid, sizeof(pid), " %d", current->pid);
		KUNIT_EXPECT_NOT_NULL(test, strstr(listing.names, " self"));
		if (current->pid > 0)
			KUNIT_EXPECT_NOT_NULL(test, strstr(listing.names, pid));
	}
	fput(dir);
}

static void fs_proc_maps_format(struct kunit *test)
{
	static const char expected[] =
		"00400000-00401000 r-xp 00000000 00:01 7"
		"                                  /bin/prog\n"
		"00401000-00403000 rw-p 00001000 00:01 7"
		"                                  /bin/prog\n"
		"00403000-00424000 rw-p 00000000 00:00 0"
		"                                  [heap]\n"
		"7f0000000000-7f0000001000 rw-s 00000000 00:00 0 \n"
		"7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0"
		"                          [stack]\n";
	struct inode prog_inode = { .i_ino = 7, .i_dev = ROOTFS_DEV, .i_mode = S_IFREG | 0755 };
	struct file prog = { .f_inode = &prog_inode, .f_path = "/bin/prog" };
	struct vm_area_struct vmas[] = {
		{ .vm_start = 0x400000, .vm_end = 0x401000, .vm_flags = VM_READ | VM_EXEC,
		  .vm_file = &prog },
		{ .vm_start = 0x401000, .vm_end = 0x403000, .vm_flags = VM_READ | VM_WRITE,
		  .vm_file = &prog, .vm_pgoff = 1 },
		{ .vm_start = 0x403000, .vm_end = 0x424000, .vm_flags = VM_READ | VM_WRITE },
		{ .vm_start = 0x7f0000000000, .vm_end = 0x7f0000001000,
		  .vm_flags = VM_READ | VM_WRITE | VM_SHARED | VM_MAYSHARE },
		{ .vm_start = 0x7ffffffde000, .vm_end = 0x7ffffffff000,
		  .vm_flags = VM_READ | VM_WRITE | VM_GROWSDOWN },
	};
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);
	char *buf = kmalloc(4096, GFP_KERNEL);
	struct seq_file m;

	KUNIT_ASSERT_TRUE(test, mm && buf);
	mt_init_flags(&mm->mm_mt, MT_FLAGS_ALLOC_RANGE);
	mm->start_brk = 0x403000;
	mm->brk = 0x424000;
	mm->start_stack = 0x7fffffffe8a0;
	/* insert out of order: the listing must come out by address */
	for (int i = ARRAY_SIZE(vmas) - 1; i >= 0; i--) {
		vmas[i].vm_mm = mm;
		KUNIT_ASSERT_EQ(test, mtree_store_range(&mm->mm_mt, vmas[i].vm_start,
							vmas[i].vm_end - 1, &vmas[i], GFP_KERNEL), 0);
	}
	seq_init(&m, buf, 4096);
	show_maps(&m, mm);
	KUNIT_EXPECT_STREQ(test, buf, expected);

	/* an empty heap (brk == start_brk) at the end of a VMA still labels it */
	mm->brk = mm->start_brk = 0x424000;
	seq_init(&m, buf, 4096);
	show_maps(&m, mm);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "00403000-00424000 rw-p 00000000 00:00 0"
					   "                                  [heap]\n"));

	/* status: the memory lines in Linux's format */
	mm->total_vm = 0x23 + 0x21 + 1;
	mm->hiwater_vm = 0x100;
	mm->rss_stat[MM_ANONPAGES] = 3;
	mm->rss_stat[MM_FILEPAGES] = 2;
	mm->data_vm = 0x23;
	mm->stack_vm = 0x21;
	mm->exec_vm = 1;
	mm->start_code = 0x400000;
	mm->end_code = 0x400800;
	seq_init(&m, buf, 4096);
	task_mem(&m, mm);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "VmPeak:\t    1024 kB\nVmSize:\t     276 kB\n"));
	KUNIT_EXPECT_EQ(test, strncmp(buf, "VmPeak:", 7), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nVmRSS:\t      20 kB\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nVmData:\t     140 kB\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nVmStk:\t     132 kB\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nVmExe:\t       4 kB\nVmLib:\t       0 kB\n"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(buf, "\nVmPTE:\t       0 kB\n"));	/* no page tables */

	mtree_destroy(&mm->mm_mt);
	kfree(buf);
	kfree(mm);
}

/* Write @text through the sysctl handler at *@pos; its result, and in *@lenp the bytes taken. */
static int sysctl_write(const struct ctl_table *table, const char *text, size_t *lenp, loff_t *pos)
{
	char buf[64];

	*lenp = strlen(text);
	memcpy(buf, text, *lenp);
	return proc_dointvec_minmax(table, 1, buf, lenp, pos);
}

/* The result of writing @text at position 0 (-errno, or the bytes taken). */
static long sysctl_write_at_0(const struct ctl_table *table, const char *text)
{
	loff_t pos = 0;
	size_t len;
	int error = sysctl_write(table, text, &len, &pos);

	return error ? error : (long)len;
}

static void fs_proc_sysctl_read_write(struct kunit *test)
{
	int value = 42;
	const struct ctl_table table = { "test", "value", &value, 0, INT_MAX };
	char buf[16];
	size_t len;
	loff_t pos = 0;

	/* read: the value and a newline at position 0, nothing after */
	len = sizeof(buf);
	KUNIT_EXPECT_EQ(test, proc_dointvec_minmax(&table, 0, buf, &len, &pos), 0);
	KUNIT_EXPECT_EQ(test, len, 3);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "42\n", 3), 0);
	KUNIT_EXPECT_EQ(test, pos, 3);
	len = sizeof(buf);
	KUNIT_EXPECT_EQ(test, proc_dointvec_minmax(&table, 0, buf, &len, &pos), 0);
	KUNIT_EXPECT_EQ(test, len, 0);
	/* a short read is cut, and the rest is not served later */
	pos = 0;
	len = 1;
	KUNIT_EXPECT_EQ(test, proc_dointvec_minmax(&table, 0, buf, &len, &pos), 0);
	KUNIT_EXPECT_EQ(test, len, 1);
	KUNIT_EXPECT_EQ(test, buf[0], '4');
	len = sizeof(buf);
	KUNIT_EXPECT_EQ(test, proc_dointvec_minmax(&table, 0, buf, &len, &pos), 0);
	KUNIT_EXPECT_EQ(test, len, 0);

	/* write: a number with or without a newline, with surrounding whitespace */
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, "70000\n"), 6);
	KUNIT_EXPECT_EQ(test, value, 70000);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, "123"), 3);
	KUNIT_EXPECT_EQ(test, value, 123);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, " \t 77 \n\t"), 8);
	KUNIT_EXPECT_EQ(test, value, 77);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, "\xa0" "78"), 3);	/* Linux's isspace */
	KUNIT_EXPECT_EQ(test, value, 78);
	/* one value: what follows it is left over (a short write) */
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, "7 8"), 2);
	KUNIT_EXPECT_EQ(test, value, 7);
	/* base 0 as Linux's strtoul: hexadecimal and octal */
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, "0x10"), 4);
	KUNIT_EXPECT_EQ(test, value, 16);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, "010\n"), 4);
	KUNIT_EXPECT_EQ(test, value, 8);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, "-0"), 2);
	KUNIT_EXPECT_EQ(test, value, 0);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, "2147483647"), 10);
	KUNIT_EXPECT_EQ(test, value, INT_MAX);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, ""), 0);
	KUNIT_EXPECT_EQ(test, value, INT_MAX);

	/* a write past position 0 is taken whole and ignored (sysctl_writes_strict) */
	value = 5;
	pos = 0;
	KUNIT_EXPECT_EQ(test, sysctl_write(&table, "9\n", &len, &pos), 0);
	KUNIT_EXPECT_EQ(test, pos, 2);
	KUNIT_EXPECT_EQ(test, sysctl_write(&table, "1000", &len, &pos), 0);
	KUNIT_EXPECT_EQ(test, len, 4);
	KUNIT_EXPECT_EQ(test, pos, 6);
	KUNIT_EXPECT_EQ(test, value, 9);
}

static void fs_proc_sysctl_bad_input(struct kunit *test)
{
	static const char *const refused[] = {
		"-1", "-", "+5", "abc", "  \n", "70000x", "70000\r", "1,", "08", "0x", "2147483648",
		"-2147483649", "99999999999999999999", "000000000000000000007",
	};
	int value = 42, bounded = 0;
	const struct ctl_table table = { "test", "value", &value, 0, INT_MAX };
	const struct ctl_table small = { "test", "small", &bounded, -5, 10 };
	const struct ctl_table any = { "test", "any", &bounded, -INT_MAX - 1, INT_MAX };
	char buf[4] = "12";
	size_t len = 3;
	loff_t pos = 0;

	for (size_t i = 0; i < ARRAY_SIZE(refused); i++) {
		KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&table, refused[i]), -EINVAL);
		KUNIT_EXPECT_EQ(test, value, 42);
	}
	/* the NUL is written too: it may not follow the number */
	KUNIT_EXPECT_EQ(test, proc_dointvec_minmax(&table, 1, buf, &len, &pos), -EINVAL);
	KUNIT_EXPECT_EQ(test, pos, 0);
	KUNIT_EXPECT_EQ(test, value, 42);

	/* [min, max] */
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&small, "11"), -EINVAL);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&small, "-6"), -EINVAL);
	KUNIT_EXPECT_EQ(test, bounded, 0);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&small, "-5"), 2);
	KUNIT_EXPECT_EQ(test, bounded, -5);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&small, "10"), 2);
	KUNIT_EXPECT_EQ(test, bounded, 10);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(&any, "-2147483648"), 11);
	KUNIT_EXPECT_EQ(test, bounded, -INT_MAX - 1);
}

static void fs_proc_sys_max_map_count(struct kunit *test)
{
	struct test_listing listing = { .ctx.actor = collect_name, .limit = 100 };
	const struct ctl_table *table;
	struct inode *inode;
	struct file *file;
	char text[32];
	loff_t pos = 0;
	int saved = sysctl_max_map_count;

	/* Linux's DEFAULT_MAX_MAP_COUNT, and the file shows it */
	KUNIT_EXPECT_EQ(test, sysctl_max_map_count, 65530);
	KUNIT_EXPECT_EQ(test, read_whole(root_inode, "/proc/sys/vm/max_map_count", text,
					 sizeof(text)), 6);
	KUNIT_EXPECT_STREQ(test, text, "65530\n");

	inode = path_lookup(root_inode, "/proc/sys/vm/../vm/max_map_count", 0, NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(inode));
	KUNIT_EXPECT_EQ(test, inode->i_mode, S_IFREG | 0644);
	KUNIT_EXPECT_EQ(test, inode->i_dev, PROC_DEV);
	table = inode->i_private;
	KUNIT_EXPECT_PTR_EQ(test, table->data, &sysctl_max_map_count);

	/* setting it through the file's handler sets the kernel's limit */
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(table, "100000\n"), 7);
	KUNIT_EXPECT_EQ(test, sysctl_max_map_count, 100000);
	KUNIT_EXPECT_EQ(test, sysctl_write_at_0(table, "-1\n"), -EINVAL);	/* min 0 */
	KUNIT_EXPECT_EQ(test, sysctl_max_map_count, 100000);
	KUNIT_EXPECT_EQ(test, read_whole(root_inode, "/proc/sys/vm/max_map_count", text,
					 sizeof(text)), 7);
	KUNIT_EXPECT_STREQ(test, text, "100000\n");
	sysctl_max_map_count = saved;
	iput(inode);

	/* opened for writing (the root file system would say EROFS), read in pieces */
	file = filp_open("/proc/sys/vm/max_map_count", O_RDWR);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	KUNIT_EXPECT_EQ(test, kernel_read(file, text, 2, &pos), 2);
	KUNIT_EXPECT_EQ(test, memcmp(text, "65", 2), 0);
	KUNIT_EXPECT_EQ(test, kernel_read(file, text, sizeof(text), &pos), 0);
	KUNIT_EXPECT_EQ(test, file->f_op->llseek(file, 0, SEEK_END), 0);
	fput(file);
	file = filp_open("/proc/sys/vm/max_map_count", O_WRONLY | O_TRUNC);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	fput(file);
	KUNIT_EXPECT_EQ(test, filp_open("/proc/sys/vm", O_WRONLY), ERR_PTR(-EISDIR));

	KUNIT_EXPECT_EQ(test, lookup_error(root_inode, "/proc/sys/vm/max_map_count/"), -ENOTDIR);
	KUNIT_EXPECT_EQ(test, lookup_error(root_inode, "/proc/sys/vm/nothing"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lookup_error(root_inode, "/proc/sys/max_map_count"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lookup_error(root_inode, "/proc/sys/vm/vm"), -ENOENT);
	KUNIT_EXPECT_EQ(test, lookup_error(root_inode, "/proc/sys/nothing"), -ENOENT);

	/* the listings */
	file = filp_open("/proc/sys", O_RDONLY | O_DIRECTORY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	file->f_op->iterate_shared(file, &listing.ctx);
	KUNIT_EXPECT_STREQ(test, listing.names, ". .. vm");
	fput(file);
	listing.names[0] = '\0';
	listing.ctx.pos = 0;
	file = filp_open("/proc/sys/vm/", O_RDONLY | O_DIRECTORY);
	KUNIT_ASSERT_FALSE(test, IS_ERR(file));
	file->f_op->iterate_shared(file, &listing.ctx);
	KUNIT_EXPECT_STREQ(test, listing.names, ". .. max_map_count");
	fput(file);
}

static struct kunit_case fs_test_cases[] = {
	KUNIT_CASE(fs_unpack_and_lookup),
	KUNIT_CASE(fs_concatenated_archives_replace),
	KUNIT_CASE(fs_malformed_archives),
	KUNIT_CASE(fs_hard_links),
	KUNIT_CASE(fs_unusual_entries_are_skipped),
	KUNIT_CASE(fs_open_errors),
	KUNIT_CASE(fs_read_and_lseek),
	KUNIT_CASE(fs_directory_listing),
	KUNIT_CASE(fs_stat_layout_and_console),
	KUNIT_CASE(fs_proc_meminfo),
	KUNIT_CASE(fs_proc_buddyinfo_and_listing),
	KUNIT_CASE(fs_proc_maps_format),
	KUNIT_CASE(fs_proc_sysctl_read_write),
	KUNIT_CASE(fs_proc_sysctl_bad_input),
	KUNIT_CASE(fs_proc_sys_max_map_count),
	{}
};

static struct kunit_suite fs_test_suite = {
	.name = "fs",
	.init = fs_test_init,
	.exit = fs_test_exit,
	.test_cases = fs_test_cases,
};
kunit_test_suite(fs_test_suite);
