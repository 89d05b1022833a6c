/* SPDX-License-Identifier: MIT */
/* printf/scanf format macros for <stdint.h> types on LP64. */
#ifndef _INTTYPES_H
#define _INTTYPES_H

#include <stdint.h>

#define PRId8	"d"
#define PRId16	"d"
#define PRId32	"d"
#define PRId64	"ld"
#define PRIi64	"li"
#define PRIu8	"u"
#define PRIu16	"u"
#define PRIu32	"u"
#define PRIu64	"lu"
#define PRIx8	"x"
#define PRIx16	"x"
#define PRIx32	"x"
#define PRIx64	"lx"
#define PRIX32	"X"
#define PRIX64	"lX"
#define PRIo64	"lo"
#define PRIdPTR	"ld"
#define PRIuPTR	"lu"
#define PRIxPTR	"lx"
#define PRIdMAX	"jd"
#define PRIuMAX	"ju"
#define PRIxMAX	"jx"

intmax_t strtoimax(const char *restrict s, char **restrict end, int base);
uintmax_t strtoumax(const char *restrict s, char **restrict end, int base);

#endif
