// Loading and writing what the step kinds show: the store's side of the
// core's `Effect.loadStep` and `Effect.writeStep`.

import GRDB
import SamtalCore

extension AppStore {
    /// Everything a step shows, by its kind.
    /// What a step shows, read in one snapshot: the notes, areas and votes
    /// on screen are of one moment, whatever other terminals commit meanwhile.
    ///
    /// `firstNotes`: a cluster step gathering the cycle's notes reads whole
    /// meetings' notes only until it has this many (the rows of a first
    /// screen), and counts the rest (`StepData.sourceNotesNotRead`): its
    /// first frame is drawn without waiting for the ~1,000 notes of a
    /// cycle, of which it shows a screenful (issue 15). Where a focus area
    /// holds a note not read, everything is read: the areas' list shows
    /// their notes.
    public func stepData(_ q: StepQuery, firstNotes: Int? = nil) throws -> StepData {
        try snapshot { db in try readStepData(q, firstNotes: firstNotes, db) }
    }

    private func readStepData(_ q: StepQuery, firstNotes: Int?, _ db: Database) throws -> StepData {
        var data = StepData(stepID: q.stepID, notes: try notes(meetingID: q.meetingID, stepID: q.stepID))
        switch q.kind {
        case .cluster:
            if q.notesFromCycle {
                // The joint workshop gathers every meeting's notes, each
                // keeping its source, oldest meeting first.
                let ids = try meetingIDs(cycleID: q.cycleID).reversed()
                var meetings: [[Note]] = []
                var read = 0, notRead = 0
                for id in ids {
                    if let firstNotes, read >= firstNotes {
                        notRead += try Self.gatheredCount(db, meetingID: id, leaving: q)
                        continue
                    }
                    let notes = try notes(meetingID: id)
                    meetings.append(notes)
                    read += notes.count
                }
                data.focusAreas = try focusAreas(cycleID: q.cycleID)
                if notRead > 0 {
                    let readIDs = Set(meetings.lazy.flatMap { $0.lazy.map(\.id) })
                    if data.focusAreas.contains(where: { $0.noteIDs.contains { !readIDs.contains($0) } }) {
                        meetings = try ids.map { try notes(meetingID: $0) }
                        notRead = 0
                    }
                }
                // Gathered into one array made at its size: a filtered
                // copy of each meeting's, appended to a growing one, copied
                // the ~1,000 notes two or three times (issue 15).
                var all: [Note] = []
                all.reserveCapacity(meetings.reduce(0) { $0 + $1.count })
                for notes in meetings {
                    for note in notes where note.meetingID != q.meetingID || note.stepID != q.stepID { all.append(note) }
                }
                data.sourceNotes = all
                data.sourceNotesNotRead = notRead
            } else {
                let order = Dictionary(uniqueKeysWithValues: q.earlierStepIDs.enumerated().map { ($1, $0) })
                data.sourceNotes = try notes(meetingID: q.meetingID)
                    .filter { order[$0.stepID] != nil }
                    .sorted { (order[$0.stepID]!, $0.group, $0.createdAt, $0.id) < (order[$1.stepID]!, $1.group, $1.createdAt, $1.id) }
            }
            // Gathering the cycle's notes, it works on every meeting's
            // proposals (read above); else on the areas made in this step.
            if !q.notesFromCycle { data.focusAreas = try focusAreas(meetingID: q.meetingID).filter { $0.stepID == q.stepID } }
        case .vote where q.votesOnActivities:
            // The meeting's activities, or the cycle's when the meeting
            // works on them all; the dots of this step.
            data.activities = q.activitiesFromCycle ? try activities(cycleID: q.cycleID) : try activities(meetingID: q.meetingID)
            data.activityVotes = try activityVotes(meetingID: q.meetingID, stepID: q.stepID)
            data.focusAreas = try focusAreas(cycleID: q.cycleID)
        case .vote:
            data.focusAreas = q.areasFromCycle ? [] : try focusAreas(meetingID: q.meetingID)
            if data.focusAreas.isEmpty {
                data.focusAreas = try focusAreas(cycleID: q.cycleID)
                data.focusAreasFromCycle = !data.focusAreas.isEmpty
                // What the dialogues voted, beside the room's new dots.
                if data.focusAreasFromCycle {
                    data.earlierDots = Ranking.count(try votes(cycleID: q.cycleID).filter { $0.meetingID != q.meetingID })
                }
            }
            data.votes = try votes(meetingID: q.meetingID, stepID: q.stepID)
        case .checklist:
            data.checklist = try checklistAnswers(meetingID: q.meetingID, stepID: q.stepID)
        case .rating:
            data.ratings = try ratings(meetingID: q.meetingID, stepID: q.stepID)
            data.contributions = try ratingContributions(meetingID: q.meetingID, stepID: q.stepID)
        case .summary:
            data.summaryItems = try summaryItems(meetingID: q.meetingID).filter { $0.stepID == q.stepID }
            data.output = try meetingOutput(q)
        case .problem:
            // The cycle's focus areas; the chosen one, else (the step opened
            // again) the one this step last wrote a problem of, else the
            // best ranked.
            data.focusAreas = try focusAreas(cycleID: q.cycleID)
            data.votes = Ranking.decisive(try votes(cycleID: q.cycleID)).decisive
            let ranked = Ranking.rank(data.focusAreas, votes: data.votes).map(\.area)
            let wanted = try q.focusAreaID ?? lastProblemArea(meetingID: q.meetingID, stepID: q.stepID)
            let areaID = wanted.flatMap { id in ranked.first { $0.id == id }?.id } ?? ranked.first?.id
            data.problemFocusAreaID = areaID
            data.problem = try problem(meetingID: q.meetingID, stepID: q.stepID, focusAreaID: areaID)
            if let p = data.problem { data.whyChain = try whyChain(problemID: p.id) }
            // Every area's, for the wall: groups write different areas at once.
            data.areaProblems = try ranked.compactMap { area in
                try problem(meetingID: q.meetingID, stepID: q.stepID, focusAreaID: area.id).map { p in
                    AreaProblem(problem: p, whyChain: try whyChain(problemID: p.id))
                }
            }
        case .activities:
            data.focusAreas = try focusAreas(cycleID: q.cycleID)
            data.votes = Ranking.decisive(try votes(cycleID: q.cycleID)).decisive
            data.activities = q.activitiesFromCycle ? try activities(cycleID: q.cycleID)
                : try activities(meetingID: q.meetingID).filter { $0.stepID == q.stepID }
            // Working on the cycle's activities, the dots they got earlier
            // are shown as input.
            if q.activitiesFromCycle { data.activityVotes = try activityVotes(cycleID: q.cycleID) }
        case .goals:
            // The plan's goals, with the activities and areas they can serve.
            data.goals = try goals(cycleID: q.cycleID)
            data.activities = try activities(cycleID: q.cycleID)
            data.focusAreas = try focusAreas(cycleID: q.cycleID)
            data.votes = Ranking.decisive(try votes(cycleID: q.cycleID)).decisive
        case .followUp:
            // The plan followed up: this cycle's, or the area's previous
            // cycle's when this one has none yet (the last period's).
            let plan = try commitments(cycleID: q.cycleID)
            data.activities = plan?.activities ?? []
            data.goals = plan?.goals ?? []
            data.focusAreas = plan?.focusAreas ?? []
            data.followUps = try followUps(meetingID: q.meetingID, stepID: q.stepID)
        case .present, .collect:
            break // their notes, read above
        }
        if q.showCycleFocusAreas {
            data.focusAreas = try focusAreas(cycleID: q.cycleID)
            data.votes = Ranking.decisive(try votes(cycleID: q.cycleID)).decisive
        }
        if q.showCommitments { data.commitments = try commitments(cycleID: q.cycleID) }
        if q.showCarriedForward {
            // The cycle's meetings before this one, oldest first.
            let earlier = try meetingIDs(cycleID: q.cycleID).reversed().prefix { $0 != q.meetingID }
            if !earlier.isEmpty {
                let order = Dictionary(uniqueKeysWithValues: earlier.enumerated().map { ($1, $0) })
                data.carriedForward = try StoredSummaryItem
                    .filter(earlier.contains(StoredSummaryItem.Columns.meetingID) && StoredSummaryItem.Columns.deletedAt == nil)
                    .fetchAll(db).map(\.item)
                    .filter { $0.kind == .carryForward }
                    .sorted { (order[$0.meetingID]!, $0.createdAt, $0.id) < (order[$1.meetingID]!, $1.createdAt, $1.id) }
                if !data.carriedForward.isEmpty {
                    data.meetingTitles = Dictionary(uniqueKeysWithValues: try meetings(cycleID: q.cycleID).map { ($0.id, $0.title) })
                }
            }
        }
        if data.focusAreas.contains(where: { $0.proposedIn != [q.meetingID] }) {
            data.meetingTitles = Dictionary(uniqueKeysWithValues: try meetings(cycleID: q.cycleID).map { ($0.id, $0.title) })
        }
        return data
    }

    /// The number of the meeting's notes a cluster step gathering the
    /// cycle's takes: not deleted, and not the step's own.
    private static func gatheredCount(_ db: Database, meetingID: Int64, leaving q: StepQuery) throws -> Int {
        let own = meetingID == q.meetingID
        let sql = "SELECT COUNT(*) FROM note WHERE meeting_id = ? AND deleted_at IS NULL" + (own ? " AND step_id <> ?" : "")
        let arguments: StatementArguments = own ? [meetingID, q.stepID] : [meetingID]
        return try db.rows(sql, arguments: arguments) { Int($0.int64(0)) }.first ?? 0
    }

    /// What the meeting produced in the steps before a summary step.
    func meetingOutput(_ q: StepQuery) throws -> MeetingOutput {
        var out = MeetingOutput()
        let earlier = Set(q.earlierStepIDs)
        for note in try notes(meetingID: q.meetingID) where earlier.contains(note.stepID) && !note.hidden {
            out.notesPerGroup[note.group, default: 0] += 1
        }
        out.votes = try votes(cycleID: q.cycleID).filter { $0.meetingID == q.meetingID }
        // Its own areas, and those it voted on.
        let voted = Set(out.votes.map(\.focusAreaID))
        out.focusAreas = try focusAreas(cycleID: q.cycleID).filter { $0.proposedIn.contains(q.meetingID) || voted.contains($0.id) }
        out.problems = try problems(cycleID: q.cycleID).filter { $0.meetingID == q.meetingID }
        out.activityVotes = try activityVotes(cycleID: q.cycleID).filter { $0.meetingID == q.meetingID }
        let dotted = Set(out.activityVotes.map(\.activityID))
        out.activities = try activities(cycleID: q.cycleID).filter { $0.meetingID == q.meetingID || dotted.contains($0.id) }
        out.goals = try goals(cycleID: q.cycleID).filter { $0.meetingID == q.meetingID }
        out.ratings = try ratings(meetingID: q.meetingID).filter { earlier.contains($0.key) }
        out.followUps = try q.earlierStepIDs.flatMap { try followUps(meetingID: q.meetingID, stepID: $0) }.filter { !$0.isEmpty }
        // The activities followed up may be the previous period's.
        let followed = Set(out.followUps.compactMap(\.activityID)).subtracting(out.activities.map(\.id))
        if !followed.isEmpty, let plan = try commitments(cycleID: q.cycleID) {
            out.activities += plan.activities.filter { followed.contains($0.id) }
        }
        return out
    }

    /// What a follow-up meeting reviews: the cycle's plan when it has
    /// activities or goals, else that of the latest earlier cycle of the
    /// same area that has one (the last period's commitments); nil when
    /// there is none.
    public func commitments(cycleID: Int64) throws -> CycleAnalysis? {
        let own = try cycleAnalysis(cycleID: cycleID)
        if !own.activities.isEmpty || !own.goals.isEmpty { return own }
        let earlier = try cycles().filter { $0.area == own.cycle.area && $0.id != cycleID && $0.createdAt <= own.cycle.createdAt }
            .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
        for cycle in earlier {
            let analysis = try cycleAnalysis(cycleID: cycle.id)
            if !analysis.activities.isEmpty || !analysis.goals.isEmpty { return analysis }
        }
        return nil
    }

    /// Performs one step write; the drafts it saves (`clearing`) are
    /// removed in the same transaction.
    public func write(_ w: StepWrite, _ q: StepQuery, clearing: DraftRef? = nil, now: Double) throws {
        try transaction { db in
            try perform(w, q, now: now)
            try Self.clear(db, clearing, meetingID: q.meetingID)
        }
    }

    private func perform(_ w: StepWrite, _ q: StepQuery, now: Double) throws {
        switch w {
        case .createFocusArea(let name, let type):
            _ = try createFocusArea(meetingID: q.meetingID, stepID: q.stepID, name: name, type: type, now: now)
        case .renameFocusArea(let id, let name):
            _ = try renameFocusArea(id: id, name: name)
        case .setTargetPicture(let id, let text):
            _ = try setTargetPicture(id: id, text: text)
        case .setLeadsToPromise(let id, let leads):
            _ = try setLeadsToPromise(focusAreaID: id, leads)
        case .setFocusAreaType(let id, let type):
            _ = try setFocusAreaType(id: id, type: type)
        case .assignNote(let noteID, let areaID):
            try assignNote(noteID: noteID, to: areaID)
        case .splitFocusArea(let from, let name):
            _ = try splitFocusArea(from, name: name, meetingID: q.meetingID, stepID: q.stepID, now: now)
        case .mergeFocusArea(let from, let into):
            _ = try mergeFocusArea(from, into: into, now: now)
        case .deleteFocusArea(let id):
            try deleteFocusArea(id: id, now: now)
        case .addVote(let areaID, let voter):
            _ = try addVote(meetingID: q.meetingID, stepID: q.stepID, focusAreaID: areaID, voter: voter, now: now)
        case .addActivityVote(let activityID, let voter):
            _ = try addActivityVote(meetingID: q.meetingID, stepID: q.stepID, activityID: activityID, voter: voter, now: now)
        case .undoVote(let voter) where q.votesOnActivities:
            _ = try undoLastActivityVote(meetingID: q.meetingID, stepID: q.stepID, voter: voter)
        case .undoVote(let voter):
            _ = try undoLastVote(meetingID: q.meetingID, stepID: q.stepID, voter: voter)
        case .setChecklistAnswer(let answer):
            try setChecklistAnswer(meetingID: q.meetingID, stepID: q.stepID, answer: answer)
        case .setRating(let rating):
            try setRating(meetingID: q.meetingID, stepID: q.stepID, rating: rating)
        case .addSummaryItem(let kind, let text, let owner, let due):
            _ = try addSummaryItem(meetingID: q.meetingID, stepID: q.stepID, kind: kind, text: text, owner: owner, due: due, now: now)
        case .deleteSummaryItem(let id):
            try deleteSummaryItem(id: id, now: now)
        case .setProblemText(let areaID, let field, let text):
            _ = try setProblemText(field, text, meetingID: q.meetingID, stepID: q.stepID, focusAreaID: areaID, now: now)
        case .setWhyText(let areaID, let level, let text):
            // The chain hangs on the problem: create it (empty) if need be.
            // The other levels are read here, in the write's transaction:
            // another terminal may have written them since this one read.
            let p = try problem(meetingID: q.meetingID, stepID: q.stepID, focusAreaID: areaID)
                ?? saveProblem(meetingID: q.meetingID, stepID: q.stepID, focusAreaID: areaID, answers: [:], triangle: [:], now: now)
            var texts = try whyChain(problemID: p.id).map(\.text)
            while texts.count <= level { texts.append("") }
            texts[level] = text
            _ = try saveWhyChain(problemID: p.id, texts: texts, now: now)
        case .addContribution(let question, let from, let text):
            _ = try addRatingContribution(meetingID: q.meetingID, stepID: q.stepID, question: question, from: from, text: text, now: now)
        case .deleteContribution(let id):
            try deleteRatingContribution(id: id, now: now)
        case .addActivity(let a):
            _ = try addActivity(a, meetingID: q.meetingID, stepID: q.stepID, now: now)
        case .updateActivity(let a):
            _ = try updateActivity(a, now: now)
        case .saveFollowUp(let f):
            _ = try saveStepFollowUp(f, meetingID: q.meetingID, stepID: q.stepID, now: now)
        case .setFollowUpStatus(let activityID, let status, let date):
            try setStepFollowUpStatus(activityID: activityID, status: status, date: date, meetingID: q.meetingID, stepID: q.stepID,
                                      now: now)
        case .updateSummaryItem(let item):
            _ = try updateSummaryItem(item)
        case .saveGoal(let goal):
            _ = try saveGoal(goal, now: now)
        case .deleteGoal(let id):
            try deleteGoal(id: id, now: now)
        case .deleteActivity(let id):
            try deleteActivity(id: id, now: now)
        }
    }
}
