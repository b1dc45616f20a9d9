import ArgumentParser
import Foundation
import SamtalApp
import SamtalCore
import SamtalStore

/// The public feedback's review on the command line: the list of every note
/// it would print, and the decisions (issue 14). `export --document
/// feedback` refuses while a note is not reviewed.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: h("Granska anteckningarna som ett mötes offentliga återkoppling skulle skriva ut: publicera, korta eller utesluta var och en.",
                     "Review the notes a meeting's public feedback would print: publish, shorten or exclude each."),
        discussion: h("""
            Utan flaggor listas varje anteckning som återkopplingen skulle skriva ut, med sitt beslut och det den verkar \
            innehålla (personuppgifter, ett namn bredvid en adress eller en ålder). Återkopplingen kan exporteras när varje \
            anteckning har fått ett beslut. Flaggorna tillämpas i den här ordningen: --exclude, --include, --shorten, \
            --publish-rest; --publish-rest lämnar en anteckning som verkar peka ut en person med en adress eller en ålder \
            åt ett eget beslut. Beslut: [med] publiceras, [utesluten] utesluten av dig, [utelämnas] innehåller \
            personuppgifter och publiceras aldrig, [ej granskad] inte beslutad än.
            """, """
            Without options, lists every note the feedback would print with its decision and what it seems to hold \
            (personal data, a name next to an address or an age). The feedback can be exported once every note is \
            decided. The options are applied in this order: --exclude, --include, --shorten, --publish-rest; \
            --publish-rest leaves a note that seems to name a person next to an address or an age for its own decision. \
            Decisions: [in] published, [excluded] excluded by you, [left out] holds personal data and is never \
            published, [not reviewed] not decided yet.
            """))
    @OptionGroup var options: GlobalOptions
    @Argument(help: h("Mötets id.", "The meeting's id.", value: "möte"), completion: completeIDs(meetings: true, cycles: false), transform: meetingArgument) var meeting: Int64
    @Option(help: h("Utelämna den här anteckningen ur den offentliga återkopplingen (kan anges flera gånger).",
                           "Leave this note out of the public feedback (repeatable).", value: "id")) var exclude: [Int64] = []
    @Option(help: h("Publicera den här anteckningen (som den är skriven, eller dess kortare text) (kan anges flera gånger).",
                           "Publish this note (as written, or its shorter text) (repeatable).", value: "id")) var include: [Int64] = []
    @Option(help: h("Publicera den här kortare texten i stället för anteckningen: ID=TEXT (kan anges flera gånger).",
                           "Publish this shorter text instead of the note: ID=TEXT (repeatable).", value: "id=text")) var shorten: [String] = []
    @Flag(help: h("Publicera alla anteckningar som ännu inte har fått ett beslut.", "Publish every note not yet decided.")) var publishRest = false

    func validate() throws {
        for s in shorten {
            guard let eq = s.firstIndex(of: "="), Int64(s[..<eq]) != nil, !s[s.index(after: eq)...].trimmingCharacters(in: .whitespaces).isEmpty
            else { throw ValidationError(say(.shortenForm)) }
        }
    }

    func run() throws {
        let store = try openStore(options, existing: true)
        let library = options.agendaLibrary()
        guard try store.meeting(id: meeting) != nil else { throw noMeeting(meeting, options) }
        var review = try publicReview(store: store, library: library, meetingID: meeting)
        let byID = Dictionary(uniqueKeysWithValues: review.items.map { ($0.note.id, $0.note) })
        var decisions: [Int64: NoteReviewDecision] = [:]
        func note(_ id: Int64) throws -> Note {
            guard let n = byID[id] else {
                warn("samtal: " + say(.notInFeedback(note: id, meeting: meeting)))
                throw ExitCode(1)
            }
            return decisions[id].map { d in var n = n; n.publicReview = d.review; n.publicText = d.publicText; return n } ?? n
        }
        for id in exclude {
            let n = try note(id)
            decisions[id] = NoteReviewDecision(noteID: id, review: .excluded, publicText: n.publicText)
        }
        for id in include {
            let n = try note(id)
            decisions[id] = NoteReviewDecision(noteID: id, review: .approved, publicText: n.publicText)
        }
        for s in shorten.map({ typed("--shorten", $0) }) {
            let eq = s.firstIndex(of: "=")!
            let id = Int64(s[..<eq])!
            _ = try note(id)
            decisions[id] = NoteReviewDecision(noteID: id, review: .approved,
                                               publicText: String(s[s.index(after: eq)...]).trimmingCharacters(in: .whitespaces))
        }
        if publishRest {
            // A note that seems to point out a person waits for its own
            // decision (--include, --exclude or --shorten), as in the interface.
            for item in review.items where !item.decided && decisions[item.note.id] == nil {
                if item.pointsOutAPerson {
                    warn("samtal: " + say(.namesAPerson(note: item.note.id)))
                    continue
                }
                decisions[item.note.id] = NoteReviewDecision(noteID: item.note.id, review: .approved, publicText: item.note.publicText)
            }
        }
        for (id, d) in decisions where d.review == .approved && !PersonalData.kinds(in: d.publicText.isEmpty ? byID[id]!.text : d.publicText).isEmpty {
            warn("samtal: " + say(.stillPersonalData(note: id)))
        }
        if !decisions.isEmpty {
            try store.reviewNotes(decisions.values.sorted { $0.noteID < $1.noteID })
            review = try publicReview(store: store, library: library, meetingID: meeting)
        }
        let t = Texts(options.language)
        print("\(t[.reviewTitle]): \(oneLine(review.title))")
        print(PublicReviewItem.counts(review.items, t))
        for (i, item) in review.items.enumerated() {
            if i == 0 || review.items[i - 1].stepTitle != item.stepTitle { print(oneLine(item.stepTitle)) }
            print("\(item.note.id)\t" + oneLine(item.line(t)))
        }
    }
}
