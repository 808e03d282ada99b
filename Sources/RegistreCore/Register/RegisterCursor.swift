/// Register entries handed over one at a time as the caller asks for them, by a source that may fail
/// along the way: a register file being read, the register of record inside a read transaction, a
/// register held in memory. The shape of GRDB's `Cursor`: pull, throwing, single pass.
///
/// The caller drives: it may stop at any entry (and drop the cursor), and an error, the source's or its
/// own, is thrown where it calls ``next()`` or ``forEach(_:)``, with no flag to carry it out of a callback.
///
/// ```swift
/// let entries = try RegisterReader.cursor(file: "register.xml")
/// var check = StreamingCheck()
/// try entries.forEach { check.consume($0) }
/// ```
public protocol RegisterCursor: AnyObject {
    /// The next entry, in the order of the format; nil at the end, and after an error.
    /// - Throws: what the source finds wrong (a file's diagnostics, a database's error).
    func next() throws -> RegisterEntry?
}

extension RegisterCursor {
    /// Hands each entry left to `body`, in order, until the end or the first error.
    /// - Throws: the first error, the source's or `body`'s; no entry is handed over after it.
    public func forEach(_ body: (RegisterEntry) throws -> Void) throws {
        while let entry = try next() { try body(entry) }
    }
}

extension Register {
    /// The register made of every entry left in `cursor`.
    /// - Throws: the cursor's first error.
    public init(_ cursor: some RegisterCursor) throws {
        self.init()
        try cursor.forEach { append($0) }
    }
}

/// The entries of a register held in memory, as a cursor: what a source read whole (a spreadsheet, a
/// Madis export) hands over in the shape of the others.
public final class RegisterEntriesCursor: RegisterCursor {
    private var entries: IndexingIterator<[RegisterEntry]>

    /// A cursor over the entries of `register`, in the order of the format.
    public init(_ register: Register) {
        entries = register.entries.makeIterator()
    }

    /// The next entry of the register; nil at its end. Never throws.
    public func next() -> RegisterEntry? { entries.next() }
}
