import Foundation
import GRDB
import RegistreCore

/// Each request's clock of Art. 12(3) kept beside it (`request_clock`, migration v13), so that the list of
/// requests is paged, sorted and filtered by SQL at any number of requests, its clock states included.
///
/// A state moves with the clock ("due in 7 days", "overdue"), but the instants it moves at do not: the last
/// day (`due_day`) is fixed by the request and its controller's calendar (time zone, public holidays,
/// Regulation 1182/71's counting: `RequestClock`), and so are the instant that day ends (`due_end`) and
/// the instant the request becomes due within seven days (`soon_from`, the start of the seventh day before
/// it, in the controller's time zone). A state is then a comparison of those instants with the moment asked
/// (`stateSQL`), exactly as `RequestClock.state(at:)` decides in Swift.
///
/// The row is written in the transaction of every change that moves it, by `FindingKeeper`, which already
/// judges again the requests changed, those of an organisation changed (its calendar) and every request
/// when the register's own entry changes; a deleted request's row goes with its entity (foreign key).
/// Instants are kept as `Date.timeIntervalSinceReferenceDate`, the very number a `Date` holds, so that the
/// comparison with the moment asked is exact.
enum RequestClockTable {
    /// The table and its indexes (migration v13).
    static let creation = """
        CREATE TABLE request_clock (
            kind TEXT NOT NULL DEFAULT 'request' CHECK (kind = 'request'),
            id TEXT NOT NULL PRIMARY KEY,
            controller TEXT NOT NULL,
            person TEXT NOT NULL,
            -- The id and the person's reference without case or accents (`NameKey`), for the text filter.
            search TEXT NOT NULL,
            received TEXT NOT NULL,
            due_day TEXT,
            soon_from REAL,
            due_end REAL,
            answered TEXT,
            late INTEGER NOT NULL,
            -- The rights' codes between spaces: ' access erasure '.
            rights TEXT NOT NULL,
            FOREIGN KEY (kind, id) REFERENCES entity (kind, id) ON DELETE CASCADE
        ) WITHOUT ROWID;
        CREATE INDEX request_clock_received ON request_clock (received, id);
        CREATE INDEX request_clock_controller ON request_clock (controller, received, id);
        CREATE INDEX request_clock_due ON request_clock (due_day, id);
        """

    /// A request's state at the moment `:now` (seconds since the reference date), as
    /// `RequestClock.state(at:)` decides it.
    static let stateSQL = """
        CASE WHEN r.answered IS NOT NULL THEN (CASE WHEN r.late THEN 'answered-late' ELSE 'answered-in-time' END)
             WHEN r.due_end IS NULL THEN 'awaiting-identity'
             WHEN r.due_end < :now THEN 'overdue'
             WHEN r.soon_from <= :now THEN 'due-soon'
             ELSE 'running' END
        """

    /// The condition a state filter (`state=` on the list) puts on the rows at `:now`: a state of
    /// `RequestClock.State`, or `open` (not answered) and `answered`; nil for a value that is neither.
    static func condition(state: String) -> String? {
        switch state {
        case "open": "r.answered IS NULL"
        case "answered": "r.answered IS NOT NULL"
        case RequestClock.State.awaitingIdentity.rawValue: "r.answered IS NULL AND r.due_end IS NULL"
        case RequestClock.State.running.rawValue: "r.answered IS NULL AND r.soon_from > :now"
        case RequestClock.State.dueSoon.rawValue: "r.answered IS NULL AND r.soon_from <= :now AND r.due_end >= :now"
        case RequestClock.State.overdue.rawValue: "r.answered IS NULL AND r.due_end < :now"
        case RequestClock.State.answeredInTime.rawValue: "r.answered IS NOT NULL AND r.late = 0"
        case RequestClock.State.answeredLate.rawValue: "r.answered IS NOT NULL AND r.late = 1"
        default: nil
        }
    }

    /// The columns of a request's row, in the order of ``values(of:amongParties:)``.
    static let columns = ["id", "controller", "person", "search", "received", "due_day", "soon_from", "due_end", "answered", "late", "rights"]

    /// The row of `request`, its clock counted in its controller's calendar as `parties` say it: what
    /// ``keep(_:amongParties:_:)`` writes and `verify` expects, column by column (``columns``).
    static func values(of request: DataSubjectRequest, amongParties parties: Register) -> [DatabaseValue] {
        let clock = RequestClock(request, in: parties)
        let soonFrom = clock.dueDay.map { clock.calculator.start(of: $0.adding(days: -RequestClock.warningDays)) }
        let rights = " " + request.rights.map(\.rawValue).joined(separator: " ") + " "
        let values: [(any DatabaseValueConvertible)?] = [
            request.id, request.controller, request.person, NameKey.key(request.id + "\n" + request.person), request.receipt.day.iso,
            clock.dueDay?.iso, soonFrom?.timeIntervalSinceReferenceDate, clock.due?.timeIntervalSinceReferenceDate,
            clock.answered?.iso, clock.answeredLate ? 1 : 0, rights,
        ]
        return values.map { $0?.databaseValue ?? .null }
    }

    /// Writes the row of `request`, its clock counted in its controller's calendar as `parties` say it.
    static func keep(_ request: DataSubjectRequest, amongParties parties: Register, _ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO request_clock (\(columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            """).execute(arguments: StatementArguments(values(of: request, amongParties: parties)))
    }

    /// Removes the row of the request `id` (deleted).
    static func remove(_ id: EntityID, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM request_clock WHERE id = ?").execute(arguments: [id])
    }

    /// Whether the database has the table (a migration before v13 judges requests too).
    static func exists(_ db: Database) throws -> Bool { try db.tableExists("request_clock") }
}
