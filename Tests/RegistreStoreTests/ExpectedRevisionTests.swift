import Foundation
import RegistreCore
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

/// An import decided on a preview (the desk's upload) names the revision it was shown at; the store checks
/// it inside the write transaction, so a change committed in between is never imported over.
@Suite("An import at an expected revision")
struct ExpectedRevisionTests {
    let clock = TestClock()
    let scratch: ScratchDirectory

    init() throws { scratch = try ScratchDirectory() }

    /// A stored sample, its revision, and the sample with one activity renamed (the file to import).
    func prepared() throws -> (RegisterStore, Int, Register) {
        let store = try RegisterStore(path: scratch.path("registre.sqlite"), mode: .createIfNeeded, clock: clock.journal)
        let sample = try RegisterReader.read(file: Repository.suiteTerritoriale)
        _ = try clock.at(monday) { try store.replace(with: sample, actor: "dpo") }
        var file = sample
        try #require(!file.activities.isEmpty)
        file.activities[0].name = "Renommée par le fichier"
        return (store, try store.revision(), file)
    }

    @Test("imported when the register has not moved")
    func quiet() throws {
        let (store, revision, file) = try prepared()
        let outcome = try clock.at(tuesday) { try store.replace(with: file, actor: "dpo", pruning: .keep, expectedRevision: revision) }
        #expect(outcome.updated == 1)
        #expect(try store.revision() == revision + 1)
    }

    @Test("refused, nothing written, when a change was committed after the revision was read")
    func moved() throws {
        let (store, revision, file) = try prepared()
        var organisation = try #require(try store.register().organisations.first)
        organisation.name += " (mis à jour)"
        _ = try clock.at(tuesday) { try store.change(actor: "cli") { try $0.save(.organisation(organisation)) } }
        let journal = try store.journal.entries().count
        #expect(throws: RegisterMoved(expected: revision, now: revision + 1)) {
            try clock.at(tuesday) { try store.replace(with: file, actor: "dpo", pruning: .keep, expectedRevision: revision) }
        }
        #expect(try store.journal.entries().count == journal)
        #expect(try store.register().activities.first?.name != "Renommée par le fichier")
    }
}
