// From the store to a written document: loading a meeting's or a cycle's
// records, building the document, rendering it, and converting it to PDF
// (weasyprint) or DOCX (pandoc). `exportDocument` is the one entry point,
// for `samtal export` and the interface's export dialog alike.

import Foundation
import SamtalAgendas
import SamtalCore
import SamtalStore

/// An export that failed, with what to do, in the interface's language
/// (`message`); `description` is the English.
public struct ExportError: Explained {
    public var said: CommandMessage?
    public var description: String
    public init(_ description: String) { self.description = description }
    public init(_ said: CommandMessage) {
        self.said = said
        description = Texts(.en).command(said)
    }
    public func message(_ language: Language) -> String { said.map { Texts(language).command($0) } ?? description }
}

public struct ExportProgress: Equatable, Sendable {
    public enum Stage: Equatable, Sendable {
        /// Reading meeting `done + 1` of `total` from the store.
        case loading
        case rendering
        /// Running weasyprint or pandoc.
        case converting
        case finished
    }

    public var stage: Stage
    public var done: Int
    public var total: Int
}

public struct ExportResult {
    public enum Output {
        /// One file: a document, or the JSON records.
        case file(Data, suggestedName: String)
        /// CSV: one file per record type, to go into a folder.
        case folder([(name: String, data: Data)])
    }

    public var output: Output
    /// For the person exporting: notes that may hold personal data, one
    /// line each (empty when there are none).
    public var warnings: [String]
    /// An internal document or the raw records: a new file is 0600.
    public var isPrivate = true

    /// Writes the result: a file to `path` (standard output when nil), CSV
    /// files into the folder `path` (made when missing). Never over the
    /// store's files (`protecting`) or any SQLite database; over an existing
    /// file only with `overwrite` (see `OutputFile`).
    public func write(to path: String?, overwrite: Bool, protecting store: [String]) throws {
        switch output {
        case .file(let data, let name):
            if let path {
                try OutputFile.write(data, to: path, overwrite: overwrite, protecting: store, isPrivate: isPrivate)
            } else if isatty(STDOUT_FILENO) != 0 && (name.hasSuffix(".pdf") || name.hasSuffix(".docx")) {
                throw ExportError(.binaryToTerminal(name: name))
            } else {
                FileHandle.standardOutput.write(data)
            }
        case .folder(let files):
            guard let path else { throw ExportError(.csvNeedsFolder) }
            try OutputFile.write(files, into: path, overwrite: overwrite, protecting: store, isPrivate: isPrivate)
        }
    }
}

/// Builds `document` (default: the target's usual one) about `target` in
/// `format`. With `redact`, what looks like personal data is replaced by
/// a marker in every text. CSV and JSON carry the raw records and take no
/// document; CSV is written in `csvDialect` (Swedish Excel's by default). PDF needs weasyprint and DOCX pandoc on the PATH.
///
/// - Throws: `ExportError` with a message for a person: an unknown
///   meeting or cycle, a document that needs the other kind of target, a
///   missing converter (naming the Debian package), a failed conversion.
public func exportDocument(store: AppStore, library: AgendaLibrary, target: ExportTarget, document: DocumentKind?,
                    format: ExportFormat, redact: Bool, language: Language, privacy: ExportPrivacy = ExportPrivacy(),
                    csvDialect: CSVDialect = .excel, progress: (ExportProgress) -> Void = { _ in }) throws -> ExportResult {
    if format.isRecords, document != nil {
        throw ExportError(.recordsNotDocument(format: format.rawValue))
    }
    let kind = document ?? target.defaultDocument
    try checkTarget(target, for: kind)
    // The situation picture goes to the county: redacted and without
    // hidden notes unless asked for.
    let situation = kind == .situation && !format.isRecords
    let redact = redact || situation && !privacy.keepPersonalData
    let t = Texts(language)
    var warnings: [String] = []
    func warn(_ flagged: [(note: Note, kinds: [PersonalDataKind])]) {
        // Only where the notes are printed (or the records hold them).
        guard !flagged.isEmpty, format.isRecords || kind.printsNotes else { return }
        let how: PersonalDataHandling = situation && redact ? .redactedByDefault : redact ? .redacted
            : kind.isPublic && !format.isRecords ? .leftOut : .printed
        warnings.append(t.command(.personalData(count: flagged.count, how: how)))
        for (note, kinds) in flagged {
            warnings.append(t.command(.personalDataNote(note: note.id, step: note.stepID, group: t.group(note.group),
                                                        kinds: kinds.map { t.personalData($0) }.joined(separator: ", "))))
        }
    }

    // Either a document or the raw records, by target.
    let built: Either
    let baseName: String
    switch target {
    case .meeting(let id):
        progress(ExportProgress(stage: .loading, done: 0, total: 1))
        var record = try loadRecord(store: store, meetingID: id, library: library)
        if kind == .feedback && !format.isRecords {
            // Public: every note it would print has been reviewed.
            let waiting = Documents.publicReview(record).filter { !$0.decided }
            if !waiting.isEmpty {
                throw ExportError(.notReviewed(count: waiting.count, meeting: id))
            }
            // What the feedback would print is each note's public version.
            var published = record
            published.notes = record.notes.filter { !$0.hidden && $0.publicReview != .excluded }.map { n in
                var n = n
                n.text = n.publicVersion
                return n
            }
            warn(published.flaggedNotes)
        } else {
            warn(record.flaggedNotes)
        }
        if redact { record = record.redacted() }
        baseName = "meeting-\(id)"
        built = format.isRecords ? .records(RecordSet.meeting(record)) : .document(Documents.meeting(kind, record, language: language)!)
    case .cycle(let id):
        var record = try loadCycle(store: store, cycleID: id, library: library, progress: progress)
        if situation && !privacy.includeHidden {
            let hidden = record.notes.filter(\.hidden).count
            record = record.withoutHiddenNotes()
            if hidden > 0 { warnings.append(t.command(.hiddenLeftOut(hidden))) }
        }
        if situation && !privacy.keepPersonalData {
            // As the feedback's review left them; those not reviewed that
            // may name a person are said, with where to review them.
            let excluded = record.notes.filter { $0.publicReview == .excluded }.count
            let waiting = record.identifyingNotesNotReviewed
            record = record.withReviewedNotes()
            if excluded > 0 { warnings.append(t.command(.excludedLeftOut(excluded))) }
            if !waiting.isEmpty {
                warnings.append(t.command(.identifyingNotReviewed(count: waiting.reduce(0) { $0 + $1.count }, meetings: waiting.map(\.meetingID))))
            }
        }
        warn(record.flaggedNotes)
        if kind == .promise && !format.isRecords {
            // Every promised activity is in the promise, or said to be missing.
            for (act, reason) in Documents.activitiesLeftOutOfPromise(record) {
                warnings.append(t.command(.activityNotInPromise(id: act.id, what: act.what, reason: t.leftOutReason(reason))))
            }
            // A promised activity dated outside the period the promise is
            // for (the twenty-second session's walk: 2027-10-01–2028-02-28
            // beside "Giltighet 2027", not a word at the export).
            if let period = CyclePeriod.range(record.analysis.cycle.period) {
                for act in Documents.promisedActivities(record.analysis) {
                    let dates = [act.start, act.end].filter(PlanDate.isValid)
                    guard dates.contains(where: { $0 < period.first || $0 > period.last }) else { continue }
                    warnings.append(t.command(.activityOutsidePeriod(id: act.id, what: act.what, dates: DocumentTexts(language).period(act.start, act.end),
                                                                     period: "\(period.first)–\(period.last)")))
                }
            }
            // What the public text replaced (contact details marked public are kept).
            let texts = DocumentTexts(language)
            for (section, kind) in Documents.promiseRedactions(record) {
                warnings.append(t.command(.promiseRedaction(section: texts.promiseSection(section), kind: t.personalData(kind))))
            }
        }
        if redact { record = record.redacted() }
        baseName = "cycle-\(id)"
        built = format.isRecords ? .records(RecordSet.cycle(record)) : .document(Documents.cycle(kind, record, language: language)!)
    }
    progress(ExportProgress(stage: .rendering, done: 0, total: 1))

    let name = format.isRecords ? "\(baseName).\(format.rawValue)" : "\(baseName)-\(kind.rawValue).\(format.rawValue)"
    let output: ExportResult.Output
    switch (built, format) {
    case (.records(let records), .csv):
        output = .folder(records.csvFiles(dialect: csvDialect).map { ($0.name, Data($0.text.utf8)) })
    case (.records(let records), _):
        output = .file(Data(records.json().utf8), suggestedName: name)
    case (.document(let doc), .md):
        output = .file(Data(MarkdownRenderer.render(doc).utf8), suggestedName: name)
    case (.document(let doc), .pdf):
        progress(ExportProgress(stage: .converting, done: 0, total: 1))
        output = .file(try Converter.pdf(html: HTMLRenderer.render(doc)), suggestedName: name)
    case (.document(let doc), .docx):
        progress(ExportProgress(stage: .converting, done: 0, total: 1))
        output = .file(try Converter.docx(doc, warnings: &warnings), suggestedName: name)
    case (.document(let doc), _):
        output = .file(Data(HTMLRenderer.render(doc).utf8), suggestedName: name)
    }
    progress(ExportProgress(stage: .finished, done: 1, total: 1))
    return ExportResult(output: output, warnings: warnings, isPrivate: format.isRecords || !kind.isPublic)
}

/// A document rendered in a document format (md, html, pdf, docx), as
/// `exportDocument` renders it; the region's report uses it too. A DOCX's
/// warnings (charts left as SVG) are added to `warnings`.
public func renderDocument(_ doc: Document, format: ExportFormat, warnings: inout [String]) throws -> Data {
    switch format {
    case .md: Data(MarkdownRenderer.render(doc).utf8)
    case .pdf: try Converter.pdf(html: HTMLRenderer.render(doc))
    case .docx: try Converter.docx(doc, warnings: &warnings)
    case .html, .csv, .json: Data(HTMLRenderer.render(doc).utf8)
    }
}

private enum Either {
    case document(Document)
    case records(RecordSet)
}

/// A clear error when a document needs the other kind of target.
public func checkTarget(_ target: ExportTarget, for kind: DocumentKind) throws {
    if kind.isCycleDocument && !target.isCycle {
        throw ExportError(.documentAboutCycle(document: kind.rawValue, target: target.argument))
    }
    if !kind.isCycleDocument && target.isCycle {
        throw ExportError(.documentAboutMeeting(document: kind.rawValue, target: target.argument))
    }
}

// MARK: loading

/// Everything one meeting holds, as its documents need it; a finished
/// meeting's steps as they were when it finished (unless `frozen` is false).
func loadRecord(store: AppStore, meetingID: Int64, library: AgendaLibrary, frozen: Bool = true) throws -> MeetingRecord {
    guard let meeting = try store.meeting(id: meetingID) else { throw ExportError(.noMeeting(meetingID, store: nil)) }
    guard let cycle = try store.cycles().first(where: { $0.id == meeting.cycleID }) else {
        throw ExportError(.cycleOfMeetingMissing(meetingID))
    }
    let agenda: Agenda
    do {
        agenda = try meetingAgenda(store: store, meeting: meeting, library: library)
    } catch {
        throw ExportError(.agendaUnreadable(agenda: meeting.agendaID, meeting: meeting.id))
    }
    var steps: [String: StepData] = [:]
    for (i, step) in agenda.steps.enumerated() {
        steps[step.id] = try store.stepData(StepQuery(meeting: meeting, agenda: agenda, index: i))
    }
    // The problems described in it: those it started, and those of focus
    // areas it went on describing.
    let problems = try store.problems(cycleID: cycle.id).filter { p in
        p.meetingID == meetingID || steps.values.contains { $0.problem?.id == p.id }
    }
    var chains: [Int64: [Cause]] = [:]
    for p in problems { chains[p.id] = try store.whyChain(problemID: p.id) }
    let record = MeetingRecord(cycle: cycle, meeting: meeting, agenda: agenda, notes: try store.notes(meetingID: meetingID),
                               stepSeconds: try store.stepSeconds(meetingID: meetingID), steps: steps, problems: problems,
                               whyChains: chains)
    guard frozen, meeting.status == .finished, let json = try store.meetingSnapshot(meetingID: meetingID) else { return record }
    do {
        return record.thawing(try JSONDecoder().decode(MeetingSnapshot.self, from: Data(json.utf8)))
    } catch {
        throw ExportError(.snapshotUnreadable(meeting: meetingID, detail: "\(error)"))
    }
}

/// The notes a meeting's public feedback would print, for the
/// facilitator's review, and the meeting's title.
public func publicReview(store: AppStore, library: AgendaLibrary, meetingID: Int64) throws -> (title: String, items: [PublicReviewItem]) {
    let record = try loadRecord(store: store, meetingID: meetingID, library: library)
    return (record.meeting.title, Documents.publicReview(record))
}

/// A cycle's analysis and every meeting's record, oldest meeting first.
public func loadCycle(store: AppStore, cycleID: Int64, library: AgendaLibrary,
               progress: (ExportProgress) -> Void = { _ in }) throws -> CycleRecord {
    let analysis: CycleAnalysis
    do {
        analysis = try store.cycleAnalysis(cycleID: cycleID)
    } catch StoreError.notFound {
        throw ExportError(.noCycle(cycleID, store: nil))
    }
    var meetings: [MeetingRecord] = []
    for (i, m) in analysis.meetings.enumerated() {
        progress(ExportProgress(stage: .loading, done: i, total: analysis.meetings.count))
        meetings.append(try loadRecord(store: store, meetingID: m.id, library: library))
    }
    return CycleRecord(analysis: analysis, meetings: meetings)
}

// MARK: converters

/// PDF through weasyprint and DOCX through pandoc, run as subprocesses on
/// files in a private temporary folder.
enum Converter {
    /// PDF/A-3b, for archiving (diarieföring): fonts embedded, colours
    /// defined, the metadata PDF/A asks for.
    static let pdfVariant = "pdf/a-3b"

    static func pdf(html: String) throws -> Data {
        try convert(html: html, tool: "weasyprint", package: "weasyprint", what: "PDF", output: "document.pdf") { input, output in
            ["--quiet", "--encoding", "utf-8", "--pdf-variant", pdfVariant, input, output]
        }
    }

    /// From the HTML (not the Markdown): pandoc reads every stored text
    /// there as text, where Markdown syntax in a note could change it.
    /// The page (A4, margins, a footer with the title and page numbers)
    /// comes from a reference document (`WordPage`); the title is Word's
    /// title, once. Each chart goes in as a PNG drawn by rsvg-convert
    /// (librsvg2-bin), which every Word shows; without rsvg-convert the
    /// charts stay SVG (Word 2016 and later) and a warning says so.
    static func docx(_ doc: Document, warnings: inout [String], rsvg: String? = find("rsvg-convert")) throws -> Data {
        var html = HTMLRenderer.render(doc, forWord: true)
        var files = [("reference.docx", WordPage.reference(title: doc.title))]
        let charts = html.components(separatedBy: "<svg role=\"img\"").count - 1
        if charts > 0, let rsvg {
            (html, files) = try chartsAsPNG(html, rsvg: rsvg, files: files)
        } else {
            // pandoc embeds each chart as an SVG file, which needs the SVG
            // namespace that inline SVG in HTML does without.
            html = html.replacingOccurrences(of: "<svg role=\"img\"", with: "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
            if charts > 0 {
                warnings.append(Texts(doc.language).command(.chartsSVGOnly))
            }
        }
        return try convert(html: html, tool: "pandoc", package: "pandoc", what: "DOCX", output: "document.docx", files: files) { input, output in
            ["--from", "html", "--to", "docx", "--reference-doc", "reference.docx", "--output", output, input]
        }
    }

    /// Every inline `<svg>…</svg>` of `html` drawn to a PNG file at twice
    /// its size and put in as an `<img>` of its own size.
    static func chartsAsPNG(_ html: String, rsvg: String, files: [(String, Data)]) throws -> (String, [(String, Data)]) {
        var files = files, out = "", rest = Substring(html), n = 0
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samtal-charts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        while let start = rest.range(of: "<svg role=\"img\""), let end = rest[start.lowerBound...].range(of: "</svg>") {
            n += 1
            out += rest[..<start.lowerBound]
            let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"" + rest[start.lowerBound..<end.upperBound].dropFirst(4)
            rest = rest[end.upperBound...]
            func attribute(_ name: String) -> String {
                guard let r = svg.range(of: " \(name)=\"") else { return "" }
                return String(svg[r.upperBound...].prefix { $0 != "\"" })
            }
            let title = svg.range(of: "-title\">").map { String(svg[$0.upperBound...].prefix { $0 != "<" }) } ?? ""
            let input = folder.appendingPathComponent("chart-\(n).svg"), output = folder.appendingPathComponent("chart-\(n).png")
            try Data(svg.utf8).write(to: input)
            try run(rsvg, ["--zoom", "2", "--background-color", "white", "--output", output.path, input.path], tool: "rsvg-convert")
            files.append(("chart-\(n).png", try Data(contentsOf: output)))
            out += "<img src=\"chart-\(n).png\" alt=\"\(title)\" width=\"\(attribute("width"))\" height=\"\(attribute("height"))\">"
        }
        return (out + rest, files)
    }

    /// Runs `executable`; a failure is an `ExportError` with its stderr.
    static func run(_ executable: String, _ arguments: [String], tool: String, in folder: URL? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ExportError(.converterFailed(tool: tool, status: process.terminationStatus, detail: detail))
        }
    }

    /// Runs `tool` on `html` written to `document.html` in a private
    /// folder, beside `files`; returns what it wrote to `output`.
    static func convert(html: String, tool: String, package: String, what: String, output: String, files: [(String, Data)] = [],
                        arguments: (String, String) -> [String]) throws -> Data {
        guard let executable = find(tool) else {
            throw ExportError(.converterMissing(what: what, tool: tool, package: package))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("samtal-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("document.html")
        let result = folder.appendingPathComponent(output)
        try Data(html.utf8).write(to: input)
        for (name, data) in files { try data.write(to: folder.appendingPathComponent(name)) }
        try run(executable, arguments(input.path, result.path), tool: tool, in: folder)
        guard let data = try? Data(contentsOf: result) else { throw ExportError(.converterWroteNothing(tool: tool, what: what)) }
        return data
    }

    /// The executable `name` on the PATH, or nil.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// The agenda a meeting was created from: its stored copy, else the
/// library's agenda of the same id.
public func meetingAgenda(store: AppStore, meeting: Meeting, library: AgendaLibrary) throws -> Agenda {
    if let text = try store.agendaSnapshot(meetingID: meeting.id) {
        // Most meetings run the agenda file as it still is: already read.
        if let loaded = library.agenda(id: meeting.agendaID), loaded.text == text { return loaded.agenda }
        if case .success(let agenda) = AgendaLoader.load(text: text, file: "stored agenda") { return agenda }
    }
    if let loaded = library.agenda(id: meeting.agendaID) { return loaded.agenda }
    throw ExportError(.agendaUnreadable(agenda: meeting.agendaID, meeting: meeting.id))
}
