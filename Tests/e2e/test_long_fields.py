"""End-to-end: a long field of the workspace is edited over several lines
(issue 14): Enter starts a new line, ↑ goes back up, Tab goes on, and the
list typed is a list in the exported promise, after a restart too."""

import unittest

from tmux_harness import BINARY, E2ETestCase


class LongFieldTests(E2ETestCase):
    def test_the_promise_commitments_are_typed_as_a_list_and_exported_as_one(self):
        cycle = self.ws.cli("cycle", "new", "--area", "Ludvika", "--period", "2021").stdout.strip()
        p = self.pane(f"{BINARY} cycle {cycle}", width=120, height=30)
        p.wait_for("Fokusområden (0)")
        p.key("Tab", "Tab", "Tab", "Tab")
        p.wait_for("– tomt –")
        p.key("Enter")
        p.wait_for("Rubrik (tomt: områdets namn)")
        for _ in range(7):
            p.key("Tab")
        p.type("- Polisen startar fler grannsamverkansområden efter önskemål")
        p.key("Enter")
        p.type("- Citygruppen nattvandrar under riskhelger")
        p.key("Up", "End")
        p.type(" i Ludvika")
        p.wait_for_all(["- Polisen startar fler grannsamverkansområden efter önskemål i Ludvika",
                        "- Citygruppen nattvandrar under riskhelger"])
        p.key("F9")
        p.wait_for("Sparat")
        p.key("F10")
        p.wait_exit()

        md = self.ws.cli("export", cycle, "--document", "promise").stdout
        self.assertIn("- Polisen startar fler grannsamverkansområden efter önskemål i Ludvika\n"
                      "- Citygruppen nattvandrar under riskhelger\n", md)
        html = self.ws.cli("export", cycle, "--document", "promise", "--format", "html").stdout
        self.assertIn("<li>Citygruppen nattvandrar under riskhelger</li>", html)

        # After a restart the field opens with its lines.
        q = self.pane(f"{BINARY} cycle {cycle}", width=120, height=30)
        q.wait_for("Fokusområden (0)")
        q.key("Tab", "Tab", "Tab", "Tab")
        q.wait_for("Polisen startar fler grannsamverkansområden")
        q.key("Enter")
        for _ in range(7):
            q.key("Tab")
        q.wait_for_all(["- Citygruppen nattvandrar under riskhelger",
                        "- Polisen startar fler grannsamverkansområden efter önskemål i Ludvika"])
        q.key("Escape")
        q.key("F10")
        q.wait_exit()


if __name__ == "__main__":
    unittest.main()
