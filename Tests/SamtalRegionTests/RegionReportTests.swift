// The county's report from rows as the region holds them: no server needed.

import SamtalCore
import SamtalRegion
import SamtalRender
import Testing

@Suite("The region's report")
struct RegionReportTests {
    func cycle(_ id: String, period: String, first: String?, last: String?, retired: Bool = false) -> RegionRow {
        RegionRow(.cycles, id, ["LPO Sala", period, first, last, retired ? "true" : "false"])
    }

    func rating(_ cycle: String, meeting: Int, date: String, _ value: String?) -> RegionRow {
        RegionRow(.ratings, "m\(meeting)/ordning/0", [cycle, "\(meeting)", date, String(date.prefix(7)), "ordning", "1", "Ordningsstörningar",
                                                      "0", "Ordningsstörningar", "traffic-light", value, nil, nil, nil])
    }

    func answer(_ cycle: String, _ n: Int, _ verdict: QualityVerdict, level: QualityLevel? = nil) -> RegionRow {
        RegionRow(.qualityAnswers, "\(cycle)/q\(n)", [cycle, "\(n)", verdict.rawValue, level?.rawValue, "2", nil])
    }

    @Test("an answer with a low level is not coloured as a plain yes")
    func lowIsNotGreen() {
        let p = Publication(storeID: "s", municipality: "Krokom", rows: [
            cycle("c1", period: "2027", first: "2027-01-01", last: "2027-12-31"),
            answer("c1", 5, .yes, level: .low), answer("c1", 9, .yes, level: .high), answer("c1", 10, .yes), answer("c1", 11, .partly, level: .low),
        ])
        let doc = RegionReport([p], period: "2027-03").document(language: .sv)
        let tables = doc.blocks.compactMap { b -> Table? in if case .table(let t) = b { return t } else { return nil } }
        guard let rubric = tables.first(where: { $0.rows.count == 15 }) else { Issue.record("no rubric table"); return }
        #expect(rubric.rows[4][2].signal == .red)
        #expect(rubric.rows[8][2].signal == .green)
        #expect(rubric.rows[9][2].signal == .green)
        #expect(rubric.rows[10][2].signal == .red)
    }

    @Test("the period's latest rating after at most three earlier months; later months and retired cycles left out")
    func trend() {
        let p = Publication(storeID: "s", municipality: "Sala", rows: [
            cycle("c1", period: "2026", first: "2026-01-01", last: "2026-12-31"),
            cycle("c2", period: "2027", first: "2027-01-01", last: "2027-12-31"),
            cycle("c3", period: "gammal", first: nil, last: nil, retired: true),
            rating("c1", meeting: 1, date: "2026-11-02", "green"),
            rating("c1", meeting: 2, date: "2026-12-02", "green"),
            rating("c2", meeting: 3, date: "2027-01-10", "yellow"),
            rating("c2", meeting: 4, date: "2027-02-10", "red"),
            rating("c2", meeting: 5, date: "2027-02-24", "yellow"),
            rating("c2", meeting: 6, date: "2027-03-09", nil),
            rating("c2", meeting: 7, date: "2027-04-09", "green"),
            rating("c3", meeting: 8, date: "2027-02-01", "red"),
            answer("c1", 5, .no), answer("c2", 5, .yes), answer("c3", 5, .partly),
        ])
        let feb = RegionReport([p], period: "2027-02")
        let cell = feb.ratings[0].cells[0]!
        #expect(cell.trend.map(\.period) == ["2026-11", "2026-12", "2027-01", "2027-02"])
        #expect(cell.value == "yellow")
        // The cycle holding the period answers the rubric.
        #expect(feb.municipalities[0].cycle?.localID == "c2")
        #expect(feb.quality[4][0]?.verdict == .yes)
        #expect(feb.quality[0][0] == nil)
        // Not rated in March: the trend ends before it.
        let march = RegionReport([p], period: "2027-03")
        #expect(march.ratings[0].cells[0]?.value == nil)
        #expect(march.ratings[0].cells[0]?.trend.last?.period == "2027-02")
        let md = MarkdownRenderer.render(march.document(language: .sv))
        #expect(md.contains("→ –"))
        // Before anything was rated: no cell; the 2026 cycle answers.
        let early = RegionReport([p], period: "2026-06")
        #expect(early.ratings[0].cells[0] == nil)
        #expect(early.municipalities[0].cycle?.localID == "c1")
        #expect(RegionReport.latestPeriod([p]) == "2027-04")
    }

    @Test("no cycle holds the period: the newest of unknown months is shown, not an older one that has ended")
    func cycleOfUnknownMonths() {
        // A county's walk: the current cycle's period was free text, a
        // newer empty cycle for 2025 was added; November 2026 showed 2025.
        let p = Publication(storeID: "s", municipality: "Östersund", rows: [
            cycle("c1", period: "det nya löftet", first: nil, last: nil),
            cycle("c2", period: "2025", first: "2025-01-01", last: "2025-12-31"),
        ])
        #expect(RegionReport([p], period: "2026-11").municipalities[0].cycle?.localID == "c1")
        #expect(RegionReport([p], period: "2025-03").municipalities[0].cycle?.localID == "c2")
        // Before any cycle began: none (a county's walk saw 2027's for 2024-01).
        let later = Publication(storeID: "t", municipality: "Krokom", rows: [cycle("c1", period: "2027", first: "2027-01-01", last: "2027-12-31")])
        #expect(RegionReport([later], period: "2024-01").municipalities[0].cycle == nil)
    }

    @Test("a password is never remembered nor shown, in any form libpq takes")
    func passwords() {
        // A review: a two-host URL kept its password, ?password= and
        // sslpassword= were printed.
        let urls = ["postgres://kim:hemligt@h1:5432,h2:5432/region", "postgres://kim@h/region?password=hemligt",
                    "postgres://kim@h/region?sslpassword=hemligt&sslmode=require", "host=h user=kim password=hemligt dbname=region",
                    "host=h user=kim password='hemligt' dbname=region", "postgres://kim:hemligt@h/region"]
        for url in urls {
            #expect(PGConnection.withoutPassword(url).map { !$0.contains("hemligt") } ?? true, "\(url)")
            #expect(!PGConnection.redacted(url).contains("hemligt"), "\(PGConnection.redacted(url))")
        }
        #expect(PGConnection.withoutPassword("postgres://kim:hemligt@h/region?sslmode=require") == "postgres://kim@h/region?sslmode=require")
        #expect(PGConnection.withoutPassword("postgresql:///region?host=/tmp/s&user=kim") == "postgresql:///region?host=/tmp/s&user=kim")
        #expect(PGConnection.redacted("postgres://kim:hemligt@h/region") == "postgres://kim:***@h/region")
    }

    @Test("periods are months; CSV quotes what it must")
    func periodsAndCSV() {
        #expect(RegionReport.isPeriod("2027-03") && !RegionReport.isPeriod("2027-13") && !RegionReport.isPeriod("2027-3")
                && !RegionReport.isPeriod("2027"))
        let p = Publication(storeID: "s", municipality: "Sala, \"norra\"", rows: [
            cycle("c1", period: "2027", first: "2027-01-01", last: "2027-12-31"),
            rating("c1", meeting: 1, date: "2027-03-01", "red"),
        ])
        let csv = RegionReport([p], period: "2027-03").csv(language: .sv, dialect: .rfc4180)
        #expect(csv.contains("\r\nlägesrapport,\"Sala, \"\"norra\"\"\",s,,Ordningsstörningar,2027-03,röd,,\r\n"), "\(csv)")
        // Swedish Excel's by default: a byte order mark, ';' between fields.
        let excel = RegionReport([p], period: "2027-03").csv(language: .sv)
        #expect(excel.hasPrefix("\u{FEFF}avsnitt;kommun;"))
        #expect(RegionReport([p], period: "2027-03").csv(language: .en).hasPrefix("\u{FEFF}section;municipality;"))
        #expect(excel.contains("\r\nlägesrapport;\"Sala, \"\"norra\"\"\";s;;Ordningsstörningar;2027-03;röd;;\r\n"), "\(excel)")
    }

    @Test("a county's eight municipalities: at most four side by side in the document, every one in it; two stores of one name counted once and told apart")
    func eightMunicipalitiesInTheDocument() {
        let names = ["Härjedalen", "Krokom", "Östersund", "Strömsund", "Bräcke", "Ragunda", "Berg", "Berg"]
        let ps = names.enumerated().map { i, name in
            Publication(storeID: "s\(i)", municipality: name, rows: [
                RegionRow(.cycles, "c1", ["LPO \(name) \(i)", "2027", "2027-01-01", "2027-12-31", "false"]),
                rating("c1", meeting: 1, date: "2027-03-01", "green"),
                answer("c1", 5, .yes),
            ])
        }
        let report = RegionReport(ps, period: "2027-03")
        let doc = report.document(language: .sv)
        let tables = doc.blocks.compactMap { b -> Table? in if case .table(let t) = b { return t } else { return nil } }
        let rubric = tables.filter { $0.rows.count == 15 }
        #expect(rubric.count == 2)
        #expect(rubric.allSatisfy { $0.columns.count <= 2 + 4 })
        let shown = rubric.flatMap { $0.columns.dropFirst(2).map(\.title) }
        #expect(shown.count == 8 && Set(shown).count == 8, "\(shown)")
        #expect(shown.contains("Berg (LPO Berg 6)") && shown.contains("Berg (LPO Berg 7)"))
        #expect(report.municipalityCount == 7)
        #expect(MarkdownRenderer.render(doc).contains("7 kommuner har publicerat"))
    }

    @Test("eight municipalities at 80 columns: every name and answer stands apart, none runs into the next")
    func eightMunicipalitiesAt80() {
        // A county's walk saw "HärjedalenKrokom" and "Förs inte i samtalFörs inte i samtal".
        let names = ["Härjedalen", "Krokom", "Östersund", "Strömsund", "Bräcke", "Ragunda", "Berg", "Åre"]
        let ps = names.enumerated().map { i, name in
            Publication(storeID: "s\(i)", municipality: name, rows: [
                cycle("c1", period: "2027", first: "2027-01-01", last: "2027-12-31"),
                answer("c1", 1, .notInStore), answer("c1", 5, .yes, level: .low),
            ])
        }
        var state = RegionViewState(report: RegionReport(ps, period: "2027-03"))
        state.loadedAt = "14:52:03"
        let text = (0..<24).map(RegionView.render(state, size: Size(width: 80, height: 24), language: .sv).rowText)
        guard let header = text.first(where: { $0.contains("Härjed") }) else { Issue.record("no header: \(text)"); return }
        let shown = header.split(separator: " ").map(String.init)
        #expect(shown.count == names.count, "\(header)")
        for (name, cell) in zip(names, shown) {
            #expect(name.hasPrefix(cell.hasSuffix("…") ? String(cell.dropLast()) : cell), "\(header)")
        }
        guard let q1 = text.first(where: { $0.hasPrefix("1. ") }) else { Issue.record("no question 1"); return }
        #expect(!q1.contains("samtalFörs") && !q1.contains("…F"), "\(q1)")
        #expect(header.count <= 80 && q1.count <= 80)
    }

    @Test("the live view draws the period's ratings with the month before, the rubric and the activities; ← → change the month")
    func view() {
        let p = Publication(storeID: "s", municipality: "Sala", rows: [
            cycle("c1", period: "2027", first: "2027-01-01", last: "2027-12-31"),
            rating("c1", meeting: 1, date: "2027-02-01", "red"),
            rating("c1", meeting: 2, date: "2027-03-01", "yellow"),
            answer("c1", 5, .yes),
        ])
        var state = RegionViewState(report: RegionReport([p], period: "2027-03"))
        state.loadedAt = "14:52:03"
        let grid = RegionView.render(state, size: Size(width: 80, height: 24), language: .sv)
        let text = (0..<24).map(grid.rowText)
        #expect(text[0].hasPrefix(" Länets bild 2027-03 · 1 kommun") && text[0].hasSuffix("uppdaterad 14:52:03 "))
        #expect(text.contains { $0.hasPrefix("Ordningsstörningar") && $0.contains("gul (före: röd)") }, "\(text)")
        #expect(text.contains { $0.hasPrefix("5. Finns lokal lägesbild?") && $0.contains("Ja") })
        // The key bar is the keymap's `.region` context.
        #expect(text[23].hasPrefix("F1 Hjälp  ←/→ Månad  PgUp/PgDn Bläddra  F5 Läs om  F10 Avsluta"), "\(text[23])")
        #expect(RegionViewState.month("2027-01", plus: -1) == "2026-12" && RegionViewState.month("2027-12", plus: 1) == "2028-01")
        // Scrolled to the end, the last line is the last table's.
        state.offset = RegionView.lineCount(state, size: Size(width: 80, height: 24), language: .sv) - 22
        let end = RegionView.render(state, size: Size(width: 80, height: 24), language: .sv)
        #expect(end.rowText(22).hasPrefix("inställd"))
    }

    func sala() -> Publication {
        Publication(storeID: "s", municipality: "Sala", rows: [
            cycle("c1", period: "2027", first: "2027-01-01", last: "2027-12-31"),
            rating("c1", meeting: 1, date: "2027-02-01", "red"),
            rating("c1", meeting: 2, date: "2027-03-01", "yellow"),
            answer("c1", 5, .yes),
        ])
    }

    @Test("the live view's keys come from the keymap; each changes the state or says what the loop does")
    func viewKeys() {
        let size = Size(width: 80, height: 24)
        func step(_ s: RegionViewState, _ e: RegionViewEvent) -> (RegionViewState, RegionViewEffect) {
            RegionView.update(s, e, size: size, language: .sv)
        }
        var (state, effect) = step(RegionViewState(), .read([sala()], at: "14:52:03", thisMonth: "2027-06"))
        #expect(effect == .none && state.month == "2027-03" && state.report?.period == "2027-03" && state.loadedAt == "14:52:03")
        // ←/→ (and h/l) change the month from what was read, without reading again.
        (state, effect) = step(state, .key(.left))
        #expect(effect == .none && state.month == "2027-02" && state.report?.period == "2027-02")
        (state, effect) = step(state, .key(.char("l")))
        #expect(state.month == "2027-03" && state.report?.period == "2027-03")
        // F5 and r read again; q, F10, Esc and Ctrl-C quit; Ctrl-Z suspends.
        for key in [Key.function(5), .char("r")] { #expect(step(state, .key(key)).1 == .readAgain) }
        for key in [Key.char("q"), .function(10), .escape, .ctrl("c")] { #expect(step(state, .key(key)).1 == .quit) }
        #expect(step(state, .key(.ctrl("z"))).1 == .suspend)
        // Scrolling stops at the top and at the last line.
        #expect(step(state, .key(.up)).0.offset == 0)
        var scrolled = state
        for _ in 0..<50 { scrolled = step(scrolled, .key(.pageDown)).0 }
        let last = RegionView.lineCount(state, size: size, language: .sv) - 22
        #expect(scrolled.offset == last && step(scrolled, .key(.down)).0.offset == last)
        #expect(step(scrolled, .key(.pageUp)).0.offset == max(0, last - 21))
        // F1 opens the help; there q closes it (does not quit), F10 quits.
        (state, effect) = step(state, .key(.function(1)))
        #expect(state.helpOpen && effect == .none)
        #expect(step(state, .key(.char("q"))) == ({ var s = state; s.helpOpen = false; return s }(), .none))
        #expect(step(state, .key(.function(10))).1 == .quit)
        let help = (0..<24).map(RegionView.render(state, size: size, language: .sv).rowText).joined(separator: "\n")
        #expect(help.contains("F5/r") && help.contains("Läs regionen igen nu"), "\(help)")
    }

    @Test("a failed read is said in the view, the tables read before stay; the next read clears it")
    func viewProblem() {
        let size = Size(width: 140, height: 24)
        var state = RegionView.update(RegionViewState(month: "2027-03"), .read([sala()], at: "14:52:03", thisMonth: "2027-06"),
                                      size: size, language: .sv).0
        state = RegionView.update(state, .failed("förbindelsen med regionens server bröts: server closed the connection", retrying: true),
                                  size: size, language: .sv).0
        let text = (0..<24).map(RegionView.render(state, size: size, language: .sv).rowText)
        #expect(text[22].hasPrefix(" förbindelsen med regionens server bröts: server closed the connection · försöker igen om en stund · "
                                   + "visar det som lästes 14:52:03"), "\(text[22])")
        #expect(text.contains { $0.hasPrefix("Ordningsstörningar") })
        state = RegionView.update(state, .read([sala()], at: "14:53:00", thisMonth: "2027-06"), size: size, language: .sv).0
        #expect(state.problem == nil && state.loadedAt == "14:53:00")
    }
}
