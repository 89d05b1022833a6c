/* SPDX-License-Identifier: MIT */
/*
 * What the boot loader tells the kernel: the command line, the physical
 * memory map and the boot modules (the initramfs), read from the Multiboot2
 * information (Multiboot2 specification, section 3.6; GRUB) or from the
 * Multiboot 1 information (Multiboot specification 0.6.96, section 3.3;
 * QEMU's -kernel) into one struct boot_info.
 */
#ifndef _LINUX_MULTIBOOT_H
#define _LINUX_MULTIBOOT_H

#include <linux/types.h>

#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289
#define MULTIBOOT_BOOTLOADER_MAGIC	0x2badb002	/* Multiboot 1 */

#define MULTIBOOT_TAG_TYPE_END		0
#define MULTIBOOT_TAG_TYPE_CMDLINE	1
#define MULTIBOOT_TAG_TYPE_LOADER_NAME	2
#define MULTIBOOT_TAG_TYPE_MODULE	3
#define MULTIBOOT_TAG_TYPE_MMAP		6

#define MULTIBOOT_MEMORY_AVAILABLE	1
#define MULTIBOOT_MEMORY_RESERVED	2
#define MULTIBOOT_MEMORY_ACPI_RECLAIMABLE 3
#define MULTIBOOT_MEMORY_NVS		4
#define MULTIBOOT_MEMORY_BADRAM		5

#define MAX_MEMORY_REGIONS	64
#define MAX_BOOT_MODULES	8
/* Multiboot 1 scatters its information: the structure, the map, the module
 * list and each string (at most 3 + 2 + MAX_BOOT_MODULES pieces). */
#define MAX_INFO_RANGES		(5 + MAX_BOOT_MODULES)

struct boot_memory_region {
	u64 base;
	u64 length;
	u32 type;		/* MULTIBOOT_MEMORY_* */
};

struct boot_module {
	u64 start;		/* physical, first byte */
	u64 end;		/* physical, one past the last byte */
	const char *string;	/* the module's command line from the loader */
};

struct boot_range {
	u64 start;		/* physical, first byte */
	u64 end;		/* physical, one past the last byte */
};

struct boot_info {
	const char *protocol;		/* "Multiboot2" or "Multiboot" */
	const char *command_line;
	const char *loader_name;
	struct boot_memory_region regions[MAX_MEMORY_REGIONS];
	unsigned int nr_regions;
	struct boot_module modules[MAX_BOOT_MODULES];
	unsigned int nr_modules;
	/* where the information itself lies, to keep it from the allocators */
	struct boot_range info[MAX_INFO_RANGES];
	unsigned int nr_info;
};

extern struct boot_info boot_info;

/*
 * Parse the Multiboot2 information at @info (a virtual address; @info_phys is
 * its physical address) into @boot. Returns 0, or -EINVAL when the structure
 * is malformed (sizes out of bounds, no end tag). Strings point into @info.
 */
int multiboot2_parse(const void *info, unsigned long info_phys, struct boot_info *boot);
/*
 * Parse the Multiboot 1 information at physical @info_phys into @boot.
 * Every address in it must lie in the first GiB (all that the early page
 * tables map). The command line drops its first word, the kernel image's
 * name, which Multiboot 1 loaders put there. Returns 0 or -EINVAL; strings
 * point into the information.
 */
int multiboot1_parse(unsigned long info_phys, struct boot_info *boot);
/* The name Linux's e820 printout uses for a region type ("usable", ...). */
const char *memory_type_name(u32 type);

#endif
