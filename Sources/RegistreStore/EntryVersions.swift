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

enum EntryVersions {
    static func version(of key: EntityKey, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT sequence FROM journal WHERE id = ? AND kind = ? ORDER BY sequence DESC LIMIT 1"),
            arguments: [key.id, key.kind.rawValue]) ?? 0
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
