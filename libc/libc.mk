# The user-space C library (issue 9), included by the top Makefile with B
# (the build directory), CC, LD and WARN already set.
#
# Provides:
#   LIBC_A, CRT0          the library and the start-up object
#   USER_CFLAGS           how user code compiles (-nostdinc, libc/include and
#                         include/uapi, the constants shared with the kernel)
#   USER_LDFLAGS          how user programs link (static, at 0x400000)
#   user_link             $(call user_link,OUTPUT,OBJECTS): the link command
#   TEST_USER_BINS        programs of tests/libc, built by `make test`

LIBGCC := $(shell $(CC) -print-libgcc-file-name)

# GCC turns copy loops into memcpy calls, which inside memcpy would recurse.
LIBC_NO_LOOP_CALLS := $(shell $(CC) -fno-tree-loop-distribute-patterns -x c -E /dev/null \
	>/dev/null 2>&1 && echo -fno-tree-loop-distribute-patterns)

USER_CFLAGS := -std=gnu11 $(OPT) -g $(WARN) -ffreestanding -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) -Ilibc/include -Iinclude/uapi \
	-fno-pic -fno-pie -static -fno-stack-protector \
	-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	-fno-common -MMD -MP
LIBC_CFLAGS := $(USER_CFLAGS) $(LIBC_NO_LOOP_CALLS)
USER_LDFLAGS := -static -nostdlib -T libc/user.ld -z max-page-size=0x1000 -z noexecstack

LIBC_A := $(B)/libc/libc.a
CRT0 := $(B)/libc/crt0.o
LIBC_SRCS := $(sort $(wildcard libc/*/*.c))
LIBC_OBJS := $(patsubst %.c,$(B)/%.o,$(LIBC_SRCS))

# $(call user_link,OUTPUT,OBJECTS)
user_link = $(LD) $(USER_LDFLAGS) -o $(1) $(CRT0) $(2) $(LIBC_A) $(LIBGCC)

$(LIBC_OBJS): $(B)/libc/%.o: libc/%.c
	@mkdir -p $(@D)
	$(CC) $(LIBC_CFLAGS) -c $< -o $@

$(CRT0): libc/crt0.S
	@mkdir -p $(@D)
	$(CC) -D__ASSEMBLER__ -g -c $< -o $@

$(LIBC_A): $(LIBC_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

# tests/libc/portable.c: the same source also builds against glibc (tests/libc/run-on-host.sh).
TEST_USER_BINS += $(B)/tests/libc/portable

$(B)/tests/libc/portable.o: tests/libc/portable.c
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -c $< -o $@

$(B)/tests/libc/portable: $(B)/tests/libc/portable.o $(CRT0) $(LIBC_A) libc/user.ld
	$(call user_link,$@,$<)

.PHONY: libc
libc: $(LIBC_A) $(CRT0)
