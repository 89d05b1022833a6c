# SPDX-License-Identifier: MIT
"""lx-vmas, lx-mtdump, lx-pagewalk: a process's address space.

The maple tree is read as linux/maple_tree.h lays it out: a struct
maple_enode * is the 256-aligned node address | (enum maple_type << 3);
leaf_64 and range_64 nodes have 16 slots and 15 pivots, arange_64 nodes
10 slots, 9 pivots and 10 gaps. Slot i covers [pivot[i - 1] + 1, pivot[i]]
and the node's last used slot is the first whose pivot reaches the node's
maximum (kernel/mm/maple_tree.c, ma_data_end).
"""
import gdb

from lx_common import (LxCommand, LxError, ULONG_MAX, PAGE_SIZE, lookup_type,
		       read_ulong, read_ulongs, parse_number, task_or_current, task_mm,
		       current_task, phys_to_virt)

MAPLE_NODE_MASK = 255
TYPE_NAMES = {0: "dense", 1: "leaf_64", 2: "range_64", 3: "arange_64"}
# (slots, pivots) per enum maple_type
GEOMETRY = {1: (16, 15), 2: (16, 15), 3: (10, 9)}
MAX_DEPTH = 31		# MAPLE_HEIGHT_MAX


class MapleNode:
	"""One decoded node: its range, slots (as ints), pivots, gaps."""

	def __init__(self, encoded, minimum, maximum, depth):
		self.encoded = encoded
		self.address = encoded & ~MAPLE_NODE_MASK
		self.type = (encoded >> 3) & 0xF
		if self.type not in GEOMETRY:
			raise LxError("%#x is not an encoded maple node (type %d)" % (encoded, self.type))
		if self.address < 0xFFFF800000000000:
			raise LxError("%#x is not a kernel address: not a maple node" % encoded)
		self.min, self.max, self.depth = minimum, maximum, depth
		nslots, npivots = GEOMETRY[self.type]
		words = read_ulongs(self.address, 1 + npivots + nslots + (nslots + 1 if self.type == 3 else 0))
		self.parent = words[0]
		self.pivots = words[1:1 + npivots]
		self.slots = words[1 + npivots:1 + npivots + nslots]
		self.gaps = words[1 + npivots + nslots:1 + npivots + 2 * nslots] if self.type == 3 else None
		end = npivots
		for offset in range(npivots):
			if self.pivots[offset] >= maximum:
				end = offset
				break
		self.end = end

	def is_leaf(self):
		return self.type == 1

	def ranges(self):
		"""(first, last, slot value) for each used slot."""
		first = self.min
		for offset in range(self.end + 1):
			last = self.pivots[offset] if offset < len(self.pivots) and offset < self.end else self.max
			yield offset, first, last, self.slots[offset]
			if last >= ULONG_MAX:
				break
			first = last + 1


def tree_pointer(value):
	"""A struct maple_tree * from a maple_tree, a pointer to one, or an mm_struct(*)."""
	kind = value.type.strip_typedefs()
	if kind.code == gdb.TYPE_CODE_PTR:
		if int(value) == 0:
			raise LxError("the pointer is NULL")
		value = value.dereference()
		kind = value.type.strip_typedefs()
	if kind.code == gdb.TYPE_CODE_STRUCT and kind.tag == "mm_struct":
		value = value["mm_mt"]
		kind = value.type.strip_typedefs()
	if kind.code == gdb.TYPE_CODE_STRUCT and kind.tag == "ma_state":
		value = value["tree"].dereference()
		kind = value.type.strip_typedefs()
	if kind.code != gdb.TYPE_CODE_STRUCT or kind.tag != "maple_tree":
		raise LxError("expected a struct maple_tree (or mm_struct, ma_state, or a pointer "
			      "to one), got %s" % value.type)
	return value.address


def walk_nodes(tree):
	"""Yield every MapleNode of TREE (a struct maple_tree *), depth first, in order."""
	root = int(tree["ma_root"])
	if root == 0:
		return
	stack = [(root, 0, ULONG_MAX, 0)]
	while stack:
		encoded, minimum, maximum, depth = stack.pop()
		if depth > MAX_DEPTH:
			raise LxError("tree deeper than MAPLE_HEIGHT_MAX: corrupt?")
		node = MapleNode(encoded, minimum, maximum, depth)
		yield node
		if not node.is_leaf():
			children = [(child, first, last, depth + 1)
				    for _, first, last, child in node.ranges()]
			for child in children:
				if child[0] == 0:
					raise LxError("internal node %#x has a NULL child" % node.address)
			stack.extend(reversed(children))


def tree_entries(tree):
	"""(first, last, entry) for every non-NULL entry of TREE, by index."""
	for node in walk_nodes(tree):
		if node.is_leaf():
			for _, first, last, entry in node.ranges():
				if entry:
					yield first, last, entry


def vma_name(vma, mm):
	"""What /proc/PID/maps prints after the numbers (kernel/fs/proc/task_mmu.c)."""
	file = vma["vm_file"]
	if int(file):
		path = file["f_path"]
		return path.string() if int(path) else ""
	start, end = int(vma["vm_start"]), int(vma["vm_end"])
	if start <= int(mm["brk"]) and end >= int(mm["start_brk"]):
		return "[heap]"
	if start <= int(mm["start_stack"]) and end >= int(mm["start_stack"]):
		return "[stack]"
	return None


def maps_line(vma, mm):
	"""One /proc/PID/maps line, formatted as show_map_vma does."""
	flags = int(vma["vm_flags"])
	file = vma["vm_file"]
	pgoff = dev = ino = 0
	if int(file):
		inode = file["f_inode"]
		dev, ino = int(inode["i_dev"]), int(inode["i_ino"])
		pgoff = int(vma["vm_pgoff"]) << 12
	line = "%08x-%08x %s%s%s%s %08x %02x:%02x %d " % (
		int(vma["vm_start"]), int(vma["vm_end"]),
		"r" if flags & 1 else "-", "w" if flags & 2 else "-",
		"x" if flags & 4 else "-", "s" if flags & 0x80 else "p",
		pgoff, dev >> 20, dev & ((1 << 20) - 1), ino)
	name = vma_name(vma, mm)
	if name is not None:
		line = line.ljust(25 + 6 * 8 - 1) + " " + name
	return line


class LxVmas(LxCommand):
	"""A task's VMAs from its maple tree: lx-vmas [PID]

Walks task->mm->mm_mt (the current task without PID) and prints one
/proc/PID/maps line per VMA, then each VMA's address and the tree range
it is stored under (which must be [vm_start, vm_end - 1])."""

	def __init__(self):
		super().__init__("lx-vmas")

	def run(self, argv):
		if len(argv) > 1:
			raise LxError("usage: lx-vmas [PID]")
		task = task_or_current(argv, 0)
		mm = task_mm(task)
		vma_type = lookup_type("struct vm_area_struct").pointer()
		problems = []
		count = 0
		for first, last, entry in tree_entries(mm["mm_mt"].address):
			vma = gdb.Value(entry).cast(vma_type)
			gdb.write(maps_line(vma, mm) + "\n")
			if first != int(vma["vm_start"]) or last != int(vma["vm_end"]) - 1:
				problems.append("tree range %#x-%#x holds the VMA %#x-%#x"
						% (first, last, int(vma["vm_start"]), int(vma["vm_end"])))
			count += 1
		if count != int(mm["map_count"]):
			problems.append("%d VMAs in the tree, mm->map_count is %d"
					% (count, int(mm["map_count"])))
		gdb.write("(pid %d %s: %d VMAs, mm %#x, brk %#x..%#x)\n"
			  % (int(task["pid"]), task["comm"].string(), count, int(mm),
			     int(mm["start_brk"]), int(mm["brk"])))
		for problem in problems:
			gdb.write("WARNING: %s\n" % problem)


def entry_label(entry, vma_type):
	if vma_type is None or entry == 0:
		return "%#x" % entry
	try:
		vma = gdb.Value(entry).cast(vma_type)
		return "%#x vma %#x-%#x" % (entry, int(vma["vm_start"]), int(vma["vm_end"]))
	except gdb.error:
		return "%#x" % entry


class LxMtdump(LxCommand):
	"""Dump a maple tree: lx-mtdump EXPR [--vma] [--dot FILE]

EXPR is a struct maple_tree, an mm_struct, an ma_state, or a pointer to
one (e.g. &current->mm->mm_mt, current->mm, *mas). Prints every node
(type, range, parent), its slots with their ranges, and the gaps of
arange_64 nodes; --vma shows leaf entries as VMAs; --dot FILE writes a
Graphviz picture (dot -Tsvg FILE > tree.svg)."""

	def __init__(self):
		super().__init__("lx-mtdump")

	def run(self, argv):
		dot = None
		show_vma = False
		words = []
		i = 0
		while i < len(argv):
			if argv[i] == "--dot":
				if i + 1 >= len(argv):
					raise LxError("--dot needs a FILE")
				dot = argv[i + 1]
				i += 2
				continue
			if argv[i] == "--vma":
				show_vma = True
			else:
				words.append(argv[i])
			i += 1
		if not words:
			raise LxError("usage: lx-mtdump EXPR [--vma] [--dot FILE], "
				      "e.g. lx-mtdump current->mm --vma")
		expression = " ".join(words)
		try:
			value = gdb.parse_and_eval(expression)
		except gdb.error as error:
			raise LxError("cannot evaluate '%s': %s" % (expression, error))
		tree = tree_pointer(value)
		kind = value.type.strip_typedefs()
		if kind.code == gdb.TYPE_CODE_PTR:
			kind = kind.target().strip_typedefs()
		vma_type = None
		if show_vma or kind.tag == "mm_struct":	# an mm's tree holds VMAs
			vma_type = lookup_type("struct vm_area_struct").pointer()
		flags = int(tree["ma_flags"])
		gdb.write("maple_tree %#x: ma_root %#x, flags %#x, height %d\n"
			  % (int(tree), int(tree["ma_root"]), flags, (flags & 0x7C) >> 2))
		nodes = list(walk_nodes(tree))
		for node in nodes:
			indent = "  " * node.depth
			gdb.write("%s%s node %#x [%#x-%#x] parent %#x%s\n"
				  % (indent, TYPE_NAMES[node.type], node.address, node.min, node.max,
				     node.parent, " end %d" % node.end))
			for offset, first, last, slot in node.ranges():
				if node.is_leaf():
					text = entry_label(slot, vma_type) if slot else "(null)"
				else:
					text = "child %#x (%s)" % (slot & ~MAPLE_NODE_MASK,
								   TYPE_NAMES.get((slot >> 3) & 0xF, "?"))
				gap = " gap %#x" % node.gaps[offset] if node.gaps is not None else ""
				gdb.write("%s  [%2d] %#x-%#x: %s%s\n" % (indent, offset, first, last, text, gap))
		if not nodes:
			gdb.write("(empty tree)\n")
		if dot:
			write_dot(dot, nodes, vma_type)
			gdb.write("wrote %s (%d nodes): dot -Tsvg %s > tree.svg\n" % (dot, len(nodes), dot))


def write_dot(path, nodes, vma_type):
	lines = ["digraph maple_tree {", "  node [shape=record, fontname=monospace];"]
	for node in nodes:
		fields = []
		for offset, first, last, slot in node.ranges():
			if node.is_leaf():
				text = entry_label(slot, vma_type) if slot else "NULL"
			else:
				text = "gap %#x" % node.gaps[offset] if node.gaps is not None else ""
			fields.append("<s%d> %#x-%#x\\n%s" % (offset, first, last, text))
		lines.append('  n%x [label="{%s %#x|{%s}}"];'
			     % (node.address, TYPE_NAMES[node.type], node.address, "|".join(fields)))
		if not node.is_leaf():
			for offset, _, _, slot in node.ranges():
				lines.append("  n%x:s%d -> n%x;" % (node.address, offset,
								 slot & ~MAPLE_NODE_MASK))
	lines.append("}")
	try:
		with open(path, "w") as out:
			out.write("\n".join(lines) + "\n")
	except OSError as error:
		raise LxError("cannot write %s: %s" % (path, error))


PTE_FLAGS = [(0, "P"), (1, "RW"), (2, "US"), (3, "PWT"), (4, "PCD"), (5, "A"),
	     (6, "D"), (7, "PSE"), (8, "G"), (63, "NX")]
ADDRESS_MASK = 0x000FFFFFFFFFF000
LEVELS = [("PGD", 39), ("PUD", 30), ("PMD", 21), ("PTE", 12)]


def flag_names(entry, level):
	names = []
	for bit, name in PTE_FLAGS:
		if entry >> bit & 1:
			names.append("PAT" if (bit == 7 and level == "PTE") else name)
	return " ".join(names) if names else "-"


class LxPagewalk(LxCommand):
	"""Translate a virtual address through the page tables: lx-pagewalk VADDR [PID]

Walks the four levels (PGD, PUD, PMD, PTE) of the task's mm->pgd (the
current task without PID; CR3 for the idle task), printing each entry,
its flags (P RW US PWT PCD A D PSE G NX) and the next table, then the
physical address and page frame."""

	def __init__(self):
		super().__init__("lx-pagewalk")

	def run(self, argv):
		if not argv or len(argv) > 2:
			raise LxError("usage: lx-pagewalk VADDR [PID], e.g. lx-pagewalk current->mm->brk")
		vaddr = parse_number(argv[0], "VADDR")
		top = vaddr >> 47
		if top not in (0, 0x1FFFF):
			raise LxError("%#x is not canonical (bits 63..47 must be all 0 or all 1)" % vaddr)
		task = task_or_current(argv, 1)
		if int(task["mm"]):
			table = int(task["mm"]["pgd"])
			source = "pid %d mm->pgd" % int(task["pid"])
		else:
			table = phys_to_virt(int(gdb.parse_and_eval("$cr3")) & ADDRESS_MASK)
			source = "CR3 (pid %d has no mm)" % int(task["pid"])
		gdb.write("%#x via %s %#x\n" % (vaddr, source, table))
		for level, shift in LEVELS:
			index = (vaddr >> shift) & 511
			slot = table + 8 * index
			entry = read_ulong(slot)
			gdb.write("  %s[%3d] @ %#x = %#018x  %s\n"
				  % (level, index, slot, entry, flag_names(entry, level)))
			if not entry & 1:
				gdb.write("  not present: no translation (%s)\n"
					  % ("a fault would map it" if vaddr < (1 << 47) else "unmapped"))
				return
			frame = entry & ADDRESS_MASK
			if level == "PTE" or (level in ("PUD", "PMD") and entry & 0x80):
				size = 1 << shift
				if level != "PTE":
					frame &= ~(size - 1)
				physical = frame + (vaddr & (size - 1))
				gdb.write("  -> physical %#x (pfn %#x, %s page)\n"
					  % (physical, physical >> 12,
					     {12: "4 KiB", 21: "2 MiB", 30: "1 GiB"}[shift]))
				return
			table = phys_to_virt(frame)


LxVmas()
LxMtdump()
LxPagewalk()
