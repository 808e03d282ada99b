/// The XML parts of an OpenDocument package (ODF 1.2), written with libxml2's writer: the manifest, the
/// metadata, the styles and the content of a text document or a spreadsheet. The zip around them is not
/// XML and is made elsewhere.
///
/// Nothing here reads the clock or the machine: the same document gives the same bytes, so that the same
/// register exported twice gives the same file.
package enum OpenDocumentWriter {
    package static let textMediaType = "application/vnd.oasis.opendocument.text"
    package static let spreadsheetMediaType = "application/vnd.oasis.opendocument.spreadsheet"

    private static let namespaces: KeyValuePairs<String, String?> = [
        "xmlns:office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "xmlns:style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "xmlns:text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "xmlns:table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "xmlns:fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
        "xmlns:meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
        "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        "office:version": "1.2",
    ]

    static func root(_ writer: XMLStreamWriter, _ name: String) throws {
        try writer.startDocument()
        try writer.start(name)
        for (key, value) in namespaces { try writer.attribute(key, value) }
    }

    /// `META-INF/manifest.xml`: the package's media type and its parts.
    package static func manifest(mediaType: String) throws -> [UInt8] {
        let writer = try XMLStreamWriter()
        try writer.startDocument()
        try writer.start("manifest:manifest")
        try writer.attribute("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0")
        try writer.attribute("manifest:version", "1.2")
        for (path, type) in [("/", mediaType), ("content.xml", "text/xml"), ("styles.xml", "text/xml"), ("meta.xml", "text/xml")] {
            try writer.element("manifest:file-entry", attributes: ["manifest:full-path": path, "manifest:media-type": type], text: nil)
        }
        try writer.end()
        return try writer.finish()
    }

    /// `meta.xml`: title and language. No creation date: it would make every export differ.
    package static func meta(title: String, language: String) throws -> [UInt8] {
        let writer = try XMLStreamWriter()
        try root(writer, "office:document-meta")
        try writer.start("office:meta")
        try writer.element("meta:generator", "registre")
        try writer.element("dc:title", title)
        try writer.element("dc:language", language)
        try writer.end()
        try writer.end()
        return try writer.finish()
    }

    /// `styles.xml`: the headings, the table cells and the bullets the content refers to.
    package static func styles() throws -> [UInt8] {
        let writer = try XMLStreamWriter()
        try root(writer, "office:document-styles")
        try writer.start("office:styles")
        try paragraphStyle(writer, name: "Standard", display: "Default", properties: [:], text: ["fo:font-size": "10pt"])
        for (level, size) in [(1, "16pt"), (2, "13pt"), (3, "11pt")] {
            try paragraphStyle(
                writer, name: "Heading_20_\(level)", display: "Heading \(level)",
                properties: ["fo:margin-top": "0.4cm", "fo:margin-bottom": "0.2cm", "fo:keep-with-next": "always"],
                text: ["fo:font-size": size, "fo:font-weight": "bold"], outline: level
            )
        }
        try paragraphStyle(writer, name: "Table_20_Contents", display: "Table Contents", properties: [:], text: [:])
        try writer.end()
        try writer.end()
        return try writer.finish()
    }

    private static func paragraphStyle(
        _ writer: XMLStreamWriter, name: String, display: String, properties: [String: String], text: [String: String],
        outline: Int? = nil
    ) throws {
        try writer.start("style:style")
        try writer.attribute("style:name", name)
        try writer.attribute("style:display-name", display)
        try writer.attribute("style:family", "paragraph")
        if name != "Standard" { try writer.attribute("style:parent-style-name", "Standard") }
        try writer.attribute("style:default-outline-level", outline.map(String.init))
        if !properties.isEmpty {
            try writer.start("style:paragraph-properties")
            for key in properties.keys.sorted() { try writer.attribute(key, properties[key]) }
            try writer.end()
        }
        if !text.isEmpty {
            try writer.start("style:text-properties")
            for key in text.keys.sorted() { try writer.attribute(key, text[key]) }
            try writer.end()
        }
        try writer.end()
    }

    /// `content.xml` of a text document.
    package static func content(of document: TextDocument) throws -> [UInt8] {
        let writer = try XMLStreamWriter()
        try root(writer, "office:document-content")
        try textStyles(writer)
        try writer.start("office:body")
        try writer.start("office:text")
        var tables = 0
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                try writer.element(
                    "text:h",
                    attributes: ["text:style-name": "Heading_20_\(min(max(level, 1), 3))", "text:outline-level": String(level)],
                    text: text
                )
            case .paragraph(let text):
                try writer.element("text:p", attributes: ["text:style-name": "Standard"], text: text)
            case .list(let items):
                try list(writer, items)
            case .table(let rows):
                tables += 1
                try table(writer, rows, name: "Tableau\(tables)")
            }
        }
        try writer.end()
        try writer.end()
        try writer.end()
        return try writer.finish()
    }

    /// The automatic styles of a text document: the width of a table's label column, and the bullets.
    private static func textStyles(_ writer: XMLStreamWriter) throws {
        try writer.start("office:automatic-styles")
        try writer.start("style:style")
        try writer.attribute("style:name", "Label")
        try writer.attribute("style:family", "table-column")
        try writer.element("style:table-column-properties", attributes: ["style:column-width": "5.5cm"], text: nil)
        try writer.end()
        try writer.start("text:list-style")
        try writer.attribute("style:name", "Bullets")
        try writer.element(
            "text:list-level-style-bullet",
            attributes: ["text:level": "1", "text:bullet-char": "–"], text: nil
        )
        try writer.end()
        try writer.end()
    }

    private static func list(_ writer: XMLStreamWriter, _ items: [String]) throws {
        try writer.start("text:list")
        try writer.attribute("text:style-name", "Bullets")
        for item in items {
            try writer.start("text:list-item")
            try writer.element("text:p", attributes: ["text:style-name": "Standard"], text: item)
            try writer.end()
        }
        try writer.end()
    }

    /// A table, its first column in the label style; a row shorter than the longest gets empty cells.
    /// A table without a cell is not written (its number is still used).
    private static func table(_ writer: XMLStreamWriter, _ rows: [[String]], name: String) throws {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return }
        try writer.start("table:table")
        try writer.attribute("table:name", name)
        try writer.element("table:table-column", attributes: ["table:style-name": "Label"], text: nil)
        if columns > 1 {
            try writer.element("table:table-column", attributes: ["table:number-columns-repeated": String(columns - 1)], text: nil)
        }
        for row in rows {
            try writer.start("table:table-row")
            for column in 0..<columns {
                try writer.start("table:table-cell")
                try writer.attribute("office:value-type", "string")
                try paragraphs(writer, column < row.count ? row[column] : "", style: "Table_20_Contents")
                try writer.end()
            }
            try writer.end()
        }
        try writer.end()
    }

    /// `content.xml` of a spreadsheet, written by ``SpreadsheetContentWriter`` as a streamed one is.
    package static func content(of spreadsheet: Spreadsheet) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let writer = try SpreadsheetContentWriter { bytes += $0 }
        for sheet in spreadsheet.sheets {
            try writer.startSheet(name: sheet.name, columns: sheet.rows.map(\.count).max() ?? 0)
            for row in sheet.rows { try writer.row(row) }
            try writer.endSheet()
        }
        try writer.finish()
        return bytes
    }

    /// One `text:p` per line: a line break in a cell is a new paragraph in OpenDocument.
    static func paragraphs(_ writer: XMLStreamWriter, _ text: String, style: String?) throws {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            try writer.start("text:p")
            try writer.attribute("text:style-name", style)
            if !line.isEmpty { try writer.text(String(line)) }
            try writer.end()
        }
    }
}
