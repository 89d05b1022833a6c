# SPDX-License-Identifier: MIT
"""lx-ps, lx-dmesg, lx-buddyinfo, lx-slabinfo: tasks, the log and the allocators."""
import gdb

from lx_common import (LxCommand, LxError, symbol_value, task_list, current_task,
		       list_for_each_entry)

STATES = {0x0000: "R", 0x0001: "S", 0x0010: "X", 0x0020: "Z"}	# linux/sched.h TASK_*/EXIT_*


class LxPs(LxCommand):
	"""List the tasks: lx-ps

Walks task_list (struct task_struct, linked by `tasks`, linux/sched.h).
The idle task init_task (pid 0) is not on the list; it is shown first.
`*` marks the current task."""

	def __init__(self):
		super().__init__("lx-ps")

	def run(self, argv):
		if argv:
			raise LxError("takes no argument")
		current = int(current_task())
		idle = symbol_value("init_task").address
		gdb.write("  %5s %5s %5s %-5s %-16s %-18s %s\n"
			  % ("PID", "PPID", "PGID", "STATE", "COMM", "TASK", "MM"))
		for task in [idle] + list(task_list()):
			parent = task["parent"]
			ppid = int(parent["pid"]) if int(parent) else 0
			state = int(task["state"])
			comm = task["comm"].string()
			if int(task) == int(idle):
				comm += " (idle)"
			gdb.write("%s %5d %5d %5d %-5s %-16s %#018x %#x\n"
				  % ("*" if int(task) == current else " ", int(task["pid"]), ppid,
				     int(task["pgid"]), STATES.get(state, hex(state)), comm,
				     int(task), int(task["mm"])))


class LxDmesg(LxCommand):
	"""Print the kernel log: lx-dmesg [LINES]

Reads the ring log_buf (LOG_BUF_LEN bytes) and log_next, the count of
bytes ever written (kernel/printk.c); LINES keeps only the last lines."""

	def __init__(self):
		super().__init__("lx-dmesg")

	def run(self, argv):
		if len(argv) > 1:
			raise LxError("usage: lx-dmesg [LINES]")
		lines = None
		if argv:
			try:
				lines = int(argv[0], 0)
			except ValueError:
				raise LxError("LINES '%s' is not a number" % argv[0])
		log_buf = symbol_value("log_buf")
		size = log_buf.type.sizeof
		written = int(symbol_value("log_next"))
		data = bytes(gdb.selected_inferior().read_memory(log_buf.address, size))
		if written <= size:
			text = data[:written]
		else:
			start = written % size
			text = data[start:] + data[:start]
		text = text.decode("utf-8", errors="replace")
		if lines is not None:
			text = "".join(text.splitlines(True)[-lines:]) if lines > 0 else ""
		gdb.write(text)
		if text and not text.endswith("\n"):
			gdb.write("\n")


class LxBuddyinfo(LxCommand):
	"""The buddy allocator's free blocks per order: lx-buddyinfo

The /proc/buddyinfo line of each zone (contig_page_data.node_zones[],
free_area[order].nr_free, linux/mmzone.h), then free pages in total and
on the per-CPU lists. Each free list is walked and checked against nr_free."""

	def __init__(self):
		super().__init__("lx-buddyinfo")

	def run(self, argv):
		if argv:
			raise LxError("takes no argument")
		pgdat = symbol_value("contig_page_data")
		zones = pgdat["node_zones"]
		low, high = zones.type.range()
		for z in range(low, high + 1):
			zone = zones[z]
			name = zone["name"].string() if int(zone["name"]) else "?"
			free_area = zone["free_area"]
			orders = free_area.type.range()[1] + 1
			counts = [int(free_area[o]["nr_free"]) for o in range(orders)]
			gdb.write("Node %d, zone %8s %s\n" % (int(pgdat["node_id"]), name,
				  " ".join("%6d" % c for c in counts)))
			for order in range(orders):
				on_list = sum(1 for _ in list_for_each_entry(
					free_area[order]["free_list"], "struct page", "buddy_list"))
				if on_list != counts[order]:
					gdb.write("  order %d: nr_free %d but %d blocks on free_list!\n"
						  % (order, counts[order], on_list))
			pcp = int(zone["per_cpu_pageset"]["count"])
			free = sum(c << o for o, c in enumerate(counts))
			gdb.write("  free pages: %d in free_area + %d on per-CPU lists; managed %d\n"
				  % (free, pcp, int(zone["managed_pages"])))


class LxSlabinfo(LxCommand):
	"""The slab caches: lx-slabinfo

One /proc/slabinfo line per cache on slab_caches (kernel/mm/slab.c,
struct kmem_cache in linux/slab.h): active objects, objects, object
stride, objects per slab, pages per slab, active and total slabs."""

	def __init__(self):
		super().__init__("lx-slabinfo")

	def run(self, argv):
		if argv:
			raise LxError("takes no argument")
		gdb.write("# name            <active_objs> <num_objs> <objsize> <objperslab> "
			  "<pagesperslab> : slabdata <active_slabs> <num_slabs>\n")
		for cache in list_for_each_entry(symbol_value("slab_caches"),
						 "struct kmem_cache", "list"):
			inuse = 0
			for name in ("slabs_partial", "slabs_full"):
				for slab in list_for_each_entry(cache[name], "struct page", "slab_list"):
					inuse += int(slab["inuse"])
			slabs = int(cache["nr_slabs"])
			objects = int(cache["objects"])
			gdb.write("%-17s %6d %6d %6d %4d %4d : slabdata %6d %6d\n"
				  % (cache["name"].string(), inuse, slabs * objects, int(cache["size"]),
				     objects, 1 << int(cache["order"]),
				     slabs - int(cache["nr_free_slabs"]), slabs))


LxPs()
LxDmesg()
LxBuddyinfo()
LxSlabinfo()
