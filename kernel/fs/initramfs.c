// SPDX-License-Identifier: MIT
/*
 * The initramfs: cpio "newc" archives (Linux's
 * Documentation/driver-api/early-userspace/buffer-format.rst), one per
 * boot module, unpacked in order into the root file system as Linux's
 * init/initramfs.c does. A buffer may hold several archives back to back,
 * separated by zero padding. Each archive is checked whole before
 * anything is unpacked: a malformed one is skipped with a message.
 *
 * An entry is a 110-byte header ("070701" or "070702" and thirteen
 * 8-digit hex fields), the NUL-terminated name, padding to 4 bytes, the
 * data, padding to 4 bytes. "TRAILER!!!" ends an archive.
 */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/multiboot.h>
#include <linux/trace.h>
#include <asm/page.h>
#include "internal.h"

#define CPIO_HEADER_SIZE	110
#define CPIO_TRAILER		"TRAILER!!!"

struct inode *root_inode;

/* One archive member, pointing into the buffer. */
struct cpio_entry {
	unsigned long ino, mode, nlink, mtime, filesize, namesize;
	unsigned long devmajor, devminor;	/* of the file system the entry came from */
	const char *name;	/* NUL-terminated, namesize bytes with the NUL */
	const char *data;	/* filesize bytes */
};

/* Parse exactly 8 hex digits at @s into *@value; false if any is not hex. */
static bool parse_hex8(const char *s, unsigned long *value)
{
	unsigned long v = 0;

	for (int i = 0; i < 8; i++) {
		char c = s[i];
		unsigned int digit;

		if (c >= '0' && c <= '9')
			digit = c - '0';
		else if (c >= 'a' && c <= 'f')
			digit = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			digit = c - 'A' + 10;
		else
			return false;
		v = v << 4 | digit;
	}
	*value = v;
	return true;
}

/*
 * Read the entry at @offset of @buf (@len bytes) into @entry.
 * Returns the offset of what follows it, or -EINVAL with *@why set when
 * the header is malformed or the entry runs past the end.
 */
static long cpio_parse_entry(const char *buf, size_t len, size_t offset,
			     struct cpio_entry *entry, const char **why)
{
	unsigned long field[13];
	size_t name_end, data_end;

	if (len - offset < CPIO_HEADER_SIZE) {
		*why = "truncated header";
		return -EINVAL;
	}
	if (memcmp(buf + offset, "070701", 6) && memcmp(buf + offset, "070702", 6)) {
		*why = "no cpio magic";
		return -EINVAL;
	}
	for (int i = 0; i < 13; i++) {
		if (!parse_hex8(buf + offset + 6 + 8 * i, &field[i])) {
			*why = "bad header digits";
			return -EINVAL;
		}
	}
	entry->ino = field[0];
	entry->mode = field[1];
	entry->nlink = field[4];
	entry->devmajor = field[7];
	entry->devminor = field[8];
	entry->mtime = field[5];
	entry->filesize = field[6];
	entry->namesize = field[11];
	if (entry->namesize == 0 || entry->namesize > PATH_MAX) {
		*why = "bad name size";
		return -EINVAL;
	}
	name_end = offset + CPIO_HEADER_SIZE + entry->namesize;
	if (name_end > len) {
		*why = "name past the end";
		return -EINVAL;
	}
	entry->name = buf + offset + CPIO_HEADER_SIZE;
	if (entry->name[entry->namesize - 1] != '\0' ||
	    strnlen(entry->name, entry->namesize) != entry->namesize - 1) {
		*why = "name not terminated";
		return -EINVAL;
	}
	name_end = ALIGN(name_end, 4);
	/* filesize is at most 0xffffffff, so this cannot overflow a size_t */
	data_end = name_end + entry->filesize;
	if (name_end > len || data_end > len) {
		*why = "data past the end";
		return -EINVAL;
	}
	entry->data = buf + name_end;
	data_end = ALIGN(data_end, 4);
	return data_end < len ? (long)data_end : (long)len;
}

static size_t count_slashes(const char *s)
{
	size_t n = 0;

	while (s[n] == '/')
		n++;
	return n;
}

/*
 * Find the directory that will hold @name (relative, no leading "/")
 * under @root; *@last and *@last_len receive the final component.
 * Returns the directory (not referenced) or NULL when a component is
 * missing, not a directory, or "..".
 */
static struct inode *cpio_parent_dir(struct inode *root, const char *name,
				     const char **last, size_t *last_len)
{
	struct inode *dir = root;

	for (;;) {
		const char *slash;
		size_t len;

		while (*name == '/')
			name++;
		slash = strchr(name, '/');
		len = slash ? (size_t)(slash - name) : strlen(name);
		/* the final component, unless only slashes follow */
		if (!slash || !slash[count_slashes(slash)]) {
			*last = name;
			*last_len = len;
			break;
		}
		if (len == 1 && name[0] == '.') {
			name = slash;
			continue;
		}
		if (len == 2 && name[0] == '.' && name[1] == '.')
			return NULL;
		dir = ramfs_find(dir, name, len);
		if (!dir || !is_ramfs_dir(dir))
			return NULL;
		name = slash;
	}
	if ((*last_len == 2 && !memcmp(*last, "..", 2)) || *last_len > NAME_MAX)
		return NULL;
	return dir;
}

/*
 * A regular file with more than one link, remembered until the archive's
 * trailer: a later entry with the same inode number and device is another
 * name for it (Linux's maybe_link). The first entry carries the data.
 */
struct cpio_link {
	struct cpio_link *next;
	unsigned long ino, devmajor, devminor;
	struct inode *inode;		/* referenced */
};

/* The inode an earlier entry of this archive made for @entry's hard link, or NULL. */
static struct inode *cpio_find_link(struct cpio_link *links, const struct cpio_entry *entry)
{
	for (; links; links = links->next)
		if (links->ino == entry->ino && links->devmajor == entry->devmajor &&
		    links->devminor == entry->devminor)
			return links->inode;
	return NULL;
}

/* Remember @inode as the file of @entry's hard links (silently not, without memory). */
static void cpio_remember_link(struct cpio_link **links, const struct cpio_entry *entry,
			       struct inode *inode)
{
	struct cpio_link *link = kmalloc(sizeof(*link), GFP_KERNEL);

	if (!link)
		return;
	*link = (struct cpio_link){ *links, entry->ino, entry->devmajor, entry->devminor, inode };
	iget(inode);
	*links = link;
}

/* Forget the archive's hard links (at its trailer). */
static void cpio_forget_links(struct cpio_link **links)
{
	while (*links) {
		struct cpio_link *link = *links;

		*links = link->next;
		iput(link->inode);
		kfree(link);
	}
}

/* A regular file's inode: a new one, or for a later hard link, the first link's. */
static struct inode *cpio_file_inode(const struct cpio_entry *entry, struct cpio_link **links)
{
	struct inode *inode = entry->nlink >= 2 ? cpio_find_link(*links, entry) : NULL;

	if (inode) {
		iget(inode);
		return inode;
	}
	inode = ramfs_new_file(entry->data, entry->filesize, entry->mode, entry->mtime);
	if (inode && entry->nlink >= 2)
		cpio_remember_link(links, entry, inode);
	return inode;
}

/* Create what @entry describes under @root; problems skip the entry with a message. */
static void cpio_do_entry(struct inode *root, const struct cpio_entry *entry,
			  struct cpio_link **links)
{
	const char *last = NULL;
	size_t last_len = 0;
	struct inode *dir = cpio_parent_dir(root, entry->name, &last, &last_len);
	struct inode *inode;
	int error;

	if (last_len == 0 || (last_len == 1 && last[0] == '.'))
		return;		/* the root itself */
	if (!dir) {
		pr_warn("initramfs: %s: no such directory, entry skipped\n", entry->name);
		return;
	}
	switch (entry->mode & S_IFMT) {
	case S_IFDIR:
		if (!ramfs_mkdir(dir, last, last_len, entry->mode))
			pr_warn("initramfs: %s: cannot make the directory\n", entry->name);
		return;
	case S_IFREG:
		inode = cpio_file_inode(entry, links);
		if (!inode) {
			pr_warn("initramfs: %s: out of memory\n", entry->name);
			return;
		}
		error = ramfs_link(dir, last, last_len, inode);
		if (error) {
			pr_warn("initramfs: %s: cannot replace the entry (%d)\n", entry->name, error);
			iput(inode);
		}
		return;
	default:
		pr_warn("initramfs: %s: unsupported file type 0%lo, entry skipped\n",
			entry->name, entry->mode & S_IFMT);
	}
}

/*
 * Walk every archive in @buf; with @root, create the entries, without,
 * only check the structure. Returns 0 or -EINVAL (with a message).
 */
static int cpio_walk(struct inode *root, const char *buf, size_t len)
{
	struct cpio_link *links = NULL;
	size_t offset = 0;
	bool in_archive = false;

	while (offset < len) {
		struct cpio_entry entry;
		const char *why = NULL;
		long next;

		/* zero padding may separate archives (Linux allows it at 4-byte steps) */
		if (!in_archive && buf[offset] == '\0') {
			offset++;
			continue;
		}
		if (!in_archive && (offset & 3)) {
			pr_err("Initramfs unpacking failed: archive at %zu not 4-byte aligned\n",
			       offset);
			goto invalid;
		}
		next = cpio_parse_entry(buf, len, offset, &entry, &why);
		if (next < 0) {
			pr_err("Initramfs unpacking failed: %s at offset %zu\n", why, offset);
			goto invalid;
		}
		in_archive = strcmp(entry.name, CPIO_TRAILER) != 0;
		if (in_archive && root)
			cpio_do_entry(root, &entry, &links);
		if (!in_archive)
			cpio_forget_links(&links);
		offset = next;
	}
	if (in_archive) {
		pr_err("Initramfs unpacking failed: no %s at the end\n", CPIO_TRAILER);
		goto invalid;
	}
	return 0;
invalid:
	cpio_forget_links(&links);
	return -EINVAL;
}

/*
 * Unpack the cpio archive(s) in @buf (@len bytes) into @root. File data
 * is not copied: @buf must stay as long as the files. Returns 0, or
 * -EINVAL when the buffer is malformed (then nothing is unpacked).
 */
int unpack_to_rootfs(struct inode *root, const char *buf, size_t len)
{
	int error = cpio_walk(NULL, buf, len);

	if (error)
		return error;
	return cpio_walk(root, buf, len);
}

/* /sys/kernel/tracing: the event tracer's files (kernel/trace/trace_fs.c). 0 or -errno. */
static int mount_tracefs(void)
{
	struct inode *sys = ramfs_mkdir(root_inode, "sys", 3, 0555);
	struct inode *kernel = sys ? ramfs_mkdir(sys, "kernel", 6, 0555) : NULL;

	if (!kernel)
		return -ENOMEM;
	return ramfs_link(kernel, "tracing", 7, tracefs_root_inode());
}

/*
 * Build the root file system: "/", "/dev/console", "/dev/null",
 * "/dev/zero", "/proc", then the
 * contents of every boot module, in order. Called once at boot, after
 * the slab allocator is up.
 */
void populate_rootfs(void)
{
	struct inode *dev, *console;

	root_inode = ramfs_new_root();
	if (!root_inode)
		panic("populate_rootfs: out of memory");
	dev = ramfs_mkdir(root_inode, "dev", 3, 0755);
	console = console_new_inode();
	if (!dev || !console || ramfs_link(dev, "console", 7, console))
		panic("populate_rootfs: cannot make /dev/console");
	if (mem_devices_init(dev))
		panic("populate_rootfs: cannot make /dev/null and /dev/zero");
	iget(proc_root_inode());
	if (ramfs_link(root_inode, "proc", 4, proc_root_inode()))
		panic("populate_rootfs: cannot mount /proc");
	if (mount_tracefs())
		panic("populate_rootfs: cannot mount /sys/kernel/tracing");

	for (unsigned int i = 0; i < boot_info.nr_modules; i++) {
		const struct boot_module *module = &boot_info.modules[i];
		size_t len = module->end - module->start;

		pr_info("Trying to unpack rootfs image as initramfs (module %u, %zu bytes)...\n",
			i, len);
		if (unpack_to_rootfs(root_inode, __va(module->start), len))
			pr_err("initramfs: module %u skipped\n", i);
	}
}
