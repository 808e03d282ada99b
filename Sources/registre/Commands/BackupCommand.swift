import ArgumentParser
import Foundation
import RegistreService
import RegistreStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the register database safely, even while another command writes to it.",
        discussion: """
            Uses SQLite's online backup API. The copy passes `verify`. A new copy is readable by its owner \
            only (0600); a copy over an existing file keeps that file's mode and owner, and follows a link to \
            the file it points to. A destination that is not a regular file (a device, a FIFO, a directory) \
            is refused.

            With --to DIR instead of a destination: the copy is DIR/registre-<UTC time>.sqlite, checked \
            by `verify` before anything else, and with --keep N the oldest such copies in DIR are removed \
            so that N remain (a copy that does not pass removes nothing). Restore one with `registre restore`.
            """
    )

    @Argument(help: "Where to write the copy.")
    var destination: String?

    @Option(help: ArgumentHelp("A folder for dated copies (instead of a destination).", valueName: "dir"))
    var to: String?

    @Option(help: ArgumentHelp("With --to: how many dated copies to keep in the folder, the new one included.", valueName: "count"))
    var keep: Int?

    @OptionGroup var store: StoreOptions

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (destination == nil) != (to == nil) else { throw ValidationError("give a destination or --to DIR (one of them)") }
        if let keep {
            guard to != nil else { throw ValidationError("--keep rotates the copies of --to DIR: give --to too") }
            guard keep >= 1 else { throw ValidationError("--keep: expected a count of at least 1") }
        }
    }

    func run() throws {
        let database = try store.open(.readOnly)
        if let to {
            // The journal's clock: the system's, which the end-to-end tests may fix (`JournalClockOption`).
            let made = try RegisterBackups.backup(database, into: to, keep: keep ?? Int.max, at: database.clock.now())
            try Console.out(([made.path] + made.removed.map { "- \($0)" }).map { $0 + "\n" }.joined())
            return
        }
        guard let destination else { return }
        let file = try OutputFile(path: destination, devices: false)
        do {
            try database.backup(into: file.writingPath)
        } catch {
            file.abandon()
            throw error
        }
        try file.commit()
        try Console.out("\(destination)\n")
    }
}
