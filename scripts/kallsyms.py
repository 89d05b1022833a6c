#!/usr/bin/env python3
"""Generate the kernel's symbol table, or check that two links agree.

  nm -n -S kernel.pass1.elf | kallsyms.py -  > kallsyms.S
  kallsyms.py /dev/null                       > kallsyms0.S   (empty table)
  kallsyms.py --check pass1.elf final.elf      (no symbol moved)

Only function symbols (nm types t/T/W with a size) are kept. The table
goes to the .kallsyms section, which linker.ld places after .bss.
"""
import subprocess
import sys


def read_functions(lines):
    """(address, size, name) of each sized text symbol, sorted by address."""
    functions = []
    for line in lines:
        parts = line.split()
        if len(parts) != 4 or parts[2] not in "tTW":
            continue
        address, size, _, name = parts
        functions.append((int(address, 16), int(size, 16), name))
    functions.sort()
    return functions


def emit(functions):
    out = ['\t.section .kallsyms, "a"', "\t.balign 8"]
    for label in ("kallsyms_num", "kallsyms_addresses", "kallsyms_sizes",
                  "kallsyms_offsets", "kallsyms_names"):
        out.append(f"\t.globl {label}")
    out.append(f"kallsyms_num:\n\t.quad {len(functions)}")
    out.append("kallsyms_addresses:")
    out += [f"\t.quad 0x{a:x}" for a, _, _ in functions]
    out.append("kallsyms_sizes:")
    out += [f"\t.long 0x{s:x}" for _, s, _ in functions]
    out.append("kallsyms_offsets:")
    offset = 0
    for _, _, name in functions:
        out.append(f"\t.long {offset}")
        offset += len(name) + 1
    out.append("kallsyms_names:")
    out += [f'\t.asciz "{name}"' for _, _, name in functions]
    out.append('\t.section .note.GNU-stack, "", @progbits')
    return "\n".join(out) + "\n"


def symbols(elf):
    text = subprocess.run(["nm", "-n", elf], capture_output=True, text=True,
                          check=True).stdout
    keep = []
    for line in text.splitlines():
        parts = line.split()
        name = parts[-1]
        if name.startswith("kallsyms_") or name == "_end":
            continue
        keep.append(line)
    return keep


def main():
    if sys.argv[1] == "--check":
        first, final = symbols(sys.argv[2]), symbols(sys.argv[3])
        if first != final:
            sys.exit("kallsyms: symbols moved between the two links; "
                     "is .kallsyms still the last section in linker.ld?")
        return
    source = sys.stdin if sys.argv[1] == "-" else open(sys.argv[1])
    sys.stdout.write(emit(read_functions(source)))


if __name__ == "__main__":
    main()
