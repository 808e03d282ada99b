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

    /// The entries of the register at `path`, read one at a time as the caller asks for them, in memory
    /// that does not grow with the register.
    ///
    /// A problem found later (an invalid reference, a truncated file) makes the whole register unreadable:
    /// the cursor's `next()` throws it, at the latest at the end, so a caller holds back what it does with
    /// the entries until `next()` returns nil. A caller may stop early: dropping the cursor closes the file.
    /// - Throws: ``RegisterReadError`` when the file cannot be opened, is a directory or is empty; the
    ///   cursor throws the rest, as ``read(file:)``.
    public static func cursor(file path: String) throws(RegisterReadError) -> RegisterDocumentCursor {
        RegisterDocumentCursor(try DocumentWalk(file: path, schema: .register, diagnosticLimit: 50, handsOverTopLevel: true))
    }

    /// The entries of a register held in memory, one at a time; `name` is what diagnostics call it.
    /// - Throws: ``RegisterReadError`` when `bytes` is empty; the cursor throws the rest, as ``cursor(file:)``.
    public static func cursor(bytes: [UInt8], name: String = "<memory>") throws(RegisterReadError) -> RegisterDocumentCursor {
        RegisterDocumentCursor(try DocumentWalk(bytes: bytes, name: name, schema: .register, diagnosticLimit: 50, handsOverTopLevel: true))
    }

    /// Reads the register at `path` one entry at a time, in memory that does not grow with the register:
    /// ``cursor(file:)`` handed to `consume` entry by entry.
    ///
    /// Entries are handed over as they are read, before the end of the document is reached: a caller
    /// must hold back what it does with them until this returns, since a problem found later (an invalid
    /// reference, a truncated file) makes the whole register unreadable and throws.
    /// - Throws: ``RegisterReadError`` with every problem found, as ``read(file:)``.
    public static func stream(file path: String, _ consume: (RegisterEntry) -> Void) throws(RegisterReadError) {
        let entries = try cursor(file: path)
        while let entry = try entries.next() { consume(entry) }
    }

    /// Reads a register held in memory one entry at a time; `name` is what diagnostics call it.
    /// - Throws: ``RegisterReadError`` with every problem found, as ``stream(file:_:)``.
    public static func stream(bytes: [UInt8], name: String = "<memory>", _ consume: (RegisterEntry) -> Void) throws(RegisterReadError) {
        let entries = try cursor(bytes: bytes, name: name)
        while let entry = try entries.next() { consume(entry) }
    }

    /// Checks that a document is a valid registre document (any of its roots) without decoding it.
    public static func validate(bytes: [UInt8], name: String = "<memory>") throws(RegisterReadError) {
        _ = try ValidatingReader().read(bytes: bytes, name: name)
    }
}
