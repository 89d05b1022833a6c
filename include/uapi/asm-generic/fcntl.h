/* SPDX-License-Identifier: MIT */
/*
 * open() flags and fcntl() commands, Linux's values (x86-64 uses the
 * generic ones). Octal, as Linux writes them.
 */
#ifndef _ASM_GENERIC_FCNTL_H
#define _ASM_GENERIC_FCNTL_H

#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_NDELAY	O_NONBLOCK
#define O_DSYNC		00010000
#define FASYNC		00020000
#define O_DIRECT	00040000
#define O_LARGEFILE	00100000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_NOATIME	01000000
#define O_CLOEXEC	02000000
#define __O_SYNC	04000000
#define O_SYNC		(__O_SYNC | O_DSYNC)
#define O_PATH		010000000
#define __O_TMPFILE	020000000
#define O_TMPFILE	(__O_TMPFILE | O_DIRECTORY)

#define F_DUPFD		0	/* dup to the lowest free descriptor >= arg */
#define F_GETFD		1	/* the descriptor's flags (FD_CLOEXEC) */
#define F_SETFD		2
#define F_GETFL		3	/* the open file's O_* flags */
#define F_SETFL		4	/* only O_APPEND and O_NONBLOCK (and a few more) change */
#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_SETOWN	8
#define F_GETOWN	9

#define FD_CLOEXEC	1	/* F_GETFD/F_SETFD: closed by execve */

#endif
