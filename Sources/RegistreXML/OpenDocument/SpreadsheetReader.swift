import CLibXML2

/// Reads the `content.xml` of an OpenDocument spreadsheet into sheets of cells, streaming, in memory
/// bounded by what the sheets hold rather than by what they claim: a row or a cell repeated a million
/// times (`table:number-rows-repeated`, how spreadsheets write their empty tail) costs a counter, not a
/// million rows. Formulas are never evaluated (their last shown text is kept, with the formula), and a
/// sheet that links to data outside the file is refused: nothing is ever fetched.
package struct SpreadsheetReader {
    /// The furthest row and column a cell with content may sit in. The CNIL's model uses about 60 rows
    /// and 10 columns per sheet; a register's list of processings rarely passes a few hundred rows.
    package var rowLimit = 65_536
    package var columnLimit = 256
    /// A row or cell with content repeated more than this is refused rather than copied.
    package var repetitionLimit = 1_000
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
                xmlReaderForMemory(chars.baseAddress, Int32(clamping: chars.count), name, "UTF-8", LibXML.parseOptions)
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
        var depth = 0

        init(limits: SpreadsheetReader, file: String) {
            self.limits = limits
            self.file = file
        }

        func refuse(_ message: String, at reference: String? = nil, line: Int? = nil) -> RegisterReadError {
            RegisterReadError([XMLDiagnostic(file: file, line: line, message: reference.map { "\($0): \(message)" } ?? message)])
        }

        var sheetName: String { sheets.last?.name ?? "?" }

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
                    if empty { try end(local, namespace) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    try end(local, namespace)
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                    Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    if cell != nil, paragraphDepth > 0, annotationDepth == 0, let value = LibXML.string(xmlTextReaderConstValue(reader)) {
                        paragraphs[paragraphs.count - 1] += value
                    }
                default:
                    break
                }
            }
        }

        func attribute(_ reader: xmlTextReaderPtr, _ name: String, _ namespace: String) -> String? {
            guard let value = xmlTextReaderGetAttributeNs(reader, name, namespace) else { return nil }
            defer { registre_xmlFree(value) }
            return String(cString: value)
        }

        func count(_ reader: xmlTextReaderPtr, _ name: String) -> Int {
            attribute(reader, name, SpreadsheetReader.tableNamespace).flatMap { Int($0) }.map { max($0, 1) } ?? 1
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
                rowRepeat = count(reader, "number-rows-repeated")
                cells = []
                column = 0
            case (SpreadsheetReader.tableNamespace, "table-cell"), (SpreadsheetReader.tableNamespace, "covered-table-cell"):
                columnRepeat = count(reader, "number-columns-repeated")
                cell = Spreadsheet.Cell(
                    "", date: attribute(reader, "date-value", SpreadsheetReader.officeNamespace).map { String($0.prefix(10)) },
                    formula: attribute(reader, "formula", SpreadsheetReader.tableNamespace)
                )
                paragraphs = []
            case (SpreadsheetReader.officeNamespace, "annotation"):
                annotationDepth += 1
            case (SpreadsheetReader.textNamespace, "p"), (SpreadsheetReader.textNamespace, "h"):
                if cell != nil, annotationDepth == 0 {
                    if paragraphDepth == 0 { paragraphs.append("") }
                    paragraphDepth += 1
                }
            case (SpreadsheetReader.textNamespace, "s"):
                if cell != nil, paragraphDepth > 0, annotationDepth == 0 {
                    let spaces = attribute(reader, "c", SpreadsheetReader.textNamespace).flatMap { Int($0) } ?? 1
                    paragraphs[paragraphs.count - 1] += String(repeating: " ", count: min(max(spaces, 1), 100))
                }
            case (SpreadsheetReader.textNamespace, "tab"):
                if cell != nil, paragraphDepth > 0, annotationDepth == 0 { paragraphs[paragraphs.count - 1] += "\t" }
            case (SpreadsheetReader.textNamespace, "line-break"):
                if cell != nil, paragraphDepth > 0, annotationDepth == 0 { paragraphs[paragraphs.count - 1] += "\n" }
            default:
                break
            }
        }

        mutating func end(_ local: String, _ namespace: String) throws(RegisterReadError) {
            switch (namespace, local) {
            case (SpreadsheetReader.tableNamespace, "table-cell"), (SpreadsheetReader.tableNamespace, "covered-table-cell"):
                guard var finished = cell else { return }
                finished.text = paragraphs.joined(separator: "\n")
                cell = nil
                if finished.isEmpty && finished.formula == nil {
                    // Empty cells, however many, only move the column on.
                    column += columnRepeat
                    return
                }
                let reference = Spreadsheet.reference(sheet: sheetName, row: row, column: column)
                guard columnRepeat <= limits.repetitionLimit, column + columnRepeat <= limits.columnLimit else {
                    throw refuse("a cell with content repeated as far as column \(column + columnRepeat) (registre reads up to column \(Spreadsheet.columnName(limits.columnLimit - 1)))", at: reference)
                }
                while cells.count < column { cells.append(.empty) }
                cells.append(contentsOf: Array(repeating: finished, count: columnRepeat))
                column += columnRepeat
            case (SpreadsheetReader.officeNamespace, "annotation"):
                annotationDepth -= 1
            case (SpreadsheetReader.textNamespace, "p"), (SpreadsheetReader.textNamespace, "h"):
                if cell != nil, annotationDepth == 0, paragraphDepth > 0 { paragraphDepth -= 1 }
            case (SpreadsheetReader.tableNamespace, "table-row"):
                defer { row += rowRepeat }
                guard !cells.isEmpty else { return }
                let reference = Spreadsheet.reference(sheet: sheetName, row: row, column: 0)
                guard rowRepeat <= limits.repetitionLimit, row + rowRepeat <= limits.rowLimit else {
                    throw refuse("a row with content at or repeated as far as row \(row + rowRepeat) (registre reads up to row \(limits.rowLimit))", at: reference)
                }
                var rows = sheets[sheets.count - 1].rows
                sheets[sheets.count - 1].rows = []
                while rows.count < row { rows.append([]) }
                rows.append(contentsOf: Array(repeating: cells, count: rowRepeat))
                sheets[sheets.count - 1].rows = rows
            default:
                break
            }
        }
    }
}
