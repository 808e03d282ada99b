public import RegistreCore

/// Reads registers in the registre XML format.
///
/// A register is read whole or not at all: the document must be well formed, carry no DTD, be valid
/// against `Docs/registre.xsd`, and hold only French identifiers with a right key and dates that exist.
/// Otherwise every problem found is thrown, located as `FILE:LINE:COLUMN: message`.
public enum RegisterReader {
    /// Reads the register at `path`.
    /// - Throws: ``RegisterReadError`` with every problem found, located, when the file cannot be read, is
    ///   not well formed, not valid against the schema, or names what it does not hold.
    public static func read(file path: String) throws(RegisterReadError) -> Register {
        var register = Register()
        try stream(file: path) { register.append($0) }
        return register
    }

    /// Reads a register held in memory; `name` is what diagnostics call it.
    /// - Throws: ``RegisterReadError`` with every problem found, as ``read(file:)``.
    public static func read(bytes: [UInt8], name: String = "<memory>") throws(RegisterReadError) -> Register {
        var register = Register()
        try stream(bytes: bytes, name: name) { register.append($0) }
        return register
    }

    /// Reads the register at `path` one entry at a time, in memory that does not grow with the register.
    ///
    /// Entries are handed over as they are read, before the end of the document is reached: a caller
    /// must hold back what it does with them until this returns, since a problem found later (an invalid
    /// reference, a truncated file) makes the whole register unreadable and throws.
    /// - Throws: ``RegisterReadError`` with every problem found, as ``read(file:)``.
    public static func stream(file path: String, _ consume: (RegisterEntry) -> Void) throws(RegisterReadError) {
        try withoutActuallyEscaping(consume) { consume throws(RegisterReadError) in
            let decoding = Decoding(file: path, consume: consume)
            let root = try decoding.reader.read(file: path)
            try decoding.finish(root)
        }
    }

    /// Reads a register held in memory one entry at a time; `name` is what diagnostics call it.
    /// - Throws: ``RegisterReadError`` with every problem found, as ``stream(file:_:)``.
    public static func stream(bytes: [UInt8], name: String = "<memory>", _ consume: (RegisterEntry) -> Void) throws(RegisterReadError) {
        try withoutActuallyEscaping(consume) { consume throws(RegisterReadError) in
            let decoding = Decoding(file: name, consume: consume)
            let root = try decoding.reader.read(bytes: bytes, name: name)
            try decoding.finish(root)
        }
    }

    /// Checks that a document is a valid registre document (any of its roots) without decoding it.
    public static func validate(bytes: [UInt8], name: String = "<memory>") throws(RegisterReadError) {
        _ = try ValidatingReader().read(bytes: bytes, name: name)
    }

    /// Decodes each entry as the reader closes it.
    private struct Decoding {
        let reader: ValidatingReader
        private let state: State

        final class State {
            var decoder: RegisterDecoder
            var identity = IdentityCheck()
            var sawTitle = false
            var sawEntry = false
            init(file: String) { decoder = RegisterDecoder(file: file) }
        }

        init(file: String, consume: @escaping (RegisterEntry) -> Void) {
            let state = State(file: file)
            self.state = state
            var reader = ValidatingReader()
            reader.onTopLevel = { node in
                guard let entry = state.decoder.entry(node) else { return }
                state.identity.record(entry, line: node.line)
                if case .title = entry { state.sawTitle = true } else if !state.sawTitle && !state.sawEntry {
                    consume(.title(nil))
                }
                state.sawEntry = true
                consume(entry)
            }
            self.reader = reader
        }

        func finish(_ root: XMLNode) throws(RegisterReadError) {
            let file = state.decoder.file
            guard root.name == "register" else {
                throw RegisterReadError([XMLDiagnostic(file: file, line: root.line, message: "expected a <register> document, found <\(root.name)>")])
            }
            state.identity.finish()
            let identity = state.identity.problems.map { XMLDiagnostic(file: file, line: $0.line, message: $0.message) }
            let decoded = state.decoder.diagnostics
            let all = (decoded.kept + identity).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
            if !all.isEmpty { throw RegisterReadError(all, omitted: decoded.omitted + state.identity.omittedProblems) }
        }
    }
}
