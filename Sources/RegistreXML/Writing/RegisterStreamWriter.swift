public import RegistreCore

/// Writes a register one entry at a time, handing the bytes to `sink` as it goes: a register of any size
/// is written in memory that does not grow with it. Entries must come in the order of the format
/// (`Register.entries`); the output is the same canonical document `RegisterWriter` gives.
///
/// Each entry is written as its ``RegisterFragment`` and copied into the document, so an entry whose
/// fragment was kept (the register of record keeps them) is written by copying it: both ways give the
/// same bytes because they are the same way.
public final class RegisterStreamWriter {
    private let xml: XMLStreamWriter
    private let fragments: FragmentWriter
    private let sink: ([UInt8]) throws -> Void
    private var started = false
    /// Whether the `<register>` start tag has been closed by a first entry.
    private var opened = false
    /// What later entries are written against: the organisations' time zones, for breaches.
    private var context = Register()

    /// A writer that hands the document's bytes to `sink` as they are made, and writes its start.
    /// - Throws: what `sink` throws, or ``XMLWriteError`` when libxml2's writer fails.
    public init(sink: @escaping ([UInt8]) throws -> Void) throws {
        xml = try XMLStreamWriter()
        fragments = try FragmentWriter()
        self.sink = sink
    }

    /// Writes one entry; entries must come in the order of the format.
    /// - Throws: what `sink` throws, or ``XMLWriteError`` when libxml2's writer fails.
    public func write(_ entry: RegisterEntry) throws {
        if case .organisation(let organisation) = entry { context.organisations.append(organisation) }
        try write(fragment: try fragments.fragment(of: entry, context: context))
    }

    /// Writes one entry from the fragment kept for it (``RegisterFragment/bytes(of:)`` of the current
    /// ``RegisterFragment/version``), copied as it is; entries must come in the order of the format.
    /// Organisations are given as values (``write(_:)``): breaches after them are written on their time
    /// zones.
    /// - Throws: what `sink` throws, or an error of libxml2's writer.
    public func write(fragment: [UInt8]) throws {
        if !started {
            try xml.startDocument()
            try xml.start("register")
            try xml.attribute("xmlns", Schema.namespace)
            try xml.attribute("version", Schema.version)
            started = true
        }
        guard !fragment.isEmpty else { return }
        if !opened {
            // Closes the start tag as a first child element would: `>` and a line break.
            try xml.raw(Array("\n".utf8))
            opened = true
        }
        try xml.raw(fragment)
        // Hand bytes over in chunks of some size: one write per entry would cost a system call each.
        if xml.pending >= 1 << 16 { try sink(try xml.drain()) }
    }

    /// Closes the document and hands over its last bytes.
    /// - Throws: what `sink` throws, or ``XMLWriteError`` when libxml2's writer fails.
    public func finish() throws {
        if !started { try write(.title(nil)) }
        try xml.end()
        try sink(try xml.drain())
        try sink(try xml.finish())
    }
}
