public import RegistreCore

/// The XML of one entry as it stands in a register document: its element, indented for its place under
/// `<register>`, with the line break that ends it. A document is its start, its entries' fragments one
/// after the other, and its end, so the register of record can keep each entry's fragment beside its
/// fields and export by copying them, without rebuilding a single value.
public enum RegisterFragment {
    /// The version of the fragments' format. It changes whenever the writer writes an entry differently,
    /// so that a fragment kept by an earlier registre is never copied into a document of this one.
    public static let version = 1

    /// The bytes of `entry` in a register document, or nil for a breach: its instants are written on its
    /// controller's time zone, which is another entry's field, so its XML cannot be kept with its own.
    /// - Throws: an error of libxml2's writer, which only happens when memory runs out.
    public static func bytes(of entry: RegisterEntry) throws -> [UInt8]? {
        if case .breach = entry { return nil }
        return try FragmentWriter().fragment(of: entry, context: Register())
    }
}

/// A libxml2 writer held inside an open `<register>` element, so that what it writes for an entry is
/// exactly what the same writer writes for it in a whole document: the entry's bytes are taken out of its
/// buffer after each entry.
final class FragmentWriter {
    private let xml: XMLStreamWriter

    init() throws {
        xml = try XMLStreamWriter()
        // A document in UTF-8, as the whole document is: without it, libxml2 escapes every non-ASCII
        // character of an attribute (`&#xE9;`).
        try xml.startDocument()
        try xml.start("register")
        // The raw line break closes the start tag as the first child would (`>` then a line break); what
        // follows is then written as every later child is.
        try xml.raw(Array("\n".utf8))
        _ = try xml.drain()
    }

    /// The entry's bytes; `context` gives the organisations a breach's instants are written against.
    func fragment(of entry: RegisterEntry, context: Register) throws -> [UInt8] {
        try RegisterWriter.write(entry, context: context, to: xml)
        return try xml.drain()
    }
}
