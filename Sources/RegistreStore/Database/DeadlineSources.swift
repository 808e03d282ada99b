import GRDB
import RegistreCore

/// Which agreements and breaches may give a deadline (`DeadlineSchedule.mayGiveDeadline`), kept in the
/// table `deadline_source` (migration v15): `deadlines` reads those only, not every agreement and breach
/// of a register that holds thousands. Derived data, like the kept findings: written in the transaction
/// of every write of an agreement or a breach (`JournalAppender`), deleted with the entry (foreign key),
/// never journaled, checked by `verify` against the entries.
enum DeadlineSources {
    /// Notes whether the entry just written may give a deadline; nil `entry` (not known): it may.
    static func keep(_ key: EntityKey, entry: RegisterEntry?, _ db: Database) throws {
        guard DeadlineSchedule.sourceKinds.contains(key.kind) else { return }
        if entry.map(DeadlineSchedule.mayGiveDeadline) ?? true {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO deadline_source (kind, id) VALUES (?, ?)").execute(arguments: [key.kind.rawValue, key.id])
        } else {
            try db.cachedStatement(sql: "DELETE FROM deadline_source WHERE kind = ? AND id = ?").execute(arguments: [key.kind.rawValue, key.id])
        }
    }

    /// Fills the table from the entries (the migration that makes it): an entry that cannot be read back
    /// is listed (`verify` names it).
    static func judgeEverything(_ db: Database) throws {
        let lookup = EntryLookup(db: db)
        let rows = try Row.fetchAll(db, sql: "SELECT kind, id FROM entity WHERE kind IN ('agreement', 'breach')")
        for row in rows {
            guard let kind = EntityKind(rawValue: row[0]) else { continue }
            let key = EntityKey(kind, row[1])
            try keep(key, entry: (try? lookup.entry(key)) ?? nil, db)
        }
    }

    /// Whether the database keeps the table: a database made by an earlier registre and read without
    /// being brought up to date has not.
    static func kept(_ db: Database) throws -> Bool {
        try db.tableExists("deadline_source")
    }

    /// The entries the table lists, as `verify` compares them with the entries.
    static func listed(_ db: Database) throws -> Set<EntityKey> {
        var keys: Set<EntityKey> = []
        let rows = try Row.fetchCursor(db, sql: "SELECT kind, id FROM deadline_source")
        while let row = try rows.next() {
            if let kind = EntityKind(rawValue: row[0]) { keys.insert(EntityKey(kind, row[1])) }
        }
        return keys
    }

    /// The queries of the entries that may give a deadline, kind by kind in the order of the format,
    /// each kind's in the order of its positions.
    static func queries() -> [StoredEntryCursor.Query] {
        EntityKind.allCases.filter(DeadlineSchedule.sourceKinds.contains).map { kind in
            StoredEntryCursor.Query(sql: """
                SELECT e.kind AS kind, e.id AS id, e.position AS position, f.name AS name, f.value AS value
                FROM deadline_source d JOIN entity e ON e.kind = d.kind AND e.id = d.id
                LEFT JOIN field f ON f.kind = e.kind AND f.id = e.id
                WHERE d.kind = ? ORDER BY e.position, e.id, f.name
                """, arguments: [kind.rawValue])
        }
    }
}
