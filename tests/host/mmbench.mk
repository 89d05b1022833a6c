# The mm system-call benchmark (issue 11): tests/bench/mmbench.c, one
# freestanding static program making raw Linux x86-64 system calls only (no
# libc), so the same binary runs on this kernel (scripts/qemu-run --add) and
# as /init on Linux 6.1 (scripts/bench). `make test` builds it and runs it
# briefly (tests/user/mmbench.test); `make bench` runs it in full.

MMBENCH := $(B)/bench/mmbench
TEST_USER_BINS += $(MMBENCH)

# -mgeneral-regs-only: no SSE state is needed across fork and context switches.
MMBENCH_CFLAGS := -std=gnu11 -O2 -g $(WARN) -ffreestanding -nostdlib -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) \
	-fno-pic -fno-pie -static -fno-stack-protector -mgeneral-regs-only \
	-fno-builtin -fno-common
MMBENCH_LDFLAGS := -static -nostdlib -T libc/user.ld -z max-page-size=0x1000 -z noexecstack

$(B)/bench/mmbench.o: tests/bench/mmbench.c
	@mkdir -p $(@D)
	$(CC) $(MMBENCH_CFLAGS) -c $< -o $@

$(MMBENCH): $(B)/bench/mmbench.o libc/user.ld
	$(LD) $(MMBENCH_LDFLAGS) -o $@ $<
