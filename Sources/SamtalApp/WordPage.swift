// The page of a DOCX export: pandoc takes the page size, the margins and
// the footer from a reference document (`--reference-doc`), and anything
// the reference lacks (styles, numbering) from its own default. samtal
// writes that reference itself, a handful of XML parts in a ZIP file, so
// nothing has to be shipped or found beside the program: A4, the margins
// of the HTML's print style, and a footer with the document's title on
// the left and "page / pages" on the right, as the PDF has.

import Foundation
import SamtalCore

enum WordPage {
    /// Millimetres in twentieths of a point, Word's unit.
    static func twips(_ mm: Double) -> Int { Int((mm / 25.4 * 1440).rounded()) }

    static let a4 = (width: 11906, height: 16838)
    /// Top, right, bottom, left: the HTML's `@page` margins.
    static let margins = (top: twips(20), right: twips(18), bottom: twips(22), left: twips(20))

    /// The reference document for a document titled `title`.
    static func reference(title: String) -> Data {
        let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        let contentTypes = head + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
            + "</Types>"
        let rels = head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
            + "</Relationships>"
        let m = margins
        let document = head + "<w:document \(w)><w:body><w:p/><w:sectPr>"
            + "<w:footerReference w:type=\"default\" r:id=\"rIdSamtalFooter\"/>"
            + "<w:pgSz w:w=\"\(a4.width)\" w:h=\"\(a4.height)\"/>"
            + "<w:pgMar w:top=\"\(m.top)\" w:right=\"\(m.right)\" w:bottom=\"\(m.bottom)\" w:left=\"\(m.left)\" "
            + "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "</w:sectPr></w:body></w:document>"
        let documentRels = head + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdSamtalFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
            + "</Relationships>"
        let small = "<w:rPr><w:sz w:val=\"16\"/><w:color w:val=\"555555\"/></w:rPr>"
        func text(_ s: String) -> String { "<w:r>\(small)<w:t xml:space=\"preserve\">\(HTMLRenderer.escape(s))</w:t></w:r>" }
        func field(_ name: String) -> String {
            "<w:r>\(small)<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>\(small)<w:instrText xml:space=\"preserve\"> \(name) </w:instrText></w:r>"
                + "<w:r>\(small)<w:fldChar w:fldCharType=\"separate\"/></w:r>\(text("1"))<w:r>\(small)<w:fldChar w:fldCharType=\"end\"/></w:r>"
        }
        let footer = head + "<w:ftr \(w)><w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"\(a4.width - m.left - m.right)\"/></w:tabs></w:pPr>"
            + text(title) + "<w:r>\(small)<w:tab/></w:r>" + field("PAGE") + text(" / ") + field("NUMPAGES")
            + "</w:p></w:ftr>"
        return StoredZip.archive([
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", rels), ("word/document.xml", document),
            ("word/_rels/document.xml.rels", documentRels), ("word/footer1.xml", footer),
        ].map { ($0.0, Data($0.1.utf8)) })
    }
}

/// A ZIP archive of files stored without compression: all a reference
/// document needs, in a few lines.
enum StoredZip {
    static func archive(_ files: [(name: String, data: Data)]) -> Data {
        var out = Data(), central = Data()
        func u16(_ v: Int, _ d: inout Data) { d.append(contentsOf: [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)]) }
        func u32(_ v: UInt32, _ d: inout Data) { for s in stride(from: 0, to: 32, by: 8) { d.append(UInt8(v >> UInt32(s) & 0xFF)) } }
        for (name, data) in files {
            let offset = UInt32(out.count), crc = crc32(data), nameBytes = Data(name.utf8)
            u32(0x0403_4B50, &out); u16(20, &out); u16(0x0800, &out); u16(0, &out); u16(0, &out); u16(0x21, &out)
            u32(crc, &out); u32(UInt32(data.count), &out); u32(UInt32(data.count), &out); u16(nameBytes.count, &out); u16(0, &out)
            out.append(nameBytes); out.append(data)
            u32(0x0201_4B50, &central); u16(20, &central); u16(20, &central); u16(0x0800, &central); u16(0, &central)
            u16(0, &central); u16(0x21, &central); u32(crc, &central); u32(UInt32(data.count), &central); u32(UInt32(data.count), &central)
            u16(nameBytes.count, &central); u16(0, &central); u16(0, &central); u16(0, &central); u16(0, &central); u32(0, &central)
            u32(offset, &central); central.append(nameBytes)
        }
        let start = UInt32(out.count)
        out.append(central)
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(files.count, &out); u16(files.count, &out)
        u32(UInt32(central.count), &out); u32(start, &out); u16(0, &out)
        return out
    }

    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
