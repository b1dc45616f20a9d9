// Text snapshots of the analysis workspace: every tab at 80×24 and
// 120×40, the record forms (the goal form with its live SMART check), the
// trace view, and English.

import Testing
import SamtalCore
@testable import SamtalRender

enum WorkspaceFixtures {
    static let cycle = Cycle(id: 1, area: "LPO Fagersta", period: "2027", createdAt: 0)

    /// Two focus areas (one leading to the promise), a problem with a
    /// three-level why-tree, two ordered activities, a passing and a vague
    /// goal, a promise and follow-up entries.
    static var analysis: CycleAnalysis {
        let meeting = ScreenFixtures.meeting
        let notes = ScreenFixtures.notes
        let station = FocusArea(id: 21, cycleID: 1, meetingID: 3, stepID: "fokusomraden", name: "Gångtunneln vid stationen",
                                type: .place, targetPicture: "En upplyst tunnel där alla går lugnt, även sent på kvällen",
                                noteIDs: [notes[2].id], leadsToPromise: true, createdAt: 4)
        let mopeds = FocusArea(id: 22, cycleID: 1, meetingID: 3, stepID: "fokusomraden", name: "Buskörning med moped",
                               type: .crimeType, noteIDs: notes.prefix(1).map(\.id), createdAt: 5)
        let problem = Problem(id: 31, cycleID: 1, focusAreaID: 21, meetingID: 3, stepID: "workspace",
                              answers: [.what: "Otrygghet och rån i gångtunneln", .where_: "Tunneln under spåren",
                                        .when_: "Fredag och lördag efter 21", .affected: "Pendlare, äldre – 中文"],
                              triangle: [.place: "Tunneln", .placeManager: "Trafikverket"], createdAt: 6)
        let causes = [
            Cause(id: 41, problemID: 31, parentID: nil, text: "Dålig belysning", evidence: .observation, createdAt: 7),
            Cause(id: 42, problemID: 31, parentID: 41, text: "Trasiga armaturer byts inte", evidence: .statistics, createdAt: 8),
            Cause(id: 43, problemID: 31, parentID: 42, text: "Ingen äger ansvaret för tunneln", evidence: .interviews, createdAt: 9),
            Cause(id: 44, problemID: 31, parentID: nil, text: "Ingen vuxen rör sig där på kvällen", createdAt: 10),
        ]
        let light = Activity(id: 51, cycleID: 1, meetingID: 3, stepID: "workspace", focusAreaID: 21, what: "Byt belysning i tunneln",
                             responsible: "Anna Svensson", start: "2027-02-01", end: "2027-04-30", priority: .high,
                             how: "LED-armaturer och klotterskydd", organisation: "Kommunen", sequence: 1,
                             effectTerm: .immediate, triangleSide: .place, status: .done, createdAt: 11)
        let walk = Activity(id: 52, cycleID: 1, meetingID: 3, stepID: "workspace", focusAreaID: 21, what: "Trygghetsvandring med boende",
                            responsible: "Lokalpolisen", start: "2027-05", end: "2027-05", sequence: 2, dependsOn: [51],
                            effectTerm: .longTerm, triangleSide: .guardian, involvesCitizens: true, status: .ongoing, createdAt: 12)
        let good = Goal(id: 61, cycleID: 1, focusAreaID: 21, kind: .effect, text: "Minska andelen som känner sig otrygga i tunneln",
                        indicator: "Trygghetsmätningen", baseline: "45 %", target: "30 %", deadline: "2027-12-31",
                        owner: "Trygghetssamordnaren", activityIDs: [51, 52], createdAt: 13)
        let vague = Goal(id: 62, cycleID: 1, focusAreaID: 21, kind: .effect, text: "Verka för ökad trygghet vid stationen", createdAt: 14)
        let promise = Promise(cycleID: 1, sections: [
            .purpose: "Polisen och kommunen lovar att göra gångtunneln vid stationen tryggare under 2027.",
            .activities: "• Byt belysning i tunneln (2027-02-01–2027-04-30)\n• Trygghetsvandring med boende (maj)",
            .signatories: "Kommunstyrelsens ordförande, lokalpolisområdeschefen",
            .validity: "2027",
        ])
        let followUps = [
            FollowUp(id: 71, cycleID: 1, activityID: 51, aspect: .resource, status: .done, measuredValue: "42 armaturer",
                     date: "2027-05-02", createdAt: 15),
            FollowUp(id: 72, cycleID: 1, goalID: 61, aspect: .effect, status: .ongoing, why: "Mätningen görs i november",
                     date: "2027-06-01", createdAt: 16),
        ]
        return CycleAnalysis(cycle: cycle, meetings: [meeting], focusAreas: [station, mopeds], dots: [21: 5, 22: 2],
                             promiseAreas: [21], problems: [problem], causes: [31: causes], activities: [light, walk],
                             goals: [good, vague], promise: promise, followUps: followUps,
                             notes: Dictionary(uniqueKeysWithValues: notes.map { ($0.id, $0) }))
    }

    static func state(tab: WorkspaceTab, language: Language = .sv, keys: [Key] = []) -> AppState {
        var state = AppState(language: language, now: 0, today: "2026-12-03")
        _ = state.openWorkspace(cycleID: 1)
        _ = state.update(.analysisLoaded(analysis))
        for _ in 0..<tab.rawValue { _ = state.update(.key(.tab)) }
        for k in keys { _ = state.update(.key(k)) }
        return state
    }
}

@Suite struct WorkspaceSnapshotTests {
    let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
    let names: [WorkspaceTab: String] = [.focusAreas: "areas", .problem: "problem", .activities: "activities", .goals: "goals",
                                         .promise: "promise", .followUp: "follow-up"]

    @Test(arguments: WorkspaceTab.allCases)
    func everyTabAtBothSizes(_ tab: WorkspaceTab) {
        // The second row selected: the details follow the selection.
        let state = WorkspaceFixtures.state(tab: tab, keys: [.down])
        for size in sizes {
            assertSnapshot(Screens.render(state, size: size), "workspace-\(names[tab]!)-\(size.width)x\(size.height)")
        }
    }

    /// Every record form, opened on the second row (or a new cause).
    @Test(arguments: [
        ("area", WorkspaceTab.focusAreas, [Key.down, .function(4)]),
        ("problem", .problem, [.down, .enter]),
        ("cause", .problem, [.down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down, .down,
                             .function(2)]),
        ("activity", .activities, [.down, .function(4)]),
        ("goal", .goals, [.down, .function(4)]),
        ("promise", .promise, [.down, .enter]),
        ("follow-up", .followUp, [.down, .enter]),
    ])
    func everyFormAtBothSizes(_ name: String, _ tab: WorkspaceTab, _ keys: [Key]) {
        let state = WorkspaceFixtures.state(tab: tab, keys: keys)
        guard case .workspace(let ws) = state.screen, ws.form != nil else {
            Issue.record("no form open for \(name)")
            return
        }
        for size in sizes {
            assertSnapshot(Screens.render(state, size: size), "workspace-\(name)-form-\(size.width)x\(size.height)")
        }
    }

    @Test func aLongSectionIsEditedOverSeveralLinesAndTheFormScrollsToIt() {
        // The promise form's commitments (the 8th field), a list typed with Enter.
        // Ctrl-U empties a line; Backspace at its start joins it to the one
        // above: the section's lines are emptied one by one.
        let keys: [Key] = [.down, .enter] + Array(repeating: .tab, count: 6) + Array(repeating: [Key.ctrl("u"), .backspace], count: 8).flatMap { $0 }
            + "- Polisen genomför trygghetsvandringar varje månad tillsammans med kommunen".map { .char($0) } + [.enter]
            + "- Kommunens citygrupp nattvandrar under riskhelger".map { .char($0) } + [.enter, .up]
        let state = WorkspaceFixtures.state(tab: .promise, keys: keys)
        guard case .workspace(let ws) = state.screen, let form = ws.form else { Issue.record("no form"); return }
        #expect(form.fields[form.focus].id == .section(.activities))
        #expect(form.value(.section(.activities)) == "- Polisen genomför trygghetsvandringar varje månad tillsammans med kommunen\n"
                + "- Kommunens citygrupp nattvandrar under riskhelger")
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "workspace-promise-multiline-80x24")
    }

    @Test func theTraceOfAnActivity() {
        let state = WorkspaceFixtures.state(tab: .activities, keys: [.function(5)])
        for size in sizes {
            assertSnapshot(Screens.render(state, size: size), "workspace-trace-\(size.width)x\(size.height)")
        }
    }

    @Test func inEnglish() {
        let state = WorkspaceFixtures.state(tab: .goals, language: .en)
        assertSnapshot(Screens.render(state, size: Size(width: 100, height: 30)), "workspace-goals-en-100x30")
    }

    @Test func aFollowUpMeetingShowsTheCommitmentsToReview() {
        var data = StepData(stepID: "steget")
        data.commitments = WorkspaceFixtures.analysis
        let state = StepFixtures.state(.present, settings: ["show": "commitments"], data: data)
        assertSnapshot(Screens.render(state, size: Size(width: 100, height: 30)), "step-present-commitments-100x30")
    }

    @Test func beforeTheAnalysisHasLoaded() {
        var state = AppState(language: .sv)
        _ = state.openWorkspace(cycleID: 1)
        let text = Screens.render(state, size: Size(width: 80, height: 24)).text
        #expect(text.contains("Läser in"))
    }
}

@Suite struct ExportDialogSnapshotTests {
    @Test func theExportDialogOverTheWorkspace() {
        let state = WorkspaceFixtures.state(tab: .focusAreas, keys: [.function(7)])
        assertSnapshot(Screens.render(state, size: Size(width: 80, height: 24)), "export-dialog-80x24")
    }
}

@Suite struct WorkspaceSizeTests {
    /// Every tab, form and the trace draw at the smallest size, odd sizes
    /// and a large one without running off the grid.
    @Test func everyWorkspaceScreenDrawsAtAnySize() {
        let sizes = [Size(width: 60, height: 16), Size(width: 61, height: 17), Size(width: 73, height: 19), Size(width: 200, height: 60)]
        var states: [AppState] = []
        for tab in WorkspaceTab.allCases {
            states.append(WorkspaceFixtures.state(tab: tab, keys: [.down]))
            states.append(WorkspaceFixtures.state(tab: tab, keys: [.down, .function(4)]))
            states.append(WorkspaceFixtures.state(tab: tab, keys: [.function(5)]))
            states.append(WorkspaceFixtures.state(tab: tab, language: .en, keys: [.function(7)]))
        }
        for state in states {
            for size in sizes {
                let lines = Screens.render(state, size: size).text.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count == size.height)
                // A title on the top row, a key bar on the bottom one.
                #expect(lines.first?.contains { !$0.isWhitespace } == true)
                #expect(lines.last?.contains("F1") == true)
            }
        }
    }
}

@Suite struct PublicReviewSnapshotTests {
    static func state(keys: [Key] = [], language: Language = .sv) -> AppState {
        func note(_ id: Int64, _ text: String, _ review: PublicReview = .unreviewed, shortened: String = "") -> Note {
            Note(id: id, meetingID: 7, stepID: "insamling", group: 1, type: .problem, source: .citizen, text: text, createdAt: Double(id),
                 publicReview: review, publicText: shortened)
        }
        func item(_ n: Note, pd: [PersonalDataKind] = [], contexts: [IdentifyingContext] = [], published: Bool) -> PublicReviewItem {
            PublicReviewItem(note: n, stepTitle: "Vad ser ni?", personalData: pd, contexts: contexts, namesInternal: false, published: published)
        }
        let items = [
            item(note(1, "Lasse Nilsson på Storgatan 12 langar sprit till ungdomarna på helgerna"), contexts: [.nameWithAddress], published: false),
            item(note(2, "Mopeder kör för fort på Storgatan på kvällarna, särskilt fredag och lördag efter klockan 21", .approved),
                 published: true),
            item(note(3, "Min dotter Sara, 14 år, blev rånad vid resecentrum", .approved, shortened: "En flicka blev rånad vid resecentrum"),
                 published: true),
            item(note(4, "Ring mig på 070-123 45 67", .approved), pd: [.phoneNumber], published: false),
            item(note(5, "Mörkt i gångtunneln", .excluded), published: false),
        ]
        var state = AppState(language: language)
        _ = state.update(.publicReviewLoaded(title: "Medborgardialog Ludvika", items: items,
                                             request: ExportRequest(target: .meeting(7), document: .feedback, format: .html,
                                                                    redact: false, output: "")))
        for k in keys { _ = state.update(.key(k)) }
        return state
    }

    @Test func theReviewListsEachNoteWithItsDecisionAndWarnings() {
        assertSnapshot(Screens.render(Self.state(keys: [.down]), size: Size(width: 80, height: 24)), "public-review-80x24")
        assertSnapshot(Screens.render(Self.state(keys: [.function(4)], language: .en), size: Size(width: 80, height: 24)),
                       "public-review-editing-en-80x24")
    }
}
