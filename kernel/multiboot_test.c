// SPDX-License-Identifier: MIT
/*
 * KTAP suite for the Multiboot2 parser: well-formed information built in
 * memory, and each kind of malformed structure the parser must refuse.
 * Also the harness_failure suite, which fails, warns and skips on purpose
 * so that the test runner can prove it notices a failure, an unannounced
 * WARNING and a skip (it is not part of ktest=all).
 */
#include <kunit/test.h>
#include <linux/bug.h>
#include <linux/multiboot2.h>
#include <linux/string.h>
#include <linux/errno.h>

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
	KUNIT_EXPECT_EQ(test, boot.info_start, 0x9000);
	KUNIT_EXPECT_EQ(test, boot.info_end, 0x9000 + info_length);
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
