// SPDX-License-Identifier: MIT
/*
 * The maple tree (see linux/maple_tree.h for the layout and the encoding).
 * Mirrors Linux 6.1 lib/maple_tree.c in names and meaning; the write path
 * is simpler than Linux's:
 *
 * A store of @entry over [index, last] that stays inside one leaf and
 * leaves it neither overfull nor (off the tree's right edge) underfull is
 * done in that leaf, as Linux's mas_wr_modify() does: an exact fit, a slot
 * store, an append or a node store (see "the fast paths" below); the
 * first store into an empty tree makes a root leaf (mas_root_expand).
 * A store inside one leaf that leaves it short, or ending on a NULL range,
 * merges it with the sibling next to it in place when the parent holds
 * that sibling and can lose a child (mas_wr_rebalance: Linux's
 * mas_rebalance, without the big node); one that overfills it splits it
 * in place when the parent has room for one more child (mas_wr_split:
 * Linux's mas_split, the old leaf kept as the left half). Both start from
 * the leaf the store found, with no walk from the root, and give the tree
 * the rebuild would. Every other store is rebuilt: it walks two paths
 * from the root, to index ("left") and to last ("right"). The leaves
 * between them form the "region" being rewritten. The region's contents,
 * with the new range put in, are laid out in a maple_big_node (an array
 * of ranges). If that fits back into the one leaf it came from, the leaf
 * is rewritten in place and the gaps above it are updated. Otherwise the
 * array is cut into 1..3 new nodes, which replace the region inside the
 * parents' own big node, and the same happens one level up, until a level
 * fits in a single node again or a new root is made. A node left with too few
 * slots takes in a neighbour at its level first (rebalance/merge); when
 * the leaves merged share a parent, they are rewritten where they are and
 * so is the parent (mas_wr_reusable, mas_wr_merge_parent).
 * The nodes a rebuild may need (at most 3 per level + 1; 3 per level that
 * may split when only a leaf overflows; none for such a merge) are
 * allocated before anything changes, so a failed allocation leaves the
 * tree as it was, and a store after mas_preallocate() cannot fail. The
 * fast paths and the rebalance in place allocate nothing, the split in
 * place one node.
 */
#include <linux/maple_tree.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/seq_file.h>

#define MAPLE_PARENT_ROOT	0x1UL	/* parent pointer points at the tree */
#define MAPLE_PARENT_ARANGE64	0x2UL	/* parent node is a maple_arange_64 */
#define MAPLE_PARENT_SLOT_SHIFT	3
#define MAPLE_PARENT_SLOT_MASK	0xF8UL
#define MAPLE_ENODE_TYPE_SHIFT	3
#define MAPLE_ENODE_TYPE_MASK	0xFUL

/* Room for the ranges of a region: 16 + 1 + 16 (see mas_wr_leaf_region). */
#define MAPLE_BIG_NODE_SLOTS	40

static const unsigned char mt_slots[] = {
	[maple_dense] = MAPLE_NODE_SLOTS,
	[maple_leaf_64] = MAPLE_RANGE64_SLOTS,
	[maple_range_64] = MAPLE_RANGE64_SLOTS,
	[maple_arange_64] = MAPLE_ARANGE64_SLOTS,
};

static const unsigned char mt_pivots[] = {
	[maple_dense] = 0,
	[maple_leaf_64] = MAPLE_RANGE64_SLOTS - 1,
	[maple_range_64] = MAPLE_RANGE64_SLOTS - 1,
	[maple_arange_64] = MAPLE_ARANGE64_SLOTS - 1,
};

/* Fewest slots a non-root node may hold (Linux's mt_min_slots). */
static const unsigned char mt_min_slots[] = {
	[maple_dense] = MAPLE_NODE_SLOTS / 2,
	[maple_leaf_64] = MAPLE_RANGE64_SLOTS / 2 - 2,
	[maple_range_64] = MAPLE_RANGE64_SLOTS / 2 - 2,
	[maple_arange_64] = MAPLE_ARANGE64_SLOTS / 2 - 2,
};

static const char *const mt_type_names[] = {
	[maple_dense] = "dense",
	[maple_leaf_64] = "leaf64",
	[maple_range_64] = "range64",
	[maple_arange_64] = "arange64",
};

static struct kmem_cache *maple_node_cache;

/*
 * The ranges of one level of a region being rebuilt: slot[i] covers
 * [pivot[i - 1] + 1, pivot[i]] (slot 0 starts at @min). In internal
 * levels slot[i] is a child and gap[i] its largest gap.
 */
struct maple_big_node {
	unsigned long min;
	unsigned char count;
	void *slot[MAPLE_BIG_NODE_SLOTS];
	unsigned long pivot[MAPLE_BIG_NODE_SLOTS];
	unsigned long gap[MAPLE_BIG_NODE_SLOTS];
};

/* One node of a walk from the root: the node, its range, the slot taken. */
struct maple_step {
	struct maple_enode *node;
	unsigned long min;
	unsigned long max;
	unsigned char offset;
};

/* A write in progress: the two paths bounding the region, by level (0 = leaf). */
struct maple_wr_state {
	struct ma_state *mas;
	struct maple_tree *tree;
	unsigned int height;
	struct maple_step left[MAPLE_HEIGHT_MAX];
	struct maple_step right[MAPLE_HEIGHT_MAX];
	struct maple_big_node big;
	void *content;			/* what was at mas->index before */
	bool append;			/* the store is the last entry of the tree */
};

/* ---- Node pointers ---------------------------------------------------- */

/* Create the cache of 256-byte nodes. Called once at boot, after kmem_cache_init(). */
void maple_tree_init(void)
{
	if (maple_node_cache)
		return;
	maple_node_cache = kmem_cache_create("maple_node", sizeof(struct maple_node),
					     sizeof(struct maple_node), 0, NULL);
	BUG_ON(!maple_node_cache);
}

unsigned long mt_nr_allocated(void)
{
	return kmem_cache_active_objects(maple_node_cache);
}

/* Encode @node with its @type in the low bits (Linux mt_mk_node). */
static inline struct maple_enode *mt_mk_node(const struct maple_node *node,
					     enum maple_type type)
{
	return (struct maple_enode *)((unsigned long)node |
				      ((unsigned long)type << MAPLE_ENODE_TYPE_SHIFT));
}

/* The node an encoded node points at (Linux mte_to_node). */
static inline struct maple_node *mte_to_node(const struct maple_enode *enode)
{
	return (struct maple_node *)((unsigned long)enode & ~MAPLE_NODE_MASK);
}

/* The type stored in an encoded node (Linux mte_node_type). */
static inline enum maple_type mte_node_type(const struct maple_enode *enode)
{
	return ((unsigned long)enode >> MAPLE_ENODE_TYPE_SHIFT) & MAPLE_ENODE_TYPE_MASK;
}

/* Is @type the leaf type? (Linux ma_is_leaf) */
static inline bool ma_is_leaf(enum maple_type type)
{
	return type == maple_leaf_64;
}

/* Does @mt track gaps (MT_FLAGS_ALLOC_RANGE, as mm->mm_mt does)? (Linux mt_is_alloc) */
static inline bool mt_is_alloc(const struct maple_tree *mt)
{
	return mt->ma_flags & MT_FLAGS_ALLOC_RANGE;
}

/* The type of an internal node of @mt. */
static inline enum maple_type mt_internal_type(const struct maple_tree *mt)
{
	return mt_is_alloc(mt) ? maple_arange_64 : maple_range_64;
}

/* The pivot array of @node of @type (Linux ma_pivots). */
static inline unsigned long *ma_pivots(struct maple_node *node, enum maple_type type)
{
	return type == maple_arange_64 ? node->ma64.pivot : node->mr64.pivot;
}

/* The slot array of @node of @type (Linux ma_slots). */
static inline void **ma_slots(struct maple_node *node, enum maple_type type)
{
	return type == maple_arange_64 ? node->ma64.slot : node->mr64.slot;
}

/* Record the tree's height in its flags (Linux mas_set_height). */
static inline void mt_set_height(struct maple_tree *mt, unsigned int height)
{
	mt->ma_flags = (mt->ma_flags & ~MT_FLAGS_HEIGHT_MASK) |
		       (height << MT_FLAGS_HEIGHT_OFFSET);
}

/* Record that @child sits in @slot of @parent (an encoded internal node). */
static void mte_set_parent(struct maple_enode *child, struct maple_enode *parent,
			   unsigned char slot)
{
	unsigned long bits = (unsigned long)slot << MAPLE_PARENT_SLOT_SHIFT;

	if (mte_node_type(parent) == maple_arange_64)
		bits |= MAPLE_PARENT_ARANGE64;
	mte_to_node(child)->parent =
		(struct maple_pnode *)((unsigned long)mte_to_node(parent) | bits);
}

/* Make @root the root node of @mt: its parent points back to the tree. */
static void mte_set_root_parent(struct maple_enode *root, struct maple_tree *mt)
{
	mte_to_node(root)->parent =
		(struct maple_pnode *)((unsigned long)mt | MAPLE_PARENT_ROOT);
}

/* Is the encoded node the root of its tree? (Linux mte_is_root) */
static inline bool mte_is_root(const struct maple_enode *enode)
{
	return (unsigned long)mte_to_node(enode)->parent & MAPLE_PARENT_ROOT;
}

/* The parent of a non-root node, encoded, and the slot it holds us in. */
static struct maple_enode *mte_parent(const struct maple_enode *enode, unsigned char *slot)
{
	unsigned long parent = (unsigned long)mte_to_node(enode)->parent;
	enum maple_type type = (parent & MAPLE_PARENT_ARANGE64) ? maple_arange_64
								 : maple_range_64;

	*slot = (parent & MAPLE_PARENT_SLOT_MASK) >> MAPLE_PARENT_SLOT_SHIFT;
	return mt_mk_node((struct maple_node *)(parent & ~MAPLE_NODE_MASK), type);
}

/*
 * The range a non-root node covers, read from the pivots above it, as
 * Linux's mas_ascend() finds it: the parent's pivots around its slot, or,
 * for a first or last child, the ones further up. A used slot's pivot is
 * the child's maximum (the last one's is the node's), except in a node's
 * last slot, which has none.
 */
static void mte_range(struct maple_enode *enode, unsigned long *min, unsigned long *max)
{
	bool min_known = false, max_known = false;

	*min = 0;
	*max = ULONG_MAX;
	while (!mte_is_root(enode) && !(min_known && max_known)) {
		unsigned char slot;
		struct maple_enode *parent = mte_parent(enode, &slot);
		enum maple_type type = mte_node_type(parent);
		unsigned long *pivots = ma_pivots(mte_to_node(parent), type);

		if (!min_known && slot) {
			*min = pivots[slot - 1] + 1;
			min_known = true;
		}
		if (!max_known && slot < mt_pivots[type]) {
			*max = pivots[slot];
			max_known = true;
		}
		enode = parent;
	}
}

/*
 * The parent of a non-root node of an alloc tree, where every internal
 * node is a maple_arange_64 (no type to decode), and the slot it holds us in.
 */
static struct maple_arange_64 *ma_parent_arange(const struct maple_node *node,
						unsigned char *slot)
{
	unsigned long parent = (unsigned long)node->parent;

	*slot = (parent & MAPLE_PARENT_SLOT_MASK) >> MAPLE_PARENT_SLOT_SHIFT;
	return &((struct maple_node *)(parent & ~MAPLE_NODE_MASK))->ma64;
}

/* A node whose contents have been moved elsewhere by a write points at itself. */
static inline void mte_set_node_dead(struct maple_enode *enode)
{
	struct maple_node *node = mte_to_node(enode);

	node->parent = (struct maple_pnode *)node;
}

/* Has a write replaced this node? (Linux mte_dead_node) */
static inline bool mte_dead_node(const struct maple_enode *enode)
{
	struct maple_node *node = mte_to_node(enode);

	return (void *)node->parent == (void *)node;
}

/*
 * The last index covered by @offset of a node of @type covering up to @max.
 * Slots past the last pivot end at the node's maximum.
 */
static inline unsigned long ma_pivot_or_max(struct maple_node *node, enum maple_type type,
					    unsigned char offset, unsigned long max)
{
	if (offset < mt_pivots[type])
		return ma_pivots(node, type)[offset];
	return max;
}

/* The last used slot of a node that covers up to @max (Linux's ma_data_end). */
static unsigned char ma_data_end(struct maple_node *node, enum maple_type type,
				 unsigned long max)
{
	unsigned long *pivots = ma_pivots(node, type);
	unsigned char offset;

	for (offset = 0; offset < mt_pivots[type]; offset++)
		if (pivots[offset] >= max)
			return offset;
	return mt_pivots[type];
}

/* ---- Allocation ------------------------------------------------------- */

unsigned long mas_allocated(const struct ma_state *mas)
{
	return mas->alloc ? mas->alloc->total : 0;
}

/* Make sure @mas holds at least @count nodes. Returns 0 or -ENOMEM (keeping what it got). */
static int mas_node_count(struct ma_state *mas, unsigned long count, gfp_t gfp)
{
	while (mas_allocated(mas) < count) {
		struct maple_alloc *node = kmem_cache_alloc(maple_node_cache, gfp);

		if (!node)
			return -ENOMEM;
		node->total = mas_allocated(mas) + 1;
		node->next = mas->alloc;
		mas->alloc = node;
	}
	return 0;
}

/* Take a reserved node, zeroed. A write never runs out: its nodes were counted first. */
static struct maple_node *mas_pop_node(struct ma_state *mas)
{
	struct maple_alloc *node = mas->alloc;

	BUG_ON(!node);
	mas->alloc = node->next;
	memset(node, 0, sizeof(struct maple_node));
	return (struct maple_node *)node;
}

/* Give a node back to the maple_node cache. */
static void ma_free_node(struct maple_node *node)
{
	kmem_cache_free(maple_node_cache, node);
}

/* Free the nodes @mas still holds (Linux's mas_destroy). */
void mas_destroy(struct ma_state *mas)
{
	while (mas->alloc) {
		struct maple_alloc *node = mas->alloc;

		mas->alloc = node->next;
		ma_free_node((struct maple_node *)node);
	}
}

/*
 * Nodes a write may need in a tree of @height: 3 per level (a region
 * splits into at most 3 nodes) and a new root.
 */
static unsigned long mas_wr_node_budget(unsigned int height)
{
	return 3UL * height + 1;
}

/* ---- Reading ---------------------------------------------------------- */

/* The slot of @node holding @index; narrows [*min, *max] to that slot's range. */
static __always_inline unsigned char ma_find_slot(struct maple_node *node, enum maple_type type,
				  unsigned long index, unsigned long *min, unsigned long *max)
{
	unsigned long *pivots = ma_pivots(node, type);
	unsigned char offset = 0;

	while (offset < mt_pivots[type] && index > pivots[offset])
		offset++;
	if (offset)
		*min = pivots[offset - 1] + 1;
	if (offset < mt_pivots[type])
		*max = pivots[offset];
	return offset;
}

/*
 * Walk down from @enode, which covers [min, max] at @level, to the node
 * holding @index at @to_level, filling path[] for each level on the way.
 */
static void mt_walk_down(struct maple_enode *enode, unsigned long min, unsigned long max,
			 unsigned long index, struct maple_step *path, int level, int to_level)
{
	for (; level >= to_level; level--) {
		struct maple_node *node = mte_to_node(enode);
		enum maple_type type = mte_node_type(enode);
		struct maple_step *step = &path[level];

		step->node = enode;
		step->min = min;
		step->max = max;
		step->offset = ma_find_slot(node, type, index, &min, &max);
		enode = ma_slots(node, type)[step->offset];
	}
}

/*
 * Walk from the root of @mt to the node holding @index at @to_level,
 * filling path[level] for every level from the root down to @to_level.
 */
static void mt_walk_path(struct maple_tree *mt, unsigned long index,
			 struct maple_step *path, unsigned int to_level)
{
	mt_walk_down(mt->ma_root, 0, ULONG_MAX, index, path, mt_height(mt) - 1, to_level);
}

/*
 * The path to @last, given @left, the path to an index at or below it:
 * the two share their steps down to the level whose child @last is not
 * in, and part from there.
 */
static void mt_walk_path_after(struct maple_tree *mt, unsigned long last,
			       const struct maple_step *left, struct maple_step *right)
{
	int level = mt_height(mt) - 1;

	while (level > 0 && last <= left[level - 1].max) {
		right[level] = left[level];
		level--;
	}
	mt_walk_down(left[level].node, left[level].min, left[level].max, last, right, level, 0);
}

/*
 * Walk @mas to the leaf slot holding mas->index and set mas->index/last to
 * that slot's range. Returns the entry there (NULL for a gap); on an empty
 * tree the state becomes MAS_NONE and the range 0..ULONG_MAX.
 */
static void *mas_state_walk(struct ma_state *mas)
{
	/* BEGIN SOLUTION maple */
	struct maple_enode *enode = mas->tree->ma_root;
	unsigned long min = 0, max = ULONG_MAX;
	unsigned long index = mas->index;

	if (!enode) {
		mas->node = MAS_NONE;
		mas->index = 0;
		mas->last = ULONG_MAX;
		return NULL;
	}
	for (;;) {
		struct maple_node *node = mte_to_node(enode);
		enum maple_type type = mte_node_type(enode);
		unsigned long slot_min = min, slot_max = max;
		unsigned char offset = ma_find_slot(node, type, index, &slot_min, &slot_max);

		if (ma_is_leaf(type)) {
			mas->node = enode;
			mas->min = min;
			mas->max = max;
			mas->offset = offset;
			mas->index = slot_min;
			mas->last = slot_max;
			return node->mr64.slot[offset];
		}
		enode = ma_slots(node, type)[offset];
		min = slot_min;
		max = slot_max;
	}
	/* END SOLUTION maple */
	/* STUB maple: walk from the root to the leaf slot holding mas->index (ma_find_slot
	 * narrows [min, max] at each level), record the leaf, its range and the
	 * slot in @mas, and return the slot's entry; an empty tree gives MAS_NONE.
	panic("LAB maple: mas_state_walk() is not written yet (docs/labs/maple.md)");
	 */
}

/**
 * mas_walk() - the entry at mas->index.
 * @mas: the maple state
 *
 * Sets mas->index and mas->last to the range of the entry, or of the gap
 * holding mas->index. Return: the entry, or NULL.
 */
void *mas_walk(struct ma_state *mas)
{
	return mas_state_walk(mas);
}

/* mtree_load() - the entry at @index of @mt, or NULL. */
void *mtree_load(struct maple_tree *mt, unsigned long index)
{
	struct maple_enode *enode = mt->ma_root;
	unsigned long min = 0, max = ULONG_MAX;

	while (enode) {
		struct maple_node *node = mte_to_node(enode);
		enum maple_type type = mte_node_type(enode);
		unsigned char offset = ma_find_slot(node, type, index, &min, &max);

		if (ma_is_leaf(type))
			return node->mr64.slot[offset];
		enode = ma_slots(node, type)[offset];
	}
	return NULL;
}

/* Let go of the node: the next search walks from the root, past the last entry (Linux mas_pause) */
void mas_pause(struct ma_state *mas)
{
	mas->node = MAS_PAUSE;
}

/*
 * Does @mas point at a node of the tree (not start, none, paused, root or
 * error)? Those states all have bit 0 or bit 1 set; an encoded node, 256-
 * byte aligned with its type from bit 3 up, has neither.
 */
static inline bool mas_is_active(const struct ma_state *mas)
{
	return ((unsigned long)mas->node & 3) == 0 && mas->node;
}

/* Point @mas at slot @offset of its leaf and return that slot's entry. */
static void *mas_leaf_slot(struct ma_state *mas, unsigned char offset)
{
	struct maple_node *node = mte_to_node(mas->node);
	unsigned long *pivots = node->mr64.pivot;

	mas->offset = offset;
	mas->index = offset ? pivots[offset - 1] + 1 : mas->min;
	mas->last = ma_pivot_or_max(node, maple_leaf_64, offset, mas->max);
	return node->mr64.slot[offset];
}

/*
 * Move @mas from its leaf, which is not the last, to the next one (Linux's
 * mas_next_node): up through the parents while the node is its parent's
 * last child, one slot right, then down the leftmost children. The new
 * leaf starts right after the old one ends, and ends where the slot taken
 * ends: its pivot, then the first pivot of each node on the way down
 * (nodes store their own end as the last used slot's pivot). Only the
 * last slot of a full node has no pivot: it ends where the node does,
 * which the pivots above the node give (mte_range).
 * Returns the entry in the new leaf's first slot.
 */
static __noinline void *mas_next_leaf(struct ma_state *mas)
{
	struct maple_enode *enode = mas->node;
	unsigned long min = mas->max + 1, max, parent_min;
	unsigned char slot;

	mas->index = min;
	for (;;) {
		struct maple_enode *parent = mte_parent(enode, &slot);
		enum maple_type type = mte_node_type(parent);
		struct maple_node *node = mte_to_node(parent);

		if (++slot < mt_slots[type] && ma_slots(node, type)[slot]) {
			if (slot < mt_pivots[type])
				max = ma_pivots(node, type)[slot];
			else	/* the last slot of a full node ends where the node does */
				mte_range(parent, &parent_min, &max);
			enode = ma_slots(node, type)[slot];
			break;
		}
		enode = parent;		/* we were its last child: it ends where we did */
	}
	while (!ma_is_leaf(mte_node_type(enode))) {
		struct maple_node *node = mte_to_node(enode);
		enum maple_type type = mte_node_type(enode);

		max = min_t(unsigned long, ma_pivots(node, type)[0], max);
		enode = ma_slots(node, type)[0];
	}
	mas->node = enode;
	mas->min = min;
	mas->max = max;
	return mas_leaf_slot(mas, 0);
}

static void *mas_next_entry(struct ma_state *mas, unsigned long limit);

/* Nothing up to @limit: the state is paused there (mas_next_entry()'s end). */
static void *mas_next_none(struct ma_state *mas, unsigned long limit)
{
	mas->index = mas->last = limit;
	mas->node = MAS_PAUSE;
	return NULL;
}

/*
 * mas_next_entry() at the end of a leaf: on into the next one. Out of
 * line, so that the walk within a leaf makes no call and needs no frame.
 */
static __noinline void *mas_next_entry_leaf(struct ma_state *mas, unsigned long limit)
{
	void *entry = mas_next_leaf(mas);

	if (mas->index > limit)
		return mas_next_none(mas, limit);
	if (entry)
		return entry;
	return mas_next_entry(mas, limit);
}

/*
 * The first entry after the active position of @mas that starts at or
 * before @limit (Linux's mas_next_entry). When there is none, mas->index
 * and mas->last are set to @limit and the state is paused there.
 */
static void *mas_next_entry(struct ma_state *mas, unsigned long limit)
{
	unsigned long last = mas->last, max = mas->max, index;
	struct maple_node *node;
	unsigned char offset;
	void *entry;

	if (last == ULONG_MAX || last >= limit)
		return mas_next_none(mas, limit);
	/* Only the leaf's last used slot ends at its maximum. */
	if (last >= max)
		return mas_next_entry_leaf(mas, limit);
	/* The rest of this leaf, in registers: each slot starts after the last. */
	node = mte_to_node(mas->node);
	offset = mas->offset;
	do {
		index = last + 1;
		last = ma_pivot_or_max(node, maple_leaf_64, ++offset, max);
		entry = node->mr64.slot[offset];
	} while (!entry && last < max && last < limit);
	mas->offset = offset;
	mas->index = index;
	mas->last = last;
	if (index > limit)
		return mas_next_none(mas, limit);
	if (entry)
		return entry;
	/* a NULL range ran to the limit, or to the leaf's end */
	return mas_next_entry(mas, limit);
}

/*
 * The last entry before the active position of @mas that ends at or after
 * @min (Linux's mas_prev_entry). When there is none, mas->index and
 * mas->last are set to @min and the state becomes MAS_NONE.
 */
static void *mas_prev_entry(struct ma_state *mas, unsigned long min)
{
	/* BEGIN SOLUTION maple */
	for (;;) {
		void *entry;

		if (mas->index == 0 || mas->index <= min)
			break;
		if (mas->offset == 0) {
			/* Previous leaf: walk down to the index before this one. */
			mas->index = mas->min - 1;
			entry = mas_state_walk(mas);
		} else {
			entry = mas_leaf_slot(mas, mas->offset - 1);
		}
		if (mas->last < min)
			break;
		if (entry)
			return entry;
	}
	mas->index = mas->last = min;
	mas->node = MAS_NONE;
	return NULL;
	/* END SOLUTION maple */
	/* STUB maple: step back from the active position (mas_leaf_slot within the leaf,
	 * a walk to mas->min - 1 across leaves) to the last entry ending at or after
	 * @min; when there is none, set index and last to @min and the state to MAS_NONE.
	mas->index = mas->last = min;
	mas->node = MAS_NONE;
	return NULL;
	 */
}

/**
 * mas_find() - the first entry at or after mas->index, up to @max.
 * @mas: the maple state; a fresh state starts at mas->index, an active
 *	 one continues after the entry it last returned
 * @max: the last index to look at
 *
 * Return: the entry, with mas->index/last set to its range, or NULL
 * (mas->index = mas->last = @max, and the search can be continued).
 */
void *mas_find(struct ma_state *mas, unsigned long max)
{
	if (likely(mas_is_active(mas)))
		return mas_next_entry(mas, max);
	if (mas->node == MAS_PAUSE) {
		if (mas->last == ULONG_MAX) {
			mas->node = MAS_NONE;
			return NULL;
		}
		mas->node = MAS_START;
		mas->index = ++mas->last;
	}
	if (mas->node == MAS_NONE || mas_is_err(mas))
		mas->node = MAS_START;
	if (mas->node == MAS_START) {
		void *entry;

		if (mas->index > max)
			return NULL;
		entry = mas_state_walk(mas);
		if (entry)
			return entry;
	}
	if (!mas_is_active(mas))
		return NULL;
	return mas_next_entry(mas, max);
}

/**
 * mas_find_rev() - the last entry at or before mas->index, down to @min.
 * @mas: the maple state; a fresh state starts at mas->index, an active
 *	 one continues before the entry it last returned
 * @min: the lowest index to look at
 *
 * Return: the entry, with mas->index/last set to its range, or NULL.
 */
void *mas_find_rev(struct ma_state *mas, unsigned long min)
{
	if (mas->node == MAS_PAUSE) {
		if (mas->index == 0) {
			mas->node = MAS_NONE;
			return NULL;
		}
		mas->node = MAS_START;
		mas->last = --mas->index;
	}
	if (mas->node == MAS_NONE || mas_is_err(mas))
		mas->node = MAS_START;
	if (mas->node == MAS_START) {
		void *entry;

		if (mas->index < min)
			return NULL;
		entry = mas_state_walk(mas);
		if (entry)
			return entry;
	}
	if (!mas_is_active(mas))
		return NULL;
	if (mas->index < min)
		return NULL;
	return mas_prev_entry(mas, min);
}

/**
 * mas_next() - the next entry after the current one, up to @max.
 * @mas: the maple state; a fresh state first walks to mas->index
 * @max: the last index to look at
 *
 * Return: the entry after the range holding mas->index (mas->index/last set
 * to its range), or NULL.
 */
void *mas_next(struct ma_state *mas, unsigned long max)
{
	if (mas->node == MAS_NONE || mas->node == MAS_PAUSE || mas_is_err(mas))
		mas->node = MAS_START;
	if (mas->node == MAS_START)
		mas_state_walk(mas);
	if (!mas_is_active(mas) || mas->last >= max)
		return NULL;
	return mas_next_entry(mas, max);
}

/**
 * mas_prev() - the entry before the current one, down to @min.
 * @mas: the maple state; a fresh state first walks to mas->index
 * @min: the lowest index the entry may end at
 *
 * Return: the last entry before the range holding mas->index
 * (mas->index/last set to its range), or NULL (mas->index = mas->last = @min).
 */
void *mas_prev(struct ma_state *mas, unsigned long min)
{
	if (!mas->index) {
		/* Nothing comes before 0. */
		mas->last = 0;
		mas->node = MAS_NONE;
		return NULL;
	}
	if (mas->node == MAS_NONE || mas->node == MAS_PAUSE || mas_is_err(mas))
		mas->node = MAS_START;
	if (mas->node == MAS_START) {
		mas_state_walk(mas);
		if (!mas_is_active(mas) || !mas->index)
			return NULL;
	}
	if (mas->index < min) {
		mas->index = mas->last = min;
		mas->node = MAS_NONE;
		return NULL;
	}
	return mas_prev_entry(mas, min);
}

/**
 * mt_find() - the first entry in [*index, max].
 * @mt: the tree
 * @index: where to start; on success, set to just past the entry found
 * @max: the last index to look at
 *
 * Return: the entry or NULL.
 */
void *mt_find(struct maple_tree *mt, unsigned long *index, unsigned long max)
{
	MA_STATE(mas, mt, *index, *index);
	void *entry;

	if (*index > max)
		return NULL;
	entry = mas_find(&mas, max);
	if (entry)
		*index = mas.last + 1;	/* wraps to 0 after ULONG_MAX, as Linux */
	return entry;
}

/* mt_find() again, unless the previous entry ended at ULONG_MAX (*index wrapped to 0). */
void *mt_find_after(struct maple_tree *mt, unsigned long *index, unsigned long max)
{
	if (!*index)
		return NULL;
	return mt_find(mt, index, max);
}

/* ---- Writing: the big node --------------------------------------------- */

static void mab_init(struct maple_big_node *b, unsigned long min)
{
	b->min = min;
	b->count = 0;
}

/* Append a range ending at @pivot. In a leaf, a NULL after a NULL just extends it. */
static void mab_push(struct maple_big_node *b, void *slot, unsigned long pivot,
		     unsigned long gap, bool leaf)
{
	if (leaf && !slot && b->count && !b->slot[b->count - 1]) {
		b->pivot[b->count - 1] = pivot;
		return;
	}
	BUG_ON(b->count >= MAPLE_BIG_NODE_SLOTS);
	b->slot[b->count] = slot;
	b->pivot[b->count] = pivot;
	b->gap[b->count] = gap;
	b->count++;
}

/* Append slots @start..@end of @enode, a node that covers up to @max. */
static void mab_push_node(struct maple_big_node *b, struct maple_enode *enode,
			  unsigned long max, int start, int end)
{
	struct maple_node *node = mte_to_node(enode);
	enum maple_type type = mte_node_type(enode);
	unsigned long *pivots = ma_pivots(node, type);
	void **slots = ma_slots(node, type);
	int n, with_pivot;

	if (start > end)
		return;
	/* Only the first slot can be a NULL that meets one: a node never holds two in a row. */
	mab_push(b, slots[start], ma_pivot_or_max(node, type, start, max),
		 type == maple_arange_64 ? node->ma64.gap[start] : 0, ma_is_leaf(type));
	n = end - start;
	BUG_ON(b->count + n > MAPLE_BIG_NODE_SLOTS);
	memcpy(&b->slot[b->count], &slots[start + 1], n * sizeof(b->slot[0]));
	/* pivots as ma_pivot_or_max(): the node's last slot has none, and ends at @max */
	with_pivot = max(min(end, (int)mt_pivots[type] - 1) - start, 0);
	memcpy(&b->pivot[b->count], &pivots[start + 1], with_pivot * sizeof(b->pivot[0]));
	if (with_pivot < n)
		b->pivot[b->count + n - 1] = max;
	if (type == maple_arange_64)
		memcpy(&b->gap[b->count], &node->ma64.gap[start + 1], n * sizeof(b->gap[0]));
	else
		memset(&b->gap[b->count], 0, n * sizeof(b->gap[0]));
	b->count += n;
}

/* Recompute meta.gap of an arange64 node: the slot with the largest gap. */
static void ma_set_meta_gap(struct maple_node *node)
{
	struct maple_arange_64 *ma = &node->ma64;
	const unsigned long *gap, *best = ma->gap, *last = ma->gap + ma->meta.end;

	/* Pointers, not a u8 index: the scan runs at every level a gap change climbs. */
	for (gap = ma->gap + 1; gap <= last; gap++)
		if (*gap > *best)
			best = gap;
	ma->meta.gap = best - ma->gap;
}

/*
 * The largest run of NULL indices under @enode, which covers [min, max].
 * Only alloc trees keep gaps, so for a range64 node this is 0.
 */
static unsigned long mte_max_gap(struct maple_enode *enode, unsigned long min,
				 unsigned long max)
{
	struct maple_node *node = mte_to_node(enode);
	enum maple_type type = mte_node_type(enode);
	unsigned long gap = 0, start = min;
	unsigned char i;

	if (type == maple_arange_64)
		return node->ma64.gap[node->ma64.meta.gap];
	if (!ma_is_leaf(type))
		return 0;
	/* One pass: the slot whose pivot reaches max is the last used (ma_data_end). */
	for (i = 0; i < mt_pivots[maple_leaf_64]; i++) {
		unsigned long last = node->mr64.pivot[i];

		if (!node->mr64.slot[i] && last - start + 1 > gap)
			gap = last - start + 1;
		if (last >= max)
			return gap;
		start = last + 1;
	}
	if (!node->mr64.slot[i] && max - start + 1 > gap)
		gap = max - start + 1;
	return gap;
}

/*
 * Write ranges [start, end) of @b into @enode, replacing its contents but
 * not its parent pointer; children learn their new parent and slot.
 */
static void mab_write_node(struct maple_big_node *b, int start, int end,
			   struct maple_enode *enode)
{
	struct maple_node *node = mte_to_node(enode);
	enum maple_type type = mte_node_type(enode);
	unsigned long *pivots = ma_pivots(node, type);
	void **slots = ma_slots(node, type);
	int n = end - start, nr_pivots = min(n, (int)mt_pivots[type]);
	int i;

	memcpy(slots, &b->slot[start], n * sizeof(*slots));
	memset(&slots[n], 0, (mt_slots[type] - n) * sizeof(*slots));
	/* The pivot of the last used slot is the node's maximum; later ones are 0. */
	memcpy(pivots, &b->pivot[start], nr_pivots * sizeof(*pivots));
	memset(&pivots[nr_pivots], 0, (mt_pivots[type] - nr_pivots) * sizeof(*pivots));
	if (type == maple_arange_64) {
		memcpy(node->ma64.gap, &b->gap[start], n * sizeof(node->ma64.gap[0]));
		memset(&node->ma64.gap[n], 0, (mt_slots[type] - n) * sizeof(node->ma64.gap[0]));
		node->ma64.meta.end = n - 1;
		ma_set_meta_gap(node);
	}
	if (!ma_is_leaf(type))
		for (i = 0; i < n; i++)
			mte_set_parent(slots[i], enode, i);
}

/* How many nodes of @type the ranges of @b go into. */
static int mab_node_count(const struct maple_big_node *b, enum maple_type type)
{
	if (b->count <= mt_slots[type])
		return 1;
	/* One slot of room each, so a leaf never has to end on a NULL. */
	return DIV_ROUND_UP(b->count, mt_slots[type] - 1);
}

/* ---- Writing: rebuilding a region ---------------------------------------- */

/*
 * Lay out the leaf region of a store of @entry over [mas->index, mas->last]
 * into wr->big: the ranges of the left leaf before index, the new range,
 * and the ranges of the right leaf after last (16 + 1 + 16 at most); set
 * wr->content and wr->append (the store is the last entry of the tree).
 */
static void mas_wr_leaf_region(struct maple_wr_state *wr, void *entry)
{
	struct ma_state *mas = wr->mas;
	struct maple_big_node *b = &wr->big;
	struct maple_step *left = &wr->left[0], *right = &wr->right[0];
	struct maple_node *node;
	unsigned long slot_start, slot_end;
	unsigned char end;

	if (!wr->height) {
		/* An empty tree is one NULL range. */
		mab_init(b, 0);
		if (mas->index)
			mab_push(b, NULL, mas->index - 1, 0, true);
		mab_push(b, entry, mas->last, 0, true);
		if (mas->last != ULONG_MAX)
			mab_push(b, NULL, ULONG_MAX, 0, true);
		wr->content = NULL;
		wr->append = true;
		return;
	}

	node = mte_to_node(left->node);
	slot_start = left->offset ? node->mr64.pivot[left->offset - 1] + 1 : left->min;
	wr->content = node->mr64.slot[left->offset];
	mab_init(b, left->min);
	mab_push_node(b, left->node, left->max, 0, left->offset - 1);
	if (slot_start < mas->index)
		mab_push(b, wr->content, mas->index - 1, 0, true);
	mab_push(b, entry, mas->last, 0, true);

	node = mte_to_node(right->node);
	slot_end = ma_pivot_or_max(node, maple_leaf_64, right->offset, right->max);
	if (slot_end > mas->last)
		mab_push(b, node->mr64.slot[right->offset], slot_end, 0, true);
	end = ma_data_end(node, maple_leaf_64, right->max);
	mab_push_node(b, right->node, right->max, right->offset + 1, end);
	wr->append = right->max == ULONG_MAX &&
		     (b->count < 2 || b->pivot[b->count - 2] <= mas->last);
}

/*
 * Move path[level] to the node next to it (@dir -1: the one before,
 * 1: the one after). A sibling under the same parent is one slot away in
 * path[level + 1]; otherwise a walk from the root finds it at @index.
 */
static void mt_path_step_aside(struct maple_wr_state *wr, struct maple_step *path,
			       unsigned int level, int dir, unsigned long index)
{
	struct maple_step *step = &path[level], *parent = &path[level + 1];
	struct maple_node *pnode;
	enum maple_type type;
	unsigned char end;

	if (level + 1 < wr->height) {
		pnode = mte_to_node(parent->node);
		type = mte_node_type(parent->node);
		end = ma_data_end(pnode, type, parent->max);
		if (dir < 0 ? parent->offset > 0 : parent->offset < end) {
			parent->offset += dir;
			step->node = ma_slots(pnode, type)[parent->offset];
			step->min = parent->offset ? ma_pivots(pnode, type)[parent->offset - 1] + 1
						   : parent->min;
			step->max = ma_pivot_or_max(pnode, type, parent->offset, parent->max);
			return;
		}
	}
	mt_walk_path(wr->tree, index, path, level);
}

/* Take the node left of the region at @level into it (its ranges first). */
static void mas_wr_absorb_left(struct maple_wr_state *wr, unsigned int level)
{
	struct maple_big_node *b = &wr->big;
	struct maple_step *step = &wr->left[level];
	struct maple_node *node;
	enum maple_type type;
	int n, i;

	/* The old left end is replaced whatever happens now. */
	mte_set_node_dead(step->node);
	mt_path_step_aside(wr, wr->left, level, -1, step->min - 1);
	node = mte_to_node(step->node);
	type = mte_node_type(step->node);
	n = ma_data_end(node, type, step->max) + 1;
	BUG_ON(b->count + n > MAPLE_BIG_NODE_SLOTS);
	memmove(&b->slot[n], &b->slot[0], b->count * sizeof(b->slot[0]));
	memmove(&b->pivot[n], &b->pivot[0], b->count * sizeof(b->pivot[0]));
	memmove(&b->gap[n], &b->gap[0], b->count * sizeof(b->gap[0]));
	for (i = 0; i < n; i++) {
		b->slot[i] = ma_slots(node, type)[i];
		b->pivot[i] = ma_pivot_or_max(node, type, i, step->max);
		b->gap[i] = type == maple_arange_64 ? node->ma64.gap[i] : 0;
	}
	b->count += n;
	b->min = step->min;
	if (ma_is_leaf(type) && !b->slot[n - 1] && !b->slot[n]) {
		/* Two NULL ranges meet: keep one. */
		memmove(&b->slot[n - 1], &b->slot[n], (b->count - n) * sizeof(b->slot[0]));
		memmove(&b->pivot[n - 1], &b->pivot[n], (b->count - n) * sizeof(b->pivot[0]));
		b->count--;
	}
}

/* Take the node right of the region at @level into it (its ranges last). */
static void mas_wr_absorb_right(struct maple_wr_state *wr, unsigned int level)
{
	struct maple_step *step = &wr->right[level];
	struct maple_node *node;

	mte_set_node_dead(step->node);
	mt_path_step_aside(wr, wr->right, level, 1, step->max + 1);
	node = mte_to_node(step->node);
	mab_push_node(&wr->big, step->node, step->max, 0,
		      ma_data_end(node, mte_node_type(step->node), step->max));
}

/*
 * Free a subtree cut out by a store. Nodes marked dead had their slots
 * moved elsewhere, so only the node itself goes.
 */
static void mte_destroy_walk(struct maple_enode *enode)
{
	struct maple_node *node = mte_to_node(enode);
	enum maple_type type = mte_node_type(enode);
	unsigned char i;

	if (!ma_is_leaf(type) && !mte_dead_node(enode)) {
		void **slots = ma_slots(node, type);

		/* Slots past the last child are NULL. */
		for (i = 0; i < mt_slots[type] && slots[i]; i++)
			mte_destroy_walk(slots[i]);
	}
	ma_free_node(node);
}

/*
 * Push a child's gap up through its ancestors while it changes (Linux's
 * mas_update_gap). A parent's largest gap needs a rescan only when the
 * child held it and shrank; otherwise it is the old largest or the new gap.
 */
static void mte_update_gap(struct maple_tree *mt, struct maple_enode *enode,
			   unsigned long min, unsigned long max)
{
	struct maple_node *node = mte_to_node(enode);
	unsigned long gap;

	if (!mt_is_alloc(mt))
		return;
	gap = mte_max_gap(enode, min, max);
	while (!((unsigned long)node->parent & MAPLE_PARENT_ROOT)) {
		unsigned char slot;
		struct maple_arange_64 *pnode = ma_parent_arange(node, &slot);
		unsigned char best = pnode->meta.gap;
		unsigned long largest = pnode->gap[best];

		if (pnode->gap[slot] == gap)
			return;
		pnode->gap[slot] = gap;
		if (slot == best && gap < largest) {
			ma_set_meta_gap((struct maple_node *)pnode);
			gap = pnode->gap[pnode->meta.gap];
		} else if (gap > largest || (gap == largest && slot < best)) {
			pnode->meta.gap = slot;	/* the first slot with the largest gap */
		} else {
			return;			/* the largest gap here is unchanged */
		}
		if (gap == largest)
			return;
		node = (struct maple_node *)pnode;
	}
}

/*
 * A NULL store made a run of @gap NULL indices in the leaf @enode: raise
 * the gaps recorded above it where it is now the largest. A NULL store
 * only joins NULL ranges, so no gap shrinks and, unlike mte_update_gap,
 * nothing needs rescanning.
 */
static void mte_grow_gap(struct maple_tree *mt, struct maple_enode *enode, unsigned long gap)
{
	if (!mt_is_alloc(mt))
		return;
	while (!mte_is_root(enode)) {
		unsigned char slot;
		struct maple_enode *parent = mte_parent(enode, &slot);
		struct maple_arange_64 *pnode = &mte_to_node(parent)->ma64;

		unsigned long largest = pnode->gap[pnode->meta.gap];

		if (pnode->gap[slot] >= gap)
			return;
		pnode->gap[slot] = gap;
		/* meta.gap names the first slot with the largest gap (ma_set_meta_gap) */
		if (gap > largest || (gap == largest && slot < pnode->meta.gap))
			pnode->meta.gap = slot;
		if (gap <= largest)
			return;		/* the parent's largest gap is unchanged */
		enode = parent;
	}
}

/* The nodes that replace a region at one level: at most 3. */
struct maple_new_nodes {
	int count;
	int reused;			/* the first nodes are old leaves, rewritten in place */
	struct maple_enode *node[3];
	unsigned long max[3];
	unsigned long gap[3];
};

/*
 * Leaf @j of the leaf region, counted from its left end, when all its
 * leaves share one parent (mas_wr_reusable).
 */
static struct maple_enode *mte_leaf_in_region(struct maple_wr_state *wr, int j)
{
	struct maple_step *parent = &wr->left[1];
	struct maple_node *pnode = mte_to_node(parent->node);

	return ma_slots(pnode, mte_node_type(parent->node))[parent->offset + j];
}

/*
 * How many of the @count new leaves can be the region's old leaves,
 * rewritten where they are: all, when the old leaves share one parent
 * and are at least as many (a merge), else none. Their contents are in
 * the big node by then, and nothing reads the tree during a write (one
 * CPU, no kernel preemption, no RCU readers), so overwriting is safe; the
 * parent is rewritten after them and gives them back their parent pointers.
 */
static int mas_wr_reusable(struct maple_wr_state *wr, unsigned int level, int count)
{
	struct maple_step *left = &wr->left[1], *right = &wr->right[1];

	/* a fast path: the tests compare it with the rebuild alone (mt_wr_fast_paths off) */
	if (!mt_wr_fast_paths || level || wr->height < 2 || left->node != right->node)
		return 0;
	return count <= right->offset - left->offset + 1 ? count : 0;
}

/* Cut wr->big into @count new nodes of @type, never ending a leaf but the last on NULL. */
static void mas_wr_split_nodes(struct maple_wr_state *wr, enum maple_type type,
			       int count, struct maple_new_nodes *out)
{
	struct maple_big_node *b = &wr->big;
	int j, start = 0;

	BUG_ON(count > 3);
	out->count = count;
	for (j = 0; j < count; j++) {
		int end = j == count - 1 ? b->count : (j + 1) * b->count / count;
		unsigned long min = start ? b->pivot[start - 1] + 1 : b->min;
		struct maple_enode *enode;

		/*
		 * Appending: fill the left node and leave the rest to the right
		 * one, on the tree's right edge, which may stay short (see
		 * mas_wr_short_ok): a run of appends packs nodes full, as
		 * Linux's do. A leaf ends on an entry: where the split would
		 * end it on a NULL range, a new entry joins the left leaf (one
		 * slot more), but an entry that grew (brk) stays with the NULL
		 * range after it, so that growing it again is a store inside
		 * one leaf.
		 */
		if (wr->append && count == 2 && !j) {
			end = min(b->count - 1, (int)mt_slots[type]);
			if (ma_is_leaf(type) && wr->content) {
				if (!b->slot[b->count - 1])
					end = min(end, b->count - 2);
				if (!b->slot[end - 1])
					end--;
			} else if (ma_is_leaf(type) && !b->slot[end - 1]) {
				/* the slot after a NULL range holds an entry */
				end += end < (int)mt_slots[type] && end + 1 < b->count ? 1 : -1;
			}
		} else if (ma_is_leaf(type) && j < count - 1 && !b->slot[end - 1]) {
			end++;
		}
		if (j < out->reused)
			enode = mte_leaf_in_region(wr, j);
		else
			enode = mt_mk_node(mas_pop_node(wr->mas), type);
		mab_write_node(b, start, end, enode);
		out->node[j] = enode;
		out->max[j] = b->pivot[end - 1];
		out->gap[j] = mte_max_gap(enode, min, out->max[j]);
		start = end;
	}
}

/*
 * Lay out level @level + 1 of the region in wr->big: the parent's slots
 * left of the replaced span, the new nodes, the slots right of it; and
 * free what the span held (replaced nodes, or whole subtrees a store covered).
 */
static void mas_wr_parent_region(struct maple_wr_state *wr, unsigned int level,
				 struct maple_new_nodes *new)
{
	struct maple_big_node *b = &wr->big;
	struct maple_step *left = &wr->left[level + 1], *right = &wr->right[level + 1];
	struct maple_node *lnode = mte_to_node(left->node), *rnode = mte_to_node(right->node);
	enum maple_type type = mte_node_type(left->node);
	unsigned char lend = ma_data_end(lnode, type, left->max);
	unsigned char rend = ma_data_end(rnode, type, right->max);
	void **lslots = ma_slots(lnode, type), **rslots = ma_slots(rnode, type);
	int i;

	mab_init(b, left->min);
	mab_push_node(b, left->node, left->max, 0, left->offset - 1);
	for (i = 0; i < new->count; i++)
		mab_push(b, new->node[i], new->max[i], new->gap[i], false);
	mab_push_node(b, right->node, right->max, right->offset + 1, rend);

	if (left->node == right->node) {
		for (i = left->offset + new->reused; i <= right->offset; i++)
			mte_destroy_walk(lslots[i]);
		return;
	}
	for (i = left->offset; i <= lend; i++)
		mte_destroy_walk(lslots[i]);
	for (i = 0; i <= right->offset; i++)
		mte_destroy_walk(rslots[i]);
}

/* Make @enode (at @level) the root of the tree. */
static void mas_wr_set_root(struct maple_wr_state *wr, struct maple_enode *enode,
			    unsigned int level)
{
	mte_set_root_parent(enode, wr->tree);
	wr->tree->ma_root = enode;
	mt_set_height(wr->tree, level + 1);
}

/*
 * The region has reached the root's level (@level): write the root back,
 * collapse a root left with one child, or grow a new root over a split.
 */
static void mas_wr_root(struct maple_wr_state *wr, unsigned int level)
{
	struct maple_big_node *b = &wr->big;
	struct maple_tree *mt = wr->tree;
	struct maple_enode *old_root = wr->height ? wr->left[level].node : NULL;
	enum maple_type type = level ? mt_internal_type(mt) : maple_leaf_64;
	int count = mab_node_count(b, type);
	struct maple_new_nodes new;
	struct maple_enode *root;
	int i;

	if (!level && b->count == 1 && !b->slot[0]) {
		/* Nothing left: the tree is empty. */
		if (old_root)
			ma_free_node(mte_to_node(old_root));
		mt->ma_root = NULL;
		mt_set_height(mt, 0);
		return;
	}
	if (count == 1 && level && b->count == 1) {
		/* One child left: it becomes the root, and so on down. */
		root = b->slot[0];
		ma_free_node(mte_to_node(old_root));
		while (level > 1 && !ma_slots(mte_to_node(root), mte_node_type(root))[1]) {
			struct maple_enode *child = ma_slots(mte_to_node(root),
							     mte_node_type(root))[0];

			ma_free_node(mte_to_node(root));
			root = child;
			level--;
		}
		mas_wr_set_root(wr, root, level - 1);
		return;
	}
	if (count == 1) {
		root = old_root ? old_root : mt_mk_node(mas_pop_node(wr->mas), type);
		mab_write_node(b, 0, b->count, root);
		mas_wr_set_root(wr, root, level);
		return;
	}
	/* Split: the pieces go under a new root one level up. */
	new.reused = 0;
	mas_wr_split_nodes(wr, type, count, &new);
	if (old_root)
		ma_free_node(mte_to_node(old_root));
	mab_init(b, 0);
	for (i = 0; i < new.count; i++)
		mab_push(b, new.node[i], new.max[i], new.gap[i], false);
	root = mt_mk_node(mas_pop_node(wr->mas), mt_internal_type(mt));
	mab_write_node(b, 0, b->count, root);
	mas_wr_set_root(wr, root, level + 1);
}

/*
 * May the region at @level stay below mt_min_slots? Only a node on the
 * right edge of the tree (max == ULONG_MAX) that the store does not
 * shrink: appends leave those nodes short, as Linux's do (its mt_validate
 * exempts them too); a store that shrinks one still rebalances it.
 */
static bool mas_wr_short_ok(struct maple_wr_state *wr, unsigned int level)
{
	struct maple_step *left = &wr->left[level], *right = &wr->right[level];
	struct maple_node *node = mte_to_node(left->node);

	if (right->max != ULONG_MAX || left->node != right->node)
		return false;
	return wr->big.count > ma_data_end(node, mte_node_type(left->node), left->max);
}

/* Does a node that covers up to @max keep mt_min_slots when it loses @removed children? */
static bool ma_keeps_min_slots(struct maple_node *node, enum maple_type type,
			       unsigned long max, int removed)
{
	return ma_data_end(node, type, max) + 1 - removed >= mt_min_slots[type];
}

/* Move the child in slot @from of @parent, which covers up to parent->max, to slot @to. */
static void ma_move_child(const struct maple_step *parent, int from, int to)
{
	struct maple_node *node = mte_to_node(parent->node);
	enum maple_type type = mte_node_type(parent->node);
	void **slots = ma_slots(node, type);

	slots[to] = slots[from];
	if (to < mt_pivots[type])
		ma_pivots(node, type)[to] = ma_pivot_or_max(node, type, from, parent->max);
	if (type == maple_arange_64)
		node->ma64.gap[to] = node->ma64.gap[from];
	mte_set_parent(slots[to], parent->node, to);
}

/*
 * Replace the @k children of @parent from slot parent->offset on by the
 * new->count nodes in @new, where the parent is: the children after them
 * move (left when the parent loses some, right when it gains one), the
 * old children not among the new nodes are freed, and the pivots, gaps
 * and parent pointers are written, with the result mas_wr_parent_region()
 * and mab_write_node() would give; then the gaps above are updated. For a
 * merge the new nodes are the first old ones, rewritten (new->count <= @k);
 * for a split the first is the old child (@k == 1). The caller has checked
 * that the parent keeps mt_min_slots (ma_keeps_min_slots) or has room.
 */
static void ma_replace_children(struct maple_tree *mt, const struct maple_step *parent, int k,
				const struct maple_new_nodes *new)
{
	struct maple_node *node = mte_to_node(parent->node);
	enum maple_type type = mte_node_type(parent->node);
	unsigned long *pivots = ma_pivots(node, type);
	unsigned long *gaps = type == maple_arange_64 ? node->ma64.gap : NULL;
	void **slots = ma_slots(node, type);
	int lo = parent->offset, shift = new->count - k;
	int end = ma_data_end(node, type, parent->max), last = end + shift, i;

	for (i = new->count; i < k; i++)
		mte_destroy_walk(slots[lo + i]);
	/* Move the children after the region, each read before it is overwritten. */
	if (shift < 0)
		for (i = lo + k; i <= end; i++)
			ma_move_child(parent, i, i + shift);
	else if (shift > 0)
		for (i = end; i >= lo + k; i--)
			ma_move_child(parent, i, i + shift);
	for (i = 0; i < new->count; i++) {
		slots[lo + i] = new->node[i];
		if (lo + i < mt_pivots[type])
			pivots[lo + i] = new->max[i];
		if (gaps)
			gaps[lo + i] = new->gap[i];
		/* a merge's leaves are where they were, but the rebuild marked them dead */
		mte_set_parent(slots[lo + i], parent->node, lo + i);
	}
	for (i = last + 1; i <= end; i++) {
		slots[i] = NULL;
		if (i < mt_pivots[type])
			pivots[i] = 0;
		if (gaps)
			gaps[i] = 0;
	}
	if (gaps) {
		node->ma64.meta.end = last;
		ma_set_meta_gap(node);
	}
	mte_update_gap(mt, parent->node, parent->min, parent->max);
}

/*
 * The rebuild's merge, when its new leaves are the old ones
 * (mas_wr_reusable): the parent changes where it is (ma_replace_children) if
 * it is not the root and keeps mt_min_slots; false, with nothing done,
 * otherwise (the parent is rebuilt in turn).
 */
static bool mas_wr_merge_parent(struct maple_wr_state *wr, struct maple_new_nodes *new)
{
	struct maple_step *parent = &wr->left[1];
	int k = wr->right[1].offset - parent->offset + 1;

	if (new->reused != new->count || wr->height < 3 ||
	    !ma_keeps_min_slots(mte_to_node(parent->node), mte_node_type(parent->node),
				parent->max, k - new->count))
		return false;
	ma_replace_children(wr->tree, parent, k, new);
	return true;
}

/*
 * Rebuild the region level by level (see the comment at the top of the
 * file). wr->big holds the leaf region; the nodes needed are reserved.
 */
static void mas_wr_rebuild(struct maple_wr_state *wr)
{
	struct maple_tree *mt = wr->tree;
	struct maple_big_node *b = &wr->big;
	unsigned int level;

	for (level = 0; ; level++) {
		enum maple_type type = level ? mt_internal_type(mt) : maple_leaf_64;
		struct maple_step *left = &wr->left[level], *right = &wr->right[level];
		struct maple_new_nodes new;
		int count;

		if (level + 1 >= wr->height) {
			mas_wr_root(wr, level);
			return;
		}
		/* A gap must not run past a leaf's end: take the next leaf in. */
		if (!level && !b->slot[b->count - 1] && right->max != ULONG_MAX)
			mas_wr_absorb_right(wr, level);
		/* Too few slots: merge with (or borrow from) a neighbour. */
		if (b->count < mt_min_slots[type] && !mas_wr_short_ok(wr, level)) {
			if (left->min)
				mas_wr_absorb_left(wr, level);
			else if (right->max != ULONG_MAX)
				mas_wr_absorb_right(wr, level);
		}
		count = mab_node_count(b, type);
		if (count == 1 && left->node == right->node) {
			/* Same node, same range: rewrite it where it is. */
			mab_write_node(b, 0, b->count, left->node);
			mte_update_gap(mt, left->node, left->min, right->max);
			return;
		}
		new.reused = mas_wr_reusable(wr, level, count);
		if (!new.reused) {
			mte_set_node_dead(left->node);
			mte_set_node_dead(right->node);
		}
		mas_wr_split_nodes(wr, type, count, &new);
		if (!level && mas_wr_merge_parent(wr, &new))
			return;
		mas_wr_parent_region(wr, level, &new);
	}
}

/* ---- Writing: the fast paths (Linux's mas_wr_modify) --------------------- */

/* Which path each store took, by enum maple_wr_path (tests and benchmarks read it). */
unsigned long mt_wr_path_count[MAPLE_WR_NR_PATHS];
/* Cleared by tests to send every store through the rebuild, for comparison. */
bool mt_wr_fast_paths = true;

/*
 * A store that stays inside one leaf (the part of Linux's struct
 * ma_wr_state the fast paths need): the leaf, the slots [index, last]
 * touches (offset..offset_end), their bounds, the slot counts before and
 * after. Storing NULL, index and last grow over NULL neighbours, since a
 * leaf never holds two NULL slots side by side (Linux's mas_wr_extend_null).
 */
struct maple_leaf_wr {
	struct maple_enode *enode;
	struct maple_node *node;
	unsigned long min, max;		/* the leaf's range */
	unsigned long index, last;	/* the range written */
	unsigned long r_min;		/* first index of slot offset */
	unsigned long end_piv;		/* last index of slot offset_end */
	unsigned char offset, offset_end;
	unsigned char end;		/* last used slot before the store */
	unsigned char new_end;		/* last used slot after it */
	void *content;			/* what was at mas->index */
	enum maple_wr_path path;
	bool split;			/* too many slots for the leaf, nothing else */
	bool in_leaf;			/* [index, last] is inside the leaf found */
	bool ends_null;			/* the store would end the leaf (not the last) on NULL */
	bool stores_null;		/* the entry stored is NULL */
};

/* Walk to the leaf holding mas->index; false if [index, last] spans leaves. */
static bool mas_wr_leaf_walk(struct ma_state *mas, struct maple_leaf_wr *l)
{
	struct maple_enode *enode = mas->tree->ma_root;
	unsigned long min = 0, max = ULONG_MAX;
	struct maple_node *node;
	unsigned long *pivots;
	unsigned char i;

	/*
	 * As Linux's mas_wr_store_setup(): a state left on a leaf whose range
	 * holds the write (by a walk, a move, mas_preallocate()) starts there.
	 * The caller has not changed the tree since: mas_set_range() and
	 * mas_set() reset the state, and every caller here uses them after a
	 * change.
	 */
	if (mas_is_active(mas) && ma_is_leaf(mte_node_type(mas->node)) &&
	    mas->index >= mas->min && mas->last <= mas->max) {
		enode = mas->node;
		min = mas->min;
		max = mas->max;
	}
	for (;;) {
		enum maple_type type = mte_node_type(enode);

		node = mte_to_node(enode);
		if (ma_is_leaf(type))
			break;
		enode = ma_slots(node, type)[ma_find_slot(node, type, mas->index, &min, &max)];
	}
	if (mas->last > max)
		return false;
	pivots = node->mr64.pivot;
	l->enode = enode;
	l->node = node;
	l->min = min;
	l->max = max;
	/* In a local: a store through l's u8 fields could alias the pivots. */
	i = 0;
	while (i < mt_pivots[maple_leaf_64] && mas->index > pivots[i])
		i++;
	l->offset = i;
	while (i < mt_pivots[maple_leaf_64] && mas->last > pivots[i])
		i++;
	l->offset_end = i;
	/* Pivots before offset_end are below last <= max: the end is at or after it. */
	while (i < mt_pivots[maple_leaf_64] && pivots[i] < max)
		i++;
	l->end = i;
	l->r_min = l->offset ? pivots[l->offset - 1] + 1 : min;
	l->end_piv = ma_pivot_or_max(node, maple_leaf_64, l->offset_end, max);
	l->content = node->mr64.slot[l->offset];
	l->index = mas->index;
	l->last = mas->last;
	return true;
}

/* Storing NULL: take in the NULL slots at either end of the range. */
static void mas_wr_extend_null(struct maple_leaf_wr *l)
{
	void **slots = l->node->mr64.slot;
	unsigned long *pivots = l->node->mr64.pivot;

	if (!slots[l->offset]) {
		l->index = l->r_min;
	} else if (l->index == l->r_min && l->offset && !slots[l->offset - 1]) {
		l->offset--;
		l->r_min = l->offset ? pivots[l->offset - 1] + 1 : l->min;
		l->index = l->r_min;
	}
	if (!slots[l->offset_end]) {
		l->last = l->end_piv;
	} else if (l->last == l->end_piv && l->offset_end < l->end &&
		   !slots[l->offset_end + 1]) {
		l->offset_end++;
		l->end_piv = ma_pivot_or_max(l->node, maple_leaf_64, l->offset_end, l->max);
		l->last = l->end_piv;
	}
}

/*
 * Can the leaf hold the result in place? It must fit in 16 slots; a leaf
 * other than the last must not end on NULL; a root leaf must not be left
 * holding only NULL (the tree becomes empty); and any other node keeps
 * mt_min_slots, except on the right edge of the tree (max == ULONG_MAX) as
 * long as the store does not shrink it: appends leave those nodes short,
 * as in Linux. The rebuild (mas_wr_fits_in_place) applies the same rules.
 */
static bool mas_wr_leaf_fits(struct maple_leaf_wr *l, struct maple_tree *mt, void *entry)
{
	void *last_slot;

	if (l->offset_end < l->end)
		last_slot = l->node->mr64.slot[l->end];
	else
		last_slot = l->end_piv > l->last ? l->node->mr64.slot[l->offset_end] : entry;
	l->ends_null = !last_slot && l->max != ULONG_MAX;
	if (l->ends_null)
		return false;
	if (l->new_end >= MAPLE_RANGE64_SLOTS) {
		l->split = true;
		return false;
	}
	if (mt_height(mt) == 1)
		return l->new_end || entry;
	return l->new_end + 1 >= mt_min_slots[maple_leaf_64] ||
	       (l->max == ULONG_MAX && l->new_end >= l->end);
}

/*
 * Plan a store of @entry over [mas->index, mas->last]: true, with @l
 * filled and l->path chosen, when it can be done inside one leaf without
 * allocating; false when it needs the rebuild (l->split: only to split
 * the leaf, which mas_wr_split_need() counts nodes for).
 */
static bool mas_wr_plan(struct ma_state *mas, void *entry, struct maple_leaf_wr *l)
{
	l->split = false;
	l->in_leaf = false;
	l->stores_null = !entry;
	if (!mt_wr_fast_paths || !mas->tree->ma_root || !mas_wr_leaf_walk(mas, l))
		return false;
	l->in_leaf = true;
	if (!entry)
		mas_wr_extend_null(l);
	l->new_end = l->end - (l->offset_end - l->offset) + (l->r_min < l->index) +
		     (l->end_piv > l->last);
	if (!mas_wr_leaf_fits(l, mas->tree, entry))
		return false;
	if (l->offset == l->offset_end && l->r_min == l->index && l->end_piv == l->last)
		l->path = MAPLE_WR_EXACT_FIT;
	else if (l->new_end == l->end && l->offset_end == l->offset + 1)
		l->path = MAPLE_WR_SLOT_STORE;
	else if (l->offset_end == l->end && l->new_end > l->end)
		l->path = MAPLE_WR_APPEND;
	else
		l->path = MAPLE_WR_NODE_STORE;
	return true;
}

/*
 * Will the leaf split @l plans be done in place (mas_wr_split)? With the
 * fast paths on, for an entry (not NULL) and a parent, @parent (its
 * node and max), with room for one more child.
 */
static bool mas_wr_split_in_place(struct maple_leaf_wr *l, const struct maple_step *parent)
{
	enum maple_type type = mte_node_type(parent->node);

	return mt_wr_fast_paths && l->split && !l->stores_null &&
	       ma_data_end(mte_to_node(parent->node), type, parent->max) + 1 < mt_slots[type];
}

/*
 * Nodes a store that only overfills the leaf at the end of @path (the
 * walk from the root to it) takes: 1 for a split in place
 * (mas_wr_split_in_place); for the rebuild's split, 3 for the leaf's
 * level and as many for each ancestor that may split in turn (one with no
 * room for two more children), none once an ancestor has that room (it
 * is rewritten in place), and a new root if even the root may split. The
 * worst case for any store is 3 a level + 1.
 */
static unsigned long mas_wr_split_need(struct maple_tree *mt, struct maple_leaf_wr *l,
				       const struct maple_step *path)
{
	unsigned int height = mt_height(mt), level;
	unsigned long need = 0;

	if (height > 1 && mas_wr_split_in_place(l, &path[1]))
		return 1;

	for (level = 0; level + 1 < height; level++) {
		const struct maple_step *parent = &path[level + 1];
		enum maple_type type = mte_node_type(parent->node);

		need += 3;
		if (ma_data_end(mte_to_node(parent->node), type, parent->max) + 3 <= mt_slots[type])
			return need;
	}
	return need + 3 + 1;
}

/*
 * Nodes the rebuild takes for a store that leaves its leaf too short, or
 * ending on a NULL range (not the tree's last leaf): it merges the leaf
 * with its neighbours, the next leaf for the NULL end, then the one before
 * if it is still short (the next one for the tree's first leaf), into at
 * most two nodes, which the old leaves become, rewritten where they are
 * (mas_wr_reusable), as the parent is if it may lose the leaves left
 * over (one, two when three leaves merge). So none, when the parent holds
 * those neighbours and may lose them, and the leaves hold at most
 * 2 * (MAPLE_RANGE64_SLOTS - 1) slots between them (mab_node_count: two
 * nodes); the worst case for any store otherwise.
 */
static unsigned long mas_wr_merge_need(struct maple_tree *mt, struct maple_leaf_wr *l,
				       const struct maple_step *path)
{
	unsigned int height = mt_height(mt);
	const struct maple_step *parent = &path[1];
	struct maple_node *pnode;
	enum maple_type type;
	int children, pos, slots, lose = 1;

	if (height < 2)
		return mas_wr_node_budget(height);
	pnode = mte_to_node(parent->node);
	type = mte_node_type(parent->node);
	children = ma_data_end(pnode, type, parent->max) + 1;
	pos = parent->offset;
	if (l->ends_null) {
		struct maple_enode *next;

		if (pos + 1 >= children)
			return mas_wr_node_budget(height);
		next = ma_slots(pnode, type)[pos + 1];
		slots = l->new_end + 1 + ma_data_end(mte_to_node(next), maple_leaf_64,
						     ma_pivot_or_max(pnode, type, pos + 1,
								     parent->max)) + 1;
		if (slots > 2 * (MAPLE_RANGE64_SLOTS - 1))
			return mas_wr_node_budget(height);
		/* still short with the next leaf (two NULL ranges may meet): the one before too */
		if (slots - 1 < mt_min_slots[maple_leaf_64]) {
			if (pos < 1)
				return mas_wr_node_budget(height);
			lose = 2;
		}
	} else if (l->min ? pos < 1 : pos + 1 >= children) {
		return mas_wr_node_budget(height);
	}
	if (height > 2 && children - lose < mt_min_slots[type])
		return mas_wr_node_budget(height);
	return 0;
}

/*
 * Nodes to reserve for a store that takes the rebuild (the plan in @l says
 * why); @path is the walk to mas->index, or NULL to walk here.
 */
static unsigned long mas_wr_rebuild_need(struct ma_state *mas, struct maple_leaf_wr *l,
					 const struct maple_step *path)
{
	struct maple_step walked[MAPLE_HEIGHT_MAX];

	if (!l->split && !l->in_leaf)
		return mas_wr_node_budget(mt_height(mas->tree));
	if (!path) {
		mt_walk_path(mas->tree, mas->index, walked, 0);
		path = walked;
	}
	if (l->split)
		return mas_wr_split_need(mas->tree, l, path);
	return mas_wr_merge_need(mas->tree, l, path);
}

/*
 * Only the boundary between slots offset and offset + 1 moves (Linux's
 * mas_wr_slot_store): the new range replaces the start of the first and
 * the rest of the second is untouched, or the reverse. The brk case: the
 * heap VMA grows into the gap above it.
 */
static void mas_wr_slot_store(struct maple_leaf_wr *l, void *entry)
{
	struct maple_range_64 *leaf = &l->node->mr64;

	if (l->r_min == l->index) {
		leaf->slot[l->offset] = entry;
		leaf->pivot[l->offset] = l->last;
	} else {
		leaf->pivot[l->offset] = l->index - 1;
		leaf->slot[l->offset + 1] = entry;
	}
}

/* Clear slots @from..@to of @leaf: a leaf's unused slots are NULL and their pivots 0. */
static void ma_leaf_clear(struct maple_range_64 *leaf, int from, int to)
{
	for (; from <= to; from++) {
		leaf->slot[from] = NULL;
		if (from < mt_pivots[maple_leaf_64])
			leaf->pivot[from] = 0;
	}
}

/* Move slot @from of the leaf of @l, which covers up to l->max, to slot @to. */
static inline void ma_leaf_move(struct maple_leaf_wr *l, int from, int to)
{
	struct maple_range_64 *leaf = &l->node->mr64;

	leaf->slot[to] = leaf->slot[from];
	if (to < mt_pivots[maple_leaf_64])
		leaf->pivot[to] = ma_pivot_or_max(l->node, maple_leaf_64, from, l->max);
}

/*
 * Rewrite the leaf in place from slot offset on (Linux's mas_wr_node_store,
 * and mas_wr_append when the store is at the leaf's end and only adds
 * slots): what is left of slot offset before the range, the range, what is
 * left of slot offset_end after it, then the slots that followed, moved.
 * Unused slots and pivots are cleared. Linux builds the node on the side
 * and, in RCU mode, publishes a copy so that lockless readers never see it
 * half-written. This kernel has no RCU readers (one CPU, no kernel
 * preemption: nothing reads the tree while a store runs), so the slots and
 * pivots are changed where they are.
 */
static void mas_wr_node_store(struct maple_leaf_wr *l, void *entry)
{
	struct maple_range_64 *leaf = &l->node->mr64;
	void *left = leaf->slot[l->offset], *right = leaf->slot[l->offset_end];
	int tail = l->offset_end + 1, shift = l->new_end - l->end, i;
	unsigned char to = l->offset;

	/* The slots after the range move by shift, each read before it is overwritten. */
	if (shift < 0)
		for (i = tail; i <= l->end; i++)
			ma_leaf_move(l, i, i + shift);
	else if (shift > 0)
		for (i = l->end; i >= tail; i--)
			ma_leaf_move(l, i, i + shift);
	if (l->r_min < l->index) {
		leaf->slot[to] = left;
		leaf->pivot[to++] = l->index - 1;
	}
	leaf->slot[to] = entry;
	if (to < mt_pivots[maple_leaf_64])
		leaf->pivot[to] = l->last;
	to++;
	if (l->end_piv > l->last) {
		leaf->slot[to] = right;
		if (to < mt_pivots[maple_leaf_64])
			leaf->pivot[to] = l->end_piv;
	}
	/* Slots past the old end were unused already. */
	ma_leaf_clear(leaf, l->new_end + 1, l->end);
}

/*
 * After an entry is stored over NULL ranges of a leaf (not the root) of an
 * alloc tree: can the leaf's largest gap, recorded in its parent, have
 * shrunk? Only if a NULL range the store covered was that large; they all
 * lie in [r_min, end_piv], so when that is shorter the largest gap is
 * elsewhere in the leaf and unchanged.
 */
static bool mas_wr_gap_may_shrink(struct maple_leaf_wr *l)
{
	unsigned char slot;
	unsigned long largest;

	if (mte_is_root(l->enode))
		return false;
	largest = ma_parent_arange(l->node, &slot)->gap[slot];
	return !largest || l->end_piv - l->r_min >= largest - 1;
}

/*
 * Store @entry as planned in @l (see mas_wr_plan), then update the gaps
 * above the leaf if a NULL range was involved.
 */
static void mas_wr_modify(struct ma_state *mas, struct maple_leaf_wr *l, void *entry)
{
	bool gaps = mt_is_alloc(mas->tree) && !entry;
	unsigned char i;

	for (i = l->offset; i <= l->offset_end && !gaps; i++)
		gaps = mt_is_alloc(mas->tree) && !l->node->mr64.slot[i];
	switch (l->path) {
	case MAPLE_WR_EXACT_FIT:
		l->node->mr64.slot[l->offset] = entry;
		break;
	case MAPLE_WR_SLOT_STORE:
		mas_wr_slot_store(l, entry);
		break;
	default:
		mas_wr_node_store(l, entry);
		break;
	}
	mt_wr_path_count[l->path]++;
	if (gaps && !entry)
		mte_grow_gap(mas->tree, l->enode, l->last - l->index + 1);
	else if (gaps && mas_wr_gap_may_shrink(l))
		mte_update_gap(mas->tree, l->enode, l->min, l->max);
}

/* The step above the non-root @enode: its parent, the parent's range, the slot holding @enode. */
static void mte_parent_step(struct maple_enode *enode, struct maple_step *parent)
{
	parent->node = mte_parent(enode, &parent->offset);
	mte_range(parent->node, &parent->min, &parent->max);
}

/*
 * Two sibling leaves being rebalanced in place, in their parent's slots
 * parent.offset and parent.offset + 1: @a covers [min, mid] in @na slots,
 * @b [mid + 1, max] in @nb; @join when @a ends and @b starts on NULL (the
 * two ranges become one).
 */
struct maple_leaf_pair {
	struct maple_step parent;
	struct maple_node *a, *b;
	unsigned long min, mid, max;
	int na, nb;
	bool join;
};

/* The last index of slot @i of leaf @b of @p. */
static unsigned long mlp_b_pivot(const struct maple_leaf_pair *p, int i)
{
	return i < p->nb - 1 ? p->b->mr64.pivot[i] : p->max;
}

/*
 * Move the ranges of @p's right leaf into its left one, which then ends
 * at p->max (the right leaf is freed with the parent's slot).
 */
static void mlp_merge(struct maple_leaf_pair *p)
{
	struct maple_range_64 *a = &p->a->mr64, *b = &p->b->mr64;
	int i, to = p->na;

	if (p->join && p->na - 1 < mt_pivots[maple_leaf_64])
		a->pivot[p->na - 1] = mlp_b_pivot(p, 0);
	for (i = p->join; i < p->nb; i++, to++) {
		a->slot[to] = b->slot[i];
		if (to < mt_pivots[maple_leaf_64])
			a->pivot[to] = mlp_b_pivot(p, i);
	}
	p->mid = p->max;
}

/*
 * Share @p's ranges out so that the left leaf keeps the first @e of them
 * (counted as if the leaves were one run, @join counted once), moving the
 * ones that change leaf to the front of the right leaf or the end of the
 * left one; p->mid becomes the left leaf's new end.
 */
static void mlp_split(struct maple_leaf_pair *p, int e)
{
	struct maple_range_64 *a = &p->a->mr64, *b = &p->b->mr64;
	int i, m;

	if (e < p->na) {
		/* a's last m ranges go to the front of b; with join, a's last NULL takes b's first */
		unsigned long a_last = p->join ? mlp_b_pivot(p, 0) : p->mid;

		m = p->na - e;
		for (i = p->nb - 1; i >= p->join; i--) {
			int to = i - p->join + m;

			b->slot[to] = b->slot[i];
			if (to < mt_pivots[maple_leaf_64])
				b->pivot[to] = mlp_b_pivot(p, i);
		}
		for (i = 0; i < m; i++) {
			b->slot[i] = a->slot[e + i];
			b->pivot[i] = e + i == p->na - 1 ? a_last : a->pivot[e + i];
		}
		p->mid = a->pivot[e - 1];
		ma_leaf_clear(a, e, p->na - 1);
	} else if (e > p->na) {
		/* b's first ranges (after a joined NULL) go to the end of a */
		int shift;

		m = e - p->na;
		shift = m + p->join;
		if (p->join)
			a->pivot[p->na - 1] = mlp_b_pivot(p, 0);
		for (i = 0; i < m; i++) {
			a->slot[p->na + i] = b->slot[p->join + i];
			if (p->na + i < mt_pivots[maple_leaf_64])
				a->pivot[p->na + i] = mlp_b_pivot(p, p->join + i);
		}
		p->mid = mlp_b_pivot(p, shift - 1);
		for (i = shift; i < p->nb; i++) {
			b->slot[i - shift] = b->slot[i];
			b->pivot[i - shift] = mlp_b_pivot(p, i);
		}
		ma_leaf_clear(b, p->nb - shift, p->nb - 1);
	}
}

/*
 * Find the sibling the rebuild would merge @l's leaf with and fill @p:
 * the next leaf for a leaf that would end on a NULL range or is the
 * tree's first, the one before otherwise (mas_wr_rebuild's
 * mas_wr_absorb_right/left), if the parent holds it. False otherwise.
 */
static bool mlp_find(struct maple_leaf_wr *l, struct maple_leaf_pair *p)
{
	struct maple_step *parent = &p->parent;
	struct maple_node *pnode;
	enum maple_type ptype;
	unsigned char pos, end;
	bool next = l->ends_null || !l->min;

	mte_parent_step(l->enode, parent);
	pos = parent->offset;
	pnode = mte_to_node(parent->node);
	ptype = mte_node_type(parent->node);
	end = ma_data_end(pnode, ptype, parent->max);
	if (next ? pos >= end : !pos)
		return false;
	parent->offset = next ? pos : pos - 1;
	if (next) {
		p->a = l->node;
		p->na = l->new_end + 1;
		p->b = mte_to_node(ma_slots(pnode, ptype)[pos + 1]);
		p->min = l->min;
		p->mid = l->max;
		p->max = ma_pivot_or_max(pnode, ptype, pos + 1, parent->max);
		p->nb = ma_data_end(p->b, maple_leaf_64, p->max) + 1;
		p->join = l->ends_null && !p->b->mr64.slot[0];
	} else {
		p->a = mte_to_node(ma_slots(pnode, ptype)[pos - 1]);
		p->b = l->node;
		p->nb = l->new_end + 1;
		p->min = pos > 1 ? ma_pivots(pnode, ptype)[pos - 2] + 1 : parent->min;
		p->mid = l->min - 1;
		p->max = l->max;
		p->na = ma_data_end(p->a, maple_leaf_64, p->mid) + 1;
		p->join = false;	/* a leaf with another after it never ends on NULL */
	}
	return true;
}

/*
 * Rebalance in place (Linux's mas_rebalance, without the big node): the
 * store planned in @l leaves its leaf short, or ending on a NULL range,
 * and the rebuild would merge the leaf with the sibling next to it into
 * one or two nodes, the two old leaves rewritten where they are, and the
 * parent too (mas_wr_reusable, mas_wr_merge_parent). This gives the same
 * tree, node for node, from the leaf the plan found and its parent's
 * pivots, with no walk from the root and no node allocated: the store is
 * made in the leaf (mas_wr_node_store), the ranges of the two leaves are
 * shared out as mas_wr_split_nodes() shares them, and the parent changes
 * in place (ma_replace_children). False, with nothing changed, where the
 * rebuild would do more (a sibling under another parent, a third leaf, a
 * parent left short, a leaf that would also overflow, the right edge or
 * the top two levels of the tree).
 */
static bool mas_wr_rebalance(struct ma_state *mas, struct maple_leaf_wr *l, void *entry)
{
	struct maple_tree *mt = mas->tree;
	struct maple_new_nodes new;
	struct maple_leaf_pair p;
	int c, e;

	if (!mt_wr_fast_paths || !l->in_leaf || l->new_end >= MAPLE_RANGE64_SLOTS ||
	    mt_height(mt) < 3 || l->max == ULONG_MAX || !mlp_find(l, &p))
		return false;
	c = p.na + p.nb - p.join;
	new.count = c <= MAPLE_RANGE64_SLOTS ? 1 : DIV_ROUND_UP(c, MAPLE_RANGE64_SLOTS - 1);
	/* Still short with the next leaf: the rebuild takes a third in. */
	if (new.count > 2 || (l->ends_null && c < mt_min_slots[maple_leaf_64]) ||
	    !ma_keeps_min_slots(mte_to_node(p.parent.node), mte_node_type(p.parent.node),
				p.parent.max, 2 - new.count))
		return false;
	mas_wr_node_store(l, entry);
	new.reused = new.count;
	new.node[0] = mt_mk_node(p.a, maple_leaf_64);
	new.node[1] = mt_mk_node(p.b, maple_leaf_64);
	if (new.count == 1) {
		mlp_merge(&p);
	} else {
		/* mas_wr_split_nodes' cut: half, and never ending the left leaf on NULL */
		e = c / 2;
		if (!(e - 1 < p.na ? p.a->mr64.slot[e - 1] : p.b->mr64.slot[e - 1 - p.na + p.join]))
			e++;
		mlp_split(&p, e);
		new.max[1] = p.max;
		new.gap[1] = mte_max_gap(new.node[1], p.mid + 1, p.max);
	}
	new.max[0] = p.mid;
	new.gap[0] = mte_max_gap(new.node[0], p.min, p.mid);
	ma_replace_children(mt, &p.parent, 2, &new);
	mt_wr_path_count[MAPLE_WR_REBALANCE]++;
	return true;
}

/*
 * Split a leaf in place (Linux's mas_split, where the parent has room):
 * the store planned in @l overfills its leaf and nothing else, and the
 * rebuild would cut the leaf's ranges into two new leaves and rewrite the
 * parent where it is. This gives the same tree, node for node, from the
 * leaf the plan found: the ranges are laid out in the big node and cut as
 * the rebuild cuts them (mas_wr_leaf_region, mas_wr_split_nodes), but the
 * old leaf becomes the left one, only the right one is allocated, and the
 * parent, @parent, opens a slot for it in place (ma_replace_children),
 * with no walk from the root. Returns 0, or -ENOMEM with the tree
 * unchanged. Out of line: the fast paths do not carry the big node.
 */
static __noinline int mas_wr_split(struct ma_state *mas, struct maple_leaf_wr *l, void *entry,
				   gfp_t gfp, bool may_alloc, const struct maple_step *parent)
{
	struct maple_wr_state wr;
	struct maple_new_nodes new;

	if (!mas_allocated(mas)) {
		BUG_ON(!may_alloc);
		if (mas_node_count(mas, 1, gfp))
			return -ENOMEM;
	}
	wr.mas = mas;
	wr.tree = mas->tree;
	wr.height = mt_height(mas->tree);
	wr.left[0] = (struct maple_step){ l->enode, l->min, l->max, l->offset };
	wr.right[0] = (struct maple_step){ l->enode, l->min, l->max, l->offset_end };
	wr.left[1] = *parent;
	wr.right[1] = *parent;
	mas_wr_leaf_region(&wr, entry);
	new.reused = 1;
	mas_wr_split_nodes(&wr, maple_leaf_64, mab_node_count(&wr.big, maple_leaf_64), &new);
	ma_replace_children(wr.tree, parent, 1, &new);
	mt_wr_path_count[MAPLE_WR_SPLIT]++;
	return 0;
}

/* Can the leaf region be written back into its own leaf, with no other node changing? */
static bool mas_wr_fits_in_place(struct maple_wr_state *wr)
{
	struct maple_big_node *b = &wr->big;

	if (!wr->height || wr->left[0].node != wr->right[0].node)
		return false;
	if (b->count > MAPLE_RANGE64_SLOTS)
		return false;
	if (wr->height == 1)
		return b->count > 1 || b->slot[0];
	if (b->count < mt_min_slots[maple_leaf_64] && !mas_wr_short_ok(wr, 0))
		return false;
	return b->slot[b->count - 1] || wr->right[0].max == ULONG_MAX;
}

/*
 * The slow path of mas_wr_store_entry: lay the region out in a big node
 * and rebuild it (see the comment at the top of the file), reserving
 * first what the plan in @l says it needs (mas_wr_rebuild_need, from this
 * function's own walk). Out of line, so the fast paths do not carry its
 * stack frame.
 */
static __noinline int mas_wr_rebuild_store(struct ma_state *mas, void *entry, gfp_t gfp,
					 bool may_alloc, struct maple_leaf_wr *l, void **content)
{
	struct maple_wr_state wr;
	unsigned long need;

	wr.mas = mas;
	wr.tree = mas->tree;
	wr.height = mt_height(mas->tree);
	if (wr.height) {
		mt_walk_path(wr.tree, mas->index, wr.left, 0);
		mt_walk_path_after(wr.tree, mas->last, wr.left, wr.right);
	}
	mas_wr_leaf_region(&wr, entry);
	*content = wr.content;

	if (mas_wr_fits_in_place(&wr)) {
		mab_write_node(&wr.big, 0, wr.big.count, wr.left[0].node);
		mte_update_gap(wr.tree, wr.left[0].node, wr.left[0].min, wr.left[0].max);
	} else {
		need = mas_wr_rebuild_need(mas, l, wr.height ? wr.left : NULL);
		if (mas_allocated(mas) < need) {
			BUG_ON(!may_alloc);
			if (mas_node_count(mas, need, gfp))
				return -ENOMEM;
		}
		mas_wr_rebuild(&wr);
	}
	mt_wr_path_count[MAPLE_WR_REBUILD]++;
	/* Continue from the stored range: mas_find() goes on after mas->last. */
	mas->node = MAS_PAUSE;
	return 0;
}

/*
 * The first store into an empty tree (Linux's mas_root_expand): one leaf
 * with the range and the NULL ranges around it. Storing NULL changes
 * nothing. Returns 0 or -ENOMEM (the tree still empty).
 */
static int mas_root_expand(struct ma_state *mas, void *entry, gfp_t gfp, bool may_alloc)
{
	struct maple_range_64 *leaf;
	struct maple_enode *root;
	unsigned char slot = 0;

	if (entry) {
		if (!mas_allocated(mas)) {
			BUG_ON(!may_alloc);
			if (mas_node_count(mas, 1, gfp))
				return -ENOMEM;
		}
		root = mt_mk_node(mas_pop_node(mas), maple_leaf_64);
		leaf = &mte_to_node(root)->mr64;
		if (mas->index)
			leaf->pivot[slot++] = mas->index - 1;
		leaf->slot[slot] = entry;
		/* The last used slot's pivot is the node's maximum. */
		leaf->pivot[slot] = mas->last;
		if (mas->last != ULONG_MAX)
			leaf->pivot[++slot] = ULONG_MAX;
		mte_set_root_parent(root, mas->tree);
		mas->tree->ma_root = root;
		mt_set_height(mas->tree, 1);
		mt_wr_path_count[MAPLE_WR_ROOT_EXPAND]++;
	}
	mas->node = MAS_PAUSE;
	return 0;
}

/*
 * Store @entry over [mas->index, mas->last]. If the write needs more nodes
 * than @mas holds, allocate them with @gfp when @may_alloc, else BUG.
 * Returns 0, -EINVAL for a backwards range, or -ENOMEM with the tree unchanged.
 * *@content is set to what was at mas->index.
 */
static int mas_wr_store_entry(struct ma_state *mas, void *entry, gfp_t gfp,
			      bool may_alloc, void **content)
{
	struct maple_leaf_wr l;

	*content = NULL;
	if (mas->index > mas->last)
		return -EINVAL;
	if (!mas->tree->ma_root && mt_wr_fast_paths)
		return mas_root_expand(mas, entry, gfp, may_alloc);
	if (mas_wr_plan(mas, entry, &l)) {
		mas_wr_modify(mas, &l, entry);
	} else if (l.split && mt_height(mas->tree) > 1) {
		struct maple_step parent;
		int ret;

		mte_parent_step(l.enode, &parent);
		if (!mas_wr_split_in_place(&l, &parent))
			return mas_wr_rebuild_store(mas, entry, gfp, may_alloc, &l, content);
		ret = mas_wr_split(mas, &l, entry, gfp, may_alloc, &parent);
		if (ret)
			return ret;
	} else if (!mas_wr_rebalance(mas, &l, entry)) {
		return mas_wr_rebuild_store(mas, entry, gfp, may_alloc, &l, content);
	}
	*content = l.content;
	/* Continue from the stored range: mas_find() goes on after mas->last. */
	mas->node = MAS_PAUSE;
	return 0;
}

/**
 * mas_store() - store @entry over [mas->index, mas->last].
 * @mas: the maple state; nodes it holds (mas_preallocate) are used first
 * @entry: the entry, or NULL to erase
 *
 * Return: the entry that was at mas->index. If a node cannot be
 * allocated, mas->node becomes MA_ERROR(-ENOMEM) and the tree is unchanged.
 */
void *mas_store(struct ma_state *mas, void *entry)
{
	bool reserved = mas->alloc != NULL;
	void *content;
	int ret;

	ret = mas_wr_store_entry(mas, entry, GFP_NOWAIT | __GFP_NOWARN, true, &content);
	if (!reserved)
		mas_destroy(mas);
	if (ret)
		mas->node = MA_ERROR(ret);
	return content;
}

/**
 * mas_store_gfp() - store @entry over [mas->index, mas->last], allocating with @gfp.
 *
 * Return: 0, -EINVAL if mas->index > mas->last, or -ENOMEM with the tree unchanged.
 */
int mas_store_gfp(struct ma_state *mas, void *entry, gfp_t gfp)
{
	void *content;
	int ret;

	ret = mas_wr_store_entry(mas, entry, gfp, true, &content);
	mas_destroy(mas);
	if (ret)
		mas->node = MA_ERROR(ret);
	return ret;
}

/**
 * mas_preallocate() - reserve the nodes a store of @entry over [mas->index, mas->last] needs.
 * @mas: the maple state: its range is kept, and it is left on the leaf a fast store will change
 * @entry: the entry to be stored
 * @gfp: allocation flags
 *
 * Plans the store as mas_store_prealloc() will do it and reserves only
 * what that write can need (as later Linux kernels do per write type):
 * nothing for a store one leaf can take in place (exact fit, slot store,
 * append, node store), what splitting the leaf takes when that is all the
 * store needs (mas_wr_split_need), nothing for a merge of leaves under
 * one parent (mas_wr_merge_need), the rebuild's worst case (3 nodes a
 * level and a root) otherwise. So the tree must not change between this call and
 * mas_store_prealloc() with the same range (mmap.c calls the two back to
 * back); a store that then needs more than was reserved is a BUG.
 * Return: 0, or -ENOMEM with nothing reserved.
 */
int mas_preallocate(struct ma_state *mas, void *entry, gfp_t gfp)
{
	struct maple_leaf_wr l;
	unsigned long need = 0;

	if (mas->index <= mas->last && !mas_wr_plan(mas, entry, &l)) {
		need = mas_wr_rebuild_need(mas, &l, NULL);
	} else if (mas->index <= mas->last) {
		/* The store will change this leaf: let it start there. */
		mas->node = l.enode;
		mas->min = l.min;
		mas->max = l.max;
	}
	if (!mas_node_count(mas, need, gfp))
		return 0;
	mas_destroy(mas);
	return -ENOMEM;
}

/**
 * mas_store_prealloc() - store @entry with the nodes mas_preallocate() reserved.
 *
 * Allocates nothing and cannot fail; frees the reserved nodes left over.
 */
void mas_store_prealloc(struct ma_state *mas, void *entry)
{
	void *content;
	int ret;

	ret = mas_wr_store_entry(mas, entry, 0, false, &content);
	BUG_ON(ret);
	mas_destroy(mas);
}

/**
 * mas_erase() - erase the whole entry holding mas->index.
 *
 * Return: the entry erased (mas->index/last set to its range), or NULL.
 * As in Linux, if nodes cannot be allocated the entry is still returned,
 * the tree is unchanged and mas->node is MA_ERROR(-ENOMEM).
 */
void *mas_erase(struct ma_state *mas)
{
	bool reserved = mas->alloc != NULL;
	void *entry, *content;
	int ret;

	entry = mas_state_walk(mas);
	if (!entry)
		return NULL;
	/* The walk left the state on the leaf the store changes: it starts there. */
	ret = mas_wr_store_entry(mas, NULL, GFP_KERNEL, true, &content);
	if (!reserved)
		mas_destroy(mas);
	if (ret)
		mas->node = MA_ERROR(ret);
	return entry;
}

/* ---- Tree operations ------------------------------------------------------ */

/* mtree_store_range() - store @entry over [index, last]. Returns 0, -EINVAL or -ENOMEM. */
int mtree_store_range(struct maple_tree *mt, unsigned long index, unsigned long last,
		      void *entry, gfp_t gfp)
{
	MA_STATE(mas, mt, index, last);
	int ret;

	if (index > last)
		return -EINVAL;
	mtree_lock(mt);
	ret = mas_store_gfp(&mas, entry, gfp);
	mtree_unlock(mt);
	return ret;
}

/* mtree_store() - store @entry at @index alone. Returns 0, -EINVAL or -ENOMEM. */
int mtree_store(struct maple_tree *mt, unsigned long index, void *entry, gfp_t gfp)
{
	return mtree_store_range(mt, index, index, entry, gfp);
}

/*
 * mtree_insert_range() - store @entry over [first, last] if nothing is there.
 * Returns 0, -EEXIST if an entry overlaps the range, -EINVAL or -ENOMEM.
 */
int mtree_insert_range(struct maple_tree *mt, unsigned long first, unsigned long last,
		       void *entry, gfp_t gfp)
{
	MA_STATE(mas, mt, first, last);
	int ret;

	if (first > last)
		return -EINVAL;
	mtree_lock(mt);
	if (mas_find(&mas, last)) {
		ret = -EEXIST;
	} else {
		mas_set_range(&mas, first, last);
		ret = mas_store_gfp(&mas, entry, gfp);
	}
	mtree_unlock(mt);
	return ret;
}

/* mtree_insert() - store @entry at @index if nothing is there. Returns 0, -EEXIST, -ENOMEM. */
int mtree_insert(struct maple_tree *mt, unsigned long index, void *entry, gfp_t gfp)
{
	return mtree_insert_range(mt, index, index, entry, gfp);
}

/* mtree_erase() - erase the entry holding @index. Returns it, or NULL. */
void *mtree_erase(struct maple_tree *mt, unsigned long index)
{
	MA_STATE(mas, mt, index, index);
	void *entry;

	mtree_lock(mt);
	entry = mas_erase(&mas);
	mtree_unlock(mt);
	return entry;
}

/* __mt_destroy() - free every node (the caller holds the lock); flags reset, as Linux. */
void __mt_destroy(struct maple_tree *mt)
{
	struct maple_enode *root = mt->ma_root;

	mt->ma_root = NULL;
	if (root)
		mte_destroy_walk(root);
	mt->ma_flags = 0;
}

/* mtree_destroy() - __mt_destroy() under the tree's lock. */
void mtree_destroy(struct maple_tree *mt)
{
	mtree_lock(mt);
	__mt_destroy(mt);
	mtree_unlock(mt);
}

/* ---- Gap search ------------------------------------------------------------- */

/* A search for @size NULL indices within [min, max]; the lowest or (@rev) highest. */
struct maple_gap_search {
	unsigned long min, max, size;
	bool rev;
	unsigned long index, last;	/* the window found */
};

/* Does the NULL range [start, end] hold the window? If so, record it. */
static bool mas_gap_fits(struct maple_gap_search *s, unsigned long start, unsigned long end)
{
	unsigned long lo = max(start, s->min), hi = min(end, s->max);

	if (lo > hi || hi - lo < s->size - 1)
		return false;
	if (s->rev) {
		s->last = hi;
		s->index = hi - s->size + 1;
	} else {
		s->index = lo;
		s->last = lo + s->size - 1;
	}
	return true;
}

/*
 * Search the subtree @enode covering [min, max], children in order (or
 * reverse order), skipping any whose recorded gap is too small.
 */
static bool mte_gap_search(struct maple_gap_search *s, struct maple_enode *enode,
			   unsigned long min, unsigned long max)
{
	/* BEGIN SOLUTION maple */
	struct maple_node *node = mte_to_node(enode);
	enum maple_type type = mte_node_type(enode);
	unsigned long *pivots = ma_pivots(node, type);
	void **slots = ma_slots(node, type);
	unsigned long *gaps = type == maple_arange_64 ? node->ma64.gap : NULL;
	unsigned long cmin = min, cmax, size = s->size;
	bool found = false;
	int i, end, step;

	if (ma_is_leaf(type)) {
		/* One pass upwards: the slot test first, a range only for NULL slots. */
		for (i = 0; cmin <= s->max; i++, cmin = cmax + 1) {
			cmax = ma_pivot_or_max(node, type, i, max);
			if (!slots[i] && cmax >= s->min && mas_gap_fits(s, cmin, cmax)) {
				if (!s->rev)
					return true;
				found = true;	/* a later fit is higher */
			}
			if (cmax >= max)
				break;
		}
		return found;
	}
	end = gaps ? node->ma64.meta.end : ma_data_end(node, type, max);
	step = s->rev ? -1 : 1;
	for (i = s->rev ? end : 0; ; i += step) {
		/* the gaps first, in a tight loop: most children fail, and need no pivot */
		if (gaps)
			while ((unsigned int)i <= (unsigned int)end && gaps[i] < size)
				i += step;
		if ((unsigned int)i > (unsigned int)end)
			return false;
		cmin = i ? pivots[i - 1] + 1 : min;
		cmax = ma_pivot_or_max(node, type, i, max);
		if (s->rev ? cmax < s->min : cmin > s->max)
			break;		/* so is every child after it */
		if (s->rev ? cmin > s->max : cmax < s->min)
			continue;
		if (mte_gap_search(s, slots[i], cmin, cmax))
			return true;
	}
	return false;
	/* END SOLUTION maple */
	/* STUB maple: visit the children of @enode in order (reverse order when s->rev),
	 * skip those outside [s->min, s->max] or whose recorded gap is smaller
	 * than s->size, and in a leaf try each empty slot with mas_gap_fits().
	return false;
	 */
}

/*
 * The lowest (@rev: highest) window of @size free indices in [min, max]:
 * 0 with mas->index/last set to it, -EBUSY if there is none, -EINVAL for
 * bad arguments. Shared by mas_empty_area and mas_empty_area_rev.
 */
static int mas_gap_search(struct ma_state *mas, unsigned long min, unsigned long max,
			  unsigned long size, bool rev)
{
	struct maple_gap_search s = { .min = min, .max = max, .size = size, .rev = rev };
	bool found;

	/* Linux 6.1 also refuses min == max; later kernels accept it, as here. */
	if (min > max || !size || max - min < size - 1)
		return -EINVAL;
	if (mas->tree->ma_root)
		found = mte_gap_search(&s, mas->tree->ma_root, 0, ULONG_MAX);
	else
		found = mas_gap_fits(&s, 0, ULONG_MAX);
	if (!found)
		return -EBUSY;
	mas->index = s.index;
	mas->last = s.last;
	mas->node = MAS_START;
	return 0;
}

/**
 * mas_empty_area() - the lowest free window of @size indices in [min, max].
 *
 * Return: 0 with mas->index/last set to the window ([start, start + size - 1],
 * start the lowest possible), -EBUSY if there is none, -EINVAL for a bad request.
 * Fast (O(log n)) on MT_FLAGS_ALLOC_RANGE trees, which record gaps.
 */
int mas_empty_area(struct ma_state *mas, unsigned long min, unsigned long max,
		   unsigned long size)
{
	return mas_gap_search(mas, min, max, size, false);
}

/**
 * mas_empty_area_rev() - the highest free window of @size indices in [min, max].
 *
 * Return: 0 with mas->last = the end of the highest free range that holds
 * the window (trimmed to @max) and mas->index = mas->last - size + 1;
 * -EBUSY if there is none, -EINVAL for a bad request.
 */
int mas_empty_area_rev(struct ma_state *mas, unsigned long min, unsigned long max,
		       unsigned long size)
{
	return mas_gap_search(mas, min, max, size, true);
}

/* ---- Checking and printing ---------------------------------------------------- */

struct mt_check {
	struct maple_tree *mt;
	int error;
};

/* Report the first violation found: which node, its range, what is wrong. */
__printf(5, 6)
static void mt_check_fail(struct mt_check *c, struct maple_enode *enode,
			  unsigned long min, unsigned long max, const char *fmt, ...)
{
	char why[160];
	va_list args;

	if (c->error)
		return;
	c->error = -EINVAL;
	va_start(args, fmt);
	vsnprintf(why, sizeof(why), fmt, args);
	va_end(args);
	pr_err("mt_validate: tree %p node %p (%s, [%lu, %lu]): %s\n", (void *)c->mt,
	       (void *)mte_to_node(enode), mt_type_names[mte_node_type(enode)], min, max, why);
}

/*
 * Check the subtree @enode covering [min, max] at @level (0 = leaf), held
 * in @slot of @parent (NULL for the root). Returns its largest gap.
 */
static unsigned long mt_check_node(struct mt_check *c, struct maple_enode *enode,
				   struct maple_enode *parent, unsigned char slot,
				   int level, unsigned long min, unsigned long max)
{
	struct maple_node *node = mte_to_node(enode);
	enum maple_type type = mte_node_type(enode);
	enum maple_type want = level ? mt_internal_type(c->mt) : maple_leaf_64;
	unsigned long *pivots = ma_pivots(node, type);
	void **slots = ma_slots(node, type);
	unsigned long start = min, gap = 0;
	unsigned char end, i;

	if (c->error)
		return 0;
	if (type != want) {
		mt_check_fail(c, enode, min, max, "type %s at level %d, expected %s",
			      mt_type_names[type], level, mt_type_names[want]);
		return 0;
	}
	if (!parent) {
		if ((unsigned long)node->parent != ((unsigned long)c->mt | MAPLE_PARENT_ROOT))
			mt_check_fail(c, enode, min, max, "root's parent pointer %p is not the tree",
				      (void *)node->parent);
	} else {
		unsigned char pslot;

		if (mte_parent(enode, &pslot) != parent || pslot != slot)
			mt_check_fail(c, enode, min, max,
				      "parent pointer says node %p slot %u, is in %p slot %u",
				      (void *)mte_to_node(mte_parent(enode, &pslot)), pslot,
				      (void *)mte_to_node(parent), slot);
	}
	end = ma_data_end(node, type, max);
	for (i = 0; i <= end; i++) {
		unsigned long last = ma_pivot_or_max(node, type, i, max);

		if (last < start || (i && start == 0))
			mt_check_fail(c, enode, min, max, "slot %u ends at %lu before it starts at %lu",
				      i, last, start);
		if (ma_is_leaf(type)) {
			if (!slots[i] && i && !slots[i - 1])
				mt_check_fail(c, enode, min, max, "NULL slots %u and %u side by side",
					      i - 1, i);
			if (!slots[i] && last - start + 1 > gap)
				gap = last - start + 1;
		} else if (!slots[i]) {
			mt_check_fail(c, enode, min, max, "child slot %u is NULL", i);
		} else {
			unsigned long child_gap = mt_check_node(c, slots[i], enode, i, level - 1,
								 start, last);

			if (type == maple_arange_64 && node->ma64.gap[i] != child_gap)
				mt_check_fail(c, enode, min, max, "gap[%u] is %lu, child's largest gap is %lu",
					      i, node->ma64.gap[i], child_gap);
			if (child_gap > gap)
				gap = child_gap;
		}
		if (c->error)
			return 0;
		start = last + 1;
	}
	for (i = end + 1; i < mt_slots[type]; i++) {
		if (slots[i])
			mt_check_fail(c, enode, min, max, "slot %u past the end (%u) is used", i, end);
		if (i < mt_pivots[type] && pivots[i])
			mt_check_fail(c, enode, min, max, "pivot %u past the end (%u) is %lu", i, end,
				      pivots[i]);
	}
	if (parent && end + 1 < mt_min_slots[type] && max != ULONG_MAX)
		mt_check_fail(c, enode, min, max, "only %u slots, fewer than %u", end + 1,
			      mt_min_slots[type]);
	if (!parent && level && end < 1)
		mt_check_fail(c, enode, min, max, "internal root with one child");
	if (!parent && !level && end == 0 && !slots[0])
		mt_check_fail(c, enode, min, max, "root leaf holds nothing (tree should be empty)");
	if (ma_is_leaf(type) && max != ULONG_MAX && !slots[end])
		mt_check_fail(c, enode, min, max, "leaf ends on NULL but is not the last leaf");
	if (type == maple_arange_64) {
		if (node->ma64.meta.end != end)
			mt_check_fail(c, enode, min, max, "meta.end %u, last used slot %u",
				      node->ma64.meta.end, end);
		else if (node->ma64.gap[node->ma64.meta.gap] != gap)
			mt_check_fail(c, enode, min, max, "meta.gap %u has gap %lu, largest is %lu",
				      node->ma64.meta.gap, node->ma64.gap[node->ma64.meta.gap], gap);
	}
	return gap;
}

/**
 * mt_validate() - check every invariant of @mt.
 *
 * Checks node types per level (so that all leaves are at the same depth),
 * pivot order and range, the terminating pivot, unused slots, parent
 * pointers and slots, fill limits, NULL ranges, gaps and metadata.
 * Return: 0, or -EINVAL after printing the first violation.
 */
int mt_validate(struct maple_tree *mt)
{
	struct mt_check c = { .mt = mt, .error = 0 };
	unsigned int height = mt_height(mt);

	if (!mt->ma_root) {
		if (height)
			pr_err("mt_validate: tree %p is empty but has height %u\n", (void *)mt, height);
		return height ? -EINVAL : 0;
	}
	if (!height || height > MAPLE_HEIGHT_MAX) {
		pr_err("mt_validate: tree %p has a root but height %u\n", (void *)mt, height);
		return -EINVAL;
	}
	mt_check_node(&c, mt->ma_root, NULL, 0, height - 1, 0, ULONG_MAX);
	return c.error;
}

/* Where mt_dump output goes: a seq_file, or printk when @m is NULL. */
__printf(2, 3)
static void mt_dump_line(struct seq_file *m, const char *fmt, ...)
{
	char line[200];
	va_list args;

	va_start(args, fmt);
	vsnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	if (m)
		seq_puts(m, line);
	else
		printk("%s", line);
}

/* The node as readable text: a header line, then one line per slot. */
static void mt_dump_node(struct seq_file *m, const struct maple_tree *mt,
			 struct maple_enode *enode, unsigned long min, unsigned long max,
			 int depth, enum mt_dump_format format)
{
	struct maple_node *node = mte_to_node(enode);
	enum maple_type type = mte_node_type(enode);
	unsigned char end = ma_data_end(node, type, max);
	const char *range = format == mt_dump_hex ? "[%#lx, %#lx]" : "[%lu, %lu]";
	unsigned long start = min;
	char text[64];
	unsigned char i;

	snprintf(text, sizeof(text), range, min, max);
	mt_dump_line(m, "%*s%s %p %s end %u", depth * 2, "", mt_type_names[type],
		     (void *)node, text, end);
	if (type == maple_arange_64)
		mt_dump_line(m, " largest gap in slot %u", node->ma64.meta.gap);
	mt_dump_line(m, "\n");
	for (i = 0; i <= end; i++) {
		unsigned long last = ma_pivot_or_max(node, type, i, max);
		void *slot = ma_slots(node, type)[i];

		snprintf(text, sizeof(text), range, start, last);
		if (ma_is_leaf(type)) {
			mt_dump_line(m, "%*s%s %p\n", depth * 2 + 2, "", text, slot);
		} else {
			if (type == maple_arange_64)
				mt_dump_line(m, "%*s%s gap %lu\n", depth * 2 + 2, "", text,
					     node->ma64.gap[i]);
			mt_dump_node(m, mt, slot, start, last, depth + 2, format);
		}
		start = last + 1;
	}
}

/* The node as a Graphviz record: one field per slot, an edge per child. */
static void mt_dump_dot_node(struct seq_file *m, struct maple_enode *enode,
			     unsigned long min, unsigned long max)
{
	struct maple_node *node = mte_to_node(enode);
	enum maple_type type = mte_node_type(enode);
	unsigned char end = ma_data_end(node, type, max);
	unsigned long start = min;
	unsigned char i;

	mt_dump_line(m, "  n%lx [label=\"%s\\n[%#lx, %#lx]", (unsigned long)node,
		     mt_type_names[type], min, max);
	for (i = 0; i <= end; i++) {
		unsigned long last = ma_pivot_or_max(node, type, i, max);
		void *slot = ma_slots(node, type)[i];

		mt_dump_line(m, "|<s%u> %#lx-%#lx", i, start, last);
		if (type == maple_arange_64)
			mt_dump_line(m, " gap %#lx", node->ma64.gap[i]);
		else if (ma_is_leaf(type))
			mt_dump_line(m, slot ? " %p" : " (null)", slot);
		start = last + 1;
	}
	mt_dump_line(m, "\"];\n");
	if (ma_is_leaf(type))
		return;
	start = min;
	for (i = 0; i <= end; i++) {
		unsigned long last = ma_pivot_or_max(node, type, i, max);
		struct maple_enode *child = ma_slots(node, type)[i];

		mt_dump_line(m, "  n%lx:s%u -> n%lx;\n", (unsigned long)node, i,
			     (unsigned long)mte_to_node(child));
		mt_dump_dot_node(m, child, start, last);
		start = last + 1;
	}
}

/**
 * mt_dump_seq() - print @mt into @m (or with printk when @m is NULL).
 * @format: mt_dump_dec or mt_dump_hex for text, mt_dump_dot for Graphviz
 *	    (render with `dot -Tsvg`).
 */
void mt_dump_seq(struct seq_file *m, const struct maple_tree *mt, enum mt_dump_format format)
{
	struct maple_enode *root = mt->ma_root;

	if (format == mt_dump_dot) {
		mt_dump_line(m, "digraph maple_tree {\n  node [shape=record, fontname=monospace];\n");
		if (root)
			mt_dump_dot_node(m, root, 0, ULONG_MAX);
		mt_dump_line(m, "}\n");
		return;
	}
	mt_dump_line(m, "maple_tree(%p) flags %x, height %u, root %p\n", (void *)mt,
		     mt->ma_flags, mt_height(mt), root ? (void *)mte_to_node(root) : NULL);
	if (root)
		mt_dump_node(m, mt, root, 0, ULONG_MAX, 0, format);
}

/* mt_dump() - print @mt's nodes to the console (Linux mt_dump). */
void mt_dump(const struct maple_tree *mt, enum mt_dump_format format)
{
	mt_dump_seq(NULL, mt, format);
}

/* The node and its subtree as GDB's lx-mtdump prints them (scripts/gdb/lx_mm.py). */
static void mt_dump_lx_node(struct seq_file *m, struct maple_enode *enode, unsigned long min,
			    unsigned long max, int depth, mt_dump_label_t label)
{
	static const char *const names[] = { "dense", "leaf_64", "range_64", "arange_64" };
	struct maple_node *node = mte_to_node(enode);
	enum maple_type type = mte_node_type(enode);
	unsigned char end = ma_data_end(node, type, max);
	unsigned long start = min;
	unsigned char i;

	seq_printf(m, "%*s%s node 0x%lx [0x%lx-0x%lx] parent 0x%lx end %u\n", depth * 2, "",
		   names[type], (unsigned long)node, min, max, (unsigned long)node->parent, end);
	for (i = 0; i <= end; i++) {
		unsigned long last = i < end ? ma_pivot_or_max(node, type, i, max) : max;
		void *slot = ma_slots(node, type)[i];

		seq_printf(m, "%*s  [%2u] 0x%lx-0x%lx: ", depth * 2, "", i, start, last);
		if (ma_is_leaf(type) && !slot)
			seq_puts(m, "(null)");
		else if (ma_is_leaf(type))
			label(m, slot);
		else
			seq_printf(m, "child 0x%lx (%s)", (unsigned long)mte_to_node(slot),
				   names[mte_node_type(slot)]);
		if (type == maple_arange_64)
			seq_printf(m, " gap 0x%lx", node->ma64.gap[i]);
		seq_putc(m, '\n');
		if (last == ULONG_MAX)
			break;
		start = last + 1;
	}
	if (ma_is_leaf(type))
		return;
	start = min;
	for (i = 0; i <= end; i++) {
		unsigned long last = i < end ? ma_pivot_or_max(node, type, i, max) : max;

		mt_dump_lx_node(m, ma_slots(node, type)[i], start, last, depth + 1, label);
		if (last == ULONG_MAX)
			break;
		start = last + 1;
	}
}

/**
 * mt_dump_lx() - print @mt into @m in the layout of GDB's lx-mtdump
 * @label: prints a leaf's non-NULL entry (e.g. "0x... vma 0x400000-0x401000")
 */
void mt_dump_lx(struct seq_file *m, const struct maple_tree *mt, mt_dump_label_t label)
{
	unsigned int flags = mt->ma_flags;

	seq_printf(m, "maple_tree 0x%lx: ma_root 0x%lx, flags 0x%x, height %u\n",
		   (unsigned long)mt, (unsigned long)mt->ma_root, flags,
		   (flags & MT_FLAGS_HEIGHT_MASK) >> MT_FLAGS_HEIGHT_OFFSET);
	if (mt->ma_root)
		mt_dump_lx_node(m, mt->ma_root, 0, ULONG_MAX, 0, label);
	else
		seq_puts(m, "(empty tree)\n");
}
