public import Foundation
import GRDB
public import RegistreCore

/// One breach as the list of breaches finds it: read from its kept clock (`breach_clock`), never decoded
/// whole; the page decodes its own rows to show them.
public struct BreachRow: Hashable, Sendable {
    /// The breach's id.
    public let id: EntityID
    /// Its controller's id.
    public let controller: EntityID
    /// Where its 72-hour clock stands at the moment the list was asked for.
    public let state: BreachDecision.ClockState
}

extension RegisterReading {
    /// The values of the list's `severity` facet: a risk tier (`RiskLevel`), or `none` for a breach whose
    /// facts do not allow a decision yet.
    public static let breachSeverities = RiskLevel.allCases.map(\.rawValue) + ["none"]

    /// The columns the list of breaches sorts on: `aware` (the default, most recent first), `title` and
    /// `organisation` (the controller's name), both without case or accents (``NameKey``), and `deadline`.
    static let breachOrders: [String: String] = ["aware": "b.aware", "title": "t.key", "organisation": "o.key", "deadline": "b.deadline"]

    /// One page of the breaches `visibility` shows at `now`, filtered by `query` (its text in the title,
    /// without case or accents, or the id; its facets `organisation`, `state` — a state of
    /// `BreachDecision.ClockState` or `open` —, `severity` (``breachSeverities``), and the period of
    /// awareness `from` and `to`, days in the register's default time zone) and sorted by `aware`, `title`,
    /// `organisation` or `deadline`, with how many there are in all: every condition is SQL on the kept
    /// clocks and titles' keys (v16), the states a comparison of their instants with `now`. A facet
    /// value the list does not know matches nothing.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func breaches(_ query: ListQuery, visibleTo visibility: Visibility, at now: Date) throws -> ListPage<BreachRow> {
        guard let (condition, arguments) = Self.breachCondition(query, visibleTo: visibility, at: now) else { return ListPage(rows: [], total: 0) }
        let joins = """
            JOIN party_name_key t ON t.kind = 'breach' AND t.id = b.id
            LEFT JOIN party_name_key o ON o.kind = 'organisation' AND o.id = b.controller
            """
        let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM breach_clock b \(joins) \(condition)", arguments: arguments) ?? 0
        let direction = query.descending ? "DESC" : "ASC"
        // Without a column asked: the most recent first. The id breaks ties, in the same direction.
        let order = query.sort.flatMap { Self.breachOrders[$0] }.map { "\($0) \(direction), b.id \(direction)" } ?? "b.aware DESC, b.id DESC"
        let rows = try Row.fetchAll(db, sql: """
            SELECT b.id, b.controller, \(BreachClockTable.stateSQL) AS state
            FROM breach_clock b \(joins) \(condition)
            ORDER BY \(order)
            LIMIT \(ListQuery.pageSize) OFFSET \(query.offset)
            """, arguments: arguments)
        return ListPage(rows: rows.map { row in
            BreachRow(id: row["id"], controller: row["controller"], state: BreachDecision.ClockState(rawValue: row["state"]) ?? .inTime)
        }, total: total)
    }

    /// The breaches `visibility` shows whose clock still runs (not notified, a notification may be due,
    /// Art. 33(1)), the most recent first, 50 at most, with how many there are: what the dashboard shows,
    /// found from the kept clocks.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func openBreaches(visibleTo visibility: Visibility, at now: Date) throws -> ListPage<BreachRow> {
        try breaches(ListQuery(facets: ["state": "open"]), visibleTo: visibility, at: now)
    }

    /// The `WHERE` of a list of breaches and its arguments (named: `:now` is used by the states); nil when
    /// nothing can match (no organisation visible, a facet value the list does not know).
    private static func breachCondition(_ query: ListQuery, visibleTo visibility: Visibility, at now: Date) -> (String, StatementArguments)? {
        var conditions = ["1"]
        var arguments: [String: (any DatabaseValueConvertible)?] = ["now": now.timeIntervalSinceReferenceDate]
        if case .organisations(let organisations) = visibility {
            guard !organisations.isEmpty else { return nil }
            conditions.append("b.controller IN (SELECT value FROM json_each(:visible))")
            arguments["visible"] = VisibleEntries.argument(organisations)
        }
        if let text = query.text {
            conditions.append("(instr(t.key, :text) > 0 OR instr(lower(b.id), :text) > 0)")
            arguments["text"] = NameKey.key(text)
        }
        if let organisation = query.facets["organisation"] {
            conditions.append("b.controller = :organisation")
            arguments["organisation"] = organisation
        }
        if let state = query.facets["state"] {
            guard let condition = BreachClockTable.condition(state: state) else { return nil }
            conditions.append(condition)
        }
        if let severity = query.facets["severity"] {
            guard breachSeverities.contains(severity) else { return nil }
            conditions.append(severity == "none" ? "b.level IS NULL" : "b.level = :severity")
            arguments["severity"] = severity
        }
        // Days in the register's default zone, as the history reads them: from the first instant of the
        // first day to the last instant of the last. A day that is not one matches nothing.
        let zone = OrganisationTimeZone.default
        for (facet, bound, comparison) in [("from", Instant.Bound.startOfDay, ">="), ("to", .endOfDay, "<=")] {
            guard let day = query.facets[facet] else { continue }
            guard let instant = Instant.parse(day, timeZone: zone, day: bound) else { return nil }
            conditions.append("b.aware \(comparison) :\(facet)")
            arguments[facet] = instant.timeIntervalSinceReferenceDate
        }
        return ("WHERE " + conditions.joined(separator: " AND "), StatementArguments(arguments))
    }
}
