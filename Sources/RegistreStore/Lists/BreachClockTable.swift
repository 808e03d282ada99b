import Foundation
import GRDB
import RegistreCore

/// Each breach's 72-hour clock of Art. 33(1) kept beside it (`breach_clock`, migration v16), so
/// that the list of breaches is paged, sorted and filtered by SQL at any number of breaches, its clock
/// states and risk tiers included, and the dashboard finds the open ones without reading every breach.
///
/// As for the requests' clocks (``RequestClockTable``), a state moves with the clock but the instants it
/// moves at do not: the deadline (awareness + 72 hours, in the controller's calendar), the first
/// notification to the authority, and whether none is due (the breach unlikely to result in a risk) are
/// fixed by the breach and its controller; the state is a comparison of them with the moment asked
/// (``stateSQL``), exactly as `BreachDecision` decides in Swift.
///
/// Written by `FindingKeeper` in the transaction of every change of a party (a breach, its controller's
/// calendar, the register's own entry), which already reads every party then; a deleted breach's row goes
/// with its entity (foreign key). Instants are kept as `Date.timeIntervalSinceReferenceDate`.
enum BreachClockTable {
    /// The table and its indexes.
    static let creation = """
        CREATE TABLE breach_clock (
            kind TEXT NOT NULL DEFAULT 'breach' CHECK (kind = 'breach'),
            id TEXT NOT NULL PRIMARY KEY,
            controller TEXT NOT NULL,
            aware REAL NOT NULL,
            deadline REAL NOT NULL,
            -- The first notification to the authority; NULL while none is recorded.
            notified REAL,
            -- 1 when no notification is due (unlikely to result in a risk, Art. 33(1)).
            not_required INTEGER NOT NULL,
            -- The risk tier decided (`RiskLevel`); NULL while the facts do not allow a decision.
            level TEXT,
            FOREIGN KEY (kind, id) REFERENCES entity (kind, id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX breach_clock_aware ON breach_clock (aware, id);
        CREATE INDEX breach_clock_controller ON breach_clock (controller, aware, id);
        """

    /// A breach's state at the moment `:now` (seconds since the reference date), as
    /// `BreachDecision.clock` decides it.
    static let stateSQL = """
        CASE WHEN b.notified IS NOT NULL THEN (CASE WHEN b.notified <= b.deadline THEN 'notified-in-time' ELSE 'notified-late' END)
             WHEN b.not_required THEN 'not-required'
             WHEN :now > b.deadline THEN 'overdue'
             WHEN b.deadline - :now <= 86400 THEN 'due-within-24h'
             ELSE 'in-time' END
        """

    /// The condition a state filter puts on the rows at `:now`: a state of `BreachDecision.ClockState`, or
    /// `open` (the clock still runs: not notified, a notification may be due); nil for a value that is
    /// neither.
    static func condition(state: String) -> String? {
        let open = "b.notified IS NULL AND NOT b.not_required"
        return switch state {
        case "open": open
        case BreachDecision.ClockState.inTime.rawValue: "\(open) AND b.deadline - :now > 86400"
        case BreachDecision.ClockState.dueSoon.rawValue: "\(open) AND :now <= b.deadline AND b.deadline - :now <= 86400"
        case BreachDecision.ClockState.overdue.rawValue: "\(open) AND :now > b.deadline"
        case BreachDecision.ClockState.notifiedInTime.rawValue: "b.notified <= b.deadline"
        case BreachDecision.ClockState.notifiedLate.rawValue: "b.notified > b.deadline"
        case BreachDecision.ClockState.notRequired.rawValue: "b.notified IS NULL AND b.not_required"
        default: nil
        }
    }

    /// The values of a row for `breach`, its deadline counted in its controller's calendar as `parties` say it.
    static func values(of breach: Breach, amongParties parties: Register) -> [(any DatabaseValueConvertible)?] {
        // The decision's instants and tier do not depend on the moment it is asked at.
        let decision = BreachDecision(breach, in: parties, now: breach.aware)
        return [
            breach.id, breach.controller, breach.aware.timeIntervalSinceReferenceDate, decision.deadline.timeIntervalSinceReferenceDate,
            breach.initialNotification?.at.timeIntervalSinceReferenceDate, decision.notifyAuthority == false ? 1 : 0, decision.level?.rawValue,
        ]
    }

    /// Writes the row of every breach among `parties` again (a change of a party: its controller's
    /// calendar may have moved its deadline), once the database has the table.
    static func keepEvery(in parties: Register, _ db: Database) throws {
        guard try exists(db) else { return }
        try db.execute(sql: "DELETE FROM breach_clock")
        let insert = try db.cachedStatement(sql: """
            INSERT INTO breach_clock (id, controller, aware, deadline, notified, not_required, level) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for breach in parties.breaches { try insert.execute(arguments: StatementArguments(values(of: breach, amongParties: parties))) }
    }

    /// Whether the database has the table (one of an older schema, read as it is, has not).
    static func exists(_ db: Database) throws -> Bool { try db.tableExists("breach_clock") }
}

extension JournalVerification {
    /// The breaches' clocks (`breach_clock`) compared with what the breaches give: a row changed, added or
    /// deleted with the sqlite3 shell would move a breach to another state in its list, or out of it.
    mutating func checkBreachClocks(_ db: Database) throws {
        // An entry that cannot be read back is named by the pass over the tables, as for the findings.
        guard try BreachClockTable.exists(db), let parties = try? FindingKeeper.parties(db) else { return }
        var kept: [String: Row] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, controller, aware, deadline, notified, not_required, level FROM breach_clock") {
            kept[row["id"]] = row
        }
        for breach in parties.breaches {
            let expected = BreachClockTable.values(of: breach, amongParties: parties).map { $0?.databaseValue ?? .null }
            guard let row = kept.removeValue(forKey: breach.id), Array(row.databaseValues) == expected else {
                report(LocalizedText(
                    fr: "horloges des violations : celle de la violation \(breach.id) (table breach_clock) ne vient pas de la violation : changée hors de registre",
                    en: "breach clocks: breach \(breach.id)'s (table breach_clock) does not come from the breach: changed outside registre"))
                continue
            }
        }
        for id in kept.keys.sorted() {
            report(LocalizedText(
                fr: "horloges des violations : \(id) n'est pas une violation du registre mais a une ligne dans la table breach_clock",
                en: "breach clocks: \(id) is not a breach of the register but has a row in the table breach_clock"))
        }
    }
}
