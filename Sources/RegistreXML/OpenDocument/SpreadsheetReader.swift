import CLibXML2
import Foundation

/// Reads the `content.xml` of an OpenDocument spreadsheet into sheets of cells, streaming, in memory
/// bounded by what the sheets hold rather than by what they claim: a row or a cell repeated a million
/// times (`table:number-rows-repeated`, how spreadsheets write their empty tail) costs a counter, not a
/// million rows. Every count the file gives is added with an overflow check (a repeat of
/// 9,223,372,036,854,775,807 is a position far away, not a trap), and the cells kept are bounded in
/// all (``cellLimit``), whatever the rows claim. Formulas are never evaluated (their last shown text is kept, with the formula), and a
/// sheet that links to data outside the file is refused: nothing is ever fetched.
package struct SpreadsheetReader {
    /// The furthest row and column a cell with content may sit in. The CNIL's model uses about 60 rows
    /// and 10 columns per sheet; a register's list of processings rarely passes a few hundred rows.
    package var rowLimit = 65_536
    package var columnLimit = 256
    /// A row or cell with content repeated more than this is refused rather than copied.
    package var repetitionLimit = 1_000
    /// The most cells kept in all the sheets, empty ones before a cell with content included: what bounds
    /// the memory a file can take, since `rowLimit` rows of `columnLimit` cells would be 16 million.
    package var cellLimit = 1 << 20
    /// LibreOffice's own limit: a spreadsheet with more sheets opens nowhere.
    package var sheetLimit = Spreadsheet.sheetLimit

    package init() {}

    private static let tableNamespace = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    private static let officeNamespace = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    private static let textNamespace = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    package func read(content bytes: [UInt8], name: String) throws(RegisterReadError) -> Spreadsheet {
        _ = LibXML.ready
        if bytes.isEmpty { throw RegisterReadError([XMLDiagnostic(file: name, message: "content.xml is empty")]) }
        return try bytes.withUnsafeBufferPointer { buffer throws(RegisterReadError) in
            let reader = buffer.withMemoryRebound(to: CChar.self) { chars in
                // The encoding as the document says (byte-order mark, declaration), as for a register.
                xmlReaderForMemory(chars.baseAddress, Int32(clamping: chars.count), name, nil, LibXML.parseOptions)
            }
            guard let reader else { throw RegisterReadError([XMLDiagnostic(file: name, message: "cannot start reading (out of memory?)")]) }
            defer { xmlFreeTextReader(reader) }
            registre_silenceGenericErrors()
            var walk = Walk(limits: self, file: name)
            try walk.run(reader)
            return Spreadsheet(sheets: walk.sheets)
        }
    }

    /// The state of one pass over the document.
    private struct Walk {
        let limits: SpreadsheetReader
        let file: String
        var sheets: [Spreadsheet.Sheet] = []
        /// Where the next row or cell starts: saturated at `Int.max` rather than wrapped, so that a row
        /// after a repeat of `Int.max` is simply too far.
        var row = 0
        var rowRepeat = 1
        var cells: [Spreadsheet.Cell] = []
        var column = 0
        var cell: Spreadsheet.Cell?
        var columnRepeat = 1
        var paragraphs: [String] = []
        var paragraphDepth = 0
        /// Inside an annotation (a comment on a cell), whose text is not the cell's.
        var annotationDepth = 0
        /// The cells kept so far in all the sheets, against `cellLimit`.
        var cellsKept = 0

        init(limits: SpreadsheetReader, file: String) {
            self.limits = limits
            self.file = file
        }

        func refuse(_ message: String, at reference: String? = nil, line: Int? = nil) -> RegisterReadError {
            RegisterReadError([XMLDiagnostic(file: file, line: line, message: reference.map { "\($0): \(message)" } ?? message)])
        }

        var sheetName: String { sheets.last?.name ?? "?" }

        /// `position` moved on by `count`, a count the file gives: `Int.max` at most, never a trap.
        static func advanced(_ position: Int, by count: Int) -> Int {
            let (sum, overflow) = position.addingReportingOverflow(count)
            return overflow ? .max : sum
        }

        mutating func run(_ reader: xmlTextReaderPtr) throws(RegisterReadError) {
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { break }
                if status < 0 { throw refuse("content.xml cannot be read as XML", line: Int(xmlTextReaderGetParserLineNumber(reader))) }
                let type = xmlTextReaderNodeType(reader)
                let local = LibXML.string(xmlTextReaderConstLocalName(reader)) ?? ""
                let namespace = LibXML.string(xmlTextReaderConstNamespaceUri(reader)) ?? ""
                let line = Int(xmlTextReaderGetParserLineNumber(reader))
                switch type {
                case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                    throw refuse("a DOCTYPE is not allowed in an OpenDocument file", line: line)
                case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue):
                    throw refuse("entity references are not allowed", line: line)
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    let empty = xmlTextReaderIsEmptyElement(reader) == 1
                    try start(local, namespace, reader, line: line)
                    if empty { try end(local, namespace, line: line) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    try end(local, namespace, line: line)
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                    Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    if let value = LibXML.string(xmlTextReaderConstValue(reader)) { appendText(value) }
                default:
                    break
                }
            }
        }

        /// Adds to the cell's current paragraph, if the walk is in one (not in a comment on the cell).
        mutating func appendText(_ text: String) {
            guard cell != nil, paragraphDepth > 0, annotationDepth == 0, !paragraphs.isEmpty else { return }
            paragraphs[paragraphs.count - 1] += text
        }

        func attribute(_ reader: xmlTextReaderPtr, _ name: String, _ namespace: String) -> String? {
            guard let value = xmlTextReaderGetAttributeNs(reader, name, namespace) else { return nil }
            defer { registre_xmlFree(value) }
            return String(cString: value)
        }

        /// A repeat count (`number-rows-repeated`, `number-columns-repeated`): 1 when absent; a count too
        /// large for a machine integer is `Int.max` (as far as it is, it is beyond every limit); anything
        /// but a positive whole number is refused, since ODF allows nothing else.
        func count(_ reader: xmlTextReaderPtr, _ name: String, line: Int) throws(RegisterReadError) -> Int {
            guard let text = attribute(reader, name, SpreadsheetReader.tableNamespace) else { return 1 }
            let digits = text.trimmingCharacters(in: .whitespaces)
            guard !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }), digits.utf8.contains(where: { $0 != 0x30 }) else {
                throw refuse("table:\(name)=\"\(text.prefix(40))\": expected a positive whole number",
                             at: Spreadsheet.reference(sheet: sheetName, row: row, column: column), line: line)
            }
            return Int(digits) ?? .max
        }

        mutating func start(_ local: String, _ namespace: String, _ reader: xmlTextReaderPtr, line: Int) throws(RegisterReadError) {
            switch (namespace, local) {
            case (SpreadsheetReader.tableNamespace, "table"):
                guard sheets.count < limits.sheetLimit else { throw refuse("more than \(limits.sheetLimit) sheets", line: line) }
                let name = attribute(reader, "name", SpreadsheetReader.tableNamespace) ?? "Feuille \(sheets.count + 1)"
                sheets.append(Spreadsheet.Sheet(name: name, rows: []))
                row = 0
            case (SpreadsheetReader.tableNamespace, "table-source"), (SpreadsheetReader.tableNamespace, "cell-range-source"),
                (SpreadsheetReader.tableNamespace, "dde-source"), (SpreadsheetReader.officeNamespace, "dde-source"):
                let target = attribute(reader, "href", "http://www.w3.org/1999/xlink") ?? "another document"
                throw refuse(
                    "links to data outside this file (\(target)); registre reads only what the file holds: "
                        + "break the link in the spreadsheet (keep the values) and import again",
                    at: Spreadsheet.reference(sheet: sheetName, row: row, column: column), line: line
                )
            case (SpreadsheetReader.tableNamespace, "table-row"):
                rowRepeat = try count(reader, "number-rows-repeated", line: line)
                cells = []
                column = 0
            case (SpreadsheetReader.tableNamespace, "table-cell"), (SpreadsheetReader.tableNamespace, "covered-table-cell"):
                columnRepeat = try count(reader, "number-columns-repeated", line: line)
                cell = Spreadsheet.Cell(
                    "", date: attribute(reader, "date-value", SpreadsheetReader.officeNamespace).map { String($0.prefix(10)) },
                    formula: attribute(reader, "formula", SpreadsheetReader.tableNamespace)
                )
                paragraphs = []
                paragraphDepth = 0
            case (SpreadsheetReader.officeNamespace, "annotation"):
                annotationDepth += 1
            case (SpreadsheetReader.textNamespace, "p"), (SpreadsheetReader.textNamespace, "h"):
                if cell != nil, annotationDepth == 0 {
                    if paragraphDepth == 0 { paragraphs.append("") }
                    paragraphDepth += 1
                }
            case (SpreadsheetReader.textNamespace, "s"):
                let spaces = attribute(reader, "c", SpreadsheetReader.textNamespace).flatMap { Int($0) } ?? 1
                appendText(String(repeating: " ", count: min(max(spaces, 1), 100)))
            case (SpreadsheetReader.textNamespace, "tab"):
                appendText("\t")
            case (SpreadsheetReader.textNamespace, "line-break"):
                appendText("\n")
            default:
                break
            }
        }

        mutating func end(_ local: String, _ namespace: String, line: Int) throws(RegisterReadError) {
            switch (namespace, local) {
            case (SpreadsheetReader.tableNamespace, "table-cell"), (SpreadsheetReader.tableNamespace, "covered-table-cell"):
                try endCell(line: line)
            case (SpreadsheetReader.officeNamespace, "annotation"):
                annotationDepth = max(annotationDepth - 1, 0)
            case (SpreadsheetReader.textNamespace, "p"), (SpreadsheetReader.textNamespace, "h"):
                if cell != nil, annotationDepth == 0, paragraphDepth > 0 { paragraphDepth -= 1 }
            case (SpreadsheetReader.tableNamespace, "table-row"):
                try endRow(line: line)
            default:
                break
            }
        }

        mutating func endCell(line: Int) throws(RegisterReadError) {
            guard var finished = cell else { return }
            finished.text = paragraphs.joined(separator: "\n")
            cell = nil
            let first = column
            // Empty cells, however many, only move the column on.
            column = Self.advanced(column, by: columnRepeat)
            if finished.isEmpty && finished.formula == nil { return }
            let reference = Spreadsheet.reference(sheet: sheetName, row: row, column: first)
            guard columnRepeat <= limits.repetitionLimit, column <= limits.columnLimit else {
                throw refuse(
                    "a cell with content repeated \(columnRepeat) time(s), as far as column \(Spreadsheet.columnName(column - 1)); "
                        + "expected cells with content up to column \(Spreadsheet.columnName(limits.columnLimit - 1)), repeated at most \(limits.repetitionLimit) times",
                    at: reference, line: line)
            }
            try keep(column - cells.count, at: reference, line: line)
            while cells.count < first { cells.append(.empty) }
            cells.append(contentsOf: Array(repeating: finished, count: columnRepeat))
        }

        mutating func endRow(line: Int) throws(RegisterReadError) {
            let first = row
            // Empty rows, however many, only move the row on: the empty tail of a sheet costs nothing.
            row = Self.advanced(row, by: rowRepeat)
            guard !cells.isEmpty else { return }
            let reference = Spreadsheet.reference(sheet: sheetName, row: first, column: 0)
            guard !sheets.isEmpty else { throw refuse("a row with content outside any sheet (table:table)", at: reference, line: line) }
            guard rowRepeat <= limits.repetitionLimit, row <= limits.rowLimit else {
                throw refuse(
                    "a row with content repeated \(rowRepeat) time(s), as far as row \(row); "
                        + "expected rows with content up to row \(limits.rowLimit), repeated at most \(limits.repetitionLimit) times",
                    at: reference, line: line)
            }
            // The first copy's cells are counted already.
            try keep(cells.count * (rowRepeat - 1), at: reference, line: line)
            var rows = sheets[sheets.count - 1].rows
            sheets[sheets.count - 1].rows = []
            while rows.count < first { rows.append([]) }
            rows.append(contentsOf: Array(repeating: cells, count: rowRepeat))
            sheets[sheets.count - 1].rows = rows
        }

        /// Counts `added` cells against the limit of cells kept in all.
        mutating func keep(_ added: Int, at reference: String, line: Int) throws(RegisterReadError) {
            cellsKept += added
            guard cellsKept <= limits.cellLimit else {
                throw refuse("more than \(limits.cellLimit) cells with content or before content; expected a register's sheets, far smaller", at: reference, line: line)
            }
        }
    }
}
