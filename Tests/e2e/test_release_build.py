"""End-to-end: the release binary as Scripts/build-release links it (issue 15).

Scripts/test runs this file, with the walking skeleton, the terminal, the
no-word-lost and the region's tests, against .build/release/samtal
(SAMTAL_BIN) after the debug build's whole suite: the release binary links
SQLite, ncursesw, tinfo and libstdc++ from their static archives and exports
no symbols, which no debug build exercises. Against a debug binary these
tests are skipped."""

import json
import subprocess
import unittest

from tmux_harness import BINARY, E2ETestCase

RELEASE = "/release/" in BINARY


def needed(binary):
    """The shared libraries the binary names (its DT_NEEDED entries)."""
    out = subprocess.run(["readelf", "-d", binary], capture_output=True, text=True, check=True).stdout
    return [line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line]


@unittest.skipUnless(RELEASE, "SAMTAL_BIN is not a release build (Scripts/test runs this file on one)")
class ReleaseBuildTests(E2ETestCase):
    def test_only_glibc_is_loaded_as_shared_libraries(self):
        libraries = needed(BINARY)
        for linked_in in ["libsqlite3", "libncursesw", "libtinfo", "libstdc++", "libswiftCore", "libFoundation"]:
            self.assertFalse([lib for lib in libraries if lib.startswith(linked_in)], libraries)
        self.assertEqual(sorted(libraries), ["ld-linux-x86-64.so.2", "libc.so.6", "libgcc_s.so.1", "libm.so.6"])

    def test_no_symbols_are_exported(self):
        # Scripts/release-exports.map: a start's dladdr walked 12,413 of them.
        out = subprocess.run(["readelf", "--dyn-syms", "-W", BINARY], capture_output=True, text=True, check=True).stdout
        exported = [line.split()[-1] for line in out.splitlines()
                    if len(line.split()) >= 8 and line.split()[6] != "UND" and line.split()[4] in ("GLOBAL", "WEAK")]
        self.assertLess(len(exported), 50, exported[:50])

    def test_a_note_with_swedish_and_wide_letters_is_kept(self):
        note = "Mopedåkning vid Ågatan på kvällarna, 中文 😀"
        meeting = self.ws.new_meeting()
        p = self.pane(f"{BINARY} run {meeting}")
        p.wait_for("Steg 1/6")
        p.type(note)
        p.key("Enter")
        p.wait_for_all(["Sparad", note], steady=True)
        p.key("F10")
        p.wait_exit()
        notes = json.loads(self.ws.cli("export", meeting, "--format", "json").stdout)["notes"]
        self.assertEqual([n["text"] for n in notes], [note])


if __name__ == "__main__":
    unittest.main()
