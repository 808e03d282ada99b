import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("Point reads and writes")
struct PointWriteTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let store: RegisterStore
    let sample: Register

    init() throws {
        scratch = try ScratchDirectory()
        store = try RegisterOfRecord.open(path: scratch.path("registre.sqlite"), mode: .createIfNeeded, clock: clock.journal)
        sample = try RegisterReader.read(file: Repository.suiteTerritoriale)
        _ = try clock.at(monday) { try store.replace(with: sample, actor: "dpo") }
    }

    func breach(_ id: String) -> Breach {
        Breach(id: id, title: "Courriel mal adressé", controller: "mende", aware: monday, nature: [.confidentiality])
    }

    @Test("an entry is read by its kind and id")
    func read() throws {
        let key = EntityKey(.activity, "mende-rdv")
        guard case .activity(let activity) = try store.entry(key) else { Issue.record("no activity"); return }
        #expect(activity == sample.activities.first { $0.id == "mende-rdv" })
        #expect(try store.entry(EntityKey(.activity, "absent")) == nil)
        // Around an entry: what it names, and what that names.
        let around = try store.register(around: [key])
        #expect(around.activities.map(\.id) == ["mende-rdv"])
        #expect(around.organisation("mende") != nil)
        #expect(around.organisations.count < sample.organisations.count || sample.organisations.count <= 3)
    }

    @Test("what is read ahead and what is streamed are one state of the register, whatever is written meanwhile")
    func readingAheadIsOneState() throws {
        // Another process's store on the same file: it writes while the read transaction is open.
        let other = try RegisterStore(path: scratch.path("registre.sqlite"), mode: .existing, clock: clock.journal)
        let (ahead, streamed) = try store.withEntries(readingAhead: [.organisation, .breach]) { ahead, entries in
            _ = try other.change(actor: "rssi") { edit in try edit.save(.breach(breach("b-meanwhile"))) }
            var streamed: [String] = []
            try entries.forEach { if case .breach(let breach) = $0 { streamed.append(breach.id) } }
            return (ahead, streamed)
        }
        #expect(ahead.organisations.map(\.id) == sample.organisations.map(\.id))
        #expect(ahead.breaches.map(\.id) == sample.breaches.map(\.id))
        #expect(streamed == sample.breaches.map(\.id))
        // Committed all the same: the next read sees it.
        #expect(try store.entry(EntityKey(.breach, "b-meanwhile")) != nil)
    }

    @Test("a save journals one entry with only the fields that change, and the chain verifies")
    func save() throws {
        var activity = try #require(sample.activities.first { $0.id == "mende-rdv" })
        activity.purposes.append("Rappels de rendez-vous par SMS")
        let outcome = try clock.at(tuesday) {
            try store.change(actor: "secrétaire") { edit in try edit.save(.activity(activity)) }
        }
        #expect(outcome.journalEntries.count == 1)
        #expect(outcome.journalEntries[0].fields.map(\.name) == ["purposes"])
        #expect(outcome.journalEntries[0].recordedAt == tuesday)
        #expect(try store.verify().isIntact)
        // Saving the same value again writes nothing.
        let again = try store.change(actor: "secrétaire") { edit in try edit.save(.activity(activity)) }
        #expect(again.journalEntries.isEmpty)
    }

    @Test("a new entry comes after the others of its kind, and an import then diffs against it")
    func createThenImport() throws {
        _ = try store.change(actor: "rssi") { edit in try edit.save(.breach(breach("b-1"))) }
        var expected = sample
        expected.breaches.append(breach("b-1"))
        #expect(try store.register() == expected)
        // The file without the breach: kept unless pruning.
        let kept = try store.replace(with: sample, actor: "dpo", pruning: .keep)
        #expect(kept.isUnchanged)
        #expect(kept.kept == [EntityKey(.breach, "b-1")])
        let pruned = try store.replace(with: sample, actor: "dpo", pruning: .prune)
        #expect(pruned.entries.map(\.change) == [.deleted])
        #expect(try store.register() == sample)
        #expect(try store.verify().isIntact)
    }

    @Test("a save that would make the register unreadable is refused and writes nothing",
          arguments: ["missing reference", "id in use", "invalid value"])
    func refused(reason: String) throws {
        var entry = breach("b-2")
        switch reason {
        case "missing reference": entry.activities = ["absent"]
        case "id in use": entry.id = "mende-rdv"
        default: entry.nature = []  // a negative count can no longer be built; a breach without a nature still fails the schema
        }
        let before = try store.journal()
        #expect(throws: (any Error).self) {
            try store.change(actor: "rssi") { edit in
                try edit.save(.breach(self.breach("b-ok")))  // undone with the rest
                try edit.save(.breach(entry))
            }
        }
        #expect(try store.journal() == before)
        #expect(try store.entry(EntityKey(.breach, "b-ok")) == nil)
    }

    @Test("an entry another names cannot be deleted; one nobody names can")
    func delete() throws {
        #expect(throws: StoreError.stillReferenced(EntityKey(.organisation, "mende"), by: EntityKey(.activity, "cdg48-fichiers-mende"))) {
            try store.change(actor: "dpo") { edit in try edit.delete(EntityKey(.organisation, "mende")) }
        }
        _ = try store.change(actor: "rssi") { edit in try edit.save(.breach(breach("b-3"))) }
        let outcome = try store.change(actor: "rssi") { edit in try edit.delete(EntityKey(.breach, "b-3")) }
        #expect(outcome.journalEntries.map(\.change) == [.deleted])
        #expect(try store.register() == sample)
        #expect(try store.verify().isIntact)
    }
}
