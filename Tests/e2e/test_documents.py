"""End-to-end: `samtal export` through the real binary. Every document
kind from the command line; PDF through weasyprint and DOCX through pandoc
for real (Scripts/test installs both, so a missing converter fails here,
it is never skipped); the records as CSV and JSON read back with Python's
own parsers; the errors a person gets for a wrong target, document or
missing converter."""

import csv
import json
import os
import re
import subprocess
import unittest
import xml.etree.ElementTree as ET
import zipfile

from tmux_harness import BINARY, E2ETestCase

HOSTILE = '<script>alert(1)</script> & "quotes"'
ODD = 'Komma, "citat" och\nradbrytning – åäö 😀 中文'
PHONE = "Ring Kim på 070-123 45 67"
CYCLE_DOCUMENTS = ["situation", "analysis", "plan", "promise", "quality"]


class ExportTests(E2ETestCase):
    def setUp(self):
        super().setUp()
        self.cycle = self.ws.cli("cycle", "new", "--area", "LPO Fagersta – Västanfors", "--period", "2027").stdout.strip()
        self.meeting = self.ws.cli("meeting", "new", "--cycle", self.cycle, "--agenda", "medarbetardialog-vad",
                                   "--title", "VAD-dialog", "--date", "2027-01-20", "--place", "Polishuset").stdout.strip()
        for text in [HOSTILE, PHONE, ODD]:
            self.ws.cli("note", "add", self.meeting, "--step", "lokal-lagesbild", "--text", text)
        self.c = self.cycle

    def path(self, name):
        return os.path.join(self.ws.dir, name)

    def test_every_document_from_the_command_line(self):
        summary = self.ws.cli("export", self.meeting).stdout
        self.assertIn("Mötessammanfattning", summary)
        self.assertIn(HOSTILE.replace("<", "\\<"), summary)  # Markdown: text, not HTML
        self.assertIn("Lägesbild", self.ws.cli("export", self.c).stdout.splitlines()[2])
        self.assertIn("Lägesbild", self.ws.cli("export", f"cycle:{self.cycle[1:]}").stdout)
        for document in CYCLE_DOCUMENTS:
            for fmt in ["md", "html"]:
                out = self.ws.cli("export", self.c, "--document", document, "--format", fmt).stdout
                self.assertTrue(out.strip(), f"{document} {fmt}")
        html = self.ws.cli("export", self.meeting, "--format", "html").stdout
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;", html)
        self.assertNotIn("<script", html.lower())
        english = self.ws.cli("export", self.c, "--document", "quality", "--lang", "en").stdout
        self.assertIn("Quality review", english)
        self.assertIn("Is there a local situation picture?", english)

    def test_markdown_cannot_be_injected(self):
        """A note with an image (a tracking pixel), a link, raw HTML and a
        comment, exported to Markdown and rendered by pandoc: the reader
        sees the text as typed, and nothing of it is markup."""
        injected = ["![x](http://tracker/p.png)", "[klick](http://x)", "<img src=http://tracker/q.png>",
                    "<!-- dolt -->synligt", "<http://tracker/r>", "**fet**", "@SUM(1)"]
        for text in injected:
            self.ws.cli("note", "add", self.meeting, "--step", "lokal-lagesbild", "--text", text)
        md = self.ws.cli("export", self.meeting).stdout
        for reader in ["markdown-smart", "gfm", "commonmark"]:
            html = subprocess.run(["pandoc", "--from", reader, "--to", "html", "--wrap=none"], input=md, capture_output=True,
                                  text=True, timeout=60, check=True).stdout
            # (GitHub's reader makes a bare address a link to itself, as
            # it does in any text; the others make none.)
            for forbidden in ["<img", "<script", "<!--", "<strong>fet", "citation"] + (["<a ", "tracker/p.png\""] if reader != "gfm" else []):
                self.assertNotIn(forbidden, html, reader)
            for text in ["![x](http://tracker/p.png)", "[klick](http://x)", "&lt;img src=http://tracker/q.png&gt;",
                         "&lt;!-- dolt --&gt;synligt", "**fet**"]:
                self.assertIn(text, html, reader)
            # The document's own structure still renders.
            if reader != "commonmark":  # (CommonMark itself has no tables)
                self.assertIn("<table", html, reader)
            self.assertIn("<h2", html, reader)

    def test_a_notes_line_breaks_are_kept_in_markdown_and_html(self):
        """A note typed (or pasted) on several lines reads on several lines in
        the documents, as in the JSON and CSV records; a next line that
        looks like a heading or a list item stays the note's text."""
        text = "Buskörning vid Storgatan\n# inte en rubrik\n- inte en lista\n1. inte numrerad\nsista raden"
        self.ws.cli("note", "add", self.meeting, "--step", "lokal-lagesbild", "--text", text)
        lines = text.split("\n")
        md = self.ws.cli("export", self.meeting).stdout
        for reader in ["markdown", "gfm", "commonmark"]:
            html = subprocess.run(["pandoc", "--from", reader, "--to", "html", "--wrap=none"], input=md, capture_output=True,
                                  text=True, timeout=60, check=True).stdout
            for a, b in zip(lines, lines[1:]):
                self.assertRegex(html, re.escape(a) + r"<br\s*/?>\s*" + re.escape(b), reader)
            self.assertNotRegex(html, r"<h\d[^>]*>\s*inte en rubrik", reader)
            self.assertNotIn("<li>inte en lista", html, reader)
            self.assertNotIn("<li>inte numrerad", html, reader)
        html = self.ws.cli("export", self.meeting, "--format", "html").stdout
        for a, b in zip(lines, lines[1:]):
            self.assertRegex(html, re.escape(a) + r"<br>\s*" + re.escape(b))

    def test_meetings_are_in_date_order_in_the_cycles_documents_whenever_they_were_entered(self):
        """Found by the thirteenth walk: a meeting entered late with an
        earlier date came first in the joint cluster step (by date) but
        was numbered last in the situation document (by when it was
        entered)."""
        february = self.ws.cli("meeting", "new", "--cycle", self.cycle, "--agenda", "medarbetardialog-vad",
                               "--title", "Februarimötet", "--date", "2027-02-10", "--place", "Polishuset").stdout.strip()
        early = self.ws.cli("meeting", "new", "--cycle", self.cycle, "--agenda", "medarbetardialog-vad",
                            "--title", "Decembermötet", "--date", "2026-12-05", "--place", "Stadshuset").stdout.strip()
        self.ws.cli("note", "add", february, "--step", "lokal-lagesbild", "--text", "Från februari")
        self.ws.cli("note", "add", early, "--step", "lokal-lagesbild", "--text", "Från december")
        md = self.ws.cli("export", self.c, "--document", "situation").stdout
        order = [line for line in md.splitlines() if line.startswith("### Möte ")]
        self.assertEqual([line.split(": ", 1)[1] for line in order],
                         ["Decembermötet (2026-12-05)", "VAD-dialog (2027-01-20)", "Februarimötet (2027-02-10)"], order)
        self.assertIn("Från december – möte 1", md)
        self.assertIn("Från februari – möte 3", md)
        # Within a source and theme too (the fifteenth walk: the notes went
        # by when they were typed, February's before January's).
        self.assertLess(md.index("Från december"), md.index("Från februari"))

    def test_public_documents_leave_out_personal_data_and_say_so_on_stderr(self):
        self.ws.cli("review", self.meeting, "--publish-rest")
        result = self.ws.cli("export", self.meeting, "--document", "feedback")
        self.assertIn(HOSTILE.replace("<", "\\<"), result.stdout)
        self.assertNotIn("070-123 45 67", result.stdout)
        self.assertIn("(utelämnad ur det här offentliga dokumentet)", result.stderr)
        internal = self.ws.cli("export", self.meeting)
        self.assertIn("070-123 45 67", internal.stdout)
        self.assertIn("--redact ersätter det", internal.stderr)
        self.assertIn("--redact replaces it", self.ws.cli("export", self.meeting, "--lang", "en").stderr)
        redacted = self.ws.cli("export", self.c, "--redact")
        self.assertIn("Ring Kim på \\[telefonnummer\\]", redacted.stdout)  # Markdown: escaped
        self.assertNotIn("070-123", redacted.stdout)

    def test_the_situation_picture_holds_no_personal_data_and_no_hidden_note_unless_asked(self):
        # A note the facilitator hid from the projector (it names a pupil).
        hidden = "Elev (16 år) på Västanforsskolan hotade en lärare"
        self.ws.cli("note", "add", self.meeting, "--step", "lokal-lagesbild", "--text", hidden)
        import sqlite3
        con = sqlite3.connect(self.ws.store)
        with con:
            con.execute("UPDATE note SET hidden = 1 WHERE text = ?", (hidden,))
        con.close()
        for fmt in ["md", "html"]:
            result = self.ws.cli("export", self.c, "--format", fmt)
            self.assertNotIn("070-123 45 67", result.stdout)
            self.assertIn("[telefonnummer]", result.stdout.replace("\\[", "[").replace("\\]", "]"))
            self.assertNotIn("Västanforsskolan", result.stdout)
            self.assertIn("ersatt i den här exporten; --keep-personal-data behåller det", result.stderr)
            self.assertIn("1 dold(a) anteckning(ar) utelämnade; --include-hidden tar med dem", result.stderr)
        asked = self.ws.cli("export", self.c, "--keep-personal-data", "--include-hidden")
        self.assertIn("070-123 45 67", asked.stdout)
        self.assertIn(hidden, asked.stdout)
        # The meeting's internal summary keeps both, as before.
        summary = self.ws.cli("export", self.meeting).stdout
        self.assertIn("070-123 45 67", summary)
        self.assertIn(hidden, summary)

    def test_the_promise_is_one_a4_page_when_its_content_fits(self):
        # The golden promise of the unit tests: a whole promise with its
        # picture, focus areas, meetings, commitments and two signatories.
        golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "SamtalCoreTests", "Golden", "promise.html")
        pdf = self.path("promise.pdf")
        subprocess.run(["weasyprint", golden, pdf], check=True, capture_output=True)
        info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
        self.assertRegex(info, r"Pages:\s+1\n")
        self.assertIn("595.276 x 841.89 pts (A4)", info)

    def test_a_tables_total_is_printed_once_at_its_end(self):
        # The twenty-second session's walk: a summary's time table broken
        # over two pages printed its "Totalt" row at the foot of the first
        # page as well (the PDF renderer repeats a table's footer on every
        # page), where it read as the total of the steps above it. The
        # golden summary, with room taken before its time table so that
        # the page breaks inside it (190-214 mm on this renderer and its
        # fonts; before the fix each of these printed a third "Totalt").
        golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "SamtalCoreTests", "Golden", "summary.html")
        with open(golden, encoding="utf-8") as f:
            html = f.read()
        at = html.index("<table>\n")
        for mm in range(190, 215, 6):
            page = self.path(f"spaced-{mm}.html")
            with open(page, "w", encoding="utf-8") as f:
                f.write(html[:at] + f'<div style="height:{mm}mm"></div>' + html[at:])
            pdf = self.path(f"spaced-{mm}.pdf")
            subprocess.run(["weasyprint", page, pdf], check=True, capture_output=True)
            text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
            pages = text.split("\f")
            self.assertGreater(len([p for p in pages if p.strip()]), 1, mm)
            # A total row per table, no more.
            self.assertEqual(len(re.findall(r"(?m)^\s*Totalt\s", text)), html.count("<tfoot>"), f"{mm} mm: {text}")

    def test_a_promise_over_two_pages_signs_under_its_closing_sections(self):
        # The twenty-second session's walk: a promise one page too long put
        # "Giltighet" and the signatures alone on its second page, under
        # no commitment. From "Så kan du följa arbetet" on, it is kept on
        # one page. The golden promise, pushed down by 80-120 mm (where,
        # before, the page broke inside those sections).
        golden = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "SamtalCoreTests", "Golden", "promise.html")
        with open(golden, encoding="utf-8") as f:
            html = f.read()
        at = html.index("<h2>")
        for mm in (80, 100, 120):
            page = self.path(f"promise-{mm}.html")
            with open(page, "w", encoding="utf-8") as f:
                f.write(html[:at] + f'<div style="height:{mm}mm"></div>' + html[at:])
            pdf = self.path(f"promise-{mm}.pdf")
            subprocess.run(["weasyprint", page, pdf], check=True, capture_output=True)
            pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout.split("\f")
            signed = [p for p in pages if "Underskrift" in p]
            self.assertEqual(len(signed), 1, mm)
            self.assertIn("Så kan du följa arbetet", signed[0], f"{mm} mm")
            self.assertIn("Giltighet", signed[0], f"{mm} mm")

    def test_pdf_through_weasyprint(self):
        for target, document in [(self.meeting, "summary"), (self.c, "promise"), (self.c, "situation")]:
            out = self.path(f"{document}.pdf")
            self.ws.cli("export", target, "--document", document, "--format", "pdf", "--output", out)
            with open(out, "rb") as f:
                data = f.read()
            self.assertTrue(data.startswith(b"%PDF"), f"{document}: {data[:20]!r}")
            self.assertGreater(len(data), 5000)

    def test_docx_through_pandoc_keeps_every_text(self):
        out = self.path("summary.docx")
        self.ws.cli("export", self.meeting, "--format", "docx", "--output", out)
        with zipfile.ZipFile(out) as z:
            self.assertIn("word/document.xml", z.namelist())
            root = ET.fromstring(z.read("word/document.xml"))
        text = "".join(t.text or "" for t in root.iter() if t.tag.endswith("}t"))
        self.assertIn(HOSTILE, text)
        self.assertIn("Mötessammanfattning", text)
        out = self.path("promise.docx")
        self.ws.cli("export", self.c, "--document", "promise", "--format", "docx", "--output", out)
        self.assertTrue(zipfile.is_zipfile(out))

    def test_a_missing_converter_names_the_package(self):
        env = {"PATH": "/nonexistent"}
        for fmt, package in [("pdf", "weasyprint"), ("docx", "pandoc")]:
            result = subprocess.run([BINARY, "export", self.meeting, "--format", fmt, "--output", self.path(f"x.{fmt}")],
                                    env=dict(self.ws.env, **env), capture_output=True, text=True, timeout=60)
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertIn(f"apt-get install {package}", result.stderr)
            self.assertFalse(os.path.exists(self.path(f"x.{fmt}")))

    def test_csv_one_file_per_record_type(self):
        folder = self.path("csv")
        self.ws.cli("export", self.c, "--format", "csv", "--output", folder)
        names = sorted(os.listdir(folder))
        self.assertEqual(len(names), 22, names)
        self.assertIn("rating_contributions.csv", names)
        self.assertIn("notes.csv", names)
        # As Excel with Swedish settings reads it: a BOM, ';' between fields.
        with open(os.path.join(folder, "notes.csv"), "rb") as f:
            self.assertTrue(f.read().startswith(b"\xef\xbb\xbfid;meeting_id;"))
        rows = self.read_csv(os.path.join(folder, "notes.csv"))
        self.assertEqual(sorted(r["text"] for r in rows), sorted([HOSTILE, PHONE, ODD]))
        self.assertEqual({r["source"] for r in rows}, {"employee"})
        meetings = self.read_csv(os.path.join(folder, "meetings.csv"))
        self.assertEqual([(m["id"], m["title"], m["place"]) for m in meetings], [(self.meeting, "VAD-dialog", "Polishuset")])

    @staticmethod
    def read_csv(path, delimiter=";"):
        with open(path, newline="", encoding="utf-8-sig") as f:
            return list(csv.DictReader(f, dialect="excel", delimiter=delimiter))

    def test_csv_neutralises_formulas_and_control_characters(self):
        formulas = {'=HYPERLINK("http://x","klick")': '\'=HYPERLINK("http://x","klick")',
                    "@SUM(1)": "'@SUM(1)", "+1+1": "'+1+1", "-2+3": "'-2+3", "\t=1+1": "'\t=1+1",
                    "Larm\x1b]52;c;aGk=\x07 slut": "Larm\ufffd]52;c;aGk=\ufffd slut"}
        for text in formulas:
            self.ws.cli("note", "add", self.meeting, "--step", "lokal-lagesbild", f"--text={text}")
        for dialect, delimiter in [("excel", ";"), ("rfc4180", ",")]:
            folder = self.path(f"csv-{dialect}")
            self.ws.cli("export", self.meeting, "--format", "csv", "--output", folder, "--csv-dialect", dialect)
            texts = [r["text"] for r in self.read_csv(os.path.join(folder, "notes.csv"), delimiter)]
            for cell in formulas.values():
                self.assertIn(cell, texts, dialect)
            self.assertIn(HOSTILE, texts)
            with open(os.path.join(folder, "notes.csv"), "rb") as f:
                data = f.read()
            self.assertEqual(data.startswith(b"\xef\xbb\xbf"), dialect == "excel")
            self.assertNotIn(b"\x1b", data)
            self.assertNotIn(b"\x07", data)
            # No cell of any file starts a formula.
            for name in os.listdir(folder):
                for row in self.read_csv(os.path.join(folder, name), delimiter):
                    for value in row.values():
                        self.assertFalse(value[:1] in ("=", "+", "@", "\t", "\r") or value.startswith("-") and not value[1:].isdigit(),
                                         f"{name}: {value!r}")

    def test_json_every_record_type(self):
        data = json.loads(self.ws.cli("export", self.c, "--format", "json").stdout)
        self.assertEqual(data["format"], "samtal.records.v1")
        self.assertEqual(data["scope"], "cycle")
        self.assertIn(HOSTILE, [n["text"] for n in data["notes"]])
        self.assertEqual(len(data["steps"]), 6)
        meeting = json.loads(self.ws.cli("export", self.meeting, "--format", "json").stdout)
        self.assertEqual(meeting["scope"], "meeting")
        self.assertEqual(meeting["goals"], [])

    def test_wrong_target_or_document_is_a_clear_error(self):
        cases = [
            (["export", self.meeting, "--document", "promise"], "handlar om en cykel", "is about a cycle"),
            (["export", self.c, "--document", "summary"], "handlar om ett möte", "is about one meeting"),
            (["export", "x7"], "inte ett id", "not an id"),
            (["export", self.c, "--format", "csv"], "ge --output MAPP", "give --output DIR"),
            (["export", self.c, "--format", "json", "--document", "plan"], "skriver posterna, inte ett dokument",
             "writes the records, not a document"),
            (["export", "c999"], "ingen cykel med id c999", "no cycle with id c999"),
            (["export", "999"], "inget möte med id 999", "no meeting with id 999"),
        ]
        # Swedish by default, English with --lang en or SAMTAL_LANG=en.
        for args, swedish, english in cases:
            result = self.ws.cli(*args, check=False)
            self.assertNotEqual(result.returncode, 0, args)
            self.assertIn(swedish, result.stderr, args)
            self.assertIn(english, self.ws.cli(*args, "--lang", "en", check=False).stderr, args)
            result = subprocess.run([BINARY, *args], env=dict(os.environ, **self.ws.env, SAMTAL_LANG="en"),
                                    capture_output=True, text=True, timeout=60)
            self.assertIn(english, result.stderr, args)


if __name__ == "__main__":
    unittest.main()
