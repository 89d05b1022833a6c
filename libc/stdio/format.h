/* SPDX-License-Identifier: MIT */
/*
 * The printf engine shared by every printf-family function. It depends on
 * nothing but the compiler's headers, so the host tests compile this same
 * file and compare its output with glibc's.
 */
#ifndef _LIBC_FORMAT_H
#define _LIBC_FORMAT_H

#include <stddef.h>
#include <stdarg.h>

/* Receives each piece of output in order; ctx is the caller's. */
typedef void (*format_emit_t)(void *ctx, const char *s, size_t n);

/*
 * __libc_vformat - format like glibc's vfprintf, handing the output to emit.
 * Takes the conversions d i u x X o p s c %, the lengths hh h l ll L q j z Z t,
 * width and precision (numbers or *), and the flags - 0 + space # '.
 * Returns the number of characters produced (INT_MAX at most).
 */
int __libc_vformat(format_emit_t emit, void *ctx, const char *fmt, va_list args);

#endif
