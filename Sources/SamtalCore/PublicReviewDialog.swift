// The public feedback's review (issue 14): before the feedback to a
// meeting's participants is written, the facilitator goes through every
// note it would print and publishes, excludes or shortens each. Each
// decision is saved at once; F9 publishes the notes not yet decided and
// writes the document. The same list is `samtal review` on the command line.

public struct PublicReviewDialog: Equatable, Sendable {
    public var title: String
    public var items: [PublicReviewItem]
    public var selected = 0
    /// The shortened text being typed for the selected note; nil when not
    /// editing.
    public var editing: TextField?
    /// The export written once every note is decided.
    public var request: ExportRequest

    public init(title: String, items: [PublicReviewItem], request: ExportRequest) {
        self.title = title
        self.items = items
        self.request = request
    }

    /// Undecided notes that seem to point out a person: F9 does not
    /// publish them, the facilitator decides each.
    public var waitingFlagged: [Int] { items.indices.filter { !items[$0].decided && items[$0].pointsOutAPerson } }

    public func counts(_ t: Texts) -> String { PublicReviewItem.counts(items, t) }
}

extension AppState {
    /// The export of a meeting's public feedback goes through the review
    /// first; every other export is written at once.
    func exportEffects(_ request: ExportRequest) -> [Effect] {
        if request.document == .feedback, case .meeting = request.target { return [.loadPublicReview(request)] }
        return [.export(request)]
    }

    mutating func publicReviewLoaded(title: String, items: [PublicReviewItem], request: ExportRequest) -> [Effect] {
        if items.isEmpty { return [.export(request)] } // nothing heard: nothing to review
        dialog = .publicReview(PublicReviewDialog(title: title, items: items, request: request))
        return []
    }

    mutating func handlePublicReview(_ review: PublicReviewDialog, key: Key, action: Action?) -> [Effect] {
        var review = review
        defer { if dialog != nil { dialog = .publicReview(review) } }
        if var field = review.editing {
            switch action {
            case .saveReviewText:
                review.editing = nil
                guard review.items.indices.contains(review.selected) else { return [] }
                let note = review.items[review.selected].note
                let text = field.text.stripped
                // Emptied: nothing of it is published.
                let decision = text.isEmpty ? NoteReviewDecision(noteID: note.id, review: .excluded, publicText: "")
                    : NoteReviewDecision(noteID: note.id, review: .approved, publicText: text == note.text.stripped ? "" : text)
                // Still personal data: saved, but it will not be published.
                let kinds = PersonalData.kinds(in: text)
                if !kinds.isEmpty {
                    say("\(texts[.reviewStillPersonal]): " + kinds.map { texts.personalData($0) }.joined(separator: ", "), seconds: 10)
                }
                return [.reviewNotes([decision], reload: review.request)]
            case .closeReview:
                review.editing = nil
            default:
                if edit(&field, key) { review.editing = field }
            }
            return []
        }
        switch action {
        case .itemUp:
            review.selected = max(0, review.selected - 1)
        case .itemDown:
            review.selected = min(max(0, review.items.count - 1), review.selected + 1)
        case .toggleExcluded, .toggleApproved:
            guard review.items.indices.contains(review.selected) else { return [] }
            let note = review.items[review.selected].note
            let wanted: PublicReview = action == .toggleExcluded ? .excluded : .approved
            // Pressed again, the decision is taken back.
            let next: PublicReview = note.publicReview == wanted ? .unreviewed : wanted
            return [.reviewNotes([NoteReviewDecision(noteID: note.id, review: next, publicText: note.publicText)], reload: review.request)]
        case .editReviewText:
            guard review.items.indices.contains(review.selected) else { return [] }
            review.editing = TextField(review.items[review.selected].note.publicVersion, limit: 10_000)
        case .publishReview:
            // A note that seems to point out a person is never published
            // by the sweep: each waits for its own decision.
            if let first = review.waitingFlagged.first {
                review.selected = first
                say("\(review.waitingFlagged.count) \(texts[.reviewFlaggedWaiting])", error: true)
                return []
            }
            let rest = review.items.filter { !$0.decided }.map {
                NoteReviewDecision(noteID: $0.note.id, review: .approved, publicText: $0.note.publicText)
            }
            dialog = nil
            return (rest.isEmpty ? [] : [.reviewNotes(rest, reload: nil)]) + [.export(review.request)]
        case .closeReview:
            dialog = nil
            say(texts[.reviewCancelled])
        default:
            break
        }
        return []
    }
}

extension PublicReviewItem {
    /// "12 anteckningar · 8 publiceras som det står nu · 2 uteslutna · 2 ej granskade"
    public static func counts(_ items: [PublicReviewItem], _ t: Texts) -> String {
        let published = items.filter(\.published).count
        let excluded = items.filter { $0.note.publicReview == .excluded }.count
        let undecided = items.filter { !$0.decided }.count
        return "\(items.count) \(t[.reviewCountNotes]) · \(published) \(t[.reviewPublishing]) · \(excluded) \(t[.reviewCountExcluded])"
            + " · \(undecided) \(t[.reviewCountUnreviewed])"
    }

    /// "[ej granskad] ⚠ namn och adress? problem: Lasse …": the decision
    /// and the warnings first, where a cut row still shows them.
    public func line(_ t: Texts) -> String {
        let decision: String
        if !published && note.publicReview != .excluded && (!personalData.isEmpty || namesInternal) {
            decision = t[.reviewStaysOut]
        } else {
            switch note.publicReview {
            case .approved: decision = t[.reviewPublished]
            case .excluded: decision = t[.reviewExcluded]
            case .unreviewed: decision = t[.reviewUnreviewed]
            }
        }
        var flags = personalData.map { t.personalData($0) }
        flags += contexts.map { $0 == .nameWithAddress ? t[.reviewNameAddress] : t[.reviewNameAge] }
        if namesInternal { flags.append(t[.reviewInternalName]) }
        let shortened = note.publicText.isEmpty ? "" : " (\(t[.reviewShortened]))"
        let warning = flags.isEmpty ? "" : "⚠ " + flags.joined(separator: ", ") + " · "
        return "[\(decision)] \(warning)\(t.noteType(note.type)): \(note.publicVersion)\(shortened)"
    }
}
