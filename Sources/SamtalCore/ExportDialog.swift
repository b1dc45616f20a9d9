// The export dialog: which document about a meeting or a cycle, in which
// format, redacted or not, written where. The executable writes it in the
// background and reports progress back as events, so the screen stays live
// while a long export (a cycle to PDF) runs.

extension ExportTarget {
    /// The documents about this target, the default first.
    public var documents: [DocumentKind] {
        [defaultDocument] + DocumentKind.allCases.filter { $0.isCycleDocument == isCycle && $0 != defaultDocument }
    }
}

public struct ExportRequest: Equatable, Sendable {
    public var target: ExportTarget
    /// Nil for the raw records (csv, json).
    public var document: DocumentKind?
    public var format: ExportFormat
    public var redact: Bool
    /// Where to write; empty: a name made from the subject and document,
    /// in the folder samtal was started from.
    public var output: String
    /// Write over a file already at `output` (the person said yes to it).
    public var overwrite: Bool

    public init(target: ExportTarget, document: DocumentKind?, format: ExportFormat, redact: Bool, output: String,
                overwrite: Bool = false) {
        self.target = target
        self.document = document
        self.format = format
        self.redact = redact
        self.output = output
        self.overwrite = overwrite
    }
}

public enum ExportStage: Equatable, Sendable {
    /// Reading meeting `done + 1` of `total`.
    case loading(done: Int, total: Int)
    case rendering
    /// weasyprint or pandoc at work.
    case converting
}

extension Form {
    /// In the order offered: the print-ready document first.
    public static let exportFormats: [ExportFormat] = [.html, .pdf, .docx, .md, .json, .csv]

    public static func export(_ target: ExportTarget, texts t: Texts) -> Form {
        let documents = target.documents
        let d = DocumentTexts(t.language)
        return Form(purpose: .export(target), fields: [
            FormField(.document, .exportDocument, .choice(values: documents.map(\.rawValue), labels: documents.map { d.kindName($0) },
                                                          index: 0)),
            FormField(.format, .exportFormat, .choice(values: exportFormats.map(\.rawValue),
                                                      labels: exportFormats.map { t.exportFormatName($0) }, index: 0)),
            FormField(.redact, .exportRedact, .choice(values: ["no", "yes"], labels: [t[.wsNo], t[.wsYes]], index: 0)),
            FormField(.output, .exportOutput, .text(TextField("", limit: 1000))),
        ])
    }

    /// The raw records asked for with a public document chosen: the records
    /// are internal (every note as written), never the public document.
    func exportProblem(_ t: Texts) -> FormError? {
        guard let format = ExportFormat(rawValue: value(.format)), format.isRecords,
              let chosen = DocumentKind(rawValue: value(.document)), chosen.isPublic else { return nil }
        return FormError(message: t[.exportRecordsNotPublic], focus: fields.firstIndex { $0.id == .format } ?? 0)
    }

    /// The request a filled-in export form makes.
    func exportRequest(_ target: ExportTarget) -> ExportRequest {
        let format = ExportFormat(rawValue: value(.format)) ?? .html
        return ExportRequest(target: target, document: format.isRecords ? nil : DocumentKind(rawValue: value(.document)),
                             format: format, redact: value(.redact) == "yes", output: value(.output))
    }
}

extension AppState {
    /// Opens the export dialog over the home screen or the workspace.
    mutating func openExport(_ target: ExportTarget) {
        let form = Form.export(target, texts: texts)
        switch screen {
        case .workspace(var ws):
            ws.form = form
            screen = .workspace(ws)
        default:
            screen = .form(form)
        }
    }

    mutating func exportProgressed(_ stage: ExportStage) {
        let text: String
        switch stage {
        case .loading(let done, let total): text = "\(texts[.exportLoading]) \(min(done + 1, total))/\(total)"
        case .rendering: text = texts[.exportRendering]
        case .converting: text = texts[.exportConverting]
        }
        say("\(texts[.exportBusy]): \(text) …", seconds: 120)
    }

    /// The file is already there: ask before writing over it.
    mutating func exportExists(_ request: ExportRequest, path: String) {
        var again = request
        again.output = path
        again.overwrite = true
        status = nil
        dialog = .confirm(.overwriteExport(again))
    }

    mutating func exportFinished(path: String, warnings: Int) {
        let note = warnings > 0 ? " (\(warnings) \(texts[warnings == 1 ? .exportPersonalDataOne : .exportPersonalData]))" : ""
        say("\(texts[.exportDone]): \(path)\(note)", seconds: 15)
    }
}

extension Texts {
    public func exportFormatName(_ format: ExportFormat) -> String {
        switch (format, language) {
        case (.html, .sv): "HTML (för webbläsare och utskrift)"
        case (.html, .en): "HTML (browser and print)"
        case (.pdf, _): "PDF"
        case (.docx, _): "Word (docx)"
        case (.md, _): "Markdown"
        case (.json, .sv): "JSON (alla poster)"
        case (.json, .en): "JSON (every record)"
        case (.csv, .sv): "CSV (en fil per posttyp, i en mapp)"
        case (.csv, .en): "CSV (one file per record type, in a folder)"
        }
    }
}

extension DocumentTexts {
    /// The name of a document kind, as its title says it.
    public func kindName(_ kind: DocumentKind) -> String {
        switch kind {
        case .summary: self[.kindSummary]
        case .feedback: self[.kindFeedback]
        case .situation: self[.kindSituation]
        case .analysis: self[.kindAnalysis]
        case .plan: self[.kindPlan]
        case .promise: self[.kindPromise]
        case .quality: self[.kindQuality]
        }
    }
}
