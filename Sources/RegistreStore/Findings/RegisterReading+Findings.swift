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

/// One finding kept for an entry (table `finding`): its code and severity, as the dashboard counts it.
public struct KeptFindingRow: Hashable, Sendable {
    /// The rule's code.
    public let code: FindingCode
    /// Its severity.
    public let severity: Finding.Severity
}

extension RegisterReading {
    /// The findings kept for an entry in `organisation`'s register at `now` (those of the clock from the
    /// moment they fall due), one per finding, through the index on entries: what the dashboard counts for
    /// it, read without judging anything.
    /// - Parameters:
    ///   - key: the entry.
    ///   - organisation: the organisation whose register is read (an activity's controller).
    ///   - now: the moment of the page, for the findings of the clock.
    /// - Returns: the rows in a stable order (by code).
    /// - Throws: ``StoreError`` when the database cannot answer.
    public func keptFindings(of key: EntityKey, heldBy organisation: EntityID, at now: Date) throws -> [KeptFindingRow] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT code, severity FROM finding INDEXED BY finding_entry
            WHERE kind = ? AND id = ? AND organisation = ? AND (due IS NULL OR due <= ?)
            ORDER BY code, severity
            """), arguments: [key.kind.rawValue, key.id, organisation, Timestamp.format(now)])
            .compactMap { row in
                Finding.Severity(rawValue: row["severity"]).map { KeptFindingRow(code: FindingCode(rawValue: row["code"]), severity: $0) }
            }
    }
}
