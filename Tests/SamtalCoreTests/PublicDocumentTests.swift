import Foundation
import Testing
@testable import SamtalCore

/// The promise and the feedback leave the partners: no hidden note, no
/// note-taker's name, no text flagged as personal data, no internal detail
/// of an activity (how, responsible organisation or person), no follow-up
/// reasoning, in any text format, in either language.
@Suite struct PublicDocumentTests {
    typealias F = DocumentFixture

    /// What must not stand in a public document, with why.
    static let internalMaterial: [(String, String)] = [
        (F.hiddenNote, "hidden note"),
        ("Li Wei", "note-taker and author"),
        ("Omar Haddad", "note-taker and author"),
        ("19811218-9876", "personal identity number (checked and kept, still personal data)"),
        ("070-123 45 67", "phone number in a note"),
        ("070-765 43 21", "phone number in the promise's own text"),
        (F.internalHow, "how an activity is done"),
        (F.internalOrganisation, "responsible organisation"),
        (F.internalResponsible, "responsible person"),
        ("Polisen LPO Fagersta", "responsible organisation"),
        (F.internalWhy, "follow-up reasoning"),
        ("ramavtalet", "resources"),
    ]

    static func texts(_ doc: Document) -> [String] {
        [MarkdownRenderer.render(doc), HTMLRenderer.render(doc)]
    }

    @Test("the promise holds nothing internal", arguments: Language.allCases)
    func promise(_ language: Language) {
        let doc = Documents.promise(F.record, language: language)
        for text in Self.texts(doc) {
            for (needle, what) in Self.internalMaterial {
                #expect(!text.contains(needle), "promise (\(language)) contains \(what): \(needle)")
                #expect(!text.contains(HTMLRenderer.escape(needle)), "promise (\(language)) contains \(what), escaped")
            }
        }
        // …and still says what is promised.
        let md = MarkdownRenderer.render(doc)
        #expect(md.contains("Vi lagar belysningen"))
        #expect(md.contains("\\[telefonnummer\\]"))
        // Without the coordinator's text, the table of promised activities:
        // nothing internal in it either.
        var record = F.record
        record.analysis.promise?.sections[.activities] = ""
        let table = Documents.promise(record, language: language)
        for text in Self.texts(table) {
            // The organisation is the actor the promise names (001 line
            // 169); a person's name is not.
            for (needle, what) in Self.internalMaterial where what != "responsible organisation" {
                #expect(!text.contains(needle), "promise table (\(language)) contains \(what): \(needle)")
            }
        }
        #expect(MarkdownRenderer.render(table).contains("| Tekniska förvaltningen, gatuenheten | Laga och förstärka belysningen i gångtunneln |"))
    }

    @Test("the promise's contact details are public as written, also where repeated; what else is replaced is named")
    func contactDetails() {
        var record = F.record
        record.analysis.promise?.sections[.contact] = "Fagersta kommun, växel 0223-440 00, info@fagersta.se"
        record.analysis.promise?.sections[.followCitizens] = "Frågor: ring växeln 0223-440 00 eller skriv till info@fagersta.se."
        let md = MarkdownRenderer.render(Documents.promise(record, language: .sv))
        #expect(md.contains("## Kontakt"))
        #expect(md.contains("Fagersta kommun, växel 0223-440 00, info@fagersta.se"))
        #expect(md.contains("Frågor: ring växeln 0223-440 00 eller skriv till info@fagersta.se."))
        // The phone number in the activities text is no contact detail: replaced, and said.
        #expect(!md.contains("070-765 43 21"))
        let replaced = Documents.promiseRedactions(record)
        #expect(replaced.map(\.section) == [.activities] && replaced.map(\.kind) == [.phoneNumber])
        // Optional: a promise without contact details is no draft for it.
        #expect(!Promise.required.contains(.contact))
    }

    @Test("the feedback holds nothing internal", arguments: [F.employeeMeeting, F.citizenMeeting])
    func feedback(_ meeting: MeetingRecord) {
        for language in Language.allCases {
            let doc = Documents.feedback(meeting, language: language)
            for text in Self.texts(doc) {
                for (needle, what) in Self.internalMaterial {
                    #expect(!text.contains(needle), "feedback of \(meeting.meeting.title) (\(language)) contains \(what): \(needle)")
                    #expect(!text.contains(HTMLRenderer.escape(needle)))
                }
                #expect(!text.contains("dold på projektorn") && !text.contains("hidden on the projector"))
            }
        }
    }

    @Test("the feedback keeps what may be said: the public notes, decisions, next steps and their dates")
    func feedbackKeepsThePublicPart() {
        let md = MarkdownRenderer.render(Documents.feedback(F.citizenMeeting, language: .sv))
        #expect(md.contains("- **problem**: Jag går en omväg runt tunneln när det är mörkt"))
        #expect(md.contains("- **problem**: \(MarkdownRenderer.inline(F.hostile))"))
        #expect(md.contains("- Trygghetsvandring i gångtunneln – Vem: Polisen och kommunen – När: maj 2027"))
        #expect(md.contains("- Information på fler språk tas upp i trygghetsrådet"))
        let employees = MarkdownRenderer.render(Documents.feedback(F.employeeMeeting, language: .sv))
        // The owner is a note-taker: the step stays, the name goes.
        #expect(employees.contains("- Återkoppling på arbetsplatsträffen – När: 2027-02-03"))
    }

    @Test("the same cycle's internal documents do hold those details (the filter is what keeps them out)")
    func internalDocumentsHoldThem() {
        let plan = MarkdownRenderer.render(Documents.plan(F.record, language: .sv))
        for needle in [F.internalHow, F.internalOrganisation, F.internalResponsible, F.internalWhy] {
            #expect(plan.contains(needle))
        }
        let situation = MarkdownRenderer.render(Documents.situation(F.record, language: .sv))
        for needle in [F.hiddenNote, "Li Wei", "19811218-9876", "070-123 45 67"] { #expect(situation.contains(needle)) }
    }

    @Test("the public filter reads a list of note-takers and ignores names too short to match safely")
    func names() {
        #expect(PublicFilter.names(in: "Li Wei, Omar Haddad och Åsa;Bo / Kim & Eva") == ["Li Wei", "Omar Haddad", "Åsa", "Bo", "Kim", "Eva"])
        var r = F.citizenMeeting
        r.meeting.facts.noteTakers = "Bo, Åsa Öberg"
        let filter = PublicFilter(meetings: [r])
        #expect(filter.internalNames == ["Åsa Öberg"])
        #expect(!filter.allows("Ring åsa öberg i morgon"))
        #expect(filter.allows("Bostäderna vid torget"))
    }
}
