public import Foundation
public import RegistreCore
public import RegistreReports
import RegistreXML

/// The register and the documents drawn from it as OpenDocument files: the register as a spreadsheet in
/// the CNIL model's layout (ODS) or as a text document (ODT), a breach report, an audit notice and the
/// letters about a person's request (ODT), and the register of requests (ODS).
/// The same input gives the same bytes.
public enum OpenDocumentExport {
    /// One sheet per activity: a register of more activities than a spreadsheet holds sheets is refused
    /// (export it as XML, or one controller at a time with --controller).
    /// - Throws: ``OpenDocumentError/tooManySheets(_:)`` when the register has more activities than a
    ///   spreadsheet holds sheets, ``OpenDocumentError/unwritable`` when the zip container cannot be made.
    public static func spreadsheet(_ register: Register) throws -> [UInt8] {
        let spreadsheet = RegisterSpreadsheet.spreadsheet(of: register)
        guard spreadsheet.sheets.count <= Spreadsheet.sheetLimit else {
            throw OpenDocumentError.tooManySheets(spreadsheet.sheets.count)
        }
        return try OpenDocumentPackage.spreadsheet(
            spreadsheet,
            title: register.title ?? registerTitle, language: "fr"
        )
    }

    /// The title of a register's documents when the register has none.
    static let registerTitle = "Registre des activités de traitement"

    /// The text register, same content and order as `export --format text`, with headings and tables.
    /// - Throws: ``OpenDocumentError/unwritable`` when the zip container cannot be made.
    public static func text(_ register: Register, language: Language) throws -> [UInt8] {
        try OpenDocumentPackage.text(
            ReportLayout.document(fromUnfolded: RegisterTextReport.render(register, language: language, folded: false), language: language.rawValue)
        )
    }

    /// The notification report of `breach` at `now` as an ODT document in `language`.
    /// - Throws: ``OpenDocumentError/unwritable`` when the zip container cannot be made.
    public static func breachReport(_ breach: Breach, in register: Register, now: Date, language: Language) throws -> [UInt8] {
        try OpenDocumentPackage.text(
            ReportLayout.document(
                fromUnfolded: BreachReport.render(breach, in: register, now: now, language: language, folded: false),
                language: language.rawValue
            )
        )
    }

    /// The notice of `audit` to its processor as an ODT document in `language`.
    /// - Throws: ``OpenDocumentError/unwritable`` when the zip container cannot be made.
    public static func auditNotice(_ audit: AuditRequest, in register: Register, language: Language) throws -> [UInt8] {
        try OpenDocumentPackage.text(
            ReportLayout.document(
                fromUnfolded: AuditNoticeReport.render(audit, in: register, language: language, folded: false),
                language: language.rawValue
            )
        )
    }

    /// The letter `kind` about `request` at `now` as an ODT document in `language`: the same words, in the
    /// same order, as `RequestLetter.render(_:of:in:now:language:folded:)`.
    /// - Parameters:
    ///   - kind: the acknowledgement of receipt or the answer.
    ///   - request: the request.
    ///   - register: holds its controller and the activities it names.
    ///   - now: the moment the letter is drafted at.
    ///   - language: the language of the letter.
    /// - Throws: ``OpenDocumentError/unwritable`` when the zip container cannot be made.
    public static func requestLetter(
        _ kind: RequestLetter.Kind, of request: DataSubjectRequest, in register: Register, now: Date, language: Language
    ) throws -> [UInt8] {
        try OpenDocumentPackage.text(
            ReportLayout.document(
                fromUnfolded: RequestLetter.render(kind, of: request, in: register, now: now, language: language, folded: false),
                language: language.rawValue
            )
        )
    }
}
