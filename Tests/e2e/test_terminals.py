"""End-to-end: the interactive commands and the terminals they run on
(issue 16).

Without a terminal on stdin and stdout an interactive command refuses at
once (exit 2) instead of spinning or writing escape codes into a file;
TERM=dumb is refused with a message; only a non-empty NO_COLOR turns colour
off; a user's ESCDELAY is respected; an escape sequence the terminal
description does not name (Ctrl-End) is a key that does nothing, never
text in a note."""

import fcntl
import os
import shutil
import pty
import re
import select
import signal
import struct
import subprocess
import termios
import time
import unittest

from tmux_harness import BINARY, E2ETestCase

NO_TERMINAL = 2
# A foreground or background colour in capture-pane -e's SGR sequences.
COLOUR = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-7]|4[0-7]|9[0-7]|10[0-7]|[34]8;5;[0-9]+|[34]8;2;[0-9;]+)(?:;[0-9]+)*m")


def collect_step(test, meeting, pane=None):
    """A meeting run in a pane (or the one given, already starting it), at
    its collect step, where the input line takes notes."""
    p = pane or test.pane(f"{BINARY} run {meeting}")
    p.wait_for("Steg 1/6")
    p.key("PageDown")
    p.wait_for("Steg 2/6")
    return p


class TerminalTests(E2ETestCase):
    def setUp(self):
        super().setUp()
        self.meeting = self.ws.new_meeting()
        self.cycle = self.ws.cli("meeting", "list").stdout.split("\t")[1]
        self.interactive = [[], ["run", self.meeting], ["present", self.meeting],
                            ["capture", self.meeting, "--group", "1"], ["cycle", self.cycle]]

    def test_without_a_terminal_every_interactive_command_refuses_at_once(self):
        env = dict(os.environ, **self.ws.env)
        for args in self.interactive:
            for lang, word in [("sv", "terminal"), ("en", "terminal")]:
                start = time.monotonic()
                result = subprocess.run([BINARY, *args, "--lang", lang], env=env, stdin=subprocess.DEVNULL,
                                        capture_output=True, timeout=10)
                elapsed = time.monotonic() - start
                self.assertEqual(result.returncode, NO_TERMINAL, f"{args}: {result.stderr!r}")
                self.assertLess(elapsed, 1.0, args)
                self.assertEqual(result.stdout, b"", args)
                self.assertIn(word, result.stderr.decode(), args)
                self.assertNotIn(b"\x1b", result.stderr, args)

    def test_output_redirected_to_a_file_is_refused_and_the_file_stays_empty(self):
        out = os.path.join(self.ws.dir, "out.txt")
        rc = os.path.join(self.ws.dir, "rc.txt")
        p = self.pane(f"sh -c '{BINARY} run {self.meeting} > {out}; echo $? > {rc}; echo klart'")
        p.wait_for("klart")
        with open(rc) as f:
            self.assertEqual(f.read().strip(), str(NO_TERMINAL))
        with open(out, "rb") as f:
            self.assertEqual(f.read(), b"")
        self.assertIn("terminal", p.screen())

    @unittest.skipUnless(os.geteuid() == 0, "needs root to run samtal as another user under a limit of processes")
    def test_without_threads_to_be_had_samtal_says_so_and_stops(self):
        """A limit on processes and threads reached (ulimit -u, prlimit, a container's
        pids.max): samtal hung on a blank screen, a worker's endless loop
        run on the main thread in place of its thread (a walk found it).
        The limit counts the user's every task, so samtal runs as nobody,
        with room for itself and the shell only."""
        shutil.chown(self.ws.dir, "nobody")
        for root, dirs, files in os.walk(self.ws.dir):
            for name in dirs + files:
                shutil.chown(os.path.join(root, name), "nobody")
        others = subprocess.run(["ps", "-L", "-u", "nobody", "-o", "pid="], capture_output=True, text=True).stdout
        limit = len(others.split()) + 2
        rc = os.path.join(self.ws.dir, "rc.txt")
        p = self.pane(f"sh -c 'setpriv --reuid=nobody --regid=nogroup --clear-groups sh -c "
                      f"\"prlimit --nproc={limit} {BINARY} run {self.meeting} --lang en; echo \\$? > {rc}\"; echo klart'")
        p.wait_for("klart", timeout=20)
        screen = p.tmux("capture-pane", "-p", "-J", "-S", "-100")
        self.assertIn("cannot start a thread", screen)
        with open(rc) as f:
            self.assertEqual(f.read().strip(), "1")

    def test_a_dumb_terminal_is_refused_with_a_message(self):
        p = self.pane(f"sh -c 'TERM=dumb {BINARY} run {self.meeting} --lang en; echo rc=$?'")
        p.wait_for("rc=")
        screen = p.tmux("capture-pane", "-p", "-J", "-S", "-100")  # with what scrolled away
        self.assertIn(f"rc={NO_TERMINAL}", screen)
        self.assertIn("TERM=dumb cannot draw", screen)

    def test_an_unknown_terminal_type_is_refused_and_the_meeting_left_as_it_was(self):
        """The meeting's reads begin while the terminal is set up (issue 15):
        a terminal that cannot be set up must not have started the
        planned meeting."""
        before = self.ws.cli("meeting", "list").stdout
        self.assertIn("planerat", before)
        for args in [["run", self.meeting], ["present", self.meeting], ["capture", self.meeting, "--group", "1"]]:
            p = self.pane(f"sh -c 'TERM=ingen-sadan-terminal {BINARY} {' '.join(args)} --lang en; echo rc=$?'")
            p.wait_for("rc=")
            screen = p.tmux("capture-pane", "-p", "-J", "-S", "-100")
            self.assertIn(f"rc={NO_TERMINAL}", screen, args)
            self.assertIn("unknown terminal type TERM=ingen-sadan-terminal", screen, args)
        self.assertEqual(self.ws.cli("meeting", "list").stdout, before)

    def test_an_empty_no_color_keeps_colour_a_set_one_turns_it_off(self):
        self.ws.env["NO_COLOR"] = ""
        p = self.pane(f"{BINARY} run {self.meeting}")
        p.wait_for("Steg 1/6")
        self.assertRegex(p.tmux("capture-pane", "-p", "-e"), COLOUR)
        self.ws.env["NO_COLOR"] = "1"
        mono = self.pane(f"{BINARY} run {self.meeting}")
        mono.wait_for("Steg 1/6")
        self.assertNotRegex(mono.tmux("capture-pane", "-p", "-e"), COLOUR)

    def test_escdelay_is_the_users(self):
        self.ws.env["ESCDELAY"] = "1500"
        p = collect_step(self, self.meeting)
        p.type("Väntande text")
        p.wait_for("Väntande text")
        p.key("Escape")
        time.sleep(0.6)
        self.assertIn("Väntande text", p.screen(), "Esc was taken before the user's ESCDELAY")
        p.wait_for("Väntande text", gone=True, timeout=5)

    def test_an_unknown_escape_sequence_is_not_text(self):
        # The bytes go straight to the program through a pty of our own
        # (tmux would read and re-encode them): Ctrl-End and Shift-F5 as
        # xterm sends them, which a vt100 description does not name.
        pid, fd = pty.fork()
        if pid == 0:
            env = dict(os.environ, **self.ws.env, TERM="vt100", LANG="C.UTF-8")
            os.execve(BINARY, [BINARY, "run", self.meeting], env)
        try:
            fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
            screen = Screen(fd)
            screen.wait_for("Steg 1/6")
            for chunk in [b"Klotter", b"\x1b[1;5F", b"\x1b[15;2~", b" vid skolan"]:
                os.write(fd, chunk)
                time.sleep(0.3)
            os.write(fd, b"\r")
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and not self.ws.sqlite("SELECT text FROM note"):
                time.sleep(0.05)
            notes = [row[0] for row in self.ws.sqlite("SELECT text FROM note")]
            self.assertEqual(notes, ["Klotter vid skolan"])
        finally:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
            os.close(fd)


class KeysWithoutFunctionKeysTests(E2ETestCase):
    """A terminal without F-keys (or with a TERM that does not name them)
    still runs a meeting: Ctrl twins of F2, F4, F6-F9; Ctrl-Z suspends."""

    def test_ctrl_twins_of_the_meeting_screens_function_keys(self):
        p = collect_step(self, self.ws.new_meeting())
        p.type("Klotter vid skolan")
        p.key("Enter")
        p.wait_for("Grupp 1 (1)")
        p.wait_for("sparas…", gone=True)
        p.key("C-b")                                   # F2: talking points
        p.wait_for("Talmanus dolt")
        p.key("C-b")
        p.wait_for("Talmanus dolt", gone=True)
        p.key("Up", "C-r")                             # F4: edit the note
        p.wait_for("Ändrar · Grupp 1")
        p.key("C-u")
        p.type("Klotter vid biblioteket")
        p.key("Enter")
        p.wait_for("Ändrad")
        p.key("Up", "C-v")                             # F7: hide it from the projector
        p.wait_for("dold")
        p.key("Up", "C-x")                             # F8: delete, asks first
        p.wait_for("Ta bort anteckningen?")
        p.type("n")
        p.wait_for("Ta bort anteckningen?", gone=True)
        p.key("C-y")                                   # F9: finish, asks first
        p.wait_for("Slutför mötet?")
        p.type("n")
        p.wait_for("Slutför mötet?", gone=True)
        p.key("C-q")                                   # F6: back home
        p.wait_for("cykler och möten")
        # Written off the key loop: waited for, then it must be this.
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self.ws.sqlite("SELECT text, hidden FROM note") != [("Klotter vid biblioteket", 1)]:
            time.sleep(0.05)
        self.assertEqual(self.ws.sqlite("SELECT text, hidden FROM note"), [("Klotter vid biblioteket", 1)])
        # The help lists the twins beside the F-keys.
        p.key("Enter")
        p.wait_for("Steg 2/6")
        p.key("F1")
        p.wait_for_all(["F4/Ctrl-R", "F2/Ctrl-B", "F6/Ctrl-Q", "F8/Ctrl-X", "F9/Ctrl-Y"])

    def test_ctrl_z_suspends_and_fg_brings_the_meeting_back(self):
        meeting = self.ws.new_meeting()
        p = self.pane("bash --norc --noprofile -i")
        p.type(f"PS1='skal$ '; {BINARY} run {meeting}")
        p.key("Enter")
        collect_step(self, meeting, p)
        p.type("Halvskriven rad")
        p.key("C-z")
        screen = p.wait_for("Stopped")
        self.assertNotIn("Steg 2/6", screen)
        self.assertFalse(p.alternate_on())
        p.type("fg")
        p.key("Enter")
        # The frame from before the stop comes back first, then the text
        # typed just before Ctrl-Z.
        p.wait_for_all(["Halvskriven rad", "Steg 2/6", "F1 Hjälp"])  # drawn whole: the key bar too
        p.type(" och mer")
        p.key("Enter")
        p.wait_for("Grupp 1 (1)")
        p.key("F10")
        p.wait_for("skal$")
        self.assertEqual(self.ws.sqlite("SELECT text FROM note"), [("Halvskriven rad och mer",)])


class Screen:
    """What a program wrote to a pty, read as it comes (escape codes and all)."""

    def __init__(self, fd):
        self.fd = fd
        self.text = ""

    def wait_for(self, text, timeout=15.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.05)
            if ready:
                self.text += os.read(self.fd, 65536).decode("utf-8", "replace")
            if text in self.text:
                self.text = ""
                return
        raise AssertionError(f"timed out waiting for {text!r}")

if __name__ == "__main__":
    unittest.main()


class Latin1TerminalTests(E2ETestCase):
    """A terminal that sends Latin-1 (one byte for å): the letters are
    taken as Latin-1, not dropped, and the status line says why they may
    look wrong."""

    def test_latin1_bytes_are_letters_and_the_screen_says_so(self):
        meeting = self.ws.new_meeting()
        p = self.pane(f"{BINARY} run {meeting}")
        p.wait_for("Steg 1/6")
        p.key("PageDown")
        p.wait_for("Steg 2/6")
        p.type("G")
        for byte in ["e5", "6e", "67", "20", "e4", "72", "20", "6d", "f6", "72", "6b"]:
            p.tmux("send-keys", "-H", byte)
        p.wait_for("Terminalen skickar inte UTF-8")
        p.wait_for("Gång är mörk")
        p.key("Enter")
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not self.ws.sqlite("SELECT text FROM note"):
            time.sleep(0.1)
        self.assertEqual(self.ws.sqlite("SELECT text FROM note"), [("Gång är mörk",)])
