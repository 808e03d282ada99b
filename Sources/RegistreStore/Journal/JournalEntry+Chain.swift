public import Foundation
import Crypto
import RegistreCore

/// How the store chains and stores journal entries.
extension JournalEntry {
    /// Builds the entry that follows `previousHash`, computing its own hash.
    init(sequence: Int64, recordedAt: Date, actor: String, entity: EntityKey, change: Change,
         fields: [FieldChange], previousHash: String) throws {
        self.init(sequence: sequence, recordedAt: recordedAt, actor: actor, entity: entity, change: change,
                  fields: fields, previousHash: previousHash, hash: "")
        self.hash = try computedHash()
    }

    /// The fields as stored: a JSON array sorted by name, absent values left out.
    func fieldsJSON() throws -> String {
        String(decoding: try Self.encoder.encode(fields), as: UTF8.self)
    }

    static func fields(fromJSON json: String) throws -> [FieldChange] {
        try JSONDecoder().decode([FieldChange].self, from: Data(json.utf8))
    }

    /// SHA-256 over a versioned, line-separated form of every stored column but the hash itself.
    func computedHash() throws -> String {
        let content = [
            "registre-journal-1", String(sequence), Timestamp.format(recordedAt), actor,
            entity.kind.rawValue, entity.id, change.rawValue, try fieldsJSON(), previousHash,
        ].joined(separator: "\n")
        return SHA256.hash(data: Data(content.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
}

/// The one way the register of record writes and reads instants: ISO 8601 in UTC with milliseconds,
/// e.g. `2026-11-24T10:51:33.120Z`, which sorts as text in the order of time.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    public static func parse(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
