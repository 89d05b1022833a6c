"""The console lines that say something went wrong, for every test layer.

A test passes only if its console shows none of these, unless the test
declared that exact report beforehand (a misuse test, a crash test). One
list, used by scripts/ktap.py (KTAP output of the kernel and of the host
test programs), scripts/user-test (user programs under QEMU), scripts/run-tests
(the crash tests) and tests/gdb/run.sh (through the command line below).

Each entry is (headline regex, what it is). A headline is the first line of
a report, matched at the start of a console line; the lines that follow it
(register dumps, "INFO:", "FIX ...:") belong to that report and are not
counted again.

    scripts/alarms.py FILE...   print the alarming lines of the files; exit 1 if any
"""
import re
import sys

ALARMS = [
    (r"WARNING: ", "a kernel warning (WARN_ON)"),
    (r"BUG: ", "a kernel BUG report (page fault, NULL pointer, Bad page state, stack guard)"),
    (r"BUG [^\s:]+(?: \([^)]*\))?: ", "a slab corruption report (BUG cache: ...)"),
    (r"Bad page state", "a page allocator misuse report"),
    (r"kernel BUG at ", "BUG_ON()"),
    (r".*general protection fault", "a general protection fault"),
    (r"Oops: ", "an oops"),
    (r"[a-z][a-z ()-]*: [0-9a-f]{4} \[#\d+\]", "an oops (exception: error code [#N])"),
    (r"Kernel panic - not syncing", "a kernel panic"),
    (r"Fault while printing an oops", "a fault inside the oops path"),
    (r"==\d+==ERROR: (?:Address|Leak)Sanitizer", "a sanitizer report (host test)"),
    (r".*: runtime error: ", "an UndefinedBehaviorSanitizer report (host test)"),
]
HEADLINE = re.compile("|".join("(?:%s)" % pattern for pattern, _ in ALARMS))


def alarming_lines(text):
    """The alarming lines of @text, in order (each without its line end)."""
    return [line for line in text.replace("\r", "").split("\n") if HEADLINE.match(line)]


def match_expected(alarms, expected):
    """Pair console @alarms with @expected reports (texts each alarm must begin with).

    Each expected report accounts for exactly one alarming line that starts
    with its text. Returns (unexpected alarms, expected reports that never
    appeared).
    """
    missing = list(expected)
    unexpected = []
    for line in alarms:
        for text in missing:
            if line.startswith(text):
                missing.remove(text)
                break
        else:
            unexpected.append(line)
    return unexpected, missing


def main(paths):
    found = 0
    for path in paths:
        with open(path, errors="replace") as f:
            for line in alarming_lines(f.read()):
                print("%s: %s" % (path, line))
                found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
