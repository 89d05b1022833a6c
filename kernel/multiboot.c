// SPDX-License-Identifier: MIT
/*
 * Reading what the boot loader tells the kernel (see linux/multiboot.h).
 *
 * Multiboot2 (GRUB): a u32 total size, a reserved u32, then tags, each
 * 8-byte aligned and starting with u32 type and u32 size, ending with a tag
 * of type 0 and size 8.
 *
 * Multiboot 1 (QEMU's -kernel): one fixed structure whose flags say which
 * fields are valid, pointing by physical address to the command line, the
 * module list, the memory map and the loader's name.
 */
#include <linux/multiboot.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/page.h>

struct boot_info boot_info;

struct mb2_tag {
	u32 type;
	u32 size;
};

struct mb2_tag_module {
	u32 type, size;
	u32 mod_start, mod_end;
	char string[];
};

struct mb2_tag_mmap {
	u32 type, size;
	u32 entry_size, entry_version;
	struct {
		u64 base_addr, length;
		u32 type, reserved;
	} entries[];
};

const char *memory_type_name(u32 type)
{
	switch (type) {
	case MULTIBOOT_MEMORY_AVAILABLE: return "usable";
	case MULTIBOOT_MEMORY_ACPI_RECLAIMABLE: return "ACPI data";
	case MULTIBOOT_MEMORY_NVS: return "ACPI NVS";
	case MULTIBOOT_MEMORY_BADRAM: return "unusable";
	default: return "reserved";
	}
}

/* Is the string of a tag NUL-terminated inside the tag? */
static bool string_fits(const char *s, const char *tag_end)
{
	for (; s < tag_end; s++)
		if (*s == '\0')
			return true;
	return false;
}

static int parse_mmap(const struct mb2_tag_mmap *tag, struct boot_info *boot)
{
	const char *entry = (const char *)tag->entries;
	const char *end = (const char *)tag + tag->size;

	if (tag->size < sizeof(*tag) || tag->entry_size < 24)
		return -EINVAL;
	for (; entry + tag->entry_size <= end && boot->nr_regions < MAX_MEMORY_REGIONS;
	     entry += tag->entry_size) {
		const u64 *fields = (const u64 *)entry;
		struct boot_memory_region *region = &boot->regions[boot->nr_regions++];

		region->base = fields[0];
		region->length = fields[1];
		region->type = *(const u32 *)(entry + 16);
	}
	return 0;
}

static int parse_tag(const struct mb2_tag *tag, struct boot_info *boot)
{
	const char *tag_end = (const char *)tag + tag->size;

	switch (tag->type) {
	case MULTIBOOT_TAG_TYPE_CMDLINE:
	case MULTIBOOT_TAG_TYPE_LOADER_NAME: {
		const char *s = (const char *)(tag + 1);

		if (!string_fits(s, tag_end))
			return -EINVAL;
		if (tag->type == MULTIBOOT_TAG_TYPE_CMDLINE)
			boot->command_line = s;
		else
			boot->loader_name = s;
		return 0;
	}
	case MULTIBOOT_TAG_TYPE_MODULE: {
		const struct mb2_tag_module *module = (const void *)tag;

		if (tag->size < sizeof(*module) || !string_fits(module->string, tag_end) ||
		    module->mod_end < module->mod_start)
			return -EINVAL;
		if (boot->nr_modules < MAX_BOOT_MODULES)
			boot->modules[boot->nr_modules++] = (struct boot_module){
				module->mod_start, module->mod_end, module->string };
		return 0;
	}
	case MULTIBOOT_TAG_TYPE_MMAP:
		return parse_mmap((const void *)tag, boot);
	default:
		return 0;	/* tags we do not use */
	}
}

int multiboot2_parse(const void *info, unsigned long info_phys, struct boot_info *boot)
{
	u32 total_size = *(const u32 *)info;
	const char *cursor = (const char *)info + 8;
	const char *end = (const char *)info + total_size;

	*boot = (struct boot_info){ .protocol = "Multiboot2", .command_line = "", .loader_name = "" };
	if (total_size < 16 || ((unsigned long)info & 7))
		return -EINVAL;
	boot->info[0] = (struct boot_range){ info_phys, info_phys + total_size };
	boot->nr_info = 1;
	while (cursor + sizeof(struct mb2_tag) <= end) {
		const struct mb2_tag *tag = (const void *)cursor;

		if (tag->size < sizeof(*tag) || cursor + tag->size > end)
			return -EINVAL;
		if (tag->type == MULTIBOOT_TAG_TYPE_END)
			return tag->size == 8 ? 0 : -EINVAL;
		if (parse_tag(tag, boot))
			return -EINVAL;
		cursor += ALIGN(tag->size, 8);
	}
	return -EINVAL;		/* no end tag */
}

/* Multiboot 1 information (specification 0.6.96, section 3.3): the fields we read. */
struct mb1_info {
	u32 flags;
	u32 mem_lower, mem_upper;	/* KiB below 1 MiB, KiB from 1 MiB */
	u32 boot_device;
	u32 cmdline;
	u32 mods_count, mods_addr;
	u32 syms[4];
	u32 mmap_length, mmap_addr;
	u32 drives_length, drives_addr;
	u32 config_table;
	u32 boot_loader_name;
};

#define MB1_INFO_MEMORY		(1 << 0)
#define MB1_INFO_CMDLINE	(1 << 2)
#define MB1_INFO_MODS		(1 << 3)
#define MB1_INFO_MMAP		(1 << 6)
#define MB1_INFO_LOADER_NAME	(1 << 9)

struct mb1_module {
	u32 mod_start, mod_end;
	u32 string;
	u32 reserved;
};

/* All that head_64.S maps before paging_init: the information must lie there. */
#define MB1_MAPPED_LIMIT	(1UL << 30)

/* Note that [@start, @start + @length) holds information; false if unmapped. */
static bool mb1_range(struct boot_info *boot, u64 start, u64 length)
{
	if (start + length > MB1_MAPPED_LIMIT || start + length < start ||
	    boot->nr_info == MAX_INFO_RANGES)
		return false;
	boot->info[boot->nr_info++] = (struct boot_range){ start, start + length };
	return true;
}

/* The string at physical @phys, or NULL when it is not wholly mapped. */
static const char *mb1_string(struct boot_info *boot, u32 phys)
{
	const char *s = __va(phys);
	size_t room = phys < MB1_MAPPED_LIMIT ? MB1_MAPPED_LIMIT - phys : 0;
	size_t length = strnlen(s, room);

	if (length == room || !mb1_range(boot, phys, length + 1))
		return NULL;
	return s;
}

/* Each map entry is u32 size (not counting itself), u64 base, u64 length, u32 type. */
static int mb1_parse_mmap(const struct mb1_info *mbi, struct boot_info *boot)
{
	const char *entry = __va(mbi->mmap_addr);
	const char *end = entry + mbi->mmap_length;

	if (!mb1_range(boot, mbi->mmap_addr, mbi->mmap_length))
		return -EINVAL;
	while (entry + 4 <= end && boot->nr_regions < MAX_MEMORY_REGIONS) {
		u32 size = *(const u32 *)entry;
		struct boot_memory_region *region;

		if (size < 20 || entry + 4 + size > end)
			return -EINVAL;
		region = &boot->regions[boot->nr_regions++];
		memcpy(&region->base, entry + 4, 8);
		memcpy(&region->length, entry + 12, 8);
		memcpy(&region->type, entry + 20, 4);
		entry += 4 + size;
	}
	return 0;
}

/* Without a map, mem_lower and mem_upper give the RAM below and above 1 MiB. */
static void mb1_memory_from_sizes(const struct mb1_info *mbi, struct boot_info *boot)
{
	boot->regions[0] = (struct boot_memory_region){
		0, (u64)mbi->mem_lower << 10, MULTIBOOT_MEMORY_AVAILABLE };
	boot->regions[1] = (struct boot_memory_region){
		SZ_1M, (u64)mbi->mem_upper << 10, MULTIBOOT_MEMORY_AVAILABLE };
	boot->nr_regions = 2;
}

static int mb1_parse_modules(const struct mb1_info *mbi, struct boot_info *boot)
{
	const struct mb1_module *module = __va(mbi->mods_addr);
	u32 count = min_t(u32, mbi->mods_count, MAX_BOOT_MODULES);

	if (!mb1_range(boot, mbi->mods_addr, (u64)mbi->mods_count * sizeof(*module)))
		return -EINVAL;
	for (u32 i = 0; i < count; i++, module++) {
		const char *string = mb1_string(boot, module->string);

		if (!string || module->mod_end < module->mod_start)
			return -EINVAL;
		boot->modules[boot->nr_modules++] = (struct boot_module){
			module->mod_start, module->mod_end, string };
	}
	return 0;
}

/* The command line without its first word, the kernel image's name. */
static const char *mb1_kernel_arguments(const char *cmdline)
{
	while (*cmdline && *cmdline != ' ')
		cmdline++;
	while (*cmdline == ' ')
		cmdline++;
	return cmdline;
}

int multiboot1_parse(unsigned long info_phys, struct boot_info *boot)
{
	const struct mb1_info *mbi = __va(info_phys);
	u32 flags;

	*boot = (struct boot_info){ .protocol = "Multiboot", .command_line = "", .loader_name = "" };
	if (!mb1_range(boot, info_phys, sizeof(*mbi)))
		return -EINVAL;
	flags = mbi->flags;
	if (flags & MB1_INFO_CMDLINE) {
		const char *cmdline = mb1_string(boot, mbi->cmdline);

		if (!cmdline)
			return -EINVAL;
		boot->command_line = mb1_kernel_arguments(cmdline);
	}
	if (flags & MB1_INFO_LOADER_NAME) {
		boot->loader_name = mb1_string(boot, mbi->boot_loader_name);
		if (!boot->loader_name)
			return -EINVAL;
	}
	if ((flags & MB1_INFO_MODS) && mb1_parse_modules(mbi, boot))
		return -EINVAL;
	if (flags & MB1_INFO_MMAP)
		return mb1_parse_mmap(mbi, boot);
	if (!(flags & MB1_INFO_MEMORY))
		return -EINVAL;		/* no idea where RAM is */
	mb1_memory_from_sizes(mbi, boot);
	return 0;
}
