#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Drives an interactive user/sh on a pseudo-terminal (the host's real tty
line discipline): banner and prompt, Ctrl-C ending the foreground program
but not the shell, the terminal's foreground group handed to the child and
taken back, Ctrl-C at the prompt, exit N, and Ctrl-D ending the shell.

Usage: interactive.py BIN_DIR   (BIN_DIR holds sh and sleep)
Prints "ok"/"not ok" lines without numbers ("ok - name"); exits 1 on failure.
"""
import os
import pty
import select
import sys
import time

TIMEOUT = 10.0


class Session:
    def __init__(self, sh):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execv(sh, [sh])
        self.seen = b""

    def expect(self, text):
        """Reads until text appears after what earlier expects consumed."""
        deadline = time.monotonic() + TIMEOUT
        while text.encode() not in self.seen:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                raise AssertionError("timed out waiting for %r; got %r" % (text, self.seen))
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                chunk = b""
            if not chunk:
                raise AssertionError("end of output waiting for %r; got %r" % (text, self.seen))
            self.seen += chunk
        self.seen = self.seen[self.seen.index(text.encode()) + len(text):]

    def send(self, text):
        os.write(self.fd, text.encode())

    def wait(self):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            try:
                while select.select([self.fd], [], [], 0)[0] and os.read(self.fd, 4096):
                    pass
            except OSError:
                pass
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return status
            time.sleep(0.01)
        os.kill(self.pid, 9)
        raise AssertionError("shell did not end")


def stat_fields(pid):
    """(comm, ppid, pgrp, tpgid) of /proc/PID/stat, or None if it is gone."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            text = f.read()
    except OSError:
        return None
    comm = text[text.index("(") + 1:text.rindex(")")]
    rest = text[text.rindex(")") + 2:].split()
    return comm, int(rest[1]), int(rest[2]), int(rest[5])


def foreground_child(shell_pid, name):
    """Waits for a child NAME of shell_pid that is the terminal's foreground group."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                fields = stat_fields(int(entry))
                if fields and fields[0] == name and fields[1] == shell_pid \
                        and fields[2] == int(entry) and fields[3] == fields[2]:
                    return int(entry)
        time.sleep(0.01)
    raise AssertionError("no foreground child %s of the shell" % name)


def main():
    bin_dir = sys.argv[1]
    failed = False

    def check(name, function):
        nonlocal failed
        try:
            function()
            print("ok - %s" % name)
        except AssertionError as error:
            print("not ok - %s" % name)
            print("# %s" % error)
            failed = True

    session = Session(os.path.join(bin_dir, "sh"))

    def banner():
        session.expect("Type help")
        session.expect("$ ")

    def ctrl_c_ends_the_foreground_program():
        session.send("%s/sleep 30\n" % bin_dir)
        foreground_child(session.pid, "sleep")
        session.send("\x03")
        session.expect("$ ")
        session.send("echo $?\n")
        session.expect("130")
        session.expect("$ ")
        fields = stat_fields(session.pid)
        assert fields and fields[2] == fields[3], "shell not the foreground again: %r" % (fields,)

    def ctrl_c_at_the_prompt():
        session.send("\x03")
        time.sleep(0.2)
        session.send("echo alive\n")
        session.expect("alive")
        session.expect("$ ")

    def exit_with_status():
        session.send("exit 4\n")
        status = session.wait()
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 4, "status %#x" % status

    check("interactive-banner-and-prompt", banner)
    check("interactive-ctrl-c-ends-foreground-program", ctrl_c_ends_the_foreground_program)
    check("interactive-ctrl-c-at-prompt", ctrl_c_at_the_prompt)
    check("interactive-exit-status", exit_with_status)

    eof_session = Session(os.path.join(bin_dir, "sh"))

    def ctrl_d_ends_the_shell():
        eof_session.expect("$ ")
        eof_session.send("false\n")
        eof_session.expect("$ ")
        eof_session.send("\x04")
        eof_session.expect("exit")
        status = eof_session.wait()
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 1, "status %#x" % status

    check("interactive-ctrl-d-exits-with-last-status", ctrl_d_ends_the_shell)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
