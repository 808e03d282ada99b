import ArgumentParser
import RegistreCore
import RegistreStore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Prove that nobody changed the register database behind registre's back.",
        discussion: """
            Recomputes the chain of hashes of the journal, replays the journal from nothing and compares \
            the result with the tables. Exits 1 and names the first entry or row that does not match \
            (a row edited with the sqlite3 shell, an entry deleted or altered).
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let database = try store.open(.existing)
        let verification = try database.verify()
        let language = language.language
        if let first = verification.problems.first?[language] {
            let others = verification.problems.count - 1
            Console.error(LocalizedText(
                fr: "\(store.path) : altéré — \(first)\(others > 0 ? " (et \(others) autre(s) écart(s))" : "")",
                en: "\(store.path): tampered with — \(first)\(others > 0 ? " (and \(others) other problem(s))" : "")"
            )[language])
            throw ExitStatus.findingsWithErrors
        }
        Console.out(LocalizedText(
            fr: "\(store.path) : intègre — \(verification.entries) entrée(s) de journal chaînées, les tables en sont le reflet exact.\n",
            en: "\(store.path): intact — \(verification.entries) chained journal entries, and the tables are exactly what they say.\n"
        )[language])
    }
}
