public import Foundation
public import RegistreCore
public import RegistreXML
import RegistreReports

/// `request register --format ods`: the register of requests as an OpenDocument spreadsheet, one sheet
/// of requests (one row each, the columns of the text register, days as date cells) for a DPO to sort
/// and filter, and one sheet of counts, in all and per organisation of a structure.
///
/// Made in memory (``add(_:now:)``, ``bytes(_:)``) for a register of a few requests, or written to the
/// disk as the requests come (``file(language:now:_:)``), for a register of any size in memory that does
/// not grow with it: the same register gives the same bytes either way.
public struct RequestRegisterSpreadsheet {
    private let language: Language
    private var rows: [[Spreadsheet.Cell]]

    /// An empty register of requests, its header row in `language`.
    /// - Parameter language: the language of the headers and the counts.
    public init(language: Language) {
        self.language = language
        rows = [Self.header(language)]
    }

    private static func header(_ language: Language) -> [Spreadsheet.Cell] {
        RequestRegisterWords.columns.map { Spreadsheet.Cell($0[language]) }
    }

    private static func cells(of row: RequestRegister.Row, now: Date) -> [Spreadsheet.Cell] {
        RequestRegisterWords.cells(of: row, now: now).map { text in
            // Days are date cells, which sort and filter as days.
            Spreadsheet.Cell(text, date: CalendarDate(iso: text) != nil ? text : nil)
        }
    }

    private static func counts(_ register: RequestRegister, language: Language) -> [[Spreadsheet.Cell]] {
        var counts: [[Spreadsheet.Cell]] = [[Spreadsheet.Cell(""), Spreadsheet.Cell(RequestRegisterWords.totalTitle[language])]
            + register.perOrganisation.map { Spreadsheet.Cell(register.name(of: $0.organisation)) }]
        let columns = [RequestRegisterWords.counts(of: register.total)] + register.perOrganisation.map { RequestRegisterWords.counts(of: $0.tally) }
        for (index, label) in columns[0].map({ $0.label }).enumerated() {
            counts.append([Spreadsheet.Cell(label[language])] + columns.map { Spreadsheet.Cell($0[index].value) })
        }
        return counts
    }

    private static func names(_ language: Language) -> (requests: String, counts: String) {
        language == .fr ? (requests: "Demandes", counts: "Décompte") : (requests: "Requests", counts: "Counts")
    }

    private static func title(_ language: Language) -> String {
        language == .fr ? "Registre des demandes des personnes concernées" : "Register of data subject requests"
    }

    /// Adds one request's row.
    /// - Parameters:
    ///   - row: the request and its clock.
    ///   - now: the moment the state is read at.
    public mutating func add(_ row: RequestRegister.Row, now: Date) {
        rows.append(Self.cells(of: row, now: now))
    }

    /// The spreadsheet: the requests, then the counts.
    /// - Parameter register: the register of requests, every request taken.
    public func spreadsheet(_ register: RequestRegister) -> Spreadsheet {
        let names = Self.names(language)
        return Spreadsheet(sheets: [
            Spreadsheet.Sheet(name: names.requests, rows: rows), Spreadsheet.Sheet(name: names.counts, rows: Self.counts(register, language: language)),
        ])
    }

    /// The OpenDocument spreadsheet; the same register gives the same bytes.
    /// - Parameter register: the register of requests, every request taken.
    /// - Throws: ``OpenDocumentError`` when the package cannot be written.
    public func bytes(_ register: RequestRegister) throws -> [UInt8] {
        try OpenDocumentPackage.spreadsheet(
            spreadsheet(register),
            title: Self.title(language), language: language.rawValue)
    }

    /// The OpenDocument spreadsheet written to the disk as `produce` hands the requests over, held by its
    /// open file only: memory holds a row, not the sheet (100,000 requests, measured: see
    /// `RequestDocuments.register`). The counts come from the register `produce` returns, every request taken.
    /// - Parameters:
    ///   - language: the language of the headers and the counts.
    ///   - now: the moment the state is read at.
    ///   - produce: hands each request's row, in order, to the function it is given, and returns the
    ///     register of requests settled.
    /// - Throws: ``OpenDocumentError/unwritable`` when the file cannot be made; what `produce` throws; the
    ///   XML writer's or ZIPFoundation's error.
    public static func file(
        language: Language, now: Date, _ produce: (_ add: (RequestRegister.Row) throws -> Void) throws -> RequestRegister
    ) throws -> ArchiveFile {
        let names = names(language)
        return try OpenDocumentPackage.spreadsheetFile(title: title(language), language: language.rawValue) { writer in
            let header = header(language)
            // Every row has the header's cells: the sheet's columns are known before its first row.
            try writer.startSheet(name: names.requests, columns: header.count)
            try writer.row(header)
            let register = try produce { row in try writer.row(cells(of: row, now: now)) }
            try writer.endSheet()
            let counts = counts(register, language: language)
            try writer.startSheet(name: names.counts, columns: counts.map(\.count).max() ?? 0)
            for row in counts { try writer.row(row) }
            try writer.endSheet()
        }
    }
}
