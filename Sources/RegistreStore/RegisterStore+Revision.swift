import GRDB

extension RegisterStore {
    /// The register's revision: the sequence number of the journal's last entry (0 for an empty journal).
    /// Every change, by the CLI or the desk, appends to the journal, so two equal revisions are the same
    /// register; a reader that keeps what it derived from the register (the desk's cache) asks this
    /// instead of reading the register again. Costs one lookup of the journal's primary key.
    /// - Throws: ``StoreError`` when the database cannot answer (``StoreError/busy(path:seconds:)`` past the busy timeout).
    public func revision() throws -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT max(sequence) FROM journal") ?? 0 }
    }
}
