import Foundation
import GRDB
public import RegistreCore

/// One organisation as its list shows it: read from its name and members, never decoded whole.
public struct OrganisationRow: Hashable, Sendable {
    /// The organisation's id.
    public let id: EntityID
    /// Its name.
    public let name: String
    /// Whether it is a mutualisation structure (it has members).
    public let isStructure: Bool
}

extension RegisterReading {
    /// The roles the list of organisations filters on (`role`): a mutualisation structure (it has members),
    /// a member of one, a processor (of an agreement or a processor's record, Art. 28 and 30(2)).
    public static let organisationRoles = ["structure", "member", "processor"]

    /// One page of the organisations `visibility` shows, filtered by `query` (its text in the name, without
    /// case or accents, or in the id; its facet `role`, one of ``organisationRoles``) and sorted by `name`
    /// (the default, without case or accents, ``NameKey``) or `id`, with how many there are in all: from
    /// the names' keys kept beside them (`party_name_key`, `PartyNameKeys`), a page asked after or before
    /// a row's key (``ListQuery/after``, ``ListQuery/before``) read from the index from that key on. A role
    /// the list does not know matches nothing.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func organisations(_ query: ListQuery, visibleTo visibility: Visibility) throws -> ListPage<OrganisationRow> {
        guard var (conditions, arguments) = Self.organisationConditions(query, visibleTo: visibility) else { return ListPage(rows: [], total: 0) }
        let total = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM party_name_key k WHERE \(conditions.joined(separator: " AND "))", arguments: StatementArguments(arguments)) ?? 0
        let column = query.sort == "id" ? "k.id" : "k.key"
        let backward = query.after == nil && query.before != nil
        if let key = query.after ?? query.before {
            conditions.append("(\(column), k.id) \((query.after != nil) != query.descending ? ">" : "<") (:value, :key)")
            arguments["value"] = key.value
            arguments["key"] = key.id
        }
        let direction = query.descending != backward ? "DESC" : "ASC"
        let rows = try Row.fetchAll(db, sql: """
            SELECT k.id, json_extract(n.value, '$') AS name, coalesce(m.value, '[]') != '[]' AS structure, \(column) AS sorted
            FROM party_name_key k
            JOIN field n ON n.kind = 'organisation' AND n.id = k.id AND n.name = 'name'
            LEFT JOIN field m ON m.kind = 'organisation' AND m.id = k.id AND m.name = 'members'
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(column) \(direction), k.id \(direction)
            LIMIT \(ListQuery.pageSize) OFFSET \(query.seeks ? 0 : query.offset)
            """, arguments: StatementArguments(arguments))
        // The page before a key was read from it backwards: turned round.
        let ordered = backward ? rows.reversed() : rows
        func key(_ row: Row?) -> ListKey? { row.map { ListKey(value: $0["sorted"], id: $0["id"]) } }
        return ListPage(
            rows: ordered.map { OrganisationRow(id: $0["id"], name: $0["name"] ?? "", isStructure: $0["structure"]) },
            total: total, first: key(ordered.first), last: key(ordered.last))
    }

    /// The conditions of the list of organisations on `k` (`party_name_key`) and their named arguments;
    /// nil when nothing can match (no organisation visible, a role the list does not know).
    private static func organisationConditions(
        _ query: ListQuery, visibleTo visibility: Visibility
    ) -> ([String], [String: (any DatabaseValueConvertible)?])? {
        var conditions = ["k.kind = 'organisation'"]
        var arguments: [String: (any DatabaseValueConvertible)?] = [:]
        if case .organisations(let organisations) = visibility {
            guard !organisations.isEmpty else { return nil }
            conditions.append("k.id IN (SELECT value FROM json_each(:visible))")
            arguments["visible"] = VisibleEntries.argument(organisations)
        }
        if let text = query.text {
            // Names compared by their keys, ids as they are spelled (lower case, by the format's rules).
            conditions.append("(instr(k.key, :text) > 0 OR instr(lower(k.id), :text) > 0)")
            arguments["text"] = NameKey.key(text)
        }
        if let role = query.facets["role"] {
            switch role {
            case "structure":
                conditions.append("k.id IN (SELECT id FROM field WHERE kind = 'organisation' AND name = 'members' AND value != '[]')")
            case "member":
                conditions.append("""
                    k.id IN (SELECT part.value FROM field m, json_each(m.value) AS part
                             WHERE m.kind = 'organisation' AND m.name = 'members' AND m.value != '[]')
                    """)
            case "processor":
                conditions.append("""
                    k.id IN (SELECT json_extract(value, '$') FROM field WHERE kind = 'agreement' AND name = 'processor'
                             UNION SELECT json_extract(value, '$') FROM field WHERE kind = 'processor-record' AND name = 'processor')
                    """)
            default:
                return nil
            }
        }
        return (conditions, arguments)
    }
}
