/* SPDX-License-Identifier: MIT */
/* wait4()'s options, Linux's values. */
#ifndef _UAPI_LINUX_WAIT_H
#define _UAPI_LINUX_WAIT_H

#define WNOHANG		0x00000001	/* return 0 at once if no child has ended */
#define WUNTRACED	0x00000002	/* also report stopped children */
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000

#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

#endif
