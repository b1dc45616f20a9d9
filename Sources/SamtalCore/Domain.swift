// Domain types of the citizen-promise process (see DESIGN.md, glossary).
// Plain values: no storage, no terminal.

/// One promise period (löftesperiod) for one area.
public struct Cycle: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var area: String
    public var period: String
    public var createdAt: Timestamp

    public init(id: Int64, area: String, period: String, createdAt: Timestamp) {
        self.id = id
        self.area = area
        self.period = period
        self.createdAt = createdAt
    }
}

/// Seconds since 1970, UTC. The core never reads the clock itself: time
/// arrives in events.
public typealias Timestamp = Double

public enum MeetingStatus: String, Codable, Sendable, CaseIterable {
    case planned, running, finished
}

/// How the meeting was held: the county review asks for this in every
/// method description.
public enum MeetingForm: String, Codable, Sendable, CaseIterable {
    case physical
    case digital
    case openMeeting = "open_meeting"
    case focusGroup = "focus_group"
    case workplaceMeeting = "workplace_meeting"
    case safetyWalk = "safety_walk"
    case other
}

/// Who a note's knowledge comes from: a party, or the statistics and
/// surveys that are sources of their own (001: crime statistics, safety
/// surveys).
public enum NoteSource: String, Codable, Sendable, CaseIterable {
    case employee, citizen, municipality, police, partner, statistics, survey

    /// Statistics and safety surveys: facts brought to the meeting, not
    /// the views of those who took part.
    public var isData: Bool { self == .statistics || self == .survey }

    /// The next source in the fixed cycle (the F5 key).
    public var next: NoteSource {
        let all = NoteSource.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Sources encoded as "1=municipality,2=police" (group → source).
    public static func decode(groups text: String) -> [Int: NoteSource] {
        var out: [Int: NoteSource] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let g = Int(parts[0]), let s = NoteSource(rawValue: String(parts[1])) else { continue }
            out[g] = s
        }
        return out
    }

    public static func encode(groups: [Int: NoteSource]) -> String {
        groups.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ",")
    }
}

public enum NoteType: String, Codable, Sendable, CaseIterable {
    case problem, opportunity, positive, question, decision

    /// The next type in the fixed cycle problem → opportunity → … → decision → problem.
    public var next: NoteType {
        let all = NoteType.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// One row of the participant list: an organisation or role and its head
/// count, with the gender split the method description asks for.
public struct ParticipantRow: Equatable, Sendable, Codable {
    public var organisationRole: String
    public var headCount: Int
    public var women: Int
    public var men: Int
    public var otherOrUnstated: Int
    /// Whose knowledge the organisation brings (police, municipality,
    /// citizens, partner, …); nil when not stated or other.
    public var kind: NoteSource?

    public init(organisationRole: String, headCount: Int, women: Int = 0, men: Int = 0, otherOrUnstated: Int = 0,
                kind: NoteSource? = nil) {
        self.kind = kind
        self.organisationRole = organisationRole
        self.headCount = headCount
        self.women = women
        self.men = men
        self.otherOrUnstated = otherOrUnstated
    }

    /// True when the split adds up to the head count.
    public var splitAddsUp: Bool { women + men + otherOrUnstated == headCount }
}

/// The facts a method description needs: when, where, how, who.
public struct MethodFacts: Equatable, Sendable, Codable {
    public var date: String
    public var place: String
    public var form: MeetingForm
    public var facilitator: String
    public var noteTakers: String
    /// Whether notes carry the note-taker's name (else they are anonymous).
    public var namedNotes: Bool
    public var participants: [ParticipantRow]

    public init(date: String = "", place: String = "", form: MeetingForm = .physical,
                facilitator: String = "", noteTakers: String = "", namedNotes: Bool = false, participants: [ParticipantRow] = []) {
        self.date = date
        self.place = place
        self.form = form
        self.facilitator = facilitator
        self.noteTakers = noteTakers
        self.namedNotes = namedNotes
        self.participants = participants
    }

    public var totalHeadCount: Int { participants.reduce(0) { $0 + $1.headCount } }
    public var totalWomen: Int { participants.reduce(0) { $0 + $1.women } }
    public var totalMen: Int { participants.reduce(0) { $0 + $1.men } }
    public var totalOtherOrUnstated: Int { participants.reduce(0) { $0 + $1.otherOrUnstated } }
}

public struct Meeting: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var cycleID: Int64
    public var agendaID: String
    public var title: String
    public var facts: MethodFacts
    /// Number of groups working in parallel; notes may also belong to the
    /// plenary (group 0).
    public var groupCount: Int
    public var currentStepIndex: Int
    public var status: MeetingStatus
    public var createdAt: Timestamp
    /// The source given to a group's notes (unset: the agenda's).
    public var groupSources: [Int: NoteSource] = [:]
    /// The focus area the facilitator gave each group, per step id (the
    /// problem and activities steps; a step without its own takes the
    /// nearest earlier step's, see `RunState.groupAreasHere`).
    public var groupAreas: [String: [Int: Int64]] = [:]
    /// The projector wall's page as the facilitator last turned it (a
    /// counter; the wall takes it round its own number of pages), and when.
    public var wallPage = 0
    public var wallTurnedAt: Timestamp?
    /// Since when the facilitator has timed the current step beyond the
    /// seconds stored for it (the time is stored every 30 s and at each
    /// move): every screen of the room shows the stored seconds plus the
    /// time since then. None while no facilitator runs the meeting.
    public var clockFrom: Timestamp?

    public init(id: Int64, cycleID: Int64, agendaID: String, title: String, facts: MethodFacts = MethodFacts(),
                groupCount: Int = 3, currentStepIndex: Int = 0, status: MeetingStatus = .planned, createdAt: Timestamp) {
        self.id = id
        self.cycleID = cycleID
        self.agendaID = agendaID
        self.title = title
        self.facts = facts
        self.groupCount = groupCount
        self.currentStepIndex = currentStepIndex
        self.status = status
        self.createdAt = createdAt
    }
}

/// What the room said, as typed by a note-taker.
public struct Note: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var meetingID: Int64
    public var stepID: String
    /// 0 is the plenary; 1… are the groups.
    public var group: Int
    public var type: NoteType
    public var source: NoteSource
    public var text: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    /// The facilitator looked at what seemed to be personal data and chose
    /// to keep the note as it is.
    public var personalDataChecked: Bool
    /// Kept, but not shown on the projector.
    public var hidden: Bool
    /// Who typed it, in a meeting with named notes; "" when anonymous.
    public var author: String
    /// The facilitator's review of the note for the public feedback.
    public var publicReview: PublicReview
    /// A shortened text for the public feedback; "" publishes the note as
    /// written.
    public var publicText: String

    public init(id: Int64, meetingID: Int64, stepID: String, group: Int, type: NoteType, source: NoteSource,
                text: String, createdAt: Timestamp, updatedAt: Timestamp? = nil, personalDataChecked: Bool = false,
                hidden: Bool = false, author: String = "", publicReview: PublicReview = .unreviewed, publicText: String = "") {
        self.id = id
        self.meetingID = meetingID
        self.stepID = stepID
        self.group = group
        self.type = type
        self.source = source
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.personalDataChecked = personalDataChecked
        self.hidden = hidden
        self.author = author
        self.publicReview = publicReview
        self.publicText = publicText
    }

    /// What a public document prints of the note.
    public var publicVersion: String { publicText.isEmpty ? text : publicText }
}

/// Before the public feedback is written, the facilitator goes through
/// every note it would print and publishes or excludes each (issue 14).
/// Changing a note's text makes it unreviewed again.
public enum PublicReview: String, Codable, Sendable, CaseIterable {
    case unreviewed = ""
    case approved
    case excluded
}

/// One note's review decision, as the store takes it.
public struct NoteReviewDecision: Equatable, Sendable {
    public var noteID: Int64
    public var review: PublicReview
    public var publicText: String

    public init(noteID: Int64, review: PublicReview, publicText: String) {
        self.noteID = noteID
        self.review = review
        self.publicText = publicText
    }
}

/// A note not yet committed: what the input line hands to the store.
public struct NoteDraft: Equatable, Sendable {
    public var meetingID: Int64
    public var stepID: String
    public var group: Int
    public var type: NoteType
    public var source: NoteSource
    public var text: String
    public var author: String
    /// Set by the terminal that sends it (a UUID): the note can be looked
    /// up in the store, so a note journalled while the store was held is
    /// saved once, never twice.
    public var clientID: String?

    public init(meetingID: Int64, stepID: String, group: Int, type: NoteType, source: NoteSource, text: String, author: String = "",
                clientID: String? = nil) {
        self.meetingID = meetingID
        self.stepID = stepID
        self.group = group
        self.type = type
        self.source = source
        self.text = text
        self.author = author
        self.clientID = clientID
    }
}

extension Meeting {
    /// The source a group's notes take: the one given to the group in this
    /// meeting, else the agenda's for that group, else the agenda's.
    public func source(ofGroup group: Int, agenda: Agenda) -> NoteSource {
        groupSources[group] ?? agenda.groupSources[group] ?? agenda.source
    }
}

extension Meeting {
    /// Seconds a page of the projector's wall stays before the next.
    public static let wallPageSeconds: Double = 10
    /// Seconds a page the facilitator turned to stays before the pages
    /// turn by themselves again.
    public static let wallHoldSeconds: Double = 30

    /// The wall's page counter at `now`: the page turned to, held, then
    /// one more every `wallPageSeconds`. The projector and the facilitator
    /// compute the same, so a turn always goes to the page after the one
    /// the room sees.
    public func wallCounter(at now: Timestamp) -> Int {
        guard let at = wallTurnedAt else { return Int(max(0, now) / Self.wallPageSeconds) }
        let since = now - at
        guard since >= Self.wallHoldSeconds else { return wallPage }
        return wallPage + 1 + Int((since - Self.wallHoldSeconds) / Self.wallPageSeconds)
    }

    /// The wall as a new step starts it: its first page, staying as long
    /// as a page that turns by itself (not held like a page turned to).
    public static func wallAtStepStart(now: Timestamp) -> (page: Int, turnedAt: Timestamp) {
        (0, now - wallHoldSeconds + wallPageSeconds)
    }

    /// "problem/1=12,problem/2=14": each step's groups' focus areas, as
    /// stored (step ids hold no "/" or ",").
    public static func encode(groupAreas: [String: [Int: Int64]]) -> String {
        groupAreas.sorted { $0.key < $1.key }.flatMap { step, areas in
            areas.sorted { $0.key < $1.key }.map { "\(step)/\($0.key)=\($0.value)" } + (areas.isEmpty ? ["\(step)/"] : [])
        }.joined(separator: ",")
    }

    public static func decode(groupAreas text: String) -> [String: [Int: Int64]] {
        var out: [String: [Int: Int64]] = [:]
        for pair in text.split(separator: ",") {
            guard let slash = pair.lastIndex(of: "/") else { continue }
            let step = String(pair[..<slash])
            out[step, default: [:]] = out[step] ?? [:]
            let parts = pair[pair.index(after: slash)...].split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let g = Int(parts[0]), let id = Int64(parts[1]) else { continue }
            out[step]![g] = id
        }
        return out
    }
}
