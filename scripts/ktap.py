"""Reading KTAP version 1 output, as kernel/lib/kunit.c prints it.

parse(text) returns a Report: the leaf cases that passed and failed and
every problem that makes the run untrustworthy (no KTAP header, a plan
that does not match the results, a missing suite result, an oops).
"""
import re

RESULT = re.compile(r"^( *)(ok|not ok) (\d+) (\S+)(.*)$")
PLAN = re.compile(r"^( *)1\.\.(\d+)$")
SUBTEST = re.compile(r"^ *# Subtest: (\S+)")
OOPS_MARKERS = ("Kernel panic - not syncing", "BUG: unable to handle",
                "BUG: kernel NULL pointer", "general protection fault:",
                "invalid opcode:", "double fault")


class Report:
    def __init__(self):
        self.passed = []     # "suite.case"
        self.failed = []     # "suite.case"
        self.skipped = []
        self.errors = []     # problems with the run as a whole

    @property
    def ok(self):
        return not self.failed and not self.errors


def parse(text):
    report = Report()
    lines = text.replace("\r", "").split("\n")
    try:
        start = lines.index("KTAP version 1")
    except ValueError:
        report.errors.append("no 'KTAP version 1' header in the output")
        return report
    top_plan = None
    suite = None
    suite_plan = None
    suite_cases = 0
    suite_results = 0
    for line in lines[start + 1:]:
        match = PLAN.match(line)
        if match:
            if match.group(1) == "":
                if top_plan is None:
                    top_plan = int(match.group(2))
            else:
                suite_plan = int(match.group(2))
            continue
        match = SUBTEST.match(line)
        if match:
            suite, suite_plan, suite_cases = match.group(1), None, 0
            continue
        match = RESULT.match(line)
        if not match:
            continue
        indent, status, _, name, rest = match.groups()
        if indent:
            suite_cases += 1
            full = "%s.%s" % (suite, name)
            if status == "not ok":
                report.failed.append(full)
            elif "# SKIP" in rest:
                report.skipped.append(full)
            else:
                report.passed.append(full)
        else:
            suite_results += 1
            if suite_plan is not None and suite_cases != suite_plan:
                report.errors.append("suite %s planned %d cases but reported %d"
                                     % (name, suite_plan, suite_cases))
            if status == "not ok" and suite_cases == 0:
                report.failed.append(name)
    if top_plan is None:
        report.errors.append("no test plan (1..N) after the KTAP header")
    elif suite_results != top_plan:
        report.errors.append("plan 1..%d but %d suite results (output cut short?)"
                             % (top_plan, suite_results))
    for marker in OOPS_MARKERS:
        if marker in text:
            report.errors.append("the kernel oopsed: '%s'" % marker)
            break
    return report
