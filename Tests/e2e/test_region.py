"""End-to-end: `samtal publish` and `samtal region` on the command line
against a real PostgreSQL (issue 17).

Needs the throwaway server of Scripts/pg-throwaway (SAMTAL_TEST_PG_URL);
skipped without it, except under Scripts/test (SAMTAL_REGION_TESTS=required),
where its absence fails. The Swift tests (Tests/SamtalRegionTests) check
the figures, row-level security and kill -9; this checks the commands:
their output, exit codes and what a store of notes sends."""

import csv as csv_module
import os
import subprocess
import unittest
import uuid

from tmux_harness import BINARY, E2ETestCase

URL = os.environ.get("SAMTAL_TEST_PG_URL")
HOST = os.environ.get("SAMTAL_TEST_PG_HOST")
PORT = os.environ.get("SAMTAL_TEST_PG_PORT", "5432")
USER = os.environ.get("SAMTAL_TEST_PG_USER")
REQUIRED = os.environ.get("SAMTAL_REGION_TESTS") == "required"
USAGE = 64
FAILED = 1


class RegionServerPresent(unittest.TestCase):
    def test_the_server_is_there_when_required(self):
        if REQUIRED:
            self.assertIsNotNone(URL, "SAMTAL_REGION_TESTS=required but no server: run through Scripts/pg-throwaway")


@unittest.skipUnless(URL, "no PostgreSQL: run through Scripts/pg-throwaway (Scripts/test does)")
class RegionCommandsTests(E2ETestCase):
    def setUp(self):
        super().setUp()
        self.db = "e" + uuid.uuid4().hex[:12]
        subprocess.run(["psql", URL, "-qc", f"CREATE DATABASE {self.db}"], check=True, capture_output=True)
        self.admin = f"postgresql:///{self.db}?host={HOST}&port={PORT}&user={USER}"
        self.fagersta, self.sala, self.lan = (f"{self.db}_{n}" for n in ("fagersta", "sala", "lan"))
        out = self.ws.cli("region", "setup", "--admin-url", self.admin, "--municipality", self.fagersta,
                          "--municipality", self.sala, "--county", self.lan).stdout
        self.assertIn("regionens schema är version 2, tillämpade 1, 2", out)
        self.cycle = self.ws.cli("cycle", "new", "--area", "LPO Fagersta", "--period", "2027").stdout.strip()
        self.meeting = self.ws.cli("meeting", "new", "--cycle", self.cycle, "--agenda", "medarbetardialog-vad",
                                   "--title", "VAD-dialog", "--date", "2027-01-28").stdout.strip()
        self.ws.cli("note", "add", self.meeting, "--step", "lokal-lagesbild", "--text",
                    "Buskörning på Storgatan, Lasse Nilsson 070-123 45 67")

    def url(self, role):
        return f"postgresql:///{self.db}?host={HOST}&port={PORT}&user={role}"

    def test_setup_twice_changes_nothing(self):
        out = self.ws.cli("region", "setup", "--admin-url", self.admin, "--municipality", self.fagersta).stdout
        self.assertEqual(out.strip(), "regionens schema är version 2, redan aktuellt")

    def test_publish_dry_run_then_publish_then_nothing_changed(self):
        r = self.ws.cli("publish", "--dry-run", check=False)
        self.assertEqual(r.returncode, FAILED)
        self.assertIn("--municipality NAMN", r.stderr)
        dry = self.ws.cli("publish", "--dry-run", "--municipality", "Fagersta").stdout
        self.assertIn("· Fagersta", dry)
        self.assertIn("quality_answers (15)", dry)
        # In words first: what is sent, and what stays in the store.
        self.assertIn("skickas: 1 cykel, ", dry)
        self.assertIn("15 svar i kvalitetsgranskningen", dry)
        self.assertIn("stannar i lagret: anteckningar", dry)
        self.assertNotIn("Buskörning", dry)
        self.assertNotIn("Lasse", dry)
        out = self.ws.cli("publish", "--municipality", "Fagersta", "--to", self.url(self.fagersta)).stdout
        self.assertIn("publicerade 16 rader för Fagersta", out)
        self.assertIn(": ändrade cycles 1, quality_answers 15", out)
        again = self.ws.cli("publish", "--to", self.url(self.fagersta))
        self.assertIn(": inget ändrades", again.stdout)
        # The address is remembered: a bare publish goes to the same region.
        self.assertNotIn("sparad i lagret", again.stderr)
        self.assertIn(": inget ändrades", self.ws.cli("publish").stdout)
        self.assertEqual(self.ws.cli("publish", "--verify", "--to", self.url(self.fagersta)).returncode, 0)
        # What differs is said, per table (a county's walk got only "differs").
        self.ws.cli("cycle", "new", "--area", "LPO Fagersta norr", "--period", "2028")
        r = self.ws.cli("publish", "--verify", "--to", self.url(self.fagersta), check=False)
        self.assertEqual(r.returncode, FAILED)
        self.assertIn("cycles: 1 ny", r.stderr)
        self.assertIn("quality_answers: 15 nya", r.stderr)
        self.ws.cli("publish", "--to", self.url(self.fagersta))
        held = subprocess.run(["psql", self.admin, "-Atc",
                               "SELECT string_agg(t::text, ' ') FROM (SELECT c::text AS t FROM samtal_region.cycles c "
                               "UNION ALL SELECT q::text FROM samtal_region.quality_answers q) x"],
                              check=True, capture_output=True, text=True).stdout
        self.assertIn("LPO Fagersta", held)
        self.assertNotIn("Buskörning", held)

    def test_a_store_another_role_claimed_is_refused_as_such_and_keeps_its_name(self):
        # A county's second walk: a municipality's role was told it was not
        # one, and the refused name was saved in the store.
        self.ws.cli("publish", "--municipality", "Fagersta", "--to", self.url(self.fagersta))
        r = self.ws.cli("publish", "--municipality", "Sala", "--to", self.url(self.sala), check=False)
        self.assertEqual(r.returncode, FAILED)
        self.assertIn("en annan kommuns roll publicerade det först", r.stderr)
        self.assertNotIn("den är inte en kommuns roll", r.stderr)
        self.assertEqual(self.ws.sqlite("SELECT municipality FROM store_identity"), [("Fagersta",)])
        # Nor is a name saved when the server cannot be reached.
        r = self.ws.cli("publish", "--municipality", "Krokom", "--to",
                        f"postgresql:///{self.db}?host={HOST}&port=1&user={self.fagersta}", check=False)
        self.assertEqual(r.returncode, FAILED)
        self.assertEqual(self.ws.sqlite("SELECT municipality FROM store_identity"), [("Fagersta",)])

    def test_publish_over_tcp_says_when_it_was_not_encrypted(self):
        subprocess.run(["psql", self.admin, "-qc", f"ALTER ROLE {self.fagersta} PASSWORD 'tunnel-2027'"], check=True)
        tcp = f"postgresql://{self.fagersta}:tunnel-2027@127.0.0.1:{PORT}/{self.db}"
        first = self.ws.cli("publish", "--municipality", "Fagersta", "--to", tcp + "?sslmode=disable")
        self.assertIn("(utan TLS)", first.stdout)
        # A bare publish then goes to the remembered address, which has no
        # password: samtal says where to give it.
        r = self.ws.cli("publish", check=False)
        self.assertEqual(r.returncode, FAILED)
        self.assertIn("vill ha ett lösenord: samtal sparar inga lösenord, så ge det i ~/.pgpass, i PGPASSWORD", r.stderr)
        # The address is remembered, never the password.
        self.assertIn("sparad i lagret (utan lösenord)", first.stderr)
        self.assertNotIn("tunnel-2027", first.stderr)
        for suffix in ["", "-wal"]:
            if os.path.exists(self.ws.store + suffix):
                with open(self.ws.store + suffix, "rb") as f:
                    self.assertNotIn(b"tunnel-2027", f.read())
        out = self.ws.cli("publish", "--to", tcp).stdout
        self.assertIn(": inget ändrades", out)
        self.assertNotIn("utan TLS", out)

    def test_wrong_command_lines_and_refusals(self):
        r = self.ws.cli("publish", "--municipality", "Fagersta", check=False)
        self.assertEqual(r.returncode, USAGE)
        self.assertIn("--to postgres://", r.stderr)
        r = self.ws.cli("region", "report", "--from", self.url(self.lan), "--period", "mars", check=False)
        self.assertEqual(r.returncode, USAGE)
        r = self.ws.cli("region", "setup", "--admin-url", self.admin, "--municipality", "Fagersta", check=False)
        self.assertEqual(r.returncode, USAGE)
        # The county's role publishes nothing; a role the region does not know is refused.
        r = self.ws.cli("publish", "--municipality", "Fagersta", "--to", self.url(self.lan), check=False)
        self.assertEqual(r.returncode, FAILED)
        self.assertIn("den är inte en kommuns roll", r.stderr)
        r = self.ws.cli("publish", "--municipality", "Fagersta", "--to",
                        f"postgresql:///nowhere?host={HOST}&port={PORT}&user={self.fagersta}", check=False)
        self.assertEqual(r.returncode, FAILED)
        self.assertIn("kan inte ansluta till regionens server", r.stderr)
        # Another role publishing a store already claimed: refused.
        self.ws.cli("publish", "--municipality", "Fagersta", "--to", self.url(self.fagersta))
        r = self.ws.cli("publish", "--to", self.url(self.sala), check=False)
        self.assertEqual(r.returncode, FAILED)
        self.assertIn("en annan kommuns roll publicerade det först", r.stderr)

    def test_swedish_by_default_english_with_lang_en(self):
        # A wrong command line.
        r = self.ws.cli("publish", "--municipality", "Fagersta", check=False)
        self.assertEqual(r.returncode, USAGE)
        self.assertIn("ge regionens server med --to postgres://… (eller sätt SAMTAL_REGION_URL)", r.stderr)
        r = self.ws.cli("publish", "--municipality", "Fagersta", "--lang", "en", check=False)
        self.assertEqual(r.returncode, USAGE)
        self.assertIn("give the region's server with --to postgres://… (or set SAMTAL_REGION_URL)", r.stderr)
        r = self.ws.cli("region", "report", "--from", self.url(self.lan), "--period", "mars", "--lang", "en", check=False)
        self.assertIn("--period must be a month written YYYY-MM, not 'mars'", r.stderr)
        r = self.ws.cli("region", "report", "--from", self.url(self.lan), "--period", "mars", check=False)
        self.assertIn("--period måste vara en månad skriven ÅÅÅÅ-MM, inte 'mars'", r.stderr)
        # The publish summary, and --verify's answer.
        out = self.ws.cli("publish", "--municipality", "Fagersta", "--to", self.url(self.fagersta), "--lang", "en").stdout
        self.assertIn("published 16 rows of Fagersta", out)
        self.assertIn(": changed cycles 1, quality_answers 15", out)
        self.assertIn(": nothing changed", self.ws.cli("publish", "--to", self.url(self.fagersta), "--lang", "en").stdout)
        self.assertIn("regionen har precis det som det här lagret publicerar (16 rader)",
                      self.ws.cli("publish", "--verify", "--to", self.url(self.fagersta)).stdout)
        self.assertIn("the region holds exactly what this store publishes (16 rows)",
                      self.ws.cli("publish", "--verify", "--to", self.url(self.fagersta), "--lang", "en").stdout)
        self.assertTrue(self.ws.cli("publish", "--dry-run", "--lang", "en").stdout.startswith("store "))
        self.assertTrue(self.ws.cli("publish", "--dry-run").stdout.startswith("lager "))
        # A connection failure: samtal's words in the language, the server's
        # after them, the password never shown.
        nowhere = f"postgresql://{self.fagersta}:hemligt-2027@127.0.0.1:{PORT}/nowhere"
        r = self.ws.cli("publish", "--to", nowhere, check=False)
        self.assertEqual(r.returncode, FAILED)
        self.assertIn("samtal: kan inte ansluta till regionens server postgresql://", r.stderr)
        self.assertIn(":***@127.0.0.1", r.stderr)
        self.assertNotIn("hemligt", r.stderr)
        r = self.ws.cli("publish", "--to", nowhere, "--lang", "en", check=False)
        self.assertIn("samtal: cannot connect to the regional server postgresql://", r.stderr)
        self.assertNotIn("hemligt", r.stderr)
        # The server's refusal, the same way.
        r = self.ws.cli("publish", "--to", self.url(self.lan), "--lang", "en", check=False)
        self.assertIn("the region refuses the role", r.stderr)
        # Setup speaks it too.
        out = self.ws.cli("region", "setup", "--admin-url", self.admin, "--lang", "en").stdout
        self.assertEqual(out.strip(), "region schema version 2, up to date")

    def test_the_county_reports_every_municipality(self):
        self.ws.cli("publish", "--municipality", "Fagersta", "--to", self.url(self.fagersta))
        md = self.ws.cli("region", "report", "--from", self.url(self.lan), "--period", "2027-03").stdout
        self.assertTrue(md.startswith("# Länets bild 2027-03"), md[:80])
        self.assertIn("| Nr | Fråga | Fagersta |", md)
        csv = self.ws.cli("region", "report", "--from", self.url(self.lan), "--period", "2027-03", "--format", "csv",
                          "--lang", "en", "--csv-dialect", "rfc4180").stdout
        self.assertEqual(len([l for l in csv.splitlines() if l.startswith("quality,Fagersta,")]), 15)
        # By default as Swedish Excel opens it: a byte order mark and ';'.
        out = os.path.join(self.ws.dir, "lan.csv")
        self.ws.cli("region", "report", "--from", self.url(self.lan), "--period", "2027-03", "--format", "csv", "--output", out)
        with open(out, encoding="utf-8-sig", newline="") as f:
            rows = list(csv_module.reader(f, delimiter=";"))
        self.assertEqual(len([r for r in rows if r[:2] == ["kvalitetsgranskning", "Fagersta"]]), 15, rows[:3])
        # A municipality's own role sees itself only.
        own = self.ws.cli("region", "report", "--from", self.url(self.sala), "--period", "2027-03").stdout
        self.assertNotIn("Fagersta", own)

    def test_the_live_view_shows_a_publish_as_it_happens(self):
        p = self.pane(f"{BINARY} region --from '{self.url(self.lan)}' --period 2027-03")
        p.wait_for("Länets bild 2027-03 · 0 kommuner")
        p.wait_for("F5 Läs om  F10 Avsluta")
        # A municipality publishes: the view redraws by itself (NOTIFY).
        self.ws.cli("publish", "--municipality", "Fagersta", "--to", self.url(self.fagersta))
        p.wait_for("Länets bild 2027-03 · 1 kommun")
        p.wait_for("Fagersta")
        p.wait_for("Förs inte i")
        # ← goes a month back.
        p.key("Left")
        p.wait_for("Länets bild 2027-02")
        # F1: the help, read from the keymap; q closes it, q again quits.
        p.key("F1")
        p.wait_for("Hjälp – tangenter")
        p.wait_for("Läs regionen igen nu")
        p.type("q")
        p.wait_for("F5 Läs om  F10 Avsluta")
        p.type("q")
        p.wait_exit()

    def test_the_live_view_says_a_dropped_connection_and_reads_again(self):
        p = self.pane(f"{BINARY} region --from '{self.url(self.lan)}' --period 2027-03")
        p.wait_for("Länets bild 2027-03 · 0 kommuner")
        subprocess.run(["psql", self.admin, "-qc", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        f"WHERE usename = '{self.lan}'"], check=True, capture_output=True)
        p.wait_for("förbindelsen med regionens server bröts")
        p.wait_for("försöker igen om en stund")
        # Connected again, it reads the region again by itself.
        self.ws.cli("publish", "--municipality", "Fagersta", "--to", self.url(self.fagersta))
        p.wait_for("Länets bild 2027-03 · 1 kommun")
        p.type("q")
        p.wait_exit()
