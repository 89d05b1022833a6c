# Host tests of the user-space libc (issue 9): the printf engine against
# glibc's snprintf, and the allocator over a fake sbrk.
HOST_TESTS += libc_printf libc_malloc
host_libc_printf_SRCS := libc/stdio/vformat.c tests/host/test_libc_printf.c
host_libc_malloc_SRCS := libc/malloc/malloc.c tests/host/test_libc_malloc.c
host_libc_malloc_CFLAGS := -DLIBC_HOST_TEST
