"""Drive the real samtal binary in a private tmux server, as a person would:
send keys, read the screen with capture-pane, poll until text appears."""

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import unicodedata
import unittest

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("SAMTAL_BIN", os.path.join(REPO, ".build", "debug", "samtal"))

# tmux key names for the keys the tests use.
KEYS = {
    "Enter": "Enter", "Tab": "Tab", "BTab": "BTab", "Escape": "Escape", "Up": "Up", "Down": "Down",
    "Left": "Left", "Right": "Right", "PageDown": "NPage", "PageUp": "PPage", "BSpace": "BSpace",
    **{f"F{n}": f"F{n}" for n in range(1, 13)}, "C-c": "C-c", "C-u": "C-u", "C-k": "C-k",
}


def display_width(text):
    """Terminal columns of a string (East Asian wide and emoji take two)."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


class Workspace:
    """A temporary store and a samtal command line bound to it."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="samtal-e2e-")
        os.chmod(self.dir, 0o700)
        self.store = os.path.join(self.dir, "store", "samtal.sqlite")
        self.env = {
            "SAMTAL_STORE": self.store,
            "HOME": self.dir,
            "XDG_CONFIG_HOME": os.path.join(self.dir, "config"),
            "XDG_DATA_HOME": os.path.join(self.dir, "data"),
            "SWIFT_BACKTRACE": "enable=yes,interactive=no,output-to=stderr",
        }

    def cli(self, *args, check=True, input=None):
        env = dict(os.environ, **self.env)
        result = subprocess.run([BINARY, *args], env=env, capture_output=True, text=True, timeout=60, input=input)
        if check and result.returncode != 0:
            raise AssertionError(f"samtal {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result

    def sqlite(self, sql, *args):
        """Reads the store directly (read-only), for checks the CLI does not offer."""
        import sqlite3
        con = sqlite3.connect(f"file:{self.store}?mode=ro", uri=True, timeout=10)
        try:
            return con.execute(sql, args).fetchall()
        finally:
            con.close()

    def new_meeting(self, title="VAD-dialog Fagersta"):
        cycle = self.cli("cycle", "new", "--area", "LPO Fagersta", "--period", "2027").stdout.strip()
        meeting = self.cli("meeting", "new", "--cycle", cycle, "--agenda", "medarbetardialog-vad", "--title", title,
                           "--date", "2026-12-03", "--place", "Polishuset").stdout.strip()
        return meeting

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class Tmux:
    """One private tmux server with one pane."""

    def __init__(self, workspace, command, width=100, height=30, lang="C.UTF-8"):
        self.ws = workspace
        self.socket = os.path.join(workspace.dir, f"tmux-{time.monotonic_ns()}.sock")
        env_args = []
        env = dict(workspace.env, TERM="xterm-256color")
        if lang is not None:
            env["LANG"] = lang
        if lang == "":
            env["LC_ALL"] = ""
            env["LC_CTYPE"] = ""
        for key, value in env.items():
            env_args += ["-e", f"{key}={value}"]
        self.tmux("new-session", "-d", "-x", str(width), "-y", str(height), *env_args, command)
        self.tmux("set-option", "-g", "remain-on-exit", "on")

    def tmux(self, *args, check=True):
        result = subprocess.run(["tmux", "-S", self.socket, "-f", "/dev/null", *args],
                                capture_output=True, text=True, timeout=30)
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {args[0]} failed: {result.stderr}")
        return result.stdout

    def type(self, text):
        # "--" ends the options: a text may start with "-" (a list item).
        self.tmux("send-keys", "-l", "--", text)

    def key(self, *names):
        for name in names:
            self.tmux("send-keys", KEYS.get(name, name))

    def screen(self):
        return self.tmux("capture-pane", "-p")

    def wait_for(self, text, timeout=15.0, gone=False):
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if (text in screen) != gone:
                return screen
            time.sleep(0.03)
        raise AssertionError(f"timed out waiting for {text!r}{' to go' if gone else ''}; screen was:\n{screen}")

    def wait_for_all(self, texts=(), patterns=(), absent=(), steady=False, timeout=15.0):
        """Polls until one capture holds every text of `texts` and matches
        every regular expression of `patterns` (re.search, as assertRegex),
        and returns that capture: all of them seen together on one frame.

        The capture that showed one text says nothing of another: the
        program draws a heading before a background reading fills in what
        is under it, and a capture can catch a frame half written. So a
        test never asserts on the capture of a wait_for of some other text
        (nor on a screen() taken right after keys) but waits for all it
        means to see.

        `absent`: texts that must not be on that same capture, checked on
        the first capture that holds all the rest (strict: a text that is
        to go after a change is waited for with wait_for(gone=True)).
        `steady`: that capture must also have stayed the same for 0.3 s, a
        whole frame: the rows below a text just drawn can still be the
        frame before's, which matters to what is to be absent."""
        texts, patterns, absent = list(texts), list(patterns), list(absent)
        deadline = time.monotonic() + timeout
        screen, missing, since = "", texts + patterns, None
        while time.monotonic() < deadline:
            now = self.screen()
            if now != screen:
                since = time.monotonic()
            screen = now
            missing = [t for t in texts if t not in screen] + [r for r in patterns if not re.search(r, screen)]
            if not missing and (not steady or time.monotonic() - since >= 0.3):
                present = [t for t in absent if t in screen]
                if present:
                    raise AssertionError(f"{present!r} shown with {texts + patterns!r}; screen was:\n{screen}")
                return screen
            time.sleep(0.03)
        raise AssertionError(f"timed out waiting for {missing or 'the screen to settle'!r} "
                             f"(together with {texts + patterns!r}); screen was:\n{screen}")

    def wait_for_steady(self, text, timeout=15.0):
        """Waits for the text and returns a whole frame with it (see
        wait_for_all: steady), for an assertion of what is NOT on it."""
        return self.wait_for_all([text], steady=True, timeout=timeout)

    def wait_for_regex(self, pattern, timeout=15.0):
        """Polls until a capture matches the regular expression (re.search)."""
        return self.wait_for_all(patterns=[pattern], timeout=timeout)

    def cursor(self):
        x, y = self.tmux("display-message", "-p", "#{cursor_x},#{cursor_y}").strip().split(",")
        return int(x), int(y)

    def pane_pid(self):
        return int(self.tmux("display-message", "-p", "#{pane_pid}").strip())

    def pane_dead(self):
        return self.tmux("display-message", "-p", "#{pane_dead}").strip() == "1"

    def alternate_on(self):
        return self.tmux("display-message", "-p", "#{alternate_on}").strip() == "1"

    def samtal_pid(self):
        """The samtal process: the pane itself, or its child when wrapped in a shell."""
        pid = self.pane_pid()
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
        for child in children:
            with open(f"/proc/{child}/comm") as f:
                if f.read().strip() == "samtal":
                    return int(child)
        return pid

    def resize(self, width, height):
        self.tmux("resize-window", "-x", str(width), "-y", str(height))

    def wait_exit(self, timeout=15.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pane_dead():
                return
            time.sleep(0.03)
        raise AssertionError("the program did not exit")

    def kill(self):
        self.tmux("kill-server", check=False)


def kill9(pid):
    os.kill(pid, signal.SIGKILL)


class E2ETestCase(unittest.TestCase):
    """A temporary store per test, and the panes it started, cleaned up."""

    def setUp(self):
        self.ws = Workspace()
        self.panes = []

    def tearDown(self):
        for pane in self.panes:
            pane.kill()
        self.ws.cleanup()

    def pane(self, command, **kwargs):
        p = Tmux(self.ws, command, **kwargs)
        self.panes.append(p)
        return p
