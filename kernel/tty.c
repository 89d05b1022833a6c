/*
 * The console terminal's line discipline, in the manner of Linux's n_tty
 * in cooked mode: typed characters are echoed and collected into a line
 * (backspace erases, Enter ends the line, Ctrl-D ends input, Ctrl-C sends
 * SIGINT to the foreground process group and discards all pending input);
 * read() returns at most one line. With ICANON cleared by TCSETS,
 * characters are passed on as they come.
 *
 * Input waits in one ring of N_TTY_BUF_SIZE bytes, as in n_tty, from the
 * moment the serial port's input is on at boot: typeahead is kept whole
 * and in order until a program reads it. When the ring is full the tty
 * throttles, as n_tty does: the serial driver leaves further input in the
 * UART (QEMU holds it back) until a read makes room. One line holds at
 * most N_TTY_BUF_SIZE - 1 characters; the last place is kept for the
 * newline (or Ctrl-D) that ends it, and characters typed beyond that are
 * dropped, as Linux drops them.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/tty.h>
#include <asm/processor.h>

#define N_TTY_BUF_SIZE	4096	/* a power of two: ring positions are masked */
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
#define EOF_MARK	CTRL('D')	/* stored where Ctrl-D ended a line; never copied out */

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

/*
 * The input ring (n_tty's read_buf): [read_tail, canon_head) may be read,
 * [canon_head, read_head) is the line being typed. Positions only grow and
 * are masked on use. line_end marks the bytes that end a line.
 */
static char read_buf[N_TTY_BUF_SIZE];
static bool line_end[N_TTY_BUF_SIZE];
static unsigned int read_tail, canon_head, read_head;
static bool throttled;		/* tty_receive_room said no: the driver waits */
static pid_t foreground_pgid = 1;
static DECLARE_WAIT_QUEUE_HEAD(tty_read_wait);

static void echo(const char *text, size_t length)
{
	if (termios.c_lflag & ECHO)
		console_write(text, length);
}

static unsigned int buffered(void)
{
	return read_head - read_tail;
}

/* Append @c to the ring (the caller checked the room); @ends_line marks a line's end. */
static void put_char(char c, bool ends_line)
{
	read_buf[read_head % N_TTY_BUF_SIZE] = c;
	line_end[read_head % N_TTY_BUF_SIZE] = ends_line;
	read_head++;
}

/* Make everything typed so far readable (a line ended, or raw mode). */
static void commit_input(void)
{
	canon_head = read_head;
	wake_up(&tty_read_wait);
}

/* Room was made (a read, a flush): let a waiting driver go on. Interrupts off. */
static void unthrottle(void)
{
	if (throttled) {
		throttled = false;
		console_unthrottle();
	}
}

/* Ctrl-C: discard all pending input (n_tty's isig without NOFLSH) and signal the foreground. */
static void interrupt_foreground(void)
{
	struct task_struct *p;

	echo("^C", 2);		/* as n_tty with ECHOCTL; the shell moves to a new line */
	read_tail = canon_head = read_head;
	for_each_process(p)
		if (p->pgid == foreground_pgid && p->pid)
			send_sig(SIGINT, p);
	wake_up(&tty_read_wait);
}

/* Cooked-mode handling of one typed character. */
static void receive_canonical(char c)
{
	if (c == DELETE || c == '\b') {
		if (read_head != canon_head) {
			read_head--;
			echo("\b \b", 3);
		}
	} else if (c == CTRL('D') || c == '\n') {
		if (buffered() == N_TTY_BUF_SIZE)
			return;
		put_char(c == '\n' ? '\n' : EOF_MARK, true);
		if (c == '\n')
			echo("\n", 1);
		commit_input();
	} else if (buffered() < N_TTY_BUF_SIZE - 1) {
		put_char(c, false);
		echo(&c, 1);
	}
}

/*
 * May the driver hand over one more character? Yes while the ring has
 * room; in cooked mode also when one unfinished line fills it, so that
 * its newline can still come (the characters before it are dropped);
 * no while whole lines wait for a reader, who will make room.
 */
bool tty_receive_room(void)
{
	bool room = buffered() < N_TTY_BUF_SIZE - 1;

	if (!(termios.c_lflag & ICANON))
		room = buffered() < N_TTY_BUF_SIZE;
	else if (!room)
		room = canon_head == read_tail;
	if (!room)
		throttled = true;
	return room;
}

/* Every received character passes through here (interrupt context). */
void tty_receive_char(char c)
{
	if (c == '\r')
		c = '\n';			/* ICRNL */
	if ((termios.c_lflag & ISIG) && c == CTRL('C')) {
		interrupt_foreground();
	} else if (termios.c_lflag & ICANON) {
		receive_canonical(c);
	} else if (buffered() < N_TTY_BUF_SIZE) {
		put_char(c, false);
		echo(&c, 1);
		commit_input();
	}
}

/*
 * copy_line - move at most @count readable bytes to @kbuf; in cooked mode
 * stop after the first line's end. A Ctrl-D mark ends the line without
 * being copied: alone, it makes read() return 0 (end of input).
 */
static size_t copy_line(char *kbuf, size_t count)
{
	size_t n = 0;

	while (n < count && read_tail != canon_head) {
		unsigned int at = read_tail % N_TTY_BUF_SIZE;
		bool ends = line_end[at] && (termios.c_lflag & ICANON);

		read_tail++;
		if (ends && read_buf[at] == EOF_MARK)
			break;
		kbuf[n++] = read_buf[at];
		if (ends)
			break;
	}
	return n;
}

ssize_t tty_read(char *kbuf, size_t count)
{
	unsigned long flags;
	size_t n;
	int err;

	if (!count)
		return 0;
	err = wait_event_interruptible(tty_read_wait, read_tail != canon_head);
	if (err)
		return err;
	flags = local_irq_save();
	n = copy_line(kbuf, count);
	unthrottle();
	local_irq_restore(flags);
	return n;
}

/*
 * Write @count bytes (a chunk of at most a few hundred) with interrupts
 * off, so that the echo of a key typed meanwhile comes before or after
 * them, never in the middle: "$ ^C", not "$^C " (n_tty's output_lock).
 */
ssize_t tty_write(const char *kbuf, size_t count)
{
	unsigned long flags = local_irq_save();

	console_write(kbuf, count);
	local_irq_restore(flags);
	return count;
}

/* TCSETSF: throw away what was typed and not yet read. */
static void flush_input(void)
{
	unsigned long flags = local_irq_save();

	read_tail = canon_head = read_head;
	unthrottle();
	local_irq_restore(flags);
}

/*
 * TCSETS: the new settings. Leaving cooked mode makes the line being
 * typed readable; entering it turns unread raw input into that line.
 */
static long set_termios(const void __user *argp)
{
	struct termios new;
	unsigned long flags;

	if (copy_from_user(&new, argp, sizeof(new)))
		return -EFAULT;
	flags = local_irq_save();
	if ((new.c_lflag ^ termios.c_lflag) & ICANON)
		canon_head = (new.c_lflag & ICANON) ? read_tail : read_head;
	termios = new;
	unthrottle();
	local_irq_restore(flags);
	wake_up(&tty_read_wait);
	return 0;
}

long tty_ioctl(unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	struct winsize size = { 25, 80, 0, 0 };
	pid_t pgid;

	switch (cmd) {
	case TCGETS:
		return copy_to_user(argp, &termios, sizeof(termios)) ? -EFAULT : 0;
	case TCSETSF:
		flush_input();
		fallthrough;
	case TCSETS:
	case TCSETSW:
		return set_termios(argp);
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
