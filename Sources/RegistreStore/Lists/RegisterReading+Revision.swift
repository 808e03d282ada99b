import GRDB
public import RegistreCore

extension RegisterReading {
    /// The register's revision in this reading's snapshot (``RegisterStore/revision()``).
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func revision() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT max(sequence) FROM journal") ?? 0
    }

    /// The kinds of the entries changed after the journal's entry `sequence`, read down the journal's
    /// primary key: what lets a reader that keeps some kinds of entries (the desk keeps the parties) know
    /// whether a change touched them, without reading them again.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func kindsChanged(after sequence: Int) throws -> Set<EntityKind> {
        Set(try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM journal WHERE sequence > ?", arguments: [sequence])
            .compactMap(EntityKind.init(rawValue:)))
    }
}
