import ArgumentParser
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
            """
    )

    @Argument(help: "Where to write the copy.")
    var destination: String

    @OptionGroup var store: StoreOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        let database = try store.open(.readOnly)
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
