import ArgumentParser
import RegistreCore
import RegistreService

/// `registre restore FILE`: a copy made by `registre backup` written over the database, once verified.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the register database with a copy made by `registre backup`, once the copy passes `verify`.",
        discussion: """
            The copy is first taken aside beside the database and verified as `registre verify` does; a copy \
            that does not pass is refused (exit 1) and nothing is replaced. Then it is written over the \
            database with SQLite's online backup API (one write, the write-ahead log minded). Stop the desk \
            first (systemctl stop registre): its sessions and caches belong to the database it opened.
            """
    )

    @Argument(help: "The copy to restore.")
    var file: String

    @OptionGroup var store: StoreOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let entries = try RegisterBackups.restore(file, into: store.path, busyTimeout: store.busyTimeout ?? 60)
        try Console.out(LocalizedText(
            fr: "\(store.path) : restauré depuis \(file) (\(entries) entrée(s) de journal vérifiées)\n",
            en: "\(store.path): restored from \(file) (\(entries) journal entries verified)\n")[language.language])
    }
}
