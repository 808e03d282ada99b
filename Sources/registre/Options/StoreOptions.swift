import ArgumentParser
import Foundation
import RegistreCore
import RegistreService
import RegistreStore

/// Where the register of record is: `--db PATH`, else the `REGISTRE_DB` environment variable, else
/// `registre.sqlite` in the working directory.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The register database (default: $REGISTRE_DB, else ./registre.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .customLong("busy-timeout"), help: ArgumentHelp(
        "How long to wait for another command that holds the database before giving up (default: 60).",
        valueName: "seconds"))
    var busyTimeout: Double?

    func validate() throws {
        if let busyTimeout, !(busyTimeout.isFinite && busyTimeout >= 0 && busyTimeout <= 86_400) {
            throw ValidationError("--busy-timeout: expected a number of seconds between 0 and 86400")
        }
    }

    var path: String {
        db ?? ProcessInfo.processInfo.environment["REGISTRE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "registre.sqlite"
    }

    /// Opens the database. Commands that only read use `.readOnly`. Every entry the command saves one at
    /// a time passes the XML reader's checks first; every entry written keeps its XML beside its fields,
    /// for export.
    /// - Throws: `StoreError` when it cannot be opened.
    func open(_ mode: RegisterStore.OpenMode) throws(StoreError) -> RegisterStore {
        try RegisterOfRecord.open(path: path, mode: mode, busyTimeout: busyTimeout ?? RegisterStore.busyTimeout, clock: JournalClockOption.clock)
    }
}

/// Who makes a change: `--actor`, else the user running the command.
struct ActorOption: ParsableArguments {
    @Option(help: "Who makes the change, for the journal (default: the OS user).")
    var actor: String?

    /// The journal prints the actor on one line: a name with a line break or a control character could
    /// forge a line of `history`.
    func validate() throws {
        if let actor, actor.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            throw ValidationError("--actor: expected a name on one line, without control characters")
        }
    }

    var name: String {
        if let actor, !actor.isEmpty { return actor }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}

/// The moment a command acts at or asks about: `--now`, else the clock.
struct NowOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Act as if it were this moment: a day (2026-03-27) or a date-time (2026-03-27T16:30; without an offset, Europe/Paris time), in the years \(SupportedRange.years.lowerBound) to \(SupportedRange.years.upperBound).",
        valueName: "datetime"))
    var now: InstantArgument?

    /// `--now`, else the clock.
    var moment: Date { explicit ?? Date() }

    /// The moment `--now` gives, or nil to let whoever writes read the clock when it writes.
    var explicit: Date? { now?.start }
}
