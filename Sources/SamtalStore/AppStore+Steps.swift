// What checklist, rating and summary steps produce. Checklist answers and
// ratings are one row per item or question of a step, replaced when set
// again; summary items are only marked deleted, like notes.

import GRDB
import SamtalCore

extension AppStore {
    // MARK: checklist answers

    /// Stores the answer to one item of the step's checklist, replacing any
    /// earlier answer to that item.
    public func setChecklistAnswer(meetingID: Int64, stepID: String, answer: ChecklistAnswer) throws {
        try transaction { db in
            _ = try Self.storedMeeting(db, id: meetingID)
            try StoredChecklistAnswer(meetingID: meetingID, stepID: stepID, answer: answer)
                .insert(db, onConflict: .replace)
        }
    }

    /// The step's answered checklist items, by item.
    public func checklistAnswers(meetingID: Int64, stepID: String) throws -> [ChecklistAnswer] {
        try snapshot { db in
            try StoredChecklistAnswer
                .filter(StoredChecklistAnswer.Columns.meetingID == meetingID
                        && StoredChecklistAnswer.Columns.stepID == stepID)
                .order(StoredChecklistAnswer.Columns.item)
                .fetchAll(db).map(\.answer)
        }
    }

    // MARK: ratings

    /// Stores the rating of one question of the step, replacing any earlier
    /// rating of that question.
    public func setRating(meetingID: Int64, stepID: String, rating: Rating) throws {
        try transaction { db in
            _ = try Self.storedMeeting(db, id: meetingID)
            try StoredRating(meetingID: meetingID, stepID: stepID, rating: rating).insert(db, onConflict: .replace)
        }
    }

    /// The step's rated questions, by question.
    public func ratings(meetingID: Int64, stepID: String) throws -> [Rating] {
        try snapshot { db in
            try StoredRating
                .filter(StoredRating.Columns.meetingID == meetingID && StoredRating.Columns.stepID == stepID)
                .order(StoredRating.Columns.question)
                .fetchAll(db).map(\.rating)
        }
    }

    /// Every rating of the meeting by step id, each step's by question.
    public func ratings(meetingID: Int64) throws -> [String: [Rating]] {
        try snapshot { db in
            let records = try StoredRating
                .filter(StoredRating.Columns.meetingID == meetingID)
                .order(StoredRating.Columns.stepID, StoredRating.Columns.question)
                .fetchAll(db)
            return Dictionary(grouping: records, by: \.stepID).mapValues { $0.map(\.rating) }
        }
    }

    // MARK: contributions to a rating

    /// Adds a contribution to a question of the meeting's rating step.
    @discardableResult
    public func addRatingContribution(meetingID: Int64, stepID: String, question: Int, from: String, text: String,
                                      now: Double) throws -> RatingContribution {
        try transaction { db in
            _ = try Self.storedMeeting(db, id: meetingID)
            var record = StoredRatingContribution(meetingID: meetingID, stepID: stepID, question: question, from: from, text: text,
                                                  createdAt: now, deletedAt: nil)
            try record.insert(db)
            return record.contribution
        }
    }

    /// Hides a contribution by marking it deleted. The row stays.
    public func deleteRatingContribution(id: Int64, now: Double) throws {
        try transaction { db in
            guard var record = try StoredRatingContribution.filter(key: id).filter(StoredRatingContribution.Columns.deletedAt == nil)
                .fetchOne(db) else { throw StoreError.notFound(what: "Contribution \(id)") }
            record.deletedAt = now
            try record.update(db)
        }
    }

    /// The step's contributions that are not deleted, oldest first.
    public func ratingContributions(meetingID: Int64, stepID: String) throws -> [RatingContribution] {
        try snapshot { db in
            try StoredRatingContribution
                .filter(StoredRatingContribution.Columns.meetingID == meetingID && StoredRatingContribution.Columns.stepID == stepID
                        && StoredRatingContribution.Columns.deletedAt == nil)
                .order(StoredRatingContribution.Columns.createdAt, StoredRatingContribution.Columns.id)
                .fetchAll(db).map(\.contribution)
        }
    }

    // MARK: summary items

    @discardableResult
    public func addSummaryItem(meetingID: Int64, stepID: String, kind: SummaryItemKind, text: String, owner: String,
                               due: String, now: Double) throws -> SummaryItem {
        try transaction { db in
            _ = try Self.storedMeeting(db, id: meetingID)
            var record = StoredSummaryItem(meetingID: meetingID, stepID: stepID, kind: kind, text: text, owner: owner,
                                           due: due, createdAt: now, deletedAt: nil)
            try record.insert(db)
            return record.item
        }
    }

    /// Changes a summary item's kind, text, owner and due date; its meeting,
    /// step and creation time stay as stored. A deleted item cannot be
    /// changed.
    @discardableResult
    public func updateSummaryItem(_ item: SummaryItem) throws -> SummaryItem {
        try transaction { db in
            var record = try Self.liveSummaryItem(db, id: item.id)
            record.kind = item.kind
            record.text = item.text
            record.owner = item.owner
            record.due = item.due
            try record.update(db)
            return record.item
        }
    }

    /// Hides a summary item by marking it deleted. The row stays in the store.
    public func deleteSummaryItem(id: Int64, now: Double) throws {
        try transaction { db in
            var record = try Self.liveSummaryItem(db, id: id)
            record.deletedAt = now
            try record.update(db)
        }
    }

    /// The meeting's summary items that are not deleted, in creation order
    /// (by time, then id).
    public func summaryItems(meetingID: Int64) throws -> [SummaryItem] {
        try snapshot { db in
            try StoredSummaryItem
                .filter(StoredSummaryItem.Columns.meetingID == meetingID && StoredSummaryItem.Columns.deletedAt == nil)
                .order(StoredSummaryItem.Columns.createdAt, StoredSummaryItem.Columns.id)
                .fetchAll(db).map(\.item)
        }
    }

    static func liveSummaryItem(_ db: Database, id: Int64) throws -> StoredSummaryItem {
        guard let record = try StoredSummaryItem.filter(key: id).filter(StoredSummaryItem.Columns.deletedAt == nil)
            .fetchOne(db) else {
            throw StoreError.notFound(what: "Summary item \(id)")
        }
        return record
    }
}
