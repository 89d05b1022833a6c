# Debian's static busybox (issue 16), fetched once by scripts/busybox-static
# with apt-get download into $(B)/busybox/busybox: tests/user/busybox.test
# runs a scripted session of it, and `make run BUSYBOX=1` puts its applets
# in /bin beside the kernel's own tools. `make test` fetches it.

BUSYBOX_BIN := $(B)/busybox/busybox
TEST_USER_BINS += $(BUSYBOX_BIN)

$(BUSYBOX_BIN): scripts/busybox-static
	$(Q)scripts/busybox-static --build-dir $(B) >/dev/null && touch $@
