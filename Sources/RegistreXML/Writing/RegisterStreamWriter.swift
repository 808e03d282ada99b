public import RegistreCore

/// Writes a register one entry at a time, handing the bytes to `sink` as it goes: a register of any size
/// is written in memory that does not grow with it. Entries must come in the order of the format
/// (`Register.entries`); the output is the same canonical document `RegisterWriter` gives.
public final class RegisterStreamWriter {
    private let xml: XMLStreamWriter
    private let sink: ([UInt8]) throws -> Void
    private var started = false
    /// What later entries are written against: the organisations' time zones, for breaches.
    private var context = Register()

    /// A writer that hands the document's bytes to `sink` as they are made, and writes its start.
    /// - Throws: what `sink` throws, or ``XMLWriteError`` when libxml2's writer fails.
    public init(sink: @escaping ([UInt8]) throws -> Void) throws {
        xml = try XMLStreamWriter()
        self.sink = sink
    }

    /// Writes one entry; entries must come in the order of the format.
    /// - Throws: what `sink` throws, or ``XMLWriteError`` when libxml2's writer fails.
    public func write(_ entry: RegisterEntry) throws {
        if !started {
            try xml.startDocument()
            try xml.start("register")
            try xml.attribute("xmlns", Schema.namespace)
            try xml.attribute("version", Schema.version)
            started = true
        }
        if case .organisation(let organisation) = entry { context.organisations.append(organisation) }
        try RegisterWriter.write(entry, context: context, to: xml)
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
