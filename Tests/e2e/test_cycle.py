"""End-to-end: meetings of one cycle hand on their results as the method
support describes (001 lines 660-672): the employees' WHAT dialogue proposes
focus areas, the joint meeting starts from every proposal, merges twins,
decides the priority, and the finished WHAT meeting's documents stay as they
were fed back. The whole cycle runs in order, each meeting in the interface:
WHAT, citizen dialogue, situation report, joint picture, problem analysis,
HOW, activity planning and follow-up."""

import json
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
            p.wait_for(f"{area} (0)")
        p.key("Enter", "Enter")  # notes 1 and 2 -> Stationen
        p.wait_for("Stationen (2)")
        p.key("Tab", "Up", "Tab", "Enter")  # note 3 -> Storgatan
        p.wait_for("Storgatan (1)")
        self.to_step(p, 4)
        p.wait_for("Prioritering · 0 prickar")
        p.key("Down", "Enter", "Enter", "Enter", "Up", "Enter")
        p.wait_for("Prioritering · 4 prickar")
        self.finish(p)
        return what

    def the_parties_notes(self, p):
        """The joint meeting's step 2: group 1 is the police's, group 2 the
        municipality's (the joint agenda's group_sources); their notes carry
        that source."""
        self.to_step(p, 2)
        p.wait_for("Grupp 1 · problem · polis ▸")
        p.type("Skadegörelse vid Storgatans busshållplats")
        p.key("Enter")
        p.wait_for("  Skadegörelse vid Storgatans busshållplats")
        p.key("Tab")
        p.wait_for("Grupp 2 · problem · kommun ▸")
        p.type("Trygghetsmätningen: otrygghet vid busstorget")
        p.key("Enter")
        p.wait_for("  Trygghetsmätningen: otrygghet vid busstorget")

    def test_the_joint_meeting_starts_from_the_proposals_merges_twins_and_decides(self):
        cycle = self.ws.cli("cycle", "new", "--area", "LPO Fagersta", "--period", "2027").stdout.strip()
        what = self.what_dialogue(cycle)
        summary = self.ws.cli("export", what, "--document", "summary", "--format", "md").stdout
        self.ws.cli("review", what, "--publish-rest")
        feedback = self.ws.cli("export", what, "--document", "feedback", "--format", "md").stdout

        joint = self.meeting(cycle, "gemensam-lagesbild", "Gemensam lägesbild mars")
        p = self.open(joint)
        self.the_parties_notes(p)
        self.to_step(p, 4)
        p.key("F2")  # the talking points make way for the lists
        p.wait_for("┌ Talmanus", gone=True)
        # The employees' proposals are there, each with the meeting it came from.
        p.wait_for_all(["Fokusområden (2)", "(kommun) Trygghetsmätningen"],
                       patterns=[r"Storgatan \(1\) · VAD-dialog", r"Stationen \(2\) · VAD-dialog"])

        # A twin made here, then merged: the employees' Storgatan goes into it.
        p.type("Storgatan centrum")
        p.key("Enter")
        p.wait_for("Fokusområden (3)")
        p.key("Tab")  # the areas: Storgatan, Stationen, Storgatan centrum (selected)
        p.key("Up", "Up", "F7")  # the employees' Storgatan is the one merged
        p.wait_for("⇢")
        p.key("Down", "Down", "F7")  # into Storgatan centrum
        # Its note came along, and where it was proposed (the line is cut
        # at the list's width).
        p.wait_for_all(["Fokusområden (2)"], patterns=[r"Storgatan centrum \(1\) · VAD-di"])
        # The joint meeting's own note goes into it too: the merged area
        # stays selected; Tab to the notes, down to the fourth, Enter.
        p.key("Tab", "Down", "Down", "Down", "Enter")
        p.wait_for("Storgatan centrum (2)")
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
        p.wait_for("0 prickar")
        p.key("Down", "Enter", "Enter", "Up", "Enter")
        p.wait_for("3 prickar")
        p.key("F10")
        p.wait_exit()

        # The joint meeting's own summary says what it decided.
        joint_summary = self.ws.cli("export", joint, "--document", "summary", "--format", "md").stdout
        self.assertIn("_Målbild: Storgatan är en trygg väg hem på kvällen_", joint_summary)
        self.assertRegex(joint_summary, r"\*\*Storgatan centrum\*\* – föreslaget på VAD-dialog – leder till medborgarlöfte")

        # The cycle's priority is the decisive meeting's ranking; the
        # employees' dots are shown as input, not added in.
        analysis = self.ws.cli("export", cycle, "--document", "analysis", "--format", "md").stdout
        self.assertRegex(analysis, r"\| 1 \| Storgatan centrum[^|]*\| 2 \|")
        self.assertRegex(analysis, r"\| 2 \| Stationen[^|]*\| 1 \|")

        situation = self.ws.cli("export", cycle, "--document", "situation", "--format", "md").stdout
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


    def joint_meeting(self, cycle):
        """The joint meeting: the municipality's group notes, the employees'
        Storgatan merged into a twin made here, the priority decided."""
        joint = self.meeting(cycle, "gemensam-lagesbild", "Gemensam lägesbild mars")
        p = self.open(joint)
        self.the_parties_notes(p)
        self.to_step(p, 4)
        p.key("F2")
        p.wait_for("┌ Talmanus", gone=True)
        # the WHAT dialogue's proposals
        p.wait_for_all(["Fokusområden (2)"], patterns=[r"Storgatan \(1\) · VAD-dialog"])
        p.type("Storgatan centrum")
        p.key("Enter")
        p.wait_for("Fokusområden (3)")
        p.key("Tab", "Up", "Up", "F7")
        p.wait_for("⇢")
        p.key("Down", "Down", "F7")
        p.wait_for_all(["Fokusområden (2)"], patterns=[r"Storgatan centrum \(1\) · VAD-di"])
        self.to_step(p, 5)
        p.wait_for("0 prickar")
        p.key("Down", "Enter", "Enter", "Up", "Enter")
        p.wait_for("3 prickar")
        self.finish(p)
        return joint

    def test_the_joint_meeting_opened_at_its_cluster_step_reaches_every_note_of_the_cycle(self):
        # Three earlier meetings of 30 notes each: more than the terminal's
        # 40 rows, so the first frame is drawn from the first two meetings'
        # notes, the third's counted (issue 15).
        cycle = self.ws.cli("cycle", "new", "--area", "LPO Ludvika", "--period", "2027").stdout.strip()
        for m in range(1, 4):
            what = self.meeting(cycle, "medarbetardialog-vad", f"VAD-dialog {m}")
            lines = "".join(f"Lapp {m}.{i:02d} – otryggt vid ån\n" for i in range(30))
            self.ws.cli("note", "add", what, "--step", "lokal-lagesbild", "--stdin", input=lines)
        joint = self.meeting(cycle, "gemensam-lagesbild", "Gemensam lägesbild mars")
        p = self.open(joint)
        self.to_step(p, 4)
        p.key("F10")
        p.wait_exit()
        # Opened again, at its cluster step: every note counted at once,
        # and keys typed as soon as it shows go past the first screenful,
        # into the third meeting's notes.
        p = self.pane(f"{BINARY} run {joint}", width=120, height=40)
        p.wait_for_all(["Anteckningar (90)", "Lapp 1.00"])
        p.key(*["Down"] * 75)
        p.wait_for("› (medarbetare) Lapp 3.15")
        # A focus area named and the selected note moved into it.
        p.type("Ån")
        p.key("Enter")
        p.wait_for("Ån (0)")
        p.key("Enter")
        p.wait_for("Ån (1)")
        # Typed ahead, as the walk did (a name, Enter, Enter at once): the
        # second Enter waits for the new area and moves the next note into
        # it, not into the area selected before (the eighteenth walk).
        p.type("Bron")
        p.key("Enter", "Enter")
        p.wait_for("Bron (1)")
        p.key("F10")
        p.wait_exit()
        self.assertEqual(self.ws.sqlite("SELECT a.name, n.text FROM focus_area_note f JOIN note n ON n.id = f.note_id "
                                        "JOIN focus_area a ON a.id = f.focus_area_id ORDER BY n.id"),
                         [("Ån", "Lapp 3.15 – otryggt vid ån"), ("Bron", "Lapp 3.16 – otryggt vid ån")])

    def test_what_a_meeting_carries_forward_is_read_out_at_the_next_ones_start(self):
        # The twenty-second session's walk: the VAD summary's "Tas vidare
        # till nästa möte: Fråga medborgarna om gångtunneln och
        # belysningen" appeared in no later meeting.
        cycle = self.ws.cli("cycle", "new", "--area", "Hallstahammar", "--period", "2027").stdout.strip()
        vad = self.meeting(cycle, "medarbetardialog-vad", "VAD-dialog närpolisen")
        p = self.open(vad)
        self.to_step(p, 6)
        p.key("F3", "F3")
        p.wait_for("tas vidare ▸")
        p.type("Fråga medborgarna om gångtunneln och belysningen")
        p.key("Enter")
        p.wait_for("› Fråga medborgarna om gångtunneln och belysningen")
        self.finish(p)
        citizens = self.meeting(cycle, "medborgardialog", "Medborgardialog på torget")
        q = self.open(citizens)
        q.wait_for_all(["Tas vidare från tidigare möten (1)",
                        "Fråga medborgarna om gångtunneln och belysningen (VAD-dialog närpolisen)"])
        # Only at the start: the next step is the room's.
        self.to_step(q, 2)
        q.wait_for("Tas vidare från tidigare möten", gone=True)

    def test_a_whole_cycle_in_order_hands_on_its_results(self):
        cycle = self.ws.cli("cycle", "new", "--area", "LPO Ludvika", "--period", "2027").stdout.strip()

        # 1. The employees' WHAT dialogue.
        what = self.what_dialogue(cycle)
        summary = self.ws.cli("export", what, "--document", "summary", "--format", "md").stdout

        # 2. The citizen dialogue: what worries the citizens is theirs.
        citizens = self.meeting(cycle, "medborgardialog", "Medborgardialog på torget")
        p = self.open(citizens)
        self.to_step(p, 2)
        p.wait_for("Grupp 1 · problem · medborgare ▸")
        p.type("Otryggt vid busstorget på kvällarna")
        p.key("Enter")
        p.wait_for("  Otryggt vid busstorget på kvällarna")
        self.finish(p)

        # 3. The municipality's situation report.
        report = self.meeting(cycle, "lagesrapport", "Lägesrapport mars")
        p = self.open(report)
        p.wait_for("[ej bedömd]")
        p.key("F3", "F3", "F3")
        p.wait_for("[3] ")
        p.type("Fler anmälningar om skadegörelse i centrum")
        p.key("Enter")
        p.wait_for("Iakttagelser: Fler anmälningar om skadegörelse i centrum")
        self.finish(p)

        # 4. The joint meeting starts from the proposals, merges twins, decides.
        self.joint_meeting(cycle)
        # What the employees were told is what they were told.
        self.assertEqual(self.ws.cli("export", what, "--document", "summary", "--format", "md").stdout, summary)
        records = json.loads(self.ws.cli("export", cycle, "--format", "json").stdout)
        kept = [a for a in records["focus_areas"] if a["name"] == "Storgatan centrum"]
        self.assertEqual(len(kept), 1)
        proposals = {r["meeting_id"] for r in records["focus_area_proposals"] if r["focus_area_id"] == kept[0]["id"]}
        self.assertIn(int(what), proposals)  # provenance followed the merge
        # The employees' dot on Storgatan follows it as input (in the store;
        # the finished WHAT meeting's own record stays as it was).
        self.assertEqual(self.ws.sqlite(f"SELECT COUNT(*) FROM vote WHERE focus_area_id = {kept[0]['id']} AND meeting_id = {int(what)}"),
                         [(1,)])
        # The municipality's note counts as the municipality's, the citizens' as theirs.
        situation = self.ws.cli("export", cycle, "--document", "situation", "--format", "md").stdout
        self.assertRegex(situation, r"\| Kommunen \| 1 \|")
        self.assertRegex(situation, r"\| Medborgare \| 1 \|")

        # 5. The problem analysis of the decided area.
        analysis = self.meeting(cycle, "problemanalys", "Problemanalys april")
        p = self.open(analysis)
        self.to_step(p, 2)
        p.wait_for("Storgatan centrum")
        p.type("Buskörning och skadegörelse kvällstid")
        p.key("Enter")
        p.wait_for("Sparad")
        self.finish(p)

        # 6. The HOW dialogue proposes activities and votes on them.
        how = self.meeting(cycle, "medarbetardialog-hur", "HUR-dialog")
        p = self.open(how)
        self.to_step(p, 2)
        p.wait_for("Aktiviteter (0)")
        for activity in ["Trygghetsvandring på Storgatan", "Bättre belysning vid busstorget"]:
            p.type(activity)
            p.key("Enter")
            p.wait_for(f"[medel] {activity}")
        self.to_step(p, 3)
        p.wait_for("Prioritering av aktiviteter · 0 prickar")
        p.key("Enter", "Enter", "Down", "Enter")
        p.wait_for_all(["Prioritering av aktiviteter · 3 prickar"],
                       # Each proposal linked to the decided area from the start (the twenty-second walk).
                       patterns=[r"1\. Trygghetsvandring på Storgatan · Storgatan centrum\s+2",
                                 r"2\. Bättre belysning vid busstorget · Storgatan centrum\s+1"])
        self.finish(p)
        how_records = json.loads(self.ws.cli("export", how, "--format", "json").stdout)
        self.assertEqual(len(how_records["activity_votes"]), 3)
        self.assertEqual(how_records["votes"], [])  # no dot went to a focus area

        # 7. Activity planning starts from the HOW proposals with their dots,
        # votes again, and writes a SMART goal.
        planning = self.meeting(cycle, "aktivitetsplanering", "Aktivitetsplanering maj")
        p = self.open(planning)
        self.to_step(p, 2)
        p.wait_for_all(["Aktiviteter (2)", "Trygghetsvandring på Storgatan · 2 prickar"])
        # The walk gets what the workspace's form asks: how, who, the
        # order, the side of the triangle, citizens; the lighting comes
        # after it.
        p.key("F4")
        p.wait_for("Ändrar")
        for part in ["Kommunpolisen", "Polisen och kommunen", "2027-06-01", "2027-09-30",
                     "Två kvällar i månaden med boende och fastighetsägare", "1"]:
            p.key("Tab")
            p.type(part)
        p.key("F5", "F5", "F5")  # offender -> target -> place
        p.key("C-n")
        p.wait_for("Medborgare deltar: ja")
        p.wait_for("Triangeln: Plats")
        p.key("Enter")
        p.wait_for("Polisen och kommunen · 2027-06-01–2027-09-30")  # the selected activity, whole
        p.key("Down", "F4")
        p.wait_for("Ändrar")
        p.key("BTab")  # after: the last part
        p.type("1")
        p.key("Enter")
        p.wait_for("Efter nr 1")
        self.to_step(p, 3)
        p.wait_for("Prioritering av aktiviteter · 0 prickar")
        p.key("Enter")
        p.wait_for("Prioritering av aktiviteter · 1 prick")
        self.to_step(p, 4)
        p.wait_for("Mål (0)")
        p.type("Minska andelen boende som känner sig otrygga på Storgatan")
        for part in ["Andel otrygga i trygghetsmätningen", "48 %", "30 %", "2027-12-31", "Kommunens trygghetssamordnare"]:
            p.key("Tab")
            p.type(part)
        p.key("F3")  # production -> effect
        p.wait_for("[effektmål]")
        p.key("F5")  # the walk leads to it
        p.wait_for("Aktivitet: Trygghetsvandring på Storgatan")
        p.wait_for("A: Inte markerat som accepterat")
        p.key("C-g")
        p.wait_for("SMART: uppfyllt")
        p.key("Enter")
        p.wait_for("[effektmål] Minska andelen boende som känner sig otrygga på Storgatan · ✓ SMART")
        self.finish(p)
        records = json.loads(self.ws.cli("export", cycle, "--format", "json").stdout)
        walk = next(a for a in records["activities"] if a["what"] == "Trygghetsvandring på Storgatan")
        light = next(a for a in records["activities"] if a["what"] == "Bättre belysning vid busstorget")
        self.assertEqual((walk["how"], walk["organisation"], walk["sequence"], walk["triangle_side"], walk["involves_citizens"]),
                         ("Två kvällar i månaden med boende och fastighetsägare", "Polisen och kommunen", 1, "place", True))
        self.assertEqual((walk["start"], walk["end"]), ("2027-06-01", "2027-09-30"))
        self.assertIn({"activity_id": light["id"], "depends_on_id": walk["id"]}, records["activity_dependencies"])
        goals = records["goals"]
        self.assertEqual([(g["kind"], g["smart_flags"], g["accepted"], g["meeting_id"], g["step_id"]) for g in goals],
                         [("effect", "", True, int(planning), "mal")])
        plan = self.ws.cli("export", cycle, "--document", "plan", "--format", "md").stdout
        self.assertIn("Minska andelen boende som känner sig otrygga på Storgatan", plan)

        # 8. The follow-up changes the activities' status in the plan.
        follow = self.meeting(cycle, "uppfoljning", "Uppföljning december")
        p = self.open(follow)
        self.to_step(p, 2)
        p.wait_for("Aktivitetsplanens aktiviteter (0/2)")
        p.key("F3")  # the walk: done
        p.wait_for("[genomförd] Trygghetsvandring på Storgatan")
        p.type("Sex vandringar, med 40 boende")
        p.key("Tab")
        p.wait_for("Resurser (pengar, personal, tid) (aktivitet 1) ▸")
        p.type("Två poliser, 12 timmar")
        p.key("Down")
        p.wait_for("Genomförande (eller varför inte)")
        p.key("F3", "F3")  # the lighting: ongoing
        p.wait_for("[pågår] Bättre belysning vid busstorget")
        self.finish(p)
        statuses = dict(self.ws.sqlite("SELECT what, status FROM activity WHERE deleted_at IS NULL"))
        self.assertEqual(statuses, {"Trygghetsvandring på Storgatan": "done", "Bättre belysning vid busstorget": "ongoing"})
        entries = self.ws.sqlite(f"SELECT why, resources, status FROM follow_up WHERE meeting_id = {int(follow)} AND aspect = 'resource'"
                                 " ORDER BY activity_id")
        self.assertEqual(entries, [("Sex vandringar, med 40 boende", "Två poliser, 12 timmar", "done"), ("", "", "ongoing")])
        # The follow-up is not a situation report; the municipality's is.
        situation = self.ws.cli("export", cycle, "--document", "situation", "--format", "md").stdout
        reports = situation.split("## Lägesrapporter")[1].split("\n## ")[0]
        self.assertIn("Lägesrapport mars", reports)
        self.assertNotIn("Uppföljning december", reports)


if __name__ == "__main__":
    unittest.main()
