// SPDX-License-Identifier: MIT
/*
 * sh - the kernel's shell: /bin/sh, the first program a student meets.
 *
 * Usage:
 *   sh                 read commands from standard input; interactive
 *                      (banner, "$ " prompt, job control) when it is a tty
 *   sh -i              the same, interactive even if TCGETS fails on stdin
 *   sh -c 'CMD ARGS'   run one command line (or several, one per line)
 *   sh FILE            run a script, line by line
 *
 * A line holds commands joined by ';', "&&" and "||" (left to right, as
 * POSIX and-or lists). A command is split into words on blanks; '...' keeps everything literal,
 * "..." keeps blanks and expands $? and $$, a backslash quotes the next
 * character; a word starting with # begins a comment. A command may be a
 * pipeline, "a | b | c": each stage's standard output feeds the next one's
 * input, all run at once, and the status is the last stage's. "< FILE"
 * reads standard input from FILE, "> FILE" writes standard output to it
 * and ">> FILE" appends to it
 * (the root file system is read-only: /dev/null and /sys/kernel/tracing
 * hold the files one may write).
 * No variables besides $? (last status) and $$ (the shell's pid).
 * Built-ins: help, exit [N], poweroff, strace CMD [ARGS...], cd DIR; in a
 * pipeline or with a redirection they run in a child, as in bash.
 * Other names are run from /bin (a name with a '/' is used as it is) by
 * fork + execve + wait4. The status, as $? shows it: the exit code, 127 for
 * a command not found, 126 for one that cannot be run, 128 + N for a death
 * by signal N; a death by signal is reported like bash does it
 * ("Segmentation fault", "Killed", "Terminated"; a newline for SIGINT).
 *
 * What this relies on from the kernel, beyond fork/execve/wait4/exit_group:
 *   - read(0, ...) on the console returns at most one line (canonical mode
 *     with echo and backspace done by the kernel); 0 at end of input.
 *   - The console answers TCGETS (isatty) and TIOCSPGRP/TIOCGPGRP on fd 0,
 *     and Ctrl-C sends SIGINT to its foreground process group.
 *   - setpgid(0, 0) (syscall 109) and getpgrp (111).
 *   - rt_sigaction and rt_sigprocmask: the interactive shell ignores
 *     SIGQUIT, SIGTSTP, SIGTTIN and SIGTTOU and catches SIGINT (with
 *     SA_RESTART); each child puts them back to SIG_DFL before execve.
 *     Ctrl-C at the prompt, at whatever moment it comes, gives "^C" (the
 *     console's echo), a new line and a new prompt, and $? 130, as bash:
 *     see read_command_line().
 *   - strace: the child calls syscall(SYS_arch_prctl, ARCH_TEACH_STRACE, 1)
 *     just before execve, asking the kernel to trace the program it is about
 *     to run. Linux answers -EINVAL: the child then prints "strace: not
 *     supported on this kernel" and runs the program untraced.
 *   - poweroff: reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
 *     LINUX_REBOOT_CMD_POWER_OFF, 0), syscall 169.
 *   - When the shell is init, its exit (end of input, exit) is turned into
 *     a power-off by the kernel.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/reboot.h>
#include <sys/syscall.h>
#include <sys/wait.h>

/* arch_prctl code that asks the kernel to trace the next execve's program. */
#define ARCH_TEACH_STRACE	0x5452

#define SH_LINE_SIZE		4096
#define SH_WORDS_SIZE		(2 * SH_LINE_SIZE)	/* room for $? and $$ expansions */
#define SH_MAX_WORDS		64
#define SH_MAX_STAGES		16	/* commands in one pipeline */

#define STATUS_NOT_FOUND	127
#define STATUS_CANNOT_RUN	126
#define STATUS_SYNTAX_ERROR	2

/* read_line() results besides a length. */
#define LINE_END_OF_INPUT	(-1)
#define LINE_TOO_LONG		(-2)

#define STATUS_INTERRUPTED	130	/* bash's $? after Ctrl-C at the prompt: 128 + SIGINT */

struct shell {
	bool interactive;	/* prompt, job control, SIGINT caught */
	int last_status;	/* $? */
	pid_t pgid;		/* the shell's process group: the foreground at the prompt */
};

static struct shell shell;

/* Set by the SIGINT handler: the next prompt starts on a new line, $? 130. */
static volatile sig_atomic_t sigint_caught;
/* While set, the SIGINT handler jumps back to the prompt (prompt_jump). */
static volatile sig_atomic_t prompt_armed;
static jmp_buf prompt_jump;

/* Signals the interactive shell ignores (SIGINT: catches) and its children get back. */
static const int job_control_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

/*
 * A line source. chunk is 1 for a non-tty stdin, so that the shell never
 * reads past the end of its line the input that a child program should get.
 */
struct line_reader {
	int fd;
	size_t chunk;
	size_t start, end;
	char buf[SH_LINE_SIZE];
};

/*
 * read_line - the next line of r, without its newline, into line (size
 * bytes, NUL-terminated). Returns its length, LINE_END_OF_INPUT when the
 * input ended before any character, or LINE_TOO_LONG (the rest of the long
 * line is read and dropped). A last line without a newline still counts.
 */
static int read_line(struct line_reader *r, char *line, size_t size)
{
	size_t len = 0;
	bool got_any = false, overflow = false;

	for (;;) {
		char c;

		if (r->start == r->end) {
			ssize_t n;

			n = read(r->fd, r->buf, r->chunk);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				if (!got_any)
					return LINE_END_OF_INPUT;
				break;
			}
			r->start = 0;
			r->end = (size_t)n;
		}
		c = r->buf[r->start++];
		got_any = true;
		if (c == '\n')
			break;
		if (len + 1 < size)
			line[len++] = c;
		else
			overflow = true;
	}
	line[len] = '\0';
	return overflow ? LINE_TOO_LONG : (int)len;
}

/* The words of a command and its redirections, built in a fixed store. */
struct word_list {
	char *words[SH_MAX_WORDS + 1];
	int count;
	char *input;		/* "< FILE": standard input from FILE, or NULL */
	char *output;		/* "> FILE": standard output to FILE, or NULL */
	bool append;		/* ">> FILE": added to its end */
	char store[SH_WORDS_SIZE];
	size_t used;
	bool overflow;
};

static void append_char(struct word_list *list, char c)
{
	if (list->used + 1 < sizeof(list->store))
		list->store[list->used++] = c;
	else
		list->overflow = true;
}

static void append_string(struct word_list *list, const char *s)
{
	while (*s)
		append_char(list, *s++);
}

/*
 * expand_dollar - p points at a '$': appends $? or $$ expanded, or a lone
 * '$'. Returns the characters of p consumed.
 */
static int expand_dollar(struct word_list *list, const char *p)
{
	char number[16];

	if (p[1] == '?')
		snprintf(number, sizeof(number), "%d", shell.last_status);
	else if (p[1] == '$')
		snprintf(number, sizeof(number), "%d", getpid());
	else {
		append_char(list, '$');
		return 1;
	}
	append_string(list, number);
	return 2;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Does an unquoted @c end a word (a blank, or a redirection operator)? */
static bool ends_word(char c)
{
	return is_blank(c) || c == '<' || c == '>';
}

/*
 * scan_word - reads one word starting at *pp (not a blank) into list's
 * store, handling quotes, backslashes and $ expansions; advances *pp past
 * it. Returns false on an unterminated quote.
 */
static bool scan_word(struct word_list *list, const char **pp)
{
	const char *p = *pp;

	while (*p && !ends_word(*p)) {
		if (*p == '\'') {
			const char *close = strchr(p + 1, '\'');

			if (!close)
				return false;
			for (p++; p < close; p++)
				append_char(list, *p);
			p++;
		} else if (*p == '"') {
			for (p++; *p != '"'; ) {
				if (!*p)
					return false;
				if (*p == '\\' && p[1] && strchr("$\"\\", p[1])) {
					append_char(list, p[1]);
					p += 2;
				} else if (*p == '$') {
					p += expand_dollar(list, p);
				} else {
					append_char(list, *p++);
				}
			}
			p++;
		} else if (*p == '\\') {
			if (p[1])
				append_char(list, p[1]);
			p += p[1] ? 2 : 1;
		} else if (*p == '$') {
			p += expand_dollar(list, p);
		} else {
			append_char(list, *p++);
		}
	}
	append_char(list, '\0');
	*pp = p;
	return true;
}

/*
 * split_words - fills list with the words of line (see the top comment).
 * Returns the number of words, or -1 after printing why the line is wrong.
 */
static int split_words(const char *line, struct word_list *list)
{
	const char *p = line;

	list->count = 0;
	list->used = 0;
	list->overflow = false;
	list->input = list->output = NULL;
	list->append = false;
	for (;;) {
		while (is_blank(*p))
			p++;
		if (!*p || *p == '#')
			break;
		if (*p == '<' || *p == '>') {
			char **target = *p == '<' ? &list->input : &list->output;

			if (p[0] == '>' && p[1] == '>') {
				list->append = true;
				p++;
			}
			for (p++; is_blank(*p); p++)
				;
			if (!*p || *p == '<' || *p == '>' || *p == '#') {
				fprintf(stderr, "sh: syntax error: a file name must follow < or >\n");
				return -1;
			}
			*target = list->store + list->used;
			if (!scan_word(list, &p)) {
				fprintf(stderr, "sh: syntax error: unterminated quote\n");
				return -1;
			}
			continue;
		}
		if (list->count == SH_MAX_WORDS) {
			fprintf(stderr, "sh: too many words (at most %d)\n", SH_MAX_WORDS);
			return -1;
		}
		list->words[list->count++] = list->store + list->used;
		if (!scan_word(list, &p)) {
			fprintf(stderr, "sh: syntax error: unterminated quote\n");
			return -1;
		}
	}
	if (list->overflow) {
		fprintf(stderr, "sh: line too long after expansion\n");
		return -1;
	}
	list->words[list->count] = NULL;
	return list->count;
}

static void set_job_control_signals(sighandler_t handler)
{
	for (size_t i = 0; i < sizeof(job_control_signals) / sizeof(job_control_signals[0]); i++)
		signal(job_control_signals[i], handler);
}

/*
 * exec_command - execve argv[0], from /bin when it has no '/'. Returns only
 * on failure, with the status the shell reports (127 or 126), after
 * printing the reason.
 */
static int exec_command(char **argv)
{
	const char *name = argv[0];
	char path[SH_LINE_SIZE];

	if (strchr(name, '/')) {
		execve(name, argv, environ);
		fprintf(stderr, "%s: %s\n", name, strerror(errno));
		return errno == ENOENT ? STATUS_NOT_FOUND : STATUS_CANNOT_RUN;
	}
	if (*name && snprintf(path, sizeof(path), "/bin/%s", name) < (int)sizeof(path)) {
		execve(path, argv, environ);
		if (errno != ENOENT && errno != ENOTDIR) {
			fprintf(stderr, "%s: %s\n", name, strerror(errno));
			return STATUS_CANNOT_RUN;
		}
	}
	fprintf(stderr, "%s: command not found\n", name);
	return STATUS_NOT_FOUND;
}

/*
 * join_foreground - in a forked child of the interactive shell: join
 * process group @pgid (0: a new one it leads), make it the terminal's
 * foreground group, and take back the default signal actions.
 */
static void join_foreground(pid_t pgid)
{
	if (!shell.interactive)
		return;
	setpgid(0, pgid);
	/* SIGTTOU is still ignored here, so a background group may do this. */
	tcsetpgrp(STDIN_FILENO, pgid ? pgid : getpid());
	set_job_control_signals(SIG_DFL);
}

/*
 * run_child - in the forked child: join process group @pgid in the
 * foreground (interactive shell only), turn tracing on if asked, and
 * execve. Never returns.
 */
static void __attribute__((noreturn)) run_child(char **argv, bool trace, pid_t pgid)
{
	join_foreground(pgid);
	if (trace && syscall(SYS_arch_prctl, ARCH_TEACH_STRACE, 1) < 0)
		fprintf(stderr, "strace: not supported on this kernel\n");
	_exit(exec_command(argv));
}

/*
 * report_status - the $? value of a wait4 status; prints a death by signal
 * as bash does (nothing for SIGPIPE, a newline for SIGINT at the prompt).
 */
static int report_status(int status)
{
	int sig;

	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (!WIFSIGNALED(status))
		return 128;
	sig = WTERMSIG(status);
	if (sig == SIGINT) {
		if (shell.interactive)
			fputc('\n', stderr);
	} else if (sig != SIGPIPE) {
		fprintf(stderr, "%s\n", strsignal(sig));
	}
	return 128 + sig;
}

/* run_external - fork, execve argv in the child and wait for it. Returns $?. */
/*
 * reap_orphans - as init (pid 1) the shell inherits every orphaned process;
 * collect the ones that have ended, so they do not stay zombies.
 */
static void reap_orphans(void)
{
	if (getpid() != 1)
		return;
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

static int run_external(char **argv, bool trace)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "sh: fork: %s\n", strerror(errno));
		return 1;
	}
	if (pid == 0)
		run_child(argv, trace, 0);
	if (shell.interactive) {
		/* Also done by the child: whichever runs first, no race. */
		setpgid(pid, pid);
		tcsetpgrp(STDIN_FILENO, pid);
	}
	while (wait4(pid, &status, 0, NULL) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "sh: wait4: %s\n", strerror(errno));
			status = 1 << 8;
			break;
		}
	}
	if (shell.interactive)
		tcsetpgrp(STDIN_FILENO, shell.pgid);
	reap_orphans();
	return report_status(status);
}

static void __attribute__((noreturn)) shell_exit(int status)
{
	if (shell.interactive)
		fprintf(stderr, "exit\n");
	exit(status);
}

static int builtin_help(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("This shell runs the programs in /bin. Things to try:\n"
	       "  ls /bin               the programs there are\n"
	       "  cat /proc/self/maps   the memory map of the process running cat\n"
	       "  cat /proc/meminfo     the kernel's memory counters\n"
	       "  free                  memory used and free, from /proc/meminfo\n"
	       "  ps                    the processes, from /proc\n"
	       "  brkdemo               watch the program break (brk) move\n"
	       "  sbrk_example          the notes' sbrk example\n"
	       "  strace sbrk_example   the same, showing its system calls\n"
	       "  echo $?               the exit status of the last command\n"
	       "Built-ins: help, exit [N], poweroff, strace CMD [ARGS...], cd DIR.\n"
	       "Ctrl-C ends the running program. poweroff (or Ctrl-D at the prompt\n"
	       "of the first shell) turns the machine off.\n");
	return 0;
}

/* exit [N]: N defaults to $?; a non-number is an error (status 2), as in bash. */
static int builtin_exit(int argc, char **argv)
{
	char *end;
	long status;

	if (argc < 2)
		shell_exit(shell.last_status);
	status = strtol(argv[1], &end, 10);
	if (end == argv[1] || *end) {
		fprintf(stderr, "sh: exit: %s: numeric argument required\n", argv[1]);
		shell_exit(STATUS_SYNTAX_ERROR);
	}
	shell_exit((int)(status & 0xff));
}

static int builtin_poweroff(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fflush(stdout);
	reboot(RB_POWER_OFF);
	fprintf(stderr, "poweroff: %s\n", strerror(errno));
	return 1;
}

static int builtin_strace(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: strace CMD [ARGS...]\n");
		return STATUS_SYNTAX_ERROR;
	}
	return run_external(argv + 1, true);
}

static int builtin_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/";

	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}

struct builtin {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct builtin builtins[] = {
	{ "help", builtin_help },
	{ "exit", builtin_exit },
	{ "poweroff", builtin_poweroff },
	{ "strace", builtin_strace },
	{ "cd", builtin_cd },
};

/* The built-in called @name, or NULL. */
static const struct builtin *find_builtin(const char *name)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(name, builtins[i].name))
			return &builtins[i];
	return NULL;
}

/* redirect - in a child: make descriptor @fd be @path opened with @flags. */
static bool redirect(const char *path, int flags, int fd)
{
	int file = open(path, flags, 0666);

	if (file < 0) {
		fprintf(stderr, "sh: %s: %s\n", path, strerror(errno));
		return false;
	}
	if (file != fd) {
		dup2(file, fd);
		close(file);
	}
	return true;
}

/*
 * run_stage - in the forked child of a pipeline stage: standard input from
 * @in and output to @out (the pipes, -1 for none), then the command's own
 * "<" and ">", then the built-in or the program. Never returns.
 */
static void __attribute__((noreturn)) run_stage(const struct word_list *cmd, int in, int out,
						pid_t pgid)
{
	const struct builtin *builtin = find_builtin(cmd->words[0]);

	if (in >= 0) {
		dup2(in, STDIN_FILENO);
		close(in);
	}
	if (out >= 0) {
		dup2(out, STDOUT_FILENO);
		close(out);
	}
	if ((cmd->input && !redirect(cmd->input, O_RDONLY, STDIN_FILENO)) ||
	    (cmd->output && !redirect(cmd->output, O_WRONLY | O_CREAT |
				      (cmd->append ? O_APPEND : O_TRUNC), STDOUT_FILENO)))
		_exit(1);
	if (builtin) {
		join_foreground(pgid);
		int status = builtin->run(cmd->count, (char **)cmd->words);

		fflush(stdout);
		_exit(status);
	}
	run_child((char **)cmd->words, false, pgid);
}

/*
 * run_pipeline - runs @n commands at once, each one's standard output a
 * pipe to the next one's input, in one process group (the terminal's
 * foreground one in an interactive shell). Waits for all; returns the
 * last one's status, as $? shows it.
 */
static int run_pipeline(const struct word_list *stages, int n)
{
	pid_t pids[SH_MAX_STAGES], pgid = 0;
	int in = -1, started = 0, status = 1 << 8;

	fflush(stdout);
	for (int i = 0; i < n; i++) {
		/* close-on-exec: only the dup2'd copies reach the programs */
		int fds[2] = { -1, -1 };

		if (i < n - 1 && pipe2(fds, O_CLOEXEC) < 0) {
			fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
			break;
		}
		pids[i] = fork();
		if (pids[i] == 0)
			run_stage(&stages[i], in, fds[1], pgid);
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
		if (pids[i] < 0) {
			fprintf(stderr, "sh: fork: %s\n", strerror(errno));
			break;
		}
		if (!pgid)
			pgid = pids[i];
		if (shell.interactive)	/* also done by the child: no race */
			setpgid(pids[i], pgid);
		started++;
	}
	if (in >= 0)
		close(in);
	if (shell.interactive && pgid)
		tcsetpgrp(STDIN_FILENO, pgid);
	for (int i = 0; i < started; i++) {
		int child_status;

		while (waitpid(pids[i], &child_status, 0) < 0 && errno == EINTR)
			;
		if (i == n - 1)
			status = child_status;
	}
	if (shell.interactive)
		tcsetpgrp(STDIN_FILENO, shell.pgid);
	reap_orphans();
	return report_status(status);
}

/*
 * skip_quoted - past the character at p: past the whole quoted text when p
 * opens one ('...' or "..."), past the escaped character after a
 * backslash. Never past the end of the string.
 */
static const char *skip_quoted(const char *p)
{
	char quote = *p;

	if (quote == '\\')
		return p[1] ? p + 2 : p + 1;
	if (quote != '\'' && quote != '"')
		return p + 1;
	for (p++; *p && *p != quote; p++)
		if (quote == '"' && *p == '\\' && p[1])
			p++;
	return *p ? p + 1 : p;
}

/* find_pipe - the first '|' of p outside quotes, or the end of the string. */
static const char *find_pipe(const char *p)
{
	while (*p && *p != '|')
		p = skip_quoted(p);
	return p;
}

/*
 * run_line - runs one command, or a pipeline of them; updates $? unless
 * the line is empty. A lone command without redirections runs a built-in
 * in the shell itself.
 */
static void run_line(const char *line)
{
	static struct word_list stages[SH_MAX_STAGES];
	const struct builtin *builtin;
	int n = 0;

	for (const char *p = line; ; ) {
		const char *end = find_pipe(p);
		char *command = strndup(p, end - p);
		int argc;

		if (!command) {
			fprintf(stderr, "sh: out of memory\n");
			exit(1);
		}
		argc = split_words(command, &stages[n]);
		free(command);
		if (argc < 0) {
			shell.last_status = STATUS_SYNTAX_ERROR;
			return;
		}
		if (argc == 0 && n == 0 && !*end && !stages[0].input && !stages[0].output)
			return;		/* an empty line */
		if (argc == 0 || (*end && n == SH_MAX_STAGES - 1)) {
			fprintf(stderr, argc ? "sh: at most %d commands in a pipeline\n" :
				"sh: syntax error: a command is missing\n", SH_MAX_STAGES);
			shell.last_status = STATUS_SYNTAX_ERROR;
			return;
		}
		n++;
		if (!*end)
			break;
		p = end + 1;
	}
	builtin = find_builtin(stages[0].words[0]);
	if (n > 1 || stages[0].input || stages[0].output) {
		shell.last_status = run_pipeline(stages, n);
	} else if (builtin) {
		shell.last_status = builtin->run(stages[0].count, stages[0].words);
		fflush(stdout);
	} else {
		shell.last_status = run_external(stages[0].words, false);
	}
}

/*
 * find_operator - the first ';', "&&" or "||" of p outside quotes, or the
 * end of the string.
 */
static const char *find_operator(const char *p)
{
	for (; *p; p = skip_quoted(p))
		if (*p == ';' || (*p == '&' && p[1] == '&') || (*p == '|' && p[1] == '|'))
			return p;
	return p;
}

/*
 * run_list - runs a line of commands joined by ';', "&&" and "||", left to
 * right as POSIX and-or lists: after "&&" a command runs only if the one
 * before succeeded, after "||" only if it failed.
 */
static void run_list(const char *line)
{
	char op = ';';

	for (const char *p = line; ; ) {
		const char *end = find_operator(p);
		char *command = strndup(p, end - p);

		if (!command) {
			fprintf(stderr, "sh: out of memory\n");
			exit(1);
		}
		if (op == ';' || (op == '&') == (shell.last_status == 0))
			run_line(command);
		free(command);
		if (!*end)
			break;
		op = *end;
		p = end + (op == ';' ? 1 : 2);
	}
}

/*
 * shell_sigint - the interactive shell's SIGINT handler. The console has
 * echoed "^C" and thrown away what was typed; at the prompt, go back to
 * draw a new one, else leave a mark for the next prompt.
 */
static void shell_sigint(int sig)
{
	(void)sig;
	sigint_caught = 1;
	if (prompt_armed) {
		prompt_armed = 0;
		longjmp(prompt_jump, 1);	/* SIGINT stays blocked, as in the handler */
	}
}

/* After a jump out of the handler: SIGINT is still blocked as in the handler. */
static void unblock_sigint(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/*
 * read_command_line - the interactive prompt: "$ ", then a line of r into
 * line, as read_line. A Ctrl-C at any moment until the line is in (before
 * the prompt is written, while it is, during the read, right after it)
 * gives a new line, $? 130 and a new prompt, and drops what was read.
 * The handler jumps back here from the moment prompt_armed is set, and
 * sigint_caught is tested only after that, so no Ctrl-C falls in between;
 * the console's "^C" echo comes before or after the prompt's write, never
 * inside it, so the new line always follows it. Writes go straight to
 * write(2): nothing the jump could leave half done.
 */
static int read_command_line(struct line_reader *r, char *line, size_t size)
{
	int len;

	if (setjmp(prompt_jump))
		unblock_sigint();
	for (;;) {
		prompt_armed = 1;
		if (!sigint_caught)
			break;
		prompt_armed = 0;
		sigint_caught = 0;
		write(STDERR_FILENO, "\n", 1);
		shell.last_status = STATUS_INTERRUPTED;
		r->start = r->end = 0;
	}
	write(STDERR_FILENO, "$ ", 2);
	len = read_line(r, line, size);
	prompt_armed = 0;
	return len;
}

/* run_lines_from - runs every line of fd until its end; prompts if interactive. */
static void run_lines_from(int fd, size_t chunk)
{
	static struct line_reader reader;
	static char line[SH_LINE_SIZE];

	reader.fd = fd;
	reader.chunk = chunk;
	reader.start = reader.end = 0;
	for (;;) {
		int len;

		if (shell.interactive)
			len = read_command_line(&reader, line, sizeof(line));
		else
			len = read_line(&reader, line, sizeof(line));
		if (len == LINE_END_OF_INPUT)
			return;
		if (len == LINE_TOO_LONG) {
			fprintf(stderr, "sh: line too long (at most %d bytes)\n", SH_LINE_SIZE - 1);
			shell.last_status = STATUS_SYNTAX_ERROR;
			continue;
		}
		run_list(line);
	}
}

/* run_string - sh -c: each line of text in turn. */
static void run_string(const char *text)
{
	while (*text) {
		size_t len = strcspn(text, "\n");
		char *line = strndup(text, len);

		if (!line) {
			fprintf(stderr, "sh: out of memory\n");
			exit(1);
		}
		run_list(line);
		free(line);
		text += len;
		if (*text == '\n')
			text++;
	}
}

/*
 * start_job_control - the interactive shell leads its own process group,
 * makes it the terminal's foreground group, ignores the keyboard's
 * signals but SIGINT, which it catches (errors ignored: a kernel without
 * them still gets a shell).
 */
static void start_job_control(void)
{
	struct sigaction action = { .sa_handler = shell_sigint, .sa_flags = SA_RESTART };

	set_job_control_signals(SIG_IGN);
	sigemptyset(&action.sa_mask);
	sigaction(SIGINT, &action, NULL);
	setpgid(0, 0);
	shell.pgid = getpgrp();
	if (shell.pgid <= 0)
		shell.pgid = getpid();
	tcsetpgrp(STDIN_FILENO, shell.pgid);
}

static void __attribute__((noreturn)) usage(void)
{
	fprintf(stderr, "usage: sh [-i] | sh -c 'COMMAND [ARGS...]' | sh FILE\n");
	exit(STATUS_SYNTAX_ERROR);
}

int main(int argc, char **argv)
{
	bool force_interactive = false;
	int fd;

	if (argc > 1 && !strcmp(argv[1], "-c")) {
		if (argc < 3)
			usage();
		run_string(argv[2]);
		return shell.last_status;
	}
	if (argc > 1 && !strcmp(argv[1], "-i")) {
		force_interactive = true;
		argc--;
		argv++;
	}
	if (argc > 1) {
		if (argv[1][0] == '-')
			usage();
		fd = open(argv[1], O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
			return STATUS_NOT_FOUND;
		}
		run_lines_from(fd, SH_LINE_SIZE);
		close(fd);
		return shell.last_status;
	}
	shell.interactive = force_interactive || isatty(STDIN_FILENO);
	if (shell.interactive) {
		start_job_control();
		fprintf(stderr, "Welcome! Type help to see what to try.\n");
	}
	run_lines_from(STDIN_FILENO, isatty(STDIN_FILENO) ? SH_LINE_SIZE : 1);
	shell_exit(shell.last_status);
}
