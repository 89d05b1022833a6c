// SPDX-License-Identifier: MIT
/*
 * execve: replace the calling process's program. The arguments and
 * environment are copied into the kernel first (the old address space is
 * about to go), then a fresh mm is built: the ELF's PT_LOAD segments
 * mapped and filled, the bss and the heap's start (start_brk = brk = the
 * page-aligned end of the bss), and the stack with argc, argv, envp and
 * the auxiliary vector laid out as Linux lays them out (fs/exec.c,
 * fs/binfmt_elf.c), without address randomisation.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/random.h>
#include <asm/switch_to.h>
#include <asm/processor.h>
#include <asm/pgtable.h>

#define MAX_ARG_BYTES	(64 * 1024)	/* argv + envp strings (Linux allows far more) */
#define MAX_ARG_COUNT	1024
#define STACK_TOP	TASK_SIZE
#define STACK_EXPAND	(128 * 1024)	/* room below the arguments, as setup_arg_pages */
#define ELF_ET_DYN_BASE	0x555555554000UL	/* where a PIE goes without randomisation */
#define PATH_MAX	4096

/* A program being loaded (Linux's struct linux_binprm, trimmed). */
struct linux_binprm {
	char *strings;			/* argv strings, then envp strings, NUL-separated */
	size_t bytes;
	int argc, envc;
	char filename[PATH_MAX];
	struct file *file;
	struct elf64_hdr header;
	struct elf64_phdr *phdrs;
};

/* Append one string of at most @max bytes to bprm->strings. */
static int add_string(struct linux_binprm *bprm, const char *s, size_t length)
{
	if (bprm->bytes + length + 1 > MAX_ARG_BYTES)
		return -E2BIG;
	memcpy(bprm->strings + bprm->bytes, s, length);
	bprm->strings[bprm->bytes + length] = '\0';
	bprm->bytes += length + 1;
	return 0;
}

/* Copy a NULL-terminated user array of strings; returns the count or -errno. */
static int copy_strings_user(struct linux_binprm *bprm, const char __user *const __user *array)
{
	char *scratch = kmalloc(PAGE_SIZE, GFP_KERNEL);
	int count = 0, err = 0;

	if (!scratch)
		return -ENOMEM;
	for (; array; count++) {
		const char __user *s;
		long length;

		if (get_user(s, array + count)) {
			err = -EFAULT;
			break;
		}
		if (!s)
			break;
		if (count >= MAX_ARG_COUNT) {
			err = -E2BIG;
			break;
		}
		length = strncpy_from_user(scratch, s, PAGE_SIZE);
		if (length < 0 || length == PAGE_SIZE) {
			err = length < 0 ? length : -E2BIG;
			break;
		}
		err = add_string(bprm, scratch, length);
		if (err)
			break;
	}
	kfree(scratch);
	return err ? err : count;
}

/* Add the NULL-terminated kernel string @array (NULL: none) to @bprm; its count or an error. */
static int copy_strings_kernel(struct linux_binprm *bprm, const char *const *array)
{
	int count;

	for (count = 0; array && array[count]; count++) {
		int err = add_string(bprm, array[count], strlen(array[count]));

		if (err)
			return err;
	}
	return count;
}

/* Open the file and check it is an x86-64 ELF executable we can load. */
static int read_elf_headers(struct linux_binprm *bprm)
{
	struct elf64_hdr *h = &bprm->header;
	size_t size;
	loff_t pos = 0;

	bprm->file = filp_open(bprm->filename, O_RDONLY);
	if (IS_ERR(bprm->file)) {
		int err = PTR_ERR(bprm->file);

		bprm->file = NULL;
		return err;
	}
	if (!S_ISREG(bprm->file->f_inode->i_mode))
		return -EACCES;
	if (!(bprm->file->f_inode->i_mode & 0111))
		return -EACCES;
	if (kernel_read(bprm->file, h, sizeof(*h), &pos) != sizeof(*h) ||
	    memcmp(h->e_ident, ELFMAG, 4) != 0 || h->e_ident[4] != ELFCLASS64 ||
	    h->e_ident[5] != ELFDATA2LSB || h->e_machine != EM_X86_64 ||
	    (h->e_type != ET_EXEC && h->e_type != ET_DYN) ||
	    h->e_phentsize != sizeof(struct elf64_phdr) || h->e_phnum == 0 || h->e_phnum > 64)
		return -ENOEXEC;
	size = h->e_phnum * sizeof(struct elf64_phdr);
	bprm->phdrs = kmalloc(size, GFP_KERNEL);
	if (!bprm->phdrs)
		return -ENOMEM;
	pos = h->e_phoff;
	if (kernel_read(bprm->file, bprm->phdrs, size, &pos) != (ssize_t)size)
		return -ENOEXEC;
	for (int i = 0; i < h->e_phnum; i++)
		if (bprm->phdrs[i].p_type == PT_INTERP)
			return -ENOEXEC;	/* no dynamic linker here: static programs only */
	return 0;
}

/* The PROT_* bits of an ELF program header's PF_R/PF_W/PF_X @flags. */
static unsigned long elf_prot(u32 flags)
{
	return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
	       (flags & PF_X ? PROT_EXEC : 0);
}

/* Copy @length bytes of the file at @offset to user address @to (in the new mm). */
static int copy_file_to_user(struct file *file, unsigned long to, loff_t offset, size_t length)
{
	char *buffer = kmalloc(PAGE_SIZE, GFP_KERNEL);
	int err = 0;

	if (!buffer)
		return -ENOMEM;
	while (length && !err) {
		size_t chunk = min(length, PAGE_SIZE);

		if (kernel_read(file, buffer, chunk, &offset) != (ssize_t)chunk)
			err = -EIO;
		else if (copy_to_user((void __user *)to, buffer, chunk))
			err = -EFAULT;
		to += chunk;
		length -= chunk;
	}
	kfree(buffer);
	return err;
}

/* Map one PT_LOAD segment at @bias + p_vaddr and fill it from the file. */
static int load_segment(struct linux_binprm *bprm, const struct elf64_phdr *ph, unsigned long bias)
{
	unsigned long vaddr = bias + ph->p_vaddr, start = vaddr & PAGE_MASK;
	unsigned long file_end = vaddr + ph->p_filesz, mem_end = vaddr + ph->p_memsz;
	unsigned long prot = elf_prot(ph->p_flags), mapped_end = PAGE_ALIGN(file_end);
	unsigned long addr;
	int err = 0;

	if (ph->p_filesz > ph->p_memsz || mem_end > TASK_SIZE || mem_end < vaddr)
		return -EINVAL;
	/* the pages holding file data: writable while we copy, then the segment's own protection */
	if (mapped_end > start) {
		addr = do_mmap(current->mm, bprm->file, start, mapped_end - start, prot | PROT_WRITE,
			       MAP_PRIVATE | MAP_FIXED, (ph->p_offset - (vaddr - start)) >> PAGE_SHIFT);
		if (IS_ERR_VALUE(addr))
			return (long)addr;
		err = copy_file_to_user(bprm->file, vaddr, ph->p_offset, ph->p_filesz);
		if (!err && clear_user((void __user *)file_end, mapped_end - file_end))
			err = -EFAULT;
		if (!err && !(prot & PROT_WRITE))
			err = do_mprotect(current->mm, start, mapped_end - start, prot);
	}
	if (!err && PAGE_ALIGN(mem_end) > mapped_end)	/* the bss beyond the file's last page */
		err = vm_brk_flags(mapped_end, PAGE_ALIGN(mem_end) - mapped_end,
				   prot & PROT_EXEC ? VM_EXEC : 0);
	return err;
}

/* Map every PT_LOAD segment and set the mm's code/data/brk boundaries. Returns the load bias. */
static long load_elf_segments(struct linux_binprm *bprm, struct mm_struct *mm)
{
	unsigned long bias = bprm->header.e_type == ET_DYN ? ELF_ET_DYN_BASE : 0;
	unsigned long elf_brk = 0;

	mm->start_code = ~0UL;
	for (int i = 0; i < bprm->header.e_phnum; i++) {
		const struct elf64_phdr *ph = &bprm->phdrs[i];
		unsigned long vaddr = bias + ph->p_vaddr;
		int err;

		if (ph->p_type != PT_LOAD)
			continue;
		err = load_segment(bprm, ph, bias);
		if (err)
			return err;
		/* Linux's load_elf_binary: the code is the executable segments */
		if (ph->p_flags & PF_X) {
			mm->start_code = min(mm->start_code, vaddr);
			mm->end_code = max(mm->end_code, vaddr + ph->p_filesz);
		}
		/*
		 * Linux's load_elf_binary: the data is the last segment's file
		 * part, [highest p_vaddr, highest p_vaddr + p_filesz), whatever
		 * its flags; brk's check_data_rlimit counts end_data - start_data.
		 */
		mm->start_data = max(mm->start_data, vaddr);
		mm->end_data = max(mm->end_data, vaddr + ph->p_filesz);
		elf_brk = max(elf_brk, vaddr + ph->p_memsz);
	}
	mm->start_brk = mm->brk = PAGE_ALIGN(elf_brk);
	return bias;
}

/* Push @length bytes onto the new user stack at *sp. */
static int push_bytes(unsigned long *sp, const void *data, size_t length)
{
	*sp -= length;
	return copy_to_user((void __user *)*sp, data, length) ? -EFAULT : 0;
}

/* The bytes the argument strings take in bprm->strings (the environment follows them). */
static size_t argv_bytes(const struct linux_binprm *bprm)
{
	size_t offset = 0;

	for (int i = 0; i < bprm->argc; i++)
		offset += strlen(bprm->strings + offset) + 1;
	return offset;
}

/* argc, argv[] and envp[] (each NULL-terminated), pointing at the user copies of the strings. */
static void fill_pointer_words(struct linux_binprm *bprm, unsigned long *words, unsigned long strings)
{
	size_t offset = 0;
	int i;

	*words++ = bprm->argc;
	for (i = 0; i < bprm->argc; i++) {
		*words++ = strings + offset;
		offset += strlen(bprm->strings + offset) + 1;
	}
	*words++ = 0;
	for (i = 0; i < bprm->envc; i++) {
		*words++ = strings + offset;
		offset += strlen(bprm->strings + offset) + 1;
	}
	*words = 0;
}

/* Where the strings at the top of the new stack went (user addresses). */
struct stack_strings {
	unsigned long execfn;		/* the file name, for AT_EXECFN */
	unsigned long strings;		/* argv strings, then envp strings */
	unsigned long platform;		/* "x86_64", for AT_PLATFORM */
	unsigned long random;		/* 16 random bytes, for AT_RANDOM */
};

/*
 * Copy the strings to the top of the stack, top down: the file name, the
 * argument and environment strings, the platform, 16 random bytes.
 */
static int push_stack_strings(struct linux_binprm *bprm, unsigned long *sp,
			      struct stack_strings *where)
{
	u64 random_bytes[2];
	int err;

	get_random_bytes(random_bytes, sizeof(random_bytes));
	err = push_bytes(sp, bprm->filename, strlen(bprm->filename) + 1);

	where->execfn = *sp;
	err = err ?: push_bytes(sp, bprm->strings, bprm->bytes);
	where->strings = *sp;
	err = err ?: push_bytes(sp, "x86_64", 7);
	where->platform = *sp;
	err = err ?: push_bytes(sp, random_bytes, sizeof(random_bytes));
	where->random = *sp;
	return err;
}

/* Fill @auxv with the auxiliary vector (type, value pairs ending in AT_NULL); returns its words. */
static size_t fill_auxv(unsigned long *auxv, const struct linux_binprm *bprm, unsigned long bias,
			const struct stack_strings *where)
{
	unsigned long phdr_address = 0;
	size_t a = 0;

	/* the program headers as mapped: inside the segment that starts at file offset 0 */
	for (int i = 0; i < bprm->header.e_phnum; i++)
		if (bprm->phdrs[i].p_type == PT_LOAD && bprm->phdrs[i].p_offset == 0)
			phdr_address = bias + bprm->phdrs[i].p_vaddr + bprm->header.e_phoff;
#define AUX(type, value) do { auxv[a++] = (type); auxv[a++] = (value); } while (0)
	AUX(AT_HWCAP, 0x178bfbff);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, 100);
	AUX(AT_PHDR, phdr_address);
	AUX(AT_PHENT, sizeof(struct elf64_phdr));
	AUX(AT_PHNUM, bprm->header.e_phnum);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, bias + bprm->header.e_entry);
	AUX(AT_UID, current->cred.uid);
	AUX(AT_EUID, current->cred.euid);
	AUX(AT_GID, current->cred.gid);
	AUX(AT_EGID, current->cred.egid);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, where->random);
	AUX(AT_EXECFN, where->execfn);
	AUX(AT_PLATFORM, where->platform);
	AUX(AT_NULL, 0);
#undef AUX
	return a;
}

/*
 * Lay out the initial stack as Linux's create_elf_tables: the strings at
 * the top, then, 16-byte aligned: argc, argv[], NULL, envp[], NULL, auxv.
 * Sets the mm's argument and environment bounds and *stack_pointer.
 */
static int create_elf_tables(struct linux_binprm *bprm, struct mm_struct *mm,
			     unsigned long bias, unsigned long *stack_pointer)
{
	unsigned long sp = STACK_TOP - sizeof(void *), auxv[2 * 20], *words;
	struct stack_strings where;
	size_t nwords, auxv_words;
	int err = push_stack_strings(bprm, &sp, &where);

	if (err)
		return err;
	auxv_words = fill_auxv(auxv, bprm, bias, &where);
	nwords = 1 + bprm->argc + 1 + bprm->envc + 1 + auxv_words;
	words = kmalloc(nwords * sizeof(unsigned long), GFP_KERNEL);
	if (!words)
		return -ENOMEM;
	fill_pointer_words(bprm, words, where.strings);
	memcpy(words + nwords - auxv_words, auxv, auxv_words * sizeof(unsigned long));
	sp = (sp - nwords * sizeof(unsigned long)) & ~15UL;
	err = copy_to_user((void __user *)sp, words, nwords * sizeof(unsigned long)) ? -EFAULT : 0;
	kfree(words);
	mm->arg_start = where.strings;
	mm->arg_end = mm->env_start = where.strings + argv_bytes(bprm);
	mm->env_end = where.strings + bprm->bytes;
	mm->start_stack = sp;
	*stack_pointer = sp;
	return err;
}

/* The stack VMA: the arguments' pages plus STACK_EXPAND, growing down (setup_arg_pages). */
static int setup_arg_pages(struct linux_binprm *bprm)
{
	unsigned long needed = PAGE_ALIGN(strlen(bprm->filename) + bprm->bytes + 1024);
	unsigned long size = needed + STACK_EXPAND;
	unsigned long addr = do_mmap(current->mm, NULL, STACK_TOP - size, size,
				     PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED | MAP_GROWSDOWN, 0);

	return IS_ERR_VALUE(addr) ? (long)addr : 0;
}

/* Leave the old address space for @mm; the old one goes through mmput's unmap path. */
static void exec_mmap(struct mm_struct *mm)
{
	struct mm_struct *old = current->mm;

	if (old)
		mm_release(current, old);	/* a vfork parent may go on */
	current->mm = mm;
	write_cr3(__pa(mm->pgd));
	if (old)
		mmput(old);
}

/* The program's name for comm: the last path component, cut to 15 characters. */
static void set_task_comm(const char *path)
{
	const char *name = strrchr(path, '/');

	strlcpy(current->comm, name ? name + 1 : path, TASK_COMM_LEN);
}

/* The program current runs is now @file (Linux keeps it as mm->exe_file). */
static void set_exe_file(struct file *file)
{
	struct file *old = current->exe_file;

	get_file(file);
	current->exe_file = file;
	if (old)
		fput(old);
}

/* Everything after the point of no return: a failure here kills the process. */
static int load_elf_binary(struct linux_binprm *bprm)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long sp;
	long bias;
	int err;

	if (!mm)
		return -ENOMEM;
	exec_mmap(mm);
	do_close_on_exec();
	bias = load_elf_segments(bprm, mm);
	err = bias < 0 ? bias : setup_arg_pages(bprm);
	err = err ?: create_elf_tables(bprm, mm, bias, &sp);
	if (err) {
		force_sig(SIGSEGV);
		return err;
	}
	set_task_comm(bprm->filename);
	set_exe_file(bprm->file);
	for (int sig = 0; sig < _NSIG; sig++) {	/* handlers do not survive exec; SIG_IGN does */
		struct k_sigaction *action = &current->action[sig];

		if ((unsigned long)action->handler > 1)
			action->handler = NULL;
		action->flags = 0;	/* Linux's flush_signal_handlers */
		action->restorer = NULL;
		action->mask = 0;
	}
	start_thread(task_pt_regs(current), bias + bprm->header.e_entry, sp);
	return 0;
}

/* Free @bprm with its file reference, program headers and strings. */
static void free_bprm(struct linux_binprm *bprm)
{
	if (bprm->file)
		fput(bprm->file);
	kfree(bprm->phdrs);
	kfree(bprm->strings);
	kfree(bprm);
}

/* Shared by execve and kernel_execve once the strings are in bprm. */
static int bprm_execve(struct linux_binprm *bprm)
{
	int err = read_elf_headers(bprm);

	if (!err)
		err = load_elf_binary(bprm);
	free_bprm(bprm);
	return err;
}

/* A zeroed linux_binprm with a MAX_ARG_BYTES string area, or NULL. */
static struct linux_binprm *alloc_bprm(void)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);

	if (!bprm)
		return NULL;
	bprm->strings = kmalloc(MAX_ARG_BYTES, GFP_KERNEL);
	if (!bprm->strings) {
		kfree(bprm);
		return NULL;
	}
	return bprm;
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct linux_binprm *bprm = alloc_bprm();
	long length;

	if (!bprm)
		return -ENOMEM;
	length = strncpy_from_user(bprm->filename, filename, PATH_MAX);
	if (length < 0 || length == PATH_MAX || length == 0) {
		free_bprm(bprm);
		return length < 0 ? length : length ? -ENAMETOOLONG : -ENOENT;
	}
	bprm->argc = copy_strings_user(bprm, argv);
	bprm->envc = bprm->argc < 0 ? 0 : copy_strings_user(bprm, envp);
	if (bprm->argc < 0 || bprm->envc < 0) {
		int err = bprm->argc < 0 ? bprm->argc : bprm->envc;

		free_bprm(bprm);
		return err;
	}
	return bprm_execve(bprm);
}

int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	struct linux_binprm *bprm = alloc_bprm();

	if (!bprm)
		return -ENOMEM;
	strlcpy(bprm->filename, filename, PATH_MAX);
	bprm->argc = copy_strings_kernel(bprm, argv);
	bprm->envc = bprm->argc < 0 ? 0 : copy_strings_kernel(bprm, envp);
	if (bprm->argc < 0 || bprm->envc < 0) {
		free_bprm(bprm);
		return -E2BIG;
	}
	return bprm_execve(bprm);
}
