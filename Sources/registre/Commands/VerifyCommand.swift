import ArgumentParser
import Foundation
import RegistreCore
import RegistreStore

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that the register database is consistent, and, with a seal, unchanged since it was sealed.",
        discussion: """
            Runs SQLite's integrity check, recomputes the chain of hashes of the journal, checks that its \
            times never go backwards, replays the journal from nothing and compares the result with the \
            tables, and compares the schema (tables, indexes, the append-only triggers) with the one \
            registre makes; then prints the head: the sequence and SHA-256 of the last entry. Exits 1 and \
            names the first problem (a row edited with the sqlite3 shell, an entry deleted or altered).

            Without --seal this proves internal consistency only: anyone who can write the file can rewrite \
            the journal, recompute every hash and pass. With --seal FILE (made by `registre seal`) it also \
            proves that the journal still extends the sealed checkpoint: nothing up to the seal was changed \
            since it was made, by anyone without the private key. Give --public-key with the public key kept \
            apart from the database: otherwise a forger could sign a new seal with a key of their own.
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var language: LanguageOption

    @Option(help: ArgumentHelp("A seal made by `registre seal`: prove the journal still extends it.", valueName: "file"))
    var seal: String?

    @Option(name: .customLong("public-key"), help: ArgumentHelp("With --seal: the public key that must have signed it (FILE.pub of `registre seal --new-key`).", valueName: "file"))
    var publicKey: String?

    @OptionGroup var progress: ProgressOption

    func validate() throws {
        if publicKey != nil && seal == nil { throw ValidationError("--public-key checks a seal: give --seal FILE too") }
    }

    func run() throws {
        let sealed = try seal.map { try Self.readSeal($0) }
        let key = try publicKey.map { try Self.readPublicKey($0) }
        let database = try store.open(.readOnly)
        let total = try database.journal.count() * 2
        let line = progress.line(LocalizedText(fr: "Vérification du journal", en: "Verifying the journal"), total: total,
                                 language: language.language)
        defer { line.finish() }
        let verification = try database.journal.verify(against: sealed, publicKey: key, progress: { line.advance() })
        line.finish()
        let language = language.language
        if let first = verification.problems.first {
            let others = verification.problemCount - 1
            throw CommandError(.findingsWithErrors, LocalizedText(
                fr: "\(store.path) : altéré — \(first.fr)\(others > 0 ? " (et \(others) autre(s) écart(s))" : "")",
                en: "\(store.path): tampered with — \(first.en)\(others > 0 ? " (and \(others) other problem(s))" : "")"))
        }
        var lines = [LocalizedText(
            fr: "\(store.path) : intègre — \(verification.entries) entrée(s) de journal chaînées, les tables en sont le reflet exact.",
            en: "\(store.path): intact — \(verification.entries) chained journal entries, and the tables are exactly what they say."
        )]
        if let head = verification.head {
            lines.append(LocalizedText(
                fr: "tête : entrée n° \(head.sequence), SHA-256 \(head.hash)",
                en: "head: entry \(head.sequence), SHA-256 \(head.hash)"))
        }
        if let sealed {
            lines.append(key == nil
                ? LocalizedText(
                    fr: "sceau : le journal prolonge l'entrée n° \(sealed.sequence) scellée le \(sealed.sealedAt) par la clé \(sealed.publicKey) (clé non vérifiée : donnez --public-key)",
                    en: "seal: the journal extends entry \(sealed.sequence) sealed at \(sealed.sealedAt) by key \(sealed.publicKey) (key not checked: give --public-key)")
                : LocalizedText(
                    fr: "sceau : le journal prolonge l'entrée n° \(sealed.sequence) scellée le \(sealed.sealedAt) par la clé donnée",
                    en: "seal: the journal extends entry \(sealed.sequence) sealed at \(sealed.sealedAt) by the given key"))
        }
        try Console.out(lines.map { $0[language] + "\n" }.joined())
    }

    static func readSeal(_ path: String) throws(CommandError) -> JournalSeal {
        do {
            return try JournalSeal.read(file: path)
        } catch {
            throw CommandError(.unreadableInput, error.message)
        }
    }

    static func readPublicKey(_ path: String) throws(CommandError) -> String {
        do {
            return try SealKey.readPublicKey(file: path)
        } catch {
            throw CommandError(.unreadableInput, error.message)
        }
    }
}
