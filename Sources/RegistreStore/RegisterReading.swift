import GRDB
public import RegistreCore

/// One read transaction on the register of record, as ``RegisterStore/read(_:)`` opens it: every read made
/// here sees the register as it stood when the transaction began, so a command that reads in several
/// steps gives the picture of one moment, as ``RegisterEdit`` does for a change.
///
/// A reading is valid only inside the closure it is given to.
public final class RegisterReading {
    let db: Database
    private let explain: (any Error) -> any Error
    /// How the store prints an activity's section: the version of the sections it copies.
    let printing: ActivityPrinting?

    init(_ db: Database, explain: @escaping (any Error) -> any Error, printing: ActivityPrinting? = nil) {
        self.db = db
        self.explain = explain
        self.printing = printing
    }

    /// The entries of some kinds, one at a time, in the order of the format, kind by kind through the
    /// index on positions.
    /// - Throws: ``StoreError/corrupt(_:)`` for an entry that cannot be read back; what `consume` throws, as it is.
    public func entries(only kinds: Set<EntityKind>, _ consume: (RegisterEntry) throws -> Void) throws {
        try StoredEntryCursor.within(db, RegisterStore.queries(kinds), explain: explain) { try $0.forEach(consume) }
    }

    /// The agreements and breaches that may give a deadline (`DeadlineSchedule.mayGiveDeadline`), as the
    /// store keeps them (table `deadline_source`), one at a time in the order of the format: a register of a
    /// million activities holds a thousand agreements and breaches, most of which give none. Every
    /// agreement and breach on a database made by an earlier registre and read as it is.
    /// - Throws: ``StoreError/corrupt(_:)`` for an entry that cannot be read back; what `consume` throws, as it is.
    public func deadlineSources(_ consume: (RegisterEntry) throws -> Void) throws {
        guard try DeadlineSources.kept(db) else { return try entries(only: DeadlineSchedule.sourceKinds, consume) }
        try StoredEntryCursor.within(db, DeadlineSources.queries(), explain: explain) { try $0.forEach(consume) }
    }

    /// One entry as it stands, or nil.
    /// - Throws: ``StoreError/corrupt(_:)`` when its stored fields cannot be read back.
    public func entry(_ key: EntityKey) throws -> RegisterEntry? { try EntryLookup(db: db).entry(key) }

    /// The entries named by `keys` with what they name, as ``RegisterEdit/register(around:)`` reads them.
    /// - Throws: ``StoreError`` when an entry cannot be read back.
    public func register(around keys: [EntityKey]) throws -> Register { try EntryLookup(db: db).register(around: keys) }

    /// The activities an organisation controls, in the register's order, one at a time, through the index
    /// on activities' controllers: a printed register is written controller by controller without holding
    /// the register.
    /// - Throws: ``StoreError/corrupt(_:)`` for an activity that cannot be read; what `body` throws, as it is.
    public func forEachActivity(controlledBy organisation: EntityID, _ body: (ProcessingActivity) throws -> Void) throws {
        try activities(sql: """
            SELECT e.id FROM field f JOIN entity e ON e.kind = 'activity' AND e.id = f.id
            WHERE f.kind = 'activity' AND f.name = 'controller' AND f.value = json_quote(?)
            ORDER BY e.position, e.id
            """, organisation, body)
    }

    /// The activities an organisation records, as their controller or one of their joint controllers, in
    /// the register's order, one at a time: one organisation's register (`--controller`) is printed
    /// without reading the others' activities. Its own through the index on controllers; those it
    /// controls jointly found by SQLite's JSON functions on the few activities that have joint controllers
    /// (told the partial index of v6: without statistics SQLite walked every field of every activity).
    /// A database opened read-only before v6 has no such index, and is read without it.
    /// - Throws: ``StoreError/corrupt(_:)`` for an activity that cannot be read; what `body` throws, as it is.
    public func forEachActivity(recordedBy organisation: EntityID, _ body: (ProcessingActivity) throws -> Void) throws {
        try activities(sql: """
            SELECT e.id FROM entity e
            WHERE e.kind = 'activity' AND e.id IN (
                SELECT id FROM field WHERE kind = 'activity' AND name = 'controller' AND value = json_quote(?1)
                UNION
                SELECT f.id FROM field f \(try jointIndex()), json_each(f.value) AS joint
                WHERE f.kind = 'activity' AND f.name = 'jointControllers' AND f.value != '[]'
                  AND json_extract(joint.value, '$.organisation') = ?1)
            ORDER BY e.position, e.id
            """, organisation, body)
    }

    /// How many activities an organisation controls.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func activityCount(controlledBy organisation: EntityID) throws -> Int {
        try Int.fetchOne(db, sql: """
            SELECT count(*) FROM field WHERE kind = 'activity' AND name = 'controller' AND value = json_quote(?)
            """, arguments: [organisation]) ?? 0
    }

    /// How many activities the register holds, whoever controls them.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func activityCount() throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM entity WHERE kind = 'activity'") ?? 0
    }

    /// How many activities `organisations` record together, as controller or joint controller, each
    /// counted once: what a document of their registers holds, counted before it is made.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func activityCount(recordedBy organisations: some Collection<EntityID>) throws -> Int {
        guard !organisations.isEmpty else { return 0 }
        let ids = Array(organisations)
        let quoted = Array(repeating: "json_quote(?)", count: ids.count).joined(separator: ", ")
        let plain = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return try Int.fetchOne(db, sql: """
            SELECT count(*) FROM (
                SELECT id FROM field WHERE kind = 'activity' AND name = 'controller' AND value IN (\(quoted))
                UNION
                SELECT f.id FROM field f \(try jointIndex()), json_each(f.value) AS joint
                WHERE f.kind = 'activity' AND f.name = 'jointControllers' AND f.value != '[]'
                  AND json_extract(joint.value, '$.organisation') IN (\(plain)))
            """, arguments: StatementArguments((ids + ids).map { $0 as (any DatabaseValueConvertible)? })) ?? 0
    }

    /// `INDEXED BY activity_joint` where the database has that index (v6).
    private func jointIndex() throws -> String {
        let exists = try Bool.fetchOne(db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'activity_joint'") ?? false
        return exists ? "INDEXED BY activity_joint" : ""
    }

    /// The activities whose ids `sql` gives, in its order: each read by one statement on its fields (the
    /// ids come from `entity`, so the activity exists), its columns read by their place.
    private func activities(sql: String, _ organisation: EntityID, _ body: (ProcessingActivity) throws -> Void) throws {
        let ids = try String.fetchCursor(db, sql: sql, arguments: [organisation])
        while let id = try ids.next() { try body(try activity(id)) }
    }

    /// The activity with an id the register holds, read by one statement on its fields, its columns read by
    /// their place.
    func activity(_ id: EntityID) throws -> ProcessingActivity {
        let fieldsOf = try db.cachedStatement(sql: "SELECT name, value FROM field WHERE kind = 'activity' AND id = ?")
        var fields: [String: String] = [:]
        let rows = try Row.fetchCursor(fieldsOf, arguments: [id])
        while let row = try rows.next() { fields[row[0]] = row[1] as String }
        guard case .activity(let activity) = try RegisterSnapshot.entry(EntityKey(.activity, id), fields: fields) else {
            throw StoreError.corrupt("activity \(id) cannot be read")
        }
        return activity
    }
}
