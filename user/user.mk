# User programs (issue 9 and later): every user/NAME.c, or every folder
# user/NAME/ (all its .c files), becomes $(B)/user/bin/NAME, linked
# statically with the libc (libc/libc.mk). USER_BINS lists them all; the
# top Makefile packs them into the initramfs as /bin/NAME.

USER_SINGLE := $(sort $(basename $(notdir $(wildcard user/*.c))))
USER_FOLDERS := $(sort $(notdir $(patsubst %/,%,$(dir $(wildcard user/*/*.c)))))
USER_PROGRAMS := $(sort $(USER_SINGLE) $(USER_FOLDERS))
USER_BINS := $(patsubst %,$(B)/user/bin/%,$(USER_PROGRAMS))

USER_SRCS := $(wildcard user/*.c user/*/*.c)
USER_OBJS := $(patsubst %.c,$(B)/%.o,$(USER_SRCS))

$(USER_OBJS): $(B)/user/%.o: user/%.c
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -c $< -o $@

# The objects of program $(1): user/$(1).c, or everything in user/$(1)/.
user_objects = $(patsubst %.c,$(B)/%.o,$(wildcard user/$(1).c user/$(1)/*.c))

define user_program_rule
$(B)/user/bin/$(1): $(call user_objects,$(1)) $(CRT0) $(LIBC_A) libc/user.ld
	@mkdir -p $$(@D)
	$$(call user_link,$$@,$(call user_objects,$(1)))
endef
$(foreach p,$(USER_PROGRAMS),$(eval $(call user_program_rule,$(p))))

.PHONY: user
user: $(USER_BINS)
