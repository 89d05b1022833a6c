/*
 * Write through a wild pointer. Run it to see the kernel's segfault line
 * (NAME[PID]: segfault at ADDR ip IP sp SP error N in NAME[BASE+SIZE])
 * and the shell's "Segmentation fault".
 */
#include <stdio.h>

int main(void)
{
	volatile int *wild = (volatile int *)0xdead0000UL;

	printf("writing to %p\n", (void *)wild);
	fflush(stdout);
	*wild = 1;
	printf("not reached\n");
	return 0;
}
