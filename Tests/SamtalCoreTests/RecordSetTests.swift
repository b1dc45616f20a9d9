import Foundation
import Testing
@testable import SamtalCore

/// The raw records in JSON and CSV: the tables and columns are the ones
/// docs/json-schema.md documents, and every text comes out exactly as
/// stored.
@Suite struct RecordSetTests {
    typealias F = DocumentFixture

    /// The documented tables, in order, each with its columns in order:
    /// every "### `name`" heading and the "| `column` |" rows under it.
    static func documented() throws -> [(name: String, columns: [String])] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/json-schema.md").standardized
        let text = try String(contentsOf: url, encoding: .utf8)
        var tables: [(name: String, columns: [String])] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("### `") {
                tables.append((String(line.dropFirst(5).dropLast()), []))
            } else if line.hasPrefix("| `"), !tables.isEmpty {
                let column = line.dropFirst(3).prefix { $0 != "`" }
                tables[tables.count - 1].columns.append(String(column))
            }
        }
        return tables
    }

    @Test("the export has exactly the documented tables and columns, in order")
    func matchesTheSchemaDocument() throws {
        let doc = try Self.documented()
        #expect(doc.count == 22)
        // The fixture cycle with a dot on an activity as well.
        var record = F.record
        let first = record.meetings[0].meeting.id
        record.meetings[0].steps["prioritera"]?.activityVotes = [
            ActivityVote(id: 1, meetingID: first, stepID: "prioritera", activityID: 51, voter: 0, createdAt: 5)]
        let records = RecordSet.cycle(record)
        #expect(records.tables.map(\.name) == doc.map(\.name))
        for (table, documented) in zip(records.tables, doc) {
            #expect(table.columns == documented.columns, "\(table.name)")
            for row in table.rows { #expect(row.count == table.columns.count, "\(table.name)") }
        }
        // The JSON itself: the top-level keys and every row's keys.
        let json = try #require(JSONSerialization.jsonObject(with: Data(records.json().utf8)) as? [String: Any])
        #expect(Set(json.keys) == Set(["format", "scope"] + doc.map(\.name)))
        #expect(json["format"] as? String == "samtal.records.v1")
        #expect(json["scope"] as? String == "cycle")
        for (name, columns) in doc {
            let rows = try #require(json[name] as? [[String: Any]], "\(name)")
            for row in rows { #expect(Set(row.keys) == Set(columns), "\(name)") }
        }
        // Every table of the fixture cycle has rows, so every column was seen.
        for table in records.tables { #expect(!table.rows.isEmpty, "\(table.name) is empty in the fixture") }
    }

    @Test("a meeting's export has every table; the cycle-level ones are empty")
    func meetingScope() throws {
        let records = RecordSet.meeting(F.employeeMeeting)
        #expect(records.scope == "meeting")
        #expect(records.tables.map(\.name) == RecordSet.cycle(F.record).tables.map(\.name))
        for name in ["goals", "goal_activities", "promise_sections", "follow_ups", "activity_votes"] {
            #expect(records.table(name)?.rows.isEmpty == true)
        }
        #expect(records.table("notes")?.rows.count == 6)
        // A goal and a follow-up written in one of the meeting's steps are its own.
        var meeting = F.employeeMeeting
        var goal = F.goals[0]
        goal.meetingID = meeting.meeting.id
        goal.stepID = "prioritera"
        meeting.steps["prioritera"]?.goals = [goal, F.goals[1]]
        let own = RecordSet.meeting(meeting)
        #expect(own.table("goals")?.rows.map { $0[0] } == [.int(goal.id)])
        #expect(records.table("votes")?.rows.count == 9)
        #expect(records.table("focus_area_notes")?.rows.count == 5)
    }

    @Test("every text comes out in JSON exactly as stored, nulls as null")
    func jsonTexts() throws {
        var record = F.record
        let odd = "rad 1\nrad 2\t\"citat\" \\ \u{1}\u{7F} 😀 中文 åäö"
        record.meetings[0].notes[0].text = odd
        let json = try #require(JSONSerialization.jsonObject(with: Data(RecordSet.cycle(record).json().utf8)) as? [String: Any])
        let notes = try #require(json["notes"] as? [[String: Any]])
        let texts = notes.compactMap { $0["text"] as? String }
        #expect(texts.contains(F.hostile))
        #expect(texts.contains(odd))
        let areas = try #require(json["goals"] as? [[String: Any]])
        #expect(areas.first { $0["id"] as? Int == 63 }?["smart_flags"] as? String == "S M A R T")
        let causes = try #require(json["causes"] as? [[String: Any]])
        #expect(causes.first { $0["id"] as? Int == 41 }?["parent_id"] is NSNull)
        #expect(causes.first { $0["id"] as? Int == 42 }?["parent_id"] as? Int == 41)
    }

    @Test("CSV (rfc4180): one file per table, quoted by RFC 4180, every printable text as stored")
    func csv() throws {
        var record = F.record
        let odd = " a, \"b\"\nc "
        record.meetings[0].notes[1].text = odd
        let files = RecordSet.cycle(record).csvFiles(dialect: .rfc4180)
        #expect(files.map(\.name) == RecordSet.cycle(record).tables.map { "\($0.name).csv" })
        let notes = try #require(files.first { $0.name == "notes.csv" }?.text)
        let rows = Self.parseCSV(notes)
        #expect(rows.first == ["id", "meeting_id", "step_id", "group", "type", "source", "text", "author", "hidden",
                               "personal_data_checked", "public_review", "public_text", "created_at", "updated_at"])
        let texts = rows.dropFirst().map { $0[6] }
        #expect(texts.contains(F.hostile))
        #expect(texts.contains(odd))
        #expect(rows.dropFirst().allSatisfy { $0.count == 14 })
        #expect(rows[1] == ["101", "11", "lokal-lagesbild", "1", "problem", "employee",
                            "Gångtunneln under väg 66 är mörk och otrygg på kvällarna", "Li Wei", "false", "false", "unreviewed", "", "101", "101"])
        let ratings = Self.parseCSV(try #require(files.first { $0.name == "ratings.csv" }?.text))
        #expect(ratings[1][4] == "red")
        #expect(RecordSet.csvField("x", .rfc4180) == "x")
        #expect(RecordSet.csvField("a,b", .rfc4180) == "\"a,b\"")
        #expect(RecordSet.csvField("a;b", .rfc4180) == "a;b")
        #expect(RecordSet.csvField("say \"hi\"", .rfc4180) == "\"say \"\"hi\"\"\"")
        #expect(!files[0].text.hasPrefix("\u{FEFF}"))
    }

    @Test("CSV (default, Swedish Excel): a BOM, ';' between fields, CRLF; the same cells")
    func csvExcel() throws {
        var record = F.record
        let odd = " a; b, \"c\"\nd "
        record.meetings[0].notes[1].text = odd
        let files = RecordSet.cycle(record).csvFiles()
        let notes = try #require(files.first { $0.name == "notes.csv" }?.text)
        #expect(notes.hasPrefix("\u{FEFF}id;meeting_id;step_id;"))
        #expect(notes.hasSuffix("\r\n"))
        let rows = Self.parseCSV(String(notes.dropFirst()), separator: ";")
        #expect(rows.dropFirst().allSatisfy { $0.count == 14 })
        #expect(rows.dropFirst().map { $0[6] }.contains(odd))
        #expect(RecordSet.csvField("a,b", .excel) == "a,b")
        #expect(RecordSet.csvField("a;b", .excel) == "\"a;b\"")
        #expect(files.allSatisfy { $0.text.hasPrefix("\u{FEFF}") })
    }

    @Test("CSV: a cell that a spreadsheet would read as a formula is neutralised, in both dialects",
          arguments: [CSVDialect.excel, .rfc4180])
    func csvFormulaInjection(_ dialect: CSVDialect) throws {
        for (text, cell) in [("=HYPERLINK(\"http://x\",\"klick\")", "'=HYPERLINK(\"http://x\",\"klick\")"),
                             ("@SUM(1)", "'@SUM(1)"), ("+46 70", "'+46 70"), ("-1+1", "'-1+1"),
                             ("\t=1", "'\t=1"), ("\r=1", "'\n=1"), ("＝1", "'＝1"),
                             ("a=1", "a=1"), ("Möte 3", "Möte 3"), ("", "")] {
            var record = F.record
            record.meetings[0].notes[1].text = text
            let notes = try #require(RecordSet.cycle(record).csvFiles(dialect: dialect).first { $0.name == "notes.csv" }?.text)
            let sep: Character = dialect == .excel ? ";" : ","
            let rows = Self.parseCSV(dialect == .excel ? String(notes.dropFirst()) : notes, separator: sep)
            let id = String(record.meetings[0].notes[1].id)
            #expect(rows.first { $0[0] == id }?[6] == cell, "\(text.debugDescription)")
        }
        // Numbers are numbers: a negative id or count is not text; a
        // fraction follows a decimal comma for Swedish Excel.
        #expect(RecordSet.csvValue(.int(-3), dialect) == "-3")
        #expect(RecordSet.csvValue(.double(1767225600.25), dialect) == (dialect == .excel ? "1767225600,25" : "1767225600.25"))
        #expect(RecordSet.csvValue(.double(60), dialect) == "60")
    }

    @Test("CSV: control characters do not reach a terminal or a spreadsheet; line breaks stay", arguments: [CSVDialect.excel, .rfc4180])
    func csvControlCharacters(_ dialect: CSVDialect) throws {
        #expect(RecordSet.csvText("a\u{1B}]52;c;eA==\u{07}b") == "a\u{FFFD}]52;c;eA==\u{FFFD}b")
        #expect(RecordSet.csvText("a\r\nb\rc\nd") == "a\nb\nc\nd")
        #expect(RecordSet.csvText("x\u{0}y\u{7F}z\u{85}") == "x\u{FFFD}y\u{FFFD}z\u{FFFD}")
        #expect(RecordSet.csvText("tab\there") == "tab\there")
        #expect(RecordSet.csvField("a\u{1B}[2Jb", dialect) == "a\u{FFFD}[2Jb")
    }

    /// A small RFC 4180 reader, independent of the writer.
    static func parseCSV(_ text: String, separator: Character = ",") -> [[String]] {
        let separator = separator.unicodeScalars.first!
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false; afterQuote = true }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case separator: row.append(field); field = ""; afterQuote = false
            case "\r" where chars.first == "\n":
                chars.removeFirst()
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    @Test("redaction reaches the records")
    func redacted() {
        let json = RecordSet.cycle(F.record.redacted()).json()
        #expect(!json.contains("070-123 45 67") && !json.contains("19811218-9876") && !json.contains("070-765 43 21"))
        #expect(json.contains("[telefonnummer]") && json.contains("[personnummer]"))
    }
}

/// How `samtal export` reads what to export.
@Suite struct ExportChoiceTests {
    @Test func targets() {
        #expect(ExportTarget(argument: "7") == .meeting(7))
        #expect(ExportTarget(argument: "c3") == .cycle(3))
        #expect(ExportTarget(argument: "C3") == .cycle(3))
        #expect(ExportTarget(argument: "cycle:12") == .cycle(12))
        for bad in ["", "c", "cycle:", "x7", "-1", "0", "c0", "7c", "cycle3", "c 3"] {
            #expect(ExportTarget(argument: bad) == nil, "\(bad)")
        }
        #expect(ExportTarget.meeting(7).defaultDocument == .summary)
        #expect(ExportTarget.cycle(3).defaultDocument == .situation)
    }

    /// One id form per kind (issue 16): what `new` prints is what every
    /// command takes, and an id of the other kind says which kind it is.
    @Test func idsOfOneKind() throws {
        #expect(ExportTarget.cycle(3).text == "c3")
        #expect(ExportTarget.meeting(7).text == "7")
        #expect(try ExportTarget.meetingID("7") == 7)
        #expect(try ExportTarget.cycleID("c3") == 3)
        #expect(try ExportTarget.cycleID("cycle:3") == 3)
        #expect(throws: IDError(argument: "c3", expected: .meeting, found: .cycle)) { try ExportTarget.meetingID("c3") }
        #expect(throws: IDError(argument: "3", expected: .cycle, found: .meeting)) { try ExportTarget.cycleID("3") }
        #expect(throws: IDError(argument: "sju", expected: .meeting, found: nil)) { try ExportTarget.meetingID("sju") }
        #expect(IDError(argument: "3", expected: .cycle, found: .meeting).description
                == "'3' is a meeting's id, not a cycle's: a cycle's id is written c3 (see `samtal cycle list`)")
        #expect(IDError(argument: "c3", expected: .meeting, found: .cycle).description.hasPrefix("'c3' is a cycle's id, not a meeting's"))
        // A control character typed into an id is not echoed.
        #expect(!IDError(argument: "\u{1B}]0;x\u{07}", expected: .cycle, found: nil).description.contains("\u{1B}"))
    }

    @Test func documentKinds() {
        #expect(DocumentKind.allCases.filter(\.isCycleDocument) == [.situation, .analysis, .plan, .promise, .quality])
        #expect(DocumentKind.allCases.filter(\.isPublic) == [.feedback, .promise])
    }
}
