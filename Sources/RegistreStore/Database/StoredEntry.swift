import Foundation
import GRDB
import RegistreCore

extension StoreTables {
    /// A journal row as stored, before anything is trusted about it.
    struct StoredEntry {
        var sequence: Int64
        var recordedAt: String
        var actor: String
        var kind: String
        var id: String
        var change: String
        var fields: String
        var previousHash: String
        var hash: String
        var effectiveAt: String?
        var systemUser: String?

        /// What an entry's columns say once read, its fields apart: reading the fields (JSON) is most of
        /// the cost of reading an entry, and `verify` need not read those it can compare as stored.
        struct Header {
            var recordedAt: Date
            var effectiveAt: Date?
            var entity: EntityKey
            var change: JournalEntry.Change
        }

        /// The entry's columns but its fields, if they can be read: instants in the one form the journal
        /// writes, a known kind and change.
        func header() -> Header? {
            var times = TimestampReading()
            return header(&times)
        }

        /// `header()`, reading instants through `times`.
        func header(_ times: inout TimestampReading) -> Header? {
            guard let date = times.date(recordedAt),
                  let kind = EntityKind(rawValue: kind), let change = JournalEntry.Change(rawValue: change)
            else { return nil }
            var effective: Date?
            if let effectiveAt {
                guard let date = times.date(effectiveAt) else { return nil }
                effective = date
            }
            return Header(recordedAt: date, effectiveAt: effective, entity: EntityKey(kind, id), change: change)
        }

        /// The entry, if its columns can be read at all.
        func entry() -> JournalEntry? {
            var times = TimestampReading()
            return entry(&times)
        }

        /// `entry()`, reading instants through `times`.
        func entry(_ times: inout TimestampReading) -> JournalEntry? {
            guard let header = header(&times), let fields = try? JournalEntry.fields(fromJSON: fields) else { return nil }
            return entry(header, fields: fields)
        }

        /// The entry of `header` (read from these columns) and `fields` (read from `fields`).
        func entry(_ header: Header, fields: [FieldChange]) -> JournalEntry {
            JournalEntry(
                sequence: sequence, recordedAt: header.recordedAt, effectiveAt: header.effectiveAt, actor: actor,
                systemUser: systemUser, entity: header.entity, change: header.change, fields: fields,
                previousHash: previousHash, hash: hash)
        }

        /// The hash of the entry's columns as they are stored, none of them read: for an entry whose
        /// columns can be read, the hash `JournalEntry.computedHash` gives (its instants are written in
        /// their one form, its fields as stored).
        func computedHash() -> String {
            var content = [
                "registre-journal-1", String(sequence), recordedAt, actor, kind, id, change, fields, previousHash,
            ]
            if effectiveAt != nil || systemUser != nil {
                content[0] = "registre-journal-2"
                content += [effectiveAt ?? "", systemUser ?? ""]
            }
            return JournalEntry.hash(of: content)
        }

        init(_ row: Row) {
            sequence = row["sequence"]
            recordedAt = row["recorded_at"]
            actor = row["actor"]
            kind = row["kind"]
            id = row["id"]
            change = row["change"]
            fields = row["fields"]
            previousHash = row["previous_hash"]
            hash = row["hash"]
            effectiveAt = row["effective_at"]
            systemUser = row["system_user"]
        }

        /// A row of a cursor whose columns were found once (`Columns`).
        init(_ row: Row, _ columns: Columns) {
            sequence = row[columns.sequence]
            recordedAt = row[columns.recordedAt]
            actor = row[columns.actor]
            kind = row[columns.kind]
            id = row[columns.id]
            change = row[columns.change]
            fields = row[columns.fields]
            previousHash = row[columns.previousHash]
            hash = row[columns.hash]
            effectiveAt = columns.effectiveAt.flatMap { row[$0] }
            systemUser = columns.systemUser.flatMap { row[$0] }
        }

        /// Where each column stands in the rows of a `SELECT *` of the journal, found once per cursor:
        /// at a million rows, finding each column by its name in each row shows. The columns of the
        /// first schema have the same names in every schema since; `effective_at` and `system_user`,
        /// added later, are nil in a database read without being brought up to date.
        struct Columns {
            let sequence, recordedAt, actor, kind, id, change, fields, previousHash, hash: Int
            let effectiveAt, systemUser: Int?

            init(_ statement: Statement) throws {
                let names = statement.columnNames.map { $0.lowercased() }
                func place(_ name: String) throws -> Int {
                    guard let index = names.firstIndex(of: name) else { throw StoreError.corrupt("the journal has no column \(name)") }
                    return index
                }
                sequence = try place("sequence")
                recordedAt = try place("recorded_at")
                actor = try place("actor")
                kind = try place("kind")
                id = try place("id")
                change = try place("change")
                fields = try place("fields")
                previousHash = try place("previous_hash")
                hash = try place("hash")
                effectiveAt = names.firstIndex(of: "effective_at")
                systemUser = names.firstIndex(of: "system_user")
            }
        }
    }
}

/// Reads the journal's instants, which must be in the one form the journal writes (read, then written
/// back to the same text), remembering the last text read: the entries of one change, and of a whole
/// import, share their time.
struct TimestampReading {
    private var last: (text: String, date: Date?)?

    /// The instant `text` writes, or nil when it is not one the journal writes.
    mutating func date(_ text: String) -> Date? {
        if let last, last.text.utf8.elementsEqual(text.utf8) { return last.date }
        let date = Timestamp.parse(text).flatMap { Timestamp.format($0) == text ? $0 : nil }
        last = (text, date)
        return date
    }
}
