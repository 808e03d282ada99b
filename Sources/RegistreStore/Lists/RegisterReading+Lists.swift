import GRDB
public import RegistreCore

/// One activity as a list shows it: read from three fields, never decoded whole.
public struct ActivityRow: Hashable, Sendable {
    /// The activity's id.
    public let id: EntityID
    /// Its name.
    public let name: String
    /// Its controller's id.
    public let controller: EntityID
    /// Its status as the format spells it (`active`, `draft`, `retired`).
    public let status: String
}

extension RegisterReading {
    /// One page of the activities `visibility` shows, filtered by `query` (its text in the name or id, its
    /// facets `status` and `organisation`, the controller) and sorted by `name` (default: without case or
    /// accents, ``NameKey``), `id`, `status` or `organisation`, with how many there are in all: through the
    /// indexes on names' keys (v10), statuses and controllers (v2, v6) and the trigram index of names and
    /// ids (v9), whatever the register's size. A text of one or two characters, below the trigrams, finds
    /// the names that begin with it (``ListQuery/isPrefix``), from the index on names' keys: never a scan
    /// of every name. An activity an organisation controls jointly is that organisation's too (Art. 26).
    /// A page asked after or before a row's key (``ListQuery/after``, ``ListQuery/before``: the links
    /// of the page next to it carry them) is read from that key on, at the cost of one page whatever its
    /// depth; one asked by number alone skips the rows before it. The page gives the keys of its first and
    /// last rows (``ListPage/first``, ``ListPage/last``).
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func activities(_ query: ListQuery, visibleTo visibility: Visibility) throws -> ListPage<ActivityRow> {
        guard let sql = ActivityListSQL(query, visibleTo: visibility) else { return ListPage(rows: [], total: 0) }
        let page = try sql.page(db)
        return ListPage(rows: page.rows, total: try sql.total(db), first: page.first, last: page.last)
    }

    /// The ids of the activities `organisation` records, as their controller or a joint controller, in the
    /// order of their ids: through the index on controllers and the partial index on joint controllers
    /// (v6), so a database brought up to date only (the desk's, never one opened read-only before v6).
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func activityIDs(recordedBy organisation: EntityID) throws -> [EntityID] {
        try String.fetchAll(db, sql: """
            SELECT id FROM field WHERE kind = 'activity' AND name = 'controller' AND value = json_quote(?1)
            UNION
            SELECT j.id FROM field j INDEXED BY activity_joint, json_each(j.value) AS joint
            WHERE j.kind = 'activity' AND j.name = 'jointControllers' AND j.value != '[]'
              AND json_extract(joint.value, '$.organisation') = ?1
            ORDER BY 1
            """, arguments: [organisation])
    }

    /// How many activities each of `organisations` controls, through the index on controllers; an
    /// organisation that controls none is absent.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func activityCounts(controlledBy organisations: some Collection<EntityID>) throws -> [EntityID: Int] {
        guard !organisations.isEmpty else { return [:] }
        let marks = Array(repeating: "json_quote(?)", count: organisations.count).joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT json_extract(value, '$') AS controller, count(*) AS activities FROM field INDEXED BY activity_controller
            WHERE kind = 'activity' AND name = 'controller' AND value IN (\(marks))
            GROUP BY value
            """, arguments: StatementArguments(organisations.map { $0 as (any DatabaseValueConvertible)? }))
        return Dictionary(uniqueKeysWithValues: rows.map { ($0["controller"] as String, $0["activities"] as Int) })
    }

    /// The organisations among all that control at least one activity, through the index on controllers
    /// (one step per organisation, not per activity).
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func activityControllers() throws -> Set<EntityID> {
        Set(try String.fetchAll(db, sql: """
            SELECT json_extract(value, '$') FROM (
                SELECT DISTINCT value FROM field INDEXED BY activity_controller WHERE kind = 'activity' AND name = 'controller')
            """))
    }
}
