/*
 * The first instructions: the boot loader enters _start in 32-bit protected
 * mode with paging off, EAX = its magic and EBX = the physical address of
 * its information: Multiboot2 from GRUB (the ISO), Multiboot 1 from QEMU's
 * own loader (-kernel build/kernel.elf, what scripts/qemu-run uses). We build early page tables that map the first
 * 1 GiB three times (identity, at PAGE_OFFSET and at __START_KERNEL_map),
 * enter long mode, jump to the higher half and call start_kernel(magic, info).
 * Until paging runs, addresses are physical: PHYS(x) turns a link address
 * into one.
 */
#include <asm/segment.h>

#define PHYS(x)		((x) - 0xffffffff80000000)
#define MB1_MAGIC	0x1badb002
#define MB1_MEMORY_INFO	(1 << 1)	/* we need the memory map */
#define MB1_AOUT_KLUDGE	(1 << 16)	/* load by the addresses below, not the ELF */
#define MB1_FLAGS	(MB1_MEMORY_INFO | MB1_AOUT_KLUDGE)
#define MB2_MAGIC	0xe85250d6
#define MB2_ARCH_I386	0
#define PTE_PRESENT_RW	0x003
#define PDE_LARGE	0x083		/* present, writable, 2 MiB page */
#define EFER_MSR	0xc0000080
#define EFER_SCE	(1 << 0)	/* syscall/sysret */
#define EFER_LME	(1 << 8)	/* long mode */
#define EFER_NXE	(1 << 11)	/* no-execute bit in page tables */

	.section .multiboot, "a"
	/*
	 * Multiboot 1 header (within the file's first 8 KiB). A Multiboot 1
	 * loader refuses an ELF64 file unless told where to put the bytes:
	 * the a.out kludge says "copy the file from this header on to physical
	 * _text, up to _end, and enter at _start". linker.ld keeps the file a
	 * flat image of that range (.bss stored as zeros) for this to hold.
	 */
	.balign 4
mb1_header:
	.long	MB1_MAGIC
	.long	MB1_FLAGS
	.long	-(MB1_MAGIC + MB1_FLAGS)
	.long	PHYS(mb1_header)		/* header_addr */
	.long	PHYS(_text)			/* load_addr */
	.long	PHYS(_end)			/* load_end_addr */
	.long	0				/* bss_end_addr: no bss beyond the file */
	.long	PHYS(_start)			/* entry_addr */

	/* Multiboot2 header (within the first 32 KiB), for GRUB's multiboot2. */
	.balign 8
mb2_header:
	.long	MB2_MAGIC
	.long	MB2_ARCH_I386
	.long	mb2_header_end - mb2_header
	.long	-(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
	/* entry address tag: the ELF entry is a 64-bit higher-half address */
	.balign 8
	.short	3, 0
	.long	12
	.long	PHYS(_start)
	/* end tag */
	.balign 8
	.short	0, 0
	.long	8
mb2_header_end:

	.section .head.text, "ax"
	.code32
	.globl	_start
	.type	_start, @function
_start:
	cli
	cld
	movl	%eax, %edi			/* keep magic and info pointer */
	movl	%ebx, %esi
	movl	$PHYS(boot_stack_top), %esp

	/* Long mode needs CPUID leaf 0x80000001 EDX bit 29. */
	movl	$0x80000000, %eax
	cpuid
	cmpl	$0x80000001, %eax
	jb	no_long_mode
	movl	$0x80000001, %eax
	cpuid
	btl	$29, %edx
	jnc	no_long_mode

	/* PD: 512 x 2 MiB pages covering physical 0 .. 1 GiB */
	movl	$PHYS(early_pd), %ebx
	xorl	%ecx, %ecx
1:	movl	%ecx, %eax
	shll	$21, %eax
	orl	$PDE_LARGE, %eax
	movl	%eax, (%ebx, %ecx, 8)
	movl	$0, 4(%ebx, %ecx, 8)
	incl	%ecx
	cmpl	$512, %ecx
	jne	1b

	/* PDPT for the low half: entry 0 -> PD (used by identity and PAGE_OFFSET) */
	movl	$PHYS(early_pd) + PTE_PRESENT_RW, PHYS(early_pdpt_low)
	/* PDPT for the kernel half: entry 510 (0xffffffff80000000) -> PD */
	movl	$PHYS(early_pd) + PTE_PRESENT_RW, PHYS(early_pdpt_high) + 510 * 8
	/* PML4: 0 = identity, 273 = PAGE_OFFSET, 511 = kernel image */
	movl	$PHYS(early_pdpt_low) + PTE_PRESENT_RW, PHYS(early_pml4)
	movl	$PHYS(early_pdpt_low) + PTE_PRESENT_RW, PHYS(early_pml4) + 273 * 8
	movl	$PHYS(early_pdpt_high) + PTE_PRESENT_RW, PHYS(early_pml4) + 511 * 8

	movl	%cr4, %eax
	orl	$(1 << 5), %eax			/* PAE */
	movl	%eax, %cr4
	movl	$PHYS(early_pml4), %eax
	movl	%eax, %cr3
	movl	$EFER_MSR, %ecx
	rdmsr
	orl	$(EFER_SCE | EFER_LME | EFER_NXE), %eax
	wrmsr
	movl	%cr0, %eax
	orl	$((1 << 31) | (1 << 16) | 1), %eax	/* PG, WP, PE */
	movl	%eax, %cr0

	lgdt	PHYS(early_gdt_descriptor)
	ljmp	$__KERNEL_CS, $PHYS(long_mode_entry)

no_long_mode:
	/* Say why on COM1 (polled), then stop. */
	movl	$PHYS(no_long_mode_message), %esi
2:	lodsb
	testb	%al, %al
	jz	3f
	movw	$0x3f8, %dx
	outb	%al, %dx
	jmp	2b
3:	hlt
	jmp	3b

	.size	_start, . - _start

	.code64
	.type	long_mode_entry, @function
long_mode_entry:
	movl	$__KERNEL_DS, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	movabsq	$higher_half, %rax
	jmp	*%rax

	.size	long_mode_entry, . - long_mode_entry
	.type	higher_half, @function
higher_half:
	movabsq	$boot_stack_top, %rsp
	xorl	%ebp, %ebp			/* ends the backtrace */
	/* edi = magic, esi = info (zero-extended by the 32-bit moves above) */
	call	start_kernel
4:	hlt
	jmp	4b
	.size	higher_half, . - higher_half

	.section .rodata
no_long_mode_message:
	.asciz	"This kernel needs a 64-bit (long mode) CPU.\r\n"

	.balign 8
early_gdt:
	.quad	0
	.quad	0x00af9a000000ffff		/* __KERNEL_CS: 64-bit code */
	.quad	0x00cf92000000ffff		/* __KERNEL_DS */
early_gdt_end:
early_gdt_descriptor:
	.short	early_gdt_end - early_gdt - 1
	.long	PHYS(early_gdt)

	/*
	 * Page tables and the boot stack, zero at entry: part of .bss, but
	 * @progbits, zeros stored in the file, which makes ld store all of .bss
	 * and keeps the file a flat image for Multiboot 1 (see linker.ld).
	 */
	.section .boot.bss, "aw", @progbits
	.balign 4096
	.globl	early_pml4
early_pml4:	.skip 4096
early_pdpt_low:	.skip 4096
early_pdpt_high: .skip 4096
early_pd:	.skip 4096
	/* Not mapped once paging_init runs: a boot-stack overflow faults here. */
	.globl	__boot_stack_guard
__boot_stack_guard:
	.skip	4096
	.globl	boot_stack_bottom, boot_stack_top
boot_stack_bottom:
	.skip	16384
boot_stack_top:
