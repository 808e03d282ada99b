import Foundation
import GRDB
public import RegistreCore

/// One agreement as the list of agreements finds it: read from its title's key and its fields, never
/// decoded whole; the page decodes its own rows to show them.
public struct AgreementRow: Hashable, Sendable {
    /// The agreement's id.
    public let id: EntityID
    /// How many of its change notices await their outcome (Art. 28(2)).
    public let pending: Int
}

extension RegisterReading {
    /// The values of the list's `state` facet: an agreement with a change notice awaiting its outcome
    /// (`pending`, Art. 28(2)), one signed, one not signed yet.
    public static let agreementStates = ["pending", "signed", "unsigned"]

    /// The columns the list of agreements sorts on: `title` (the default) and `processor` (its name), both
    /// without case or accents (``NameKey``), and `pending` (the change notices awaiting their outcome).
    static let agreementOrders: [String: String] = ["title": "t.key", "processor": "po.key", "pending": "pending"]

    /// The change notices of the agreement `t` awaiting their outcome, counted by SQL.
    private static let pendingSQL = """
        (SELECT count(*) FROM field c, json_each(c.value) AS notice
         WHERE c.kind = 'agreement' AND c.id = t.id AND c.name = 'changeNotices' AND json_extract(notice.value, '$.outcome') = 'pending')
        """

    /// One page of the agreements `visibility` shows (an agreement is its processor's and each of its
    /// controllers', Art. 28(9)), filtered by `query` (its text in the title or the processor's name,
    /// without case or accents, or the id; its facets `organisation` — a controller or the processor —,
    /// `processor` and `state`, one of ``agreementStates``) and sorted by `title`, `processor` or
    /// `pending`, with how many there are in all: every condition is SQL on the titles' and names' keys
    /// (v16) and the agreements' fields. A facet value the list does not know matches nothing.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func agreements(_ query: ListQuery, visibleTo visibility: Visibility) throws -> ListPage<AgreementRow> {
        var conditions = ["t.kind = 'agreement'"]
        var arguments: [String: (any DatabaseValueConvertible)?] = [:]
        let processor = "json_extract(p.value, '$')"
        func controlledBy(_ parameter: String) -> String {
            "t.id IN (SELECT a.id FROM field a INDEXED BY agreement_controllers, json_each(a.value) AS c WHERE a.kind = 'agreement' AND a.name = 'controllers' AND c.value IN \(parameter))"
        }
        if case .organisations(let organisations) = visibility {
            guard !organisations.isEmpty else { return ListPage(rows: [], total: 0) }
            let visible = "(SELECT value FROM json_each(:visible))"
            conditions.append("(\(processor) IN \(visible) OR \(controlledBy(visible)))")
            arguments["visible"] = VisibleEntries.argument(organisations)
        }
        if let text = query.text {
            conditions.append("(instr(t.key, :text) > 0 OR instr(lower(t.id), :text) > 0 OR instr(coalesce(po.key, ''), :text) > 0)")
            arguments["text"] = NameKey.key(text)
        }
        if let organisation = query.facets["organisation"] {
            conditions.append("(\(processor) = :organisation OR \(controlledBy("(:organisation)")))")
            arguments["organisation"] = organisation
        }
        if let chosen = query.facets["processor"] {
            conditions.append("\(processor) = :processor")
            arguments["processor"] = chosen
        }
        if let state = query.facets["state"] {
            let signed = "EXISTS (SELECT 1 FROM field s WHERE s.kind = 'agreement' AND s.id = t.id AND s.name = 'signed' AND s.value != 'null')"
            switch state {
            case "pending": conditions.append("\(Self.pendingSQL) > 0")
            case "signed": conditions.append(signed)
            case "unsigned": conditions.append("NOT \(signed)")
            default: return ListPage(rows: [], total: 0)
            }
        }
        let from = """
            party_name_key t
            JOIN field p ON p.kind = 'agreement' AND p.id = t.id AND p.name = 'processor'
            LEFT JOIN party_name_key po ON po.kind = 'organisation' AND po.id = json_extract(p.value, '$')
            """
        let condition = "WHERE " + conditions.joined(separator: " AND ")
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(from) \(condition)", arguments: StatementArguments(arguments)) ?? 0
        let direction = query.descending ? "DESC" : "ASC"
        let order = Self.agreementOrders[query.sort ?? ""] ?? "t.key"
        let rows = try Row.fetchAll(db, sql: """
            SELECT t.id, \(Self.pendingSQL) AS pending FROM \(from) \(condition)
            ORDER BY \(order) \(direction), t.id \(direction)
            LIMIT \(ListQuery.pageSize) OFFSET \(query.offset)
            """, arguments: StatementArguments(arguments))
        return ListPage(rows: rows.map { AgreementRow(id: $0["id"], pending: $0["pending"]) }, total: total)
    }
}
