"""End-to-end: another process holds the store's write lock for 30 s.

The facilitator's terminal keeps echoing every key meanwhile (writes go to
the store off the key loop), says that it is waiting for the store, and
loses nothing: the note sent during the lock is saved exactly as typed when
the lock goes, and what was typed after it stays on the input line, not
glued onto the note. A command-line writer waits with a message instead of
failing with SQLite's words."""

import os
import signal
import sqlite3
import subprocess
import threading
import time
import unittest

from tmux_harness import BINARY, E2ETestCase

HOLD_SECONDS = 30


class StoreLockedTests(E2ETestCase):
    def hold_lock(self, seconds, started):
        con = sqlite3.connect(self.ws.store, timeout=10, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        con.execute("UPDATE meeting SET title = title")
        started.set()
        time.sleep(seconds)
        con.execute("COMMIT")
        con.close()

    def run_at_the_collect_step(self):
        """A new WHAT dialogue, run by the facilitator at its first collect step."""
        meeting = self.ws.new_meeting()
        p = self.pane(f"{BINARY} run {meeting}", width=100, height=30)
        p.wait_for("Steg 1/6")
        p.key("PageDown")
        p.wait_for("Steg 2/6")
        return meeting, p

    def test_typing_goes_on_while_another_process_holds_the_store(self):
        meeting, p = self.run_at_the_collect_step()
        started = threading.Event()
        holder = threading.Thread(target=self.hold_lock, args=(HOLD_SECONDS, started))
        holder.start()
        try:
            started.wait(10)
            lock_start = time.monotonic()
            first = "Nedsläckt gångtunnel vid stationen – åäö"
            p.type(first)
            p.key("Enter")
            second = "Mopeder på torget kvällstid"
            for i, word in enumerate(second.split(" ")):
                p.type(word + (" " if i < len(second.split(" ")) - 1 else ""))
                # Every key is echoed at once, although the store is held.
                p.wait_for(word, timeout=1.5)
            self.assertLess(time.monotonic() - lock_start, HOLD_SECONDS / 2)
            p.wait_for("Väntar på lagret", timeout=5)
            self.assertEqual(self.ws.sqlite("SELECT count(*) FROM note")[0][0], 0)
        finally:
            holder.join()
        # The lock is gone: the note is saved as it was typed, and the second
        # text is still on the input line, not glued onto the note.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not self.ws.sqlite("SELECT text FROM note"):
            time.sleep(0.1)
        self.assertEqual(self.ws.sqlite("SELECT text FROM note"), [(first,)])
        p.wait_for_all(["Sparad", "▸ " + second])

    def test_a_new_step_opens_and_takes_text_while_the_store_is_held(self):
        cycle = self.ws.cli("cycle", "new", "--area", "LPO Fagersta", "--period", "2027").stdout.strip()
        meeting = self.ws.cli("meeting", "new", "--cycle", cycle, "--agenda", "lagesrapport", "--title", "Lägesrapport v. 3").stdout.strip()
        p = self.pane(f"{BINARY} run {meeting}", width=100, height=30)
        p.wait_for("Steg 1/8")
        started = threading.Event()
        holder = threading.Thread(target=self.hold_lock, args=(10, started))
        holder.start()
        try:
            started.wait(10)
            lock_start = time.monotonic()
            # Moving on is a write (held up); the next step's records are read
            # at once, and its field takes what is typed.
            p.key("PageDown")
            p.wait_for("Steg 2/8", timeout=1.5)
            p.type("Hot mot personal på Östra skolan")
            p.wait_for("▸ Hot mot personal på Östra skolan", timeout=1.5)
            self.assertLess(time.monotonic() - lock_start, 5)
            p.key("Enter")
        finally:
            holder.join()
        deadline = time.monotonic() + 20
        rows = []
        while time.monotonic() < deadline and not rows:
            rows = self.ws.sqlite(f"SELECT step_id, observations FROM rating WHERE meeting_id = {meeting}")
            time.sleep(0.1)
        self.assertEqual(rows, [("hot-och-vald", "Hot mot personal på Östra skolan")])

    def test_notes_sent_while_the_store_is_held_survive_kill_9(self):
        meeting, p = self.run_at_the_collect_step()
        started = threading.Event()
        holder = threading.Thread(target=self.hold_lock, args=(6, started))
        holder.start()
        try:
            started.wait(10)
            notes = ["Buskörning med EPA-traktorer på Norbergsvägen", "Snatteri i centrumbutikerna har minskat"]
            for text in notes:
                p.type(text)
                p.key("Enter")
                p.wait_for(text + " (sparas…)", timeout=3)
            os.kill(p.samtal_pid(), signal.SIGKILL)
            p.wait_exit()
        finally:
            holder.join()
        self.assertEqual(self.ws.sqlite("SELECT count(*) FROM note")[0][0], 0)  # not written before the kill
        # Opened again, the terminal saves what it had sent, once, in order.
        q = self.pane(f"{BINARY} run {meeting}", width=100, height=30)
        q.wait_for(notes[1])
        # The list shows a note sent before the store has it: the rows are
        # waited for (and then must be these, in this order).
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and len(self.ws.sqlite("SELECT text FROM note")) < len(notes):
            time.sleep(0.05)
        self.assertEqual(self.ws.sqlite("SELECT text FROM note ORDER BY id"), [(t,) for t in notes])
        q.key("F10")
        q.wait_exit()
        r = self.pane(f"{BINARY} run {meeting}", width=100, height=30)
        r.wait_for(notes[1])
        self.assertEqual(self.ws.sqlite("SELECT count(*) FROM note")[0][0], 2)

    def test_a_command_line_writer_waits_with_a_message(self):
        meeting = self.ws.new_meeting()
        started = threading.Event()
        holder = threading.Thread(target=self.hold_lock, args=(14, started))
        holder.start()
        try:
            started.wait(10)
            env = dict(__import__("os").environ, **self.ws.env)
            result = subprocess.run([BINARY, "note", "add", meeting, "--step", "lokal-lagesbild", "--text", "Klotter på skolan"],
                                    env=env, capture_output=True, text=True, timeout=120)
        finally:
            holder.join()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("väntar", result.stderr)
        self.assertNotIn("database is locked", result.stderr)
        self.assertEqual(self.ws.sqlite("SELECT text FROM note"), [("Klotter på skolan",)])


if __name__ == "__main__":
    unittest.main()
