// SPDX-License-Identifier: MIT
/*
 * /proc/meminfo (Linux 6.1's fs/proc/meminfo.c): the lines this kernel
 * can compute, in Linux's order and format — a 16-column label, the
 * value in kB right-aligned in 8 columns, " kB". There is no page cache,
 * no swap and no reclaimable memory, so MemAvailable is MemFree.
 */
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <asm/page.h>
#include "internal.h"


static void show_val_kb(struct seq_file *m, const char *label, unsigned long pages)
{
	seq_printf(m, "%-16s%8lu kB\n", label, pages << (PAGE_SHIFT - 10));
}

void meminfo_show(struct seq_file *m)
{
	unsigned long free = nr_free_pages_with_pcp();
	unsigned long stacks = 0;
	struct task_struct *p;

	for_each_process(p)
		if (p->stack)
			stacks += THREAD_SIZE / PAGE_SIZE;

	show_val_kb(m, "MemTotal:", totalram_pages());
	show_val_kb(m, "MemFree:", free);
	show_val_kb(m, "MemAvailable:", free);
	show_val_kb(m, "Buffers:", 0);
	show_val_kb(m, "Cached:", 0);
	show_val_kb(m, "SwapCached:", 0);
	show_val_kb(m, "SwapTotal:", 0);
	show_val_kb(m, "SwapFree:", 0);
	show_val_kb(m, "Shmem:", 0);		/* no shared memory */
	show_val_kb(m, "SReclaimable:", 0);	/* no slab cache is reclaimable */
	show_val_kb(m, "KernelStack:", stacks);
	show_val_kb(m, "PageTables:", nr_page_table_pages);
}
