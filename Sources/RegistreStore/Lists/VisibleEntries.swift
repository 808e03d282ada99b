import Foundation
import GRDB
public import RegistreCore

/// The entries an account that reads some organisations only may read, as one SQL `SELECT kind, id`: the
/// same question `AccessPolicy.mayRead(_:in:)` answers in Swift, asked of the fields through their
/// indexes, so that a page filters what it reads by a condition of its SQL, never over entries once read.
///
/// Entry by entry, as the policy says it: an organisation given (or a member of a structure given, which
/// the caller has put among the organisations); an activity whose controller or one of whose joint
/// controllers is one (Art. 26); a processor's record whose processor is one (Art. 30(2)); an agreement
/// whose processor or one of whose controllers is one (Art. 28(9)); a matrix one of whose parties is one;
/// an audit whose requester or auditee is one; a breach or a request whose controller is one (a request
/// unless the account is a reader, issue 27); a campaign whose structure is one. Never the register's own
/// entry, never an entry deleted (it has no fields left to say whose it was).
enum VisibleEntries {
    /// The `SELECT kind, id` of the entries of the organisations whose ids the JSON array bound to the
    /// parameter `parameter` (`:visible`) holds, the requests among them when `requests`.
    static func select(_ parameter: String = ":visible", requests: Bool) -> String {
        // Fields hold JSON: a controller is `"mende"`, matched as the index holds it (`json_quote`).
        let quoted = "(SELECT json_quote(value) FROM json_each(\(parameter)))"
        let plain = "(SELECT value FROM json_each(\(parameter)))"
        // The kinds that grow with the activities are read through their partial indexes, named: without
        // statistics SQLite walks every field of the kind by its primary key (0.4 s at 100,000 activities
        // for one commune, 2 ms told).
        func byField(_ kind: EntityKind, _ name: String, index: String? = nil) -> String {
            let indexed = index.map { " INDEXED BY " + $0 } ?? ""
            return "SELECT kind, id FROM field\(indexed) WHERE kind = '\(kind.rawValue)' AND name = '\(name)' AND value IN \(quoted)"
        }
        func inArray(_ kind: EntityKind, _ name: String, element: String, index: String? = nil) -> String {
            let indexed = index.map { " INDEXED BY " + $0 } ?? ""
            return """
            SELECT f.kind, f.id FROM field f\(indexed), json_each(f.value) AS part
            WHERE f.kind = '\(kind.rawValue)' AND f.name = '\(name)' AND f.value != '[]' AND \(element) IN \(plain)
            """
        }
        var parts = [
            "SELECT 'organisation' AS kind, value AS id FROM json_each(\(parameter))",
            byField(.activity, "controller", index: "activity_controller"),
            inArray(.activity, "jointControllers", element: "json_extract(part.value, '$.organisation')", index: "activity_joint"),
            byField(.processorRecord, "processor"),
            byField(.agreement, "processor", index: "agreement_processor"),
            inArray(.agreement, "controllers", element: "part.value", index: "agreement_controllers"),
            inArray(.matrix, "parties", element: "json_extract(part.value, '$.organisation')"),
            byField(.audit, "requester"),
            byField(.audit, "auditee"),
            byField(.breach, "controller", index: "breach_controller"),
            byField(.campaign, "structure"),
        ]
        if requests { parts.append(byField(.request, "controller", index: "request_controller")) }
        return parts.joined(separator: "\nUNION ALL\n")
    }

    /// The JSON array of `organisations`, in order, to bind to the parameter of ``select(_:requests:)``.
    static func argument(_ organisations: Set<String>) -> String {
        String(decoding: (try? JSONEncoder().encode(organisations.sorted())) ?? Data("[]".utf8), as: UTF8.self)
    }
}

extension RegisterReading {
    /// Whether an account that sees `visibility` (and the requests, unless `requests` is false: a reader)
    /// may read the entry `key`: the condition the history and the lists put in their SQL, asked of one
    /// entry. Every entry, and every key (even of an entry since deleted), for `.all`.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func shows(_ key: EntityKey, to visibility: Visibility, requests: Bool = true) throws -> Bool {
        guard case .organisations(let organisations) = visibility else { return true }
        if key.kind == .request && !requests { return false }
        return try Bool.fetchOne(db, sql: """
            SELECT 1 FROM (\(VisibleEntries.select(requests: requests))) WHERE kind = :kind AND id = :id LIMIT 1
            """, arguments: ["visible": VisibleEntries.argument(organisations), "kind": key.kind.rawValue, "id": key.id]) ?? false
    }
}
