// SPDX-License-Identifier: MIT
/*
 * vsnprintf for the kernel: %d %i %u %x %X %o %p %s %c %%, the flags
 * '-' '0' '+' ' ' '#', a width (or '*'), a precision for strings and
 * the h/hh/l/ll/z/t lengths. Extensions as Linux: %pS prints a kernel
 * address as symbol+0xoff/0xsize, %pB a return address the same way; plain %p prints the raw pointer as 16
 * hex digits (a teaching kernel has nothing to hide).
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/kallsyms.h>

struct format_spec {
	bool left;		/* '-' */
	bool zero;		/* '0' */
	bool plus;		/* '+' */
	bool space;		/* ' ' */
	bool alternate;		/* '#' */
	int width;
	int precision;		/* -1: none */
	char length;		/* 'H' hh, 'h', 'l', 'L' ll, 'z', 't' */
};

struct output {
	char *buf;
	size_t size;
	size_t count;		/* characters produced, even past size */
};

static void put_char(struct output *out, char c)
{
	if (out->count + 1 < out->size)
		out->buf[out->count] = c;
	out->count++;
}

static void put_padding(struct output *out, char c, int n)
{
	while (n-- > 0)
		put_char(out, c);
}

/* Emit @s (length @len) padded to the width, honouring '-'. */
static void put_padded(struct output *out, const struct format_spec *spec, const char *s, int len)
{
	if (!spec->left)
		put_padding(out, ' ', spec->width - len);
	for (int i = 0; i < len; i++)
		put_char(out, s[i]);
	if (spec->left)
		put_padding(out, ' ', spec->width - len);
}

static void put_number(struct output *out, const struct format_spec *spec,
		       unsigned long long value, bool negative, int base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], prefix[3];
	int len = 0, prefix_len = 0, zeros;
	size_t start = out->count;

	do {
		tmp[len++] = digits[value % base];
		value /= base;
	} while (value);
	if (negative)
		prefix[prefix_len++] = '-';
	else if (spec->plus)
		prefix[prefix_len++] = '+';
	else if (spec->space)
		prefix[prefix_len++] = ' ';
	if (spec->alternate && base == 16) {
		prefix[prefix_len++] = '0';
		prefix[prefix_len++] = upper ? 'X' : 'x';
	} else if (spec->alternate && base == 8 && tmp[len - 1] != '0') {
		prefix[prefix_len++] = '0';
	}
	zeros = spec->precision > len ? spec->precision - len : 0;
	if (spec->zero && !spec->left && spec->precision < 0)
		zeros = max(zeros, spec->width - len - prefix_len);
	if (!spec->left)
		put_padding(out, ' ', spec->width - len - prefix_len - zeros);
	for (int i = 0; i < prefix_len; i++)
		put_char(out, prefix[i]);
	put_padding(out, '0', zeros);
	while (len)
		put_char(out, tmp[--len]);
	if (spec->left)
		put_padding(out, ' ', spec->width - (int)(out->count - start));
}

/* Parse flags, width, precision and length at *fmt; advances *fmt. */
static void parse_spec(const char **fmt, struct format_spec *spec, va_list *args)
{
	const char *p = *fmt;

	*spec = (struct format_spec){ .precision = -1 };
	for (;; p++) {
		if (*p == '-') spec->left = true;
		else if (*p == '0') spec->zero = true;
		else if (*p == '+') spec->plus = true;
		else if (*p == ' ') spec->space = true;
		else if (*p == '#') spec->alternate = true;
		else break;
	}
	if (*p == '*') {
		spec->width = va_arg(*args, int);
		if (spec->width < 0) {
			spec->left = true;
			spec->width = -spec->width;
		}
		p++;
	}
	while (*p >= '0' && *p <= '9')
		spec->width = spec->width * 10 + (*p++ - '0');
	if (*p == '.') {
		p++;
		spec->precision = 0;
		if (*p == '*') {
			spec->precision = va_arg(*args, int);
			p++;
		}
		while (*p >= '0' && *p <= '9')
			spec->precision = spec->precision * 10 + (*p++ - '0');
	}
	if (*p == 'h') {
		spec->length = p[1] == 'h' ? 'H' : 'h';
		p += spec->length == 'H' ? 2 : 1;
	} else if (*p == 'l') {
		spec->length = p[1] == 'l' ? 'L' : 'l';
		p += spec->length == 'L' ? 2 : 1;
	} else if (*p == 'z' || *p == 't' || *p == 'j') {
		spec->length = *p == 'j' ? 'L' : *p;
		p++;
	}
	*fmt = p;
}

static unsigned long long get_unsigned(const struct format_spec *spec, va_list *args)
{
	switch (spec->length) {
	case 'H': return (unsigned char)va_arg(*args, unsigned int);
	case 'h': return (unsigned short)va_arg(*args, unsigned int);
	case 'l': return va_arg(*args, unsigned long);
	case 'L': return va_arg(*args, unsigned long long);
	case 'z': return va_arg(*args, size_t);
	case 't': return va_arg(*args, unsigned long);
	default: return va_arg(*args, unsigned int);
	}
}

static long long get_signed(const struct format_spec *spec, va_list *args)
{
	switch (spec->length) {
	case 'H': return (signed char)va_arg(*args, int);
	case 'h': return (short)va_arg(*args, int);
	case 'l': return va_arg(*args, long);
	case 'L': return va_arg(*args, long long);
	case 'z': return va_arg(*args, long);
	case 't': return va_arg(*args, long);
	default: return va_arg(*args, int);
	}
}

/* %p and its extensions; *fmt points at the 'p'. */
static void put_pointer(struct output *out, struct format_spec *spec, const char **fmt, void *ptr)
{
	char symbol[KSYM_SYMBOL_LEN];

	if ((*fmt)[1] == 'S' || (*fmt)[1] == 's' || (*fmt)[1] == 'B') {
		int len = (*fmt)[1] == 'B' ? sprint_backtrace(symbol, (unsigned long)ptr)
					   : sprint_symbol(symbol, (unsigned long)ptr);

		(*fmt)++;
		put_padded(out, spec, symbol, len);
		return;
	}
	if ((*fmt)[1] == 'x')
		(*fmt)++;
	spec->zero = true;
	spec->width = 16;
	put_number(out, spec, (unsigned long)ptr, false, 16, false);
}

static void put_string(struct output *out, const struct format_spec *spec, const char *s)
{
	int len = 0;

	if (!s)
		s = "(null)";
	while (s[len] && (spec->precision < 0 || len < spec->precision))
		len++;
	put_padded(out, spec, s, len);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct output out = { buf, size, 0 };
	struct format_spec spec;
	va_list ap;

	va_copy(ap, args);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put_char(&out, *fmt);
			continue;
		}
		fmt++;
		parse_spec(&fmt, &spec, &ap);
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = get_signed(&spec, &ap);

			put_number(&out, &spec, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
				   v < 0, 10, false);
			break;
		}
		case 'u': put_number(&out, &spec, get_unsigned(&spec, &ap), false, 10, false); break;
		case 'x': put_number(&out, &spec, get_unsigned(&spec, &ap), false, 16, false); break;
		case 'X': put_number(&out, &spec, get_unsigned(&spec, &ap), false, 16, true); break;
		case 'o': put_number(&out, &spec, get_unsigned(&spec, &ap), false, 8, false); break;
		case 'p': put_pointer(&out, &spec, &fmt, va_arg(ap, void *)); break;
		case 's': put_string(&out, &spec, va_arg(ap, const char *)); break;
		case 'c': {
			char c = (char)va_arg(ap, int);

			put_padded(&out, &spec, &c, 1);
			break;
		}
		case '%': put_char(&out, '%'); break;
		case '\0': fmt--; break;	/* a lone '%' at the end */
		default:
			put_char(&out, '%');
			put_char(&out, *fmt);
		}
	}
	va_end(ap);
	if (size)
		buf[min(out.count, size - 1)] = '\0';
	return (int)out.count;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, ~0UL >> 1, fmt, args);
	va_end(args);
	return n;
}
