public import Foundation
import GRDB
public import RegistreCore

extension RegisterStore {
    /// Runs `body` with a cursor over the register's entries of some kinds (every kind when not said),
    /// in the order of the format, inside one read transaction: the cursor sees the register as it stood
    /// when the transaction began, whatever other processes write meanwhile.
    ///
    /// As GRDB's cursors, the cursor lives inside the transaction: it is valid only until `body` returns,
    /// and must not be kept. `body` may stop at any entry; the rest is not read.
    ///
    /// ```swift
    /// let first = try store.withEntries(only: [.activity]) { try $0.next() }
    /// ```
    /// - Throws: ``StoreError/corrupt(_:)`` for an entry whose stored fields cannot be read back,
    ///   ``StoreError/busy(path:seconds:)`` or ``StoreError/cannotRead(path:reason:)`` when the database
    ///   cannot answer, and what `body` throws.
    public func withEntries<T>(only kinds: Set<EntityKind> = Set(EntityKind.allCases), _ body: (StoredEntryCursor) throws -> T) throws -> T {
        try reading { db in try StoredEntryCursor.within(db, Self.queries(kinds), explain: { self.explained($0, writing: false) }, body) }
    }

    /// Runs `body` with the entries of the kinds `ahead` names, read whole into a `Register`, and a
    /// cursor over every entry, both inside one read transaction: what a command reads first (the
    /// agreements that the rules across entries need before the activities) and what it streams are one
    /// state of the register, whatever other processes write meanwhile.
    ///
    /// The cursor is valid only until `body` returns, as ``withEntries(only:_:)``'s.
    /// - Parameters:
    ///   - ahead: the kinds read first, whole (a few entries: organisations, agreements, audits).
    ///   - body: gets the entries read ahead and the cursor over the whole register.
    /// - Throws: as ``withEntries(only:_:)``.
    public func withEntries<T>(readingAhead ahead: Set<EntityKind>, _ body: (Register, StoredEntryCursor) throws -> T) throws -> T {
        try reading { db in
            let explain = { (error: any Error) in self.explained(error, writing: false) }
            var register = Register()
            try StoredEntryCursor.within(db, Self.queries(ahead), explain: explain) { cursor in
                try cursor.forEach { register.append($0) }
            }
            return try StoredEntryCursor.within(db, Self.queries(Set(EntityKind.allCases)), explain: explain) { try body(register, $0) }
        }
    }

    /// Kind by kind, in the order of their positions (an index), so that SQLite never sorts the whole
    /// register.
    static func queries(_ kinds: Set<EntityKind>) -> [StoredEntryCursor.Query] {
        EntityKind.allCases.filter(kinds.contains).map { kind in
            StoredEntryCursor.Query(sql: """
                SELECT e.kind AS kind, e.id AS id, e.position AS position, f.name AS name, f.value AS value
                FROM entity e LEFT JOIN field f ON f.kind = e.kind AND f.id = e.id
                WHERE e.kind = ? ORDER BY e.position, e.id, f.name
                """, arguments: [kind.rawValue])
        }
    }

    /// Runs `body` with a cursor over the register as it stood at `date` (by the journal's time of
    /// writing), rebuilt from the journal alone, in the order of the format, inside one read transaction.
    ///
    /// SQLite does the replay: for each field of each entry, the value the last journal entry written by
    /// then gave it. Its sorter spills to temporary files, so memory does not grow with the journal. The
    /// cursor is valid only until `body` returns, as ``withEntries(only:_:)``'s.
    /// - Throws: as ``withEntries(only:_:)``.
    public func withEntries<T>(asOf date: Date, _ body: (StoredEntryCursor) throws -> T) throws -> T {
        let query = StoredEntryCursor.Query(sql: """
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
        return try reading { db in try StoredEntryCursor.within(db, [query], explain: { self.explained($0, writing: false) }, body) }
    }
}

/// The register's entries read from the register of record one at a time, inside the read transaction
/// that ``RegisterStore/withEntries(only:_:)`` opens: rows of fields, gathered entry by entry.
public final class StoredEntryCursor: RegisterCursor {
    /// A statement giving rows of (kind, id, position, field name, field value), ordered by entry.
    struct Query {
        var sql: String
        var arguments: StatementArguments
    }

    private let db: Database
    /// The store's words for a database error (busy, cannot read), so that the caller meets a
    /// ``StoreError`` where it pulls, not GRDB's.
    private let explain: (any Error) -> any Error
    private var queries: ArraySlice<Query>
    private var rows: RowCursor?
    /// The entry whose fields are being gathered.
    private var gathering: (key: EntityKey, state: EntityState)?
    private var isOpen = true
    private var ended = false

    private init(_ db: Database, _ queries: [Query], explain: @escaping (any Error) -> any Error) {
        self.db = db
        self.queries = queries[...]
        self.explain = explain
    }

    /// Runs `body` with a cursor over `queries`, closed when `body` returns.
    static func within<T>(
        _ db: Database, _ queries: [Query], explain: @escaping (any Error) -> any Error, _ body: (StoredEntryCursor) throws -> T
    ) throws -> T {
        let cursor = StoredEntryCursor(db, queries, explain: explain)
        defer { cursor.isOpen = false }
        return try body(cursor)
    }

    /// The next entry; nil at the end, and after an error.
    ///
    /// Must be called inside the `withEntries` that gave the cursor: the transaction ends with it.
    /// - Throws: ``StoreError/corrupt(_:)`` for an entry whose stored fields cannot be read back, or of
    ///   a kind this version does not know; ``StoreError/busy(path:seconds:)`` or
    ///   ``StoreError/cannotRead(path:reason:)`` when the database cannot answer.
    public func next() throws -> RegisterEntry? {
        precondition(isOpen, "a StoredEntryCursor is used after the withEntries that gave it returned")
        guard !ended else { return nil }
        do {
            guard let (key, state) = try nextGathered() else {
                ended = true
                return nil
            }
            do {
                return try RegisterSnapshot.entry(key, fields: state.fields)
            } catch {
                throw StoreError.corrupt("\(key.kind.rawValue) '\(key.id)' cannot be read back: \(error)")
            }
        } catch {
            ended = true
            throw explain(error)
        }
    }

    /// The fields of the next entry. Columns are read by their place, not their name: at a million entries
    /// the lookup by name shows.
    private func nextGathered() throws -> (EntityKey, EntityState)? {
        while true {
            if rows == nil {
                guard let query = queries.popFirst() else { return nil }
                rows = try Row.fetchCursor(db, sql: query.sql, arguments: query.arguments)
            }
            while let row = try rows?.next() {
                let kindName: String = row[0]
                let id: String = row[1]
                if let current = gathering, current.key.id == id, current.key.kind.rawValue == kindName {
                    if let name: String = row[3] { gathering?.state.fields[name] = row[4] as String }
                    continue
                }
                guard let kind = EntityKind(rawValue: kindName) else { throw StoreError.corrupt("unknown kind of entry '\(kindName)'") }
                let finished = gathering
                gathering = (EntityKey(kind, id), EntityState(position: row[2], fields: [:]))
                if let name: String = row[3] { gathering?.state.fields[name] = row[4] as String }
                if let finished { return finished }
            }
            rows = nil
            if let finished = gathering {
                gathering = nil
                return finished
            }
        }
    }
}
