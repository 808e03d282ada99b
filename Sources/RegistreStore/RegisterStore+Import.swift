public import Foundation
import GRDB
public import RegistreCore

extension RegisterStore {
    // MARK: Changing the register

    /// What an import did.
    public struct ImportOutcome: Sendable {
        /// The journal entries the import appended, one per entry of the register that changed (kept only
        /// when asked for: a large import reports its count).
        public var entries: [JournalEntry]
        public var count: Int
        public var firstSequence: Int64?
        public var lastSequence: Int64?
        public var isUnchanged: Bool { count == 0 }
    }

    /// Makes the stored register `register`, recording exactly the differences in the journal, all in one
    /// transaction. When nothing differs, nothing is written.
    ///
    /// `moment` dates the journal entries; nil reads the clock once the database is held, so that two
    /// commands that waited for each other still journal in the order they wrote. The journal only moves
    /// forward: an explicit moment before its last entry is refused.
    public func replace(with register: Register, actor: String, at moment: Date?) throws -> ImportOutcome {
        try replace(actor: actor, at: moment, keepingEntries: true) { emit in
            for entry in register.entries { try emit(entry) }
        }
    }

    /// The same, for a register streamed one entry at a time by `produce` (in the order of the format), in
    /// memory that does not grow with the register. If `produce` throws, nothing is written.
    public func replace(
        actor: String, at moment: Date?, keepingEntries: Bool = false,
        entries produce: (_ emit: (RegisterEntry) throws -> Void) throws -> Void
    ) throws -> ImportOutcome {
        try database.writeWithoutTransaction { db in
            var outcome = ImportOutcome(entries: [], count: 0)
            try db.inTransaction(.immediate) {
                let last = try StoreTables.lastEntry(db)
                let lastDate = last.flatMap { Timestamp.parse($0.recordedAt) }
                let now: Date
                if let explicit = moment {
                    if let lastDate, explicit < lastDate {
                        throw StoreError.timeGoesBackwards(now: Timestamp.format(explicit), lastEntry: last!.recordedAt)
                    }
                    now = explicit
                } else {
                    // A clock that steps back (a correction, another machine) must not reorder the journal.
                    now = max(Date(), lastDate ?? .distantPast)
                }
                let stamp = Timestamp.format(now)
                var sequence = last?.sequence ?? 0
                var previousHash = last?.hash ?? JournalEntry.genesis
                func record(_ change: EntityChange) throws {
                    sequence += 1
                    let json = JournalEntry.json(of: change.fields)
                    let entry = JournalEntry(
                        sequence: sequence, recordedAt: now, actor: actor, entity: change.entity,
                        change: JournalEntry.Change(rawValue: change.kind.rawValue)!, fields: change.fields,
                        previousHash: previousHash, fieldsJSON: json, recordedAtText: stamp)
                    try StoreTables.apply(change, db)
                    try StoreTables.append(entry, fieldsJSON: json, recordedAtText: stamp, db)
                    previousHash = entry.hash
                    outcome.count += 1
                    outcome.firstSequence = outcome.firstSequence ?? sequence
                    outcome.lastSequence = sequence
                    if keepingEntries { outcome.entries.append(entry) }
                }

                // Which entries the new register holds, to delete the others at the end. A first import into
                // an empty database has nothing to compare with and nothing to delete.
                let initiallyEmpty = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT 1 FROM entity LIMIT 1)") == 0
                try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS seen (kind TEXT, id TEXT, PRIMARY KEY (kind, id)) WITHOUT ROWID")
                try db.execute(sql: "DELETE FROM seen")
                var positions: [EntityKind: Int] = [:]
                func take(_ entry: RegisterEntry) throws {
                    let (key, fields) = try RegisterSnapshot.keyAndFields(of: entry)
                    let position = positions[key.kind, default: 0]
                    positions[key.kind] = position + 1
                    let target = EntityState(position: position, fields: fields)
                    let current = initiallyEmpty ? nil : try StoreTables.state(of: key, db)
                    if let change = EntityChange.between(current, target, key) { try record(change) }
                    if !initiallyEmpty {
                        try db.cachedStatement(sql: "INSERT INTO seen (kind, id) VALUES (?, ?)").execute(arguments: [key.kind.rawValue, key.id])
                    }
                }
                var sawHeader = false
                try produce { entry in
                    if case .title = entry { sawHeader = true } else if !sawHeader { try take(.title(nil)); sawHeader = true }
                    try take(entry)
                }
                if !sawHeader { try take(.title(nil)) }

                let gone = initiallyEmpty ? [] : try Row.fetchAll(db, sql: """
                    SELECT kind, id FROM entity WHERE NOT EXISTS (SELECT 1 FROM seen WHERE seen.kind = entity.kind AND seen.id = entity.id)
                    """).map { row -> EntityKey in
                    guard let kind = EntityKind(rawValue: row["kind"]) else { throw StoreError.corrupt("unknown kind of entry") }
                    return EntityKey(kind, row["id"])
                }.sorted()
                for key in gone {
                    if let change = EntityChange.between(try StoreTables.state(of: key, db), nil, key) { try record(change) }
                }
                try db.execute(sql: "DELETE FROM seen")
                return .commit
            }
            return outcome
        }
    }
}
