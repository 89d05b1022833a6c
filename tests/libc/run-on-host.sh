#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The libc's programs make raw Linux x86-64 system calls, so they also run
# on the host's Linux. This builds them and checks on the host:
#   - sbrk_example prints "sbrk return 0x..." and its strace is the notes'
#     trace (brk(NULL), fstat(1), brk(B + 0x21000), write), into a file, a
#     pipe and a terminal, and the same as glibc's for the same source;
#   - tests/libc/portable.c prints the same built with glibc and with the libc;
#   - brkdemo and malloctest run and see the break move as they expect.
# Prints one line per check, "ok N name" or "not ok N name" (KTAP-like),
# and exits 1 if any check failed.
#
# Usage: tests/libc/run-on-host.sh [--build-dir DIR]   (default: build)

BUILD=build
[ "$1" = "--build-dir" ] && BUILD=$2
cd "$(dirname "$0")/../.." || exit 1

. tests/lib.sh

# Run a command with a pseudo-terminal as its stdout (script, from bsdutils);
# its exit status (-e) is the command's.
on_terminal() {
	script -qec "$1" /dev/null >/dev/null 2>&1
}

SBRK=$BUILD/user/bin/sbrk_example
PORTABLE=$BUILD/tests/libc/portable
echo "TAP version 13"

make --no-print-directory -s B="$BUILD" "$SBRK" "$BUILD/user/bin/brkdemo" \
	"$BUILD/user/bin/malloctest" "$PORTABLE" >"$TMP/make.log" 2>&1
status=$?
[ $status -ne 0 ] && sed 's/^/# /' "$TMP/make.log"
result $status build-libc-programs
[ $status -ne 0 ] && exit 1

"$SBRK" >"$TMP/out"
status=$?
grep -qx 'sbrk return 0x[0-9a-f]*' "$TMP/out" || status=1
result $status sbrk-example-output

if have strace; then
	strace -o "$TMP/trace.file" "$SBRK" >"$TMP/out.file"
	status=$?
	python3 tests/libc/check_trace.py "$TMP/trace.file" --stdout "$TMP/out.file" || status=1
	result $status sbrk-example-trace-to-file

	{ strace -o "$TMP/trace.pipe" "$SBRK"; echo $? >"$TMP/status.pipe"; } | cat >"$TMP/out.pipe"
	status=$(cat "$TMP/status.pipe")
	python3 tests/libc/check_trace.py "$TMP/trace.pipe" --stdout "$TMP/out.pipe" || status=1
	result $status sbrk-example-trace-to-pipe

	# script (bsdutils, installed by scripts/install-deps): a failure under it is a failure
	if have script; then
		on_terminal "strace -o $TMP/trace.tty $SBRK"
		status=$?
		python3 tests/libc/check_trace.py "$TMP/trace.tty" || status=1
		result $status sbrk-example-trace-to-terminal
	else
		result 0 sbrk-example-trace-to-terminal "no pseudo-terminal: script (bsdutils) missing"
	fi

	if have gcc && gcc -o "$TMP/sbrk-glibc" user/sbrk_example.c 2>/dev/null; then
		strace -o "$TMP/glibc.file" "$TMP/sbrk-glibc" >"$TMP/glibc.out"
		status=$?
		python3 tests/libc/check_trace.py "$TMP/trace.file" --glibc "$TMP/glibc.file" ||
			status=1
		result $status sbrk-example-trace-same-as-glibc
	else
		result 0 sbrk-example-trace-same-as-glibc "no gcc for glibc"
	fi
else
	for name in to-file to-pipe to-terminal same-as-glibc; do
		result 0 sbrk-example-trace-$name "strace not installed"
	done
fi

if have gcc && gcc -std=gnu11 -O2 -o "$TMP/portable-glibc" tests/libc/portable.c 2>/dev/null; then
	"$PORTABLE" >"$TMP/p.ours" 2>"$TMP/p.ours.err"
	ours=$?
	"$TMP/portable-glibc" >"$TMP/p.glibc" 2>"$TMP/p.glibc.err"
	theirs=$?
	diff "$TMP/p.glibc" "$TMP/p.ours" | sed 's/^/# /'
	cmp -s "$TMP/p.glibc" "$TMP/p.ours" && cmp -s "$TMP/p.glibc.err" "$TMP/p.ours.err" &&
		[ $ours -eq $theirs ] && [ -s "$TMP/p.ours" ]
	result $? portable-program-same-as-glibc
else
	result 0 portable-program-same-as-glibc "no gcc for glibc"
fi

"$BUILD/user/bin/brkdemo" >"$TMP/brkdemo"
status=$?
for step in 1 2 3 4 5 6 7 8 9; do
	grep -q "^$step\. " "$TMP/brkdemo" || status=1
done
grep -q '^   nonzero bytes in the regrown pages: 0$' "$TMP/brkdemo" || status=1
grep -q '^8\. .*: -1, errno ENOMEM' "$TMP/brkdemo" || status=1
[ "$(grep -c '^  maps   [0-9a-f]*-[0-9a-f]* rw-p .*\[heap\]$' "$TMP/brkdemo")" -ge 4 ] || status=1
[ $status -ne 0 ] && sed 's/^/# /' "$TMP/brkdemo"
result $status brkdemo

"$BUILD/user/bin/malloctest" >"$TMP/malloctest"
status=$?
grep -q '^heap check: ok$' "$TMP/malloctest" || status=1
[ $status -ne 0 ] && sed 's/^/# /' "$TMP/malloctest"
result $status malloctest

finish
