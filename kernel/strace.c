// SPDX-License-Identifier: MIT
/*
 * System-call tracing in the format of strace 6.x on Linux (the tool
 * students compare with). The dispatcher (kernel/syscall.c) calls
 * strace_syscall_enter() before a traced task's call runs and
 * strace_syscall_exit() after it; the text goes straight to the console
 * with console_write(), so it interleaves with the program's own output
 * exactly as strace's stderr does on a terminal:
 *
 *	write(1, "sbrk return 0x4c5000\n", 21sbrk return 0x4c5000
 *	) = 21
 *
 * At entry: "name(" and the arguments the kernel reads (paths, the data
 * written, flags). At exit: the arguments the call fills in (read's
 * buffer, fstat's struct, wait4's status), ")", padding so that "= "
 * starts at column 40, and the result ("= -1 ENOENT (No such file or
 * directory)" for an error). When another traced task prints while a
 * call is in progress, the line ends with " <unfinished ...>" and the
 * call finishes later as "<... wait4 resumed>...", and with more than one
 * traced process every line starts with "[pid  N] ", as under strace -f.
 *
 * The formatters build text in a struct strace_buffer; they read the
 * traced task's memory only through copy_from_user()/strncpy_from_user()
 * (a pointer that cannot be read prints as its hex value, as strace
 * does), or, for the KUnit suite (kernel/strace_test.c), from kernel
 * buffers.
 */
#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/uaccess.h>
#include <linux/syscalls.h>
#include <linux/stat.h>
#include <linux/mman.h>
#include <linux/fs.h>
#include <linux/dirent.h>
#include <linux/strace.h>
#include <uapi/linux/wait.h>
#include <trace/events/mmviz.h>
#include <asm/ptrace.h>
#include <asm/unistd.h>
#include <asm/page.h>

#define STRACE_MAX_STRLEN	32	/* strace -s default: bytes of data shown */
#define STRACE_MAX_ARRAY	32	/* strace: elements of argv shown */
#define STRACE_PATH_MAX		4096	/* paths are shown whole, up to PATH_MAX */
#define STRACE_RESULT_COLUMN	40	/* "= " of the result starts here */
#define STRACE_LINE_SIZE	1024	/* text one hook prints at most */

/* Text being built for the console, and the column strace's own output reached. */
struct strace_buffer {
	char *text;
	size_t size;
	size_t length;
	unsigned int column;	/* characters since the last newline we printed */
	bool kernel_memory;	/* read "user" pointers as kernel pointers (KUnit) */
};

/* ---------------------------------------------------------------- output */

/* Append @length bytes of @s, counting columns; text past the end is dropped. */
static void emit_bytes(struct strace_buffer *b, const char *s, size_t length)
{
	size_t i;

	for (i = 0; i < length; i++) {
		if (b->length + 1 < b->size)
			b->text[b->length++] = s[i];
		b->column = s[i] == '\n' ? 0 : b->column + 1;
	}
	if (b->size)
		b->text[b->length < b->size ? b->length : b->size - 1] = '\0';
}

/* Append the NUL-terminated @s. */
static void emit(struct strace_buffer *b, const char *s)
{
	emit_bytes(b, s, strlen(s));
}

/* Append printf-style text; a piece longer than 159 characters is cut. */
static __printf(2, 3) void emitf(struct strace_buffer *b, const char *fmt, ...)
{
	char piece[160];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(piece, sizeof(piece), fmt, args);
	va_end(args);
	if (n > (int)sizeof(piece) - 1)
		n = sizeof(piece) - 1;
	emit_bytes(b, piece, n);
}

/* An address or flag word as strace prints it: "0" or "0x1f". */
static void emit_hex(struct strace_buffer *b, unsigned long value)
{
	if (value)
		emitf(b, "%#lx", value);
	else
		emit(b, "0");
}

/* A pointer argument: NULL or its hex value. */
static void emit_pointer(struct strace_buffer *b, unsigned long value)
{
	if (value)
		emitf(b, "%#lx", value);
	else
		emit(b, "NULL");
}

/* ------------------------------------------------------- reading memory */

/* Copy @n bytes of the traced task's memory at @address: true on success. */
static bool read_memory(const struct strace_buffer *b, void *to, unsigned long address,
			unsigned long n)
{
	if (b->kernel_memory) {
		if (address < PAGE_SIZE)	/* the suite's stand-in for a bad pointer */
			return false;
		memcpy(to, (const void *)address, n);
		return true;
	}
	return copy_from_user(to, (const void __user *)address, n) == 0;
}

/* Copy a NUL-terminated string of at most @count bytes; its length, @count, or -EFAULT. */
static long read_string(const struct strace_buffer *b, char *to, unsigned long address,
			long count)
{
	if (b->kernel_memory) {
		if (address < PAGE_SIZE)
			return -EFAULT;
		size_t n = strnlen((const char *)address, count);

		memcpy(to, (const void *)address, n);
		if ((long)n < count)
			to[n] = '\0';
		return n;
	}
	return strncpy_from_user(to, (const char __user *)address, count);
}

/* -------------------------------------------------------------- strings */

/*
 * Append @length bytes of @data quoted as strace quotes them: "\n" "\t"
 * "\r" "\v" "\f" "\"" "\\", printable ASCII as is, any other byte in
 * octal with as few digits as possible unless the next byte is an octal
 * digit (then three): "\1", "\0012", "\377".
 */
static void emit_quoted(struct strace_buffer *b, const char *data, size_t length)
{
	size_t i;

	emit(b, "\"");
	for (i = 0; i < length; i++) {
		unsigned char c = data[i];
		char escaped[5];
		int n = 0;

		switch (c) {
		case '"':  emit(b, "\\\""); continue;
		case '\\': emit(b, "\\\\"); continue;
		case '\n': emit(b, "\\n"); continue;
		case '\t': emit(b, "\\t"); continue;
		case '\r': emit(b, "\\r"); continue;
		case '\v': emit(b, "\\v"); continue;
		case '\f': emit(b, "\\f"); continue;
		}
		if (c >= ' ' && c <= '~') {
			emit_bytes(b, (const char *)&c, 1);
			continue;
		}
		escaped[n++] = '\\';
		if (i + 1 < length && data[i + 1] >= '0' && data[i + 1] <= '7') {
			escaped[n++] = '0' + (c >> 6);
			escaped[n++] = '0' + ((c >> 3) & 7);
		} else if (c >> 3) {
			if (c >> 6)
				escaped[n++] = '0' + (c >> 6);
			escaped[n++] = '0' + ((c >> 3) & 7);
		}
		escaped[n++] = '0' + (c & 7);
		emit_bytes(b, escaped, n);
	}
	emit(b, "\"");
}

/*
 * A buffer of @length bytes at @address (write's data, read's result):
 * at most STRACE_MAX_STRLEN bytes, then "..." if there were more.
 */
static void emit_data(struct strace_buffer *b, unsigned long address, unsigned long length)
{
	char data[STRACE_MAX_STRLEN] = { 0 };
	unsigned long shown = min(length, (unsigned long)STRACE_MAX_STRLEN);

	if (!address && length) {
		emit(b, "NULL");
		return;
	}
	if (shown && !read_memory(b, data, address, shown)) {
		emit_hex(b, address);
		return;
	}
	emit_quoted(b, data, shown);
	if (length > shown)
		emit(b, "...");
}

/*
 * A NUL-terminated string of at most @limit characters (a path: PATH_MAX;
 * an argv element: STRACE_MAX_STRLEN), "..." after the quote when cut.
 */
static void emit_string(struct strace_buffer *b, unsigned long address, long limit)
{
	static char path[STRACE_PATH_MAX + 1];	/* hooks run one at a time */
	long n;

	if (!address) {
		emit(b, "NULL");
		return;
	}
	n = read_string(b, path, address, limit + 1);
	if (n < 0) {
		emit_hex(b, address);
		return;
	}
	emit_quoted(b, path, min(n, limit));
	if (n > limit)
		emit(b, "...");
}

/* ---------------------------------------------------------- flag words */

struct flag_name {
	unsigned long value;
	const char *name;
};

/*
 * Print the bits of @value named in @names (in the table's order, which
 * is strace's) separated by "|", then any bits left over in hex. Returns
 * whether anything was printed.
 */
static bool emit_flags(struct strace_buffer *b, unsigned long value,
		       const struct flag_name *names, size_t count)
{
	bool printed = false;
	size_t i;

	for (i = 0; i < count; i++) {
		if ((value & names[i].value) != names[i].value)
			continue;
		emitf(b, "%s%s", printed ? "|" : "", names[i].name);
		value &= ~names[i].value;
		printed = true;
	}
	if (value) {
		emit(b, printed ? "|" : "");
		emit_hex(b, value);
		printed = true;
	}
	return printed;
}

/* The name of @value in @names (@count entries), or NULL when it has none. */
static const char *lookup_name(unsigned long value, const struct flag_name *names,
			       size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		if (names[i].value == value)
			return names[i].name;
	return NULL;
}

/* Print @value's name from @names, or "0xN /\* @unknown *\/". */
static void emit_enum(struct strace_buffer *b, unsigned long value,
		      const struct flag_name *names, size_t count, const char *unknown)
{
	const char *name = lookup_name(value, names, count);

	if (name) {
		emit(b, name);
		return;
	}
	emit_hex(b, value);
	emitf(b, " /* %s */", unknown);
}

/*
 * A flag word of which @names lists every known bit: "0", the named bits,
 * then any unknown bits in hex followed by "/\* @unknown *\/"
 * (wait4's options, sa_flags).
 */
static void emit_known_flags(struct strace_buffer *b, unsigned long value,
			     const struct flag_name *names, size_t count, const char *unknown)
{
	unsigned long known = 0;
	size_t i;

	for (i = 0; i < count; i++)
		known |= names[i].value;
	if (!value)
		emit(b, "0");
	if (value & known)
		emit_flags(b, value & known, names, count);
	if (value & ~known) {
		emit(b, value & known ? "|" : "");
		emit_hex(b, value & ~known);
		emitf(b, " /* %s */", unknown);
	}
}

#define FLAG(name)	{ name, #name }

static const struct flag_name prot_names[] = {
	FLAG(PROT_READ), FLAG(PROT_WRITE), FLAG(PROT_EXEC), FLAG(PROT_SEM),
	FLAG(PROT_GROWSDOWN), FLAG(PROT_GROWSUP),
};

/* mmap's and mprotect's prot: "PROT_READ|PROT_WRITE", or "PROT_NONE". */
static void emit_prot(struct strace_buffer *b, unsigned long prot)
{
	if (!emit_flags(b, prot, prot_names, ARRAY_SIZE(prot_names)))
		emit(b, "PROT_NONE");
}

#define MAP_32BIT		0x40
#define MAP_HUGE_SHIFT		26
#define MAP_HUGE_MASK		0x3f

static const struct flag_name map_type_names[] = {
	FLAG(MAP_SHARED), FLAG(MAP_PRIVATE), FLAG(MAP_SHARED_VALIDATE),
};

static const struct flag_name map_flag_names[] = {
	FLAG(MAP_FIXED), FLAG(MAP_ANONYMOUS), FLAG(MAP_32BIT), FLAG(MAP_NORESERVE),
	FLAG(MAP_POPULATE), FLAG(MAP_NONBLOCK), FLAG(MAP_GROWSDOWN), FLAG(MAP_DENYWRITE),
	FLAG(MAP_EXECUTABLE), FLAG(MAP_LOCKED), FLAG(MAP_STACK), FLAG(MAP_HUGETLB),
	FLAG(MAP_SYNC), FLAG(MAP_FIXED_NOREPLACE),
};

/* mmap's flags: the map type, the flags, then a huge-page size as strace shows it. */
static void emit_map_flags(struct strace_buffer *b, unsigned int flags)
{
	unsigned int type = flags & MAP_TYPE;
	unsigned int huge = (flags >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK;
	unsigned int rest = flags & ~MAP_TYPE & ~(MAP_HUGE_MASK << MAP_HUGE_SHIFT);

	if (type == 0)
		emit(b, "MAP_FILE");
	else
		emit_enum(b, type, map_type_names, ARRAY_SIZE(map_type_names), "MAP_???");
	if (rest) {
		emit(b, "|");
		emit_flags(b, rest, map_flag_names, ARRAY_SIZE(map_flag_names));
	}
	if (huge)
		emitf(b, "|%u<<MAP_HUGE_SHIFT", huge);
}

static const struct flag_name open_access_names[] = {
	FLAG(O_RDONLY), FLAG(O_WRONLY), FLAG(O_RDWR), FLAG(O_ACCMODE),
};

static const struct flag_name open_flag_names[] = {
	FLAG(O_CREAT), FLAG(O_EXCL), FLAG(O_NOCTTY), FLAG(O_TRUNC), FLAG(O_APPEND),
	FLAG(O_NONBLOCK), FLAG(O_SYNC), FLAG(O_DSYNC), FLAG(O_DIRECT), FLAG(O_LARGEFILE),
	FLAG(O_NOFOLLOW), FLAG(O_NOATIME), FLAG(O_CLOEXEC), FLAG(O_PATH), FLAG(O_TMPFILE),
	FLAG(O_DIRECTORY), FLAG(FASYNC),
};

/* open's flags: "O_RDONLY|O_CLOEXEC". */
static void emit_open_flags(struct strace_buffer *b, unsigned int flags)
{
	emit(b, open_access_names[flags & O_ACCMODE].name);
	flags &= ~O_ACCMODE;
	if (flags) {
		emit(b, "|");
		emit_flags(b, flags, open_flag_names, ARRAY_SIZE(open_flag_names));
	}
}

/* Does an open with these flags take a mode (and strace print it)? */
static bool open_has_mode(unsigned int flags)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
}

/* A file mode in octal, as strace prints it: 0644, 000. */
static void emit_mode(struct strace_buffer *b, unsigned int mode)
{
	if (mode)
		emitf(b, "0%o", mode);
	else
		emit(b, "000");
}

static const char *const signal_names[] = {
	NULL, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
	"SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM",
	"SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN",
	"SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",
	"SIGIO", "SIGPWR", "SIGSYS", "SIGRTMIN",
};

/* A signal number: "SIGTERM", "SIGRT_8", or the number (0 included). */
static void emit_signal(struct strace_buffer *b, long sig)
{
	if (sig > 0 && sig < (long)ARRAY_SIZE(signal_names))
		emit(b, signal_names[sig]);
	else if (sig > 32 && sig <= _NSIG)
		emitf(b, "SIGRT_%ld", sig - 32);
	else
		emitf(b, "%ld", sig);
}

/* A signal set: "[]", "[INT TERM]", or "~[...]" of the complement when most are set. */
static void emit_sigset(struct strace_buffer *b, unsigned long set)
{
	bool first = true;
	int sig, count = 0;

	for (sig = 0; sig < _NSIG; sig++)
		count += (set >> sig) & 1;
	if (count > _NSIG / 2) {
		emit(b, "~");
		set = ~set;
	}
	emit(b, "[");
	for (sig = 1; sig <= _NSIG; sig++) {
		if (!(set & (1UL << (sig - 1))))
			continue;
		emit(b, first ? "" : " ");
		if (sig < (int)ARRAY_SIZE(signal_names))
			emit(b, signal_names[sig] + 3);	/* without "SIG" */
		else
			emitf(b, "RT_%d", sig - 32);
		first = false;
	}
	emit(b, "]");
}

/* -------------------------------------------------------------- errors */

struct errno_name {
	const char *name;
	const char *text;	/* strerror(), as glibc words it */
};

static const struct errno_name errno_names[] = {
	[EPERM] = { "EPERM", "Operation not permitted" },
	[ENOENT] = { "ENOENT", "No such file or directory" },
	[ESRCH] = { "ESRCH", "No such process" },
	[EINTR] = { "EINTR", "Interrupted system call" },
	[EIO] = { "EIO", "Input/output error" },
	[ENXIO] = { "ENXIO", "No such device or address" },
	[E2BIG] = { "E2BIG", "Argument list too long" },
	[ENOEXEC] = { "ENOEXEC", "Exec format error" },
	[EBADF] = { "EBADF", "Bad file descriptor" },
	[ECHILD] = { "ECHILD", "No child processes" },
	[EAGAIN] = { "EAGAIN", "Resource temporarily unavailable" },
	[ENOMEM] = { "ENOMEM", "Cannot allocate memory" },
	[EACCES] = { "EACCES", "Permission denied" },
	[EFAULT] = { "EFAULT", "Bad address" },
	[15] = { "ENOTBLK", "Block device required" },
	[EBUSY] = { "EBUSY", "Device or resource busy" },
	[EEXIST] = { "EEXIST", "File exists" },
	[18] = { "EXDEV", "Invalid cross-device link" },
	[ENODEV] = { "ENODEV", "No such device" },
	[ENOTDIR] = { "ENOTDIR", "Not a directory" },
	[EISDIR] = { "EISDIR", "Is a directory" },
	[EINVAL] = { "EINVAL", "Invalid argument" },
	[ENFILE] = { "ENFILE", "Too many open files in system" },
	[EMFILE] = { "EMFILE", "Too many open files" },
	[ENOTTY] = { "ENOTTY", "Inappropriate ioctl for device" },
	[26] = { "ETXTBSY", "Text file busy" },
	[EFBIG] = { "EFBIG", "File too large" },
	[ENOSPC] = { "ENOSPC", "No space left on device" },
	[ESPIPE] = { "ESPIPE", "Illegal seek" },
	[EROFS] = { "EROFS", "Read-only file system" },
	[31] = { "EMLINK", "Too many links" },
	[EPIPE] = { "EPIPE", "Broken pipe" },
	[33] = { "EDOM", "Numerical argument out of domain" },
	[ERANGE] = { "ERANGE", "Numerical result out of range" },
	[35] = { "EDEADLK", "Resource deadlock avoided" },
	[ENAMETOOLONG] = { "ENAMETOOLONG", "File name too long" },
	[37] = { "ENOLCK", "No locks available" },
	[ENOSYS] = { "ENOSYS", "Function not implemented" },
	[ENOTEMPTY] = { "ENOTEMPTY", "Directory not empty" },
	[ELOOP] = { "ELOOP", "Too many levels of symbolic links" },
	[EOVERFLOW] = { "EOVERFLOW", "Value too large for defined data type" },
};

/* "-1 ENOMEM (Cannot allocate memory)" for -ENOMEM. */
static void emit_error(struct strace_buffer *b, long error)
{
	/* kernel-internal restart codes, as strace words them: the caller never sees them */
	if (error == ERESTARTSYS)
		emit(b, "? ERESTARTSYS (To be restarted if SA_RESTART is set)");
	else if (error == ERESTARTNOINTR)
		emit(b, "? ERESTARTNOINTR (To be restarted)");
	else if (error == ERESTARTNOHAND)
		emit(b, "? ERESTARTNOHAND (To be restarted if no handler)");
	else if (error < (long)ARRAY_SIZE(errno_names) && errno_names[error].name)
		emitf(b, "-1 %s (%s)", errno_names[error].name, errno_names[error].text);
	else
		emitf(b, "-1 E??? (Unknown error %ld)", error);
}

/* ------------------------------------------------------ argument kinds */

/*
 * How each argument prints. Kinds from ARG_OUTPUT on are filled in by the
 * call, so they (and every argument after them) print at exit.
 */
enum strace_arg {
	ARG_NONE,
	ARG_INT,		/* int, decimal */
	ARG_LONG,		/* long, decimal */
	ARG_ULONG,		/* size_t and friends, decimal */
	ARG_HEX,		/* hex, 0 as "0" */
	ARG_POINTER,		/* hex, 0 as NULL */
	ARG_DIRFD,		/* fd, or AT_FDCWD */
	ARG_PATH,		/* NUL-terminated string, not cut */
	ARG_WRITE_DATA,		/* data of the length in the next argument */
	ARG_PROT,
	ARG_MAP_FLAGS,
	ARG_OPEN_FLAGS,
	ARG_MODE,
	ARG_WHENCE,
	ARG_SIGNAL,
	ARG_SIGACTION,
	ARG_SIGSET,
	ARG_SIGPROCMASK_HOW,
	ARG_WAIT_OPTIONS,
	ARG_TIMESPEC,
	ARG_CLOCK,
	ARG_IOCTL_REQUEST,
	ARG_ARCH_PRCTL_CODE,
	ARG_ARCH_PRCTL_ADDRESS,
	ARG_ARGV,
	ARG_ENVP,
	ARG_ACCESS_MODE,
	ARG_AT_FLAGS,
	ARG_IOVEC,		/* writev's vector of the length in the next argument */
	ARG_REBOOT_MAGIC,
	ARG_REBOOT_COMMAND,
	ARG_RLIMIT_RESOURCE,
	ARG_RLIMIT,		/* struct rlimit / rlimit64 the call reads */
	ARG_MREMAP_FLAGS,
	ARG_MADVISE_ADVICE,
	ARG_CLONE_FLAGS,	/* CLONE_* and the exit signal */
	ARG_FCNTL_CMD,
	ARG_GETRANDOM_FLAGS,
	ARG_FD_FLAGS,		/* pipe2's and dup3's O_NONBLOCK|O_CLOEXEC, or 0 */
	ARG_OUTPUT,		/* ---- printed at exit from here on ---- */
	ARG_READ_DATA = ARG_OUTPUT,	/* buffer holding the result's number of bytes */
	ARG_STAT,
	ARG_WAIT_STATUS,
	ARG_UTSNAME,
	ARG_TIMESPEC_REMAINING,	/* nanosleep's remainder: only after -EINTR */
	ARG_TIMESPEC_OUT,
	ARG_SIGACTION_OUT,
	ARG_SIGSET_OUT,
	ARG_DIRENTS,
	ARG_CWD,
	ARG_ARCH_PRCTL_OUT,	/* arch_prctl's address, a result for ARCH_GET_* */
	ARG_INT_PAIR_OUT,	/* pipe's two fds */
	ARG_RLIMIT_OUT,		/* struct rlimit / rlimit64 the call fills in */
	ARG_MINCORE_VEC,	/* mincore's vector, one byte per page of the length before it */
};

enum strace_result {
	RESULT_DECIMAL,
	RESULT_HEX,		/* addresses: brk, mmap */
	RESULT_OCTAL,		/* umask */
	RESULT_NONE,		/* never returns: " = ?" at entry */
};

struct syscall_format {
	const char *name;
	u8 nb_args;
	u8 result;		/* enum strace_result */
	u8 args[6];		/* enum strace_arg */
};

#define FORMAT(nr, name_, n, result_, ...) \
	[nr] = { .name = #name_, .nb_args = n, .result = result_, .args = { __VA_ARGS__ } }

/* Linux x86-64 numbers not (yet) in asm/unistd.h, for the calls the libc makes. */
#define NR_readv		19
#define NR_rename		82
#define NR_mkdir		83
#define NR_rmdir		84
#define NR_unlink		87
#define NR_umask		95
#define NR_rt_sigreturn		15

static const struct syscall_format syscall_formats[] = {
	FORMAT(__NR_read, read, 3, RESULT_DECIMAL, ARG_INT, ARG_READ_DATA, ARG_ULONG),
	FORMAT(__NR_write, write, 3, RESULT_DECIMAL, ARG_INT, ARG_WRITE_DATA, ARG_ULONG),
	FORMAT(__NR_open, open, 3, RESULT_DECIMAL, ARG_PATH, ARG_OPEN_FLAGS, ARG_MODE),
	FORMAT(__NR_close, close, 1, RESULT_DECIMAL, ARG_INT),
	FORMAT(__NR_stat, stat, 2, RESULT_DECIMAL, ARG_PATH, ARG_STAT),
	FORMAT(__NR_fstat, fstat, 2, RESULT_DECIMAL, ARG_INT, ARG_STAT),
	FORMAT(__NR_lstat, lstat, 2, RESULT_DECIMAL, ARG_PATH, ARG_STAT),
	FORMAT(__NR_lseek, lseek, 3, RESULT_DECIMAL, ARG_INT, ARG_LONG, ARG_WHENCE),
	FORMAT(__NR_mmap, mmap, 6, RESULT_HEX, ARG_POINTER, ARG_ULONG, ARG_PROT,
	       ARG_MAP_FLAGS, ARG_INT, ARG_HEX),
	FORMAT(__NR_mprotect, mprotect, 3, RESULT_DECIMAL, ARG_POINTER, ARG_ULONG, ARG_PROT),
	FORMAT(__NR_munmap, munmap, 2, RESULT_DECIMAL, ARG_POINTER, ARG_ULONG),
	FORMAT(__NR_brk, brk, 1, RESULT_HEX, ARG_POINTER),
	FORMAT(__NR_rt_sigaction, rt_sigaction, 4, RESULT_DECIMAL, ARG_SIGNAL, ARG_SIGACTION,
	       ARG_SIGACTION_OUT, ARG_ULONG),
	FORMAT(__NR_rt_sigprocmask, rt_sigprocmask, 4, RESULT_DECIMAL, ARG_SIGPROCMASK_HOW,
	       ARG_SIGSET, ARG_SIGSET_OUT, ARG_ULONG),
	FORMAT(NR_rt_sigreturn, rt_sigreturn, 0, RESULT_DECIMAL),
	FORMAT(__NR_ioctl, ioctl, 3, RESULT_DECIMAL, ARG_INT, ARG_IOCTL_REQUEST, ARG_POINTER),
	FORMAT(NR_readv, readv, 3, RESULT_DECIMAL, ARG_INT, ARG_POINTER, ARG_INT),
	FORMAT(__NR_writev, writev, 3, RESULT_DECIMAL, ARG_INT, ARG_IOVEC, ARG_INT),
	FORMAT(__NR_access, access, 2, RESULT_DECIMAL, ARG_PATH, ARG_ACCESS_MODE),
	FORMAT(__NR_pipe, pipe, 1, RESULT_DECIMAL, ARG_INT_PAIR_OUT),
	FORMAT(__NR_sched_yield, sched_yield, 0, RESULT_DECIMAL),
	FORMAT(__NR_mremap, mremap, 5, RESULT_HEX, ARG_POINTER, ARG_ULONG, ARG_ULONG,
	       ARG_MREMAP_FLAGS, ARG_POINTER),
	FORMAT(__NR_mincore, mincore, 3, RESULT_DECIMAL, ARG_POINTER, ARG_ULONG, ARG_MINCORE_VEC),
	FORMAT(__NR_madvise, madvise, 3, RESULT_DECIMAL, ARG_POINTER, ARG_ULONG,
	       ARG_MADVISE_ADVICE),
	FORMAT(__NR_dup, dup, 1, RESULT_DECIMAL, ARG_INT),
	FORMAT(__NR_dup2, dup2, 2, RESULT_DECIMAL, ARG_INT, ARG_INT),
	FORMAT(__NR_nanosleep, nanosleep, 2, RESULT_DECIMAL, ARG_TIMESPEC,
	       ARG_TIMESPEC_REMAINING),
	FORMAT(__NR_getpid, getpid, 0, RESULT_DECIMAL),
	FORMAT(__NR_fork, fork, 0, RESULT_DECIMAL),
	FORMAT(__NR_vfork, vfork, 0, RESULT_DECIMAL),
	FORMAT(__NR_execve, execve, 3, RESULT_DECIMAL, ARG_PATH, ARG_ARGV, ARG_ENVP),
	FORMAT(__NR_exit, exit, 1, RESULT_NONE, ARG_INT),
	FORMAT(__NR_wait4, wait4, 4, RESULT_DECIMAL, ARG_INT, ARG_WAIT_STATUS,
	       ARG_WAIT_OPTIONS, ARG_POINTER),
	FORMAT(__NR_kill, kill, 2, RESULT_DECIMAL, ARG_INT, ARG_SIGNAL),
	FORMAT(__NR_uname, uname, 1, RESULT_DECIMAL, ARG_UTSNAME),
	FORMAT(__NR_fcntl, fcntl, 3, RESULT_DECIMAL, ARG_INT, ARG_FCNTL_CMD, ARG_HEX),
	FORMAT(__NR_getcwd, getcwd, 2, RESULT_DECIMAL, ARG_CWD, ARG_ULONG),
	FORMAT(__NR_chdir, chdir, 1, RESULT_DECIMAL, ARG_PATH),
	FORMAT(NR_rename, rename, 2, RESULT_DECIMAL, ARG_PATH, ARG_PATH),
	FORMAT(NR_mkdir, mkdir, 2, RESULT_DECIMAL, ARG_PATH, ARG_MODE),
	FORMAT(NR_rmdir, rmdir, 1, RESULT_DECIMAL, ARG_PATH),
	FORMAT(NR_unlink, unlink, 1, RESULT_DECIMAL, ARG_PATH),
	FORMAT(NR_umask, umask, 1, RESULT_OCTAL, ARG_MODE),
	FORMAT(__NR_getrlimit, getrlimit, 2, RESULT_DECIMAL, ARG_RLIMIT_RESOURCE, ARG_RLIMIT_OUT),
	FORMAT(__NR_getuid, getuid, 0, RESULT_DECIMAL),
	FORMAT(__NR_getgid, getgid, 0, RESULT_DECIMAL),
	FORMAT(__NR_geteuid, geteuid, 0, RESULT_DECIMAL),
	FORMAT(__NR_getegid, getegid, 0, RESULT_DECIMAL),
	FORMAT(__NR_setpgid, setpgid, 2, RESULT_DECIMAL, ARG_INT, ARG_INT),
	FORMAT(__NR_getppid, getppid, 0, RESULT_DECIMAL),
	FORMAT(__NR_getpgrp, getpgrp, 0, RESULT_DECIMAL),
	FORMAT(__NR_setsid, setsid, 0, RESULT_DECIMAL),
	FORMAT(__NR_getpgid, getpgid, 1, RESULT_DECIMAL, ARG_INT),
	FORMAT(__NR_arch_prctl, arch_prctl, 2, RESULT_DECIMAL, ARG_ARCH_PRCTL_CODE,
	       ARG_ARCH_PRCTL_ADDRESS),
	FORMAT(__NR_setrlimit, setrlimit, 2, RESULT_DECIMAL, ARG_RLIMIT_RESOURCE, ARG_RLIMIT),
	FORMAT(__NR_reboot, reboot, 4, RESULT_DECIMAL, ARG_REBOOT_MAGIC, ARG_REBOOT_MAGIC,
	       ARG_REBOOT_COMMAND, ARG_POINTER),
	FORMAT(__NR_gettid, gettid, 0, RESULT_DECIMAL),
	FORMAT(__NR_getdents64, getdents64, 3, RESULT_DECIMAL, ARG_INT, ARG_DIRENTS, ARG_ULONG),
	FORMAT(__NR_set_tid_address, set_tid_address, 1, RESULT_DECIMAL, ARG_POINTER),
	FORMAT(__NR_clock_gettime, clock_gettime, 2, RESULT_DECIMAL, ARG_CLOCK,
	       ARG_TIMESPEC_OUT),
	FORMAT(__NR_exit_group, exit_group, 1, RESULT_NONE, ARG_INT),
	FORMAT(__NR_openat, openat, 4, RESULT_DECIMAL, ARG_DIRFD, ARG_PATH, ARG_OPEN_FLAGS,
	       ARG_MODE),
	FORMAT(__NR_newfstatat, newfstatat, 4, RESULT_DECIMAL, ARG_DIRFD, ARG_PATH, ARG_STAT,
	       ARG_AT_FLAGS),
	FORMAT(__NR_prlimit64, prlimit64, 4, RESULT_DECIMAL, ARG_INT, ARG_RLIMIT_RESOURCE,
	       ARG_RLIMIT, ARG_RLIMIT_OUT),
	FORMAT(__NR_clone, clone, 5, RESULT_DECIMAL, ARG_CLONE_FLAGS, ARG_POINTER, ARG_POINTER,
	       ARG_POINTER, ARG_HEX),
	FORMAT(__NR_readlink, readlink, 3, RESULT_DECIMAL, ARG_PATH, ARG_READ_DATA, ARG_ULONG),
	FORMAT(__NR_sysinfo, sysinfo, 1, RESULT_DECIMAL, ARG_POINTER),
	FORMAT(__NR_gettimeofday, gettimeofday, 2, RESULT_DECIMAL, ARG_POINTER, ARG_POINTER),
	FORMAT(__NR_time, time, 1, RESULT_DECIMAL, ARG_POINTER),
	FORMAT(__NR_prctl, prctl, 5, RESULT_DECIMAL, ARG_INT, ARG_HEX, ARG_HEX, ARG_HEX, ARG_HEX),
	FORMAT(__NR_setuid, setuid, 1, RESULT_DECIMAL, ARG_INT),
	FORMAT(__NR_setgid, setgid, 1, RESULT_DECIMAL, ARG_INT),
	FORMAT(__NR_setreuid, setreuid, 2, RESULT_DECIMAL, ARG_INT, ARG_INT),
	FORMAT(__NR_setregid, setregid, 2, RESULT_DECIMAL, ARG_INT, ARG_INT),
	FORMAT(__NR_getgroups, getgroups, 2, RESULT_DECIMAL, ARG_INT, ARG_POINTER),
	FORMAT(__NR_setresuid, setresuid, 3, RESULT_DECIMAL, ARG_INT, ARG_INT, ARG_INT),
	FORMAT(__NR_getresuid, getresuid, 3, RESULT_DECIMAL, ARG_POINTER, ARG_POINTER,
	       ARG_POINTER),
	FORMAT(__NR_setresgid, setresgid, 3, RESULT_DECIMAL, ARG_INT, ARG_INT, ARG_INT),
	FORMAT(__NR_getresgid, getresgid, 3, RESULT_DECIMAL, ARG_POINTER, ARG_POINTER,
	       ARG_POINTER),
	FORMAT(__NR_tkill, tkill, 2, RESULT_DECIMAL, ARG_INT, ARG_SIGNAL),
	FORMAT(__NR_tgkill, tgkill, 3, RESULT_DECIMAL, ARG_INT, ARG_INT, ARG_SIGNAL),
	FORMAT(__NR_readlinkat, readlinkat, 4, RESULT_DECIMAL, ARG_DIRFD, ARG_PATH, ARG_READ_DATA,
	       ARG_ULONG),
	FORMAT(__NR_set_robust_list, set_robust_list, 2, RESULT_DECIMAL, ARG_POINTER, ARG_ULONG),
	FORMAT(__NR_dup3, dup3, 3, RESULT_DECIMAL, ARG_INT, ARG_INT, ARG_FD_FLAGS),
	FORMAT(__NR_pipe2, pipe2, 2, RESULT_DECIMAL, ARG_INT_PAIR_OUT, ARG_FD_FLAGS),
	FORMAT(__NR_getrandom, getrandom, 3, RESULT_DECIMAL, ARG_READ_DATA, ARG_ULONG,
	       ARG_GETRANDOM_FLAGS),
	FORMAT(__NR_rseq, rseq, 4, RESULT_DECIMAL, ARG_POINTER, ARG_ULONG, ARG_HEX, ARG_HEX),
};

/* ------------------------------------------------ the argument printers */

/* Argument @index (0 to 5) of the call in @regs, in the x86-64 syscall order. */
static unsigned long syscall_argument(const struct pt_regs *regs, int index)
{
	switch (index) {
	case 0: return regs->rdi;
	case 1: return regs->rsi;
	case 2: return regs->rdx;
	case 3: return regs->r10;
	case 4: return regs->r8;
	default: return regs->r9;
	}
}

/* A struct timespec: "{tv_sec=1, tv_nsec=0}", NULL, or the pointer when unreadable. */
static void emit_timespec(struct strace_buffer *b, unsigned long address)
{
	struct { long tv_sec, tv_nsec; } ts;

	if (!address)
		emit(b, "NULL");
	else if (!read_memory(b, &ts, address, sizeof(ts)))
		emit_hex(b, address);
	else
		emitf(b, "{tv_sec=%ld, tv_nsec=%ld}", ts.tv_sec, ts.tv_nsec);
}

/* Linux's new_decode_dev(): the major and minor of a 64-bit st_dev/st_rdev. */
static void emit_dev(struct strace_buffer *b, unsigned long dev)
{
	unsigned long major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffUL);
	unsigned long minor = (dev & 0xff) | ((dev >> 12) & ~0xffUL);

	emit(b, "makedev(");
	emit_hex(b, major);
	emit(b, ", ");
	emit_hex(b, minor);
	emit(b, ")");
}

#define S_IFMT		0170000
#define S_ISUID		04000
#define S_ISGID		02000
#define S_ISVTX		01000

static const struct flag_name file_type_names[] = {
	{ 0140000, "S_IFSOCK" }, { 0120000, "S_IFLNK" }, { 0100000, "S_IFREG" },
	{ 0060000, "S_IFBLK" }, { 0040000, "S_IFDIR" }, { 0020000, "S_IFCHR" },
	{ 0010000, "S_IFIFO" },
};

static const struct flag_name special_mode_names[] = {
	FLAG(S_ISUID), FLAG(S_ISGID), FLAG(S_ISVTX),
};

/* st_mode as strace prints it: S_IFDIR|S_ISVTX|0777. */
static void emit_file_mode(struct strace_buffer *b, unsigned int mode)
{
	emit_enum(b, mode & S_IFMT, file_type_names, ARRAY_SIZE(file_type_names), "S_IF???");
	emit(b, "|");
	if (emit_flags(b, mode & (S_ISUID | S_ISGID | S_ISVTX), special_mode_names,
		       ARRAY_SIZE(special_mode_names)))
		emit(b, "|");
	emit_mode(b, mode & 0777);
}

/* The abbreviated struct stat strace prints by default. */
static void emit_stat(struct strace_buffer *b, unsigned long address)
{
	struct stat st;
	unsigned int type;

	if (!read_memory(b, &st, address, sizeof(st))) {
		emit_pointer(b, address);
		return;
	}
	type = st.st_mode & S_IFMT;
	emit(b, "{st_mode=");
	emit_file_mode(b, st.st_mode);
	if (type == 0020000 || type == 0060000) {
		emit(b, ", st_rdev=");
		emit_dev(b, st.st_rdev);
	} else {
		emitf(b, ", st_size=%ld", st.st_size);
	}
	emit(b, ", ...}");
}

/* wait4's status word: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]. */
static void emit_wait_status(struct strace_buffer *b, unsigned long address)
{
	int status;

	if (!read_memory(b, &status, address, sizeof(status))) {
		emit_pointer(b, address);
		return;
	}
	emit(b, "[{");
	if ((status & 0xff) == 0x7f) {
		emit(b, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		emit_signal(b, (status >> 8) & 0xff);
	} else if (status & 0x7f) {
		emit(b, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		emit_signal(b, status & 0x7f);
		if (status & 0x80)
			emit(b, " && WCOREDUMP(s)");
	} else {
		emitf(b, "WIFEXITED(s) && WEXITSTATUS(s) == %d", (status >> 8) & 0xff);
	}
	emit(b, "}]");
}

static const struct flag_name wait_option_names[] = {
	FLAG(WNOHANG), FLAG(WSTOPPED), FLAG(WCONTINUED), FLAG(__WNOTHREAD), FLAG(__WALL),
	FLAG(__WCLONE),
};

/* wait4's options: "WNOHANG|WSTOPPED", or "0". */
static void emit_wait_options(struct strace_buffer *b, unsigned int options)
{
	emit_known_flags(b, options, wait_option_names, ARRAY_SIZE(wait_option_names), "W???");
}

/* struct new_utsname: six fields of 65 characters. */
static void emit_utsname(struct strace_buffer *b, unsigned long address)
{
	char names[2][65];

	if (!read_memory(b, names, address, sizeof(names))) {
		emit_pointer(b, address);
		return;
	}
	names[0][64] = names[1][64] = '\0';
	emit(b, "{sysname=");
	emit_quoted(b, names[0], strlen(names[0]));
	emit(b, ", nodename=");
	emit_quoted(b, names[1], strlen(names[1]));
	emit(b, ", ...}");
}

static const struct flag_name sigaction_flag_names[] = {
	FLAG(SA_RESTORER), FLAG(SA_ONSTACK), FLAG(SA_RESTART), FLAG(SA_NODEFER),
	FLAG(SA_RESETHAND), FLAG(SA_SIGINFO), FLAG(SA_NOCLDSTOP), FLAG(SA_NOCLDWAIT),
};

/* struct kernel_sigaction (handler, flags, restorer, mask), as strace shows it. */
static void emit_sigaction(struct strace_buffer *b, unsigned long address)
{
	struct { unsigned long handler, flags, restorer, mask; } action;

	if (!address || !read_memory(b, &action, address, sizeof(action))) {
		emit_pointer(b, address);
		return;
	}
	emit(b, "{sa_handler=");
	if (action.handler == 0)
		emit(b, "SIG_DFL");
	else if (action.handler == 1)
		emit(b, "SIG_IGN");
	else
		emit_hex(b, action.handler);
	emit(b, ", sa_mask=");
	emit_sigset(b, action.mask);
	emit(b, ", sa_flags=");
	action.flags &= 0xffffffffUL;
	emit_known_flags(b, action.flags, sigaction_flag_names, ARRAY_SIZE(sigaction_flag_names),
			 "SA_???");
	if (action.flags & SA_RESTORER) {
		emit(b, ", sa_restorer=");
		emit_hex(b, action.restorer);
	}
	emit(b, "}");
}

/* The signal set at @address, or the pointer when it cannot be read. */
static void emit_sigset_at(struct strace_buffer *b, unsigned long address)
{
	unsigned long set;

	if (!address || !read_memory(b, &set, address, sizeof(set)))
		emit_pointer(b, address);
	else
		emit_sigset(b, set);
}

/* execve's argv: ["ls", "/bin"], at most STRACE_MAX_ARRAY strings, then "...". */
static void emit_argv(struct strace_buffer *b, unsigned long address)
{
	unsigned long element;
	int i;

	if (!address) {
		emit(b, "NULL");
		return;
	}
	if (!read_memory(b, &element, address, sizeof(element))) {
		emit_hex(b, address);
		return;
	}
	emit(b, "[");
	for (i = 0; element; i++) {
		if (i)
			emit(b, ", ");
		if (i == STRACE_MAX_ARRAY) {
			emit(b, "...");
			break;
		}
		emit_string(b, element, STRACE_MAX_STRLEN);
		if (!read_memory(b, &element, address + (i + 1) * sizeof(element),
				 sizeof(element))) {
			emit(b, ", ...");
			break;
		}
	}
	emit(b, "]");
}

/* execve's envp: 0x7ffc... /\* 3 vars *\/. */
static void emit_envp(struct strace_buffer *b, unsigned long address)
{
	unsigned long element;
	unsigned int count = 0;

	if (!address) {
		emit(b, "NULL");
		return;
	}
	emit_hex(b, address);
	while (count < 100000 && read_memory(b, &element, address + count * sizeof(element),
					     sizeof(element)) && element)
		count++;
	emitf(b, " /* %u var%s */", count, count == 1 ? "" : "s");
}

/* getdents64's buffer, summarized: 0x4c52a0 /\* 5 entries *\/. */
static void emit_dirents(struct strace_buffer *b, unsigned long address, long length)
{
	unsigned short record_length;
	unsigned int entries = 0;
	long offset = 0;

	emit_pointer(b, address);
	if (length < 0)
		return;
	while (offset < length) {
		if (!read_memory(b, &record_length,
				 address + offset + __builtin_offsetof(struct linux_dirent64, d_reclen),
				 sizeof(record_length)) || !record_length)
			break;
		offset += record_length;
		entries++;
	}
	emitf(b, " /* %u entr%s */", entries, entries == 1 ? "y" : "ies");
}

/* writev's vector: [{iov_base="abc", iov_len=3}], at most STRACE_MAX_ARRAY elements. */
static void emit_iovec(struct strace_buffer *b, unsigned long address, long count)
{
	struct { unsigned long base, length; } iov;
	long i;

	if (count <= 0 || !read_memory(b, &iov, address, sizeof(iov))) {
		emit_pointer(b, address);
		return;
	}
	emit(b, "[");
	for (i = 0; i < count; i++) {
		if (i)
			emit(b, ", ");
		if (i == STRACE_MAX_ARRAY) {
			emit(b, "...");
			break;
		}
		if (!read_memory(b, &iov, address + i * sizeof(iov), sizeof(iov))) {
			emit_hex(b, address + i * sizeof(iov));
			break;
		}
		emit(b, "{iov_base=");
		emit_data(b, iov.base, iov.length);
		emitf(b, ", iov_len=%lu}", iov.length);
	}
	emit(b, "]");
}

static const struct flag_name clone_flag_names[] = {
	FLAG(CLONE_VM), FLAG(CLONE_FS), FLAG(CLONE_FILES), FLAG(CLONE_SIGHAND), FLAG(CLONE_PIDFD),
	FLAG(CLONE_PTRACE), FLAG(CLONE_VFORK), FLAG(CLONE_PARENT), FLAG(CLONE_THREAD),
	FLAG(CLONE_NEWNS), FLAG(CLONE_SYSVSEM), FLAG(CLONE_SETTLS), FLAG(CLONE_PARENT_SETTID),
	FLAG(CLONE_CHILD_CLEARTID), FLAG(CLONE_DETACHED), FLAG(CLONE_UNTRACED),
	FLAG(CLONE_CHILD_SETTID), FLAG(CLONE_NEWCGROUP), FLAG(CLONE_NEWUTS), FLAG(CLONE_NEWIPC),
	FLAG(CLONE_NEWUSER), FLAG(CLONE_NEWPID), FLAG(CLONE_NEWNET), FLAG(CLONE_IO),
};

/* clone's flags: "CLONE_VM|CLONE_VFORK|SIGCHLD", the exit signal last, as strace prints them. */
static void emit_clone_flags(struct strace_buffer *b, unsigned long flags)
{
	unsigned long sig = flags & CSIGNAL;

	flags &= ~CSIGNAL;
	if (flags || !sig)
		emit_known_flags(b, flags, clone_flag_names, ARRAY_SIZE(clone_flag_names),
				 "CLONE_???");
	if (sig) {
		emit(b, flags ? "|" : "");
		emit_signal(b, sig);
	}
}

static const struct flag_name fcntl_cmd_names[] = {
	FLAG(F_DUPFD), FLAG(F_GETFD), FLAG(F_SETFD), FLAG(F_GETFL), FLAG(F_SETFL), FLAG(F_GETLK),
	FLAG(F_SETLK), FLAG(F_SETLKW), FLAG(F_SETOWN), FLAG(F_GETOWN), FLAG(F_DUPFD_CLOEXEC),
	FLAG(F_SETPIPE_SZ), FLAG(F_GETPIPE_SZ),
};

static const struct flag_name fd_flag_names[] = {
	FLAG(O_NONBLOCK), FLAG(O_DIRECT), FLAG(O_CLOEXEC),
};

static const struct flag_name getrandom_flag_names[] = {
	{ 1, "GRND_NONBLOCK" }, { 2, "GRND_RANDOM" }, { 4, "GRND_INSECURE" },
};

static const struct flag_name whence_names[] = {
	FLAG(SEEK_SET), FLAG(SEEK_CUR), FLAG(SEEK_END), { 3, "SEEK_DATA" }, { 4, "SEEK_HOLE" },
};

static const struct flag_name sigprocmask_how_names[] = {
	{ 0, "SIG_BLOCK" }, { 1, "SIG_UNBLOCK" }, { 2, "SIG_SETMASK" },
};

static const struct flag_name clock_names[] = {
	{ 0, "CLOCK_REALTIME" }, { 1, "CLOCK_MONOTONIC" }, { 2, "CLOCK_PROCESS_CPUTIME_ID" },
	{ 3, "CLOCK_THREAD_CPUTIME_ID" }, { 4, "CLOCK_MONOTONIC_RAW" },
	{ 5, "CLOCK_REALTIME_COARSE" }, { 6, "CLOCK_MONOTONIC_COARSE" },
	{ 7, "CLOCK_BOOTTIME" },
};

#define ARCH_SET_GS		0x1001
#define ARCH_SET_FS		0x1002
#define ARCH_GET_FS		0x1003
#define ARCH_GET_GS		0x1004

static const struct flag_name arch_prctl_names[] = {
	FLAG(ARCH_SET_GS), FLAG(ARCH_SET_FS), FLAG(ARCH_GET_FS), FLAG(ARCH_GET_GS),
};

static const struct flag_name access_mode_names[] = {
	{ 4, "R_OK" }, { 2, "W_OK" }, { 1, "X_OK" },
};

static const struct flag_name at_flag_names[] = {
	FLAG(AT_SYMLINK_NOFOLLOW), FLAG(AT_NO_AUTOMOUNT), FLAG(AT_EMPTY_PATH),
};

static const struct flag_name ioctl_names[] = {
	{ 0x5401, "TCGETS" }, { 0x5402, "TCSETS" }, { 0x5403, "TCSETSW" },
	{ 0x5404, "TCSETSF" }, { 0x540f, "TIOCGPGRP" }, { 0x5410, "TIOCSPGRP" },
	{ 0x5413, "TIOCGWINSZ" }, { 0x5414, "TIOCSWINSZ" }, { 0x541b, "FIONREAD" },
};

static const char *const ioc_direction_names[] = {
	"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
};

/* An ioctl request: its name, or strace's _IOC(dir, type, nr, size) decoding. */
static void emit_ioctl_request(struct strace_buffer *b, unsigned int request)
{
	unsigned int size = (request >> 16) & 0x3fff;
	const char *name = lookup_name(request, ioctl_names, ARRAY_SIZE(ioctl_names));

	if (name) {
		emit(b, name);
		return;
	}
	emitf(b, "_IOC(%s, ", ioc_direction_names[request >> 30]);
	emit_hex(b, (request >> 8) & 0xff);
	emit(b, ", ");
	emit_hex(b, request & 0xff);
	emit(b, ", ");
	emit_hex(b, size);
	emit(b, ")");
}

static const struct flag_name rlimit_resource_names[] = {
	FLAG(RLIMIT_CPU), FLAG(RLIMIT_FSIZE), FLAG(RLIMIT_DATA), FLAG(RLIMIT_STACK),
	FLAG(RLIMIT_CORE), FLAG(RLIMIT_RSS), FLAG(RLIMIT_NPROC), FLAG(RLIMIT_NOFILE),
	FLAG(RLIMIT_MEMLOCK), FLAG(RLIMIT_AS), FLAG(RLIMIT_LOCKS), FLAG(RLIMIT_SIGPENDING),
	FLAG(RLIMIT_MSGQUEUE), FLAG(RLIMIT_NICE), FLAG(RLIMIT_RTPRIO), FLAG(RLIMIT_RTTIME),
};

/* One limit as strace shows it: RLIM64_INFINITY, 8192*1024 for multiples of 1 KiB, or the number. */
static void emit_rlim(struct strace_buffer *b, unsigned long value)
{
	if (value == RLIM_INFINITY)
		emit(b, "RLIM64_INFINITY");
	else if (value > 1024 && value % 1024 == 0)
		emitf(b, "%lu*1024", value / 1024);
	else
		emitf(b, "%lu", value);
}

/* A struct rlimit (x86-64: the same as rlimit64): "{rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}". */
static void emit_rlimit(struct strace_buffer *b, unsigned long address)
{
	struct rlimit rlim;

	if (!address || !read_memory(b, &rlim, address, sizeof(rlim))) {
		emit_pointer(b, address);
		return;
	}
	emit(b, "{rlim_cur=");
	emit_rlim(b, rlim.rlim_cur);
	emit(b, ", rlim_max=");
	emit_rlim(b, rlim.rlim_max);
	emit(b, "}");
}

static const struct flag_name mremap_flag_names[] = {
	FLAG(MREMAP_MAYMOVE), FLAG(MREMAP_FIXED), FLAG(MREMAP_DONTUNMAP),
};

/*
 * mremap's flags: "0", the named bits with any other bits after them
 * ("MREMAP_MAYMOVE|0x8"), or unknown bits alone as "0x8 /\* MREMAP_??? *\/".
 */
static void emit_mremap_flags(struct strace_buffer *b, unsigned long flags)
{
	unsigned long known = MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP;

	if (!flags)
		emit(b, "0");
	else if (flags & known)
		emit_flags(b, flags, mremap_flag_names, ARRAY_SIZE(mremap_flag_names));
	else
		emit_enum(b, flags, NULL, 0, "MREMAP_???");
}

static const struct flag_name madvise_names[] = {
	FLAG(MADV_NORMAL), FLAG(MADV_RANDOM), FLAG(MADV_SEQUENTIAL), FLAG(MADV_WILLNEED),
	FLAG(MADV_DONTNEED), FLAG(MADV_FREE), FLAG(MADV_REMOVE), FLAG(MADV_DONTFORK),
	FLAG(MADV_DOFORK), FLAG(MADV_MERGEABLE), FLAG(MADV_UNMERGEABLE), FLAG(MADV_HUGEPAGE),
	FLAG(MADV_NOHUGEPAGE), FLAG(MADV_DONTDUMP), FLAG(MADV_DODUMP), FLAG(MADV_WIPEONFORK),
	FLAG(MADV_KEEPONFORK), FLAG(MADV_COLD), FLAG(MADV_PAGEOUT), FLAG(MADV_POPULATE_READ),
	FLAG(MADV_POPULATE_WRITE), FLAG(MADV_DONTNEED_LOCKED), FLAG(MADV_COLLAPSE),
	FLAG(MADV_HWPOISON), FLAG(MADV_SOFT_OFFLINE),
};

/*
 * mincore's vector for @length bytes of memory: "[1, 0, 1]", one digit
 * (bit 0) per page, at most STRACE_MAX_STRLEN of them and then "...".
 */
static void emit_mincore_vec(struct strace_buffer *b, unsigned long address,
			     unsigned long length, long result)
{
	unsigned long pages = length / PAGE_SIZE + (length % PAGE_SIZE != 0);
	unsigned char vec[STRACE_MAX_STRLEN];
	unsigned long shown = min(pages, (unsigned long)STRACE_MAX_STRLEN);

	if (IS_ERR_VALUE(result) || !address || !read_memory(b, vec, address, shown)) {
		emit_pointer(b, address);
		return;
	}
	emit(b, "[");
	for (unsigned long i = 0; i < pages; i++) {
		if (i)
			emit(b, ", ");
		if (i == shown) {
			emit(b, "...");
			break;
		}
		emit(b, vec[i] & 1 ? "1" : "0");
	}
	emit(b, "]");
}

static const struct flag_name reboot_magic_names[] = {
	{ 0xfee1dead, "LINUX_REBOOT_MAGIC1" }, { 672274793, "LINUX_REBOOT_MAGIC2" },
	{ 85072278, "LINUX_REBOOT_MAGIC2A" }, { 369367448, "LINUX_REBOOT_MAGIC2B" },
	{ 537993216, "LINUX_REBOOT_MAGIC2C" },
};

static const struct flag_name reboot_command_names[] = {
	{ 0x01234567, "LINUX_REBOOT_CMD_RESTART" }, { 0xcdef0123, "LINUX_REBOOT_CMD_HALT" },
	{ 0x89abcdef, "LINUX_REBOOT_CMD_CAD_ON" }, { 0, "LINUX_REBOOT_CMD_CAD_OFF" },
	{ 0x4321fedc, "LINUX_REBOOT_CMD_POWER_OFF" },
};

/* A 32-bit value from a table, or "N /\* unknown *\/" in decimal (reboot's style). */
static void emit_decimal_enum(struct strace_buffer *b, unsigned int value,
			      const struct flag_name *names, size_t count, const char *unknown)
{
	const char *name = lookup_name(value, names, count);

	if (name)
		emit(b, name);
	else
		emitf(b, "%u /* %s */", value, unknown);
}

/* How an argument that names one of a few values prints: its table and unknown comment. */
struct enum_argument {
	const struct flag_name *names;
	size_t count;
	const char *unknown;
	bool decimal;		/* an unknown value in decimal (reboot's style), not hex */
};

#define ENUM_ARGUMENT(table, unknown_, decimal_) \
	{ .names = table, .count = ARRAY_SIZE(table), .unknown = unknown_, .decimal = decimal_ }

static const struct enum_argument enum_arguments[] = {
	[ARG_WHENCE] = ENUM_ARGUMENT(whence_names, "SEEK_???", false),
	[ARG_SIGPROCMASK_HOW] = ENUM_ARGUMENT(sigprocmask_how_names, "SIG_???", false),
	[ARG_CLOCK] = ENUM_ARGUMENT(clock_names, "CLOCK_???", false),
	[ARG_ARCH_PRCTL_CODE] = ENUM_ARGUMENT(arch_prctl_names, "ARCH_???", false),
	[ARG_REBOOT_MAGIC] = ENUM_ARGUMENT(reboot_magic_names, "LINUX_REBOOT_MAGIC_???", true),
	[ARG_REBOOT_COMMAND] = ENUM_ARGUMENT(reboot_command_names, "LINUX_REBOOT_CMD_???", true),
	[ARG_RLIMIT_RESOURCE] = ENUM_ARGUMENT(rlimit_resource_names, "RLIMIT_???", false),
	[ARG_MADVISE_ADVICE] = ENUM_ARGUMENT(madvise_names, "MADV_???", false),
	[ARG_FCNTL_CMD] = ENUM_ARGUMENT(fcntl_cmd_names, "F_???", false),
};

/*
 * Print an argument the call reads (a @kind before ARG_OUTPUT) of @value;
 * @next is the argument after it (write's and writev's length).
 */
static void emit_input_argument(struct strace_buffer *b, enum strace_arg kind,
				unsigned long value, unsigned long next)
{
	if (kind < ARRAY_SIZE(enum_arguments) && enum_arguments[kind].names) {
		const struct enum_argument *table = &enum_arguments[kind];

		if (table->decimal)
			emit_decimal_enum(b, value, table->names, table->count, table->unknown);
		else
			emit_enum(b, (unsigned int)value, table->names, table->count,
				  table->unknown);
		return;
	}
	switch (kind) {
	case ARG_INT:
		emitf(b, "%d", (int)value);
		break;
	case ARG_LONG:
		emitf(b, "%ld", (long)value);
		break;
	case ARG_ULONG:
		emitf(b, "%lu", value);
		break;
	case ARG_POINTER:
		emit_pointer(b, value);
		break;
	case ARG_DIRFD:
		if ((int)value == AT_FDCWD)
			emit(b, "AT_FDCWD");
		else
			emitf(b, "%d", (int)value);
		break;
	case ARG_PATH:
		emit_string(b, value, STRACE_PATH_MAX);
		break;
	case ARG_WRITE_DATA:
		emit_data(b, value, next);
		break;
	case ARG_PROT:
		emit_prot(b, value);
		break;
	case ARG_MAP_FLAGS:
		emit_map_flags(b, value);
		break;
	case ARG_OPEN_FLAGS:
		emit_open_flags(b, value);
		break;
	case ARG_MODE:
		emit_mode(b, value);
		break;
	case ARG_SIGNAL:
		emit_signal(b, (int)value);
		break;
	case ARG_SIGACTION:
		emit_sigaction(b, value);
		break;
	case ARG_SIGSET:
		emit_sigset_at(b, value);
		break;
	case ARG_WAIT_OPTIONS:
		emit_wait_options(b, value);
		break;
	case ARG_CLONE_FLAGS:
		emit_clone_flags(b, value);
		break;
	case ARG_FD_FLAGS:
		emit_known_flags(b, value, fd_flag_names, ARRAY_SIZE(fd_flag_names), "O_???");
		break;
	case ARG_GETRANDOM_FLAGS:
		emit_known_flags(b, value, getrandom_flag_names, ARRAY_SIZE(getrandom_flag_names),
				 "GRND_???");
		break;
	case ARG_TIMESPEC:
		emit_timespec(b, value);
		break;
	case ARG_IOCTL_REQUEST:
		emit_ioctl_request(b, value);
		break;
	case ARG_ARGV:
		emit_argv(b, value);
		break;
	case ARG_ENVP:
		emit_envp(b, value);
		break;
	case ARG_ACCESS_MODE:
		if (!emit_flags(b, value, access_mode_names, ARRAY_SIZE(access_mode_names)))
			emit(b, "F_OK");
		break;
	case ARG_AT_FLAGS:
		if (!emit_flags(b, (unsigned int)value, at_flag_names, ARRAY_SIZE(at_flag_names)))
			emit(b, "0");
		break;
	case ARG_IOVEC:
		emit_iovec(b, value, (int)next);
		break;
	case ARG_RLIMIT:
		emit_rlimit(b, value);
		break;
	case ARG_MREMAP_FLAGS:
		emit_mremap_flags(b, value);
		break;
	default:	/* ARG_NONE, ARG_HEX, ARG_ARCH_PRCTL_ADDRESS */
		emit_hex(b, value);
		break;
	}
}

/* arch_prctl's ARCH_GET_FS/GS result: "[0x4c6880]". */
static void emit_arch_prctl_out(struct strace_buffer *b, unsigned long address)
{
	unsigned long base;

	if (!read_memory(b, &base, address, sizeof(base))) {
		emit_pointer(b, address);
		return;
	}
	emit(b, "[");
	emit_hex(b, base);
	emit(b, "]");
}

/* pipe's two file descriptors: "[3, 4]". */
static void emit_int_pair(struct strace_buffer *b, unsigned long address)
{
	int fds[2];

	if (!read_memory(b, fds, address, sizeof(fds)))
		emit_pointer(b, address);
	else
		emitf(b, "[%d, %d]", fds[0], fds[1]);
}

/*
 * Print an argument the call fills in (a @kind from ARG_OUTPUT on) of
 * @value, now that the call returned @result. After an error strace shows
 * only the pointer, except for nanosleep's remainder, which is filled in
 * only by an interrupted (-EINTR) call.
 */
static void emit_output_argument(struct strace_buffer *b, enum strace_arg kind,
				 unsigned long value, long result)
{
	if (kind == ARG_TIMESPEC_REMAINING) {
		if (result == -EINTR)
			emit_timespec(b, value);
		else
			emit_pointer(b, value);
		return;
	}
	if (IS_ERR_VALUE(result)) {
		emit_pointer(b, value);
		return;
	}
	switch (kind) {
	case ARG_READ_DATA:
		emit_data(b, value, result);
		break;
	case ARG_STAT:
		emit_stat(b, value);
		break;
	case ARG_WAIT_STATUS:
		if (result <= 0 || !value)	/* WNOHANG with nothing to reap */
			emit_pointer(b, value);
		else
			emit_wait_status(b, value);
		break;
	case ARG_UTSNAME:
		emit_utsname(b, value);
		break;
	case ARG_TIMESPEC_OUT:
		emit_timespec(b, value);
		break;
	case ARG_SIGACTION_OUT:
		emit_sigaction(b, value);
		break;
	case ARG_SIGSET_OUT:
		emit_sigset_at(b, value);
		break;
	case ARG_DIRENTS:
		emit_dirents(b, value, result);
		break;
	case ARG_CWD:
		emit_string(b, value, STRACE_PATH_MAX);
		break;
	case ARG_ARCH_PRCTL_OUT:
		emit_arch_prctl_out(b, value);
		break;
	case ARG_INT_PAIR_OUT:
		emit_int_pair(b, value);
		break;
	case ARG_RLIMIT_OUT:
		emit_rlimit(b, value);
		break;
	default:	/* not an output kind */
		emit_hex(b, value);
		break;
	}
}

/* Print argument @index of the call in @regs, of @kind; @result is for exit-time kinds. */
static void emit_argument(struct strace_buffer *b, const struct pt_regs *regs, int index,
			  enum strace_arg kind, long result)
{
	unsigned long value = syscall_argument(regs, index);
	unsigned long next = index < 5 ? syscall_argument(regs, index + 1) : 0;

	if (kind == ARG_MINCORE_VEC)
		emit_mincore_vec(b, value, syscall_argument(regs, index - 1), result);
	else if (kind >= ARG_OUTPUT)
		emit_output_argument(b, kind, value, result);
	else
		emit_input_argument(b, kind, value, next);
}

/* ---------------------------------------------------------- call lines */

/* Call @nr's entry in syscall_formats, or NULL when strace's table lacks it. */
static const struct syscall_format *syscall_format(unsigned long nr)
{
	if (nr < ARRAY_SIZE(syscall_formats) && syscall_formats[nr].name)
		return &syscall_formats[nr];
	return NULL;
}

/* The kind of argument @index of @format, after the calls whose arguments depend on others. */
static enum strace_arg argument_kind(const struct syscall_format *format,
				     const struct pt_regs *regs, int index)
{
	if (format == &syscall_formats[__NR_arch_prctl] && index == 1) {
		unsigned long code = regs->rdi & 0xffffffffUL;

		return code == ARCH_GET_FS || code == ARCH_GET_GS ? ARG_ARCH_PRCTL_OUT :
								    ARG_ARCH_PRCTL_ADDRESS;
	}
	return format->args[index];
}

/* How many arguments strace shows: open's mode only with O_CREAT or O_TMPFILE. */
static int shown_arguments(const struct syscall_format *format, const struct pt_regs *regs)
{
	if (format == &syscall_formats[__NR_open] && !open_has_mode(regs->rsi))
		return 2;
	if (format == &syscall_formats[__NR_openat] && !open_has_mode(regs->rdx))
		return 3;
	/* mremap's new_address only with both MREMAP_MAYMOVE and MREMAP_FIXED */
	if (format == &syscall_formats[__NR_mremap] &&
	    (regs->r10 & (MREMAP_MAYMOVE | MREMAP_FIXED)) != (MREMAP_MAYMOVE | MREMAP_FIXED))
		return 4;
	return format->nb_args;
}

/* The index of the first argument printed at exit, or the number shown. */
static int first_exit_argument(const struct syscall_format *format, const struct pt_regs *regs)
{
	int count = shown_arguments(format, regs);
	int i;

	for (i = 0; i < count; i++)
		if (argument_kind(format, regs, i) >= ARG_OUTPUT)
			return i;
	return count;
}

/* Print arguments [@from, @to) of the call, each after ", " but the first. */
static void emit_arguments(struct strace_buffer *b, const struct syscall_format *format,
			   const struct pt_regs *regs, int from, int to, long result)
{
	int i;

	for (i = from; i < to; i++) {
		if (i > 0)
			emit(b, ", ");
		if (format)
			emit_argument(b, regs, i, argument_kind(format, regs, i), result);
		else
			emit_hex(b, syscall_argument(regs, i));
	}
}

/* The call's name: strace's table, the kernel's own, or syscall_0x1b7. */
static void emit_name(struct strace_buffer *b, unsigned long nr)
{
	const struct syscall_format *format = syscall_format(nr);
	const struct syscall_metadata *metadata = syscall_metadata(nr);

	if (format)
		emit(b, format->name);
	else if (metadata)
		emit(b, metadata->name);
	else
		emitf(b, "syscall_%#lx", nr);
}

/* The arguments of a call without a format: the kernel's count, or all six. */
static int unformatted_arguments(unsigned long nr)
{
	const struct syscall_metadata *metadata = syscall_metadata(nr);

	return metadata ? metadata->nb_args : 6;
}

/* "[pid  N] " when @pid is not 0 (more than one traced process), else nothing. */
static void emit_pid_prefix(struct strace_buffer *b, int pid)
{
	if (pid)
		emitf(b, "[pid %5d] ", pid);
}

/* Spaces up to the column before STRACE_RESULT_COLUMN, then " = ". */
static void emit_equals(struct strace_buffer *b)
{
	while (b->column < STRACE_RESULT_COLUMN - 1)
		emit(b, " ");
	emit(b, " = ");
}

/* ")", padding, " = " and @result as strace writes them. */
static void emit_result(struct strace_buffer *b, unsigned long nr, long result)
{
	const struct syscall_format *format = syscall_format(nr);
	enum strace_result style = format ? format->result : RESULT_DECIMAL;

	emit(b, ")");
	emit_equals(b);
	if (style == RESULT_NONE)
		emit(b, "?");
	else if (IS_ERR_VALUE(result))
		emit_error(b, -result);
	else if (style == RESULT_HEX)
		emit_hex(b, result);
	else if (style == RESULT_OCTAL)
		emit_mode(b, result);
	else
		emitf(b, "%ld", result);
	emit(b, "\n");
}

/*
 * The text strace prints when the call in @regs starts: "[pid  N] " when
 * @pid is not 0, the name, "(", the arguments known at entry; for exit and
 * exit_group the whole line with " = ?". Returns whether the line is
 * complete.
 */
static bool format_entry(struct strace_buffer *b, const struct pt_regs *regs, int pid)
{
	unsigned long nr = regs->orig_rax;
	const struct syscall_format *format = syscall_format(nr);
	int stop;

	emit_pid_prefix(b, pid);
	emit_name(b, nr);
	emit(b, "(");
	if (!format) {
		emit_arguments(b, NULL, regs, 0, unformatted_arguments(nr), 0);
		return false;
	}
	stop = first_exit_argument(format, regs);
	emit_arguments(b, format, regs, 0, stop, 0);
	if (stop < shown_arguments(format, regs) && stop > 0)
		emit(b, ", ");
	if (format->result == RESULT_NONE) {
		emit_result(b, nr, 0);
		return true;
	}
	return false;
}

/*
 * The text that ends call @nr with @result: the exit-time arguments and
 * the result. @resumed starts a new line "<... name resumed>" (another
 * task printed since the call started), with "[pid  N] " when @pid is not 0.
 */
static void format_exit(struct strace_buffer *b, unsigned long nr, const struct pt_regs *regs,
			long result, bool resumed, int pid)
{
	const struct syscall_format *format = syscall_format(nr);
	int start;

	if (resumed) {
		emit_pid_prefix(b, pid);
		emit(b, "<... ");
		emit_name(b, nr);
		emit(b, " resumed>");
	}
	if (format) {
		start = first_exit_argument(format, regs);
		if (start < shown_arguments(format, regs)) {
			emit_argument(b, regs, start, argument_kind(format, regs, start), result);
			emit_arguments(b, format, regs, start + 1, shown_arguments(format, regs),
				       result);
		}
	}
	emit_result(b, nr, result);
}

/* "+++ exited with 0 +++" or "+++ killed by SIGSEGV +++" for wait status @status. */
static void format_process_exit(struct strace_buffer *b, long status, int pid)
{
	emit_pid_prefix(b, pid);
	if (status & 0x7f) {
		emit(b, "+++ killed by ");
		emit_signal(b, status & 0x7f);
		emit(b, status & 0x80 ? " (core dumped) +++\n" : " +++\n");
	} else {
		emitf(b, "+++ exited with %ld +++\n", (status >> 8) & 0xff);
	}
}

/* ------------------------------------------------- for the KUnit suite */

/*
 * The same formatters over kernel buffers (pointers below PAGE_SIZE read
 * as bad addresses). Each writes a NUL-terminated text to @text and
 * returns its length; *@column is the column before and after.
 */
size_t strace_format_entry(char *text, size_t size, unsigned int *column,
			   const struct pt_regs *regs, int pid);
size_t strace_format_exit(char *text, size_t size, unsigned int *column, unsigned long nr,
			  const struct pt_regs *regs, long result, bool resumed, int pid);
size_t strace_format_process_exit(char *text, size_t size, long status, int pid);

size_t strace_format_entry(char *text, size_t size, unsigned int *column,
			   const struct pt_regs *regs, int pid)
{
	struct strace_buffer b = { text, size, 0, *column, true };

	format_entry(&b, regs, pid);
	*column = b.column;
	return b.length;
}

size_t strace_format_exit(char *text, size_t size, unsigned int *column, unsigned long nr,
			  const struct pt_regs *regs, long result, bool resumed, int pid)
{
	struct strace_buffer b = { text, size, 0, *column, true };

	format_exit(&b, nr, regs, result, resumed, pid);
	*column = b.column;
	return b.length;
}

size_t strace_format_process_exit(char *text, size_t size, long status, int pid)
{
	struct strace_buffer b = { text, size, 0, 0, true };

	format_process_exit(&b, status, pid);
	return b.length;
}

/* ------------------------------------------------------ the console side */

/*
 * The console line strace is writing: the task whose call line is open
 * (NULL when the last line ended or another task interrupted it), that
 * call's number (execve replaces the registers), and strace's column.
 */
static struct task_struct *line_owner;
static unsigned long line_nr;
static unsigned int line_column;
/* The task that just turned tracing on: its arch_prctl has no entry line. */
static struct task_struct *tracing_enabled_by;

/* "[pid  N] " prefixes lines when more than one live process is traced (strace -f). */
static int line_prefix_pid(void)
{
	struct task_struct *p;
	int traced = 0;

	for_each_process(p)
		if (p->traced && p->state != EXIT_ZOMBIE && p->state != EXIT_DEAD)
			traced++;
	return traced > 1 ? current->pid : 0;
}

/* Start an empty text in @text (@size bytes) at the console line's column. */
static void buffer_init(struct strace_buffer *b, char *text, size_t size)
{
	*b = (struct strace_buffer){ text, size, 0, line_column, false };
	text[0] = '\0';
}

/* Print the text built in @b and remember the column it ends at. */
static void buffer_write(struct strace_buffer *b)
{
	console_write(b->text, b->length);
	trace_strace(b->text, b->length);
	line_column = b->column;
}

/* Before a new line: end another task's open call line as strace does. */
static void interrupt_open_line(struct strace_buffer *b)
{
	if (line_owner && line_owner != current) {
		emit(b, " <unfinished ...>\n");
		line_owner = NULL;
	}
}

/* See linux/strace.h: the call's entry text, which leaves its line open unless it never returns. */
void strace_syscall_enter(const struct pt_regs *regs)
{
	char text[STRACE_LINE_SIZE];
	struct strace_buffer b;

	buffer_init(&b, text, sizeof(text));
	interrupt_open_line(&b);
	if (format_entry(&b, regs, line_prefix_pid())) {
		line_owner = NULL;
	} else {
		line_owner = current;
		line_nr = regs->orig_rax;
	}
	buffer_write(&b);
}

/* See linux/strace.h: the exit-time arguments and the result, on a "resumed" line if interrupted. */
void strace_syscall_exit(const struct pt_regs *regs, long result)
{
	char text[STRACE_LINE_SIZE];
	struct strace_buffer b;
	bool resumed = line_owner != current;

	if (tracing_enabled_by == current) {
		/* arch_prctl(ARCH_TEACH_STRACE, 1) ran untraced: strace attaches after it */
		tracing_enabled_by = NULL;
		return;
	}
	buffer_init(&b, text, sizeof(text));
	interrupt_open_line(&b);
	format_exit(&b, resumed ? regs->orig_rax : line_nr, regs, result, resumed,
		    resumed ? line_prefix_pid() : 0);
	line_owner = NULL;
	buffer_write(&b);
}

/* See linux/strace.h: ends the task's open call line with "= ?" first. */
void strace_process_exit(long wait_status)
{
	char text[STRACE_LINE_SIZE];
	struct strace_buffer b;

	buffer_init(&b, text, sizeof(text));
	interrupt_open_line(&b);
	if (line_owner == current) {
		/* the task dies inside a call (not exit): strace ends the line with "= ?" */
		emit(&b, " <unfinished ...>)");
		emit_equals(&b);
		emit(&b, "?\n");
		line_owner = NULL;
	}
	format_process_exit(&b, wait_status, line_prefix_pid());
	buffer_write(&b);
}

/*
 * See linux/strace.h: ARCH_TEACH_STRACE with 1 traces current from its
 * next call on, with 0 stops (finishing the arch_prctl line). Returns 0,
 * or -EINVAL for another option or argument.
 */
long strace_arch_prctl(int option, unsigned long argument)
{
	if (option != ARCH_TEACH_STRACE || argument > 1)
		return -EINVAL;
	if (argument && !current->traced) {
		tracing_enabled_by = current;
	} else if (!argument && current->traced && line_owner == current) {
		/* the dispatcher will not report this call's end: finish its line now */
		char text[STRACE_LINE_SIZE];
		struct strace_buffer b;

		buffer_init(&b, text, sizeof(text));
		emit_result(&b, line_nr, 0);
		line_owner = NULL;
		buffer_write(&b);
	}
	if (!argument && tracing_enabled_by == current)
		tracing_enabled_by = NULL;
	current->traced = argument;
	return 0;
}

/* See linux/strace.h: whether the command line holds the word `strace`. */
bool strace_all(void)
{
	return cmdline_get("strace") != NULL;
}
