/* SPDX-License-Identifier: MIT */
/*
 * GDT layout. The order is fixed by syscall/sysret: STAR makes sysret
 * load SS from the entry after __KERNEL_DS and CS from the one after that.
 */
#ifndef _ASM_SEGMENT_H
#define _ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL_CS	1
#define GDT_ENTRY_KERNEL_DS	2
#define GDT_ENTRY_USER_DS	3
#define GDT_ENTRY_USER_CS	4
#define GDT_ENTRY_TSS		5	/* 16 bytes: entries 5 and 6 */
#define GDT_ENTRIES		7

#define __KERNEL_CS	(GDT_ENTRY_KERNEL_CS * 8)
#define __KERNEL_DS	(GDT_ENTRY_KERNEL_DS * 8)
#define __USER_DS	(GDT_ENTRY_USER_DS * 8 + 3)
#define __USER_CS	(GDT_ENTRY_USER_CS * 8 + 3)
#define __TSS_SELECTOR	(GDT_ENTRY_TSS * 8)

#endif
