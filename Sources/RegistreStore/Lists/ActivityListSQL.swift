import GRDB
import RegistreCore

/// The SQL of one page of the activity list (``RegisterReading/activities(_:visibleTo:)``): the conditions
/// the query and the account's visibility make, the count of every row they keep, and the page's rows read
/// in the list's order from the index that gives that order, from the neighbouring row's key when the
/// query carries one (``ListQuery/after``, ``ListQuery/before``), so that a page costs the same at any
/// depth of the list.
struct ActivityListSQL {
    // Every activity has one name, controller and status: the count joins only the fields its conditions
    // name, so that an administrator's total walks the index on names' keys alone.
    static let controller = "JOIN field c ON c.kind = 'activity' AND c.id = k.id AND c.name = 'controller'"
    static let status = "JOIN field s ON s.kind = 'activity' AND s.id = k.id AND s.name = 'status'"
    static let name = "JOIN field n ON n.kind = 'activity' AND n.id = k.id AND n.name = 'name'"

    let query: ListQuery
    let visibility: Visibility
    private var conditions: [String] = ["1"]
    private var arguments: [(any DatabaseValueConvertible)?] = []

    /// The conditions of `query` for an account that sees `visibility`; nil when it sees no organisation
    /// (SQLite finds no plan for `IN ()` told an index, and the list is empty anyway).
    init?(_ query: ListQuery, visibleTo visibility: Visibility) {
        self.query = query
        self.visibility = visibility
        if case .organisations(let organisations) = visibility {
            guard !organisations.isEmpty else { return nil }
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
            conditions.append(ActivitySearch.found)
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
    }

    /// The column sorted on: the name's key (``NameKey``) unless the query names another.
    var column: String { ["id": "k.id", "status": "s.value", "organisation": "c.value"][query.sort ?? ""] ?? "k.key" }

    /// Whether the sorted column is a field's JSON value (a status, a controller) rather than plain text.
    private var columnIsField: Bool { column == "s.value" || column == "c.value" }

    private var condition: String { "WHERE " + conditions.joined(separator: " AND ") }

    // Every activity has one name key (v10): the lists start from it. Without statistics SQLite would walk
    // every field of every activity by the primary key and sort; told so, an administrator's list walks
    // the entries of the index on keys in order and stops after its page, and a short text reads only the
    // keys that begin with it. One organisation's activities (its page, a breach's facts, the facet) start
    // from the index on controllers, every other table joined after it (CROSS JOIN fixes SQLite's order:
    // left free, it walked every activity's name first, 0.17 s of CPU at 100,000 activities).
    private var keys: String {
        if ownRows {
            return "field c INDEXED BY activity_controller CROSS JOIN activity_name_key k ON k.id = c.id AND c.kind = 'activity' AND c.name = 'controller'"
        }
        let byKey = visibility == .all && query.trigramPhrase == nil && column == "k.key"
        return byKey ? "activity_name_key k INDEXED BY activity_name_order" : "activity_name_key k"
    }

    /// Whether the list is one organisation's (the facet): read from its controller field first.
    private var ownRows: Bool { query.facets["organisation"] != nil }

    /// `join` as the list adds it after ``keys``: a CROSS JOIN for one organisation's rows, so that the
    /// field of the controller stays the outer loop.
    private func joined(_ join: String) -> String { ownRows ? "CROSS " + join : join }

    /// How many activities the conditions keep, on every page. A text alone (an administrator's) is
    /// counted by the trigram index, without a join.
    func total(_ db: Database) throws -> Int {
        if visibility == .all && query.facets.isEmpty, let phrase = query.trigramPhrase {
            return try ActivitySearch.count(phrase, db)
        }
        let counted = query.facets["status"] != nil ? joined(Self.status) : ""
        return try Int.fetchOne(
            db, sql: "SELECT count(*) FROM \(keys) \(counted) \(condition)", arguments: StatementArguments(arguments)) ?? 0
    }

    /// The page's rows in the list's order, with the keys of its first and last rows.
    func page(_ db: Database) throws -> (rows: [ActivityRow], first: ListKey?, last: ListKey?) {
        let statement = pageStatement
        let rows = try Row.fetchAll(db, sql: statement.sql, arguments: statement.arguments)
        // The page before a key was read from it backwards: turned round.
        let ordered = statement.backward ? rows.reversed() : rows
        func key(_ row: Row?) -> ListKey? {
            guard let row, let value: String = row["sorted"] else { return nil }
            return ListKey(value: value, id: row["id"])
        }
        return (
            ordered.map { ActivityRow(id: $0["id"], name: $0["name"] ?? "", controller: $0["controller"] ?? "", status: $0["status"] ?? "") },
            key(ordered.first), key(ordered.last)
        )
    }

    /// The statement of the page's rows, and whether it reads them backwards (the page before a key).
    var pageStatement: (sql: String, arguments: StatementArguments, backward: Bool) {
        // One organisation's rows start from its controller field (``keys``), which the join need not add.
        let joins = ownRows ? "\(joined(Self.name)) \(joined(Self.status))" : "\(Self.name) \(Self.controller) \(Self.status)"
        var (from, tie, pageCondition) = ("\(keys) \(joins)", "k.id", condition)
        var pageArguments = arguments
        // Every activity sorted by its status or controller (an administrator's list, no text): walked in
        // order from the index on that field, (value, id), and stopped after the page, not sorted whole.
        if visibility == .all && query.facets["organisation"] == nil && query.text == nil && columnIsField {
            let (alias, index, field) = column == "s.value" ? ("s", "activity_status", "status") : ("c", "activity_controller", "controller")
            from = "field \(alias) INDEXED BY \(index) CROSS JOIN activity_name_key k ON k.id = \(alias).id \(Self.name) \(alias == "s" ? Self.controller : Self.status)"
            pageCondition += " AND \(alias).kind = 'activity' AND \(alias).name = '\(field)'"
            tie = "\(alias).id"
        }
        let backward = query.after == nil && query.before != nil
        if let key = query.after ?? query.before {
            // The rows past the key in the list's order, a range of the index on (value, id) that gives it:
            // after it, greater when ascending; before it, the other way.
            let comparison = (query.after != nil) != query.descending ? ">" : "<"
            pageCondition += " AND (\(column), \(tie)) \(comparison) (\(columnIsField ? "json_quote(?)" : "?"), ?)"
            pageArguments += [key.value, key.id]
        }
        let direction = query.descending != backward ? "DESC" : "ASC"
        let limit = "LIMIT \(ListQuery.pageSize) OFFSET \(query.seeks ? 0 : query.offset)"
        if query.trigramPhrase != nil && column == "k.key" && !ownRows {
            return (searchPage(pageCondition, direction: direction, limit: limit), StatementArguments(pageArguments), backward)
        }
        let sql = """
            SELECT k.id, json_extract(n.value, '$') AS name, json_extract(c.value, '$') AS controller,
                   json_extract(s.value, '$') AS status, \(columnIsField ? "json_extract(\(column), '$')" : column) AS sorted
            FROM \(from) \(pageCondition)
            ORDER BY \(column) \(direction), \(tie) \(direction)
            \(limit)
            """
        return (sql, StatementArguments(pageArguments), backward)
    }

    /// The page of a text sorted by name: the keys of the rows that hold it sorted alone (the trigram
    /// index's ids, each looked up for its key), and the fields shown read for the page's rows only. Sorted
    /// with their three fields joined, the 20,000 names holding "gestion" at 100,000 activities cost three
    /// times as much.
    private func searchPage(_ condition: String, direction: String, limit: String) -> String {
        let status = query.facets["status"] != nil ? Self.status : ""
        return """
            SELECT k.id, json_extract(n.value, '$') AS name, json_extract(c.value, '$') AS controller,
                   json_extract(s.value, '$') AS status, k.key AS sorted
            FROM (SELECT k.id, k.key FROM activity_name_key k \(status) \(condition) ORDER BY k.key \(direction), k.id \(direction) \(limit)) AS k
            CROSS \(Self.name) CROSS \(Self.controller) CROSS \(Self.status)
            ORDER BY k.key \(direction), k.id \(direction)
            """
    }
}
