public import RegistreCore

/// Checks one entry as the reader of register files would, so that a value typed on the command line or
/// in a form is held to the same rules as a file: the schema (text that may not be empty, counts that may
/// not be negative, codes from their lists), the checks the reader adds (identifiers with a right key,
/// dates that exist, characters that have no place in a field), and reading back to the same value.
///
/// What an entry names (its controller, its agreement) is not checked here: a lone entry names entries it
/// does not carry. The register of record checks those against what it holds when it saves the entry.
public enum EntryValidation {
    /// - Parameters:
    ///   - entry: the entry to check, as it would be written.
    ///   - name: what the diagnostics call the entry (`--title`, `breach breach-20261126-1`).
    /// - Throws: ``RegisterReadError`` with the reader's diagnostics, located in the entry's field.
    public static func check(_ entry: RegisterEntry, name: String? = nil) throws(RegisterReadError) {
        let label = name ?? "\(entry.key.kind.rawValue) '\(entry.key.id)'"
        var bytes: [UInt8] = []
        do {
            let writer = try RegisterStreamWriter { bytes += $0 }
            if case .title = entry {} else { try writer.write(.title(nil)) }
            try writer.write(entry)
            try writer.finish()
        } catch {
            throw RegisterReadError([XMLDiagnostic(file: label, message: "cannot be written as XML: \(error)")])
        }
        var decoder = RegisterDecoder(file: label)
        var decoded: [RegisterEntry] = []
        var reviewPeriod: PeriodLength?
        var reader = ValidatingReader()
        reader.onTopLevel = { node in
            if node.name == "review-period" { reviewPeriod = decoder.reviewPeriod(node) }
            if let entry = decoder.entry(node) { decoded.append(entry) }
        }
        // Lines and columns would point into a document nobody sees: the entry's name says where.
        func unlocated(_ diagnostics: [XMLDiagnostic], omitted: Int = 0) -> RegisterReadError {
            RegisterReadError(diagnostics.map { diagnostic in
                var unlocated = diagnostic
                unlocated.file = label
                unlocated.line = nil
                unlocated.column = nil
                return unlocated
            }, omitted: omitted)
        }
        do {
            _ = try reader.read(bytes: bytes, name: label)
        } catch {
            throw unlocated(error.diagnostics, omitted: error.omitted)
        }
        if !decoder.diagnostics.isEmpty { throw unlocated(decoder.diagnostics.kept, omitted: decoder.diagnostics.omitted) }
        var expected = Register()
        expected.append(entry)
        var read = Register()
        for entry in decoded { read.append(entry) }
        read.reviewPeriod = read.reviewPeriod ?? reviewPeriod
        if case .title = entry {} else { expected.title = read.title }
        guard read == expected else {
            throw RegisterReadError([XMLDiagnostic(
                file: label,
                message: "would not read back as it was given (a value the format cannot hold as typed, e.g. surrounding spaces or a time finer than the format keeps)")])
        }
    }
}
