# SPDX-License-Identifier: MIT
#
# What the host test scripts (tests/*/run-on-host.sh) share. Sourced from
# the top of the tree, after the script's cd there:
#	. tests/lib.sh
# It makes $TMP, a fresh directory removed when the script exits, and
# offers:
#	result STATUS NAME [SKIP-REASON]	one "ok N NAME" / "not ok N NAME"
#		line (status 0 is ok), or "ok N NAME # SKIP SKIP-REASON"
#	have COMMAND				is COMMAND on PATH?
#	finish					prints the plan "1..N" and exits 1
#						if a check failed, else 0
# $N counts the results so far, $FAILED is 1 once one failed.

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
N=0
FAILED=0

result() {	# result STATUS NAME [SKIP-REASON]
	N=$((N + 1))
	if [ -n "$3" ]; then
		echo "ok $N $2 # SKIP $3"
	elif [ "$1" -eq 0 ]; then
		echo "ok $N $2"
	else
		echo "not ok $N $2"
		FAILED=1
	fi
}

have() {	# have COMMAND
	command -v "$1" >/dev/null 2>&1
}

finish() {
	echo "1..$N"
	exit $FAILED
}
