# SPDX-License-Identifier: MIT
"""Shared pieces of the teaching kernel's GDB helpers (scripts/gdb/).

LxCommand is the base of every lx- command: it turns a wrong argument, an
unreadable address or a missing symbol into a one-line message (never a
Python traceback). The reading helpers below follow the kernel's own
structures (linux/list.h, linux/sched.h, asm/page.h).
"""
import gdb

PAGE_SIZE = 4096
PAGE_OFFSET = 0xFFFF888000000000	# asm/page.h: the direct map of RAM
ULONG_MAX = (1 << 64) - 1


class LxError(Exception):
	"""A user-facing error: the message is printed as it is."""


class LxCommand(gdb.Command):
	"""Base of the lx- commands: subclasses implement run(argv)."""

	def __init__(self, name):
		super().__init__(name, gdb.COMMAND_DATA)
		self.name = name

	def invoke(self, arg, from_tty):
		try:
			self.run(gdb.string_to_argv(arg))
		except LxError as error:
			raise gdb.GdbError("%s: %s" % (self.name, error))
		except gdb.MemoryError as error:
			raise gdb.GdbError("%s: cannot read kernel memory (%s); is the kernel "
					   "stopped after its page tables are set up?" % (self.name, error))
		except gdb.error as error:
			raise gdb.GdbError("%s: %s (are the kernel's symbols loaded? "
					   "file build/debug/kernel.elf)" % (self.name, error))
		except gdb.GdbError:
			raise
		except Exception as error:	# a bug in the helper: still no traceback
			raise gdb.GdbError("%s: internal error: %s: %s"
					   % (self.name, type(error).__name__, error))

	def run(self, argv):
		raise NotImplementedError


def lookup_type(name):
	try:
		return gdb.lookup_type(name)
	except gdb.error:
		raise LxError("type '%s' is not in the symbols; is kernel.elf loaded?" % name)


def symbol_value(name):
	"""The value of the kernel global NAME (static ones included)."""
	symbol = gdb.lookup_global_symbol(name) or gdb.lookup_static_symbol(name)
	if symbol is None:
		raise LxError("symbol '%s' not found; is kernel.elf loaded?" % name)
	return symbol.value()


def ulong_type():
	return lookup_type("unsigned long")


def read_ulong(address):
	"""The 8-byte word at kernel virtual ADDRESS, as a Python int."""
	data = gdb.selected_inferior().read_memory(address, 8)
	return int.from_bytes(bytes(data), "little")


def read_ulongs(address, count):
	data = bytes(gdb.selected_inferior().read_memory(address, 8 * count))
	return [int.from_bytes(data[8 * i:8 * i + 8], "little") for i in range(count)]


def parse_number(text, what):
	"""TEXT as a number or any GDB expression (e.g. $rsp, mm->brk)."""
	try:
		return int(text, 0)
	except ValueError:
		pass
	try:
		return int(gdb.parse_and_eval(text)) & ULONG_MAX
	except gdb.error as error:
		raise LxError("%s '%s' is not a number or expression (%s)" % (what, text, error))


def _find_offset(struct_type, member):
	"""MEMBER's byte offset in STRUCT_TYPE, looking into anonymous unions/structs."""
	for field in struct_type.strip_typedefs().fields():
		if field.name == member:
			return field.bitpos // 8
		if field.name is None:
			inner = _find_offset(field.type, member)
			if inner is not None:
				return field.bitpos // 8 + inner
	return None


def field_offset(struct_type, member):
	offset = _find_offset(struct_type, member)
	if offset is None:
		raise LxError("%s has no member '%s'" % (struct_type, member))
	return offset


def container_of(address, type_name, member):
	"""The struct TYPE_NAME * whose MEMBER is at ADDRESS (linux/kernel.h)."""
	struct_type = lookup_type(type_name)
	base = int(address) - field_offset(struct_type, member)
	return gdb.Value(base).cast(struct_type.pointer())


def list_for_each_entry(head, type_name, member, limit=100000):
	"""Yield every TYPE_NAME * on the list_head at HEAD (a gdb.Value)."""
	head_address = int(head.address)
	node = head["next"]
	count = 0
	while int(node) != head_address:
		if int(node) == 0:
			raise LxError("list at %#x is broken (NULL next)" % head_address)
		yield container_of(node, type_name, member)
		node = node["next"]
		count += 1
		if count > limit:
			raise LxError("list at %#x does not come back to its head" % head_address)


def task_list():
	"""Every task on task_list (the idle task init_task is not on it)."""
	return list_for_each_entry(symbol_value("task_list"), "struct task_struct", "tasks")


def current_task():
	return symbol_value("current")


def find_task(pid):
	"""The task_struct * with PID; pid 0 is init_task (the idle task)."""
	if pid == 0:
		return symbol_value("init_task").address
	for task in task_list():
		if int(task["pid"]) == pid:
			return task
	raise LxError("no task with pid %d (lx-ps lists them)" % pid)


def task_or_current(argv, index, what="PID"):
	"""The task named by argv[index] (a pid), or the current task."""
	if len(argv) > index:
		try:
			pid = int(argv[index], 0)
		except ValueError:
			raise LxError("%s '%s' is not a number" % (what, argv[index]))
		return find_task(pid)
	return current_task()


def task_mm(task):
	mm = task["mm"]
	if int(mm) == 0:
		raise LxError("task %d (%s) has no mm (the idle task or a kernel thread); "
			      "give the PID of a user process (lx-ps)"
			      % (int(task["pid"]), task["comm"].string()))
	return mm


def phys_to_virt(physical):
	return physical + PAGE_OFFSET
