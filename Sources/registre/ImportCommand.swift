import ArgumentParser
import RegistreCore
import RegistreStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make the register database hold a register file, journaling every difference.",
        discussion: """
            The file is read and validated as `check` reads it; if it cannot be read, nothing is \
            written. Otherwise the whole file is written in one transaction: the database then holds \
            exactly the file's register, and the journal records each entry created, updated or \
            deleted, field by field. Importing the same file again changes nothing.
            """
    )

    @Argument(help: "The register file to import (registre XML).")
    var file: String

    @OptionGroup var store: StoreOptions
    @OptionGroup var actor: ActorOption
    @OptionGroup var now: NowOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        let register = try RegisterInput.read(file: file)
        let database = try store.open(.createIfNeeded)
        let outcome: RegisterStore.ImportOutcome
        do {
            outcome = try database.replace(with: register, actor: actor.name, at: try now.explicit())
        } catch {
            Console.error("\(store.path): \(error)")
            throw ExitStatus.unreadableInput
        }
        let text: LocalizedText
        if let first = outcome.entries.first, let last = outcome.entries.last {
            text = LocalizedText(
                fr: "\(store.path) : \(outcome.entries.count) modification(s) enregistrée(s) depuis \(file) (journal n° \(first.sequence) à \(last.sequence)).",
                en: "\(store.path): \(outcome.entries.count) change(s) recorded from \(file) (journal #\(first.sequence) to #\(last.sequence)).")
        } else {
            text = LocalizedText(
                fr: "\(store.path) : aucune modification, le registre est déjà celui de \(file).",
                en: "\(store.path): nothing changed, the register already is \(file).")
        }
        Console.out(text[language.language] + "\n")
    }
}
