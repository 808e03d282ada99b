import ArgumentParser
import RegistreStore

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the register database safely, even while another command writes to it.",
        discussion: "Uses SQLite's online backup API. The copy is readable by its owner only and passes `verify`."
    )

    @Argument(help: "Where to write the copy.")
    var destination: String

    @OptionGroup var store: StoreOptions

    func run() throws {
        let database = try store.open(.existing)
        do {
            try database.backup(to: destination)
        } catch {
            Console.error("\(destination): cannot write the backup: \(error)")
            throw ExitStatus.unreadableInput
        }
        Console.out("\(destination)\n")
    }
}
