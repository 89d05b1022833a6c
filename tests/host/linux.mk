# The /init that scripts/linux-run boots Linux 6.1 with (tests/linux/init.c):
# it mounts /proc, runs a program of build/user/bin with its arguments,
# prints how it ended and powers off. Built against the project's libc; only
# ever run on Linux. `make test` builds it (so it stays warning-free) but does
# not run it: that needs the Linux kernel package scripts/linux-6.1-kernel fetches.

LINUX_INIT := $(B)/tests/linux/init
TEST_USER_BINS += $(LINUX_INIT)

$(B)/tests/linux/init.o: tests/linux/init.c
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -c $< -o $@

$(LINUX_INIT): $(B)/tests/linux/init.o $(CRT0) $(LIBC_A) libc/user.ld
	$(call user_link,$@,$<)
