# SPDX-License-Identifier: MIT
"""Load the teaching kernel's GDB helpers: gdb -x scripts/gdb/lx_load.py

scripts/gdb-attach does this; by hand: (gdb) source scripts/gdb/lx_load.py
The helpers are described in docs/gdb.md and by `lx-help`.
"""
import os
import sys

try:
	_here = os.path.dirname(os.path.abspath(__file__))
except NameError:	# sourced by a GDB that does not set __file__
	_here = os.path.join(os.getcwd(), "scripts", "gdb")
if _here not in sys.path:
	sys.path.insert(0, _here)

import lx_common	# noqa: E402,F401
import lx_kernel	# noqa: E402,F401
import lx_mm		# noqa: E402,F401
import lx_user		# noqa: E402,F401
