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
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func activities(_ query: ListQuery, visibleTo visibility: Visibility) throws -> ListPage<ActivityRow> {
        var conditions: [String] = ["1"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        if case .organisations(let organisations) = visibility {
            // An account given no organisation sees none (and SQLite finds no plan for `IN ()` told an index).
            guard !organisations.isEmpty else { return ListPage(rows: [], total: 0) }
            let marks = Array(repeating: "json_quote(?)", count: organisations.count).joined(separator: ", ")
            // One set of ids, looked up by primary key: an OR across the two would scan every name.
            conditions.append("""
                k.id IN (
                    SELECT id FROM field WHERE kind = 'activity' AND name = 'controller' AND value IN (\(marks))
                    UNION
                    SELECT j.id FROM field j INDEXED BY activity_joint, json_each(j.value) AS joint
                    WHERE j.kind = 'activity' AND j.name = 'jointControllers' AND j.value != '[]'
                      AND json_extract(joint.value, '$.organisation') IN (\(Array(repeating: "?", count: organisations.count).joined(separator: ", "))))
                """)
            let sorted = organisations.sorted()
            arguments += sorted.map { $0 as (any DatabaseValueConvertible)? } + sorted.map { $0 as (any DatabaseValueConvertible)? }
        }
        if let phrase = query.trigramPhrase {
            // From the trigram index (v9): the ids whose name or id holds the text, looked up by primary key.
            conditions.append("k.id IN (SELECT id FROM activity_text WHERE activity_text MATCH ?)")
            arguments.append(phrase)
        } else if let prefix = query.prefixKey {
            // Below three characters: the names that begin with the text, read from the index on their keys.
            conditions.append("k.key >= ? AND k.key < ?")
            arguments += [prefix, NameKey.end(ofPrefix: prefix)]
        }
        if let status = query.facets["status"] {
            conditions.append("s.value = json_quote(?)")
            arguments.append(status)
        }
        if let organisation = query.facets["organisation"] {
            conditions.append("c.value = json_quote(?)")
            arguments.append(organisation)
        }
        // Every activity has one name, controller and status: the count joins only the fields its
        // conditions name, so that an administrator's total walks the index on names' keys alone.
        let controller = "JOIN field c ON c.kind = 'activity' AND c.id = k.id AND c.name = 'controller'"
        let status = "JOIN field s ON s.kind = 'activity' AND s.id = k.id AND s.name = 'status'"
        let condition = "WHERE " + conditions.joined(separator: " AND ")
        // Every activity has one name key (v10): the lists start from it. Without statistics SQLite would
        // walk every field of every activity by the primary key and sort; told so, an administrator's list
        // walks the entries of the index on keys in order and stops after its page, and a short text reads
        // only the keys that begin with it.
        let column = ["id": "k.id", "status": "s.value", "organisation": "c.value"][query.sort ?? ""] ?? "k.key"
        let byKey = visibility == .all && query.facets["organisation"] == nil && query.trigramPhrase == nil && column == "k.key"
        let keys = byKey ? "activity_name_key k INDEXED BY activity_name_order" : "activity_name_key k"
        let name = "JOIN field n ON n.kind = 'activity' AND n.id = k.id AND n.name = 'name'"
        var counted: [String] = []
        if query.facets["organisation"] != nil { counted.append(controller) }
        if query.facets["status"] != nil { counted.append(status) }
        let total = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM \(keys) \(counted.joined(separator: " ")) \(condition)", arguments: StatementArguments(arguments)) ?? 0
        let direction = query.descending ? "DESC" : "ASC"
        // Every activity sorted by its status or controller (an administrator's list, no text): walked in
        // order from the index on that field, (value, id), and stopped after the page, not sorted whole.
        var from = "\(keys) \(name) \(controller) \(status)", tie = "k.id", pageCondition = condition
        if visibility == .all && query.facets["organisation"] == nil && query.text == nil && column != "k.key" && column != "k.id" {
            let (alias, index, field) = column == "s.value" ? ("s", "activity_status", "status") : ("c", "activity_controller", "controller")
            let other = alias == "s" ? controller : status
            from = "field \(alias) INDEXED BY \(index) CROSS JOIN activity_name_key k ON k.id = \(alias).id \(name) \(other)"
            pageCondition += " AND \(alias).kind = 'activity' AND \(alias).name = '\(field)'"
            tie = "\(alias).id"
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT k.id, json_extract(n.value, '$') AS name, json_extract(c.value, '$') AS controller,
                   json_extract(s.value, '$') AS status
            FROM \(from) \(pageCondition)
            ORDER BY \(column) \(direction), \(tie) \(direction)
            LIMIT \(ListQuery.pageSize) OFFSET \(query.offset)
            """, arguments: StatementArguments(arguments))
        return ListPage(
            rows: rows.map { ActivityRow(id: $0["id"], name: $0["name"] ?? "", controller: $0["controller"] ?? "", status: $0["status"] ?? "") },
            total: total)
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
            SELECT json_extract(value, '$') AS controller, count(*) AS activities FROM field
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
