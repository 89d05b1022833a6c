// SPDX-License-Identifier: MIT
/*
 * madvise: advice about how a range of memory will be used (Linux 6.1
 * mm/madvise.c, same names and order):
 *
 *	SYSCALL_DEFINE3(madvise) -> do_madvise: madvise_behavior_valid, the
 *	  range checks, then madvise_walk_vmas calls madvise_vma_behavior on
 *	  the part of each VMA in the range (holes: -ENOMEM at the end)
 *	MADV_DONTNEED, MADV_FREE: madvise_dontneed_free -> zap_page_range:
 *	  the pages go back to the buddy allocator, the next touch faults in
 *	  the zero page (read) or a new zeroed page (write). MADV_FREE lets
 *	  Linux keep the pages until memory is short; here they go at once,
 *	  which a program cannot tell from an early reclaim.
 *	MADV_POPULATE_READ/WRITE: madvise_populate faults every page in now.
 *	MADV_DONTFORK, DOFORK, WIPEONFORK, KEEPONFORK, DONTDUMP, DODUMP,
 *	  NORMAL, RANDOM, SEQUENTIAL: madvise_update_vma sets a VM_ flag on
 *	  exactly the range, splitting or merging VMAs as mprotect does (fork
 *	  honours VM_DONTCOPY and VM_WIPEONFORK; the others are hints).
 *	MADV_WILLNEED, COLD, PAGEOUT: hints with nothing to do (no swap, no
 *	  LRU lists), accepted as Linux accepts them.
 *
 * Advice for what this kernel is built without -- KSM (MADV_MERGEABLE,
 * UNMERGEABLE), transparent huge pages (MADV_HUGEPAGE, NOHUGEPAGE,
 * COLLAPSE), memory-failure injection (MADV_HWPOISON, SOFT_OFFLINE) -- is
 * -EINVAL, as on a Linux configured without them; so is unknown advice.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/pgtable.h>

/* Is @behavior advice this kernel knows? (Linux madvise_behavior_valid) */
static bool madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_DOFORK:
	case MADV_DONTFORK:
	case MADV_NORMAL:
	case MADV_SEQUENTIAL:
	case MADV_RANDOM:
	case MADV_REMOVE:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
	case MADV_FREE:
	case MADV_COLD:
	case MADV_PAGEOUT:
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
	case MADV_DONTDUMP:
	case MADV_DODUMP:
	case MADV_WIPEONFORK:
	case MADV_KEEPONFORK:
		return true;
	default:
		return false;
	}
}

/*
 * Give [start, end) of @vma the flags @new_flags: merged into a neighbour
 * that then matches, or split off (vma_modify_flags); *@prev becomes the
 * VMA now holding the range (Linux madvise_update_vma). 0 or -ENOMEM.
 */
static int madvise_update_vma(struct vm_area_struct *vma, struct vm_area_struct **prev,
			      unsigned long start, unsigned long end, unsigned long new_flags)
{
	if (new_flags == vma->vm_flags) {
		*prev = vma;
		return 0;
	}
	vma = vma_modify_flags(vma->vm_mm, prev, vma, start, end, new_flags);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	vma->vm_flags = new_flags;
	return 0;
}

/*
 * MADV_DONTNEED, MADV_DONTNEED_LOCKED and MADV_FREE: drop the pages of
 * [start, end) (Linux madvise_dontneed_free). -EINVAL for locked memory
 * (except MADV_DONTNEED_LOCKED), and MADV_FREE for a file's VMA.
 */
static int madvise_dontneed_free(struct vm_area_struct *vma, struct vm_area_struct **prev,
				 unsigned long start, unsigned long end, int behavior)
{
	*prev = vma;
	if (behavior != MADV_DONTNEED_LOCKED && (vma->vm_flags & VM_LOCKED))
		return -EINVAL;
	if (behavior == MADV_FREE && vma->vm_file)
		return -EINVAL;		/* madvise_free_single_vma: anonymous memory only */
	zap_page_range(vma, start, end - start);
	return 0;
}

/*
 * MADV_POPULATE_READ/WRITE: fault in every page of [start, end) now, as
 * a read or a write would (Linux madvise_populate). -EINVAL if the VMA
 * does not allow that access, -ENOMEM without memory.
 */
static int madvise_populate(struct vm_area_struct *vma, struct vm_area_struct **prev,
			    unsigned long start, unsigned long end, int behavior)
{
	bool write = behavior == MADV_POPULATE_WRITE;
	unsigned int fault_flags = write ? FAULT_FLAG_WRITE : 0;

	*prev = vma;
	if (!(vma->vm_flags & (write ? VM_WRITE : VM_READ)))
		return -EINVAL;
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE) {
		pte_t *pte;
		vm_fault_t ret;

		if (!follow_pte(vma->vm_mm, addr, &pte) && pte_present(*pte) &&
		    (!write || pte_write(*pte)))
			continue;
		ret = handle_mm_fault(vma, addr, fault_flags | FAULT_FLAG_USER);
		if (ret & VM_FAULT_OOM)
			return -ENOMEM;
		if (ret)
			return -EFAULT;
	}
	return 0;
}

/*
 * MADV_REMOVE frees a shared file's backing store: locked or anonymous
 * memory is -EINVAL, a private mapping -EACCES (Linux madvise_remove).
 */
static int madvise_remove(struct vm_area_struct *vma, struct vm_area_struct **prev)
{
	*prev = NULL;
	if ((vma->vm_flags & VM_LOCKED) || !vma->vm_file)
		return -EINVAL;
	return -EACCES;		/* every file VMA here is private */
}

/* Apply @behavior to [start, end), a part of @vma (Linux madvise_vma_behavior). */
static int madvise_vma_behavior(struct vm_area_struct *vma, struct vm_area_struct **prev,
				unsigned long start, unsigned long end, int behavior)
{
	unsigned long new_flags = vma->vm_flags;
	int error;

	switch (behavior) {
	case MADV_REMOVE:
		return madvise_remove(vma, prev);
	case MADV_WILLNEED:
		*prev = vma;
		return 0;	/* nothing is swapped out or unread: the pages are as ready as they get */
	case MADV_COLD:
	case MADV_PAGEOUT:
		*prev = vma;
		/* no LRU lists and no swap: nothing to deactivate or reclaim */
		return (vma->vm_flags & VM_LOCKED) ? -EINVAL : 0;
	case MADV_FREE:
	case MADV_DONTNEED:
	case MADV_DONTNEED_LOCKED:
		return madvise_dontneed_free(vma, prev, start, end, behavior);
	case MADV_POPULATE_READ:
	case MADV_POPULATE_WRITE:
		return madvise_populate(vma, prev, start, end, behavior);
	case MADV_NORMAL:
		new_flags &= ~(VM_RAND_READ | VM_SEQ_READ);
		break;
	case MADV_SEQUENTIAL:
		new_flags = (new_flags & ~VM_RAND_READ) | VM_SEQ_READ;
		break;
	case MADV_RANDOM:
		new_flags = (new_flags & ~VM_SEQ_READ) | VM_RAND_READ;
		break;
	case MADV_DONTFORK:
		new_flags |= VM_DONTCOPY;
		break;
	case MADV_DOFORK:
		new_flags &= ~VM_DONTCOPY;
		break;
	case MADV_WIPEONFORK:
		/* anonymous private memory only */
		if (vma->vm_file || (vma->vm_flags & VM_SHARED))
			return -EINVAL;
		new_flags |= VM_WIPEONFORK;
		break;
	case MADV_KEEPONFORK:
		new_flags &= ~VM_WIPEONFORK;
		break;
	case MADV_DONTDUMP:
		new_flags |= VM_DONTDUMP;
		break;
	case MADV_DODUMP:
		new_flags &= ~VM_DONTDUMP;
		break;
	}
	error = madvise_update_vma(vma, prev, start, end, new_flags);
	/* out of kernel memory is "try again" for madvise */
	return error == -ENOMEM ? -EAGAIN : error;
}

/*
 * Call madvise_vma_behavior on the part of every VMA inside [start, end).
 * Unmapped gaps are skipped, but make the result -ENOMEM once the rest is
 * done (Linux madvise_walk_vmas).
 */
static int madvise_walk_vmas(struct mm_struct *mm, unsigned long start, unsigned long end,
			     int behavior)
{
	struct vm_area_struct *vma, *prev;
	int unmapped_error = 0, error;
	unsigned long tmp;

	vma = find_vma_prev(mm, start, &prev);
	if (vma && start > vma->vm_start)
		prev = vma;
	for (;;) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			unmapped_error = -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				break;
		}
		tmp = min(vma->vm_end, end);
		error = madvise_vma_behavior(vma, &prev, start, tmp, behavior);
		if (error)
			return error;
		start = tmp;
		if (prev && start < prev->vm_end)
			start = prev->vm_end;
		if (start >= end)
			break;
		vma = find_vma(mm, prev ? prev->vm_end : start);
	}
	return unmapped_error;
}

int do_madvise(struct mm_struct *mm, unsigned long start, size_t len_in, int behavior)
{
	unsigned long end;
	size_t len;

	if (!madvise_behavior_valid(behavior))
		return -EINVAL;
	if (offset_in_page(start))
		return -EINVAL;
	len = PAGE_ALIGN(len_in);
	/* a length of -1 .. -4095 rounds up to 0 */
	if (len_in && !len)
		return -EINVAL;
	end = start + len;
	if (end < start)
		return -EINVAL;
	if (end == start)
		return 0;
	return madvise_walk_vmas(mm, start, end, behavior);
}

/*
 * madvise(2): 0, or -EINVAL (unknown advice, unaligned @start, a range
 * that wraps), -ENOMEM (part of the range unmapped: the rest is done),
 * -EAGAIN, -EACCES, -EFAULT as do_madvise's steps say.
 */
SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	return do_madvise(current->mm, start, len_in, behavior);
}
