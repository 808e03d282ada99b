import GRDB
public import RegistreCore

/// The version of one entry: the sequence number of the last journal entry about it (0 when the journal
/// holds none). A desk form carries the version of the entry it shows, and the save compares it with the
/// version inside its write transaction: a change made meanwhile, by another session or by the CLI, has a
/// later sequence, and the save is refused instead of overwriting it.
///
/// Read through the `journal_entity` index on `(id, kind)`, which holds the sequence (the row id) in
/// order: one step down the index whatever the size of the journal.
extension RegisterStore {
    /// The sequence of the last journal entry of `key`, or 0 when it has none.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func version(of key: EntityKey) throws -> Int {
        try reading { db in try EntryVersions.version(of: key, db) }
    }

    /// One entry with its version, read in one transaction: what a form shows and the version it carries
    /// agree, whatever another writer does meanwhile. Nil when the register has no such entry.
    /// - Throws: ``StoreError`` when the database cannot answer; ``StoreError/corrupt(_:)`` when its fields cannot be read back.
    public func versionedEntry(_ key: EntityKey) throws -> (entry: RegisterEntry, version: Int)? {
        try reading { db in
            guard let entry = try EntryLookup(db: db).entry(key) else { return nil }
            return (entry, try EntryVersions.version(of: key, db))
        }
    }
}

extension RegisterEdit {
    /// The version of `key` as this transaction sees it, as ``RegisterStore/version(of:)`` reads it.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func version(of key: EntityKey) throws -> Int { try EntryVersions.version(of: key, lookup.db) }

    /// The journal entries about `key` after the version `sequence`, oldest first: what others changed
    /// since a form showed the entry.
    /// - Throws: ``StoreError/corrupt(_:)`` for an entry whose columns cannot be read.
    public func journal(of key: EntityKey, after sequence: Int) throws -> [JournalEntry] {
        try EntryVersions.journal(of: key, after: sequence, lookup.db)
    }
}

extension RegisterEdit {
    /// The entry `key` as it stood at `version`: the fields as stored now, with the "before" values of the
    /// journal's later changes put back, newest first. Nil when it did not exist then.
    /// - Throws: ``StoreError/corrupt(_:)`` when the fields cannot be read back.
    public func entry(_ key: EntityKey, asOf version: Int) throws -> RegisterEntry? {
        var fields = try StoreTables.state(of: key, lookup.db)?.fields
        for change in try journal(of: key, after: version).reversed() {
            if change.change == .created { fields = nil; continue }
            var restored = fields ?? [:]
            for field in change.fields where field.name != EntityState.positionField {
                restored[field.name] = field.before
            }
            fields = restored
        }
        return try fields.map { try RegisterSnapshot.entry(key, fields: $0) }
    }

    /// `mine`, an edit of `base`, carried onto `current`: each field `mine` changed from `base` takes
    /// mine's value, every other field current's — so that a person's input, kept after a refused save,
    /// re-applies their changes without undoing another's. The three are one entry (same kind and id).
    /// - Throws: ``StoreError/corrupt(_:)`` when the merged fields do not make an entry.
    public static func rebase(_ mine: RegisterEntry, from base: RegisterEntry, onto current: RegisterEntry) throws -> RegisterEntry {
        let (key, mineFields) = try RegisterSnapshot.keyAndFields(of: mine)
        let (_, baseFields) = try RegisterSnapshot.keyAndFields(of: base)
        var (_, merged) = try RegisterSnapshot.keyAndFields(of: current)
        for name in Set(mineFields.keys).union(baseFields.keys) where mineFields[name] != baseFields[name] {
            merged[name] = mineFields[name]
        }
        return try RegisterSnapshot.entry(key, fields: merged)
    }
}

enum EntryVersions {
    /// The last sequence of one entry: `journal_entity` holds `(id, kind)` and the row id, so SQLite walks
    /// the index backwards to its first row (`EntryVersionTests` checks the plan).
    static let versionSQL = "SELECT sequence FROM journal WHERE id = ? AND kind = ? ORDER BY sequence DESC LIMIT 1"

    static func version(of key: EntityKey, _ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: versionSQL), arguments: [key.id, key.kind.rawValue]) ?? 0
    }

    static func journal(of key: EntityKey, after sequence: Int, _ db: Database) throws -> [JournalEntry] {
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT * FROM journal WHERE id = ? AND kind = ? AND sequence > ? ORDER BY sequence"),
            arguments: [key.id, key.kind.rawValue, sequence])
        var entries: [JournalEntry] = []
        while let row = try rows.next() {
            let stored = StoreTables.StoredEntry(row)
            guard let entry = stored.entry() else { throw StoreError.corrupt("journal entry \(stored.sequence) cannot be read") }
            entries.append(entry)
        }
        return entries
    }
}
