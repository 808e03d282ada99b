import Foundation
import GRDB
import RegistreCore
@testable import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("An entry's version: the sequence of its last journal entry")
struct EntryVersionTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let store: RegisterStore

    init() throws {
        scratch = try ScratchDirectory()
        store = try RegisterStore(path: scratch.path("registre.sqlite"), mode: .createIfNeeded, clock: clock.journal,
                                  validator: { try EntryValidation.check($0) })
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "dpo") }
    }

    func rename(_ id: EntityID, to name: String) throws {
        _ = try store.change(actor: "other") { edit in
            var activity = try edit.activity(id)
            activity.name = name
            try edit.save(.activity(activity))
        }
    }

    @Test("the version moves with a change of the entry, not with a change of another; an entry never journaled is 0")
    func version() throws {
        let key = EntityKey(.activity, "mende-rdv")
        let before = try store.version(of: key)
        #expect(before == Int(try store.journal.entries(entity: "mende-rdv").last?.sequence ?? -1))
        try rename("cdg48-messages", to: "Autre")
        #expect(try store.version(of: key) == before)
        try rename("mende-rdv", to: "Rendez-vous")
        let after = try store.version(of: key)
        #expect(after > before)
        #expect(after == (try store.revision()))
        #expect(try store.version(of: EntityKey(.activity, "absent")) == 0)
        let (_, version) = try #require(try store.versionedEntry(key))
        #expect(version == after)
    }

    @Test("inside a change: the entry as it stood at a version, and the journal since")
    func asOf() throws {
        let key = EntityKey(.activity, "mende-rdv")
        let shown = try store.version(of: key)
        let original = try #require(try store.entry(key))
        try rename("mende-rdv", to: "Rendez-vous")
        _ = try store.change(actor: "check") { edit in
            #expect(try edit.journal(of: key, after: shown).map(\.actor) == ["other"])
            #expect(try edit.journal(of: key, after: shown).first?.fields.map(\.name) == ["name"])
            guard case .activity(let then)? = try edit.entry(key, asOf: shown), case .activity(let was) = original else {
                Issue.record("no activity as of the version")
                return
            }
            #expect(then == was)
            #expect(try edit.entry(key, asOf: 0) == nil)
        }
    }

    @Test("a person's edit carried onto the entry as it now stands keeps the other person's change")
    func rebase() throws {
        let key = EntityKey(.activity, "mende-rdv")
        guard case .activity(let base) = try #require(try store.entry(key)) else { return }
        var mine = base, theirs = base
        mine.purposes = ["Prendre rendez-vous en ligne"]
        theirs.name = "Rendez-vous"
        guard case .activity(let merged) = try RegisterEdit.rebase(.activity(mine), from: .activity(base), onto: .activity(theirs)) else {
            Issue.record("not an activity")
            return
        }
        #expect(merged.name == "Rendez-vous")
        #expect(merged.purposes == ["Prendre rendez-vous en ligne"])
        #expect(merged.retention == base.retention)
    }

    @Test("the version is read through the journal's index on (id, kind), whatever the journal's length")
    func throughTheIndex() throws {
        let plan = try store.database.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + EntryVersions.versionSQL, arguments: ["mende-rdv", "activity"])
                .map { $0["detail"] as String? ?? "" }.joined(separator: "; ")
        }
        #expect(plan.contains("USING COVERING INDEX journal_entity") || plan.contains("USING INDEX journal_entity"), "\(plan)")
        #expect(!plan.contains("TEMP B-TREE"), "\(plan)")
    }
}
