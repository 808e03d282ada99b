public import Foundation
public import RegistreCore
public import RegistreXML
import RegistreReports

/// `request register --format ods`: the register of requests as an OpenDocument spreadsheet, one sheet
/// of requests (one row each, the columns of the text register, days as date cells) for a DPO to sort
/// and filter, and one sheet of counts, in all and per organisation of a structure.
///
/// A spreadsheet is one zip made in memory: its rows are gathered as the requests come, a few short
/// cells each, and the package written at the end.
public struct RequestRegisterSpreadsheet {
    private let language: Language
    private var rows: [[Spreadsheet.Cell]]

    /// An empty register of requests, its header row in `language`.
    /// - Parameter language: the language of the headers and the counts.
    public init(language: Language) {
        self.language = language
        rows = [RequestRegisterWords.columns.map { Spreadsheet.Cell($0[language]) }]
    }

    /// Adds one request's row.
    /// - Parameters:
    ///   - row: the request and its clock.
    ///   - now: the moment the state is read at.
    public mutating func add(_ row: RequestRegister.Row, now: Date) {
        rows.append(RequestRegisterWords.cells(of: row, now: now).map { text in
            // Days are date cells, which sort and filter as days.
            Spreadsheet.Cell(text, date: CalendarDate(iso: text) != nil ? text : nil)
        })
    }

    /// The spreadsheet: the requests, then the counts.
    /// - Parameter register: the register of requests, every request taken.
    public func spreadsheet(_ register: RequestRegister) -> Spreadsheet {
        var counts: [[Spreadsheet.Cell]] = [[Spreadsheet.Cell(""), Spreadsheet.Cell(RequestRegisterWords.totalTitle[language])]
            + register.perOrganisation.map { Spreadsheet.Cell(register.name(of: $0.organisation)) }]
        let columns = [RequestRegisterWords.counts(of: register.total)] + register.perOrganisation.map { RequestRegisterWords.counts(of: $0.tally) }
        for (index, label) in columns[0].map({ $0.label }).enumerated() {
            counts.append([Spreadsheet.Cell(label[language])] + columns.map { Spreadsheet.Cell($0[index].value) })
        }
        let names = language == .fr ? (requests: "Demandes", counts: "Décompte") : (requests: "Requests", counts: "Counts")
        return Spreadsheet(sheets: [
            Spreadsheet.Sheet(name: names.requests, rows: rows), Spreadsheet.Sheet(name: names.counts, rows: counts),
        ])
    }

    /// The OpenDocument spreadsheet; the same register gives the same bytes.
    /// - Parameter register: the register of requests, every request taken.
    /// - Throws: ``OpenDocumentError`` when the package cannot be written.
    public func bytes(_ register: RequestRegister) throws -> [UInt8] {
        try OpenDocumentPackage.spreadsheet(
            spreadsheet(register),
            title: language == .fr ? "Registre des demandes des personnes concernées" : "Register of data subject requests",
            language: language.rawValue)
    }
}
