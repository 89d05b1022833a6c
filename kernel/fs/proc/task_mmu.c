// SPDX-License-Identifier: MIT
/*
 * /proc/PID/maps and the memory lines of /proc/PID/status, in the format
 * of Linux 6.1's fs/proc/task_mmu.c (show_map_vma, task_mem). The VMAs
 * are read from the mm's maple tree, in address order.
 */
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/maple_tree.h>
#include <linux/seq_file.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include "internal.h"

/* Where a mapping's name starts: Linux pads the header to 25 + 6 * sizeof(void *) - 1 columns. */
#define MAPS_NAME_COLUMN	(25 + 6 * (int)sizeof(void *) - 1)

/* Pad the line that began at @line_start to MAPS_NAME_COLUMN, then one space (Linux's seq_pad). */
static void maps_pad(struct seq_file *m, size_t line_start)
{
	while (m->count < line_start + MAPS_NAME_COLUMN && !seq_has_overflowed(m))
		seq_putc(m, ' ');
	seq_putc(m, ' ');
}

/* The VMA's label: [heap] over the brk area, [stack] around start_stack, else NULL. */
static const char *special_vma_name(const struct vm_area_struct *vma, const struct mm_struct *mm)
{
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

/* One line of /proc/PID/maps (Linux's show_map_vma). */
static void show_map_vma(struct seq_file *m, const struct vm_area_struct *vma,
			 const struct mm_struct *mm)
{
	unsigned long flags = vma->vm_flags;
	struct file *file = vma->vm_file;
	unsigned long long pgoff = 0;
	unsigned long ino = 0;
	dev_t dev = 0;
	size_t line_start = m->count;
	const char *name = NULL;

	if (file) {
		dev = file_inode(file)->i_dev;
		ino = file_inode(file)->i_ino;
		pgoff = (unsigned long long)vma->vm_pgoff << PAGE_SHIFT;
	}
	seq_printf(m, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
		   vma->vm_start, vma->vm_end,
		   flags & VM_READ ? 'r' : '-',
		   flags & VM_WRITE ? 'w' : '-',
		   flags & VM_EXEC ? 'x' : '-',
		   flags & VM_MAYSHARE ? 's' : 'p',
		   pgoff, MAJOR(dev), MINOR(dev), ino);
	if (file)
		name = file->f_path ? file->f_path : "";
	else
		name = special_vma_name(vma, mm);
	if (name) {
		maps_pad(m, line_start);
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
}

void show_maps(struct seq_file *m, struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	MA_STATE(mas, &mm->mm_mt, 0, 0);

	mas_for_each(&mas, vma, ULONG_MAX)
		show_map_vma(m, vma, mm);
}

void proc_pid_maps(struct seq_file *m, struct task_struct *task)
{
	if (task->mm)
		show_maps(m, task->mm);
}

/* Page-table pages (PUD, PMD and PTE tables) mapping user space: Linux's mm_pgtables_bytes / PAGE_SIZE. */
static unsigned long mm_pgtables_pages(const struct mm_struct *mm)
{
	unsigned long pages = 0;

	if (!mm->pgd)
		return 0;
	for (unsigned long i = 0; i <= pgd_index(TASK_SIZE - 1); i++) {
		pgd_t pgd = mm->pgd[i];
		pud_t *pud;

		if (!pgd_present(pgd))
			continue;
		pages++;
		pud = pgd_pgtable(pgd);
		for (int j = 0; j < PTRS_PER_PUD; j++) {
			pmd_t *pmd;

			if (!pud_present(pud[j]) || pud_large(pud[j]))
				continue;
			pages++;
			pmd = pud_pgtable(pud[j]);
			for (int k = 0; k < PTRS_PER_PMD; k++)
				if (pmd_present(pmd[k]) && !pmd_large(pmd[k]))
					pages++;
		}
	}
	return pages;
}

/* "Vm...:\t%8lu kB" for a count of pages. */
static void seq_put_pages(struct seq_file *m, const char *label, unsigned long pages)
{
	seq_printf(m, "%s:\t%8lu kB\n", label, pages << (PAGE_SHIFT - 10));
}

void task_mem(struct seq_file *m, struct mm_struct *mm)
{
	unsigned long anon = mm->rss_stat[MM_ANONPAGES];
	unsigned long file = mm->rss_stat[MM_FILEPAGES];
	unsigned long total_vm = mm->total_vm, hiwater_vm = max(mm->total_vm, mm->hiwater_vm);
	unsigned long total_rss = anon + file, hiwater_rss = max(total_rss, mm->hiwater_rss);
	unsigned long text, lib;

	/* executable areas split between the program's text and libraries */
	text = PAGE_ALIGN(mm->end_code) - (mm->start_code & PAGE_MASK);
	text = min(text, mm->exec_vm << PAGE_SHIFT);
	lib = (mm->exec_vm << PAGE_SHIFT) - text;

	seq_put_pages(m, "VmPeak", hiwater_vm);
	seq_put_pages(m, "VmSize", total_vm);
	seq_put_pages(m, "VmLck", 0);		/* no mlock */
	seq_put_pages(m, "VmPin", 0);
	seq_put_pages(m, "VmHWM", hiwater_rss);
	seq_put_pages(m, "VmRSS", total_rss);
	seq_put_pages(m, "RssAnon", anon);
	seq_put_pages(m, "RssFile", file);
	seq_put_pages(m, "RssShmem", 0);	/* no shared memory */
	seq_put_pages(m, "VmData", mm->data_vm);
	seq_put_pages(m, "VmStk", mm->stack_vm);
	seq_printf(m, "VmExe:\t%8lu kB\n", text >> 10);
	seq_printf(m, "VmLib:\t%8lu kB\n", lib >> 10);
	seq_put_pages(m, "VmPTE", mm_pgtables_pages(mm));
	seq_put_pages(m, "VmSwap", 0);		/* no swap */
}
