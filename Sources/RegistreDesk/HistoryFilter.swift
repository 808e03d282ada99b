import Foundation
import Hummingbird
import RegistreCore
import RegistreStore

/// What the history page was asked for: an entry (`activity:etat-civil`, or its id alone,
/// `etat-civil`), an account, a period of days, and the page (`before`, a journal sequence).
struct HistoryFilter {
    var entity: String?
    var actor: String?
    var from: String?
    var to: String?
    var before: Int64?

    init(_ parameters: Parameters) {
        func value(_ name: String) -> String? {
            parameters.get(name).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        entity = value("entity")
        actor = value("actor")
        from = value("from")
        to = value("to")
        before = value("before").flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The journal query, or nil when the entry asked is none the account may read: such an entry is not
    /// found, as its page is, whether it exists or not. Whose changes the account sees is a condition of
    /// the query (its visibility; no request for a reader), and whether it may read the entry asked is
    /// the same condition asked in `reading`.
    func query(for visit: Visit, _ reading: RegisterReading, pageSize: Int) throws -> JournalQuery? {
        let requests = visit.policy.role != .reader
        var query = JournalQuery(actor: actor, before: before, limit: pageSize, visibility: visit.visibility, requests: requests)
        if let entity {
            let parts = entity.split(separator: ":", maxSplits: 1).map(String.init)
            let id: String, candidates: [EntityKind]
            if parts.count == 2, let kind = EntityKind(rawValue: parts[0]) {
                (id, candidates) = (parts[1], [kind])
            } else {
                // An id alone may name entries of several kinds: each the account may read is shown.
                (id, candidates) = (entity, EntityKind.allCases)
            }
            let readable = try candidates.filter { try reading.shows(EntityKey($0, id), to: visit.visibility, requests: requests) }
            guard !readable.isEmpty else { return nil }
            query.id = id
            query.kinds = Set(readable)
        }
        let zone = OrganisationTimeZone.default
        // Days in the register's default zone, as the CLI reads them (`Instant.parse`): from the first
        // instant of the first day to the last instant of the last.
        query.from = from.flatMap { Instant.parse($0, timeZone: zone, day: .startOfDay) }
        query.to = to.flatMap { Instant.parse($0, timeZone: zone, day: .endOfDay) }
        return query
    }

    /// The values the filter form shows again.
    var formValues: [String: Any] {
        ["entityValue": entity ?? "", "actorValue": actor ?? "", "fromValue": from ?? "", "toValue": to ?? ""]
    }

    /// The address of the same filter at another page.
    func address(before sequence: Int64?) -> String {
        var components = URLComponents()
        components.path = "/history"
        let items: [URLQueryItem] = [
            entity.map { URLQueryItem(name: "entity", value: $0) }, actor.map { URLQueryItem(name: "actor", value: $0) },
            from.map { URLQueryItem(name: "from", value: $0) }, to.map { URLQueryItem(name: "to", value: $0) },
            sequence.map { URLQueryItem(name: "before", value: String($0)) },
        ].compactMap { $0 }
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? "/history"
    }
}
