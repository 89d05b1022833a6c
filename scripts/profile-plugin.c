// SPDX-License-Identifier: MIT
/*
 * A QEMU TCG plugin for scripts/profile: counts the guest instructions
 * executed in each translation block and writes, at exit, one line per
 * block: "start-address instructions-per-block times-executed", plus the
 * times-executed counted before the first user-mode instruction (so that
 * the boot can be subtracted). Debian's QEMU is built with plugin support
 * but ships no plugins and no header, so the few API declarations needed
 * (QEMU's plugin API version 1, include/qemu/qemu-plugin.h) are below.
 *
 * Arguments: out=FILE (default: standard error).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- The plugin API, as declared by QEMU ---- */
typedef uint64_t qemu_plugin_id_t;
struct qemu_plugin_tb;
struct qemu_plugin_insn;
typedef struct qemu_info_t qemu_info_t;
enum qemu_plugin_cb_flags { QEMU_PLUGIN_CB_NO_REGS };
enum qemu_plugin_op { QEMU_PLUGIN_INLINE_ADD_U64 };
typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id, struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);
void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id, qemu_plugin_vcpu_tb_trans_cb_t cb);
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb, enum qemu_plugin_op op,
					      void *ptr, uint64_t imm);
size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id, qemu_plugin_udata_cb_t cb, void *userdata);

__attribute__((visibility("default"))) int qemu_plugin_version = 1;

/* ---- Counting ---- */

/* One translated block; the same address may be translated again (a new record). */
struct block {
	uint64_t vaddr;
	uint64_t insns;
	uint64_t count;		/* incremented inline by the generated code */
	uint64_t boot_count;	/* count when the first user instruction was translated */
	struct block *next;
};

static struct block *blocks;
static bool kernel_seen, user_seen;
static char *out_path;

/*
 * User space: the lower half of the address space from 0x400000, once the
 * kernel (at the top: __START_KERNEL_map) has run; before that the boot
 * loader runs at such addresses too.
 */
static bool is_user(uint64_t vaddr)
{
	if (vaddr >= 0xffffffff80000000ULL)
		kernel_seen = true;
	return kernel_seen && vaddr < 0x0000800000000000ULL && vaddr >= 0x400000;
}

static void tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	struct block *b = calloc(1, sizeof(*b));

	if (!b)
		return;
	b->vaddr = qemu_plugin_tb_vaddr(tb);
	b->insns = qemu_plugin_tb_n_insns(tb);
	b->next = blocks;
	blocks = b;
	if (!user_seen && is_user(b->vaddr)) {
		struct block *p;

		/* Everything counted so far was the boot. */
		user_seen = true;
		for (p = blocks; p; p = p->next)
			p->boot_count = p->count;
	}
	qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64, &b->count, 1);
}

static void at_exit(qemu_plugin_id_t id, void *userdata)
{
	FILE *out = out_path ? fopen(out_path, "w") : stderr;
	struct block *b;

	if (!out)
		return;
	for (b = blocks; b; b = b->next)
		if (b->count)
			fprintf(out, "%llx %llu %llu %llu\n", (unsigned long long)b->vaddr,
				(unsigned long long)b->insns, (unsigned long long)b->count,
				(unsigned long long)b->boot_count);
	if (out != stderr)
		fclose(out);
}

__attribute__((visibility("default")))
int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t *info, int argc, char **argv)
{
	int i;

	for (i = 0; i < argc; i++)
		if (!strncmp(argv[i], "out=", 4))
			out_path = strdup(argv[i] + 4);
	qemu_plugin_register_vcpu_tb_trans_cb(id, tb_trans);
	qemu_plugin_register_atexit_cb(id, at_exit, NULL);
	return 0;
}
