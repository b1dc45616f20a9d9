"""End-to-end: hostile input into the real binary in tmux.

A 200 KB paste full of ANSI escape sequences lands on the input line; the
program stays alive and responsive, no escape takes effect on the terminal
(the pane title stays, the screen stays drawn), and the note is stored as
pasted. A storm of 200 random sizes from 1x1 to 400x120 leaves it drawing
normally at 100x30."""

import json
import os
import random
import re
import time
import unittest

from tmux_harness import BINARY, E2ETestCase, display_width

# A pasted chunk: colour, a window title (OSC 0 ended by BEL and by ST),
# clear screen, cursor home, leaving the alternate screen, a hyperlink,
# C1 CSI, and Swedish text with an emoji. No line breaks, so the whole paste
# lands on the input line.
CHUNK = ("Röd \x1b[31mtext\x1b[0m åäö ÅÄÖ 😀 \x1b]0;KAPAD-TITEL\x07 \x1b]2;KAPAD-TITEL-2\x1b\\ "
         "\x1b[2J\x1b[Hrensa \x1b[?1049l \x1b]8;;http://x\x1b\\länk\x1b]8;;\x1b\\ \x9b31m c1 ")
PASTE_BYTES = 200_000


def paste_text():
    chunks = []
    size = 0
    i = 0
    while size < PASTE_BYTES:
        piece = f"[{i}] " + CHUNK
        chunks.append(piece)
        size += len(piece.encode("utf-8"))
        i += 1
    return "".join(chunks) + "SLUT"


class HostileInputTestCase(E2ETestCase):
    def run_meeting(self, meeting, **kwargs):
        p = self.pane(f"{BINARY} run {meeting}", **kwargs)
        p.wait_for("Steg 1/6")
        p.key("PageDown")
        p.wait_for("Steg 2/6")  # the collect step: the input line takes notes
        return p

    def pane_title(self, p):
        return p.tmux("display-message", "-p", "#{pane_title}").rstrip("\n")

    def paste(self, p, text):
        """Pastes text as a terminal would: load-buffer, then paste-buffer
        (bracketed, if the program asked for bracketed paste)."""
        path = os.path.join(self.ws.dir, "paste.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        p.tmux("load-buffer", "-b", "hostile", path)
        p.tmux("paste-buffer", "-b", "hostile", "-p", "-d")

    def assert_screen_intact(self, p, title_before):
        self.assertFalse(p.pane_dead(), "samtal died")
        self.assertEqual(self.pane_title(p), title_before, "an OSC sequence changed the pane title")
        self.assertTrue(p.alternate_on(), "an escape sequence left the alternate screen")
        # The header and the key bar (a cleared screen stays cleared: samtal
        # redraws only what it changed), both on one capture, which is the
        # one measured below: a capture taken right away can catch a frame
        # half written.
        screen = p.wait_for_all(["Steg 2/6", "F1"])
        self.assertNotIn("KAPAD-TITEL", self.pane_title(p))
        for line in screen.splitlines():
            self.assertLessEqual(display_width(line.rstrip()), 100, line)

    def wait_stable(self, p, quiet=1.5, timeout=90.0):
        # The step clock ticks every second: times are left out.
        def screen():
            return re.sub(r"\d+:\d\d", "", p.screen())
        deadline = time.monotonic() + timeout
        last, since = screen(), time.monotonic()
        while time.monotonic() < deadline:
            time.sleep(0.1)
            screen_now = screen()
            if screen_now != last:
                last, since = screen_now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return screen_now
        raise AssertionError("the screen kept changing for 90 s after the paste:\n" + last)

    def paste_and_save(self, p, text=None):
        text = paste_text() if text is None else text
        title_before = self.pane_title(p)
        started = time.monotonic()
        self.paste(p, text)
        # The paste has been read when the screen stops changing.
        self.wait_stable(p)
        read_seconds = time.monotonic() - started
        p.key("Enter")
        p.wait_for("Sparad", timeout=30)
        print(f"\n  pasted {len(text.encode('utf-8'))} bytes ({len(text)} characters) in "
              f"{read_seconds:.1f} s", flush=True)
        return text, title_before

    def test_a_pasted_escape_storm_has_no_effect_and_samtal_stays_responsive(self):
        meeting = self.ws.new_meeting()
        p = self.run_meeting(meeting)
        _, title_before = self.paste_and_save(p)
        self.assert_screen_intact(p, title_before)
        # Still responsive: a note typed afterwards is saved and shown.
        p.type("Efter klistringen åäö 😀")
        p.key("Enter")
        p.wait_for("Efter klistringen åäö 😀", timeout=15)
        self.assert_screen_intact(p, title_before)
        notes = json.loads(self.ws.cli("export", meeting, "--format", "json").stdout)["notes"]
        self.assertIn("Efter klistringen åäö 😀", [n["text"] for n in notes])

    def test_a_pasted_note_is_stored_as_pasted(self):
        self.check_stored_as_pasted(paste_text())

    def test_a_plain_200kb_paste_is_stored_whole(self):
        # Without escapes: only the length is hostile here.
        unit = "Buskörning på Storgatan åäö ÅÄÖ 😀 中 "
        self.check_stored_as_pasted(unit * (PASTE_BYTES // len(unit.encode("utf-8")) + 1) + "SLUT")

    def check_stored_as_pasted(self, text):
        meeting = self.ws.new_meeting()
        p = self.run_meeting(meeting)
        self.paste_and_save(p, text)
        notes = json.loads(self.ws.cli("export", meeting, "--format", "json").stdout)["notes"]
        self.assertEqual(len(notes), 1, [n["text"][:80] for n in notes])
        stored = notes[0]["text"]
        if stored != text:
            same = next((i for i, (a, b) in enumerate(zip(stored, text)) if a != b), min(len(stored), len(text)))
            self.fail(f"stored {len(stored)} characters, pasted {len(text)}; they differ from character {same}: "
                      f"stored {stored[same:same + 40]!r}…, pasted {text[same:same + 40]!r}…")

    def test_stored_escapes_are_drawn_without_effect(self):
        # Escapes that came in another way (the command line) are drawn
        # safely too.
        meeting = self.ws.new_meeting()
        note = "Röd \x1b[31mtext\x1b[0m \x1b]0;KAPAD-TITEL\x07 \x1b[2J\x1b[H \x1b[?1049l slut åäö 😀"
        self.ws.cli("note", "add", meeting, "--step", "lokal-lagesbild", "--text", note)
        p = self.pane(f"{BINARY} run {meeting}")
        p.wait_for("Steg 1/6")
        title_before = self.pane_title(p)
        p.key("PageDown")
        p.wait_for("slut åäö")
        self.assert_screen_intact(p, title_before)

    def test_a_resize_storm_then_it_still_draws_at_100x30(self):
        meeting = self.ws.new_meeting()
        p = self.run_meeting(meeting)
        p.type("Före stormen")
        p.key("Enter")
        p.wait_for("Före stormen")
        rng = random.Random(int(os.environ.get("SAMTAL_E2E_SEED", "20261203")))
        sizes = [(rng.randint(1, 400), rng.randint(1, 120)) for _ in range(200)]
        sizes[0], sizes[1], sizes[2] = (1, 1), (400, 120), (1, 120)
        started = time.monotonic()
        # Batches of a few sizes in one tmux call each, a few milliseconds
        # apart: far faster than a person could drag a window, yet samtal
        # wakes up for some of them in between.
        for i in range(0, len(sizes), 5):
            args = []
            for w, h in sizes[i:i + 5]:
                args += ["resize-window", "-x", str(w), "-y", str(h), ";"]
            p.tmux(*args[:-1])
            time.sleep(rng.uniform(0, 0.015))
        storm_seconds = time.monotonic() - started
        self.assertFalse(p.pane_dead(), "samtal died in the resize storm")
        p.resize(100, 30)
        screen = p.wait_for("Steg 2/6", timeout=15)
        p.wait_for("Före stormen")
        # The last frames of the storm may still be on their way: wait for
        # the one drawn at 100 columns.
        deadline = time.monotonic() + 10
        while True:
            screen = p.wait_for("F1")
            rows = [line for line in screen.splitlines() if "Före stormen" in line]
            if (len(rows) == 1 and display_width(rows[0].rstrip()) == 100) or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        print(f"\n  200 sizes in {storm_seconds:.2f} s", flush=True)
        self.assertFalse(p.pane_dead())
        self.assertEqual(len(rows), 1, screen)
        self.assertEqual(display_width(rows[0].rstrip()), 100, rows[0])
        self.assertTrue(rows[0].rstrip().endswith("│"), rows[0])
        # And it still takes notes.
        p.type("Efter stormen")
        p.key("Enter")
        p.wait_for("Efter stormen")


if __name__ == "__main__":
    unittest.main()
