# SPDX-License-Identifier: MIT
"""User and kernel in one GDB session.

user-symbols [NAME]: add the symbols of a user program (a static ELF at
0x400000, built with -g into BUILD/user/bin/NAME) next to the kernel's.

The entry unwinder: entry_SYSCALL_64 and common_interrupt build a struct
pt_regs on the kernel stack and call C with %rsp pointing at it
(kernel/arch/x86_64/entry_64.S). They have no CFI, so GDB alone stops the
backtrace there with garbage. This unwinder takes the interrupted
registers from that pt_regs, so `bt` continues into the user program (or
the interrupted kernel code) and `finish` from the entry frame returns to
user space.
"""
import os

import gdb
from gdb.unwinder import Unwinder, register_unwinder

from lx_common import LxCommand, LxError, current_task, lookup_type

USER_LOADED = []	# user symbol files added by user-symbols


def build_dir():
	"""The directory of the kernel ELF GDB was started with (build/debug)."""
	kernel = gdb.current_progspace().filename
	if not kernel:
		raise LxError("no kernel ELF loaded (file build/debug/kernel.elf)")
	return os.path.dirname(os.path.abspath(kernel))


class UserSymbols(LxCommand):
	"""Load a user program's symbols: user-symbols [NAME | PATH]

NAME is a program of user/ (its ELF is BUILD/user/bin/NAME, BUILD being
the kernel ELF's directory); without NAME, the current task's comm.
The symbols of the previously loaded program are dropped first: every
program is linked at 0x400000. After it, `break main`, `step` and `bt`
work in the program; a user breakpoint stops in any process that runs
that address, so add a condition to pick one:
    break main if $_streq(current->comm, "sbrk_example")"""

	def __init__(self):
		super().__init__("user-symbols")

	def run(self, argv):
		if len(argv) > 1:
			raise LxError("usage: user-symbols [NAME | PATH]")
		if argv:
			name = argv[0]
		else:
			name = current_task()["comm"].string()
		bin_dir = os.path.join(build_dir(), "user", "bin")
		path = name if os.sep in name else os.path.join(bin_dir, name)
		if not os.path.isfile(path):
			programs = sorted(os.listdir(bin_dir)) if os.path.isdir(bin_dir) else []
			raise LxError("no program %s; the programs are: %s"
				      % (path, " ".join(programs) or "(none built: make DEBUG=1)"))
		path = os.path.abspath(path)
		confirm = gdb.parameter("confirm")
		gdb.execute("set confirm off")
		try:
			while USER_LOADED:
				old = USER_LOADED.pop()
				try:
					gdb.execute("remove-symbol-file %s" % old, to_string=True)
				except gdb.error:
					pass
			gdb.execute("add-symbol-file %s" % path, to_string=True)
			USER_LOADED.append(path)
		finally:
			gdb.execute("set confirm %s" % ("on" if confirm else "off"))
		gdb.write("user-symbols: loaded %s; e.g. break main, then continue\n" % path)


class FrameId:
	"""What GDB needs to tell frames apart: the frame's stack and code addresses."""

	def __init__(self, sp, pc):
		ulong = lookup_type("unsigned long")
		self.sp = gdb.Value(sp).cast(ulong)
		self.pc = gdb.Value(pc).cast(ulong)


# C functions the entry code calls with %rdi = %rsp = struct pt_regs *.
ENTRY_CALLEES = ("do_syscall_64", "do_interrupt", "exit_to_user_mode_if_user", "schedule_tail")
ENTRY_FUNCTIONS = ("entry_SYSCALL_64", "common_interrupt", "ret_from_fork")
# Caller registers restored from pt_regs (linux asm/ptrace.h names = GDB's).
SAVED_REGISTERS = ("r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8",
		   "rax", "rcx", "rdx", "rsi", "rdi", "rip", "rsp")


def minimal_address(name):
	"""The address of the kernel symbol NAME (assembly ones included), or None."""
	try:
		return int(gdb.parse_and_eval("(unsigned long)&%s" % name))
	except gdb.error:
		return None


class EntryUnwinder(Unwinder):
	"""Unwinds the entry code's frame through the struct pt_regs it saved."""

	def __init__(self):
		super().__init__("teaching-kernel-entry")
		self.callees = None
		self.entry_syscall = None

	def addresses(self):
		if self.callees is None:
			self.callees = {}
			for name in ENTRY_CALLEES:
				address = minimal_address(name)
				if address is not None:
					self.callees[address] = name
			self.entry_syscall = minimal_address("entry_SYSCALL_64")
			self.functions = {name: minimal_address(name) for name in ENTRY_FUNCTIONS}
			self.regs_size = lookup_type("struct pt_regs").sizeof
		return self.callees

	def __call__(self, pending_frame):
		try:
			pc = int(pending_frame.read_register("rip"))
			if pc < 0xFFFF800000000000:
				return None
			callees = self.addresses()
			if pc == self.entry_syscall:
				return self.at_syscall_entry(pending_frame, pc)
			code = bytes(gdb.selected_inferior().read_memory(pc - 5, 5))
			if code[0] != 0xE8:	# call rel32
				return None
			target = (pc + int.from_bytes(code[1:], "little", signed=True)) & ((1 << 64) - 1)
			if target not in callees:
				return None
			return self.from_pt_regs(pending_frame, pc, callees[target])
		except Exception:	# not ours to unwind: GDB's own unwinders try
			return None

	def at_syscall_entry(self, pending_frame, pc):
		"""At entry_SYSCALL_64's first instruction: the caller is the syscall's user code."""
		rsp = int(pending_frame.read_register("rsp"))
		info = pending_frame.create_unwind_info(FrameId(rsp, pc))
		for name in SAVED_REGISTERS:
			value = pending_frame.read_register(name)
			if name == "rip":
				value = pending_frame.read_register("rcx")	# syscall saved RIP in RCX
			info.add_saved_register(name, value)
		return info

	def from_pt_regs(self, pending_frame, pc, callee):
		regs_address = int(pending_frame.read_register("rsp"))
		regs = gdb.Value(regs_address).cast(lookup_type("struct pt_regs").pointer()).dereference()
		function = {"do_syscall_64": "entry_SYSCALL_64",
			    "schedule_tail": "ret_from_fork"}.get(callee, "common_interrupt")
		start = self.functions.get(function) or pc
		info = pending_frame.create_unwind_info(FrameId(regs_address + self.regs_size, start))
		for name in SAVED_REGISTERS:
			register_type = pending_frame.read_register(name).type
			info.add_saved_register(name, gdb.Value(int(regs[name])).cast(register_type))
		return info


class LxHelp(gdb.Command):
	"""List the teaching kernel's GDB commands: lx-help"""

	def __init__(self):
		super().__init__("lx-help", gdb.COMMAND_SUPPORT)

	def invoke(self, arg, from_tty):
		gdb.write("""Teaching kernel helpers (scripts/gdb/, docs/gdb.md); help CMD for details:
  lx-ps                        tasks on task_list (+ the idle task)
  lx-vmas [PID]                VMAs from mm->mm_mt, as /proc/PID/maps
  lx-mtdump EXPR [--vma] [--dot FILE]   maple tree nodes, pivots, slots, gaps
  lx-pagewalk VADDR [PID]      the four page-table levels and their flags
  lx-buddyinfo                 free blocks per order (/proc/buddyinfo)
  lx-slabinfo                  slab caches (/proc/slabinfo)
  lx-dmesg [LINES]             the kernel log buffer
  user-symbols [NAME]          add BUILD/user/bin/NAME's symbols (default: current->comm)
""")


UserSymbols()
LxHelp()
register_unwinder(None, EntryUnwinder(), replace=True)
