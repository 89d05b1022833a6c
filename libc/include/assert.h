/* SPDX-License-Identifier: MIT */
/* assert(): on failure print glibc's message to stderr and abort(). */
#undef assert

#ifdef NDEBUG
#define assert(expr)	((void)0)
#else
void __assert_fail(const char *expr, const char *file, unsigned int line,
		   const char *function) __attribute__((noreturn));
#define assert(expr)							\
	((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H
#if !defined(__cplusplus) && __STDC_VERSION__ >= 201112L
#define static_assert _Static_assert
#endif
#endif
