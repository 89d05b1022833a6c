// SPDX-License-Identifier: MIT
/*
 * mincore: which pages of a range are resident (Linux 6.1 mm/mincore.c).
 * A direct view of demand paging: a page of a fresh anonymous mapping is
 * 0 until a read (which maps the shared zero page) or a write (a private
 * page) makes it 1; MADV_DONTNEED or munmap + mmap make it 0 again.
 *
 * One byte per page, bit 0 set when a pte maps the page. Linux also looks
 * up the page cache for a file VMA's unmapped pages; this kernel has no
 * page cache (an ELF segment is copied at exec), so an unmapped page is
 * not resident whatever its VMA.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/pgtable.h>

/*
 * Fill @vec with one byte per page of [addr, addr + pages pages) that lies
 * in the VMA holding @addr. Returns how many bytes it filled, or -ENOMEM
 * when no VMA holds @addr (Linux do_mincore; its page walk here is a
 * follow_pte per page).
 */
static long do_mincore(unsigned long addr, unsigned long pages, unsigned char *vec)
{
	struct vm_area_struct *vma = vma_lookup(current->mm, addr);
	unsigned long end, i;
	pte_t *pte;

	if (!vma)
		return -ENOMEM;
	end = min(vma->vm_end, addr + (pages << PAGE_SHIFT));
	for (i = 0; addr < end; addr += PAGE_SIZE, i++)
		vec[i] = !follow_pte(current->mm, addr, &pte) && pte_present(*pte);
	return i;
}

/**
 * sys_mincore - which pages of [start, start + len) are in memory
 * @vec: one byte per page, (len + PAGE_SIZE - 1) / PAGE_SIZE of them
 *
 * Returns 0, or -EINVAL (@start not page-aligned), -ENOMEM (the range
 * leaves user space or has unmapped pages), -EFAULT (@vec cannot be
 * written), -EAGAIN (no page for the kernel's buffer).
 */
SYSCALL_DEFINE3(mincore, unsigned long, start, size_t, len, unsigned char __user *, vec)
{
	unsigned long pages;
	unsigned char *tmp;
	long retval = 0;

	if (offset_in_page(start))
		return -EINVAL;
	if (!access_ok((void __user *)start, len))
		return -ENOMEM;
	pages = len >> PAGE_SHIFT;
	pages += offset_in_page(len) != 0;
	if (!access_ok(vec, pages))
		return -EFAULT;

	tmp = (unsigned char *)__get_free_page(GFP_KERNEL);
	if (!tmp)
		return -EAGAIN;
	/* at most a page of results at a time: the kernel buffer's size */
	while (pages) {
		retval = do_mincore(start, min(pages, PAGE_SIZE), tmp);
		if (retval <= 0)
			break;
		if (copy_to_user(vec, tmp, retval)) {
			retval = -EFAULT;
			break;
		}
		pages -= retval;
		vec += retval;
		start += retval << PAGE_SHIFT;
		retval = 0;
	}
	free_page((unsigned long)tmp);
	return retval;
}
