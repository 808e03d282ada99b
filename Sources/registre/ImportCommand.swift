import ArgumentParser
import Foundation
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
    @OptionGroup var source: SourceOption
    @OptionGroup var actor: ActorOption
    @OptionGroup var now: NowOption
    @OptionGroup var language: LanguageOption

    func run() throws {
        let moment = try now.explicit()
        let database = try store.open(.createIfNeeded)
        let outcome: RegisterStore.ImportOutcome
        do {
            // Read, validated and written in one pass and one transaction: a file found invalid anywhere,
            // even at its very end, rolls everything back.
            outcome = try database.replace(actor: actor.name, at: moment) { emit in
                var failure: (any Error)?
                try RegisterInput.stream(file: file, from: source.from) { entry in
                    guard failure == nil else { return }
                    do { try emit(entry) } catch { failure = error }
                }
                if let failure { throw failure }
            }
        } catch {
            if database.createdFile { RegisterStore.remove(at: store.path) }
            if let exit = error as? ExitCode { throw exit }
            Console.error("\(store.path): \(error)")
            throw ExitStatus.unreadableInput
        }
        let text: LocalizedText
        if let first = outcome.firstSequence, let last = outcome.lastSequence {
            text = LocalizedText(
                fr: "\(store.path) : \(outcome.count) modification(s) enregistrée(s) depuis \(file) (journal n° \(first) à \(last)).",
                en: "\(store.path): \(outcome.count) change(s) recorded from \(file) (journal #\(first) to #\(last)).")
        } else {
            text = LocalizedText(
                fr: "\(store.path) : aucune modification, le registre est déjà celui de \(file).",
                en: "\(store.path): nothing changed, the register already is \(file).")
        }
        Console.out(text[language.language] + "\n")
    }
}
