// SPDX-License-Identifier: MIT
/* The console's input queue (see linux/console.h). */
#include <linux/console.h>

#define INPUT_QUEUE_SIZE	256

static char input_queue[INPUT_QUEUE_SIZE];
static unsigned int input_head, input_tail;	/* head: next to read; tail: next free */
bool (*console_input_hook)(char c);

/* From the UART interrupt: offer @c to the input hook (the tty), else queue it; drops it when the queue is full. */
void console_receive_char(char c)
{
	if (console_input_hook && console_input_hook(c))
		return;
	if (input_tail - input_head == INPUT_QUEUE_SIZE)
		return;		/* full: drop, as a UART overrun would */
	input_queue[input_tail++ % INPUT_QUEUE_SIZE] = c;
}

/* The oldest queued input byte, or -1 when none is waiting. */
int console_read_char(void)
{
	if (input_head == input_tail)
		return -1;
	return (unsigned char)input_queue[input_head++ % INPUT_QUEUE_SIZE];
}
