"""End-to-end: nothing samtal writes may destroy the store or a user's file.

An export never writes over the store, its WAL or a backup (not even with
--force); it never writes over an existing file unless asked (--force on the
command line, a question in the dialog), and a replaced file keeps its mode.
CSV exports do not overwrite the files already in the folder. Eight
processes opening a new store at the same moment all succeed. A read-only
store, an export into a missing folder: a message that says what to do, in
the interface's language, never a raw system error."""

import os
import sqlite3
import stat
import subprocess
import unittest

from tmux_harness import BINARY, E2ETestCase

SQLITE_HEADER = b"SQLite format 3\x00"


class FilesSafeTests(E2ETestCase):
    def setUp(self):
        super().setUp()
        self.meeting = self.ws.new_meeting()
        self.ws.cli("note", "add", self.meeting, "--step", "lokal-lagesbild", "--text", "Klotter vid Storgatan – åäö")

    def path(self, name):
        return os.path.join(self.ws.dir, name)

    def notes(self):
        return self.ws.sqlite("SELECT count(*) FROM note")[0][0]

    def assert_store_intact(self):
        with open(self.ws.store, "rb") as f:
            self.assertEqual(f.read(16), SQLITE_HEADER)
        self.assertEqual(self.notes(), 1)
        self.ws.cli("meeting", "list")

    def test_an_export_never_writes_over_the_store_its_wal_or_a_backup(self):
        backup = self.ws.cli("backup").stdout.strip()
        targets = [self.ws.store, self.ws.store + "-wal", self.ws.store + "-shm", backup,
                   # the same store through another spelling of its path
                   os.path.join(os.path.dirname(self.ws.store), ".", os.path.basename(self.ws.store))]
        for target in targets:
            for force in ([], ["--force"]):
                result = self.ws.cli("export", self.meeting, "--format", "md", "--output", target, *force, check=False)
                self.assertEqual(result.returncode, 1, f"{target} {force}: {result.stdout}{result.stderr}")
                self.assertIn("samtals lager", result.stderr, target)
                self.assertNotIn("Error Domain", result.stderr)
                self.assert_store_intact()
        with open(backup, "rb") as f:
            self.assertEqual(f.read(16), SQLITE_HEADER)
        # A CSV folder that is the store's own folder would put files beside
        # it: allowed, but never over the store itself.
        english = self.ws.cli("export", self.meeting, "--output", self.ws.store, "--lang", "en", check=False)
        self.assertIn("store", english.stderr)

    def test_a_file_where_a_folder_is_needed_is_said_for_the_format_asked(self):
        # An HTML file into x.py/ was told to "give a folder for the CSV
        # files" (a walk found it).
        not_a_folder = os.path.join(self.ws.dir, "w.py")
        with open(not_a_folder, "w") as f:
            f.write("print()\n")
        for fmt, lang, words in [("html", "sv", "är en fil, inte en mapp"), ("md", "en", "is a file, not a folder"),
                                 ("csv", "sv", "är en fil, inte en mapp")]:
            target = not_a_folder if fmt == "csv" else os.path.join(not_a_folder, "x." + fmt)
            result = self.ws.cli("export", self.meeting, "--format", fmt, "--output", target, "--lang", lang, check=False)
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertIn(words, result.stderr)
            self.assertNotIn("CSV", result.stderr, fmt)

    def test_a_backup_never_writes_over_a_file_and_says_so_in_the_interfaces_language(self):
        existing = self.path("kopia.sqlite")
        with open(existing, "w") as f:
            f.write("min egen fil")
        for lang, words in [("sv", ["finns redan", "kopia.sqlite"]), ("en", ["already exists", "kopia.sqlite"])]:
            result = self.ws.cli("backup", "--output", existing, "--lang", lang, check=False)
            self.assertEqual(result.returncode, 1, result.stderr)
            for word in words:
                self.assertIn(word, result.stderr, lang)
            self.assertNotIn("cannot create", result.stderr if lang == "sv" else "")
            with open(existing) as f:
                self.assertEqual(f.read(), "min egen fil")
        self.assert_store_intact()

    def test_internal_documents_are_written_0600_public_ones_as_usual(self):
        cycle = self.ws.sqlite(f"SELECT cycle_id FROM meeting WHERE id = {self.meeting}")[0][0]
        old = os.umask(0o022)
        try:
            cases = [([self.meeting], "summary.md", 0o600), ([f"c{cycle}"], "situation.html", 0o600),
                     ([self.meeting, "--format", "json"], "records.json", 0o600),
                     ([self.meeting, "--document", "feedback"], "feedback.md", 0o644),
                     ([f"c{cycle}", "--document", "promise"], "promise.md", 0o644)]
            self.ws.cli("review", self.meeting, "--publish-rest")
            for args, name, mode in cases:
                target = self.path(name)
                fmt = [] if "--format" in args else ["--format", name.rsplit(".", 1)[1]]
                self.ws.cli("export", *args, *fmt, "--output", target)
                self.assertEqual(stat.S_IMODE(os.stat(target).st_mode), mode, name)
            folder = self.path("csv")
            self.ws.cli("export", self.meeting, "--format", "csv", "--output", folder)
            for name in os.listdir(folder):
                self.assertEqual(stat.S_IMODE(os.stat(os.path.join(folder, name)).st_mode), 0o600, name)
        finally:
            os.umask(old)

    def test_an_existing_file_is_kept_unless_forced_and_keeps_its_mode(self):
        mine = self.path("mitt.md")
        with open(mine, "w", encoding="utf-8") as f:
            f.write("Mitt eget dokument\n")
        os.chmod(mine, 0o600)
        result = self.ws.cli("export", self.meeting, "--output", mine, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("finns redan", result.stderr)
        self.assertIn("--force", result.stderr)
        with open(mine, encoding="utf-8") as f:
            self.assertEqual(f.read(), "Mitt eget dokument\n")
        self.ws.cli("export", self.meeting, "--output", mine, "--force")
        with open(mine, encoding="utf-8") as f:
            self.assertIn("Klotter vid Storgatan – åäö", f.read())
        self.assertEqual(stat.S_IMODE(os.stat(mine).st_mode), 0o600)
        # No temporary file is left beside it.
        self.assertEqual(sorted(n for n in os.listdir(self.ws.dir) if n.startswith("mitt") or n.startswith(".mitt")),
                         ["mitt.md"])

    def test_csv_does_not_overwrite_the_files_in_the_folder(self):
        folder = self.path("poster")
        os.mkdir(folder)
        with open(os.path.join(folder, "notes.csv"), "w") as f:
            f.write("mina egna rader\n")
        result = self.ws.cli("export", self.meeting, "--format", "csv", "--output", folder, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("notes.csv", result.stderr)
        self.assertEqual(os.listdir(folder), ["notes.csv"])  # nothing written when one file is in the way
        with open(os.path.join(folder, "notes.csv")) as f:
            self.assertEqual(f.read(), "mina egna rader\n")
        self.ws.cli("export", self.meeting, "--format", "csv", "--output", folder, "--force")
        with open(os.path.join(folder, "notes.csv"), encoding="utf-8") as f:
            self.assertIn("Klotter vid Storgatan", f.read())

    def test_an_export_into_a_missing_folder_says_so(self):
        target = self.path("finns-inte/sammanfattning.md")
        result = self.ws.cli("export", self.meeting, "--output", target, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("Mappen", result.stderr)
        self.assertIn(os.path.dirname(target), result.stderr)
        self.assertNotIn("Error Domain", result.stderr)
        self.assertNotIn("NSCocoa", result.stderr)

    def test_eight_processes_open_a_new_store_at_the_same_moment(self):
        env = dict(os.environ, **self.ws.env)
        failures = []
        for round in range(25):
            store = self.path(f"ny-{round}/samtal.sqlite")
            env["SAMTAL_STORE"] = store
            procs = [subprocess.Popen([BINARY, "cycle", "new", "--area", f"Område {n}", "--period", "2027"], env=env,
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for n in range(8)]
            for p in procs:
                out, err = p.communicate(timeout=60)
                if p.returncode != 0:
                    failures.append(f"round {round}: exit {p.returncode}: {err.strip()}")
            con = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
            self.assertEqual(con.execute("PRAGMA quick_check").fetchall(), [("ok",)])
            self.assertEqual(con.execute("SELECT count(*) FROM cycle").fetchall(), [(8,)])
            con.close()
            self.assertEqual([n for n in os.listdir(os.path.dirname(store)) if "before-migration" in n], [])
        self.assertEqual(failures, [])

    def as_the_build_before(self):
        """The store as the build before this one left it: without
        migration v25 (its index), so that opening it upgrades it."""
        con = sqlite3.connect(self.ws.store)
        con.execute("DROP INDEX note_display")
        con.execute("DELETE FROM grdb_migrations WHERE identifier = 'v25'")
        con.execute("PRAGMA user_version = 0")
        con.commit()
        con.close()

    def copies(self):
        return sorted(n for n in os.listdir(os.path.dirname(self.ws.store)) if "before-migration" in n)

    def test_an_upgraded_store_says_where_the_copy_of_the_old_one_is(self):
        # The copy was made, but nobody was told (found by the twelfth walk).
        self.as_the_build_before()
        result = self.ws.cli("cycle", "list")
        self.assertEqual(len(self.copies()), 1)
        self.assertIn("Lagret uppgraderades", result.stderr)
        self.assertIn(self.copies()[0], result.stderr)
        self.assertEqual(self.notes(), 1)
        # The interface says it on its status line.
        self.as_the_build_before()
        p = self.pane(f"{BINARY}")
        p.wait_for_all(["Lagret uppgraderades", "LPO"])
        self.assertEqual(len(self.copies()), 2)

    def test_a_read_only_store_says_what_to_do_and_recovers_after_chmod(self):
        os.chmod(self.ws.store, 0o400)
        result = self.ws.cli("meeting", "list", check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("skrivskyddat", result.stderr)
        self.assertIn("chmod 600", result.stderr)
        os.chmod(self.ws.store, 0o600)
        folder = os.path.dirname(self.ws.store)
        for name in os.listdir(folder):
            mode = stat.S_IMODE(os.stat(os.path.join(folder, name)).st_mode)
            self.assertTrue(mode & 0o200, f"{name} was left with mode {oct(mode)}")
        self.ws.cli("note", "add", self.meeting, "--step", "lokal-lagesbild", "--text", "Efter chmod")
        self.assertEqual(self.notes(), 2)

    def test_side_files_left_read_only_are_made_writable_again(self):
        self.ws.cli("meeting", "list")
        folder = os.path.dirname(self.ws.store)
        # What an older samtal left behind on a read-only store.
        for suffix in ("-wal", "-shm"):
            side = self.ws.store + suffix
            if not os.path.exists(side):
                open(side, "wb").close()
            os.chmod(side, 0o400)
        self.ws.cli("note", "add", self.meeting, "--step", "lokal-lagesbild", "--text", "Sidofiler")
        self.assertEqual(self.notes(), 2)
        for suffix in ("-wal", "-shm"):
            self.assertEqual(stat.S_IMODE(os.stat(self.ws.store + suffix).st_mode), 0o600)
        self.assertTrue(os.path.isdir(folder))

    def test_the_export_dialog_asks_before_it_writes_over_a_file(self):
        mine = self.path("sammanfattning.html")
        with open(mine, "w", encoding="utf-8") as f:
            f.write("Mitt eget dokument\n")
        os.chmod(mine, 0o600)
        p = self.pane(BINARY, width=100, height=30)
        p.wait_for("VAD-dialog Fagersta")

        def export_to_mine():
            p.key("Down", "x")
            p.wait_for("Exportera · Möte")
            p.key("Tab", "Tab", "Tab")
            p.type(mine)
            p.key("F9")
            p.wait_for("finns redan")

        export_to_mine()
        p.key("n")
        p.wait_for("finns redan", gone=True)
        with open(mine, encoding="utf-8") as f:
            self.assertEqual(f.read(), "Mitt eget dokument\n")
        export_to_mine()
        p.key("j")
        p.wait_for("Exporterat: " + mine)
        with open(mine, encoding="utf-8") as f:
            self.assertIn("Klotter vid Storgatan – åäö", f.read())
        self.assertEqual(stat.S_IMODE(os.stat(mine).st_mode), 0o600)


if __name__ == "__main__":
    unittest.main()
