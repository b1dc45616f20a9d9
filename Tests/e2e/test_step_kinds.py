"""End-to-end: each step kind driven as a facilitator would, and a WHAT
dialogue handing its ranked focus areas on to a HOW dialogue."""

import json
import time
import unittest

from tmux_harness import BINARY
from test_walking_skeleton import E2ETestCase


class StepKindTests(E2ETestCase):
    def meeting(self, agenda, cycle=None, title="Möte"):
        if cycle is None:
            cycle = self.ws.cli("cycle", "new", "--area", "LPO Fagersta", "--period", "2027").stdout.strip()
        meeting = self.ws.cli("meeting", "new", "--cycle", cycle, "--agenda", agenda, "--title", title).stdout.strip()
        return cycle, meeting

    def open(self, meeting, width=120, height=40, step=1):
        p = self.pane(f"{BINARY} run {meeting}", width=width, height=height)
        p.wait_for(f"Steg {step}/")
        return p

    def test_what_dialogue_notes_clusters_votes_then_how_shows_the_ranking(self):
        cycle, what = self.meeting("medarbetardialog-vad", title="VAD-dialog")
        p = self.open(what)
        p.key("PageDown")
        p.wait_for("Steg 2/6")
        for note in ["Buskörning vid Storgatan", "Otrygg gångtunnel vid stationen", "Klotter i gångtunneln"]:
            p.type(note)
            p.key("Enter")
            p.wait_for(f"  {note}")
        p.key("PageDown")
        p.wait_for("Steg 3/6")
        p.wait_for("Fokusområden (0)")
        p.type("Storgatan")
        p.key("Enter")
        p.wait_for("Storgatan (0)")
        p.type("Stationen")
        p.key("Enter")
        p.wait_for("Stationen (0)")
        # Notes into areas: the new area is selected; first note to Stationen,
        # then select Storgatan for the second... keep it simple: Enter moves
        # the selected note into the selected area and steps down.
        p.key("Enter")  # note 1 -> Stationen
        p.wait_for("Stationen (1)")
        p.key("Enter")  # note 2 -> Stationen
        p.wait_for("Stationen (2)")
        p.key("Tab", "Up", "Tab", "Enter")  # note 3 -> Storgatan
        p.wait_for("Storgatan (1)")
        # A new area's type is not chosen (it was "plats" by default,
        # printed of areas no one had said were places): F3 chooses it.
        p.key("Tab", "F3")  # Storgatan: a place, then a type of crime or disorder
        p.wait_for("Storgatan · plats (1)")
        p.key("F3")
        p.wait_for("Storgatan · brottstyp")
        p.key("PageDown")
        p.wait_for("Steg 4/6")
        p.wait_for("Prioritering · 0 prickar")
        p.key("Down", "Enter", "Enter", "Enter")  # three dots to Stationen
        p.wait_for("Prioritering · 3 prickar")
        p.key("Up", "Enter", "Enter")  # two to Storgatan
        p.wait_for("Prioritering · 5 prickar")
        p.key("BSpace")  # undo the last
        p.wait_for_all(["Prioritering · 4 prickar"], patterns=[r"1\. Stationen\s+3", r"2\. Storgatan\s+1"])
        p.key("F10")
        p.wait_exit()
        md = self.ws.cli("export", what, "--format", "md").stdout
        self.assertIn("| 1 | Stationen | 3 |", md)
        self.assertIn("| 2 | Storgatan | 1 |", md)
        self.assertIn("- **Stationen**\n", md)  # its type not chosen: the name alone
        self.assertIn("- **Storgatan** (brottstyp/ordningsstörning)", md)
        self.assertIn("  - Buskörning vid Storgatan", md)
        data = json.loads(self.ws.cli("export", what, "--format", "json").stdout)
        vote_step = [s for s in data["steps"] if s["kind"] == "vote"][0]["step_id"]
        self.assertEqual(len([v for v in data["votes"] if v["step_id"] == vote_step]), 4)

        _, how = self.meeting("medarbetardialog-hur", cycle=cycle, title="HUR-dialog")
        q = self.open(how)
        q.wait_for_all(["Cykelns fokusområden och prioritering"], patterns=[r"1\. Stationen\s+3", r"2\. Storgatan\s+1"])
        # The HOW dialogue's own vote is on its activities (test_cycle.py).

    def test_checklist_ticks_and_comments_survive_a_restart(self):
        _, meeting = self.meeting("medborgardialog-planering", title="Planering av dialogen vid torget")
        p = self.open(meeting)
        p.wait_for("Checklista (0/")
        p.key("F3")
        p.wait_for("Checklista (1/")
        p.type("Kommunpolisen och trygghetssamordnaren")
        p.key("Enter")
        p.wait_for("      Kommunpolisen och trygghetssamordnaren")
        p.key("Down")
        p.type("Öka tryggheten vid torget")
        p.key("Down")  # moving on saves what was typed
        p.wait_for("      Öka tryggheten vid torget")
        p.key("F10")
        p.wait_exit()
        q = self.open(meeting)
        q.wait_for_all(["Checklista (1/", "[x] ", "Kommunpolisen och trygghetssamordnaren", "Öka tryggheten vid torget"])

    def test_rating_on_the_impact_scale_with_observations_and_action(self):
        _, meeting = self.meeting("lagesrapport", title="Lägesrapport v. 49")
        p = self.open(meeting)
        p.wait_for("Bedömning · 1 / 2 / 3 / 4 / 5")
        p.wait_for("[ej bedömd]")
        p.key("F3", "F3", "F3", "F3")
        p.wait_for("[4] ")
        p.type("Buskörning vid torget fredagskvällar")
        p.key("Enter")
        p.wait_for("Iakttagelser: Buskörning vid torget fredagskvällar")
        p.key("Tab")
        p.wait_for("Kommentar/åtgärd (1) ▸")
        p.type("Öka närvaron fredagar")
        p.key("Enter")
        p.wait_for("Kommentar/åtgärd: Öka närvaron fredagar")

    def area_with_notes(self, p, note, area):
        """From step 1 of a VAD dialogue to its vote step: a note, an area
        holding it."""
        p.key("PageDown")
        p.wait_for("Steg 2/6")
        p.type(note)
        p.key("Enter")
        p.wait_for(f"  {note}")
        p.key("PageDown")
        p.wait_for("Fokusområden (0)")
        p.type(area)
        p.key("Enter")
        p.wait_for(f"{area} (0)")
        p.key("Enter")
        p.wait_for(f"{area} (1)")
        p.key("PageDown")
        p.wait_for("Prioritering · 0 prickar")

    def described_area(self, title):
        """A VAD dialogue whose area Storgatan, ranked first, has its
        problem described; returns the cycle."""
        cycle, first = self.meeting("medarbetardialog-vad", title=title)
        p = self.open(first)
        self.area_with_notes(p, "Buskörning vid Storgatan", "Storgatan")
        p.key("Enter", "Enter")
        p.wait_for("Prioritering · 2 prickar")
        p.key("PageDown")
        p.wait_for("Problembeskrivning · Storgatan")
        p.wait_for("Vad är problemet? ▸")
        p.type("Mopeder kör på trottoaren")
        p.key("Enter")
        p.wait_for("Sparad")
        p.key("F10")
        p.wait_exit()
        return cycle

    def test_letters_typed_in_the_vote_step_are_answered_not_dropped(self):
        # The nineteenth walk: letters typed in the vote step (text meant
        # for the next step, typed too early) vanished without a word.
        _, meeting = self.meeting("medarbetardialog-vad", title="VAD-dialog mars")
        p = self.open(meeting)
        self.area_with_notes(p, "Klotter på skolgården", "Skolgården")
        p.type("Klotter")
        p.wait_for("Här skrivs ingen text")
        p.wait_for("Prioritering · 0 prickar")
        p.key("Enter")
        p.wait_for("Prioritering · 1 prick ")
        p.wait_for(r"1. Skolgården   1")

    def test_text_typed_ahead_after_a_stored_description_is_its_own_words(self):
        # The nineteenth walk: text typed ahead into a problem field that
        # already held a description (an earlier meeting's, on the same
        # area) was added at its end without a space: "trottoarenCyklister".
        cycle = self.described_area("VAD-dialog april")
        _, second = self.meeting("problemanalys", cycle=cycle, title="Problemanalys april")
        q = self.open(second)
        # The step change and the words in one write: typed before the
        # problem step's reading came in.
        q.tmux("set-buffer", "--", "\x1b[6~Cyklister också")
        q.tmux("paste-buffer", "-d")
        q.wait_for("Problembeskrivning · Storgatan")
        q.wait_for("Mopeder kör på trottoaren Cyklister också")
        self.assertNotIn("trottoarenCyklister", q.screen())

    def test_the_cause_analysis_step_opens_at_the_next_why(self):
        # The twentieth walk: PageDown into "Orsaksanalys" and a cause typed
        # at once went into "Vad är problemet?", glued to its description.
        cycle = self.described_area("VAD-dialog maj")
        _, second = self.meeting("problemanalys", cycle=cycle, title="Problemanalys maj")
        q = self.open(second)
        q.key("PageDown")
        q.wait_for("Problembeskrivning · Storgatan")
        q.tmux("set-buffer", "--", "\x1b[6~Mörkret i tunneln")
        q.tmux("paste-buffer", "-d")
        q.wait_for("Steg 3/4")
        q.wait_for("Varför? 1 ▸ Mörkret i tunneln")
        q.key("Enter")
        q.wait_for_all(["Varför? 2 ▸"], patterns=[r"Varför\? 1\s+Mörkret i tunneln"])
        self.assertIn("Mopeder kör på trottoaren", q.screen())
        self.assertNotIn("trottoarenMörkret", q.screen())

    def test_dots_then_a_problem_typed_at_once_go_to_this_meetings_area(self):
        # The nineteenth walk: dots put, then PageDown, a description and
        # Enter at once. The problem step's reading overtook the dots'
        # writes, opened the area another meeting had ranked first, and
        # the text was added to that meeting's saved description.
        cycle = self.described_area("VAD-dialog januari")
        _, second = self.meeting("medarbetardialog-vad", cycle=cycle, title="VAD-dialog februari")
        q = self.open(second)
        self.area_with_notes(q, "Otrygg gångtunnel vid stationen", "Stationen")
        # Three dots, PageDown, the description and Enter in one write.
        q.tmux("set-buffer", "--", "\r\r\r\x1b[6~Bilister kör för fort\r")
        q.tmux("paste-buffer", "-d")
        q.wait_for("Problembeskrivning · Stationen")
        q.wait_for("Bilister kör för fort")
        q.key("F10")
        q.wait_exit()
        self.assertEqual(sorted(self.ws.sqlite("SELECT what FROM problem WHERE deleted_at IS NULL")),
                         [("Bilister kör för fort",), ("Mopeder kör på trottoaren",)])

    def test_a_decision_typed_with_the_step_change_is_shown(self):
        # PageDown, a decision and Enter reach samtal at once (one write to
        # the terminal: tmux pastes a buffer whole, without bracketed-paste
        # markers, as keys typed ahead). The Enter's write goes out before
        # the step's first reading is answered; the decision is stored and
        # must come to the screen. It did not, now and then (a reading of
        # the store's change by the write put it right, when it came after
        # the write's answer): ten rounds make the fault likely to show.
        _, meeting = self.meeting("medarbetardialog-vad", title="VAD-dialog")
        p = self.open(meeting)
        for step in range(2, 6):
            p.key("PageDown")
            p.wait_for(f"Steg {step}/6")
        decisions = [f"Beslut {n}: trygghetsvandring vid stationen" for n in range(1, 11)]
        for n, decision in enumerate(decisions):
            if n:
                p.key("PageUp")
                p.wait_for("Steg 5/6")
            p.tmux("set-buffer", "--", f"\x1b[6~{decision}\r")
            p.tmux("paste-buffer", "-d")
            p.wait_for("Steg 6/6")
            p.wait_for(f"› {decision}")
        self.assertEqual(self.ws.sqlite("SELECT text FROM summary_item ORDER BY id"), [(d,) for d in decisions])

    def test_summary_takes_decisions_next_steps_and_what_goes_on(self):
        _, meeting = self.meeting("medarbetardialog-vad", title="VAD-dialog")
        p = self.open(meeting)
        for step in range(2, 7):
            p.key("PageDown")
            p.wait_for(f"Steg {step}/6")
        p.type("Stationen blir fokusområde")
        p.key("Enter")
        p.wait_for("› Stationen blir fokusområde")
        p.key("F3")
        p.wait_for("nästa steg ▸")
        p.type("Återkoppla på APT")
        p.key("Tab")
        p.type("Anna")
        p.key("Tab")
        p.type("2027-01-15")
        p.key("Enter")
        p.wait_for("Återkoppla på APT · Vem: Anna · När: 2027-01-15")
        p.key("F3")
        p.wait_for("tas vidare ▸")
        p.type("Orsaksanalys för gångtunneln")
        p.key("Enter")
        p.wait_for_all(["› Orsaksanalys för gångtunneln"], patterns=[r"│Tas vidare till nästa möte\s+│"])

    def test_problem_description_why_chain_and_triangle_survive_a_restart(self):
        _, meeting = self.meeting("problemanalys", title="Problemanalys")
        p = self.open(meeting)
        p.key("PageDown")
        p.wait_for("Problembeskrivning · inget fokusområde")
        p.wait_for("Vad är problemet? ▸")
        p.type("Skadegörelse i gångtunneln")
        p.key("Enter")  # saves and moves on, as in a form
        p.wait_for("Sparad")
        p.wait_for("Var? ▸")
        p.type("Gångtunneln vid stationen")
        p.key("Down")  # moving on saves too
        p.wait_for("När? ▸")
        for _ in range(5):
            p.key("Down")
        p.wait_for("Varför? 1 ▸")
        p.type("Tunneln är mörk")
        p.key("Down")
        p.wait_for("Varför? 2 ▸")
        p.type("Belysningen är trasig")
        p.key("Down")
        p.wait_for("Varför? 3 ▸")
        p.key("F10")
        p.wait_exit()
        q = self.open(meeting, step=2)  # resumes where the meeting was
        q.wait_for_all(["Problembeskrivning · inget fokusområde", "Skadegörelse i gångtunneln", "Gångtunneln vid stationen",
                        "Tunneln är mörk", "Belysningen är trasig"])

    def test_situation_report_gathers_contributions_from_the_organisations_before_the_assessment(self):
        _, report = self.meeting("lagesrapport", title="Lägesrapport mars")
        # Who submits the material: the participant rows of the facts.
        p = self.pane(BINARY, width=120, height=40)
        p.wait_for("Lägesrapport mars")
        p.key("Down", "F4")
        p.wait_for("Mötesfakta")
        p.key("F4")
        p.type("Socialtjänsten")
        p.key("Tab")
        p.type("kommun")
        p.key("F4")
        p.type("Polisen LPO Ludvika")
        p.key("Tab")
        p.type("polis")
        p.key("F9")
        p.wait_for("Organisation/roll", gone=True)
        p.key("F10")
        p.wait_exit()
        p = self.open(report)
        p.wait_for("[ej bedömd]")
        p.key("Tab", "Tab")
        p.wait_for("Bidrag (1) ▸")
        p.key("F7")
        p.wait_for("Bidrag från Socialtjänsten (1) ▸")
        p.type("Buskörning med mopeder vid Folkets park")
        p.key("Enter")
        p.wait_for("• Socialtjänsten: Buskörning med mopeder vid Folkets park")
        p.key("F7")
        p.wait_for("Bidrag från Polisen LPO Ludvika (1) ▸")
        p.type("Fler anmälningar om klotter vid skolan")
        p.key("Enter")
        p.wait_for("• Polisen LPO Ludvika: Fler anmälningar om klotter vid skolan")
        # Then the compiled assessment.
        p.key("F3", "F3")
        p.wait_for("[2] ")
        p.key("Tab")
        p.type("Sammantaget oroligt i centrum på kvällarna")
        p.key("Enter")
        p.wait_for("Iakttagelser: Sammantaget oroligt i centrum på kvällarna")
        # The latest contribution can be taken back.
        p.key("Tab", "Tab")
        p.type("Felskrivet")
        p.key("Enter")
        p.wait_for("• Polisen LPO Ludvika: Felskrivet")
        # F8 takes the latest back once the store has it (until then it says so).
        for _ in range(20):
            p.key("F8")
            time.sleep(0.2)
            if "Ta bort bidraget?" in p.screen():
                break
        p.wait_for_regex(r"Ta bort bidraget\?[\s\S]*Felskrivet")  # the question names the contribution
        p.type("j")
        p.wait_for("• Polisen LPO Ludvika: Felskrivet", gone=True)
        p.key("F10")
        p.wait_exit()
        records = json.loads(self.ws.cli("export", report, "--format", "json").stdout)
        self.assertEqual([(c["from_organisation"], c["text"]) for c in records["rating_contributions"]],
                         [("Socialtjänsten", "Buskörning med mopeder vid Folkets park"),
                          ("Polisen LPO Ludvika", "Fler anmälningar om klotter vid skolan")])
        summary = self.ws.cli("export", report, "--format", "md").stdout
        self.assertIn("**Socialtjänsten:** Buskörning med mopeder vid Folkets park; **Polisen LPO Ludvika:** Fler anmälningar "
                      "om klotter vid skolan | 2 | Sammantaget oroligt i centrum på kvällarna", summary)

    def test_activities_with_responsible_period_and_priority(self):
        _, meeting = self.meeting("aktivitetsplanering", title="Aktivitetsplanering")
        p = self.open(meeting)
        p.key("PageDown")
        p.wait_for("Aktiviteter (0)")
        p.key("F3")
        p.wait_for("[låg] Aktivitet ▸")
        p.key("F3")
        p.wait_for("[hög] Aktivitet ▸")
        p.type("Trygghetsvandring i gångtunneln")
        p.key("Tab")
        p.type("Kommunpolisen")
        p.key("Tab", "Tab")  # past the organisation
        p.type("2027-02-01")
        p.key("Tab")
        p.type("2027-02-28")
        p.key("Enter")
        p.wait_for("1. [hög] Trygghetsvandring i gångtunneln · Ansvarig: Kommunpolisen")
        p.wait_for("2027-02-01–2027-02-28")  # the selected activity is shown whole
        p.key("F4")
        p.wait_for("Ändrar ·")
        p.type(" fredagar")
        p.key("Enter")
        p.wait_for("Trygghetsvandring i gångtunneln fredagar")
        p.key("F8")
        p.wait_for("Ta bort aktiviteten?")
        p.type("j")
        p.wait_for("Aktiviteter (0)")

    def test_an_area_is_split_and_the_summary_reads_out_what_the_meeting_produced(self):
        _, what = self.meeting("medarbetardialog-vad", title="VAD-dialog centrum")
        p = self.open(what, width=160)
        p.key("PageDown")
        p.wait_for("Steg 2/6")
        for note in ["Klotter vid busstorget", "Snatteri i köpcentrumet"]:
            p.type(note)
            p.key("Enter")
            p.wait_for(f"  {note}")
        p.key("PageDown")
        p.wait_for("Fokusområden (0)")
        p.key("F2")  # the talking points make way for the lists
        p.wait_for("┌ Talmanus", gone=True)
        p.type("Centrum")
        p.key("Enter")
        p.wait_for("Centrum (0)")
        p.key("Enter", "Enter")  # both notes into Centrum
        p.wait_for("Centrum (2)")
        # Split: the new part keeps the type; the first note goes into it.
        p.key("Tab", "F3", "F3")
        p.wait_for("Centrum · brottstyp")
        p.key("C-d")
        p.wait_for("Ny del av Centrum ▸")
        p.type("Busstorget")
        p.key("Enter")
        p.wait_for("Busstorget · brottstyp/ordningsstörning (0)")
        p.key("Tab", "Up", "Enter")  # the first note into the selected part
        p.wait_for("Busstorget · brottstyp/ordningsstörning (1)")
        p.wait_for("Centrum · brottstyp/ordningsstörning (1)")
        p.key("PageDown")
        p.wait_for("Steg 4/6")
        p.key("Enter", "Down", "Enter", "Enter")
        p.wait_for("3 prickar")
        p.key("PageDown", "PageDown")
        # The summary reads out what the meeting produced, then decisions.
        # The heading is drawn before the reading of the meeting fills it in.
        p.wait_for_all(["Det här har mötet tagit fram", "Anteckningar: 2 (Grupp 1: 2)"],
                       patterns=[r"Fokusområden: 1\. Busstorget \(2\) · 2\. Centrum \(1\)"])
        p.type("Busstorget blir fokusområde")
        p.key("Enter")
        p.wait_for("› Busstorget blir fokusområde")
        p.key("F4")
        p.wait_for("Ändrar ·")
        p.type(" kvällstid")
        p.key("Enter")
        p.wait_for("› Busstorget blir fokusområde kvällstid")
        p.key("F10")
        p.wait_exit()
        rows = self.ws.sqlite(f"SELECT kind, text FROM summary_item WHERE meeting_id = {int(what)} AND deleted_at IS NULL")
        self.assertEqual(rows, [("decision", "Busstorget blir fokusområde kvällstid")])
        records = json.loads(self.ws.cli("export", what, "--format", "json").stdout)
        self.assertEqual(sorted((a["name"], a["type"]) for a in records["focus_areas"]),
                         [("Busstorget", "crime_type"), ("Centrum", "crime_type")])


if __name__ == "__main__":
    unittest.main()
