public import Foundation
import GRDB
public import RegistreCore

extension RegisterStore {
    // MARK: Reading the register

    /// The register as it stands.
    public func register() throws -> Register {
        var register = Register()
        try stream { register.append($0) }
        return register
    }

    /// The register as it stands, one entry at a time, in the order of the format.
    public func stream(_ consume: (RegisterEntry) throws -> Void) throws {
        try database.read { db in
            try StoreTables.forEachEntity(db) { key, state in
                try consume(try RegisterSnapshot.entry(key, fields: state.fields))
            }
        }
    }

    /// The register as it stood at `date`, rebuilt from the journal alone.
    public func register(asOf date: Date) throws -> Register {
        var register = Register()
        try stream(asOf: date) { register.append($0) }
        return register
    }

    /// The register as it stood at `date` (by the journal's time of writing), rebuilt from the journal
    /// alone and handed over one entry at a time, in the order of the format.
    ///
    /// SQLite does the replay: for each field of each entry, the value the last journal entry written by
    /// then gave it. Its sorter spills to temporary files, so memory does not grow with the journal.
    public func stream(asOf date: Date, _ consume: (RegisterEntry) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: """
                WITH changed AS (
                    SELECT j.kind AS kind, j.id AS id, j.sequence AS sequence,
                           json_extract(part.value, '$.name') AS name, json_extract(part.value, '$.after') AS value
                    FROM journal j, json_each(j.fields) AS part
                    WHERE j.recorded_at <= ?
                ), latest AS (
                    SELECT kind, id, name, value,
                           row_number() OVER (PARTITION BY kind, id, name ORDER BY sequence DESC) AS rank
                    FROM changed
                ), current AS (
                    SELECT kind, id, name, value FROM latest WHERE rank = 1 AND value IS NOT NULL
                ), positioned AS (
                    SELECT kind, id, CAST(value AS INTEGER) AS position FROM current WHERE name = '\(EntityState.positionField)'
                )
                SELECT p.kind AS kind, p.id AS id, p.position AS position, c.name AS name, c.value AS value
                FROM positioned p LEFT JOIN current c ON c.kind = p.kind AND c.id = p.id AND c.name != '\(EntityState.positionField)'
                ORDER BY \(StoreTables.kindOrder.replacingOccurrences(of: "kind", with: "p.kind")), p.position, p.id, c.name
                """, arguments: [Timestamp.format(date)])
            try StoreTables.forEachEntity(rows) { key, state in
                try consume(try RegisterSnapshot.entry(key, fields: state.fields))
            }
        }
    }

    /// The journal, or the entries about one entry of the register.
    public func journal(entity id: String? = nil) throws -> [JournalEntry] {
        try database.read { db in
            try StoreTables.journal(db, entityID: id).map { stored in
                guard let entry = stored.entry() else { throw StoreError.corrupt("journal entry \(stored.sequence) cannot be read") }
                return entry
            }
        }
    }
}
