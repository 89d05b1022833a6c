// SPDX-License-Identifier: MIT
/*
 * KTAP suites for the Multiboot2 and Multiboot 1 parsers: well-formed
 * information built in memory, and each kind of malformed structure the
 * parsers must refuse.
 * Also the harness_failure suite, which fails, warns and skips on purpose
 * so that the test runner can prove it notices a failure, an unannounced
 * WARNING and a skip (it is not part of ktest=all).
 */
#include <kunit/test.h>
#include <linux/bug.h>
#include <linux/multiboot.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/page.h>

static u8 info[512] __aligned(8);
static size_t info_length;

static void info_begin(void)
{
	memset(info, 0, sizeof(info));
	info_length = 8;
}

/* Append a tag of @type with @payload; returns a pointer to the tag. */
static u32 *info_add_tag(u32 type, const void *payload, u32 payload_length)
{
	u32 *tag = (u32 *)(info + info_length);

	tag[0] = type;
	tag[1] = 8 + payload_length;
	memcpy(tag + 2, payload, payload_length);
	info_length += (8 + payload_length + 7) & ~7UL;
	return tag;
}

static void info_end(void)
{
	info_add_tag(MULTIBOOT_TAG_TYPE_END, NULL, 0);
	*(u32 *)info = info_length;
}

static void parse_well_formed(struct kunit *test)
{
	struct boot_info boot;
	u32 mmap[2 + 2 * 6] = { 24, 0 };
	u32 module[2] = { 0x200000, 0x201000 };
	u8 module_tag[16];

	info_begin();
	info_add_tag(MULTIBOOT_TAG_TYPE_CMDLINE, "ktest=all quiet", 16);
	info_add_tag(MULTIBOOT_TAG_TYPE_LOADER_NAME, "GRUB", 5);
	/* two entries: 0-640K usable, 1M-128M usable */
	mmap[2] = 0; mmap[3] = 0; mmap[4] = 0xa0000; mmap[5] = 0; mmap[6] = 1;
	mmap[8] = 0x100000; mmap[9] = 0; mmap[10] = 0x7f00000; mmap[11] = 0; mmap[12] = 1;
	info_add_tag(MULTIBOOT_TAG_TYPE_MMAP, mmap, sizeof(mmap));
	memcpy(module_tag, module, 8);
	memcpy(module_tag + 8, "initrd", 7);
	info_add_tag(MULTIBOOT_TAG_TYPE_MODULE, module_tag, 15);
	info_add_tag(42, "ignored", 8);
	info_end();

	KUNIT_ASSERT_EQ(test, multiboot2_parse(info, 0x9000, &boot), 0);
	KUNIT_EXPECT_STREQ(test, boot.command_line, "ktest=all quiet");
	KUNIT_EXPECT_STREQ(test, boot.loader_name, "GRUB");
	KUNIT_ASSERT_EQ(test, boot.nr_regions, 2);
	KUNIT_EXPECT_EQ(test, boot.regions[0].length, 0xa0000);
	KUNIT_EXPECT_EQ(test, boot.regions[1].base, 0x100000);
	KUNIT_EXPECT_EQ(test, boot.regions[1].type, MULTIBOOT_MEMORY_AVAILABLE);
	KUNIT_ASSERT_EQ(test, boot.nr_modules, 1);
	KUNIT_EXPECT_EQ(test, boot.modules[0].start, 0x200000);
	KUNIT_EXPECT_EQ(test, boot.modules[0].end, 0x201000);
	KUNIT_EXPECT_STREQ(test, boot.modules[0].string, "initrd");
	KUNIT_ASSERT_EQ(test, boot.nr_info, 1);
	KUNIT_EXPECT_EQ(test, boot.info[0].start, 0x9000);
	KUNIT_EXPECT_EQ(test, boot.info[0].end, 0x9000 + info_length);
}

static void parse_rejects_missing_end_tag(struct kunit *test)
{
	struct boot_info boot;

	info_begin();
	info_add_tag(MULTIBOOT_TAG_TYPE_CMDLINE, "x", 2);
	*(u32 *)info = info_length;
	KUNIT_EXPECT_EQ(test, multiboot2_parse(info, 0, &boot), -EINVAL);
}

static void parse_rejects_bad_sizes(struct kunit *test)
{
	struct boot_info boot;
	u32 *tag;

	info_begin();
	tag = info_add_tag(MULTIBOOT_TAG_TYPE_CMDLINE, "x", 2);
	info_end();
	tag[1] = 4;			/* smaller than a tag header */
	KUNIT_EXPECT_EQ(test, multiboot2_parse(info, 0, &boot), -EINVAL);
	tag[1] = 4096;			/* runs past the total size */
	KUNIT_EXPECT_EQ(test, multiboot2_parse(info, 0, &boot), -EINVAL);
	tag[1] = 10;
	*(u32 *)info = 4;		/* total size too small */
	KUNIT_EXPECT_EQ(test, multiboot2_parse(info, 0, &boot), -EINVAL);
}

static void parse_rejects_unterminated_string(struct kunit *test)
{
	struct boot_info boot;

	info_begin();
	info_add_tag(MULTIBOOT_TAG_TYPE_CMDLINE, "abcdefgh", 8);	/* no NUL */
	info_end();
	KUNIT_EXPECT_EQ(test, multiboot2_parse(info, 0, &boot), -EINVAL);
}

static void memory_type_names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, memory_type_name(MULTIBOOT_MEMORY_AVAILABLE), "usable");
	KUNIT_EXPECT_STREQ(test, memory_type_name(MULTIBOOT_MEMORY_RESERVED), "reserved");
	KUNIT_EXPECT_STREQ(test, memory_type_name(MULTIBOOT_MEMORY_NVS), "ACPI NVS");
}

static void boot_info_is_sane(struct kunit *test)
{
	u64 usable = 0;

	for (unsigned int i = 0; i < boot_info.nr_regions; i++)
		if (boot_info.regions[i].type == MULTIBOOT_MEMORY_AVAILABLE)
			usable += boot_info.regions[i].length;
	KUNIT_EXPECT_GT(test, usable, 16 * 1024 * 1024);
	KUNIT_EXPECT_NOT_NULL(test, strstr(boot_info.command_line, "ktest="));
}

static struct kunit_case multiboot_cases[] = {
	KUNIT_CASE(parse_well_formed),
	KUNIT_CASE(parse_rejects_missing_end_tag),
	KUNIT_CASE(parse_rejects_bad_sizes),
	KUNIT_CASE(parse_rejects_unterminated_string),
	KUNIT_CASE(memory_type_names),
	KUNIT_CASE(boot_info_is_sane),
	{}
};

static struct kunit_suite multiboot_suite = {
	.name = "multiboot2",
	.test_cases = multiboot_cases,
};
kunit_test_suite(multiboot_suite);

/*
 * Multiboot 1 information, laid out by the specification's offsets (not by
 * the parser's struct): u32 words, addresses physical.
 */
enum { MB1_FLAGS, MB1_MEM_LOWER, MB1_MEM_UPPER, MB1_CMDLINE = 4, MB1_MODS_COUNT,
       MB1_MODS_ADDR, MB1_MMAP_LENGTH = 11, MB1_MMAP_ADDR, MB1_LOADER_NAME = 16,
       MB1_WORDS = 22 };

static u32 mb1[MB1_WORDS] __aligned(8);
static u32 mb1_mods[2][4];
static u8 mb1_mmap[3 * 28];
static char mb1_cmdline[] = "/boot/kernel.elf ktest=all quiet";
static char mb1_loader[] = "qemu";
static char mb1_module_strings[2][20] = { "a.cpio initramfs1", "b.cpio" };

static u32 phys(const void *p)
{
	return __pa_symbol(p);
}

/* Append a map entry of @size (20 is the minimum; more is allowed) to mb1_mmap. */
static void mb1_add_region(u32 *length, u32 size, u64 base, u64 bytes, u32 type)
{
	u8 *entry = mb1_mmap + *length;

	memcpy(entry, &size, 4);
	memcpy(entry + 4, &base, 8);
	memcpy(entry + 12, &bytes, 8);
	memcpy(entry + 20, &type, 4);
	*length += 4 + size;
}

/* Everything valid: command line, two modules, a three-entry map, a name. */
static void mb1_build(void)
{
	u32 length = 0;

	memset(mb1, 0, sizeof(mb1));
	memset(mb1_mmap, 0, sizeof(mb1_mmap));
	mb1[MB1_FLAGS] = (1 << 2) | (1 << 3) | (1 << 6) | (1 << 9);
	mb1[MB1_CMDLINE] = phys(mb1_cmdline);
	mb1_mods[0][0] = 0x300000; mb1_mods[0][1] = 0x302000;
	mb1_mods[0][2] = phys(mb1_module_strings[0]);
	mb1_mods[1][0] = 0x302000; mb1_mods[1][1] = 0x302800;
	mb1_mods[1][2] = phys(mb1_module_strings[1]);
	mb1[MB1_MODS_COUNT] = 2;
	mb1[MB1_MODS_ADDR] = phys(mb1_mods);
	mb1_add_region(&length, 20, 0, 0x9fc00, MULTIBOOT_MEMORY_AVAILABLE);
	mb1_add_region(&length, 24, 0x9fc00, 0x400, MULTIBOOT_MEMORY_RESERVED);
	mb1_add_region(&length, 20, 0x100000, 0xfee0000, MULTIBOOT_MEMORY_AVAILABLE);
	mb1[MB1_MMAP_LENGTH] = length;
	mb1[MB1_MMAP_ADDR] = phys(mb1_mmap);
	mb1[MB1_LOADER_NAME] = phys(mb1_loader);
}

/* Does @boot record the information range [@start, @start + @length)? */
static bool mb1_range_kept(const struct boot_info *boot, u64 start, u64 length)
{
	for (unsigned int i = 0; i < boot->nr_info; i++)
		if (boot->info[i].start == start && boot->info[i].end == start + length)
			return true;
	return false;
}

static void mb1_parse_well_formed(struct kunit *test)
{
	struct boot_info boot;

	mb1_build();
	KUNIT_ASSERT_EQ(test, multiboot1_parse(phys(mb1), &boot), 0);
	KUNIT_EXPECT_STREQ(test, boot.protocol, "Multiboot");
	KUNIT_EXPECT_STREQ(test, boot.command_line, "ktest=all quiet");
	KUNIT_EXPECT_STREQ(test, boot.loader_name, "qemu");
	KUNIT_ASSERT_EQ(test, boot.nr_modules, 2);
	KUNIT_EXPECT_EQ(test, boot.modules[0].start, 0x300000);
	KUNIT_EXPECT_EQ(test, boot.modules[1].end, 0x302800);
	KUNIT_EXPECT_STREQ(test, boot.modules[0].string, "a.cpio initramfs1");
	KUNIT_EXPECT_STREQ(test, boot.modules[1].string, "b.cpio");
	KUNIT_ASSERT_EQ(test, boot.nr_regions, 3);
	KUNIT_EXPECT_EQ(test, boot.regions[1].base, 0x9fc00);
	KUNIT_EXPECT_EQ(test, boot.regions[1].type, MULTIBOOT_MEMORY_RESERVED);
	KUNIT_EXPECT_EQ(test, boot.regions[2].base, 0x100000);	/* after the 24-byte entry */
	KUNIT_EXPECT_EQ(test, boot.regions[2].length, 0xfee0000);
	/* the structure, the map, the module list and every string are kept */
	KUNIT_EXPECT_EQ(test, boot.nr_info, 7);
	KUNIT_EXPECT_TRUE(test, mb1_range_kept(&boot, phys(mb1), 68));
	KUNIT_EXPECT_TRUE(test, mb1_range_kept(&boot, phys(mb1_mmap), mb1[MB1_MMAP_LENGTH]));
	KUNIT_EXPECT_TRUE(test, mb1_range_kept(&boot, phys(mb1_mods), sizeof(mb1_mods)));
	KUNIT_EXPECT_TRUE(test, mb1_range_kept(&boot, phys(mb1_cmdline), sizeof(mb1_cmdline)));
	KUNIT_EXPECT_TRUE(test, mb1_range_kept(&boot, phys(mb1_module_strings[1]), 7));
}

/* Without a map, mem_lower and mem_upper (KiB) describe RAM; no command line is "". */
static void mb1_parse_memory_sizes(struct kunit *test)
{
	struct boot_info boot;

	mb1_build();
	mb1[MB1_FLAGS] = 1 << 0;
	mb1[MB1_MEM_LOWER] = 639;
	mb1[MB1_MEM_UPPER] = 130048;
	KUNIT_ASSERT_EQ(test, multiboot1_parse(phys(mb1), &boot), 0);
	KUNIT_EXPECT_STREQ(test, boot.command_line, "");
	KUNIT_EXPECT_EQ(test, boot.nr_modules, 0);
	KUNIT_ASSERT_EQ(test, boot.nr_regions, 2);
	KUNIT_EXPECT_EQ(test, boot.regions[0].length, 639 * 1024);
	KUNIT_EXPECT_EQ(test, boot.regions[1].base, 0x100000);
	KUNIT_EXPECT_EQ(test, boot.regions[1].length, 130048ULL * 1024);
}

/* A command line that is only the image's name leaves the kernel none. */
static void mb1_parse_image_name_only(struct kunit *test)
{
	static char name_only[] = "kernel.elf";
	struct boot_info boot;

	mb1_build();
	mb1[MB1_CMDLINE] = phys(name_only);
	KUNIT_ASSERT_EQ(test, multiboot1_parse(phys(mb1), &boot), 0);
	KUNIT_EXPECT_STREQ(test, boot.command_line, "");
}

static void mb1_parse_rejects_malformed(struct kunit *test)
{
	struct boot_info boot;

	mb1_build();
	mb1[MB1_FLAGS] = 1 << 2;		/* neither a map nor memory sizes */
	KUNIT_EXPECT_EQ(test, multiboot1_parse(phys(mb1), &boot), -EINVAL);
	mb1_build();
	memset(mb1_mmap, 0, 4);			/* an entry smaller than 20 bytes */
	KUNIT_EXPECT_EQ(test, multiboot1_parse(phys(mb1), &boot), -EINVAL);
	mb1_build();
	mb1[MB1_MMAP_LENGTH] -= 4;		/* the last entry runs past the map */
	KUNIT_EXPECT_EQ(test, multiboot1_parse(phys(mb1), &boot), -EINVAL);
	mb1_build();
	mb1_mods[1][1] = 0x301000;		/* a module that ends before it starts */
	KUNIT_EXPECT_EQ(test, multiboot1_parse(phys(mb1), &boot), -EINVAL);
	mb1_build();
	mb1[MB1_CMDLINE] = 0x40000000;		/* beyond what the early tables map */
	KUNIT_EXPECT_EQ(test, multiboot1_parse(phys(mb1), &boot), -EINVAL);
	mb1_build();
	mb1[MB1_MODS_ADDR] = 0x3ffffff8;	/* a module list running past 1 GiB */
	KUNIT_EXPECT_EQ(test, multiboot1_parse(phys(mb1), &boot), -EINVAL);
}

static struct kunit_case multiboot1_cases[] = {
	KUNIT_CASE(mb1_parse_well_formed),
	KUNIT_CASE(mb1_parse_memory_sizes),
	KUNIT_CASE(mb1_parse_image_name_only),
	KUNIT_CASE(mb1_parse_rejects_malformed),
	{}
};

static struct kunit_suite multiboot1_suite = {
	.name = "multiboot1",
	.test_cases = multiboot1_cases,
};
kunit_test_suite(multiboot1_suite);

static void deliberately_failing(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 3);
}

static void deliberately_passing(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
}

/* A WARNING it did not announce: the runner must fail the case. */
static void deliberately_warning(struct kunit *test)
{
	WARN_ON(test->name[0] == 'd');
}

/* The same WARNING, announced: the runner must accept it. */
static void deliberately_expected_warning(struct kunit *test)
{
	kunit_expect_report(test, "WARNING: CPU: 0 at kernel/multiboot_test.c");
	WARN_ON(test->name[0] == 'd');
}

/* The runner must count it as a skip, with this reason. */
static void deliberately_skipped(struct kunit *test)
{
	kunit_skip(test, "skipped on purpose");
}

static struct kunit_case harness_cases[] = {
	KUNIT_CASE(deliberately_passing),
	KUNIT_CASE(deliberately_failing),
	KUNIT_CASE(deliberately_warning),
	KUNIT_CASE(deliberately_expected_warning),
	KUNIT_CASE(deliberately_skipped),
	{}
};

static struct kunit_suite harness_suite = {
	.name = "harness_failure",
	.test_cases = harness_cases,
};
kunit_test_suite(harness_suite);
