// SPDX-License-Identifier: MIT
/*
 * The console terminal's line discipline, in the manner of Linux's n_tty
 * in cooked mode: typed characters are echoed and collected into a line
 * (backspace erases, Enter ends the line, Ctrl-D ends input, Ctrl-C sends
 * SIGINT to the foreground process group); read() returns whole lines.
 * With ICANON cleared by TCSETS, characters are passed on as they come.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/tty.h>
#include <asm/processor.h>

#define TTY_BUFFER_SIZE	1024
#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TIOCGPGRP	0x540f
#define TIOCSPGRP	0x5410
#define TIOCGWINSZ	0x5413
#define ISIG		0000001
#define ICANON		0000002
#define ECHO		0000010
#define CTRL(c)		((c) & 0x1f)
#define DELETE		0x7f

/* The kernel's struct termios for TCGETS/TCSETS (asm-generic/termbits.h). */
struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[19];
};

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

static struct termios termios = {
	.c_iflag = 0000400,			/* ICRNL */
	.c_oflag = 0000005,			/* OPOST | ONLCR */
	.c_cflag = 0000277,			/* B38400 | CS8 | CREAD */
	.c_lflag = ISIG | ICANON | ECHO | 0001000 | 0000020 | 0000040,	/* + ECHOCTL, ECHOE, ECHOK */
	.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22 },
};
static char editing[TTY_BUFFER_SIZE];	/* the line being typed */
static size_t editing_length;
static char ready[TTY_BUFFER_SIZE];	/* input that read() may take */
static size_t ready_length;
static int end_of_file_marks;		/* Ctrl-D on an empty line: read returns 0 */
static pid_t foreground_pgid = 1;
static DECLARE_WAIT_QUEUE_HEAD(tty_read_wait);

static void echo(const char *text, size_t length)
{
	if (termios.c_lflag & ECHO)
		console_write(text, length);
}

/* Move the edited line to the ready buffer (Enter or Ctrl-D). */
static void commit_line(void)
{
	size_t n = min(editing_length, TTY_BUFFER_SIZE - ready_length);

	memcpy(ready + ready_length, editing, n);
	ready_length += n;
	editing_length = 0;
	wake_up(&tty_read_wait);
}

static void interrupt_foreground(void)
{
	struct task_struct *p;

	echo("^C", 2);		/* as n_tty with ECHOCTL; the shell moves to a new line */
	editing_length = 0;
	for_each_process(p)
		if (p->pgid == foreground_pgid && p->pid)
			send_sig(SIGINT, p);
}

/* Cooked-mode handling of one typed character. */
static void receive_canonical(char c)
{
	if (c == DELETE || c == '\b') {
		if (editing_length) {
			editing_length--;
			echo("\b \b", 3);
		}
	} else if (c == CTRL('D')) {
		if (!editing_length)
			end_of_file_marks++;
		commit_line();
	} else if (c == '\n') {
		if (editing_length < TTY_BUFFER_SIZE)
			editing[editing_length++] = c;
		echo("\n", 1);
		commit_line();
	} else if (editing_length < TTY_BUFFER_SIZE - 1) {
		editing[editing_length++] = c;
		echo(&c, 1);
	}
}

/* The console's input hook: every received character passes through here (interrupt context). */
static bool tty_receive_char(char c)
{
	if (c == '\r')
		c = '\n';			/* ICRNL */
	if ((termios.c_lflag & ISIG) && c == CTRL('C')) {
		interrupt_foreground();
		wake_up(&tty_read_wait);
	} else if (termios.c_lflag & ICANON) {
		receive_canonical(c);
	} else if (ready_length < TTY_BUFFER_SIZE) {
		ready[ready_length++] = c;
		echo(&c, 1);
		wake_up(&tty_read_wait);
	}
	return true;
}

void tty_init(void)
{
	int c;

	console_input_hook = tty_receive_char;
	while ((c = console_read_char()) >= 0)	/* anything typed before now */
		tty_receive_char(c);
}

/* How many ready bytes one read may take: in cooked mode, up to the end of the first line. */
static size_t readable_length(size_t count)
{
	size_t n = min(count, ready_length);

	if (termios.c_lflag & ICANON)
		for (size_t i = 0; i < n; i++)
			if (ready[i] == '\n')
				return i + 1;
	return n;
}

ssize_t tty_read(char *kbuf, size_t count)
{
	unsigned long flags;
	size_t n;
	int err;

	if (!count)
		return 0;
	err = wait_event_interruptible(tty_read_wait, ready_length || end_of_file_marks);
	if (err)
		return err;
	flags = local_irq_save();
	n = readable_length(count);
	if (n == 0 && end_of_file_marks) {
		end_of_file_marks--;
	} else {
		memcpy(kbuf, ready, n);
		memmove(ready, ready + n, ready_length - n);
		ready_length -= n;
	}
	local_irq_restore(flags);
	return n;
}

ssize_t tty_write(const char *kbuf, size_t count)
{
	console_write(kbuf, count);
	return count;
}

long tty_ioctl(unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	struct winsize size = { 25, 80, 0, 0 };
	pid_t pgid;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(argp, &termios, sizeof(termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return copy_from_user(&termios, argp, sizeof(termios)) ? -EFAULT : 0;
	case TIOCGWINSZ:
		return copy_to_user(argp, &size, sizeof(size)) ? -EFAULT : 0;
	case TIOCGPGRP:
		return put_user(foreground_pgid, (pid_t __user *)argp);
	case TIOCSPGRP:
		if (get_user(pgid, (pid_t __user *)argp))
			return -EFAULT;
		if (pgid <= 0)
			return -EINVAL;
		foreground_pgid = pgid;
		return 0;
	default:
		return -ENOTTY;
	}
}
