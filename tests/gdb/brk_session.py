# SPDX-License-Identifier: MIT
"""The scripted GDB session of tests/gdb/run.sh (run inside GDB, -batch).

Environment: SESSION (sbrk_example or gdb_target), CONSOLE (the file the
guest's serial console streams into), RESULTS (where "ok NAME" and
"not ok NAME # WHY" lines go; run.sh numbers them). Every check writes a
line; a Python error in the session is a failure, never a pass.
"""
import os
import re
import time

import gdb

RESULTS = open(os.environ["RESULTS"], "a")
CONSOLE = os.environ["CONSOLE"]
SESSION = os.environ["SESSION"]
PAGE = 4096


def check(name, condition, detail=""):
	RESULTS.write("%s %s: %s%s\n" % ("ok" if condition else "not ok", SESSION, name,
					  "" if condition else " # " + detail))
	RESULTS.flush()
	return condition


def run(command):
	return gdb.execute(command, to_string=True)


def frame_name(frame=None):
	frame = frame or gdb.selected_frame()
	return frame.name() or ""


def arg(name):
	return int(gdb.selected_frame().read_var(name))


def value(expression):
	return int(gdb.parse_and_eval(expression))


def finish_value():
	"""`finish` and return the value it reports (None when it reports none).

	GDB prints "Value returned" outside to_string's capture, but records the
	value in the history: a sentinel put there first tells the two apart."""
	sentinel = -123456789
	run("print (long)%d" % sentinel)
	run("finish")
	returned = int(gdb.history(0))
	return None if returned == sentinel else returned


def console(pattern, timeout=5.0):
	"""The first match of PATTERN in the console, waiting for it to arrive."""
	deadline = time.monotonic() + timeout
	while True:
		with open(CONSOLE, errors="replace") as f:
			match = re.search(pattern, f.read(), re.S)
		if match or time.monotonic() > deadline:
			return match
		time.sleep(0.2)


def run_to_end():
	"""Continue until the guest powers off (GDB then loses the connection)."""
	try:
		run("continue")
	except gdb.error as error:
		if "Remote connection closed" not in str(error):
			raise


def continue_to(breakpoint):
	before = value("$pc")
	run("continue")
	return check("continue stops at %s" % breakpoint, frame_name() == breakpoint,
		     "stopped in %r at %#x (continued from %#x)" % (frame_name(), value("$pc"), before))


def backtrace_ok(chain):
	bt = run("bt")
	names = re.findall(r"(?:in |^#0\s+)(\w+) \(", bt, re.M)
	position = [names.index(n) if n in names else -1 for n in chain]
	check("bt shows %s" % " <- ".join(chain),
	      -1 not in position and position == sorted(position), bt)
	check("bt has source lines", "kernel/mm/mmap.c:" in bt and "kernel/syscall.c:" in bt, bt)
	return bt


def last_trace_record(event):
	"""The text of the newest record of @event in the kernel's trace ring (kernel/trace/trace.c)."""
	ring, size = value("ring"), value("ring_size")
	offset, left = value("ring_tail"), value("ring_entries")
	data = gdb.selected_inferior().read_memory(ring, size).tobytes()
	found = None
	while left and ring:
		length = int.from_bytes(data[offset:offset + 4], "little")
		if length == 0xFFFFFFFF:
			offset = 0
			continue
		text = data[offset + 4:offset + 4 + length].decode(errors="replace")
		if " %s: " % event in text.split("\n", 1)[0]:
			found = text
		offset = (offset + 4 + (length + 3) // 4 * 4) % size
		left -= 1
	return found


def helper_rejects(command):
	try:
		run(command)
	except gdb.error as error:
		text = str(error)
		return check("'%s' gives a clear error" % command,
			     text.startswith(command.split()[0] + ":") and "Traceback" not in text
			     and "internal error" not in text, text)
	return check("'%s' gives a clear error" % command, False, "no error")


def set_breakpoints(names):
	points = {}
	for name in names:
		points[name] = gdb.Breakpoint(name)
		check("break %s resolves" % name, not points[name].pending and
		      bool(points[name].locations if hasattr(points[name], "locations") else True))
	return points


def sbrk_example():
	check("first stop is before the kernel runs", value("$pc") < 0x100000)
	points = set_breakpoints(["sys_brk", "do_brk_flags", "do_mas_align_munmap"])
	points["do_brk_flags"].enabled = False
	if not continue_to("sys_brk"):
		return
	check("the caller is sbrk_example", gdb.parse_and_eval("current->comm").string() == "sbrk_example")
	check("first brk's argument is 0", arg("brk") == 0, str(arg("brk")))
	backtrace_ok(["sys_brk", "__x64_sys_brk", "do_syscall_64", "entry_SYSCALL_64"])
	first = finish_value()
	start_brk = value("current->mm->start_brk")
	check("first brk returns mm->start_brk", first == start_brk, "%s vs %#x" % (first, start_brk))
	if not continue_to("sys_brk"):
		return
	wanted = arg("brk")
	check("second brk grows the break", wanted > start_brk, "%#x" % wanted)
	# Step (as a student would) from sys_brk into do_brk_flags.
	for _ in range(400):
		name = frame_name()
		if name == "do_brk_flags":
			break
		older = gdb.selected_frame().older()
		if name != "sys_brk" and older is not None and frame_name(older) == "sys_brk":
			run("finish")	# stepped into a helper of sys_brk: back out
		else:
			run("step")
	if not check("step from sys_brk reaches do_brk_flags", frame_name() == "do_brk_flags",
		     "in %r" % frame_name()):
		return
	info = run("info args")
	check("info args shows addr and len", "addr = " in info and "len = " in info, info)
	check("do_brk_flags grows from the old break", arg("addr") == (start_brk + PAGE - 1) & ~(PAGE - 1)
	      and arg("len") == ((wanted + PAGE - 1) & ~(PAGE - 1)) - arg("addr"), info)
	check("first growth has no heap VMA yet (vma == NULL)", arg("vma") == 0, info)
	run("info locals")
	backtrace_ok(["do_brk_flags", "sys_brk", "__x64_sys_brk", "do_syscall_64", "entry_SYSCALL_64"])
	check("do_brk_flags returns 0", finish_value() == 0)
	returned = finish_value()
	check("sys_brk returns the new break", returned == wanted, "%s vs %#x" % (returned, wanted))
	check("mm->brk is the new break", value("current->mm->brk") == wanted)
	gdb.execute("delete")
	run_to_end()
	printed = console(r"sbrk return (0x[0-9a-f]+)")
	check("the program prints the break brk(0) returned",
	      printed is not None and int(printed.group(1), 16) == first,
	      printed.group(0) if printed else "no output")


def gdb_target():
	run("user-symbols gdb_target")
	main = gdb.Breakpoint("main", type=gdb.BP_HARDWARE_BREAKPOINT)
	check("hbreak main resolves in the user program", not main.pending)
	points = set_breakpoints(["sys_brk"])
	if not continue_to("main"):
		return
	check("main is in user/gdb_target.c",
	      gdb.selected_frame().find_sal().symtab.filename.endswith("user/gdb_target.c"))
	# step from main into libc's sbrk, over the syscall instruction, into sys_brk
	seen = []
	for _ in range(60):
		name = frame_name()
		seen.append(name)
		if name == "sys_brk":
			break
		older = gdb.selected_frame().older()
		if name not in ("main", "sbrk", "brk", "syscall1") and older and frame_name(older) == "main":
			run("finish")	# setvbuf and the like
		else:
			run("step")
	check("step from main goes through sbrk", "sbrk" in seen, " ".join(seen))
	if not check("step over the syscall arrives in sys_brk", frame_name() == "sys_brk",
		     " ".join(seen)):
		return
	check("first brk's argument is 0", arg("brk") == 0)
	bt = run("bt")
	check("bt runs from sys_brk down to user main",
	      re.search(r"entry_SYSCALL_64.*\n.*(sbrk|brk|syscall1) .*\n(.*\n)*.*main \(", bt) is not None, bt)
	start_brk = value("current->mm->start_brk")
	for _ in range(8):
		if value("$pc") < 0x800000000000:
			break
		run("finish")
	check("finish returns to user space", value("$pc") < 0x800000000000 and
	      frame_name() in ("sbrk", "brk", "syscall1"), "%#x %s" % (value("$pc"), frame_name()))
	main.delete()
	if not continue_to("sys_brk"):
		return
	wanted = arg("brk")
	flags = gdb.Breakpoint("do_brk_flags")
	if not continue_to("do_brk_flags"):
		return
	flags.delete()
	finish_value()
	returned = finish_value()
	check("sys_brk returns the grown break", returned == wanted, "%s vs %#x" % (returned, wanted))
	grown = value("current->mm->brk")
	check("mm->brk is the grown break", grown == wanted, "%#x vs %#x" % (grown, wanted))
	# The third brk (the shrink) comes after the program printed its maps.
	if not continue_to("sys_brk"):
		return
	printed = console(r"gdb_target: start (0x[0-9a-f]+) break (0x[0-9a-f]+)")
	check("mm->brk matches the break the program prints",
	      printed is not None and int(printed.group(2), 16) == value("current->mm->brk"),
	      printed.group(0) if printed else "no output")
	maps = console(r"--- maps ---\n(.*?)--- end ---")
	vmas = run("lx-vmas")
	expected = [l.rstrip() for l in maps.group(1).replace("\r", "").splitlines()] if maps else []
	got = [l.rstrip() for l in vmas.splitlines() if not l.startswith("(")]
	check("lx-vmas equals the process's /proc/self/maps", expected and got == expected,
	      "\n".join(["maps:"] + expected + ["lx-vmas:"] + got))
	check("lx-vmas PID equals lx-vmas", run("lx-vmas %d" % value("current->pid")) == vmas)
	ps = run("lx-ps")
	check("lx-ps lists the idle task and gdb_target as current",
	      "(idle)" in ps and re.search(r"^\*\s+\d+.*gdb_target", ps, re.M) is not None, ps)
	dump = run("lx-mtdump current->mm")
	check("lx-mtdump shows every VMA of the tree",
	      len(re.findall(r": 0x[0-9a-f]+ vma ", dump)) == len(expected) > 0, dump)
	# run.sh boots this session with trace_event=mmap,mmviz:mt_dump: the kernel's own dump
	# (mt_dump_lx), taken when the last brk returned, must read as lx-mtdump's of the same tree
	record = last_trace_record("mt_dump")
	kernel_dump = record.rstrip("\n").split("\n")[1:] if record else []
	check("the kernel's mmviz:mt_dump is what lx-mtdump prints",
	      kernel_dump and kernel_dump == dump.rstrip("\n").split("\n"),
	      "kernel:\n%s\nlx-mtdump:\n%s" % ("\n".join(kernel_dump), dump))
	dot = os.path.join(os.path.dirname(os.environ["RESULTS"]), "tree.dot")
	run("lx-mtdump &current->mm->mm_mt --dot %s" % dot)
	check("lx-mtdump --dot writes a graph", os.path.exists(dot) and "digraph" in open(dot).read())
	buddy = run("lx-buddyinfo")
	check("lx-buddyinfo prints the zone's free counts",
	      re.search(r"Node 0, zone +\w+( +\d+){11}", buddy) and "blocks on free_list!" not in buddy, buddy)
	slab = run("lx-slabinfo")
	check("lx-slabinfo lists the VMA and maple node caches",
	      "maple_node" in slab and "vm_area_struct" in slab, slab)
	walk = run("lx-pagewalk %d" % (int(printed.group(1), 16) if printed else 0))
	check("lx-pagewalk finds the touched heap page", walk.count("P ") >= 4 and
	      "US" in walk and "-> physical" in walk, walk)
	dmesg = run("lx-dmesg")
	check("lx-dmesg shows the boot log", "Teaching kernel" in dmesg and "buddy allocator" in dmesg,
	      dmesg[-500:])
	for bad in ("lx-vmas 9999", "lx-vmas 0", "lx-vmas xyz", "lx-mtdump 42", "lx-mtdump",
		    "lx-pagewalk", "lx-pagewalk 0x8000000000000000", "lx-pagewalk nosuchsymbol",
		    "lx-ps extra", "lx-dmesg x", "user-symbols nosuchprogram"):
		helper_rejects(bad)
	# The shrink: do_mas_align_munmap splits the heap VMA at the new break.
	before = run("lx-mtdump current->mm")
	gdb.Breakpoint("do_mas_align_munmap")
	split = gdb.Breakpoint("__split_vma")
	if not continue_to("do_mas_align_munmap"):
		return
	check("munmap starts at the new break", arg("start") == (wanted - PAGE + PAGE - 1) & ~(PAGE - 1))
	if not continue_to("__split_vma"):
		return
	bt = run("bt")
	check("the split comes from do_mas_align_munmap under sys_brk",
	      "do_mas_align_munmap" in bt and "sys_brk" in bt, bt)
	split.delete()
	while frame_name() != "sys_brk":
		run("finish")
	after = run("lx-mtdump current->mm")
	check("the tree changed: the heap VMA ends a page lower", before != after and
	      "vma %#x-%#x" % (int(printed.group(1), 16), wanted - PAGE) in after, before + after)
	gdb.execute("delete")
	run_to_end()
	check("the program runs to its end", console(r"gdb_target: done") is not None)


try:
	{"sbrk_example": sbrk_example, "gdb_target": gdb_target}[SESSION]()
except Exception as error:	# noqa: BLE001 - any error is a failed check
	check("session ran without error", False, "%s: %s" % (type(error).__name__, error))
RESULTS.write("END %s\n" % SESSION)
RESULTS.close()
