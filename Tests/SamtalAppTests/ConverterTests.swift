// What the converters make of a document (issue 16, "files people open"):
// a DOCX with an A4 page, margins, a footer with page numbers, its title
// once and its charts as PNG; a PDF that is PDF/A. Read back with Python's
// zipfile and poppler's pdfinfo, which Scripts/test installs.

import Foundation
@testable import SamtalApp
import SamtalCore
import Testing

@Suite("Converters")
struct ConverterTests {
    static let doc = Document(kind: .summary, language: .sv, kindLabel: "Mötessammanfattning", title: "Dialog i Fagersta – Västanfors",
                              meta: ["2027-01-20"],
                              blocks: [.heading(2, "Prioritering"), .paragraph("Gångtunneln & torget"),
                                       .barChart(BarChart(title: "Prickar per fokusområde",
                                                          bars: [.init(label: "Gångtunneln", value: 3, valueText: "3 prickar"),
                                                                 .init(label: "Torget", value: 1, valueText: "1 prick")]))])

    /// The named parts of the DOCX, as text, read by Python's zipfile.
    func parts(_ docx: Data, _ names: [String]) throws -> [String: String] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("samtal-test-\(UUID().uuidString).docx")
        try docx.write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let script = "import sys, zipfile, json; z = zipfile.ZipFile(sys.argv[1]); "
            + "print(json.dumps({n: (z.read(n).decode() if n.endswith('.xml') or n.endswith('.rels') else str(len(z.read(n)))) "
            + "for n in z.namelist()}))"
        let out = try run("python3", ["-c", script, path.path])
        let all = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: String])
        return all.filter { names.isEmpty || names.contains($0.key) || $0.key.hasPrefix("word/media/") }
    }

    @Test("DOCX: A4, the print margins, a footer with the title and page numbers, the title once, the chart as PNG")
    func docx() throws {
        var warnings: [String] = []
        let docx = try Converter.docx(Self.doc, warnings: &warnings)
        let p = try parts(docx, [])
        let document = try #require(p["word/document.xml"])
        let sectPr = try #require(document.range(of: "<w:sectPr").map { String(document[$0.lowerBound...]) })
        #expect(sectPr.contains("<w:pgSz w:h=\"16838\" w:w=\"11906\" />") || sectPr.contains("w:w=\"11906\" w:h=\"16838\""), "\(sectPr)")
        #expect(sectPr.contains("w:left=\"1134\"") && sectPr.contains("w:right=\"1020\"") && sectPr.contains("w:top=\"1134\""), "\(sectPr)")
        #expect(sectPr.contains("<w:footerReference"))
        let footerName = try #require(p.keys.first { $0.hasPrefix("word/footer") })
        let footer = try #require(p[footerName])
        #expect(footer.contains(" PAGE ") && footer.contains(" NUMPAGES "))
        #expect(footer.contains("Dialog i Fagersta – Västanfors"))
        // The title once, as Word's title; the kind of document under it.
        let text = document.replacing(/<[^>]+>/, with: "")
        #expect(text.components(separatedBy: "Dialog i Fagersta – Västanfors").count - 1 == 1, "\(text)")
        #expect(document.contains("<w:pStyle w:val=\"Title\" />"))
        #expect(document.contains("Mötessammanfattning"))
        // The chart: a PNG, no SVG.
        let media = p.keys.filter { $0.hasPrefix("word/media/") }
        #expect(media.count == 1 && media.allSatisfy { $0.hasSuffix(".png") }, "\(media)")
        #expect(warnings.isEmpty)
        #expect(document.contains("Gångtunneln &amp; torget"))
    }

    @Test("DOCX without rsvg-convert: the chart stays SVG, and a warning names the package")
    func docxWithoutRsvg() throws {
        var warnings: [String] = []
        let docx = try Converter.docx(Self.doc, warnings: &warnings, rsvg: nil)
        #expect(try parts(docx, []).keys.contains { $0.hasPrefix("word/media/") && $0.hasSuffix(".svg") })
        #expect(warnings.count == 1 && warnings[0].contains("librsvg2-bin"))
    }

    @Test("PDF: PDF/A-3b on A4")
    func pdfA() throws {
        let pdf = try Converter.pdf(html: HTMLRenderer.render(Self.doc))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("samtal-test-\(UUID().uuidString).pdf")
        try pdf.write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let info = try run("pdfinfo", ["-meta", path.path])
        #expect(info.contains("pdfaid:part") && info.contains("3"), "\(info)")
        #expect(info.contains("pdfaid:conformance") || info.contains("pdfaid:conformance=\"B\""), "\(info)")
        #expect(try run("pdfinfo", [path.path]).contains("(A4)"))
    }

    func run(_ tool: String, _ args: [String]) throws -> String { try runTool(tool, args) }
}
