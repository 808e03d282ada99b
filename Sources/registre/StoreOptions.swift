import ArgumentParser
import Foundation
import RegistreStore
import RegistreXML

/// Where the register of record is: `--db PATH`, else the `REGISTRE_DB` environment variable, else
/// `registre.sqlite` in the working directory.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The register database (default: $REGISTRE_DB, else ./registre.sqlite).", valueName: "path"))
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["REGISTRE_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "registre.sqlite"
    }

    /// Opens the database, stopping the command with status 2 and one line when it cannot. Every entry
    /// the command saves one at a time passes the XML reader's checks first.
    func open(_ mode: RegisterStore.OpenMode) throws -> RegisterStore {
        do {
            return try RegisterStore(path: path, mode: mode, clock: JournalClockOption.clock,
                                     validator: { entry in try EntryValidation.check(entry) })
        } catch {
            Console.error(error.description)
            throw ExitStatus.unreadableInput
        }
    }
}

/// Who makes a change: `--actor`, else the user running the command.
struct ActorOption: ParsableArguments {
    @Option(help: "Who makes the change, for the journal (default: the OS user).")
    var actor: String?

    var name: String {
        if let actor, !actor.isEmpty { return actor }
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}

/// The moment a command acts at or asks about: `--now`, else the clock.
struct NowOption: ParsableArguments {
    @Option(help: ArgumentHelp("Act as if it were this moment (ISO 8601; without an offset, Europe/Paris time).", valueName: "datetime"))
    var now: String?

    func resolve() throws -> Date {
        try explicit() ?? Date()
    }

    /// The moment `--now` gives, or nil to let whoever writes read the clock when it writes.
    func explicit() throws -> Date? {
        try now.map { try InstantArgument.parse($0, option: "--now", day: .startOfDay) }
    }
}
