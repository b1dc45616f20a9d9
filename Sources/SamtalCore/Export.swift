// What the documents are built from: a meeting's whole record, and the
// redaction of personal data in it and in a cycle's analysis.

/// A finished meeting's step records as they were when it finished.
public struct MeetingSnapshot: Codable, Equatable, Sendable {
    public var steps: [String: StepData]
    public var problems: [Problem]
    public var whyChains: [Int64: [Cause]]
    /// The time per step when it finished.
    public var stepSeconds: [String: Double]?
}

public struct MeetingRecord: Sendable {
    public var cycle: Cycle
    public var meeting: Meeting
    public var agenda: Agenda
    public var notes: [Note]
    public var stepSeconds: [String: Double]
    /// What each step's own interaction produced, by step id.
    public var steps: [String: StepData]
    /// The problem descriptions made in this meeting, with their why-chains.
    public var problems: [Problem]
    public var whyChains: [Int64: [Cause]]

    public init(cycle: Cycle, meeting: Meeting, agenda: Agenda, notes: [Note], stepSeconds: [String: Double],
                steps: [String: StepData] = [:], problems: [Problem] = [], whyChains: [Int64: [Cause]] = [:]) {
        self.cycle = cycle
        self.meeting = meeting
        self.agenda = agenda
        self.notes = notes
        self.stepSeconds = stepSeconds
        self.steps = steps
        self.problems = problems
        self.whyChains = whyChains
    }

    /// What the meeting's steps produced, as it is frozen when the meeting
    /// finishes: its focus areas (with their notes), dots, ratings,
    /// summary, problems and activities. Its notes are not in it: a note
    /// hidden or corrected later is shown as it is now.
    public var frozen: MeetingSnapshot {
        MeetingSnapshot(steps: steps, problems: problems, whyChains: whyChains, stepSeconds: stepSeconds)
    }

    /// The record with its steps as they were frozen, keeping the notes
    /// each step gathers as they are now.
    public func thawing(_ snapshot: MeetingSnapshot) -> MeetingRecord {
        var r = self
        r.problems = snapshot.problems
        r.whyChains = snapshot.whyChains
        r.stepSeconds = snapshot.stepSeconds ?? stepSeconds
        for (id, var data) in snapshot.steps {
            data.notes = steps[id]?.notes ?? []
            data.sourceNotes = steps[id]?.sourceNotes ?? []
            data.commitments = steps[id]?.commitments
            r.steps[id] = data
        }
        return r
    }

    /// The notes that look like they hold personal data and have not been
    /// checked and kept.
    public var flaggedNotes: [(note: Note, kinds: [PersonalDataKind])] {
        notes.compactMap { n in
            let kinds = n.personalDataChecked ? [] : PersonalData.kinds(in: n.text)
            return kinds.isEmpty ? nil : (n, kinds)
        }
    }

    /// The same record with every free text passed through `PersonalData.redact`.
    public func redacted() -> MeetingRecord {
        var r = self
        let x: (String) -> String = PersonalData.redact
        r.notes = notes.map { $0.redacted() }
        for (id, var d) in r.steps {
            d.notes = d.notes.map { $0.redacted() }
            d.sourceNotes = d.sourceNotes.map { $0.redacted() }
            d.focusAreas = d.focusAreas.map { $0.redacted() }
            d.checklist = d.checklist.map { var c = $0; c.comment = x(c.comment); return c }
            d.ratings = d.ratings.map { var q = $0; q.observations = x(q.observations); q.comment = x(q.comment); return q }
            d.summaryItems = d.summaryItems.map { var i = $0; i.text = x(i.text); i.owner = x(i.owner); i.due = x(i.due); return i }
            d.activities = d.activities.map { $0.redacted() }
            d.problem = d.problem?.redacted()
            d.whyChain = d.whyChain.map { $0.redacted() }
            r.steps[id] = d
        }
        r.problems = problems.map { $0.redacted() }
        r.whyChains = whyChains.mapValues { $0.map { $0.redacted() } }
        return r
    }
}

extension CycleAnalysis {
    /// The same analysis with every free text passed through
    /// `PersonalData.redact`.
    public func redacted() -> CycleAnalysis {
        var a = self
        let x: (String) -> String = PersonalData.redact
        a.focusAreas = focusAreas.map { $0.redacted() }
        a.problems = problems.map { $0.redacted() }
        a.causes = causes.mapValues { $0.map { $0.redacted() } }
        a.activities = activities.map { $0.redacted() }
        a.goals = goals.map { g in
            var g = g
            g.text = x(g.text); g.indicator = x(g.indicator); g.baseline = x(g.baseline)
            g.target = x(g.target); g.deadline = x(g.deadline); g.owner = x(g.owner)
            return g
        }
        a.promise = promise.map { p in var p = p; p.sections = p.sections.mapValues(x); return p }
        a.followUps = followUps.map { f in var f = f; f.why = x(f.why); f.measuredValue = x(f.measuredValue); f.date = x(f.date); return f }
        a.notes = notes.mapValues { $0.redacted() }
        return a
    }
}

extension Note {
    func redacted() -> Note { var n = self; n.text = PersonalData.redact(text); return n }
}

extension FocusArea {
    func redacted() -> FocusArea {
        var a = self
        a.name = PersonalData.redact(name)
        a.targetPicture = PersonalData.redact(targetPicture)
        return a
    }
}

extension Problem {
    func redacted() -> Problem {
        var p = self
        p.answers = answers.mapValues(PersonalData.redact)
        p.triangle = triangle.mapValues(PersonalData.redact)
        return p
    }
}

extension Cause {
    func redacted() -> Cause { var c = self; c.text = PersonalData.redact(text); return c }
}

extension Activity {
    func redacted() -> Activity {
        var a = self
        let x: (String) -> String = PersonalData.redact
        a.what = x(what); a.how = x(how); a.responsible = x(responsible); a.organisation = x(organisation)
        a.start = x(start); a.end = x(end)
        return a
    }
}
