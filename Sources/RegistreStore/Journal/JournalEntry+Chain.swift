import Foundation
import Crypto
import RegistreCore

/// How the store chains and stores journal entries.
extension JournalEntry {
    /// Builds the entry that follows `previousHash`, computing its own hash. `fieldsJSON` and
    /// `recordedAtText` are the entry's stored forms, given when the caller already has them.
    init(sequence: Int64, recordedAt: Date, effectiveAt: Date? = nil, actor: String, systemUser: String? = nil,
         entity: EntityKey, change: Change, fields: [FieldChange], previousHash: String, fieldsJSON: String? = nil,
         recordedAtText: String? = nil) {
        self.init(sequence: sequence, recordedAt: recordedAt, effectiveAt: effectiveAt, actor: actor, systemUser: systemUser,
                  entity: entity, change: change, fields: fields, previousHash: previousHash, hash: "")
        self.hash = computedHash(fieldsJSON: fieldsJSON, recordedAtText: recordedAtText)
    }

    /// The fields as stored: a JSON array sorted by name, each object's keys sorted, absent values left
    /// out. Written by hand: it is made twice for every change of an import, and JSONEncoder's sorted
    /// keys go through locale-aware comparison.
    func fieldsJSON() -> String {
        Self.json(of: fields)
    }

    static func json(of fields: [FieldChange]) -> String {
        String(decoding: jsonBytes(of: fields), as: UTF8.self)
    }

    /// `json(of:)` as bytes, for whoever compares them with stored ones.
    static func jsonBytes(of fields: [FieldChange], capacity: Int = 0) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(capacity)
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            // The keys in their order, written one by one (a list of them per field showed).
            out.append(UInt8(ascii: "{"))
            if let after = field.after { appendMember("after", after, to: &out) }
            if let before = field.before { appendMember("before", before, to: &out) }
            appendMember("name", field.name, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    /// `"key":"value"`, after a comma unless it opens its object.
    private static func appendMember(_ key: String, _ value: String, to out: inout [UInt8]) {
        if out.last != UInt8(ascii: "{") { out.append(UInt8(ascii: ",")) }
        appendString(key, to: &out)
        out.append(UInt8(ascii: ":"))
        appendString(value, to: &out)
    }

    /// A JSON string: the runs of bytes that need no escape copied whole (a field's value is mostly one
    /// such run), the others escaped.
    private static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                appendEscape(of: byte, to: &out)
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(of byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
        case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        default:
            let hex = Array("0123456789abcdef".utf8)
            out += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
        }
    }

    static func fields(fromJSON json: String) throws -> [FieldChange] {
        try JSONDecoder().decode([FieldChange].self, from: Data(json.utf8))
    }

    /// SHA-256 over a versioned, line-separated form of every stored column but the hash itself.
    ///
    /// Version 1 entries (written before the journal kept the effective time and the system user) keep
    /// their form, so that a journal is never rewritten and older databases still verify; version 2 adds
    /// the two columns.
    func computedHash(fieldsJSON json: String? = nil, recordedAtText stamp: String? = nil) -> String {
        var content = [
            "registre-journal-1", String(sequence), stamp ?? Timestamp.format(recordedAt), actor,
            entity.kind.rawValue, entity.id, change.rawValue, json ?? fieldsJSON(), previousHash,
        ]
        if effectiveAt != nil || systemUser != nil {
            content[0] = "registre-journal-2"
            content += [effectiveAt.map(Timestamp.format) ?? "", systemUser ?? ""]
        }
        return Self.hash(of: content)
    }

    /// SHA-256 of the lines `content`, separated by line feeds, in hexadecimal: fed to the hash line by
    /// line rather than joined first (`verify` hashes every entry).
    static func hash(of content: [String]) -> String {
        var hasher = SHA256()
        for (index, line) in content.enumerated() {
            if index > 0 { hasher.update(data: lineFeed) }
            var line = line
            line.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hexadecimal(hasher.finalize())
    }

    private static let lineFeed = Data([0x0A])

    /// Lowercase hexadecimal, two digits a byte, written at once: import and `verify` hash every entry,
    /// and a string per byte showed.
    static func hexadecimal(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The one way the register of record writes and reads instants: ISO 8601 in UTC with milliseconds,
/// e.g. `2026-11-24T10:51:33.120Z`, which sorts as text in the order of time.
enum Timestamp {
    static func format(_ date: Date) -> String {
        Instant.utcMilliseconds(date)
    }

    static func parse(_ text: String) -> Date? {
        Instant.fromISO(text)
    }
}
