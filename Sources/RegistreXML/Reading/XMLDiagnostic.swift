public import RegistreCore

/// One thing wrong with a document, located the way editors and compilers do: `FILE:LINE:COLUMN: message`.
public struct XMLDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path of the document, as the user gave it.
    public var file: String
    /// The line of the fault, from 1; nil when unknown.
    public var line: Int?
    /// The column of the fault, from 1; nil when unknown.
    public var column: Int?
    /// In English (libxml2 speaks English only).
    public var message: String
    /// The message in every language, for the diagnostics registre words itself.
    public var localized: LocalizedText?

    /// A diagnostic in English only, as libxml2 words it.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A diagnostic registre words itself, in every language.
    public init(file: String, line: Int? = nil, column: Int? = nil, _ text: LocalizedText) {
        self.init(file: file, line: line, column: column, message: text.en)
        localized = text
    }

    /// `FILE:LINE:COLUMN: message`, in English.
    public var description: String { description(in: .en) }

    /// `FILE:LINE:COLUMN: message` in `language` (in English when libxml2 wrote the message).
    public func description(in language: Language) -> String {
        "\(location): \(localized?[language] ?? message)"
    }

    private var location: String {
        var location = file
        if let line, line > 0 {
            location += ":\(line)"
            if let column, column > 0 { location += ":\(column)" }
        }
        return location
    }
}

/// Why a register could not be read. Nothing of it was kept: a register is read whole or not at all.
public struct RegisterReadError: Error, Sendable, CustomStringConvertible {
    /// At least one; in the order they were found; at most `limit`.
    public var diagnostics: [XMLDiagnostic]
    /// How many more were found and not kept: a file with a million faults is told in a hundred lines
    /// and the memory they take.
    public var omitted: Int

    /// The most diagnostics kept and printed.
    public static let limit = 100

    /// An error of `diagnostics`, of which only the first ``limit`` are kept, and `omitted` more counted.
    public init(_ diagnostics: [XMLDiagnostic], omitted: Int = 0) {
        self.diagnostics = Array(diagnostics.prefix(Self.limit))
        self.omitted = omitted + max(0, diagnostics.count - Self.limit)
    }

    /// One line per diagnostic, then how many more there are.
    public var description: String { description(in: .en) }

    /// One line per diagnostic in `language`, then how many more there are.
    public func description(in language: Language) -> String {
        var lines = diagnostics.map { $0.description(in: language) }
        if omitted > 0 {
            lines.append(LocalizedText(fr: "… et \(omitted) autres", en: "… and \(omitted) more")[language])
        }
        return lines.joined(separator: "\n")
    }
}

/// Diagnostics gathered while a document is read: the first `RegisterReadError.limit` are kept, the
/// others only counted, so that memory stays bounded whatever the number of faults.
struct DiagnosticList {
    private(set) var kept: [XMLDiagnostic] = []
    private(set) var omitted = 0

    var isEmpty: Bool { kept.isEmpty }

    mutating func append(_ diagnostic: XMLDiagnostic) {
        if kept.count < RegisterReadError.limit { kept.append(diagnostic) } else { omitted += 1 }
    }

    mutating func append(contentsOf other: DiagnosticList) {
        for diagnostic in other.kept { append(diagnostic) }
        omitted += other.omitted
    }
}
