// SPDX-License-Identifier: MIT
/*
 * Symbol lookup over the table that scripts/kallsyms.py appends to the
 * image: kallsyms_addresses[] sorted ascending, kallsyms_sizes[] and
 * kallsyms_offsets[] into the kallsyms_names string pool.
 */
#include <linux/kallsyms.h>
#include <linux/printk.h>
#include <linux/string.h>

extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_sizes[];
extern const unsigned int kallsyms_offsets[];
extern const char kallsyms_names[];

const char *kallsyms_lookup(unsigned long address, unsigned long *size, unsigned long *offset)
{
	unsigned long low = 0, high = kallsyms_num;

	/* binary search for the last symbol starting at or below address */
	while (low < high) {
		unsigned long middle = low + (high - low) / 2;

		if (kallsyms_addresses[middle] <= address)
			low = middle + 1;
		else
			high = middle;
	}
	if (low == 0)
		return NULL;
	low--;
	if (address - kallsyms_addresses[low] >= kallsyms_sizes[low])
		return NULL;
	*size = kallsyms_sizes[low];
	*offset = address - kallsyms_addresses[low];
	return &kallsyms_names[kallsyms_offsets[low]];
}

int sprint_symbol(char *buf, unsigned long address)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(address, &size, &offset);

	if (!name)
		return sprintf(buf, "0x%lx", address);
	return sprintf(buf, "%s+0x%lx/0x%lx", name, offset, size);
}

int sprint_backtrace(char *buf, unsigned long address)
{
	unsigned long size, offset;
	const char *name = kallsyms_lookup(address - 1, &size, &offset);

	if (!name)
		return sprintf(buf, "0x%lx", address);
	return sprintf(buf, "%s+0x%lx/0x%lx", name, offset + 1, size);
}

unsigned long kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < kallsyms_num; i++)
		if (strcmp(&kallsyms_names[kallsyms_offsets[i]], name) == 0)
			return kallsyms_addresses[i];
	return 0;
}
