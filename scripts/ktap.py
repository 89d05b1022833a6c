"""Reading KTAP version 1 output, as kernel/lib/kunit.c prints it.

parse(text) returns a Report: the leaf cases that passed, failed and were
skipped (with the reason) and every problem that makes the run
untrustworthy (no KTAP header, a plan that does not match the results, a
missing suite result, an alarming console line outside any case).

A case's name is everything between its number and a " # " directive
("ok 3 expect /a b/ # SKIP why"). The console lines printed before a
case's result line belong to that case: an alarming one (scripts/alarms.py)
fails the case unless the case declared it first with a diagnostic line

    # CASE: expects report: TEXT

(kunit_expect_report() prints it), which accounts for exactly one alarming
line beginning with TEXT; a declared report that never appears fails the
case too.
"""
import re

import alarms

RESULT = re.compile(r"^( *)(ok|not ok) (\d+)(?: (.*?))?(?: # (.*))?$")
PLAN = re.compile(r"^( *)1\.\.(\d+)$")
SUBTEST = re.compile(r"^ *# Subtest: (.+)$")
EXPECTS = re.compile(r"^ *# [^:]+: expects report: (.+)$")


class Report:
    def __init__(self):
        self.passed = []     # "suite.case"
        self.failed = []     # "suite.case"
        self.skipped = []
        self.reasons = {}    # "suite.case": why it failed or was skipped
        self.errors = []     # problems with the run as a whole

    @property
    def ok(self):
        return not self.failed and not self.errors


class _Case:
    """The console lines seen since the last result: alarms and declared reports."""

    def __init__(self):
        self.alarms = []
        self.expected = []

    def problems(self):
        unexpected, missing = alarms.match_expected(self.alarms, self.expected)
        return (["the console shows '%s'" % line for line in unexpected] +
                ["the expected report '%s' never appeared" % text for text in missing])


def parse(text):
    report = Report()
    lines = text.replace("\r", "").split("\n")
    try:
        start = lines.index("KTAP version 1")
    except ValueError:
        report.errors.append("no 'KTAP version 1' header in the output")
        start = len(lines)
    before = alarms.alarming_lines("\n".join(lines[:start]))
    report.errors += ["the console shows '%s' before the tests" % line for line in before]
    if start == len(lines):
        return report
    top_plan = None
    suite = None
    suite_plan = None
    suite_cases = 0
    suite_results = 0
    case = _Case()
    for line in lines[start + 1:]:
        if alarms.HEADLINE.match(line):
            case.alarms.append(line)
            continue
        match = EXPECTS.match(line)
        if match:
            case.expected.append(match.group(1))
            continue
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
            report.errors += ["%s (outside any case)" % p for p in case.problems()]
            case = _Case()
            suite, suite_plan, suite_cases = match.group(1), None, 0
            continue
        match = RESULT.match(line)
        if not match:
            continue
        indent, status, _, name, directive = match.groups()
        name = name or ""
        if indent:
            suite_cases += 1
            full = "%s.%s" % (suite, name)
            problems = case.problems()
            case = _Case()
            if status == "not ok" or problems:
                report.failed.append(full)
                if problems:
                    report.reasons[full] = "; ".join(problems)
            elif directive and directive.upper().startswith("SKIP"):
                report.skipped.append(full)
                report.reasons[full] = directive[4:].strip() or "no reason given"
            else:
                report.passed.append(full)
        else:
            suite_results += 1
            report.errors += ["%s (in suite %s, after its last case)" % (p, name)
                              for p in case.problems()]
            case = _Case()
            if suite_plan is not None and suite_cases != suite_plan:
                report.errors.append("suite %s planned %d cases but reported %d"
                                     % (name, suite_plan, suite_cases))
            if status == "not ok" and suite_cases == 0:
                report.failed.append(name)
            suite_plan, suite_cases = None, 0
    report.errors += ["%s (after the last result)" % p for p in case.problems()]
    if top_plan is None:
        report.errors.append("no test plan (1..N) after the KTAP header")
    elif suite_results != top_plan:
        report.errors.append("plan 1..%d but %d suite results (output cut short?)"
                             % (top_plan, suite_results))
    return report
