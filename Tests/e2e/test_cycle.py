"""End-to-end: meetings of one cycle hand on their results as the method
support describes (001 lines 660-672): the employees' WHAT dialogue proposes
focus areas, the joint meeting starts from every proposal, merges twins,
decides the priority, and the finished WHAT meeting's documents stay as they
were fed back."""

import re
import unittest

from tmux_harness import BINARY
from test_walking_skeleton import E2ETestCase


class CycleTests(E2ETestCase):
    def meeting(self, cycle, agenda, title):
        return self.ws.cli("meeting", "new", "--cycle", cycle, "--agenda", agenda, "--title", title).stdout.strip()

    def open(self, meeting, step=1):
        p = self.pane(f"{BINARY} run {meeting}", width=120, height=40)
        p.wait_for(f"Steg {step}/")
        return p

    def to_step(self, p, step):
        current = int(re.search(r"Steg (\d+)/", p.screen()).group(1))
        for n in range(current + 1, step + 1):
            p.key("PageDown")
            p.wait_for(f"Steg {n}/")

    def finish(self, p):
        p.key("F9")
        p.wait_for("Slutför mötet?")
        p.key("j")
        p.wait_for("F3 Nytt möte")  # back on the home screen
        p.key("F10")
        p.wait_exit()

    def what_dialogue(self, cycle):
        """The employees' WHAT dialogue: three notes, two areas, four dots
        (Stationen 3, Storgatan 1), finished."""
        what = self.meeting(cycle, "medarbetardialog-vad", "VAD-dialog")
        p = self.open(what)
        self.to_step(p, 2)
        for note in ["Buskörning vid Storgatan", "Otrygg gångtunnel vid stationen", "Klotter i gångtunneln"]:
            p.type(note)
            p.key("Enter")
            p.wait_for(f"  {note}")
        self.to_step(p, 3)
        p.wait_for("Fokusområden (0)")
        for area in ["Storgatan", "Stationen"]:
            p.type(area)
            p.key("Enter")
            p.wait_for(f"{area} · plats (0)")
        p.key("Enter", "Enter")  # notes 1 and 2 -> Stationen
        p.wait_for("Stationen · plats (2)")
        p.key("Tab", "Up", "Tab", "Enter")  # note 3 -> Storgatan
        p.wait_for("Storgatan · plats (1)")
        self.to_step(p, 4)
        p.wait_for("Prioritering · 0 prickar")
        p.key("Down", "Enter", "Enter", "Enter", "Up", "Enter")
        p.wait_for("Prioritering · 4 prickar")
        self.finish(p)
        return what

    def test_the_joint_meeting_starts_from_the_proposals_merges_twins_and_decides(self):
        cycle = self.ws.cli("cycle", "new", "--area", "LPO Fagersta", "--period", "2027").stdout.strip()
        what = self.what_dialogue(cycle)
        summary = self.ws.cli("export", what, "--document", "summary", "--format", "md").stdout
        feedback = self.ws.cli("export", what, "--document", "feedback", "--format", "md").stdout

        joint = self.meeting(cycle, "gemensam-lagesbild", "Gemensam lägesbild mars")
        p = self.open(joint)
        self.to_step(p, 2)
        # Group 1 is the police's, group 2 the municipality's (the joint
        # agenda's group_sources); their notes carry that source.
        p.wait_for("Grupp 1 · problem · polis ▸")
        p.type("Skadegörelse vid Storgatans busshållplats")
        p.key("Enter")
        p.wait_for("  Skadegörelse vid Storgatans busshållplats")
        p.key("Tab")
        p.wait_for("Grupp 2 · problem · kommun ▸")
        p.type("Trygghetsmätningen: otrygghet vid busstorget")
        p.key("Enter")
        p.wait_for("  Trygghetsmätningen: otrygghet vid busstorget")
        self.to_step(p, 4)
        p.key("F2")  # the talking points make way for the lists
        p.wait_for("Talmanus (F2)", gone=True)
        # The employees' proposals are there, each with the meeting it came from.
        screen = p.wait_for("Fokusområden (2)")
        self.assertIn("(kommun) Trygghetsmätningen", screen)
        self.assertRegex(screen, r"Storgatan · plats \(1\) · VAD-dialog")
        self.assertRegex(screen, r"Stationen · plats \(2\) · VAD-dialog")

        # A twin made here, then merged: the employees' Storgatan goes into it.
        p.type("Storgatan centrum")
        p.key("Enter")
        p.wait_for("Fokusområden (3)")
        p.key("Tab")  # the areas: Storgatan, Stationen, Storgatan centrum (selected)
        p.key("Up", "Up", "F7")  # the employees' Storgatan is the one merged
        p.wait_for("⇢")
        p.key("Down", "Down", "F7")  # into Storgatan centrum
        screen = p.wait_for("Fokusområden (2)")
        # Its note came along, and where it was proposed (the line is cut
        # at the list's width).
        self.assertRegex(screen, r"Storgatan centrum · plats \(1\) · VAD-dial")
        # The joint meeting's own note goes into it too: the merged area
        # stays selected; Tab to the notes, down to the fourth, Enter.
        p.key("Tab", "Down", "Down", "Down", "Enter")
        p.wait_for("Storgatan centrum · plats (2)")
        # The room writes its target picture and decides it leads to a promise.
        p.key("Tab", "F5")
        p.wait_for("Målbild – Storgatan centrum ▸")
        p.type("Storgatan är en trygg väg hem på kvällen")
        p.key("Enter")
        p.wait_for("Målbild: Storgatan är en trygg väg")
        p.key("C-l")
        p.wait_for("★ Storgatan centrum")

        # The joint meeting decides: Storgatan centrum 2, Stationen 1.
        self.to_step(p, 5)
        screen = p.wait_for("0 prickar")
        p.key("Down", "Enter", "Enter", "Up", "Enter")
        p.wait_for("3 prickar")
        p.key("F10")
        p.wait_exit()

        # The joint meeting's own summary says what it decided.
        joint_summary = self.ws.cli("export", joint, "--document", "summary", "--format", "md").stdout
        self.assertIn("_Målbild: Storgatan är en trygg väg hem på kvällen_", joint_summary)
        self.assertRegex(joint_summary, r"\*\*Storgatan centrum\*\* \(plats\) – föreslaget på VAD-dialog – leder till medborgarlöfte")

        # The cycle's priority is the decisive meeting's ranking; the
        # employees' dots are shown as input, not added in.
        analysis = self.ws.cli("export", f"c{cycle}", "--document", "analysis", "--format", "md").stdout
        self.assertRegex(analysis, r"\| 1 \| Storgatan centrum[^|]*\| 2 \|")
        self.assertRegex(analysis, r"\| 2 \| Stationen[^|]*\| 1 \|")

        situation = self.ws.cli("export", f"c{cycle}", "--document", "situation", "--format", "md").stdout
        self.assertRegex(situation, r"\| 1 \| Storgatan centrum[^\n]*\| ja \| Storgatan är en trygg väg hem på kvällen \|")
        self.assertIn("Prickarna från tidigare möten var underlag och räknas inte in.", situation)
        self.assertRegex(situation, r"\| Kommunen \| 1 \|")
        self.assertRegex(situation, r"\| Polisen \| 1 \|")

        # The problem analysis describes the decided area first, and its
        # cause-analysis step goes on with the same description.
        analysis_meeting = self.meeting(cycle, "problemanalys", "Problemanalys april")
        p = self.open(analysis_meeting)
        self.to_step(p, 2)
        p.wait_for("Storgatan centrum")
        p.wait_for("Vad är problemet? ▸")
        p.type("Buskörning och skadegörelse kvällstid")
        p.key("Enter")
        p.wait_for("Sparad")
        self.to_step(p, 3)
        p.wait_for("Buskörning och skadegörelse kvällstid")
        p.key("F10")
        p.wait_exit()
        self.assertEqual(self.ws.sqlite("SELECT COUNT(*) FROM problem WHERE deleted_at IS NULL"), [(1,)])

        # What the employees were told in January is what they were told.
        self.assertEqual(self.ws.cli("export", what, "--document", "summary", "--format", "md").stdout, summary)
        self.assertEqual(self.ws.cli("export", what, "--document", "feedback", "--format", "md").stdout, feedback)


if __name__ == "__main__":
    unittest.main()
