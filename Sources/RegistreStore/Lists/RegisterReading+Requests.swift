public import Foundation
import GRDB
public import RegistreCore

/// One request of a person as the list of requests shows it: read from its kept clock
/// (`request_clock`), never decoded whole.
public struct RequestRow: Hashable, Sendable {
    /// The request's id.
    public let id: EntityID
    /// Its controller's id.
    public let controller: EntityID
    /// The reference the DPO chose for the person.
    public let person: String
    /// The day it was received.
    public let received: CalendarDate
    /// Its last day to answer (Art. 12(3)); nil while identity is awaited.
    public let dueDay: CalendarDate?
    /// The rights it invokes.
    public let rights: [DataSubjectRight]
    /// Where it stands at the moment the list was asked for.
    public let state: RequestClock.State
}

extension RegisterReading {
    /// The columns the list of requests sorts on, each with its order: `received` (the default, most
    /// recent first), `due` (the last day; those awaiting identity, without one, last), `state` (the most
    /// urgent first: overdue, due within seven days, running, awaiting identity, answered late, answered in
    /// time) and `organisation` (the controller's name).
    static let requestOrders: [String: String] = [
        "received": "r.received", "due": "r.due_day IS NULL, r.due_day",
        "state": "CASE (\(RequestClockTable.stateSQL)) WHEN 'overdue' THEN 0 WHEN 'due-soon' THEN 1 WHEN 'running' THEN 2 "
            + "WHEN 'awaiting-identity' THEN 3 WHEN 'answered-late' THEN 4 ELSE 5 END, r.due_day",
        "organisation": "o.value",
    ]

    /// One page of the requests `visibility` shows at `now`, filtered by `query` (its text in the id or the
    /// person's reference, without case or accents; its facets `organisation`, `right` and `state`: a state
    /// of `RequestClock.State`, `open` or `answered`) and sorted by `received`, `due`, `state` or
    /// `organisation`, with how many there are in all: every condition is SQL on the kept clocks
    /// (`request_clock`, v13), the states a comparison of their instants with `now`. A facet value the list
    /// does not know matches nothing.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func requests(_ query: ListQuery, visibleTo visibility: Visibility, at now: Date) throws -> ListPage<RequestRow> {
        guard let (condition, arguments) = Self.requestCondition(query, visibleTo: visibility, at: now) else { return ListPage(rows: [], total: 0) }
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM request_clock r \(condition)", arguments: arguments) ?? 0
        let sort = query.sort.flatMap { Self.requestOrders[$0] }
        let direction = query.descending ? "DESC" : "ASC"
        // Without a column asked: the most recent first. The id breaks ties, in the same direction.
        let order = sort.map { column in column.split(separator: ", ").map { "\($0) \(direction)" }.joined(separator: ", ") + ", r.id \(direction)" }
            ?? "r.received DESC, r.id DESC"
        let organisation = query.sort == "organisation" ? "LEFT JOIN field o ON o.kind = 'organisation' AND o.id = r.controller AND o.name = 'name'" : ""
        let rows = try Row.fetchAll(db, sql: """
            SELECT r.id, r.controller, r.person, r.received, r.due_day, r.rights, \(RequestClockTable.stateSQL) AS state
            FROM request_clock r \(organisation) \(condition)
            ORDER BY \(order)
            LIMIT \(ListQuery.pageSize) OFFSET \(query.offset)
            """, arguments: arguments)
        return ListPage(rows: rows.map(Self.requestRow), total: total)
    }

    /// The requests not yet answered of the organisations `visibility` shows, in the register's order, one
    /// at a time: those a schedule of deadlines reads (an answered request owes nothing more, Art. 12(3)).
    /// Found from the kept clocks (v13), through the index on their controllers when the account sees some
    /// organisations only, and read by key, so that a register of 100,000 requests, most answered long ago,
    /// reads the few still open; a database not brought up to date (opened read-only before v13) has every
    /// request read and filtered.
    /// - Throws: ``StoreError/corrupt(_:)`` when an entry cannot be read back; what `consume` throws, as it is.
    public func unansweredRequests(visibleTo visibility: Visibility = .all, _ consume: (DataSubjectRequest) throws -> Void) throws {
        guard try RequestClockTable.exists(db) else {
            try entries(only: [.request]) { entry in
                if case .request(let request) = entry, request.answer == nil, visibility.shows(request.controller) { try consume(request) }
            }
            return
        }
        var condition = "r.answered IS NULL"
        var arguments: StatementArguments = []
        if case .organisations(let organisations) = visibility {
            condition += " AND r.controller IN (SELECT value FROM json_each(?))"
            arguments += [String(decoding: try JSONEncoder().encode(organisations.sorted()), as: UTF8.self)]
        }
        let ids = try String.fetchAll(db, sql: """
            SELECT r.id FROM request_clock r JOIN entity e ON e.kind = 'request' AND e.id = r.id
            WHERE \(condition) ORDER BY e.position, e.id
            """, arguments: arguments)
        let lookup = EntryLookup(db: db)
        for id in ids {
            if case .request(let request)? = try lookup.entry(EntityKey(.request, id)) { try consume(request) }
        }
    }

    /// How many requests `visibility` shows are in each state at `now`: what a reader account sees of them
    /// (issue 27: the requests name people, their number does not). A state without a request is absent.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func requestCounts(visibleTo visibility: Visibility, at now: Date) throws -> [RequestClock.State: Int] {
        guard let (condition, arguments) = Self.requestCondition(ListQuery(), visibleTo: visibility, at: now) else { return [:] }
        let rows = try Row.fetchAll(db, sql: "SELECT \(RequestClockTable.stateSQL) AS state, count(*) AS requests FROM request_clock r \(condition) GROUP BY 1", arguments: arguments)
        var counts: [RequestClock.State: Int] = [:]
        for row in rows {
            let code: String = row["state"], count: Int = row["requests"]
            if let state = RequestClock.State(rawValue: code) { counts[state] = count }
        }
        return counts
    }

    /// The `WHERE` of a list of requests and its arguments (named: `:now` is used by the states); nil when
    /// nothing can match (no organisation visible, a facet value the list does not know).
    private static func requestCondition(_ query: ListQuery, visibleTo visibility: Visibility, at now: Date) -> (String, StatementArguments)? {
        var conditions = ["1"]
        var arguments: [String: (any DatabaseValueConvertible)?] = ["now": now.timeIntervalSinceReferenceDate]
        if case .organisations(let organisations) = visibility {
            guard !organisations.isEmpty else { return nil }
            conditions.append("r.controller IN (SELECT value FROM json_each(:visible))")
            arguments["visible"] = String(decoding: (try? JSONEncoder().encode(organisations.sorted())) ?? Data("[]".utf8), as: UTF8.self)
        }
        if let text = query.text {
            conditions.append("instr(r.search, :text) > 0")
            arguments["text"] = NameKey.key(text)
        }
        if let organisation = query.facets["organisation"] {
            conditions.append("r.controller = :organisation")
            arguments["organisation"] = organisation
        }
        if let right = query.facets["right"] {
            guard DataSubjectRight(rawValue: right) != nil else { return nil }
            conditions.append("instr(r.rights, :right) > 0")
            arguments["right"] = " \(right) "
        }
        if let state = query.facets["state"] {
            guard let condition = RequestClockTable.condition(state: state) else { return nil }
            conditions.append(condition)
        }
        return ("WHERE " + conditions.joined(separator: " AND "), StatementArguments(arguments))
    }

    private static func requestRow(_ row: Row) -> RequestRow {
        let never = CalendarDate(dayNumber: 0)
        let rights: String = row["rights"], received: String = row["received"], due: String? = row["due_day"], state: String = row["state"]
        return RequestRow(
            id: row["id"], controller: row["controller"], person: row["person"],
            received: CalendarDate(iso: received) ?? never, dueDay: due.flatMap { CalendarDate(iso: $0) },
            rights: rights.split(separator: " ").compactMap { DataSubjectRight(rawValue: String($0)) },
            state: RequestClock.State(rawValue: state) ?? .running)
    }
}
