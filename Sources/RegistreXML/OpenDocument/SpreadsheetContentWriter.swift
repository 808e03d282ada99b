/// Writes the `content.xml` of an OpenDocument spreadsheet a sheet and a row at a time, handing its bytes
/// to a sink as they are made: memory holds a row, not the sheet. The in-memory spreadsheet
/// (`OpenDocumentWriter.content(of:)`) is written by the same calls, so a spreadsheet gives the same bytes
/// whichever way it is made.
package final class SpreadsheetContentWriter {
    private let xml: XMLStreamWriter
    private let sink: ([UInt8]) throws -> Void

    /// Starts the document: its root and body.
    /// - Parameter sink: takes each chunk of the document, in order.
    package init(sink: @escaping ([UInt8]) throws -> Void) throws {
        xml = try XMLStreamWriter()
        self.sink = sink
        try OpenDocumentWriter.root(xml, "office:document-content")
        try xml.start("office:body")
        try xml.start("office:spreadsheet")
    }

    /// Starts a sheet named `name` of `columns` columns (at least one is declared).
    package func startSheet(name: String, columns: Int) throws {
        try xml.start("table:table")
        try xml.attribute("table:name", name)
        try xml.element("table:table-column", attributes: ["table:number-columns-repeated": String(max(columns, 1))], text: nil)
    }

    /// Writes one row. Dates are date cells, so that a spreadsheet sorts and filters them.
    package func row(_ cells: [Spreadsheet.Cell]) throws {
        try xml.start("table:table-row")
        if cells.isEmpty { try xml.element("table:table-cell", attributes: [:], text: nil) }
        for cell in cells {
            try xml.start("table:table-cell")
            if let date = cell.date {
                try xml.attribute("office:value-type", "date")
                try xml.attribute("office:date-value", date)
                try OpenDocumentWriter.paragraphs(xml, cell.text.isEmpty ? date : cell.text, style: nil)
            } else if !cell.text.isEmpty {
                try xml.attribute("office:value-type", "string")
                try OpenDocumentWriter.paragraphs(xml, cell.text, style: nil)
            }
            try xml.end()
        }
        try xml.end()
        // Handed over by the 64 KiB: a row is short, a sheet of 100,000 rows is not.
        if xml.pending >= 1 << 16 { try sink(try xml.drain()) }
    }

    /// Ends the sheet started last.
    package func endSheet() throws {
        try xml.end()
    }

    /// Closes the document and hands its last bytes over.
    package func finish() throws {
        try xml.end()
        try xml.end()
        try xml.end()
        try sink(try xml.drain())
        try sink(try xml.finish())
    }
}
