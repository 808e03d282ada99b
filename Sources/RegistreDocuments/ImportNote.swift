public import RegistreCore

/// Something the import of a spreadsheet noticed and did not turn into register data: a sheet or a column
/// it does not know, a model sheet left empty. Located by cell (`Fiche paie!C12`), in both languages.
public struct ImportNote: Hashable, Sendable {
    /// How much a note matters to whoever imports.
    public enum Severity: String, Sendable {
        /// The value cannot be read: the import is refused.
        case error
        /// Something is left out: the DPO should look.
        case warning
        /// For the record: nothing is lost.
        case info
    }

    /// How much the note matters.
    public var severity: Severity
    /// Where: a sheet and cell, `Sheet!B12`.
    public var reference: String
    /// What was noticed, in French and English.
    public var message: LocalizedText

    /// A note of `severity` about the cell `reference`.
    public init(_ severity: Severity, at reference: String, _ message: LocalizedText) {
        self.severity = severity
        self.reference = reference
        self.message = message
    }

    /// `FILE: Sheet!B12: warning: message`, one line.
    public func line(file: String, language: Language) -> String {
        let label = switch (severity, language) {
        case (.error, .fr): "erreur"
        case (.error, .en): "error"
        case (.warning, .fr): "avertissement"
        case (.warning, .en): "warning"
        case (.info, _): "information"
        }
        return "\(file): \(reference): \(label): \(message[language])"
    }

    /// The most notes printed one by one, as for the diagnostics of a register file; the rest are counted.
    public static let printedLimit = 50

    /// The lines `notes` print as in `language`: the first ``printedLimit``, then how many more there are
    /// (a file with a million unknown columns is told in 51 lines).
    public static func lines(_ notes: [ImportNote], file: String, language: Language) -> [String] {
        var lines = notes.prefix(printedLimit).map { $0.line(file: file, language: language) }
        let omitted = notes.count - lines.count
        if omitted > 0 { lines.append(LocalizedText(fr: "… et \(omitted) autres", en: "… and \(omitted) more")[language]) }
        return lines
    }
}
