"""End-to-end: the export dialog writes a document in the background while
the screen stays live, and says where it went."""

import os
import subprocess
import unittest

from tmux_harness import BINARY, E2ETestCase


class ExportDialogTests(E2ETestCase):
    def test_a_meeting_summary_from_the_home_screen_and_a_cycle_plan_from_the_workspace(self):
        meeting = self.ws.new_meeting()
        self.ws.cli("note", "add", meeting, "--step", "lokal-lagesbild", "--text", "Klotter vid Storgatan – åäö")
        p = self.pane(BINARY, width=100, height=30)
        p.wait_for("VAD-dialog Fagersta")
        p.key("Down", "x")
        p.wait_for("Exportera · Möte")
        out = os.path.join(self.ws.dir, "sammanfattning.html")
        p.key("Tab", "Tab", "Tab")
        p.type(out)
        p.key("F9")
        p.wait_for_all(["Exporterat: " + out, "VAD-dialog Fagersta"])  # back on the home screen
        with open(out, encoding="utf-8") as f:
            html = f.read()
        self.assertIn("Klotter vid Storgatan – åäö", html)
        self.assertIn("<html", html)

        # From the cycle's workspace: the activity plan as Markdown.
        p.key("Up", "a")
        p.wait_for("Fokusområden (0)")
        p.key("F7")
        p.wait_for("Exportera · Cykel")
        p.key("Right", "Right")  # situation → analysis → plan
        p.key("Tab", "Right", "Right", "Right")  # html → pdf → docx → md
        p.key("Tab", "Tab")
        plan = os.path.join(self.ws.dir, "plan.md")
        p.type(plan)
        p.key("F9")
        p.wait_for("Exporterat: " + plan)
        with open(plan, encoding="utf-8") as f:
            self.assertIn("Aktivitetsplan", f.read())

    def test_the_systems_reason_for_a_failed_write_is_in_the_users_language(self):
        """The interface took only LC_CTYPE from the environment for a while
        (issue 15), and the system's reasons came in English inside Swedish
        sentences (a walk found it): its messages come from the
        environment too. A Swedish locale is built for the test."""
        locales = os.path.join(self.ws.dir, "locales")
        os.makedirs(locales)
        subprocess.run(["localedef", "-i", "sv_SE", "-f", "UTF-8", os.path.join(locales, "sv_SE.UTF-8")],
                       check=True, capture_output=True)
        self.ws.env["LOCPATH"] = locales
        meeting = self.ws.new_meeting()
        # Wide enough for the whole message on the status line.
        p = self.pane(BINARY, width=440, height=30, lang="sv_SE.UTF-8")
        p.wait_for("VAD-dialog Fagersta")
        p.key("Down", "x")
        p.wait_for("Exportera · Möte")
        p.key("Tab", "Tab", "Tab")
        p.type(os.path.join(self.ws.dir, "a" * 300 + ".html"))
        p.key("F9")
        p.wait_for("kunde inte skrivas (För långt filnamn)")  # glibc's Swedish
        self.assertNotIn("File name too long", p.screen())
        self.assertTrue(meeting)


if __name__ == "__main__":
    unittest.main()
