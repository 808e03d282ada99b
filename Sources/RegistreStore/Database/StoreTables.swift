import RegistreCore
import Foundation
import GRDB

/// Reads and writes the rows of the register of record. Every function runs inside the caller's
/// transaction.
enum StoreTables {
    /// The register as the `entity` and `field` tables hold it.
    static func snapshot(_ db: Database) throws -> RegisterSnapshot {
        var entities: [EntityKey: EntityState] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, id, position FROM entity") {
            let key = try key(row)
            entities[key] = EntityState(position: row["position"], fields: [:])
        }
        for row in try Row.fetchAll(db, sql: "SELECT kind, id, name, value FROM field") {
            let key = try key(row)
            guard entities[key] != nil else { throw StoreError.corrupt("field \(row["name"] as String) of \(key) has no entity row") }
            entities[key]?.fields[row["name"]] = row["value"] as String
        }
        return RegisterSnapshot(entities: entities)
    }

    private static func key(_ row: Row) throws -> EntityKey {
        let kindName: String = row["kind"]
        guard let kind = EntityKind(rawValue: kindName) else { throw StoreError.corrupt("unknown kind of entry '\(kindName)'") }
        return EntityKey(kind, row["id"])
    }

    /// One entry as the tables hold it, or nil.
    static func state(of key: EntityKey, _ db: Database) throws -> EntityState? {
        guard let position = try Int.fetchOne(db.cachedStatement(sql: "SELECT position FROM entity WHERE kind = ? AND id = ?"),
                                              arguments: [key.kind.rawValue, key.id])
        else { return nil }
        var fields: [String: String] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT name, value FROM field WHERE kind = ? AND id = ?"),
                                       arguments: [key.kind.rawValue, key.id])
        while let row = try rows.next() {
            fields[row["name"]] = row["value"] as String
        }
        return EntityState(position: position, fields: fields)
    }

    /// `ORDER BY` the order of the format: kinds in their order, then positions.
    static let kindOrder = "CASE kind " + EntityKind.allCases.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }
        .joined(separator: " ") + " END"

    /// Every entry, in the order of the format, one at a time.
    static func forEachEntity(_ db: Database, _ body: (EntityKey, EntityState) throws -> Void) throws {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT e.kind AS kind, e.id AS id, e.position AS position, f.name AS name, f.value AS value
            FROM entity e LEFT JOIN field f ON f.kind = e.kind AND f.id = e.id
            ORDER BY \(kindOrder.replacingOccurrences(of: "kind", with: "e.kind")), e.position, e.id, f.name
            """)
        try forEachEntity(rows, body)
    }

    /// Groups rows of (kind, id, position, name, value), ordered by entry, into entries.
    /// Columns are read by their place, not their name: at a million entries the lookup by name shows.
    static func forEachEntity(_ rows: RowCursor, _ body: (EntityKey, EntityState) throws -> Void) throws {
        var current: (EntityKey, EntityState)?
        while let row = try rows.next() {
            let kindName: String = row[0]
            let id: String = row[1]
            if current?.0.id != id || current?.0.kind.rawValue != kindName {
                guard let kind = EntityKind(rawValue: kindName) else { throw StoreError.corrupt("unknown kind of entry '\(kindName)'") }
                if let current { try body(current.0, current.1) }
                current = (EntityKey(kind, id), EntityState(position: row[2], fields: [:]))
            }
            if let name: String = row[3] { current?.1.fields[name] = row[4] as String }
        }
        if let current { try body(current.0, current.1) }
    }

    /// Applies one change to the `entity` and `field` tables, with the entry's XML as it now stands (nil:
    /// none kept, so that a fragment never outlives the fields it was made from).
    static func apply(_ change: EntityChange, fragment: KeptFragment?, _ db: Database) throws {
        let kind = change.entity.kind.rawValue
        let id = change.entity.id
        switch change.kind {
        case .deleted:
            try db.cachedStatement(sql: "DELETE FROM entity WHERE kind = ? AND id = ?").execute(arguments: [kind, id])
            return
        case .created:
            let position = change.fields.first { $0.name == EntityState.positionField }?.after.flatMap(Int.init) ?? 0
            try db.cachedStatement(sql: "INSERT INTO entity (kind, id, position, fragment, fragment_version) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [kind, id, position, fragment.map { Data($0.bytes) }, fragment?.version])
        case .updated:
            try db.cachedStatement(sql: "UPDATE entity SET fragment = ?, fragment_version = ? WHERE kind = ? AND id = ?")
                .execute(arguments: [fragment.map { Data($0.bytes) }, fragment?.version, kind, id])
        }
        if change.entity.kind == .activity { try keep(fragment?.printed, for: change.entity, replacing: change.kind == .updated, db) }
        for field in change.fields {
            if field.name == EntityState.positionField {
                if change.kind == .updated, let position = field.after.flatMap(Int.init) {
                    try db.cachedStatement(sql: "UPDATE entity SET position = ? WHERE kind = ? AND id = ?").execute(arguments: [position, kind, id])
                }
                continue
            }
            if let value = field.after {
                try db.cachedStatement(
                    sql: "INSERT INTO field (kind, id, name, value) VALUES (?, ?, ?, ?) ON CONFLICT (kind, id, name) DO UPDATE SET value = excluded.value"
                ).execute(arguments: [kind, id, field.name, value])
            } else {
                try db.cachedStatement(sql: "DELETE FROM field WHERE kind = ? AND id = ? AND name = ?").execute(arguments: [kind, id, field.name])
            }
        }
    }

    /// The last entry's sequence, hash and time, or nothing for an empty journal.
    static func lastEntry(_ db: Database) throws -> (sequence: Int64, hash: String, recordedAt: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT sequence, hash, recorded_at FROM journal ORDER BY sequence DESC LIMIT 1")
        else { return nil }
        return (row["sequence"], row["hash"], row["recorded_at"])
    }

    static func append(_ entry: JournalEntry, fieldsJSON: String, recordedAtText: String, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO journal (sequence, recorded_at, actor, kind, id, change, fields, previous_hash, hash, effective_at, system_user)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                entry.sequence, recordedAtText, entry.actor, entry.entity.kind.rawValue,
            entry.entity.id, entry.change.rawValue, fieldsJSON, entry.previousHash, entry.hash,
            entry.effectiveAt.map(Timestamp.format), entry.systemUser,
        ])
    }

    static func journal(_ db: Database, entityID: String? = nil) throws -> [StoredEntry] {
        var entries: [StoredEntry] = []
        try forEachJournalEntry(db, entityID: entityID) { entries.append($0) }
        return entries
    }

    /// The journal, or the entries about one entry (through the `journal_entity` index), one at a time in
    /// the order of their sequence: memory does not grow with the journal.
    static func forEachJournalEntry(_ db: Database, entityID: String? = nil, _ body: (StoredEntry) throws -> Void) throws {
        let statement = try db.makeStatement(
            sql: "SELECT * FROM journal \(entityID == nil ? "" : "WHERE id = ? ")ORDER BY sequence")
        let columns = try StoredEntry.Columns(statement)
        let rows = try Row.fetchCursor(statement, arguments: StatementArguments(entityID.map { [$0] } ?? []))
        while let row = try rows.next() { try body(StoredEntry(row, columns)) }
    }
}

extension StoreTables {
    /// Whether the database has the columns that keep each entry's XML (migration v5): a database made by
    /// an earlier registre and read without being brought up to date has not.
    static func keepsFragments(_ db: Database) throws -> Bool {
        try db.columns(in: "entity").contains { $0.name == "fragment" }
    }

    /// The version of the XML kept for an entry, or nil when none is kept.
    static func fragmentVersion(of key: EntityKey, _ db: Database) throws -> Int? {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT fragment_version FROM entity WHERE kind = ? AND id = ? AND fragment IS NOT NULL"),
                         arguments: [key.kind.rawValue, key.id])
    }

    /// Keeps an entry's XML (and an activity's printed sections), its fields unchanged.
    static func keep(_ fragment: KeptFragment, for key: EntityKey, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE entity SET fragment = ?, fragment_version = ? WHERE kind = ? AND id = ?")
            .execute(arguments: [Data(fragment.bytes), fragment.version, key.kind.rawValue, key.id])
        if key.kind == .activity { try keep(fragment.printed, for: key, replacing: true, db) }
    }

    /// Whether the database has the tables that keep activities' printed sections (migration v14): a
    /// database made by an earlier registre and read without being brought up to date has not.
    static func keepsPrintedText(_ db: Database) throws -> Bool {
        try db.tableExists(printedTable(.fr))
    }

    /// The table of the printed sections in `language`: `printed_fr`, `printed_en`.
    static func printedTable(_ language: Language) -> String { "printed_\(language.rawValue)" }

    /// Whether an activity has its printed section in every language, all of `version`.
    static func keepsPrinted(_ id: EntityID, version: Int, _ db: Database) throws -> Bool {
        for language in Language.allCases {
            let kept = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT version FROM \(printedTable(language)) WHERE kind = 'activity' AND id = ?"), arguments: [id])
            guard kept == version else { return false }
        }
        return true
    }

    /// Keeps an activity's printed sections, or none (`printed` nil: the sections never outlive the fields
    /// they were printed from). `replacing`: the activity may have sections already.
    private static func keep(_ printed: KeptPrintedText?, for key: EntityKey, replacing: Bool, _ db: Database) throws {
        if replacing {
            for language in Language.allCases {
                try db.cachedStatement(sql: "DELETE FROM \(printedTable(language)) WHERE kind = 'activity' AND id = ?").execute(arguments: [key.id])
            }
        }
        guard let printed else { return }
        for section in printed.sections {
            try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(printedTable(section.language)) (kind, id, version, parties, text) VALUES ('activity', ?, ?, ?, ?)")
                .execute(arguments: [key.id, printed.version, Data(printed.parties), Data(section.text)])
        }
    }
}
