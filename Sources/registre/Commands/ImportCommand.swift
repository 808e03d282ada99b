import ArgumentParser
import Foundation
import RegistreCore
import RegistreStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a register file into the register database, journaling every difference.",
        discussion: """
            The file is read and validated as `check` reads it; if it cannot be read, nothing is \
            written. Otherwise it is written in one transaction: every entry of the file is created or \
            updated, and the journal records each change, field by field. Entries the database holds \
            and the file does not (breaches and audits recorded since the file was exported, say) are \
            kept and listed; --prune deletes them, so that the database holds exactly the file. \
            --dry-run says what would change and writes nothing. Importing the same file again changes \
            nothing.
            """
    )

    @Argument(help: "The register file to import (registre XML).")
    var file: String

    @Flag(help: "Delete the entries of the database that the file does not hold.")
    var prune = false

    @Flag(name: .customLong("dry-run"), help: "Say what the import would change, and change nothing.")
    var dryRun = false

    @OptionGroup var source: SourceOption
    @OptionGroup var change: ChangeOptions
    @OptionGroup var language: LanguageOption
    @OptionGroup var progress: ProgressOption

    func run() throws {
        let store = change.store
        let effective = change.now.explicit
        let database = try store.open(dryRun ? .existing : .createIfNeeded)
        let outcome: RegisterStore.ImportOutcome
        let line = progress.line(LocalizedText(fr: "Import", en: "Importing"), language: language.language)
        defer { line.finish() }
        do {
            // Read, validated and written in one pass and one transaction: a file found invalid anywhere,
            // even at its very end, rolls everything back.
            outcome = try database.replace(actor: change.actor.name, effective: effective, pruning: prune ? .prune : .keep, dryRun: dryRun) { emit in
                try RegisterFile.cursor(file: file, from: source).forEach { entry in
                    try emit(entry)
                    line.advance()
                }
            }
        } catch {
            if database.createdFile { RegisterStore.remove(at: store.path) }
            throw error
        }
        line.finish()
        try Console.out(ImportSummary(outcome: outcome, database: store.path, file: file).text[language.language])
    }
}

/// What an import says it did: counts by kind of change, the journal entries it wrote, and the entries it
/// kept although the file does not hold them.
struct ImportSummary {
    var outcome: RegisterStore.ImportOutcome
    var database: String
    var file: String

    var text: LocalizedText {
        let o = outcome
        var fr: String
        var en: String
        if o.isUnchanged {
            fr = "\(database) : aucune modification, le registre contient déjà tout \(file)."
            en = "\(database): nothing changed, the register already holds all of \(file)."
        } else if o.isDryRun {
            fr = "\(database) : l'import de \(file) créerait \(o.created), modifierait \(o.updated) et supprimerait \(o.deleted) entrée(s) ; rien n'a été écrit (--dry-run)."
            en = "\(database): importing \(file) would create \(o.created), update \(o.updated) and delete \(o.deleted) entry(ies); nothing was written (--dry-run)."
        } else {
            let journal = o.firstSequence.map { first in (first, o.lastSequence ?? first) }
            fr = "\(database) : \(o.count) modification(s) enregistrée(s) depuis \(file) — \(o.created) création(s), \(o.updated) mise(s) à jour, \(o.deleted) suppression(s)"
                + (journal.map { " (journal n° \($0.0) à \($0.1))" } ?? "") + "."
            en = "\(database): \(o.count) change(s) recorded from \(file) — \(o.created) created, \(o.updated) updated, \(o.deleted) deleted"
                + (journal.map { " (journal #\($0.0) to #\($0.1))" } ?? "") + "."
        }
        if o.keptCount > 0 {
            let names = o.kept.map(\.description).joined(separator: ", ")
            let more = o.keptCount - o.kept.count
            fr += "\n\(o.keptCount) entrée(s) de la base absente(s) du fichier conservée(s) (--prune pour les supprimer) : \(names)"
                + (more > 0 ? " et \(more) autre(s)" : "") + "."
            en += "\n\(o.keptCount) entry(ies) of the database not in the file kept (--prune deletes them): \(names)"
                + (more > 0 ? " and \(more) more" : "") + "."
        }
        return LocalizedText(fr: fr + "\n", en: en + "\n")
    }
}
