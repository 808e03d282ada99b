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
    /// facets `status` and `organisation`, the controller) and sorted by `name` (default), `id`, `status`
    /// or `organisation`, with how many there are in all: through the indexes on names, statuses and
    /// controllers (migrations v2 and v6) and the trigram index of names and ids (v9, a text of three
    /// characters or more; a shorter one is a LIKE over the names), whatever the register's size. An activity an organisation
    /// controls jointly is that organisation's too (Art. 26).
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func activities(_ query: ListQuery, visibleTo visibility: Visibility) throws -> ListPage<ActivityRow> {
        var conditions = ["n.kind = 'activity'", "n.name = 'name'"]
        var arguments: [(any DatabaseValueConvertible)?] = []
        if case .organisations(let organisations) = visibility {
            // An account given no organisation sees none (and SQLite finds no plan for `IN ()` told an index).
            guard !organisations.isEmpty else { return ListPage(rows: [], total: 0) }
            let marks = Array(repeating: "json_quote(?)", count: organisations.count).joined(separator: ", ")
            // One set of ids, looked up by primary key: an OR across the two would scan every name.
            conditions.append("""
                n.id IN (
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
            conditions.append("n.id IN (SELECT id FROM activity_text WHERE activity_text MATCH ?)")
            arguments.append(phrase)
        } else if let pattern = query.likePattern {
            conditions.append(#"(json_extract(n.value, '$') LIKE ? ESCAPE '\' OR n.id LIKE ? ESCAPE '\')"#)
            arguments += [pattern, pattern]
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
        // conditions name, so that an administrator's total walks the index on names alone.
        let controller = "JOIN field c ON c.kind = 'activity' AND c.id = n.id AND c.name = 'controller'"
        let status = "JOIN field s ON s.kind = 'activity' AND s.id = n.id AND s.name = 'status'"
        let condition = "WHERE " + conditions.joined(separator: " AND ")
        // Without statistics SQLite would walk every field of every activity by the primary key and sort;
        // told so, an administrator's list walks the 100,000 entries of the index on names, in order.
        let names = visibility == .all && query.facets["organisation"] == nil && query.trigramPhrase == nil
            ? "field n INDEXED BY activity_name" : "field n"
        var counted: [String] = []
        if query.facets["organisation"] != nil { counted.append(controller) }
        if query.facets["status"] != nil { counted.append(status) }
        let total = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM \(names) \(counted.joined(separator: " ")) \(condition)", arguments: StatementArguments(arguments)) ?? 0
        let column = ["id": "n.id", "status": "s.value", "organisation": "c.value"][query.sort ?? ""] ?? "n.value"
        let direction = query.descending ? "DESC" : "ASC"
        let rows = try Row.fetchAll(db, sql: """
            SELECT n.id, json_extract(n.value, '$') AS name, json_extract(c.value, '$') AS controller,
                   json_extract(s.value, '$') AS status
            FROM \(names) \(controller) \(status) \(condition)
            ORDER BY \(column) \(direction), n.id \(direction)
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
