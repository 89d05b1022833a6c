// SPDX-License-Identifier: MIT
/*
 * Reading the Multiboot2 information (see linux/multiboot2.h). The
 * structure is a u32 total size, a reserved u32, then tags, each 8-byte
 * aligned and starting with u32 type and u32 size, ending with a tag of
 * type 0 and size 8.
 */
#include <linux/multiboot2.h>
#include <linux/errno.h>
#include <linux/kernel.h>

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

	*boot = (struct boot_info){ .command_line = "", .loader_name = "" };
	if (total_size < 16 || ((unsigned long)info & 7))
		return -EINVAL;
	boot->info_start = info_phys;
	boot->info_end = info_phys + total_size;
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
