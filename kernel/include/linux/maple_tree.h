/* SPDX-License-Identifier: MIT */
/*
 * The maple tree: a B-tree of non-overlapping ranges, as Linux 6.1's
 * include/linux/maple_tree.h and lib/maple_tree.c. It maps every index
 * 0..ULONG_MAX to one pointer; NULL means "nothing here". A process's VMAs
 * live in one (mm->mm_mt), keyed by [vm_start, vm_end - 1].
 * Linux's Documentation/core-api/maple_tree.rst describes this API.
 *
 * Layout (the same as Linux's 64-bit nodes):
 *  - Every node is 256 bytes, 256-byte aligned, from the slab cache
 *    "maple_node" (made by maple_tree_init()).
 *  - maple_leaf_64 (leaves) and maple_range_64 (internal nodes of ordinary
 *    trees): 16 slots, 15 pivots. Slot i covers [pivot[i - 1] + 1, pivot[i]]
 *    (slot 0 starts at the node's minimum). The node's minimum and maximum
 *    are not stored: they come from the parent's pivots (the root covers
 *    0..ULONG_MAX). If the node uses fewer than 16 slots, the pivot of its
 *    last used slot equals the node's maximum, and later pivots are 0; a
 *    full node's last slot ends at the node's maximum.
 *  - maple_arange_64 (internal nodes of MT_FLAGS_ALLOC_RANGE trees):
 *    10 slots, 9 pivots, and gap[i] = the largest run of NULL indices in
 *    child i's subtree; meta.gap is the slot with the largest gap, meta.end
 *    the last used slot. mas_empty_area*() descend only into children whose
 *    gap is large enough, so a free range is found in O(log n).
 *  - Every maximal run of NULL indices is one leaf slot: leaves never hold
 *    two NULL slots side by side, and no leaf but the last ends in NULL.
 *  - Non-root nodes hold at least mt_min_slots[type] slots (6 for 16-slot
 *    nodes, 3 for arange64), except on the right edge of the tree (a node
 *    whose maximum is ULONG_MAX), which appends leave short, as in Linux;
 *    an internal root has at least 2 children.
 *
 * Pointer encoding (all node addresses are 256-aligned, so the low 8 bits
 * are free):
 *  - struct maple_enode * (a slot of an internal node, tree->ma_root,
 *    mas->node): node address | (enum maple_type << 3).
 *  - struct maple_pnode * (node->parent): for the root, the tree's address
 *    | 1 (MAPLE_PARENT_ROOT); otherwise the parent node's address
 *    | (slot in the parent << 3) | 2 if the parent is a maple_arange_64.
 *    A node being freed by a write points its parent at itself ("dead").
 *
 * Differences from Linux, all simplifications: the tree has no lock of its
 * own (this kernel's mm is single-threaded; MT_FLAGS_LOCK_* are kept for
 * the callers' sake), no RCU mode, and a single entry at index 0 is kept in
 * a leaf rather than directly in ma_root.
 */
#ifndef _LINUX_MAPLE_TREE_H
#define _LINUX_MAPLE_TREE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>

struct seq_file;

#define MAPLE_NODE_SLOTS	31	/* (256 - parent) / sizeof(void *) */
#define MAPLE_RANGE64_SLOTS	16
#define MAPLE_ARANGE64_SLOTS	10
#define MAPLE_HEIGHT_MAX	31
#define MAPLE_NODE_MASK		255UL

/* Bits of ma_flags, with Linux's values. */
#define MT_FLAGS_ALLOC_RANGE	0x01	/* track gaps: internal nodes are arange64 */
#define MT_FLAGS_USE_RCU	0x02	/* accepted; no RCU here: nothing reads the tree concurrently */
#define MT_FLAGS_HEIGHT_OFFSET	0x02
#define MT_FLAGS_HEIGHT_MASK	0x7C	/* tree height, 0 for an empty tree */
#define MT_FLAGS_LOCK_MASK	0x300
#define MT_FLAGS_LOCK_IRQ	0x100
#define MT_FLAGS_LOCK_BH	0x200
#define MT_FLAGS_LOCK_EXTERN	0x300	/* the caller's lock protects the tree */

enum maple_type {
	maple_dense,		/* not used here */
	maple_leaf_64,
	maple_range_64,
	maple_arange_64,
};

struct maple_enode;	/* encoded node pointer: never dereferenced */
struct maple_pnode;	/* encoded parent pointer: never dereferenced */

struct maple_metadata {
	unsigned char end;	/* last used slot */
	unsigned char gap;	/* slot with the largest gap */
};

struct maple_range_64 {
	struct maple_pnode *parent;
	unsigned long pivot[MAPLE_RANGE64_SLOTS - 1];
	void *slot[MAPLE_RANGE64_SLOTS];
};

struct maple_arange_64 {
	struct maple_pnode *parent;
	unsigned long pivot[MAPLE_ARANGE64_SLOTS - 1];
	void *slot[MAPLE_ARANGE64_SLOTS];
	unsigned long gap[MAPLE_ARANGE64_SLOTS];
	struct maple_metadata meta;
};

/* A node kept in a maple state for a later write (see mas_preallocate). */
struct maple_alloc {
	unsigned long total;		/* nodes in this list, this one included */
	struct maple_alloc *next;
};

struct maple_node {
	union {
		struct {
			struct maple_pnode *parent;
			void *slot[MAPLE_NODE_SLOTS];
		};
		struct maple_range_64 mr64;
		struct maple_arange_64 ma64;
		struct maple_alloc alloc;
	};
} __aligned(256);

struct maple_tree {
	void *ma_root;			/* encoded root node, NULL when empty */
	unsigned int ma_flags;
};

#define MTREE_INIT(name, __flags) { .ma_root = NULL, .ma_flags = (__flags) }
#define DEFINE_MTREE(name) struct maple_tree name = MTREE_INIT(name, 0)

/* The caller's lock guards the tree (no-op here: nothing runs concurrently). */
#define mt_set_external_lock(mt, lock) do { (void)(mt); (void)(lock); } while (0)
#define mtree_lock(mt)		do { (void)(mt); } while (0)
#define mtree_unlock(mt)	do { (void)(mt); } while (0)

/*
 * A maple state: a position in a tree and the range being read or written.
 * @node is the leaf the state is in, or one of the special values below.
 */
struct ma_state {
	struct maple_tree *tree;
	unsigned long index;		/* first index of the range */
	unsigned long last;		/* last index of the range */
	struct maple_enode *node;	/* leaf of the position, or MAS_* / MA_ERROR */
	unsigned long min;		/* range covered by @node */
	unsigned long max;
	struct maple_alloc *alloc;	/* nodes reserved for writes */
	unsigned char depth;
	unsigned char offset;		/* slot of the position in @node */
};

#define MAS_START	((struct maple_enode *)1UL)	/* walk from the root next */
#define MAS_ROOT	((struct maple_enode *)5UL)
#define MAS_NONE	((struct maple_enode *)9UL)	/* nothing found; restart */
#define MAS_PAUSE	((struct maple_enode *)17UL)	/* continue after mas->last */
#define MA_ERROR(err)	((struct maple_enode *)(((unsigned long)(long)(err) << 2) | 2UL))

#define MA_STATE(name, mt, first, end)					\
	struct ma_state name = {					\
		.tree = mt, .index = first, .last = end,		\
		.node = MAS_START, .min = 0, .max = ULONG_MAX,		\
		.alloc = NULL, .depth = 0, .offset = 0,		\
	}

/* Tree set-up and whole-tree operations. */
void maple_tree_init(void);
/* Nodes taken from the maple_node cache and not yet given back, in all trees. */
unsigned long mt_nr_allocated(void);
static inline void mt_init_flags(struct maple_tree *mt, unsigned int flags)
{
	mt->ma_flags = flags;
	mt->ma_root = NULL;
}
static inline void mt_init(struct maple_tree *mt)
{
	mt_init_flags(mt, 0);
}
static inline bool mtree_empty(const struct maple_tree *mt)
{
	return mt->ma_root == NULL;
}
static inline unsigned int mt_height(const struct maple_tree *mt)
{
	return (mt->ma_flags & MT_FLAGS_HEIGHT_MASK) >> MT_FLAGS_HEIGHT_OFFSET;
}

void *mtree_load(struct maple_tree *mt, unsigned long index);
int mtree_store_range(struct maple_tree *mt, unsigned long index,
		      unsigned long last, void *entry, gfp_t gfp);
int mtree_store(struct maple_tree *mt, unsigned long index, void *entry, gfp_t gfp);
int mtree_insert_range(struct maple_tree *mt, unsigned long first,
		       unsigned long last, void *entry, gfp_t gfp);
int mtree_insert(struct maple_tree *mt, unsigned long index, void *entry, gfp_t gfp);
void *mtree_erase(struct maple_tree *mt, unsigned long index);
void mtree_destroy(struct maple_tree *mt);
void __mt_destroy(struct maple_tree *mt);
void *mt_find(struct maple_tree *mt, unsigned long *index, unsigned long max);
void *mt_find_after(struct maple_tree *mt, unsigned long *index, unsigned long max);

/* Every entry in [index, max]; @index is advanced past each one found. */
#define mt_for_each(__tree, __entry, __index, __max)			\
	for (__entry = mt_find(__tree, &(__index), __max);		\
	     __entry; __entry = mt_find_after(__tree, &(__index), __max))

/* Maple state operations. */
static inline void mas_reset(struct ma_state *mas)
{
	mas->node = MAS_START;
}
static inline void mas_set_range(struct ma_state *mas, unsigned long start,
				 unsigned long last)
{
	mas->index = start;
	mas->last = last;
	mas->node = MAS_START;
}
static inline void mas_set(struct ma_state *mas, unsigned long index)
{
	mas_set_range(mas, index, index);
}
static inline bool mas_is_err(const struct ma_state *mas)
{
	unsigned long node = (unsigned long)mas->node;

	return (node & 3) == 2 && node >= (unsigned long)-4095L << 2;
}
void mas_pause(struct ma_state *mas);

void *mas_walk(struct ma_state *mas);
void *mas_find(struct ma_state *mas, unsigned long max);
void *mas_find_rev(struct ma_state *mas, unsigned long min);
void *mas_next(struct ma_state *mas, unsigned long max);
void *mas_prev(struct ma_state *mas, unsigned long min);

/* Every entry from mas->index up to @max, in order. */
#define mas_for_each(__mas, __entry, __max)				\
	while (((__entry) = mas_find((__mas), (__max))) != NULL)

void *mas_store(struct ma_state *mas, void *entry);
int mas_store_gfp(struct ma_state *mas, void *entry, gfp_t gfp);
int mas_preallocate(struct ma_state *mas, void *entry, gfp_t gfp);
void mas_store_prealloc(struct ma_state *mas, void *entry);
void mas_destroy(struct ma_state *mas);
void *mas_erase(struct ma_state *mas);
unsigned long mas_allocated(const struct ma_state *mas);

int mas_empty_area(struct ma_state *mas, unsigned long min,
		   unsigned long max, unsigned long size);
int mas_empty_area_rev(struct ma_state *mas, unsigned long min,
		       unsigned long max, unsigned long size);

/*
 * The paths a store can take (Linux's mas_wr_modify chooses among the first
 * four, which change one leaf in place and allocate nothing; the rebalance
 * merges a short leaf with its sibling in place, allocating nothing too,
 * and the split cuts an overfull leaf in two in place, allocating one
 * node; the rebuild splits, merges and rebalances everything else; an
 * empty tree gets a root leaf directly). mt_wr_path_count[] counts the
 * stores that took each one; tests clear mt_wr_fast_paths to send every
 * store through the rebuild and compare the trees.
 */
enum maple_wr_path {
	MAPLE_WR_EXACT_FIT,	/* the range is exactly one slot: replace its entry */
	MAPLE_WR_SLOT_STORE,	/* only the boundary between two slots moves */
	MAPLE_WR_APPEND,	/* new slots at the end of the leaf */
	MAPLE_WR_NODE_STORE,	/* the leaf's slots are rewritten in place */
	MAPLE_WR_REBALANCE,	/* a short leaf and its sibling are rewritten in place */
	MAPLE_WR_SPLIT,		/* an overfull leaf splits in two, its parent in place */
	MAPLE_WR_REBUILD,	/* the big-node rebuild (see maple_tree.c) */
	MAPLE_WR_ROOT_EXPAND,	/* the first entry of an empty tree: a new root leaf */
	MAPLE_WR_NR_PATHS,
};
extern unsigned long mt_wr_path_count[MAPLE_WR_NR_PATHS];
extern bool mt_wr_fast_paths;

/* Debugging: check every invariant (0, or -EINVAL after printing the first violation). */
int mt_validate(struct maple_tree *mt);

enum mt_dump_format {
	mt_dump_dec,	/* text, indices in decimal */
	mt_dump_hex,	/* text, indices in hex */
	mt_dump_dot,	/* a Graphviz digraph */
};
/* Print the tree with printk, or into @m when it is not NULL. */
void mt_dump(const struct maple_tree *mt, enum mt_dump_format format);
void mt_dump_seq(struct seq_file *m, const struct maple_tree *mt,
		 enum mt_dump_format format);
/* What mt_dump_lx prints for a leaf's non-NULL @entry. */
typedef void (*mt_dump_label_t)(struct seq_file *m, void *entry);
/* Print @mt into @m as GDB's lx-mtdump does (scripts/gdb/lx_mm.py). */
void mt_dump_lx(struct seq_file *m, const struct maple_tree *mt, mt_dump_label_t label);

#endif
