# Test programs built against real C libraries (issue 16): each
# tests/abi/NAME.c becomes $(B)/abi/NAME.glibc (the host's `gcc -static`,
# glibc from libc6-dev) and $(B)/abi/NAME.musl (`musl-gcc -static`, from
# musl-tools), unmodified Linux programs from one source. They use the checks
# of user/test.h, which needs nothing but the C library. tests/user/abi.test
# runs them on this kernel (scripts/qemu-run --add) and, with `linux: same`,
# on Linux 6.1 (scripts/linux-run --add), which must print the same checks.

ABI_PROGRAMS := $(sort $(basename $(notdir $(wildcard tests/abi/*.c))))
ABI_BINS := $(foreach p,$(ABI_PROGRAMS),$(B)/abi/$(p).glibc $(B)/abi/$(p).musl)
TEST_USER_BINS += $(ABI_BINS)

MUSL_GCC ?= musl-gcc
ABI_CFLAGS := -std=gnu11 -O2 -g $(WARN) -static -Iuser

$(B)/abi/%.glibc: tests/abi/%.c user/test.h
	@mkdir -p $(@D)
	$(HOSTCC) $(ABI_CFLAGS) -o $@ $<

$(B)/abi/%.musl: tests/abi/%.c user/test.h
	@mkdir -p $(@D)
	$(MUSL_GCC) $(ABI_CFLAGS) -o $@ $<

.PHONY: abi
abi: $(ABI_BINS)
