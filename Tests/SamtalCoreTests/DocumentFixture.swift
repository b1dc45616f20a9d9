// A fixture cycle for the cycle's documents: three meetings (the police's
// employee dialogue, a citizen dialogue, the municipality's situation
// report) and the whole analysis chain after them. Its texts carry å ä ö,
// emoji, CJK, a hostile note, a hidden note, named notes, personal data and
// internal activity details, so the goldens and the public-stays-public
// tests read the same cycle.

@testable import SamtalCore

enum DocumentFixture {
    static let hostile = "<script>alert(1)</script> & \"quotes\""
    // Things that must never reach a public document.
    static let hiddenNote = "Boende nämner en namngiven person vid torget"
    static let noteTakers = ["Li Wei", "Omar Haddad"]
    static let personalNumberNote = "Anmälan gäller 19811218-9876 som bor vid torget"
    static let phoneNote = "Ring Kim på 070-123 45 67 om mopederna"
    static let internalHow = "Felanmälan och ny LED-armatur via ramavtalet"
    static let internalOrganisation = "Tekniska förvaltningen, gatuenheten"
    static let internalResponsible = "Per Persson"
    static let internalWhy = "Ingen mätning gjord ännu – budgeten räckte inte"

    static let cycle = Cycle(id: 3, area: "LPO Fagersta – Västanfors", period: "2027", createdAt: 0)

    static func note(_ id: Int64, meeting: Int64, step: String, group: Int = 1, type: NoteType = .problem, _ source: NoteSource,
                     _ text: String, author: String = "", hidden: Bool = false, checked: Bool = false) -> Note {
        Note(id: id, meetingID: meeting, stepID: step, group: group, type: type, source: source, text: text,
             createdAt: Double(id), personalDataChecked: checked, hidden: hidden, author: author)
    }

    // MARK: meeting 11: Medarbetardialog – VAD (the police's employees)

    static let employeeNotes = [
        note(101, meeting: 11, step: "lokal-lagesbild", .employee, "Gångtunneln under väg 66 är mörk och otrygg på kvällarna", author: "Li Wei"),
        note(102, meeting: 11, step: "lokal-lagesbild", .employee, "Klotter och krossat glas i tunneln varje helg", author: "Li Wei"),
        note(103, meeting: 11, step: "lokal-lagesbild", group: 2, .employee, "Mopeder i hög fart på cykelbanan längs Ågatan 🛵", author: "Omar Haddad"),
        note(104, meeting: 11, step: "lokal-lagesbild", group: 2, .employee, "Unga samlas vid torget fredag och lördag kväll", author: "Omar Haddad"),
        note(105, meeting: 11, step: "lokal-lagesbild", group: 2, type: .positive, .employee, "Fältassistenterna känner ungdomarna väl", author: "Omar Haddad"),
        note(106, meeting: 11, step: "lokal-lagesbild", group: 2, type: .question, .employee, hiddenNote, author: "Omar Haddad", hidden: true),
    ]

    static let employeeAgenda = Agenda(
        id: "medarbetardialog-vad", version: 1, title: "Medarbetardialog – VAD ska vi göra?", meetingType: .employeeDialogueWhat,
        source: .employee,
        steps: [
            AgendaStep(id: "lokal-lagesbild", title: "Lokal lägesbild", kind: .collect, minutes: 30,
                       prompt: "Vilka problem och möjligheter ser ni i området?"),
            AgendaStep(id: "fokusomraden", title: "Fokusområden", kind: .cluster, minutes: 20),
            AgendaStep(id: "prioritera", title: "Prioritera fokusområden", kind: .vote, minutes: 15, settings: ["dots": "3"]),
            AgendaStep(id: "summering", title: "Summering", kind: .summary, minutes: 10),
        ])

    static let areas = [
        FocusArea(id: 21, cycleID: 3, meetingID: 11, stepID: "fokusomraden", name: "Gångtunneln under väg 66", type: .place,
                  targetPicture: "Boende ska kunna gå genom tunneln utan att känna sig otrygga", noteIDs: [101, 102],
                  leadsToPromise: true, createdAt: 21),
        FocusArea(id: 22, cycleID: 3, meetingID: 11, stepID: "fokusomraden", name: "Mopedåkning på gång- och cykelbanor",
                  type: .crimeType, noteIDs: [103], leadsToPromise: true, createdAt: 22),
        FocusArea(id: 23, cycleID: 3, meetingID: 11, stepID: "fokusomraden", name: "Unga vid torget på helgkvällar", type: .group,
                  noteIDs: [104, 106], createdAt: 23),
    ]

    static func vote(_ id: Int64, _ area: Int64, _ voter: Int) -> Vote {
        Vote(id: id, meetingID: 11, stepID: "prioritera", focusAreaID: area, voter: voter, createdAt: Double(200 + id))
    }

    static let votes = [vote(1, 21, 1), vote(2, 21, 1), vote(3, 21, 2), vote(4, 21, 2), vote(5, 21, 2),
                        vote(6, 22, 1), vote(7, 22, 2), vote(8, 22, 1), vote(9, 23, 2)]

    static let employeeMeeting = MeetingRecord(
        cycle: cycle,
        meeting: Meeting(id: 11, cycleID: 3, agendaID: "medarbetardialog-vad", title: "Medarbetardialog VAD Västanfors",
                         facts: MethodFacts(date: "2027-01-20", place: "Polisstationen Fagersta", form: .workplaceMeeting,
                                            facilitator: "Anna Kommunpolis", noteTakers: "Li Wei, Omar Haddad", namedNotes: true,
                                            participants: [
                                                ParticipantRow(organisationRole: "Polisen, ingripande", headCount: 12, women: 5, men: 7),
                                                ParticipantRow(organisationRole: "Polisen, utredning", headCount: 4, women: 2, men: 2),
                                            ]),
                         groupCount: 2, currentStepIndex: 3, status: .finished, createdAt: 11),
        agenda: employeeAgenda, notes: employeeNotes,
        stepSeconds: ["lokal-lagesbild": 1_920, "fokusomraden": 1_380, "prioritera": 840, "summering": 600],
        steps: [
            "fokusomraden": StepData(stepID: "fokusomraden", sourceNotes: employeeNotes, focusAreas: areas),
            "prioritera": StepData(stepID: "prioritera", focusAreas: areas, votes: votes),
            "summering": StepData(stepID: "summering", summaryItems: [
                SummaryItem(id: 81, meetingID: 11, stepID: "summering", kind: .decision, text: "Gångtunneln och mopederna går vidare till problemanalys",
                            createdAt: 81),
                SummaryItem(id: 82, meetingID: 11, stepID: "summering", kind: .nextStep, text: "Återkoppling på arbetsplatsträffen",
                            owner: "Li Wei", due: "2027-02-03", createdAt: 82),
            ]),
        ])

    // MARK: meeting 12: Medborgardialog (citizens)

    static let citizenNotes = [
        note(111, meeting: 12, step: "otrygghet", .citizen, "Jag går en omväg runt tunneln när det är mörkt"),
        note(112, meeting: 12, step: "otrygghet", .citizen, hostile),
        note(113, meeting: 12, step: "otrygghet", group: 2, .citizen, phoneNote),
        note(114, meeting: 12, step: "otrygghet", group: 2, .citizen, personalNumberNote, checked: true),
        note(115, meeting: 12, step: "otrygghet", group: 0, type: .opportunity, .citizen, "中文: 安全 – grannar vill ha information på fler språk"),
        note(116, meeting: 12, step: "otrygghet", group: 2, type: .positive, .citizen, "Bra belysning vid nya lekplatsen 😀"),
    ]

    static let citizenAgenda = Agenda(
        id: "medborgardialog", version: 1, title: "Medborgardialog", meetingType: .citizenDialogue, source: .citizen,
        steps: [
            AgendaStep(id: "planering", title: "Planering", kind: .checklist, minutes: 30,
                       questions: ["Utse ansvariga för planering och genomförande.", "Planera för återkoppling."]),
            AgendaStep(id: "otrygghet", title: "Det som oroar", kind: .collect, minutes: 30,
                       prompt: "Hur upplever ni tryggheten i ert närområde?"),
            AgendaStep(id: "summering", title: "Summering", kind: .summary, minutes: 15),
        ])

    static let citizenMeeting = MeetingRecord(
        cycle: cycle,
        meeting: Meeting(id: 12, cycleID: 3, agendaID: "medborgardialog", title: "Medborgardialog i Västanfors",
                         facts: MethodFacts(date: "2027-02-14", place: "Västanfors bibliotek", form: .openMeeting,
                                            facilitator: "Anna Kommunpolis", noteTakers: "Li Wei",
                                            participants: [
                                                ParticipantRow(organisationRole: "Boende i Västanfors", headCount: 18, women: 10, men: 7, otherOrUnstated: 1),
                                                ParticipantRow(organisationRole: "Fagersta kommun, trygghetssamordnare", headCount: 2, women: 1, men: 1),
                                            ]),
                         groupCount: 2, currentStepIndex: 2, status: .finished, createdAt: 12),
        agenda: citizenAgenda, notes: citizenNotes,
        stepSeconds: ["planering": 1_500, "otrygghet": 2_100, "summering": 780],
        steps: [
            "planering": StepData(stepID: "planering", checklist: [ChecklistAnswer(item: 0, done: true, comment: "Anna och Erik"),
                                                                  ChecklistAnswer(item: 1, done: false)]),
            "summering": StepData(stepID: "summering", summaryItems: [
                SummaryItem(id: 91, meetingID: 12, stepID: "summering", kind: .nextStep, text: "Trygghetsvandring i gångtunneln",
                            owner: "Polisen och kommunen", due: "maj 2027", createdAt: 91),
                SummaryItem(id: 92, meetingID: 12, stepID: "summering", kind: .carryForward, text: "Information på fler språk tas upp i trygghetsrådet",
                            createdAt: 92),
            ]),
        ])

    // MARK: meeting 13: Lägesrapport – sociala risker (the municipality)

    static let reportAgenda = Agenda(
        id: "lagesrapport", version: 1, title: "Lägesrapport – sociala risker", meetingType: .situationReport, source: .municipality,
        steps: [
            AgendaStep(id: "ordningsstorningar", title: "Ordningsstörningar", kind: .rating, minutes: 10,
                       questions: ["Har ni observerat ordningsstörningar den senaste månaden?"], settings: ["scale": "traffic-light"]),
            AgendaStep(id: "hot-och-vald", title: "Hot och våld", kind: .rating, minutes: 10,
                       questions: ["Har ni observerat hot eller våld den senaste månaden?"], settings: ["scale": "traffic-light"]),
            AgendaStep(id: "ungdomar-skolor", title: "Ungdomar/skolor", kind: .rating, minutes: 10,
                       questions: ["Finns det oro kring ungdomar eller skolor?"], settings: ["scale": "traffic-light"]),
            AgendaStep(id: "positiva-handelser", title: "Positiva händelser", kind: .collect, minutes: 10),
        ])

    static let reportMeeting = MeetingRecord(
        cycle: cycle,
        meeting: Meeting(id: 13, cycleID: 3, agendaID: "lagesrapport", title: "Lägesrapport mars",
                         facts: MethodFacts(date: "2027-03-01", place: "Stadshuset", form: .digital, facilitator: "Erik Säkerhetssamordnare",
                                            participants: [ParticipantRow(organisationRole: "Fagersta kommun, förvaltningar", headCount: 6, women: 4, men: 2)]),
                         groupCount: 1, currentStepIndex: 3, status: .finished, createdAt: 13),
        agenda: reportAgenda,
        notes: [note(121, meeting: 13, step: "positiva-handelser", type: .positive, .municipality, "Nattvandrarna är ute igen på fredagar – åäö ÅÄÖ")],
        stepSeconds: ["ordningsstorningar": 540, "hot-och-vald": 600, "ungdomar-skolor": 720, "positiva-handelser": 300],
        steps: [
            "ordningsstorningar": {
                var d = StepData(stepID: "ordningsstorningar", ratings: [
                    Rating(question: 0, value: "red", observations: "Skadegörelse i gångtunneln varje helg", comment: "Lyfts till lokala BRÅ")])
                // Two organisations' contributions before the compiled assessment.
                d.contributions = [
                    RatingContribution(id: 1, meetingID: 13, stepID: "ordningsstorningar", question: 0, from: "Fagersta kommun, förvaltningar",
                                       text: "Krossade lampor i gångtunneln", createdAt: 13.1),
                    RatingContribution(id: 2, meetingID: 13, stepID: "ordningsstorningar", question: 0, from: "Räddningstjänsten",
                                       text: "Två containerbränder", createdAt: 13.2),
                ]
                return d
            }(),
            "hot-och-vald": StepData(stepID: "hot-och-vald", ratings: [Rating(question: 0, value: "yellow", observations: "Två hot mot personal")]),
            "ungdomar-skolor": StepData(stepID: "ungdomar-skolor", ratings: [Rating(question: 0, value: "green")]),
        ])

    // MARK: the analysis chain

    static let problems = [
        Problem(id: 31, cycleID: 3, focusAreaID: 21, meetingID: 11, stepID: "problembeskrivning",
                answers: [.what: "Otrygghet och skadegörelse i gångtunneln", .where_: "Gångtunneln under väg 66", .when_: "Kvällar och helger",
                          .whoCauses: "Okända, troligen unga vuxna", .affected: "Boende som går till stationen",
                          .consequences: "Boende undviker tunneln och går längs vägen", .whoCanFix: "Kommunen, fastighetsägaren och polisen"],
                triangle: [.offender: "Unga vuxna som samlas kvällstid", .target: "Gående, särskilt kvinnor", .place: "Mörk tunnel utan insyn",
                           .handler: "Föräldrar och fältassistenter", .guardian: "Nattvandrare", .placeManager: "Tekniska förvaltningen"],
                createdAt: 31),
        Problem(id: 32, cycleID: 3, focusAreaID: 22, meetingID: 11, stepID: "workspace",
                answers: [.what: "Mopeder i hög fart på cykelbanor", .where_: "Ågatan och cykelbanan mot skolan"], createdAt: 32),
    ]

    static let causes: [Int64: [Cause]] = [
        31: [Cause(id: 41, problemID: 31, parentID: nil, text: "Belysningen i tunneln är trasig", evidence: .observation, createdAt: 41),
             Cause(id: 42, problemID: 31, parentID: 41, text: "Felanmälningar når inte fastighetsägaren", evidence: .interviews, createdAt: 42),
             Cause(id: 43, problemID: 31, parentID: 42, text: "Ingen vet vem som äger tunneln", createdAt: 43),
             Cause(id: 44, problemID: 31, parentID: nil, text: "Tunneln saknar insyn från bostäderna", createdAt: 44)],
        32: [Cause(id: 45, problemID: 32, parentID: nil, text: "Mopederna är trimmade", createdAt: 45)],
    ]

    static let activities = [
        Activity(id: 51, cycleID: 3, meetingID: 11, stepID: "workspace", focusAreaID: 21, what: "Laga och förstärka belysningen i gångtunneln",
                 responsible: internalResponsible, start: "2027-04-01", end: "2027-05-15", priority: .high, how: internalHow,
                 organisation: internalOrganisation, sequence: 1, effectTerm: .immediate, triangleSide: .place, status: .done, createdAt: 51),
        Activity(id: 52, cycleID: 3, meetingID: 11, stepID: "workspace", focusAreaID: 21, what: "Trygghetsvandring i gångtunneln med boende",
                 responsible: "Anna Kommunpolis", start: "2027-05-20", end: "2027-05-20", how: "Tillsammans med Fagerstahem och grannsamverkan",
                 organisation: "Polisen LPO Fagersta", sequence: 2, dependsOn: [51], effectTerm: .longTerm, triangleSide: .guardian,
                 involvesCitizens: true, status: .ongoing, createdAt: 52),
        Activity(id: 53, cycleID: 3, meetingID: 11, stepID: "workspace", focusAreaID: 22, what: "Riktade kontroller av mopeder på cykelbanorna",
                 start: "2027-04-01", priority: .low, organisation: "Polisen LPO Fagersta", triangleSide: .offender, createdAt: 53),
    ]

    static let goals = [
        Goal(id: 61, cycleID: 3, focusAreaID: 21, kind: .production, text: "Laga alla 8 armaturer i gångtunneln",
             indicator: "Fungerande armaturer", baseline: "2 av 8", target: "8 av 8", deadline: "2027-05-15", owner: "Tekniska förvaltningen",
             activityIDs: [51], accepted: true, createdAt: 61),
        Goal(id: 62, cycleID: 3, focusAreaID: 21, kind: .effect, text: "Minska andelen boende som upplever tunneln som otrygg",
             indicator: "Andel otrygga i trygghetsmätningen", baseline: "64 %", target: "40 %", deadline: "2027-12-31",
             owner: "Kommunens trygghetssamordnare", activityIDs: [51, 52], accepted: true, createdAt: 62),
        Goal(id: 63, cycleID: 3, focusAreaID: 22, kind: .effect, text: "Verka för ökad trygghet vid cykelbanorna", createdAt: 63),
    ]

    static let promise = Promise(cycleID: 3, sections: [
        .purpose: "Polisen och Fagersta kommun lovar att tillsammans öka tryggheten i Västanfors.",
        .jointPicture: "Boende och medarbetare beskriver gångtunneln under väg 66 som mörk och otrygg, och mopeder på cykelbanorna som ett återkommande problem.",
        .focus: "Fokusområdena valdes vid medarbetardialogen i januari och bekräftades vid medborgardialogen i februari.",
        .activities: "Vi lagar belysningen, bjuder in till trygghetsvandring och kontrollerar mopeder.\nFrågor: ring 070-765 43 21.",
        .effects: "Färre ska känna sig otrygga i gångtunneln, och mopedåkningen på cykelbanorna ska minska.",
        .signatories: "Karin Lund, lokalpolisområdeschef LPO Fagersta\nErik Berg, kommunstyrelsens ordförande",
        .validity: "2027-04-01–2027-12-31",
    ], updatedAt: 70)

    static let followUps = [
        FollowUp(id: 71, cycleID: 3, activityID: 51, aspect: .resource, status: .done, measuredValue: "8 av 8 armaturer lagade",
                 date: "2027-05-10", createdAt: 71),
        FollowUp(id: 72, cycleID: 3, activityID: 52, aspect: .performance, status: .ongoing, date: "2027-05-20", createdAt: 72),
        FollowUp(id: 73, cycleID: 3, goalID: 63, aspect: .effect, status: .notDone, why: internalWhy, date: "2027-06-01", createdAt: 73),
    ]

    static var analysis: CycleAnalysis {
        let allNotes = employeeNotes + citizenNotes
        return CycleAnalysis(
            cycle: cycle, meetings: [employeeMeeting.meeting, citizenMeeting.meeting, reportMeeting.meeting], focusAreas: areas,
            dots: [21: 5, 22: 3, 23: 1], promiseAreas: [21, 22], problems: problems, causes: causes, activities: activities,
            goals: goals, promise: promise, followUps: followUps,
            notes: Dictionary(uniqueKeysWithValues: allNotes.filter { n in areas.contains { $0.noteIDs.contains(n.id) } }.map { ($0.id, $0) }))
    }

    static var record: CycleRecord {
        CycleRecord(analysis: analysis, meetings: [employeeMeeting, citizenMeeting, reportMeeting])
    }
}
