import Testing
@testable import SamtalCore

/// The public feedback's review (issue 14): names next to an address or an
/// age are flagged, every note is decided before the feedback is written,
/// and no public document prints a note the facilitator excluded.
@Suite struct IdentifyingContextTests {
    @Test(arguments: [
        ("Lasse Nilsson på Storgatan 12 langar sprit till ungdomarna på helgerna", [IdentifyingContext.nameWithAddress]),
        ("Min dotter Sara, 14 år, blev rånad vid resecentrum i oktober", [.nameWithAge]),
        ("Elin, 16 år, blev hotad på bussen", [.nameWithAge]),
        ("En 15-åring som heter Kevin säljer snus vid Ekvägen 4", [.nameWithAddress, .nameWithAge]),
        ("My neighbour John, 12 years old, was robbed", [.nameWithAge]),
    ])
    func flagged(_ text: String, _ expected: [IdentifyingContext]) {
        #expect(IdentifyingContextScan.flags(in: text) == expected)
    }

    @Test(arguments: [
        "Mopeder kör för fort på Storgatan på kvällarna",  // a street without a number
        "Buskörning vid Storgatan 12 varje helg",           // an address, no name
        "Polisen stoppade en 16-åring på torget",           // an age, the organisation is not a name
        "Ungdomar 13–15 år samlas vid fritidsgården",       // an age span, no name
        "Vi har bott här i 20 år och aldrig känt oss otrygga",
        "LPO Ludvika ska ha möte med SSP varje månad",
        "",
    ])
    func notFlagged(_ text: String) {
        #expect(IdentifyingContextScan.flags(in: text) == [])
    }
}

@Suite struct PublicReviewTests {
    static let lasse = "Lasse Nilsson på Storgatan 12 langar sprit till ungdomarna på helgerna"
    static let sara = "Min dotter Sara, 14 år, blev rånad vid resecentrum i oktober"

    static func record(_ reviews: [Int64: (PublicReview, String)] = [:]) -> MeetingRecord {
        var r = MeetingDocumentTests.record(extraNotes: [
            Note(id: 20, meetingID: 7, stepID: "insamling", group: 1, type: .problem, source: .citizen, text: lasse, createdAt: 50),
            Note(id: 21, meetingID: 7, stepID: "insamling", group: 2, type: .problem, source: .citizen, text: sara, createdAt: 51),
        ])
        for (id, (review, text)) in reviews {
            guard let i = r.notes.firstIndex(where: { $0.id == id }) else { continue }
            r.notes[i].publicReview = review
            r.notes[i].publicText = text
        }
        return r
    }

    func feedback(_ r: MeetingRecord) -> String { MarkdownRenderer.render(Documents.feedback(r, language: .sv)) }

    @Test func aNameNextToAnAddressOrAnAgeIsNotPublishedUntilApproved() {
        let md = feedback(Self.record())
        #expect(!md.contains("Lasse Nilsson") && !md.contains("Sara"))
        #expect(md.contains("Mopeder kör på gång- och cykelbanan på kvällarna"))
        let approved = feedback(Self.record([20: (.approved, ""), 21: (.approved, "")]))
        #expect(approved.contains("Lasse Nilsson") && approved.contains("Sara, 14 år"))
    }

    @Test func anExcludedNoteIsInNoPublicDocumentAndAShortenedOneIsPrintedShort() {
        let r = Self.record([2: (.excluded, ""), 21: (.approved, "En flicka blev rånad vid resecentrum i oktober")])
        let md = feedback(r)
        #expect(!md.contains("Mopeder kör på gång- och cykelbanan"))
        #expect(md.contains("En flicka blev rånad vid resecentrum i oktober") && !md.contains("Sara"))
        #expect(!HTMLRenderer.render(Documents.feedback(r, language: .en)).contains("Mopeder kör på gång- och cykelbanan"))
        // The internal summary keeps the note as written.
        #expect(MarkdownRenderer.render(Documents.summary(r, language: .sv)).contains("Mopeder kör på gång- och cykelbanan"))
        // The cycle's public promise does not print it either.
        var cycle = DocumentFixture.record
        cycle.meetings = cycle.meetings.map { m in
            var m = m
            m.notes = m.notes.map { var n = $0; n.publicReview = .excluded; return n }
            return m
        }
        let excluded = cycle.meetings.flatMap(\.notes).map(\.text).filter { $0.count > 12 }
        let promise = MarkdownRenderer.render(Documents.cycle(.promise, cycle, language: .sv)!)
        #expect(!excluded.isEmpty && excluded.allSatisfy { !promise.contains($0) })
    }

    @Test func theReviewListsEveryNoteTheFeedbackWouldPrintWithWhatItHolds() {
        let items = Documents.publicReview(Self.record([2: (.excluded, "")]))
        // The hidden note (6) is not offered: the feedback never prints it.
        // By type, then time, as the feedback prints them.
        #expect(items.map(\.note.id) == [1, 4, 2, 20, 21, 5, 7, 3])
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.note.id, $0) })
        #expect(byID[20]?.contexts == [.nameWithAddress] && byID[20]?.published == false)
        #expect(byID[2]?.published == false && byID[2]?.decided == true)
        #expect(byID[1]?.published == true && byID[1]?.decided == false)
        #expect(byID[20]?.line(Texts(.sv)) == "[ej granskad] ⚠ namn och adress? · problem: \(Self.lasse)")
    }

    static func opened() -> (AppState, ExportRequest) {
        var state = AppState(language: .sv)
        let request = ExportRequest(target: .meeting(7), document: .feedback, format: .md, redact: false, output: "")
        let items = Documents.publicReview(record())
        #expect(state.update(.publicReviewLoaded(title: "Medborgardialog Västanfors", items: items, request: request)) == [])
        return (state, request)
    }

    @Test func theFacilitatorExcludesShortensAndPublishesFromTheKeys() {
        var (state, request) = Self.opened()
        #expect(state.keyContext == .review)
        // x excludes the selected note (1), at once.
        #expect(state.update(.key(.char("x"))) == [.reviewNotes([NoteReviewDecision(noteID: 1, review: .excluded, publicText: "")],
                                                                reload: request)])
        // F4 opens its text; letters are typed, not keys.
        _ = state.update(.key(.down))
        _ = state.update(.key(.function(4)))
        guard case .publicReview(let review) = state.dialog else { Issue.record("no review"); return }
        #expect(review.editing?.text == "Skadegörelse på busshållplatsen vid torget")
        for _ in 0..<" vid torget".count { _ = state.update(.key(.backspace)) }
        for c in " (kx)" { _ = state.update(.key(.char(c))) }
        #expect(state.update(.key(.enter)) == [.reviewNotes([NoteReviewDecision(
            noteID: 4, review: .approved, publicText: "Skadegörelse på busshållplatsen (kx)")], reload: request)])
        // Esc while typing only stops the typing.
        _ = state.update(.key(.function(4)))
        _ = state.update(.key(.escape))
        guard case .publicReview(let after) = state.dialog else { Issue.record("review closed"); return }
        #expect(after.editing == nil)
        // F9 does not publish a name next to an address or an age: it
        // stops on the first such note.
        #expect(state.update(.key(.function(9))) == [])
        guard case .publicReview(let stopped) = state.dialog else { Issue.record("review closed"); return }
        #expect(stopped.items[stopped.selected].note.id == 20)
        #expect(state.status?.text == "2 anteckningar med ⚠ väntar på ditt beslut: m tar med, x utesluter, F4 förkortar")
        // m publishes the selected one; pressed again, it is taken back.
        #expect(state.update(.key(.char("m"))) == [.reviewNotes([NoteReviewDecision(noteID: 20, review: .approved, publicText: "")],
                                                                reload: request)])
        // Once those are decided, F9 publishes every note not decided and writes.
        let decided = Documents.publicReview(Self.record([20: (.excluded, ""), 21: (.approved, "En flicka blev rånad")]))
        _ = state.update(.publicReviewChanged(decided))
        let rest = decided.filter { !$0.decided }.map { NoteReviewDecision(noteID: $0.note.id, review: .approved, publicText: "") }
        #expect(state.update(.key(.function(9))) == [.reviewNotes(rest, reload: nil), .export(request)])
        #expect(state.dialog == nil)
    }

    @Test func aShorterTextThatStillHoldsPersonalDataIsSavedWithAWarning() {
        var (state, request) = Self.opened()
        _ = state.update(.key(.function(4)))
        _ = state.update(.key(.ctrl("u")))
        for c in "Ring 070-123 45 67" { _ = state.update(.key(.char(c))) }
        #expect(state.update(.key(.enter)) == [.reviewNotes([NoteReviewDecision(noteID: 1, review: .approved, publicText: "Ring 070-123 45 67")],
                                                            reload: request)])
        #expect(state.status?.text == "Sparat, men texten har kvar personuppgifter och publiceras inte: telefonnummer")
    }

    @Test func escapeLeavesWithoutWritingAndNothingToReviewWritesAtOnce() {
        var (state, request) = Self.opened()
        #expect(state.update(.key(.escape)) == [])
        #expect(state.dialog == nil && state.status?.text == "Återkopplingen skrevs inte; granskningen är sparad")
        // A decision saved just before Esc comes back late: the review stays closed.
        _ = state.update(.publicReviewChanged(Documents.publicReview(Self.record())))
        #expect(state.dialog == nil)
        #expect(state.update(.publicReviewLoaded(title: "x", items: [], request: request)) == [.export(request)])
    }
}

@Suite struct ExportFormRecordsTests {
    @Test func theRecordsAreNeverWrittenAsThePublicFeedback() {
        var state = AppState(language: .sv)
        _ = state.update(.homeLoaded([CycleOverview(cycle: WorkspaceFixture.cycle, meetings: [WorkspaceFixture.meeting])]))
        _ = state.update(.key(.down))
        _ = state.update(.key(.char("x")))
        _ = state.update(.key(.right)) // feedback
        _ = state.update(.key(.tab))
        for _ in 0..<4 { _ = state.update(.key(.right)) } // json
        #expect(state.update(.key(.function(9))) == [])
        guard case .form(let form) = state.screen else { Issue.record("the form closed"); return }
        #expect(form.error?.hasPrefix("JSON och CSV skriver alla poster (internt)") == true)
    }
}
