import Testing
import SamtalCore
@testable import SamtalRender

/// The projector (`samtal present`) for every kind of step, at the sizes a
/// projected terminal has: small (60×16, 80×24), usual (100×30) and wide
/// (160×45). The room must see what it is producing, whole.
@Suite struct ProjectorSnapshotTests {
    let sizes = [Size(width: 60, height: 16), Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 160, height: 45)]

    func check(_ state: AppState, _ name: String) {
        for size in sizes {
            assertSnapshot(Screens.render(state, size: size), "projector-\(name)-\(size.width)x\(size.height)")
        }
    }

    func projector(_ kind: StepKind, questions: [String] = [], settings: [String: String] = [:], data: StepData,
                   notes: [Note] = []) -> AppState {
        StepFixtures.state(kind, questions: questions, settings: settings, data: data, notes: notes, role: .projector)
    }

    /// 24 notes of three groups and the plenary: more than one page at
    /// 80×24, every one of them on some page.
    static let manyNotes: [Note] = (0..<24).map { i in
        let texts = ["Buskörning med mopeder vid Storgatan kvällstid", "Fältassistenterna känner ungdomarna",
                     "Otrygghet i gångtunneln vid stationen, särskilt för kvinnor efter mörkrets inbrott", "Nedskräpning vid återvinningen",
                     "Klotter på skolans gavel", "Bra belysning på torget sedan i höstas"]
        let types: [NoteType] = [.problem, .opportunity, .problem, .problem, .question, .positive]
        return Note(id: Int64(i + 1), meetingID: 3, stepID: "steget", group: [1, 2, 3, 0][i % 4], type: types[i % 6], source: .employee,
                    text: "\(i + 1). \(texts[i % 6])", createdAt: Double(i))
    }

    @Test func collect() {
        check(projector(.collect, data: StepData(stepID: "steget", notes: Self.manyNotes), notes: Self.manyNotes), "collect")
    }

    @Test("the wall turns its pages by itself, and every note is on one of them")
    func collectPages() {
        var state = projector(.collect, data: StepData(stepID: "steget", notes: Self.manyNotes), notes: Self.manyNotes)
        var seen = Set<Int>()
        var pages = 0
        for page in 0..<6 {
            _ = state.update(.tick(now: 10_000 + Double(page) * Meeting.wallPageSeconds, today: "2026-12-03"))
            let screen = Screens.render(state, size: Size(width: 80, height: 24)).text
            guard let match = screen.firstMatch(of: /sida (\d+)\/(\d+)/) else {
                Issue.record("no page marker:\n\(screen)")
                return
            }
            pages = Int(match.2)!
            for n in 1...24 where screen.contains("\(n). ") { seen.insert(n) }
        }
        #expect(pages > 1)
        #expect(seen == Set(1...24))
    }

    /// Found by the fifteenth walk: at 80×24 a long note ended in "…" and
    /// the rest of it was on no page.
    @Test("a note taller than the wall's column goes on in the next column and page: every word of it is shown")
    func aLongNoteGoesOn() {
        let words = (1...90).map { "ord\($0)" }
        let text = "Buskörning vid Storgatan kvällstid: " + words.joined(separator: " ")
        let notes = [Note(id: 1, meetingID: 3, stepID: "steget", group: 1, type: .problem, source: .employee, text: text, createdAt: 1)]
        var state = projector(.collect, data: StepData(stepID: "steget", notes: notes), notes: notes)
        var seen = Set<String>()
        var pages = 0
        for page in 0..<6 {
            _ = state.update(.tick(now: 10_000 + Double(page) * Meeting.wallPageSeconds, today: "2026-12-03"))
            let screen = Screens.render(state, size: Size(width: 60, height: 16)).text
            #expect(!screen.contains("…"), "\(screen)")
            pages = Int(screen.firstMatch(of: /sida (\d+)\/(\d+)/)?.2 ?? "1") ?? 1
            seen.formUnion(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).map(String.init).filter { words.contains($0) })
        }
        #expect(pages > 1)
        #expect(seen == Set(words), "not on the wall: \(Set(words).subtracting(seen).sorted())")
    }

    @Test("a note checked and kept by the facilitator is still masked on the projector")
    func personalDataStaysMasked() {
        var notes = ScreenFixtures.notes.map { n in var n = n; n.stepID = "steget"; return n }
        notes[4].personalDataChecked = true
        let screen = Screens.render(projector(.collect, data: StepData(stepID: "steget", notes: notes), notes: notes),
                                    size: Size(width: 100, height: 30)).text
        #expect(screen.contains("Ring Kim på"))
        #expect(!screen.contains("070-123 45 67"))
        #expect(!screen.contains("ABC 123"))
    }

    @Test func cluster() {
        check(projector(.cluster, data: StepData(stepID: "steget", sourceNotes: StepFixtures.notes, focusAreas: StepFixtures.areas)), "cluster")
    }

    /// The fifteenth walk: the facilitator marked an area for the promise
    /// and wrote its target picture in the cluster step; the room's wall
    /// showed neither.
    @Test("the wall's cluster column shows an area's promise mark and target picture")
    func clusterShowsPromiseMarkAndTargetPicture() {
        var areas = StepFixtures.areas
        areas[0].leadsToPromise = true
        areas[0].targetPicture = "Boende går tryggt hem på kvällen"
        let screen = Screens.render(projector(.cluster, data: StepData(stepID: "steget", sourceNotes: StepFixtures.notes, focusAreas: areas)),
                                    size: Size(width: 100, height: 30)).text
        #expect(screen.contains("★ Storgatan kvällstid"), "\(screen)")
        #expect(screen.contains("Målbild: Boende går tryggt hem"), "\(screen)")
    }

    @Test("a hidden note is neither listed under its focus area on the wall nor counted in the area's heading")
    func clusterLeavesHiddenNotesUncounted() {
        var notes = StepFixtures.notes
        let areas = [StepFixtures.area(10, "Skadegörelse på Ängsgärdet", notes: [notes[0].id])]
        notes[0].hidden = true
        let screen = Screens.render(projector(.cluster, data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: areas)),
                                    size: Size(width: 100, height: 30)).text
        #expect(screen.contains("Skadegörelse på Ängsgärdet · plats (0)"), "\(screen)")
        #expect(!screen.contains(notes[0].text))
    }

    @Test("the facilitator's cluster list marks a note hidden from the projector, as the note list does")
    func clusterListMarksHiddenNotes() {
        var notes = StepFixtures.notes
        notes[0].hidden = true
        let state = StepFixtures.state(.cluster, data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: []))
        let screen = Screens.render(state, size: Size(width: 120, height: 30)).text
        #expect(screen.contains("(dold)"), "\(screen)")
    }

    @Test("the facilitator's cluster list marks a note with personal data not yet checked, as the note list does")
    func clusterListMarksPersonalData() {
        var notes = StepFixtures.notes
        notes[0].text = "Ring Erik på 070-123 45 67"
        notes[1].text = "Mejla anna.svensson@example.se"
        notes[1].personalDataChecked = true
        let state = StepFixtures.state(.cluster, data: StepData(stepID: "steget", sourceNotes: notes, focusAreas: []))
        let screen = Screens.render(state, size: Size(width: 140, height: 30)).text
        #expect(screen.contains("⚠ tel?"), "\(screen)")
        #expect(!screen.contains("⚠ e-post?"), "\(screen)")
    }

    @Test func vote() {
        check(projector(.vote, settings: ["dots": "3"],
                        data: StepData(stepID: "steget", focusAreas: StepFixtures.areas, votes: StepFixtures.votes([10: 9, 11: 9, 12: 4]))),
              "vote")
    }

    @Test func problem() {
        // Two groups have written two areas' descriptions.
        var data = StepFixtures.problemData
        let other = Problem(id: 2, cycleID: 1, focusAreaID: 10, meetingID: 3, stepID: "steget",
                            answers: [.what: "Buskörning med mopeder", .where_: "Storgatan mellan torget och skolan"], createdAt: 0)
        data.areaProblems = [AreaProblem(problem: data.problem!, whyChain: data.whyChain), AreaProblem(problem: other, whyChain: [])]
        check(projector(.problem, data: data), "problem")
    }

    @Test("every column of the problem wall starts under its area's name, at any size (the twenty-second session's walk)")
    func problemWallColumnsNameTheirArea() {
        // The walk: a column starting with "Problemanalystriangeln" named
        // no area, beside the next area's column: the room read the
        // triangle as the other area's.
        var data = StepFixtures.problemData
        let other = Problem(id: 2, cycleID: 1, focusAreaID: 10, meetingID: 3, stepID: "steget",
                            answers: [.what: "Buskörning med mopeder", .where_: "Storgatan mellan torget och skolan"],
                            triangle: [.offender: "Mopedåkande ungdomar", .target: "Boende längs Storgatan",
                                       .placeManager: "Fastighetsägaren (Coop)"], createdAt: 0)
        data.areaProblems = [AreaProblem(problem: data.problem!, whyChain: data.whyChain), AreaProblem(problem: other, whyChain: [])]
        let state = projector(.problem, data: data)
        guard case .run(let run) = state.screen else { Issue.record("not running"); return }
        let blocks = Screens.problemWall(run, texts: Texts(.sv))
        var columnsStartingWithASection = 0
        for height in 4...30 {
            for width in [34, 40, 48, 60] {
                for column in Screens.wallLayout(blocks, columnWidth: width, height: height, continued: "(forts.)") where !column.isEmpty {
                    #expect(column[0].text.hasPrefix("Problembeskrivning"), "\(width)×\(height): \(column.map(\.text))")
                    if column.count > 1, ["Problemanalystriangeln", "Orsaker", "Beskrivning"].contains(where: { column[1].text.hasPrefix($0) }) {
                        columnsStartingWithASection += 1
                    }
                }
            }
        }
        // Some columns did start at a section's heading, under the name said again.
        #expect(columnsStartingWithASection > 0)
    }

    @Test("areas given to groups are on the wall with their groups before a word is written")
    func problemWithGroups() {
        var state = projector(.problem, data: StepFixtures.problemData)
        guard case .run(let run) = state.screen else { Issue.record("not running"); return }
        var meeting = run.meeting
        meeting.groupAreas = ["steget": [1: 11, 2: 12]]
        _ = state.update(.meetingFollowed(meeting, stepSeconds: ["steget": 300]))
        assertSnapshot(Screens.render(state, size: Size(width: 100, height: 30)), "projector-problem-groups-100x30")
        // The facilitator's panel says which group has which area.
        var facilitator = StepFixtures.state(.problem, data: StepFixtures.problemData)
        _ = facilitator.update(.meetingFollowed(meeting, stepSeconds: [:]))
        assertSnapshot(Screens.render(facilitator, size: Size(width: 100, height: 30)), "step-problem-groups-100x30")
    }

    @Test func activities() {
        check(projector(.activities, data: StepFixtures.activitiesData), "activities")
    }

    @Test func goals() {
        var data = StepFixtures.activitiesData
        data.goals = [Goal(id: 1, cycleID: 1, focusAreaID: 11, kind: .effect, text: "Färre som känner sig otrygga i gångtunneln",
                           indicator: "Andel otrygga i trygghetsmätningen", baseline: "64 %", target: "40 %", deadline: "2027-12-31",
                           owner: "Trygghetssamordnaren", activityIDs: [1], accepted: true, createdAt: 1)]
        check(projector(.goals, data: data), "goals")
    }

    @Test func followUp() {
        var data = StepFixtures.activitiesData
        data.followUps = [FollowUp(id: 1, cycleID: 1, activityID: 1, aspect: .resource, status: .done, why: "Genomförd två gånger",
                                   date: "2027-03-01", meetingID: 3, stepID: "steget", createdAt: 1)]
        check(projector(.followUp, data: data), "follow-up")
    }

    @Test func rating() {
        var data = StepFixtures.ratingData
        data.contributions = [RatingContribution(id: 1, meetingID: 3, stepID: "steget", question: 0, from: "Socialtjänsten",
                                                 text: "Oro för unga i centrum på fredagskvällar", createdAt: 1)]
        check(projector(.rating, questions: StepFixtures.ratingQuestions, settings: ["scale": "impact-1-5"], data: data), "rating")
    }

    @Test func checklist() {
        check(projector(.checklist, questions: StepFixtures.checklistItems, data: StepFixtures.checklistData), "checklist")
    }

    @Test func summary() {
        check(projector(.summary, data: StepFixtures.summaryData), "summary")
    }
}

@Suite struct TalkingPointsTests {
    @Test("talking points that do not fit turn a page with Ctrl-P, and every point is on a page")
    func talkingPointsPage() {
        let points = (1...8).map { "Punkt \($0): läs upp syftet, målen och kvalitetskriterierna för mötet innan gruppen börjar arbeta." }
        let agenda = Agenda(id: "a", version: 1, title: "A", meetingType: .employeeDialogueWhat, source: .employee, steps: [
            AgendaStep(id: "steget", title: "Steget", kind: .collect, minutes: 20, prompt: "Frågan.", talkingPoints: points)])
        var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: ScreenFixtures.meeting, agenda: agenda, stepSeconds: [:], notes: [])))
        var seen = Set<Int>()
        var first = ""
        for press in 0..<3 {
            let screen = Screens.render(state, size: Size(width: 100, height: 30)).text
            if press == 0 {
                first = screen
                assertSnapshot(Screens.render(state, size: Size(width: 100, height: 30)), "talking-points-paged-100x30")
            }
            for n in 1...8 where screen.contains("Punkt \(n):") { seen.insert(n) }
            _ = state.update(.key(.ctrl("p")))
        }
        #expect(first.contains("Talmanus 1/"))
        #expect(seen == Set(1...8))
    }
}

@Suite struct RoomQuestionsTests {
    static let questions = [
        "Vilka brott, ordningsstörningar och vilken otrygghet möter ni i området?", "Var och när sker det?",
        "Vem drabbas? Vilka är särskilt utsatta?", "Hur har utvecklingen sett ut över tid?",
        "Vad fungerar bra? Vilka möjligheter och resurser finns att ta tillvara?",
    ]

    /// Found by the fifteenth walk: the VAD meeting's collect step has five
    /// questions; the facilitator's screen at 100×30 and the projector at
    /// 80×24 showed the first three, and no sign of the others.
    @Test("every question of a step is on the facilitator's screen and the projector, or a sign says there is more",
          arguments: [(RunRole.facilitator, 100, 30), (.projector, 80, 24), (.projector, 100, 30)])
    func everyQuestionIsShown(role: RunRole, width: Int, height: Int) {
        var agenda = ScreenFixtures.agenda
        agenda.steps[1].prompt = "Utgå från ert vardagliga arbete. Vilka problem och möjligheter ser ni i området?"
        agenda.steps[1].questions = Self.questions
        var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
        _ = state.update(.meetingOpened(OpenedMeeting(meeting: ScreenFixtures.meeting, agenda: agenda, stepSeconds: [:],
                                                      notes: ScreenFixtures.notes, role: role)))
        let screen = Screens.render(state, size: Size(width: width, height: height)).text
        // (The facilitator's right column only: the steps' panel, 30
        // columns wide, stands beside it.)
        let flat = screen.split(separator: "\n").map { String($0.dropFirst(role == .facilitator ? 30 : 0)) }
            .map { $0.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ").split(separator: " ").joined(separator: " ")
        let shown = Self.questions.filter { flat.contains($0) }
        #expect(shown == Self.questions, "\(screen)")
    }
}

@Suite struct StationLineTests {
    /// Found by the fifteenth walk: at 80 columns a station's restored
    /// draft showed ~12 characters beside its labels and message.
    @Test("at 80 columns a station's line shows at least 24 characters of what is typed, beside a message")
    func theTypedTextHasRoom() {
        let draft = "Tåget mot Västerås går sent och många väntar vid perrongen"
        for (meta, width) in [("2|problem", 80), ("2|problem", 100)] {
            var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
            _ = state.update(.meetingOpened(OpenedMeeting(meeting: ScreenFixtures.meeting, agenda: ScreenFixtures.agenda, stepSeconds: [:],
                                                          notes: [], drafts: ["note/lokal-lagesbild": draft, "note/lokal-lagesbild/meta": meta],
                                                          role: .station(group: 2, name: "Sara"))))
            #expect(state.status != nil)
            let line = String(Screens.render(state, size: Size(width: width, height: 24)).text.split(separator: "\n")[22])
            #expect(line.contains(String(draft.suffix(24))), "\(line)")
            #expect(line.contains("Grupp 2"), "\(line)")
        }
    }
}

@Suite struct NoteMarksTests {
    @Test("a note's marks never cover its words, at any width")
    func marksNeverCoverText() {
        let text = "Inbrott i förrådet på Storgatan 12 natten till fredag, bilen ABC 123 stod parkerad utanför porten hela kvällen"
        let note = Note(id: 1, meetingID: 3, stepID: "lokal-lagesbild", group: 1, type: .problem, source: .employee, text: text,
                        createdAt: 1, author: "Sara")
        for width in [60, 70, 80, 90, 100, 120] {
            var state = AppState(language: .sv, now: 10_000, today: "2026-12-03")
            _ = state.update(.meetingOpened(OpenedMeeting(meeting: ScreenFixtures.meeting, agenda: ScreenFixtures.agenda, stepSeconds: [:],
                                                          notes: [note], role: .station(group: 1, name: "Sara"))))
            let screen = Screens.render(state, size: Size(width: width, height: 24)).text
            let shown = screen.split(separator: "\n").map { $0.replacingOccurrences(of: "│", with: " ") }.joined(separator: " ")
            let words = shown.split(separator: " ").map(String.init)
            for word in text.split(separator: " ").map(String.init) {
                #expect(words.contains(word), "\(word) is covered at width \(width):\n\(screen)")
            }
            #expect(screen.contains("⚠ regnr?"))
        }
    }
}

@Suite struct StationVoteSnapshotTests {
    @Test func stationVote() {
        var state = StepFixtures.state(.vote, settings: ["dots": "3", "per": "group"],
                                       data: StepData(stepID: "steget", focusAreas: StepFixtures.areas, votes: StepFixtures.votes([10: 2])),
                                       role: .station(group: 2, name: "Sara"))
        _ = state.update(.key(.down))
        _ = state.update(.key(.enter))
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "station-vote-80x24")
    }

    @Test func stationProblem() {
        var state = StepFixtures.state(.problem, data: StepFixtures.problemData, role: .station(group: 2, name: "Sara"))
        for c in "Otrygg" { _ = state.update(.key(.char(c))) }
        _ = state.update(.key(.down))
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "station-problem-80x24")
    }
}

@Suite struct OverflowTests {
    @Test("a note list longer than its pane says how many notes are above")
    func notesAboveAreCounted() {
        let notes = ProjectorSnapshotTests.manyNotes
        let state = StepFixtures.state(.collect, data: StepData(stepID: "steget", notes: notes), notes: notes)
        let screen = Screens.render(state, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("↑ +"), "\(screen)")
    }

    @Test("the note written last is in view, also when it is the plenary's, listed above the groups'")
    func theNewestNoteIsInView() {
        let notes = ProjectorSnapshotTests.manyNotes + [Note(id: 99, meetingID: 3, stepID: "steget", group: 0, type: .decision,
                                                             source: .employee, text: "Senaste i plenum", createdAt: 1_000)]
        let state = StepFixtures.state(.collect, data: StepData(stepID: "steget", notes: notes), notes: notes)
        let screen = Screens.render(state, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("Senaste i plenum"), "\(screen)")
    }
}
