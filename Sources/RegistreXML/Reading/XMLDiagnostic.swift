/// One thing wrong with a document, located the way editors and compilers do: `FILE:LINE:COLUMN: message`.
public struct XMLDiagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line, line > 0 {
            location += ":\(line)"
            if let column, column > 0 { location += ":\(column)" }
        }
        return "\(location): \(message)"
    }
}

/// Why a register could not be read. Nothing of it was kept: a register is read whole or not at all.
public struct RegisterReadError: Error, Sendable, CustomStringConvertible {
    /// At least one; in the order they were found.
    public var diagnostics: [XMLDiagnostic]

    public init(_ diagnostics: [XMLDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One line per diagnostic.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
