#!/bin/sh
# SPDX-License-Identifier: MIT
#
# user/sh and the little tools make raw Linux system calls, so they run on
# the host's Linux, whose /bin and /proc serve as the reference. This
# builds them and checks: word splitting and quotes, pipelines and "<"
# ">" redirections, $? and $$, /bin search, "command not found" (127), 126, signal deaths reported like bash,
# scripts (file, stdin, -c), exit, strace's fallback, the interactive shell
# on a pseudo-terminal (tests/shell/interactive.py: Ctrl-C, foreground
# group, Ctrl-D), and the output of cat, ls, echo, ps, free, sleep, true,
# false against the host's tools and /proc.
# Prints "ok N name" / "not ok N name" lines and exits 1 if any failed.
#
# Usage: tests/shell/run-on-host.sh [--build-dir DIR]   (default: build)

BUILD=build
[ "$1" = "--build-dir" ] && BUILD=$2
cd "$(dirname "$0")/../.." || exit 1

. tests/lib.sh
PROGRAMS="sh cat ls echo ps free sleep true false"

# expect NAME EXPECTED-STATUS EXPECTED-STDOUT EXPECTED-STDERR: compares
# $TMP/out, $TMP/err and $STATUS from the last `run`.
expect() {
	printf '%s' "$3" >"$TMP/want.out"
	printf '%s' "$4" >"$TMP/want.err"
	ok=0
	[ "$STATUS" -eq "$2" ] || { echo "# status $STATUS, expected $2"; ok=1; }
	cmp -s "$TMP/want.out" "$TMP/out" || { diff "$TMP/want.out" "$TMP/out" | sed 's/^/# out: /'; ok=1; }
	cmp -s "$TMP/want.err" "$TMP/err" || { diff "$TMP/want.err" "$TMP/err" | sed 's/^/# err: /'; ok=1; }
	result $ok "$1"
}

run() {		# run COMMAND ARGS...: stdout, stderr and status into $TMP/out, err, STATUS
	"$@" >"$TMP/out" 2>"$TMP/err" </dev/null
	STATUS=$?
}

echo "TAP version 13"
TARGETS=
for p in $PROGRAMS; do
	TARGETS="$TARGETS $BUILD/user/bin/$p"
done
make --no-print-directory -s B="$BUILD" $TARGETS >"$TMP/make.log" 2>&1
status=$?
grep -q 'warning:' "$TMP/make.log" && status=1
[ $status -ne 0 ] && sed 's/^/# /' "$TMP/make.log"
result $status build-shell-and-tools
[ $status -ne 0 ] && exit 1

B=$(cd "$BUILD/user/bin" && pwd)
SH=$B/sh
NL='
'

# --- the shell ---------------------------------------------------------
run "$SH" -c "/usr/bin/printf '[%s]\n' 'a  b' \"c \\\"d\\\" \\\$? e\" f\\ g x'y'\"z\" '' \"\$?\""
expect sh-quotes-and-words 0 "[a  b]$NL[c \"d\" \$? e]$NL[f g]$NL[xyz]$NL[]$NL[0]$NL" ""

run "$SH" -c "$B/echo hi   there  # a comment"
expect sh-full-path-and-comment 0 "hi there$NL" ""

run "$SH" -c "echo from /bin"
expect sh-path-search-in-bin 0 "from /bin$NL" ""

run "$SH" -c "true"
expect sh-true-status 0 "" ""
run "$SH" -c "false"
expect sh-false-status 1 "" ""

run "$SH" -c "no_such_command_xyz arg"
expect sh-command-not-found 127 "" "no_such_command_xyz: command not found$NL"

run "$SH" -c "$TMP/missing"
expect sh-missing-path 127 "" "$TMP/missing: No such file or directory$NL"

run "$SH" -c "/etc"
expect sh-cannot-run 126 "" "/etc: Permission denied$NL"

run "$SH" -c "echo 'unterminated"
expect sh-unterminated-quote 2 "" "sh: syntax error: unterminated quote$NL"

# pipelines and redirections: the status is the last stage's
run "$SH" -c "echo 'a | b' c|cat | cat"
expect sh-pipeline-of-three 0 "a | b c$NL" ""
run "$SH" -c "true | false"
expect sh-pipeline-status-last-fails 1 "" ""
run "$SH" -c "false | true"
expect sh-pipeline-status-last-succeeds 0 "" ""
printf 'first\nsecond\n' >"$TMP/input.txt"
run "$SH" -c "cat <$TMP/input.txt | cat; echo hidden > /dev/null"
expect sh-input-and-output-redirection 0 "first${NL}second$NL" ""
run "$SH" -c "echo hi | no_such_command_xyz"
expect sh-pipeline-command-not-found 127 "" "no_such_command_xyz: command not found$NL"
run "$SH" -c "cat < $TMP/missing"
expect sh-redirection-missing-file 1 "" "sh: $TMP/missing: No such file or directory$NL"
run "$SH" -c "| cat"
expect sh-pipeline-missing-command 2 "" "sh: syntax error: a command is missing$NL"
run "$SH" -c "cat <"
expect sh-redirection-missing-file-name 2 "" "sh: syntax error: a file name must follow < or >$NL"

for case in SEGV:139:"Segmentation fault" KILL:137:Killed TERM:143:Terminated \
	    ABRT:134:Aborted INT:130: PIPE:141:; do
	sig=${case%%:*}
	rest=${case#*:}
	code=${rest%%:*}
	message=${rest#*:}
	[ -n "$message" ] && message="$message$NL"
	cat >"$TMP/signal.sh" <<-EOF
	/bin/sh -c 'kill -$sig \$\$'
	$B/echo status \$?
	EOF
	# default actions: a test started in the background inherits SIGINT ignored
	run env --default-signal "$SH" "$TMP/signal.sh"
	expect "sh-signal-death-$sig" 0 "status $code$NL" "$message"
done

cat >"$TMP/status.sh" <<EOF
# statuses as \$? shows them
false
$B/echo \$?
$SH -c 'exit 3'
$B/echo "\$?"
no_such_command_xyz
$B/echo \$?

true
$B/echo \$? '\$?'
$SH -c 'exit 300'
$B/echo \$?
$SH -c 'exit abc'
$B/echo \$?
EOF
run "$SH" "$TMP/status.sh"
expect sh-script-statuses 0 "1${NL}3${NL}127${NL}0 \$?${NL}44${NL}2$NL" \
	"no_such_command_xyz: command not found${NL}sh: exit: abc: numeric argument required$NL"

printf '%s\n' "$B/echo one" "exit 5" "$B/echo never" >"$TMP/exit.sh"
run "$SH" "$TMP/exit.sh"
expect sh-script-exit-stops 5 "one$NL" ""

printf '%s' "$B/echo no newline at the end" >"$TMP/last.sh"
run "$SH" "$TMP/last.sh"
expect sh-script-last-line-without-newline 0 "no newline at the end$NL" ""

run "$SH" -c "$B/false$NL$B/echo second line"
expect sh-c-several-lines 0 "second line$NL" ""

run "$SH" "$TMP/does-not-exist.sh"
expect sh-script-missing 127 "" "sh: $TMP/does-not-exist.sh: No such file or directory$NL"

# The shell reads a non-tty stdin a byte at a time: the child reads the next line.
printf '%s\n' "$B/echo a" "/bin/sh -c 'read x; echo got \$x'" "the child's line" \
	"$B/echo b" | "$SH" >"$TMP/out" 2>"$TMP/err"
STATUS=$?
expect sh-stdin-script-shared-with-child 0 "a${NL}got the child's line${NL}b$NL" ""

printf '%s\n' "$B/echo \$\$" "$B/ps" | "$SH" >"$TMP/out" 2>"$TMP/err"
status=$?
shell_pid=$(head -n 1 "$TMP/out")
awk -v sh="$shell_pid" '$6 == "ps" && $2 == sh { found = 1 } END { exit !found }' "$TMP/out" ||
	status=1
result $status sh-dollar-dollar-is-parent-of-ps

run "$SH" -c "strace $B/echo traced"
expect sh-strace-fallback-on-linux 0 "traced$NL" "strace: not supported on this kernel$NL"

run "$SH" -c "help"
grep -q 'strace sbrk_example' "$TMP/out" && grep -q 'cat /proc/self/maps' "$TMP/out" &&
	grep -q '^Built-ins: help, exit \[N\], poweroff' "$TMP/out" && [ "$STATUS" -eq 0 ]
result $? sh-help

# As root, the shell runs as nobody without any capability (setpriv, from
# util-linux): reboot(2) must refuse, as it does for any user without CAP_SYS_BOOT.
if [ "$(id -u)" -ne 0 ]; then
	run "$SH" -c "poweroff"
	expect sh-poweroff-refused-without-privilege 1 "" "poweroff: Operation not permitted$NL"
elif have setpriv; then
	run setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
		--bounding-set=-all "$SH" -c "poweroff"
	expect sh-poweroff-refused-without-privilege 1 "" "poweroff: Operation not permitted$NL"
else
	result 0 sh-poweroff-refused-without-privilege "root without setpriv (util-linux)"
fi

if python3 -c 'import pty' 2>/dev/null; then
	python3 tests/shell/interactive.py "$B" >"$TMP/interactive" 2>&1
	status=$?
	while read -r line; do
		case $line in
		"ok - "*) result 0 "${line#ok - }" ;;
		"not ok - "*) result 1 "${line#not ok - }" ;;
		*) echo "$line" ;;
		esac
	done <"$TMP/interactive"
	[ $status -ne 0 ] && ! grep -q '^not ok' "$TMP/interactive" && result 1 interactive-script
else
	result 0 interactive "no python3 pty module"
fi

# --- the tools ---------------------------------------------------------
run "$B/echo" -n a "b  c"
expect echo-n 0 "a b  c" ""
run "$B/echo"
expect echo-empty 0 "$NL" ""

run "$B/true"
expect true 0 "" ""
run "$B/false"
expect false 1 "" ""

run "$B/sleep" 0.05
expect sleep-fraction 0 "" ""
run "$B/sleep" 1x
expect sleep-bad-argument 1 "" "sleep: invalid time interval '1x'$NL"

printf 'first\n' >"$TMP/f1"
printf 'second\n' >"$TMP/f2"
printf 'from stdin\n' | "$B/cat" "$TMP/f1" - "$TMP/f2" >"$TMP/out" 2>"$TMP/err"
STATUS=$?
expect cat-files-and-stdin 0 "first${NL}from stdin${NL}second$NL" ""
run "$B/cat" "$TMP/f1" "$TMP/none"
expect cat-missing-file 1 "first$NL" "cat: $TMP/none: No such file or directory$NL"
"$B/cat" /proc/self/status >"$TMP/out"
status=$?
grep -q "^Name:	cat$" "$TMP/out" || status=1
result $status cat-proc-self-status

mkdir "$TMP/dir"
for f in b a .hidden C; do : >"$TMP/dir/$f"; done
run "$B/ls" "$TMP/dir"
expect ls-sorted-no-hidden 0 "C${NL}a${NL}b$NL" ""
run "$B/ls" -a "$TMP/dir"
expect ls-all 0 ".${NL}..${NL}.hidden${NL}C${NL}a${NL}b$NL" ""
(cd "$TMP/dir" && "$B/ls" >"$TMP/out" 2>"$TMP/err")
STATUS=$?
expect ls-default-dot 0 "C${NL}a${NL}b$NL" ""
run "$B/ls" "$TMP/dir/a" "$TMP/dir"
expect ls-file-and-heading 0 "$TMP/dir/a${NL}${NL}$TMP/dir:${NL}C${NL}a${NL}b$NL" ""
run "$B/ls" "$TMP/none"
expect ls-missing 2 "" "ls: cannot access '$TMP/none': No such file or directory$NL"
"$B/ls" /bin >"$TMP/out"
status=$?
LC_ALL=C ls /bin >"$TMP/want"
cmp -s "$TMP/want" "$TMP/out" || status=1
result $status ls-bin-same-as-host
"$B/ls" /proc >"$TMP/out"
status=$?
grep -qx self "$TMP/out" && grep -qx 1 "$TMP/out" && grep -qx meminfo "$TMP/out" || status=1
result $status ls-proc

"$B/free" >"$TMP/out"
STATUS=$?
free -k >"$TMP/host-free" 2>/dev/null
status=$STATUS
want_header="               total        used        free      shared  buff/cache   available"
[ "$(sed -n 1p "$TMP/out")" = "$want_header" ] || status=1
if [ -s "$TMP/host-free" ]; then	# procps installed: the same heading
	[ "$(sed -n 1p "$TMP/host-free")" = "$want_header" ] || status=1
fi
awk -v total="$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)" '
	NR == 2 { ok = $1 == "Mem:" && NF == 7 && $2 == total && $3 == $2 - $4 - $6 &&
		  length($0) == 80 }
	NR == 3 { ok = ok && $1 == "Swap:" && NF == 4 && $3 == $2 - $4 && length($0) == 44 }
	END { exit !(ok && NR == 3) }' "$TMP/out" || status=1
# Each number ends under its heading, as in the host's free.
awk 'NR == 1 { for (i = 1; i <= NF; i++) end[i] = index($0, $i) + length($i) }
     NR == 2 { pos = 0; for (i = 2; i <= NF; i++) { pos = index(substr($0, pos + 1), $i) + pos;
		if (pos + length($i) != end[i - 1]) bad = 1; pos += length($i) } }
     END { exit bad }' "$TMP/out" || status=1
[ $status -ne 0 ] && sed 's/^/# /' "$TMP/out" "$TMP/host-free"
result $status free-layout-and-values

"$B/ps" >"$TMP/out"
STATUS=$?
status=$STATUS
[ "$(sed -n 1p "$TMP/out")" = "  PID  PPID STAT    VSZ   RSS COMMAND" ] || status=1
host_init=$(awk '/^PPid:/ { ppid = $2 } /^Name:/ { name = $2 } END { print ppid, name }' \
	/proc/1/status)
[ "$(awk '$1 == 1 { print $2, $6 }' "$TMP/out")" = "$host_init" ] || status=1
awk -v me="$$" '$2 == me && $6 == "ps" { found = 1 } END { exit !found }' "$TMP/out" || status=1
awk 'NR > 1 && ($1 !~ /^[0-9]+$/ || $4 !~ /^[0-9]+$/ || $5 !~ /^[0-9]+$/) { bad = 1 }
     END { exit bad }' "$TMP/out" || status=1
[ $status -ne 0 ] && head -n 5 "$TMP/out" | sed 's/^/# /'
result $status ps-columns-and-processes

finish
