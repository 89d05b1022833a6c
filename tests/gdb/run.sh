#!/bin/sh
# SPDX-License-Identifier: MIT
# The scripted GDB test (issue 10): boots the DEBUG=1 kernel paused under
# scripts/qemu-run --debug (headless, a free port) on instruction-counted
# time (--icount: the guest's clock advances with the instructions it
# executes, not with host time; on host time, a single step that took long
# on a loaded host could bring a timer interrupt due in the middle of
# GDB's step over a breakpoint, and QEMU's gdbstub then reported that
# breakpoint again without executing an instruction, so a `continue`
# stopped where it was: 2 runs in 50 under load, none in 40 with
# --icount), attaches GDB through
# scripts/gdb-attach in batch mode and runs tests/gdb/brk_session.py twice:
# with /bin/sbrk_example as init, then with /bin/gdb_target. Prints
# "ok N name" / "not ok N name" per check; exits 1 on any failure.
#
#   tests/gdb/run.sh [--no-build]
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 1
build_dir=build/debug
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gdb-test.XXXXXX")
results=$tmp/results
: > "$results"
qemu_pid=

cleanup() {
	if [ -n "$qemu_pid" ]; then
		kill -- "-$qemu_pid" 2>/dev/null	# qemu-run and its QEMU
		qemu_pid=
	fi
}
trap 'cleanup; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

if [ "${1:-}" != "--no-build" ]; then
	if ! make -s DEBUG=1 all >"$tmp/build.log" 2>&1; then
		cat "$tmp/build.log" >&2
		echo "not ok 1 gdb: make DEBUG=1 all"
		exit 1
	fi
fi

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# session NAME [CMDLINE]: boot /bin/NAME as init, paused, and drive it from GDB.
session() {
	name=$1
	cmdline=${2:-}
	port=$(free_port)
	console=$tmp/console.$name
	# setsid: qemu-run leads its own process group, so cleanup ends QEMU too.
	GDBPORT=$port setsid scripts/qemu-run --no-build --build-dir "$build_dir" --debug --icount \
		--timeout 80 --cmdline "$cmdline" -- "/bin/$name" >"$console" 2>"$tmp/qemu.$name.err" &
	qemu_pid=$!
	tries=0
	until python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; do
		tries=$((tries + 1))
		if [ $tries -gt 100 ] || ! kill -0 "$qemu_pid" 2>/dev/null; then
			echo "not ok $name: QEMU's gdbstub never listened on $port" >>"$results"
			cat "$tmp/qemu.$name.err" >&2
			cleanup
			return
		fi
		sleep 0.2
	done
	SESSION=$name CONSOLE=$console RESULTS=$results timeout 70 \
		scripts/gdb-attach --build-dir "$build_dir" --port "$port" -nx -batch \
		-x tests/gdb/brk_session.py >"$tmp/gdb.$name.log" 2>&1
	status=$?
	if ! grep -q "^END $name$" "$results"; then
		echo "not ok $name: the GDB session finished (gdb status $status)" >>"$results"
		echo "--- gdb log ($name) ---" >&2
		tail -40 "$tmp/gdb.$name.log" >&2
	fi
	cleanup
	# the kernel must have said nothing alarming (scripts/alarms.py) meanwhile
	if python3 scripts/alarms.py "$console" >"$tmp/alarms.$name"; then
		echo "ok $name: no kernel report on the console" >>"$results"
	else
		echo "not ok $name: no kernel report on the console" >>"$results"
		sed 's/^/# /' "$tmp/alarms.$name" >>"$results"
	fi
}

start=$(date +%s)
session sbrk_example
session gdb_target "trace_event=mmap,mmviz:mt_dump"
n=0
failed=0
while IFS= read -r line; do
	case "$line" in
	END*) continue ;;
	"not ok "*) n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n ${line#not ok }" ;;
	"ok "*) n=$((n + 1)); echo "ok $n ${line#ok }" ;;
	*) echo "# $line" ;;
	esac
done <"$results"
echo "1..$n"
echo "# gdb test: $n checks, $failed failed, $(( $(date +%s) - start )) s"
if [ "$n" -eq 0 ] || [ "$failed" -ne 0 ]; then
	for f in "$tmp"/gdb.*.log; do
		[ -f "$f" ] && { echo "--- $f (last lines) ---" >&2; tail -25 "$f" >&2; }
	done
	exit 1
fi
exit 0
