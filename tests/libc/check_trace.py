#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Check an strace log of sbrk_example against the notes' trace.

Usage: check_trace.py TRACE [--stdout FILE] [--glibc GLIBC_TRACE]

After execve the calls must be exactly
    brk(NULL) = B
    fstat(1, {...}) = 0
    [ioctl(1, TCGETS, ...) = ...]   only for a character device that is not a pty
    brk(B + 0x21000) = B + 0x21000
    write(1, "sbrk return B\\n", N) = N
    exit_group(0)
and the program's output is "sbrk return B". With --glibc, glibc's trace of
the same program, from its last brk(NULL) on (newfstatat(1, "", ...,
AT_EMPTY_PATH) read as fstat), must have the same calls and break offsets.
Prints what differs and exits 1 on a mismatch.
"""
import re
import sys

CALL = re.compile(r'^(\w+)\((.*)\)\s+=\s+(\S+)')


def calls(path):
    """(name, args, result) for each completed call in an strace log."""
    out = []
    for line in open(path, encoding='utf-8', errors='replace'):
        m = CALL.match(line.strip())
        if m:
            out.append((m.group(1), m.group(2), m.group(3)))
        elif line.startswith('exit_group('):
            out.append(('exit_group', line[11:line.index(')')], '?'))
    return out


def shape(trace):
    """The notes' shape with the break as B, or an error string."""
    seq = [c for c in trace if c[0] != 'execve']
    names = [c[0] for c in seq]
    if names and names[1:2] == ['fstat'] and names[2:3] == ['ioctl']:
        seq = seq[:2] + seq[3:]
        names = [c[0] for c in seq]
    if names != ['brk', 'fstat', 'brk', 'write', 'exit_group']:
        return None, 'calls %s, expected brk fstat brk write exit_group' % names
    base = int(seq[0][2], 16)
    if seq[0][1] != 'NULL':
        return None, 'first brk is brk(%s), not brk(NULL)' % seq[0][1]
    if not seq[1][1].startswith('1,') or seq[1][2] != '0':
        return None, 'fstat is fstat(%s) = %s' % (seq[1][1], seq[1][2])
    grow_to, grown = int(seq[2][1], 16), int(seq[2][2], 16)
    if grow_to != base + 0x21000 or grown != grow_to:
        return None, 'brk(%#x) = %#x, expected brk(B + 0x21000) with B = %#x' % (
            grow_to, grown, base)
    text = 'sbrk return %#x\\n' % base
    m = re.match(r'1, "(.*)", (\d+)', seq[3][1])
    if not m or m.group(1) != text or m.group(2) != seq[3][2] or int(m.group(2)) != len(text) - 1:
        return None, 'write is write(%s) = %s, expected "%s"' % (seq[3][1], seq[3][2], text)
    if seq[4][1] != '0':
        return None, 'exit_group(%s)' % seq[4][1]
    return base, None


def glibc_offsets(trace):
    """glibc's calls from its last brk(NULL): names and break offsets."""
    starts = [i for i, c in enumerate(trace) if c[0] == 'brk' and c[1] == 'NULL']
    if not starts:
        return None
    seq = trace[starts[-1]:]
    base = int(seq[0][2], 16)
    out = []
    for name, args, result in seq:
        if name == 'newfstatat' and args.startswith('1, ""'):
            name = 'fstat'
        if name == 'brk' and args != 'NULL':
            out.append(('brk', int(args, 16) - base))
        elif name in ('brk', 'fstat', 'ioctl', 'write', 'exit_group'):
            out.append((name, None))
    return out


def main():
    args = sys.argv[1:]
    trace = calls(args[0])
    base, error = shape(trace)
    if error:
        print('# ' + error)
        return 1
    if '--stdout' in args:
        printed = open(args[args.index('--stdout') + 1]).read()
        if printed != 'sbrk return %#x\n' % base:
            print('# output %r' % printed)
            return 1
    if '--glibc' in args:
        ours = glibc_offsets(trace)
        theirs = glibc_offsets(calls(args[args.index('--glibc') + 1]))
        if ours != theirs:
            print('# ours %s\n# glibc %s' % (ours, theirs))
            return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
