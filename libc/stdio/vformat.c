// SPDX-License-Identifier: MIT
/*
 * The printf engine: parses one conversion specification at a time and
 * prints it as glibc's vfprintf does, including its choices where the C
 * standard leaves freedom: %p prints "(nil)" for NULL and 0x-prefixed hex
 * otherwise, %s of NULL prints "(null)" when the precision allows 6
 * characters, and an unknown conversion is copied out as written.
 */
#include <stdint.h>
#include <stdbool.h>
#include "format.h"

#define FLAG_LEFT	0x01	/* '-' */
#define FLAG_PLUS	0x02	/* '+' */
#define FLAG_SPACE	0x04	/* ' ' */
#define FLAG_ALT	0x08	/* '#' */
#define FLAG_ZERO	0x10	/* '0' */

enum length {
	LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_J, LEN_Z, LEN_T,
};

struct spec {
	unsigned int flags;
	int width;
	int precision;		/* -1: none given */
	enum length length;
	char conversion;
};

struct out {
	format_emit_t emit;
	void *ctx;
	size_t count;
};

static void out_put(struct out *out, const char *s, size_t n)
{
	if (n) {
		out->emit(out->ctx, s, n);
		out->count += n;
	}
}

/* Emit n copies of c, in chunks. */
static void out_pad(struct out *out, char c, int n)
{
	char chunk[32];
	int i;

	for (i = 0; i < (int)sizeof(chunk); i++)
		chunk[i] = c;
	while (n > 0) {
		int step = n < (int)sizeof(chunk) ? n : (int)sizeof(chunk);

		out_put(out, chunk, step);
		n -= step;
	}
}

static size_t string_length(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/* Parse a decimal number at *p (no sign); saturates at INT_MAX. */
static int parse_number(const char **p)
{
	long value = 0;

	while (**p >= '0' && **p <= '9') {
		value = value * 10 + (**p - '0');
		if (value > INT32_MAX)
			value = INT32_MAX;
		(*p)++;
	}
	return (int)value;
}

/* Print body (len chars) padded to the width with spaces (glibc ignores '0' here). */
static void put_padded(struct out *out, const struct spec *spec, const char *body,
		       size_t len)
{
	int pad = spec->width > (int)len ? spec->width - (int)len : 0;

	if (!(spec->flags & FLAG_LEFT))
		out_pad(out, ' ', pad);
	out_put(out, body, len);
	if (spec->flags & FLAG_LEFT)
		out_pad(out, ' ', pad);
}

/* Digits of value in base, most significant first, at the end of buf; returns the start. */
static char *format_digits(char *end, unsigned long long value, unsigned int base,
			   bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char *p = end;

	do {
		*--p = digits[value % base];
		value /= base;
	} while (value);
	return p;
}

/*
 * Print an integer: [sign or 0x prefix][zeros][digits], padded to the width.
 * negative says the magnitude came from a negative signed value.
 */
static void put_integer(struct out *out, const struct spec *spec,
			unsigned long long magnitude, bool negative, bool is_signed)
{
	char buf[72];
	char *end = buf + sizeof(buf);
	const char *digits;
	char prefix[3];
	int prefix_len = 0, ndigits, zeros = 0, pad;
	unsigned int base = 10;
	char conv = spec->conversion;
	unsigned int flags = spec->flags;

	if (conv == 'x' || conv == 'X' || conv == 'p')
		base = 16;
	else if (conv == 'o')
		base = 8;

	if (spec->precision == 0 && magnitude == 0) {
		digits = end;	/* "%.0d" of 0 prints no digits */
	} else {
		digits = format_digits(end, magnitude, base, conv == 'X');
	}
	ndigits = (int)(end - digits);

	if (is_signed || conv == 'p') {
		if (negative)
			prefix[prefix_len++] = '-';
		else if (flags & FLAG_PLUS)
			prefix[prefix_len++] = '+';
		else if (flags & FLAG_SPACE)
			prefix[prefix_len++] = ' ';
	}
	if (((flags & FLAG_ALT) && magnitude != 0 && base == 16) || conv == 'p') {
		prefix[prefix_len++] = '0';
		prefix[prefix_len++] = conv == 'X' ? 'X' : 'x';
	}

	if (spec->precision > ndigits)
		zeros = spec->precision - ndigits;
	/* "%#o" makes the first digit a zero. */
	if ((flags & FLAG_ALT) && base == 8 && zeros == 0 &&
	    (ndigits == 0 || digits[0] != '0'))
		zeros = 1;

	pad = spec->width - prefix_len - zeros - ndigits;
	if (pad < 0)
		pad = 0;
	if ((flags & FLAG_ZERO) && !(flags & FLAG_LEFT) && spec->precision < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(flags & FLAG_LEFT))
		out_pad(out, ' ', pad);
	out_put(out, prefix, prefix_len);
	out_pad(out, '0', zeros);
	out_put(out, digits, ndigits);
	if (flags & FLAG_LEFT)
		out_pad(out, ' ', pad);
}

static long long fetch_signed(enum length length, va_list *args)
{
	switch (length) {
	case LEN_HH:
		return (signed char)va_arg(*args, int);
	case LEN_H:
		return (short)va_arg(*args, int);
	case LEN_L:
		return va_arg(*args, long);
	case LEN_LL:
		return va_arg(*args, long long);
	case LEN_J:
		return va_arg(*args, intmax_t);
	case LEN_Z:
		return va_arg(*args, long);	/* ssize_t */
	case LEN_T:
		return va_arg(*args, ptrdiff_t);
	default:
		return va_arg(*args, int);
	}
}

static unsigned long long fetch_unsigned(enum length length, va_list *args)
{
	switch (length) {
	case LEN_HH:
		return (unsigned char)va_arg(*args, unsigned int);
	case LEN_H:
		return (unsigned short)va_arg(*args, unsigned int);
	case LEN_L:
		return va_arg(*args, unsigned long);
	case LEN_LL:
		return va_arg(*args, unsigned long long);
	case LEN_J:
		return va_arg(*args, uintmax_t);
	case LEN_Z:
		return va_arg(*args, size_t);
	case LEN_T:
		return (unsigned long long)va_arg(*args, ptrdiff_t);
	default:
		return va_arg(*args, unsigned int);
	}
}

/* Parse flags, width, precision and length after '%'; leaves *p at the conversion. */
static void parse_spec(const char **p, struct spec *spec, va_list *args)
{
	const char *s = *p;

	spec->flags = 0;
	for (;; s++) {
		if (*s == '-')
			spec->flags |= FLAG_LEFT;
		else if (*s == '+')
			spec->flags |= FLAG_PLUS;
		else if (*s == ' ')
			spec->flags |= FLAG_SPACE;
		else if (*s == '#')
			spec->flags |= FLAG_ALT;
		else if (*s == '0')
			spec->flags |= FLAG_ZERO;
		else if (*s != '\'')	/* grouping: nothing to group in the C locale */
			break;
	}

	spec->width = 0;
	if (*s == '*') {
		spec->width = va_arg(*args, int);
		if (spec->width < 0) {
			spec->flags |= FLAG_LEFT;
			spec->width = spec->width == INT32_MIN ? INT32_MAX : -spec->width;
		}
		s++;
	} else {
		spec->width = parse_number(&s);
	}

	spec->precision = -1;
	if (*s == '.') {
		s++;
		if (*s == '*') {
			spec->precision = va_arg(*args, int);
			if (spec->precision < 0)
				spec->precision = -1;
			s++;
		} else {
			spec->precision = parse_number(&s);
		}
	}

	spec->length = LEN_NONE;
	switch (*s) {
	case 'h':
		s++;
		spec->length = LEN_H;
		if (*s == 'h') {
			s++;
			spec->length = LEN_HH;
		}
		break;
	case 'l':
		s++;
		spec->length = LEN_L;
		if (*s == 'l') {
			s++;
			spec->length = LEN_LL;
		}
		break;
	case 'L':
	case 'q':
		s++;
		spec->length = LEN_LL;
		break;
	case 'j':
		s++;
		spec->length = LEN_J;
		break;
	case 'z':
	case 'Z':
		s++;
		spec->length = LEN_Z;
		break;
	case 't':
		s++;
		spec->length = LEN_T;
		break;
	}
	spec->conversion = *s;
	*p = s;
}

/* Print one conversion; returns false for an unknown one (printed as written). */
static bool put_conversion(struct out *out, struct spec *spec, va_list *args)
{
	switch (spec->conversion) {
	case 'd':
	case 'i': {
		long long value = fetch_signed(spec->length, args);
		unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long)value
							 : (unsigned long long)value;

		put_integer(out, spec, magnitude, value < 0, true);
		return true;
	}
	case 'u':
	case 'x':
	case 'X':
	case 'o':
		put_integer(out, spec, fetch_unsigned(spec->length, args), false, false);
		return true;
	case 'p': {
		void *ptr = va_arg(*args, void *);

		if (!ptr) {
			put_padded(out, spec, "(nil)", 5);
			return true;
		}
		spec->flags |= FLAG_ALT;
		put_integer(out, spec, (uintptr_t)ptr, false, false);
		return true;
	}
	case 's': {
		const char *s = va_arg(*args, const char *);
		size_t max = spec->precision < 0 ? SIZE_MAX : (size_t)spec->precision;

		if (!s)
			s = (spec->precision < 0 || spec->precision >= 6) ? "(null)" : "";
		put_padded(out, spec, s, string_length(s, max));
		return true;
	}
	case 'c': {
		char c = (char)va_arg(*args, int);

		put_padded(out, spec, &c, 1);
		return true;
	}
	case '%':
		out_put(out, "%", 1);
		return true;
	default:
		return false;
	}
}

int __libc_vformat(format_emit_t emit, void *ctx, const char *fmt, va_list args)
{
	struct out out = { .emit = emit, .ctx = ctx, .count = 0 };
	struct spec spec;
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		const char *start = fmt;

		while (*fmt && *fmt != '%')
			fmt++;
		out_put(&out, start, fmt - start);
		if (!*fmt)
			break;

		start = fmt++;
		parse_spec(&fmt, &spec, &ap);
		if (!spec.conversion) {
			/* A lone '%' at the end: copy what was written. */
			out_put(&out, start, fmt - start);
			break;
		}
		if (!put_conversion(&out, &spec, &ap))
			out_put(&out, start, fmt + 1 - start);
		fmt++;
	}
	va_end(ap);
	return out.count > INT32_MAX ? INT32_MAX : (int)out.count;
}
