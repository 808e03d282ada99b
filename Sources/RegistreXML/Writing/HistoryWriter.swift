public import RegistreCore
import Foundation

/// Writes the journal as a `<history>` document of the register schema: every entry with its hash, so that
/// the chain can be checked by anyone holding the file.
public enum HistoryWriter {
    /// The document of `entries`, naming the entry they are the history of (`entity`), or the whole register.
    /// - Throws: ``XMLWriteError`` when libxml2 fails to write, which only happens when memory runs out.
    public static func bytes(of entries: [JournalEntry], entity: String?) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(entity: entity, to: { bytes += $0 }) { write in
            for entry in entries { try write(entry) }
        }
        return bytes
    }

    /// Writes the journal one entry at a time, as `produce` hands them over, passing the bytes to `sink`
    /// in chunks: a journal of any length in memory that does not grow with it.
    public static func stream(
        entity: String?, to sink: @escaping ([UInt8]) throws -> Void,
        entries produce: (_ write: (JournalEntry) throws -> Void) throws -> Void
    ) throws {
        let xml = try XMLStreamWriter()
        try xml.startDocument()
        try xml.start("history")
        try xml.attribute("xmlns", Schema.namespace)
        try xml.attribute("version", Schema.version)
        try xml.attribute("entity", entity)
        try produce { entry in
            try xml.start("entry")
            try xml.attribute("sequence", String(entry.sequence))
            try xml.attribute("recorded-at", Instant.utcMilliseconds(entry.recordedAt))
            try xml.attribute("effective-at", entry.effectiveAt.map { Instant.utcMilliseconds($0) })
            try xml.attribute("actor", entry.actor)
            try xml.attribute("system-user", entry.systemUser)
            try xml.attribute("kind", entry.entity.kind.rawValue)
            try xml.attribute("id", entry.entity.id)
            try xml.attribute("change", entry.change.rawValue)
            try xml.attribute("previous-hash", entry.previousHash)
            try xml.attribute("hash", entry.hash)
            for field in entry.fields {
                try xml.start("field")
                try xml.attribute("name", field.name)
                try xml.element("before", field.before)
                try xml.element("after", field.after)
                try xml.end()
            }
            try xml.end()
            if xml.pending >= 1 << 16 { try sink(try xml.drain()) }
        }
        try xml.end()
        try sink(try xml.drain())
        try sink(try xml.finish())
    }
}
