# The teaching kernel's build. `make help` lists the targets.
#
# Toolchain: x86_64-elf-gcc when it is on PATH, otherwise the host GCC in
# freestanding mode; `make CC=clang` also works. DEBUG=1 builds into
# build/debug with -Og (what `make debug`/`make gdb` use).

ifneq ($(shell command -v x86_64-elf-gcc 2>/dev/null),)
CROSS_COMPILE ?= x86_64-elf-
endif
ifeq ($(origin CC),default)
CC := $(CROSS_COMPILE)gcc
endif
LD := $(CROSS_COMPILE)ld
NM := $(CROSS_COMPILE)nm
OBJCOPY := $(CROSS_COMPILE)objcopy
HOSTCC ?= gcc
PYTHON ?= python3

DEBUG ?= 0
ifeq ($(DEBUG),1)
B := build/debug
OPT := -Og
else
B := build
OPT := -O2
endif

CMDLINE ?=
QEMUFLAGS ?=
WERROR ?= 0
# TRACEPOINTS=0: the trace hooks compiled out, in build/notrace (make bench's baseline)
TRACEPOINTS ?= 1

WARN := -Wall -Wextra -Wno-unused-parameter
ifeq ($(WERROR),1)
WARN += -Werror
endif

# The user-space API (include/uapi, as Linux's): errno values, signal numbers,
# open/fcntl flags... written once, for the kernel, the libc and the host
# tests. The kernel includes them as <uapi/linux/X.h> where its own
# <linux/X.h> has the same name, as Linux does.
UAPI_INCLUDE := -Iinclude/uapi -Iinclude

# The kernel: freestanding, no host headers (only the compiler's own
# stddef/stdint/stdarg/stdbool), no SSE/FPU, frame pointers kept for backtraces,
# the stack protector with its canary in __stack_chk_guard (asm/stackprotector.h).
KCFLAGS := -std=gnu11 $(OPT) -g $(WARN) -ffreestanding -nostdlib -nostdinc \
	-isystem $(shell $(CC) -print-file-name=include) \
	-mno-red-zone -mcmodel=kernel -fno-pic -fno-pie \
	-fstack-protector-strong -mstack-protector-guard=global \
	-mno-sse -mno-sse2 -mno-mmx -mno-80387 -mno-3dnow \
	-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -fno-optimize-sibling-calls \
	-fno-strict-aliasing -fno-common -fno-builtin-printf -fno-delete-null-pointer-checks \
	-Ikernel/include $(UAPI_INCLUDE) -MMD -MP
KASFLAGS := -D__ASSEMBLER__ -Ikernel/include $(UAPI_INCLUDE) -g -MMD -MP
ifeq ($(TRACEPOINTS),0)
KCFLAGS += -DCONFIG_NO_TRACEPOINTS
B := $(B)/notrace
endif
KLDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack --no-warn-rwx-segments

KERNEL_C := $(shell find kernel -name '*.c' | sort)
KERNEL_S := $(shell find kernel -name '*.S' | sort)
KERNEL_OBJS := $(patsubst %.c,$(B)/%.o,$(KERNEL_C)) $(patsubst %.S,$(B)/%.o,$(KERNEL_S))

ISO := $(B)/kernel.iso
KERNEL := $(B)/kernel.elf

.PHONY: all run debug gdb test test-repeat check-host check-kernel bench clean help install-deps
.PHONY: mmviz test-browser docs-images
.PHONY: handout grade autograder
all: $(KERNEL) $(ISO)

# V=1 shows the full commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

# Objects are rebuilt when the flags in this Makefile change.
$(B)/%.o: %.c Makefile
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

$(B)/%.o: %.S Makefile
	@mkdir -p $(@D)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(KASFLAGS) -c $< -o $@

# kallsyms: link once with an empty symbol table, generate the table from
# that image, link again. The table lives in its own section after .bss,
# so its size does not move any other symbol between the two links.
$(B)/kallsyms0.S:
	@mkdir -p $(@D)
	$(Q)$(PYTHON) scripts/kallsyms.py /dev/null > $@

$(B)/kernel.pass1.elf: $(KERNEL_OBJS) $(B)/kallsyms0.o linker.ld
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -T linker.ld -o $@ $(KERNEL_OBJS) $(B)/kallsyms0.o

$(B)/kallsyms.S: $(B)/kernel.pass1.elf scripts/kallsyms.py
	$(Q)$(NM) -n -S $< | $(PYTHON) scripts/kallsyms.py - > $@

$(KERNEL): $(KERNEL_OBJS) $(B)/kallsyms.o linker.ld scripts/check-flat-image
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(LD) $(KLDFLAGS) -T linker.ld -o $@ $(KERNEL_OBJS) $(B)/kallsyms.o
	@$(PYTHON) scripts/kallsyms.py --check $(B)/kernel.pass1.elf $@
	@$(PYTHON) scripts/check-flat-image $@

# User space: the libc, the programs in user/, the initramfs.
include $(wildcard libc/libc.mk)
include $(wildcard user/user.mk)

INITRAMFS := $(B)/initramfs.cpio
$(INITRAMFS): $(USER_BINS) scripts/make-initramfs
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CPIO    $@")
	$(Q)scripts/make-initramfs --strip $(OBJCOPY) -o $@ $(USER_BINS)

$(ISO): $(KERNEL) $(INITRAMFS) iso/boot/grub/grub.cfg scripts/make-iso
	@$(if $(Q),echo "  ISO     $@")
	$(Q)OBJCOPY=$(OBJCOPY) scripts/make-iso --kernel $(KERNEL) --initramfs $(INITRAMFS) --cmdline "$(CMDLINE)" -o $@

# Host tests and benchmarks: each tests/host/*.mk fragment adds names to
# HOST_TESTS / HOST_BENCHES and lists their sources in host_NAME_SRCS /
# bench_NAME_SRCS. The mm code is built with CONFIG_HOST_TEST.
HOST_TESTS :=
HOST_BENCHES :=
include $(sort $(wildcard tests/host/*.mk))

HOST_CFLAGS := -std=gnu11 -g -O1 $(WARN) -DCONFIG_HOST_TEST \
	-Ikernel/include $(UAPI_INCLUDE) -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer
BENCH_CFLAGS := -std=gnu11 -g -O2 $(WARN) -DCONFIG_HOST_TEST \
	-Ikernel/include $(UAPI_INCLUDE) -DNDEBUG
HOST_COMMON := kernel/lib/kunit.c tests/host/kunit_main.c tests/host/host_kernel.c
BENCH_COMMON := tests/host/host_kernel.c

define host_test_rule
$(B)/host/test_$(1): $$(host_$(1)_SRCS) $(HOST_COMMON) $$(wildcard kernel/include/*/*.h include/uapi/*/*.h)
	@mkdir -p $$(@D)
	$(HOSTCC) $(HOST_CFLAGS) $$(host_$(1)_CFLAGS) -o $$@ $$(host_$(1)_SRCS) $(HOST_COMMON) $$(host_$(1)_LIBS)
endef
define host_bench_rule
$(B)/host/bench_$(1): $$(bench_$(1)_SRCS) $(BENCH_COMMON) $$(wildcard kernel/include/*/*.h include/uapi/*/*.h)
	@mkdir -p $$(@D)
	$(HOSTCC) $(BENCH_CFLAGS) $$(bench_$(1)_CFLAGS) -o $$@ $$(bench_$(1)_SRCS) $(BENCH_COMMON) $$(bench_$(1)_LIBS)
endef
$(foreach t,$(HOST_TESTS),$(eval $(call host_test_rule,$(t))))
$(foreach t,$(HOST_BENCHES),$(eval $(call host_bench_rule,$(t))))
HOST_TEST_BINS := $(patsubst %,$(B)/host/test_%,$(HOST_TESTS))
HOST_BENCH_BINS := $(patsubst %,$(B)/host/bench_%,$(HOST_BENCHES))

install-deps:
	@scripts/install-deps

run: install-deps all $(if $(filter 1,$(BUSYBOX)),$(BUSYBOX_BIN))
	scripts/qemu-run --interactive $(if $(CMDLINE),--cmdline "$(CMDLINE)") \
		$(if $(filter 1,$(BUSYBOX)),--busybox $(BUSYBOX_BIN))

debug:
	@$(MAKE) --no-print-directory DEBUG=1 install-deps all
	scripts/qemu-run --interactive --debug --build-dir build/debug $(if $(CMDLINE),--cmdline "$(CMDLINE)")

gdb:
	@$(MAKE) --no-print-directory DEBUG=1 all
	scripts/gdb-attach --build-dir build/debug

test: install-deps
	@$(MAKE) --no-print-directory WERROR=1 all $(HOST_TEST_BINS) $(TEST_USER_BINS)
	@$(PYTHON) scripts/run-tests --build-dir $(B) $(HOST_TEST_BINS)

# Timing-dependent user tests, many runs in a row: make test-repeat TEST='shell tty' N=50 J=2
TEST ?= shell shell_interrupt tty signal processes
N ?= 50
J ?= 2
test-repeat: install-deps
	@$(MAKE) --no-print-directory WERROR=1 all
	@scripts/user-test --build-dir $(B) --repeat $(N) --jobs $(J) $(TEST)

check-host: $(HOST_TEST_BINS)
	@$(PYTHON) scripts/run-tests --build-dir $(B) --only host $(HOST_TEST_BINS)

check-kernel: install-deps all
	@$(PYTHON) scripts/run-tests --build-dir $(B) --only kernel

# make mmviz PROG='brkdemo' (any /bin program and its arguments): build/mmviz/NAME.html
mmviz: install-deps all
	@test -n "$(PROG)" || { echo "usage: make mmviz PROG='brkdemo [ARGS]'"; exit 2; }
	@scripts/mmviz --no-build --build-dir $(B) $(PROG)

test-browser: install-deps
	@$(MAKE) --no-print-directory WERROR=1 all
	@scripts/browser-test --build-dir $(B)

# the pictures in docs/ (docs/images/*.png), from mmviz pages of real runs
docs-images: install-deps all
	@scripts/docs-images

bench: install-deps all $(HOST_BENCH_BINS)
	@scripts/bench --build-dir $(B) $(HOST_BENCH_BINS)

# Course labs (docs/labs.md): a student tree, grading with points, a Gradescope bundle.
handout:
	@test -n "$(LAB)" -a -n "$(OUT)" || { echo "usage: make handout LAB=NAME OUT=DIR"; exit 2; }
	@$(PYTHON) scripts/labs handout $(LAB) $(OUT)

grade: install-deps
	@$(PYTHON) scripts/labs grade $(LAB)

autograder:
	@test -n "$(LAB)" || { echo "usage: make autograder LAB=NAME"; exit 2; }
	@$(PYTHON) scripts/labs autograder $(LAB)

clean:
	rm -rf build

help:
	@echo "make            build the kernel ELF, the user programs and the GRUB ISO (build/; scripts/qemu-run --iso boots it)"
	@echo "make run        boot in QEMU to a shell; the console is this terminal (Ctrl-A X quits)"
	@echo "make run BUSYBOX=1   the same with Debian's busybox applets in /bin beside the kernel's tools"
	@echo "make debug      boot paused with the GDB stub; then 'make gdb' in another terminal"
	@echo "make gdb        attach GDB with kernel symbols and the lx- helpers (docs/gdb.md)"
	@echo "make test       every test layer: host, harness, KTAP suites, user programs, libc, shell, gdb"
	@echo "make test-repeat  run timing-dependent user tests many times: TEST='shell tty' N=50 J=2"
	@echo "make check-host / check-kernel   one layer only"
	@echo "make bench      this kernel against Linux 6.1 under QEMU icount, and host microbenchmarks"
	@echo "make mmviz PROG='brkdemo'   replay a program's address space in build/mmviz/NAME.html"
	@echo "make test-browser   the mmviz pages checked in headless Chromium (CI runs it too)"
	@echo "make docs-images    regenerate docs/images/*.png from mmviz pages of real runs"
	@echo "make grade [LAB=NAME]   grade a lab (all labs without LAB): points per test, Score: N/M"
	@echo "make handout LAB=NAME OUT=DIR   a lab's student tree; make autograder LAB=NAME: its Gradescope zip"
	@echo "make clean      remove build/"
	@echo "Options: CMDLINE='...' kernel command line; QEMUFLAGS='...' extra QEMU options;"
	@echo "         CC=clang; CROSS_COMPILE=x86_64-elf-; DEBUG=1; WERROR=1; V=1; GDBPORT=N"

-include $(shell find $(B) -name '*.d' 2>/dev/null)
