import Foundation
import Testing
@testable import SamtalCore

/// The cycle's documents on the fixture cycle: a Markdown and an HTML
/// golden file for each (SAMTAL_UPDATE_SNAPSHOTS=1 writes them anew; read
/// the diff before committing), and what each must hold.
@Suite struct CycleDocumentTests {
    static let kinds: [DocumentKind] = [.situation, .analysis, .plan, .promise, .quality]

    static func document(_ kind: DocumentKind, _ language: Language = .sv) -> Document {
        Documents.cycle(kind, DocumentFixture.record, language: language)!
    }

    @Test(arguments: kinds)
    func golden(_ kind: DocumentKind) {
        let doc = Self.document(kind)
        assertGolden(MarkdownRenderer.render(doc), "\(kind.rawValue).md")
        assertGolden(HTMLRenderer.render(doc), "\(kind.rawValue).html")
    }

    @Test("the hostile note is escaped in HTML and text in Markdown", arguments: [DocumentKind.situation])
    func hostileNote(_ kind: DocumentKind) {
        let doc = Self.document(kind)
        let html = HTMLRenderer.render(doc)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(!html.lowercased().contains("<script"))
        #expect(MarkdownRenderer.render(doc).contains(MarkdownRenderer.inline(DocumentFixture.hostile)))
        #expect(MarkdownRenderer.inline(DocumentFixture.hostile) == "\\<script>alert(1)\\</script> & \"quotes\"")
    }

    @Test("no document of a cycle holds a raw control character or an outside reference", arguments: kinds)
    func selfContained(_ kind: DocumentKind) {
        var record = DocumentFixture.record
        record.meetings[1].notes[0].text = "a\u{1B}[31mröd\u{7}"
        record.analysis.focusAreas[0].name = "<img src=x onerror=alert(1)>\u{1B}[2J"
        for language in Language.allCases {
            let doc = Documents.cycle(kind, record, language: language)!
            for text in [HTMLRenderer.render(doc), MarkdownRenderer.render(doc)] {
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) })
            }
            // The name is there as text ("&lt;img src=x …"), never as markup.
            let html = HTMLRenderer.render(doc).lowercased().replacing("&lt;img src=x onerror=alert(1)&gt;", with: "")
            for forbidden in ["http://", "https://", "src=", "href=", "url(", "@import", "<link", "<script", "<img", "<iframe"] {
                #expect(!html.contains(forbidden), "\(kind) \(language): \(forbidden)")
            }
        }
    }

    @Test("the situation picture: notes by source and theme, ratings coloured with their level in words, method descriptions")
    func situation() {
        let html = HTMLRenderer.render(Self.document(.situation))
        #expect(html.contains("<td class=\"signal signal-red\">röd</td>"))
        #expect(html.contains("<td class=\"signal signal-yellow\">gul</td>"))
        #expect(html.contains("<td class=\"signal signal-green\">grön</td>"))
        let md = MarkdownRenderer.render(Self.document(.situation))
        #expect(md.contains("| **Ordningsstörningar** | **Fagersta kommun, förvaltningar:** Krossade lampor i gångtunneln; "
                            + "**Räddningstjänsten:** Två containerbränder | röd | Skadegörelse i gångtunneln varje helg | Lyfts till lokala BRÅ |"))
        #expect(md.contains("| Medarbetare | 4 | 0 | 1 | 1 | 0 | 6 |"))
        #expect(md.contains("#### Gångtunneln under väg 66 (plats)"))
        #expect(md.contains("- **problem**: Gångtunneln under väg 66 är mörk och otrygg på kvällarna – möte 1"))
        #expect(md.contains("### Möte 2: Medborgardialog i Västanfors (2027-02-14)"))
        #expect(md.contains("| **Totalt** |  | **20** | **11** | **8** | **1** |"))
        #expect(md.contains("- Så fördes anteckningarna: med antecknarens namn"))
    }

    /// The fifteenth walk: the promise summed the participants of the
    /// meetings that registered them as if that were all of them.
    @Test("the promise's count of participants is a lower bound where a dialogue did not register its own")
    func promiseParticipantsLowerBound() {
        var record = DocumentFixture.record
        // The dialogues are listed where the coordinator has not written
        // the joint picture's section.
        record.analysis.promise?.sections[.jointPicture] = nil
        let whole = MarkdownRenderer.render(Documents.cycle(.promise, record, language: .sv)!)
        #expect(whole.contains("med sammanlagt"), "\(whole)")
        let counted = record.meetings.filter { $0.meeting.facts.totalHeadCount > 0 && $0.meeting.status != .planned }
        record.meetings[record.meetings.firstIndex { $0.meeting.id == counted[0].meeting.id }!].meeting.facts.participants = []
        let md = MarkdownRenderer.render(Documents.cycle(.promise, record, language: .sv)!)
        #expect(md.contains("med minst "), "\(md)")
        #expect(md.contains("(antalet är registrerat för \(counted.count - 1) av dem):"), "\(md)")
        #expect(!md.contains("med sammanlagt"))
    }

    /// The sixteenth walk: the quality review answered question 13 (who is
    /// responsible for the promises) yes from a section the promise did
    /// not print.
    @Test("the promise names who is responsible for the promises")
    func promiseOwner() {
        var record = DocumentFixture.record
        record.analysis.promise?.sections[.owner] = "Kommunpolisen i Fagersta och kommunens trygghetssamordnare"
        let md = MarkdownRenderer.render(Documents.cycle(.promise, record, language: .sv)!)
        #expect(md.contains("**Ansvariga för löftena:** Kommunpolisen i Fagersta och kommunens trygghetssamordnare"), "\(md)")
    }

    /// The fifteenth walk: a cycle without a citizen dialogue gave a
    /// situation picture that read as complete.
    @Test("the situation picture says which of the three sides no note comes from")
    func situationMissingViews() {
        let whole = MarkdownRenderer.render(Self.document(.situation))
        #expect(!whole.contains("Här saknas"))
        var record = DocumentFixture.record
        record.meetings = record.meetings.map { var m = $0; m.notes = m.notes.filter { $0.source != .citizen }; return m }
        let sv = MarkdownRenderer.render(Documents.cycle(.situation, record, language: .sv)!)
        #expect(sv.contains("Här saknas medborgarnas bild: ingen anteckning kommer därifrån."), "\(sv)")
        #expect(sv.contains("Medborgardialoger är obligatoriska"))
        record.meetings = record.meetings.map { var m = $0; m.notes = m.notes.filter { $0.source != .municipality }; return m }
        let en = MarkdownRenderer.render(Documents.cycle(.situation, record, language: .en)!)
        #expect(en.contains("Missing here: the municipality's and the citizens' views; no note comes from them."), "\(en)")
    }

    /// The fifteenth walk: an area whose type no one chose was printed
    /// "(plats)" (the type a new area had by default).
    @Test("an area whose type was not chosen is named alone, its type a dash")
    func areaTypeNotChosen() {
        var record = DocumentFixture.record
        record.analysis.focusAreas = record.analysis.focusAreas.map { var a = $0; if a.id == 21 { a.type = .unset }; return a }
        let situation = MarkdownRenderer.render(Documents.cycle(.situation, record, language: .sv)!)
        #expect(situation.contains("#### Gångtunneln under väg 66\n"))
        let analysis = MarkdownRenderer.render(Documents.cycle(.analysis, record, language: .sv)!)
        #expect(analysis.contains("| 1 | Gångtunneln under väg 66 | 5 |"))
        #expect(analysis.contains("- Typ: –"))
        #expect(analysis.contains("- Typ: brottstyp/ordningsstörning"))
        for md in [situation, analysis] {
            #expect(!md.contains("Gångtunneln under väg 66 (plats)"))
            #expect(!md.contains("typ ej vald"))
        }
    }

    @Test("the analysis: the cause tree keeps its depth and says how each cause was established")
    func analysis() {
        let md = MarkdownRenderer.render(Self.document(.analysis))
        #expect(md.contains("""
            - Belysningen i tunneln är trasig (observation)
              - Felanmälningar når inte fastighetsägaren (intervjuer)
                - Ingen vet vem som äger tunneln (intern diskussion)
            - Tunneln saknar insyn från bostäderna (intern diskussion)
            """))
        #expect(md.contains("| **Vem orsakar** | Unga vuxna som samlas kvällstid | **Övervakare** | Föräldrar och fältassistenter |"))
    }

    @Test("the activity plan is marked internal and gives order, dependencies, SMART flags and follow-up")
    func plan() {
        let doc = Self.document(.plan)
        #expect(doc.blocks.first == .notice(DocumentTexts(.sv)[.internalNotice]))
        let md = MarkdownRenderer.render(doc)
        #expect(md.contains("| 2 | Trygghetsvandring i gångtunneln med boende | Anna Kommunpolis, Polisen LPO Fagersta | 2027-05-20 | 2027-05-20 | 1 | pågår |"))
        #expect(md.contains("- Efter: 1. Laga och förstärka belysningen i gångtunneln"))
        #expect(md.contains("| saknar S, M, A, R, T |"))
        #expect(md.contains("Status: 1 genomförd, 1 pågående, 1 ej genomförd."))
        let html = HTMLRenderer.render(doc)
        #expect(html.contains("<title id=\"chart-1-title\">Uppföljningarnas status</title>"))
        #expect(html.contains("<td class=\"signal signal-green\">uppfyller SMART</td>"))
    }

    @Test("a follow-up meeting's entries: each activity counted once by its latest status, empty entries left out, resources shown")
    func planWithAFollowUpMeeting() {
        var record = DocumentFixture.record
        // Meeting 13 followed activity 51 up again (done, with resources and
        // a quality note) and found 52 not done; a field typed and cleared
        // left an empty entry.
        func entry(_ id: Int64, _ activity: Int64, _ aspect: FollowUpAspect, _ status: FollowUpStatus, date: String = "",
                   why: String = "", resources: String = "") -> FollowUp {
            FollowUp(id: id, cycleID: 3, activityID: activity, aspect: aspect, status: status, why: why, date: date, resources: resources,
                     meetingID: 13, stepID: "genomforande", createdAt: Double(id))
        }
        record.analysis.followUps += [
            entry(81, 51, .resource, .done, date: "2027-11-30", why: "Alla armaturer lagade", resources: "2 elektriker, 3 dagar"),
            entry(82, 51, .performance, .ongoing, why: "Boende nöjda med ljuset"),
            entry(83, 52, .resource, .notDone, date: "2027-11-30", why: "Ingen boende kom"),
            entry(84, 52, .effect, .ongoing),
        ]
        record.analysis.activities[1].status = .planned
        let md = MarkdownRenderer.render(Documents.cycle(.plan, record, language: .sv)!)
        // 51 done (its latest), 52 not done, goal 63 not done: not five entries.
        #expect(md.contains("Status: 1 genomförd, 0 pågående, 2 ej genomförda."), "\(md)")
        #expect(md.contains("| 2027-11-30 | 1. Laga och förstärka belysningen i gångtunneln | resurs och aktivitet | genomförd |  | 2 elektriker, 3 dagar | Alla armaturer lagade |"))
        // An entry without a status chosen shows none, and is dated by its meeting.
        #expect(md.contains("| prestation (kvalitet) |  |  |  | Boende nöjda med ljuset |"))
        #expect(!md.contains("| effekt | pågår |"))
        // The planned activity found not done says so in the plan.
        #expect(md.contains("planerad (inte genomförd 2027-11-30)"))
    }

    @Test("the plan gives each activity the dots the deciding vote gave it")
    func planWithActivityDots() {
        var record = DocumentFixture.record
        record.analysis.activityDots = [51: 3]
        let md = MarkdownRenderer.render(Documents.cycle(.plan, record, language: .sv)!)
        #expect(md.contains("(3 prickar)"))
        #expect(!MarkdownRenderer.render(Self.document(.plan)).contains("prickar)"))
    }

    /// The twentieth walk: sections drafted by F2 (text with a bracketed
    /// instruction left in it) were listed as having no text.
    @Test("the promise's banner tells a draft still to go through from a section with no text")
    func promiseBannerTellsDraftsFromEmpty() {
        var record = DocumentFixture.record
        record.analysis.promise?.sections[.purpose] = "[Skriv om med egna ord.]\nVi vill öka tryggheten i centrum."
        let doc = Documents.cycle(.promise, record, language: .sv)!
        #expect(doc.blocks.first == .notice("Utkast – text saknas för: hur medborgarna kan följa arbetet. "
            + "Förslag kvar att gå igenom (en rad inom hakparenteser står kvar): syfte."))
        let en = Documents.cycle(.promise, record, language: .en)!
        #expect(en.blocks.first == .notice("Draft – no text yet for: how citizens can follow the work. "
            + "Drafts still to go through (a line in square brackets is left): purpose."))
    }

    @Test("the promise has the method's sections in order, and lines to sign")
    func promise() {
        let doc = Self.document(.promise)
        let headings = doc.blocks.flatMap(\.flattened).compactMap { if case .heading(2, let h) = $0 { h } else { nil } }
        #expect(headings == ["Syfte", "Lägesbild och fokusområde", "Det här gör vi", "Det här vill vi uppnå", "Så kan du följa arbetet",
                             "Giltighet", "Underskrifter"])
        // From how to follow the work to the signatures, kept on one page.
        guard case .together(let closing)? = doc.blocks.last else { Issue.record("no closing kept together"); return }
        #expect(closing.first == .heading(2, "Så kan du följa arbetet"))
        #expect(doc.blocks.first == .notice("Utkast – text saknas för: hur medborgarna kan följa arbetet."))
        #expect(doc.blocks.flatMap(\.flattened).contains(.signatures(Signatures(
            names: ["Karin Lund, lokalpolisområdeschef LPO Fagersta", "Erik Berg, kommunstyrelsens ordförande"],
            signatureLabel: "Underskrift", nameLabel: "Namnförtydligande och roll", placeAndDateLabel: "Ort och datum"))))
        let md = MarkdownRenderer.render(doc)
        // The coordinator's picture and focus stand for the machine's list
        // of areas and meetings (each said once).
        #expect(!md.contains("Underlaget togs fram vid 3 möten med sammanlagt 42 deltagare:"))
        var unwritten = DocumentFixture.record
        unwritten.analysis.promise?.sections[.jointPicture] = ""
        unwritten.analysis.promise?.sections[.focus] = ""
        let machine = MarkdownRenderer.render(Documents.cycle(.promise, unwritten, language: .sv)!)
        #expect(machine.contains("Underlaget togs fram vid 3 möten med sammanlagt 42 deltagare:"))
        #expect(machine.contains("- **Gångtunneln under väg 66**. Målbild:"))
        // The coordinator's own text of the commitments, once: no table of
        // the same activities after it.
        #expect(md.contains("Vi lagar belysningen, bjuder in till trygghetsvandring"))
        #expect(!md.contains("| Laga och förstärka belysningen i gångtunneln"))
    }

    @Test("a section's lists and sub-headings are carried into Markdown and HTML")
    func promiseStructure() {
        var record = DocumentFixture.record
        record.analysis.promise?.sections[.activities] = """
            ## Trygghetsvandringar
            - Polisen och kommunen genomför två trygghetsvandringar.
            • Kommunen åtgärdar det som hittas.
            ## I ordning
            1. Kartlägga platserna
            2) Bjuda in boende
            Ett stycke efteråt.
            """
        let doc = Documents.cycle(.promise, record, language: .sv)!
        let md = MarkdownRenderer.render(doc)
        #expect(md.contains("### Trygghetsvandringar\n\n- Polisen och kommunen genomför två trygghetsvandringar.\n- Kommunen åtgärdar det som hittas."))
        #expect(md.contains("### I ordning\n\n1. Kartlägga platserna\n2. Bjuda in boende\n\nEtt stycke efteråt."))
        let html = HTMLRenderer.render(doc)
        #expect(html.contains("<h3>Trygghetsvandringar</h3>"))
        #expect(html.contains("<ol>") && html.contains("<li>Bjuda in boende</li>"))
        #expect(!md.contains("\\-") && !md.contains("• "))
    }

    @Test("the promise carries its own title, place and date, diary number, and a decision instead of signatures")
    func promiseAsADocument() {
        var record = DocumentFixture.record
        record.analysis.promise?.sections[.title] = "Medborgarlöfte för Västanfors 2027"
        record.analysis.promise?.sections[.place] = "Fagersta"
        record.analysis.promise?.sections[.documentDate] = "2027-02-15"
        record.analysis.promise?.sections[.diaryNumber] = "KS 2027/112"
        var doc = Documents.promise(record, language: .sv)
        #expect(doc.title == "Medborgarlöfte för Västanfors 2027")
        #expect(doc.meta == ["Löftesperiod: 2027", "Fagersta 2027-02-15", "Dnr: KS 2027/112"])
        #expect(doc.blocks.flatMap(\.flattened).contains { if case .signatures = $0 { true } else { false } })
        record.analysis.promise?.sections[.decision] = "Fastställt av kommunstyrelsen 2027-03-01, § 45."
        doc = Documents.promise(record, language: .sv)
        #expect(!doc.blocks.flatMap(\.flattened).contains { if case .signatures = $0 { true } else { false } })
        #expect(doc.blocks.flatMap(\.flattened).suffix(2) == [.heading(2, "Beslut"), .paragraph("Fastställt av kommunstyrelsen 2027-03-01, § 45.")])
        // None of them is required: the draft banner does not ask for them.
        guard case .notice(let banner)? = doc.blocks.first else { Issue.record("no banner"); return }
        #expect(!banner.contains("rubrik") && !banner.contains("diarienummer") && !banner.contains("beslut"))
    }

    @Test("without the coordinator's text, the promise's table has every promised activity with who does it; the rest are named to the exporter")
    func promiseTable() {
        var record = DocumentFixture.record
        record.analysis.promise?.sections[.activities] = ""
        let md = MarkdownRenderer.render(Documents.promise(record, language: .sv))
        let promised = Documents.promisedActivities(record.analysis)
        #expect(!promised.isEmpty)
        #expect(md.contains("| Vem | Aktivitet | När |"))
        for act in promised {
            #expect(md.contains("| \(act.organisation) | \(act.what) |"), "\(act.what)")
        }
        // An activity without a focus area is not silently dropped.
        var lost = record.analysis.activities[0]
        lost.id = 999
        lost.focusAreaID = nil
        lost.what = "Informationsträff på biblioteket"
        record.analysis.activities.append(lost)
        let left = Documents.activitiesLeftOutOfPromise(record)
        #expect(left.map(\.activity.id) == [999])
        #expect(left.first?.reason == "no focus area")
        // With the coordinator's own text instead of the table: each promised
        // activity it does not name is said to be missing, and so is the one
        // without a focus area.
        let first = promised[0]
        record.analysis.promise?.sections[.activities] = "Vi gör detta: \(first.what.lowercased())."
        let notNamed = Documents.activitiesLeftOutOfPromise(record)
        #expect(Set(notNamed.map(\.activity.id)) == Set(promised.dropFirst().map(\.id) + [999]))
        #expect(notNamed.filter { $0.activity.id != 999 }.allSatisfy { $0.reason == "not named in the promise's own text" })
        // Named in the text's own words (the sixteenth walk: 7 of 8 were
        // said to be missing, matched whole and exactly).
        #expect(Documents.mentions("Vi ska öka trafiksäkerhetsarbetet kring julhelgen.", "Ökat trafiksäkerhetsarbete kring julhelgen"))
        #expect(Documents.mentions("Polisen genomför trafikkontroller vid skolorna", "Trafikkontroll vid skolor"))
        #expect(!Documents.mentions("Vi ska öka trafiksäkerhetsarbetet kring julhelgen.", "Informationsträff på biblioteket"))
        #expect(!Documents.mentions("Trygghetsvandring i centrum", "Föräldravandring vid skolan på fredagskvällar"))
        // A decision stands in for the signatures.
        record.analysis.promise?.sections[.signatories] = ""
        #expect(record.analysis.promise?.missing.contains(.signatories) == true)
        record.analysis.promise?.sections[.decision] = "Fastställt av kommunstyrelsen 2027-03-01."
        #expect(record.analysis.promise?.missing.contains(.signatories) == false)
    }

    @Test("every cycle document exists in English too, with no Swedish label left", arguments: kinds)
    func english(_ kind: DocumentKind) {
        let doc = Self.document(kind, .en)
        let sv = Self.document(kind, .sv)
        #expect(doc.kindLabel != sv.kindLabel)
        let html = HTMLRenderer.render(doc)
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        for label in ["Fokusområden", "Metodbeskrivning", "Orsaksanalys", "Aktiviteter", "Underskrifter", "Svar", "Nivå"] {
            #expect(!html.contains(">\(label)<"), "\(kind): \(label)")
        }
    }

    @Test("every fixed label has a Swedish and an English text")
    func labels() {
        for key in DocText.allCases {
            let (sv, en) = DocumentTexts.pair(key)
            #expect(!sv.isEmpty && !en.isEmpty, "\(key)")
        }
    }
}
