import Foundation
import RegistreCore
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// A dry run of an import (the desk's upload preview, `import --dry-run`) writes nothing and so holds no
/// write lock: another session saves while it is computed, where the import itself makes it wait.
@Suite("A dry run of an import")
struct ImportDryRunTests {
    let clock = TestClock()
    let scratch: ScratchDirectory

    init() throws { scratch = try ScratchDirectory() }

    /// A stored sample, a second session on the same file that waits a fifth of a second for a lock, and
    /// the sample with one activity renamed (the file to import).
    func prepared() throws -> (RegisterStore, RegisterStore, Register) {
        let path = scratch.path("registre.sqlite")
        let store = try RegisterStore(path: path, mode: .createIfNeeded, clock: clock.journal)
        let sample = try RegisterReader.read(file: Repository.suiteTerritoriale)
        _ = try clock.at(monday) { try store.replace(with: sample, actor: "dpo") }
        let other = try RegisterStore(path: path, mode: .existing, busyTimeout: 0.2, clock: clock.journal)
        var file = sample
        try #require(!file.activities.isEmpty)
        file.activities[0].name = "Renommée par le fichier"
        return (store, other, file)
    }

    /// Imports `file` into `store` (as a dry run or not), and while the import holds the database, after
    /// its last entry, saves a renamed organisation through `other`: what that save gave, and the outcome.
    func importSavingBeside(_ store: RegisterStore, _ other: RegisterStore, _ file: Register, dryRun: Bool) throws
        -> (saved: Result<Void, any Error>, outcome: RegisterStore.ImportOutcome) {
        var organisation = try #require(file.organisations.first)
        organisation.name += " (renommée ailleurs)"
        var saved: Result<Void, any Error> = .success(())
        let outcome = try clock.at(tuesday) {
            try store.replace(actor: "dpo", pruning: .keep, dryRun: dryRun, keepingEntries: true) { emit in
                for entry in file.entries { try emit(entry) }
                saved = Result { _ = try other.change(actor: "cli") { try $0.save(.organisation(organisation)) } }
            }
        }
        return (saved, outcome)
    }

    @Test("a save by another session goes through while a dry run is computed; the dry run reports what it read")
    func dryRunLetsSavesThrough() throws {
        let (store, other, file) = try prepared()
        let revision = try store.revision()
        let (saved, outcome) = try importSavingBeside(store, other, file, dryRun: true)
        #expect(throws: Never.self) { try saved.get() }
        #expect(outcome.isDryRun && outcome.updated == 1 && outcome.created == 0 && outcome.deleted == 0)
        // Only the other session's save was journaled; the activity keeps its name.
        #expect(try store.revision() == revision + 1)
        #expect(try store.register().activities.first?.name != "Renommée par le fichier")
    }

    @Test("a save by another session waits for the import itself, and gives up at its busy timeout")
    func importHoldsSaves() throws {
        let (store, other, file) = try prepared()
        let revision = try store.revision()
        let (saved, outcome) = try importSavingBeside(store, other, file, dryRun: false)
        #expect(throws: StoreError.self) { try saved.get() }
        #expect(!outcome.isDryRun && outcome.updated == 1)
        #expect(try store.revision() == revision + 1)
        #expect(try store.register().activities.first?.name == "Renommée par le fichier")
    }

    @Test("a dry run counts the entries the file does not hold as the import would: deleted with pruning, kept without")
    func dryRunPrunesAndRefusesAsTheImport() throws {
        let (store, _, _) = try prepared()
        let sample = try RegisterReader.read(file: Repository.suiteTerritoriale)
        var file = sample
        let gone = try #require(file.activities.last)
        file.activities.removeLast()
        let prune = try clock.at(tuesday) { try store.replace(with: file, actor: "dpo", pruning: .prune, dryRun: true) }
        #expect(prune.deleted == 1 && prune.entries.map(\.entity) == [EntityKey(.activity, gone.id)])
        let keep = try clock.at(tuesday) { try store.replace(with: file, actor: "dpo", pruning: .keep, dryRun: true) }
        #expect(keep.deleted == 0 && keep.keptCount == 1 && keep.kept == [EntityKey(.activity, gone.id)])
        // Quiet: the whole sample again changes nothing.
        let same = try clock.at(tuesday) { try store.replace(with: sample, actor: "dpo", pruning: .keep, dryRun: true) }
        #expect(same.isUnchanged && same.keptCount == 0)
    }
}
