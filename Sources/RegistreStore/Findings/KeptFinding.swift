import Foundation
import GRDB
import RegistreCore

/// One finding of `check` kept beside the entry it is about (table `finding`, migration v8), for one of
/// the organisations whose register holds that entry: the dashboard counts them per organisation and
/// severity with SQL instead of checking their activities at request time.
///
/// Derived data, like the kept XML: written in the same transaction as every change that moves it
/// (`FindingKeeper`), never journaled, recomputed and compared by `verify`. Only findings that do not
/// depend on the clock are kept as they are; the one an activity earns by going unreviewed is kept with
/// the moment it becomes due (`due`), and counts from then on. A breach's lateness is judged when asked.
struct KeptFinding: Hashable, Comparable {
    var code: String
    var severity: String
    /// The organisation whose register holds the entry ('' for an entry of no organisation).
    var organisation: String
    /// For a finding of the clock, the moment from which it holds (`Timestamp`); nil for the others.
    var due: String?

    static func < (lhs: KeptFinding, rhs: KeptFinding) -> Bool {
        (lhs.code, lhs.severity, lhs.organisation, lhs.due ?? "") < (rhs.code, rhs.severity, rhs.organisation, rhs.due ?? "")
    }

    /// The rows of `findings` about `entry`: one per finding and organisation holding the entry.
    static func rows(of findings: [Finding], about entry: RegisterEntry, due: Date? = nil) -> [KeptFinding] {
        let owners = Self.owners(of: entry)
        return findings.flatMap { finding in
            (owners.isEmpty ? [""] : owners).map {
                KeptFinding(code: finding.code.rawValue, severity: finding.severity.rawValue, organisation: $0, due: due.map(Timestamp.format))
            }
        }
    }

    /// The organisations whose register holds the entry, as `Register.restricted(to:)` keeps it: an
    /// organisation holds itself, the activities it records as controller or joint controller, its records
    /// as a processor, the agreements, matrices and audits it is a party to, and its breaches.
    static func owners(of entry: RegisterEntry) -> [EntityID] {
        let owners: [EntityID] = switch entry {
        case .title, .campaign: []
        case .organisation(let organisation): [organisation.id]
        case .activity(let activity): [activity.controller] + activity.jointControllers.map(\.organisation)
        case .processorRecord(let record): [record.processor]
        case .agreement(let agreement): agreement.controllers + [agreement.processor]
        case .matrix(let matrix): matrix.parties.map(\.organisation)
        case .audit(let audit): [audit.requester, audit.auditee]
        case .breach(let breach): [breach.controller]
        case .request(let request): [request.controller]
        }
        var seen: Set<EntityID> = []
        return owners.filter { seen.insert($0).inserted }
    }

    /// The findings an activity earns, as rows: those that do not depend on the clock, and the review it
    /// will be overdue for, due at its moment.
    static func rows(of activity: ProcessingActivity, amongParties parties: Register) -> [KeptFinding] {
        let entry = RegisterEntry.activity(activity)
        var rows = Self.rows(of: RegisterCheck.findings(of: activity, amongParties: parties), about: entry)
        if let due = RegisterCheck.reviewDue(of: activity, in: parties) {
            let late = RegisterCheck.findings(of: activity, amongParties: parties, now: due, rules: RegisterCheck.clockRules)
            rows += Self.rows(of: late, about: entry, due: due)
        }
        return rows
    }

    /// The findings a request earns, as rows: none moves with the clock but its lateness, which is judged
    /// when asked (`RegisterCheck.requestClockRules`).
    static func rows(of request: DataSubjectRequest, amongParties parties: Register) -> [KeptFinding] {
        Self.rows(of: RegisterCheck.findings(of: request, amongParties: parties), about: .request(request))
    }

    /// The rows of every party (every entry but the activities and the requests), by entry: what a check of those entries
    /// finds, which no activity changes.
    static func rows(ofParties parties: Register) -> [EntityKey: [KeptFinding]] {
        var entries: [EntityKey: RegisterEntry] = [:]
        for entry in parties.entries { entries[entry.key] = entry }
        var rows: [EntityKey: [KeptFinding]] = [:]
        for finding in RegisterCheck.findings(in: parties) {
            guard let entry = entries[finding.subject] else { continue }
            rows[finding.subject, default: []] += Self.rows(of: [finding], about: entry)
        }
        return rows
    }

    // MARK: The table

    /// The rows kept for one entry, in a stable order.
    static func stored(_ key: EntityKey, _ db: Database) throws -> [KeptFinding] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT code, severity, organisation, due FROM finding WHERE kind = ? AND id = ?"),
                         arguments: [key.kind.rawValue, key.id])
            .map { KeptFinding(code: $0["code"], severity: $0["severity"], organisation: $0["organisation"], due: $0["due"]) }
            .sorted()
    }

    /// Makes `rows` the entry's kept findings.
    static func replace(_ key: EntityKey, with rows: [KeptFinding], _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM finding WHERE kind = ? AND id = ?").execute(arguments: [key.kind.rawValue, key.id])
        try insert(rows, for: key, db)
    }

    static func insert(_ rows: [KeptFinding], for key: EntityKey, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO finding (kind, id, code, severity, organisation, due) VALUES (?, ?, ?, ?, ?, ?)")
        for row in rows {
            try statement.execute(arguments: [key.kind.rawValue, key.id, row.code, row.severity, row.organisation, row.due])
        }
    }
}
