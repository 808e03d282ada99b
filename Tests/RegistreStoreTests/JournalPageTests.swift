import Foundation
import RegistreCore
import RegistreStore
import RegistreTestSupport
import RegistreXML
import Testing

@Suite("The journal read a page at a time, newest first")
struct JournalPageTests {
    let clock = TestClock()
    let scratch: ScratchDirectory
    let store: RegisterStore

    init() throws {
        scratch = try ScratchDirectory()
        store = try RegisterStore(path: scratch.path("registre.sqlite"), mode: .createIfNeeded, clock: clock.journal,
                                  validator: { try EntryValidation.check($0) })
        _ = try clock.at(monday) { try store.replace(with: try RegisterReader.read(file: Repository.suiteTerritoriale), actor: "import") }
    }

    func renameFirstActivity(_ times: Int, actor: String) throws {
        let id = try #require(store.register().activities.first?.id)
        for time in 0..<times {
            _ = try clock.at(tuesday) {
                try store.change(actor: actor) { edit in
                    var activity = try edit.activity(id)
                    activity.name = "Nom \(time)"
                    try edit.save(.activity(activity))
                }
            }
        }
    }

    @Test("the pages, followed by their `next`, give the whole journal newest first, each no longer than its limit")
    func pagesCoverTheJournal() throws {
        try renameFirstActivity(7, actor: "dpo")
        let all = try store.journal.entries().map(\.sequence)
        var seen: [Int64] = []
        var before: Int64?
        repeat {
            let page = try store.journal.page(JournalQuery(before: before, limit: 10))
            #expect(page.entries.count <= 10)
            seen += page.entries.map(\.sequence)
            before = page.next
        } while before != nil
        #expect(seen == all.reversed())
    }

    @Test("an actor, an id and its kinds, a period and the caller's filter choose the entries; the last page has no next")
    func filters() throws {
        try renameFirstActivity(3, actor: "dpo")
        let id = try #require(store.register().activities.first?.id)
        let mine = try store.journal.page(JournalQuery(actor: "dpo", limit: 2))
        #expect(mine.entries.map(\.actor) == ["dpo", "dpo"])
        #expect(mine.next != nil)
        let rest = try store.journal.page(JournalQuery(actor: "dpo", before: mine.next, limit: 2))
        #expect(rest.entries.count == 1)
        #expect(rest.next == nil)
        let entry = try store.journal.page(JournalQuery(id: id, kinds: [.activity]))
        #expect(entry.entries.count == 4)
        #expect(entry.entries.allSatisfy { $0.entity == EntityKey(.activity, id) })
        #expect(try store.journal.page(JournalQuery(id: id, kinds: [.breach])).entries.isEmpty)
        let later = try store.journal.page(JournalQuery(from: monday.addingTimeInterval(1)))
        #expect(later.entries.count == 3)
        // The caller's filter (the account's access) is applied before the page is counted: a full page.
        let shown = try store.journal.page(JournalQuery(limit: 2)) { $0.actor == "import" }
        #expect(shown.entries.count == 2)
        #expect(shown.entries.allSatisfy { $0.actor == "import" })
        #expect(shown.next != nil)
    }

    @Test("whose entries: page after page, the changes of the entries a dpo of an organisation reads, as its access policy says, and no other")
    func visibility() throws {
        try renameFirstActivity(3, actor: "dpo")
        let register = try store.register()
        let journal = try store.journal.entries()
        var checked = 0
        for organisation in register.organisations {
            let policy = AccessPolicy(role: .dpo, organisations: [organisation.id], in: register)
            let visible = Set(policy.readableOrganisations(of: register).map(\.id))
            let expected = Array(journal.filter { policy.mayRead($0.entity, in: register) }.map(\.sequence).reversed())
            var seen: [Int64] = []
            var before: Int64?
            repeat {
                let page = try store.journal.page(JournalQuery(before: before, limit: 7, visibility: .organisations(visible)))
                #expect(page.entries.count <= 7)
                seen += page.entries.map(\.sequence)
                before = page.next
            } while before != nil
            #expect(seen == expected, "\(organisation.id)")
            if expected.count > 7 { checked += 1 }
        }
        #expect(checked > 0)
        // An account given no organisation reads no change.
        #expect(try store.journal.page(JournalQuery(visibility: .organisations([]))).entries.isEmpty)
    }
}
