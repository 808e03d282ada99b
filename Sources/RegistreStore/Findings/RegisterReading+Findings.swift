public import Foundation
import GRDB
public import RegistreCore

extension RegisterReading {
    /// How many findings the entries of each organisation's register have, by severity, at `now`: the
    /// findings kept beside the entries (migration v8, written with every change), counted by SQL through
    /// the index on organisations, those of the clock counted from the moment they fall due. A breach's
    /// lateness is not kept (it moves with the clock by the hour): the caller adds it
    /// (`RegisterCheck.breachClockRules`).
    ///
    /// An entry held by several organisations' registers (an activity and its joint controllers, an
    /// agreement and its parties) counts for each of them.
    /// - Parameters:
    ///   - organisations: the organisations counted; nil for every one.
    ///   - now: the moment of the count, for the findings of the clock.
    /// - Returns: the counts of each organisation that has any finding.
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func findingCounts(of organisations: [EntityID]?, at now: Date) throws -> [EntityID: [Finding.Severity: Int]] {
        let restriction = organisations == nil ? "" : "AND organisation IN (SELECT value FROM json_each(?2))"
        var arguments: StatementArguments = [Timestamp.format(now)]
        if let organisations { arguments += [String(decoding: try JSONEncoder().encode(organisations), as: UTF8.self)] }
        let rows = try Row.fetchAll(db, sql: """
            SELECT organisation, severity, count(*) AS n FROM finding INDEXED BY finding_organisation
            WHERE (due IS NULL OR due <= ?1) \(restriction)
            GROUP BY organisation, severity
            """, arguments: arguments)
        var counts: [EntityID: [Finding.Severity: Int]] = [:]
        for row in rows {
            guard let severity = Finding.Severity(rawValue: row["severity"]) else { continue }
            counts[row["organisation"], default: [:]][severity] = row["n"]
        }
        return counts
    }
}
