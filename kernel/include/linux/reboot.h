/* SPDX-License-Identifier: MIT */
/*
 * Powering off. Under QEMU the isa-debug-exit device ends the emulator with
 * exit status (status << 1) | 1, which scripts/qemu-run turns back into
 * @status; elsewhere ACPI (port 0x604) powers off, and failing that the
 * CPU halts.
 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/compiler.h>

/* The status a panic powers off with (when panic= asks for it). */
#define PANIC_EXIT_STATUS	112

__noreturn void machine_power_off(int status);
__noreturn void machine_halt(void);

#endif
