/* SPDX-License-Identifier: MIT */
/*
 * setjmp/longjmp: a non-local jump back to a saved point (x86-64). The
 * signal mask is neither saved nor restored (as _setjmp/_longjmp):
 * a caller that jumps out of a signal handler sets the mask itself.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

/* rbx, rbp, r12, r13, r14, r15, rsp, and the return address. */
typedef long jmp_buf[8];

int setjmp(jmp_buf env) __attribute__((returns_twice));
void longjmp(jmp_buf env, int value) __attribute__((noreturn));

#endif
