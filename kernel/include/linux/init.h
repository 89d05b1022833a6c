/* SPDX-License-Identifier: MIT */
/*
 * Boot-time hooks. early_param("name", fn) registers fn(value) to be
 * called by parse_early_param() for each "name" or "name=value" word of
 * the kernel command line (value is "" for a bare word).
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *value);
};

#define early_param(name, fn)						\
	static const struct obs_kernel_param __setup_##fn		\
	__used __section("early_params") __aligned(8) = { name, fn }

extern char boot_command_line[];	/* the command line, as given by the loader */

void parse_early_param(void);
/* The value of "name=value" on the command line, or NULL (for kernel code that polls). */
const char *cmdline_get(const char *name);

#endif
