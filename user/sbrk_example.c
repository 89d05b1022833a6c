#include <stdio.h>
#include <unistd.h>

int main(void)
{
        printf("sbrk return %p\n", sbrk(0));
        return 0;
}
