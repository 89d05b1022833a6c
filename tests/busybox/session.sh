# A scripted session of Debian's busybox (busybox-static) on this kernel:
# tests/user/busybox.test runs it as `/bin/busybox sh /bin/session.sh`, here
# and on Linux 6.1, which must print the same checks. Each check prints
# "ok N what" or "not ok N what (got ..., expected ...)"; free and ps print
# their tables for the spec's expect lines.

echo "1..16"
n=0
# t ACTUAL EXPECTED WHAT: one check
t() {
	n=$((n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $n $3"
	else
		echo "not ok $n $3 (got '$1', expected '$2')"
	fi
}

# pipelines of separate busybox processes
t "$(echo a | busybox wc -c)" "2" "echo a | busybox wc -c"
t "$(busybox ls /bin | busybox head -3 | busybox wc -l)" "3" "busybox ls /bin | busybox head -3"
heap=$(busybox cat /proc/self/maps | busybox grep -c heap)
t "$([ "$heap" -ge 1 ] && echo yes)" "yes" "busybox cat /proc/self/maps | busybox grep heap"
t "$(busybox seq 1 20000 | busybox tail -1)" "20000" "100 KiB through a pipe (more than it holds)"

# exit statuses and $?
busybox false
t "$?" "1" "\$? after busybox false"
(exit 3)
t "$?" "3" "\$? of a subshell that exits 3"
busybox sh -c 'exit 4'
t "$?" "4" "\$? of a child shell that exits 4"
busybox true | busybox false
t "$?" "1" "a pipeline's status is its last command's"
busybox false | busybox true
t "$?" "0" "a pipeline whose last command succeeds"

# loops, redirections, command substitution
i=0
s=
while [ $i -lt 5 ]; do
	s="$s$i"
	i=$((i + 1))
done
t "$s" "01234" "a while loop with arithmetic"
s=
for w in alpha beta gamma; do
	s="$s${w%a}."
done
t "$s" "alph.bet.gamm." "a for loop with parameter expansion"
t "$(busybox echo redirected 2>/dev/null >/dev/null; echo $?)" "0" "output to /dev/null"
t "$(busybox wc -l < /proc/meminfo)" "$(busybox cat /proc/meminfo | busybox wc -l)" \
	"input redirection with <"

# the memory and process tools
busybox free
total=$(busybox free | busybox awk '/^Mem:/ { print $2 }')
t "$total" "$(busybox awk '/^MemTotal:/ { print $2 }' /proc/meminfo)" \
	"busybox free's total is /proc/meminfo's MemTotal"
busybox ps
t "$(busybox ps | busybox awk '$1 == '$$' { print $3 }')" "/bin/busybox" \
	"busybox ps lists this shell by its command line"
t "$(busybox id -u)" "0" "busybox id -u is 0 (root)"
