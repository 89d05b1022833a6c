/* SPDX-License-Identifier: MIT */
/*
 * panic(), BUG(), BUG_ON() and WARN_ON(). BUG prints an oops with the
 * file and line, a register dump and a backtrace, then stops the kernel.
 * The host test build supplies its own report_bug()/panic().
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

__printf(1, 2) __noreturn void panic(const char *fmt, ...);
__noreturn void report_bug(const char *file, int line, const char *cond);
void report_warning(const char *file, int line, const char *cond);

#define BUG()		report_bug(__FILE__, __LINE__, NULL)
#define BUG_ON(cond)	do { if (unlikely(cond)) report_bug(__FILE__, __LINE__, #cond); } while (0)
#define WARN_ON(cond)	({ int __c = !!(cond); \
			   if (unlikely(__c)) report_warning(__FILE__, __LINE__, #cond); \
			   unlikely(__c); })

#endif
