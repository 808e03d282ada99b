import Foundation
import RegistreCore
import RegistreService
import RegistreStore
import RegistreTestSupport
import Testing

/// The desk's lists as the store answers them: one page, the total, the account's organisations a
/// condition of the SQL (joint controllers included), and which kinds changed since a revision.
@Suite("Lists from the store's indexes")
struct ListQueryTests {
    let scratch: ScratchDirectory
    let store: RegisterStore

    init() throws {
        scratch = try ScratchDirectory()
        store = try RegisterOfRecord.open(path: scratch.path("registre.sqlite"), mode: .createIfNeeded)
        var register = Register(organisations: [Organisation(id: "a", name: "A"), Organisation(id: "b", name: "B"), Organisation(id: "c", name: "C")])
        for number in 0..<60 {
            register.activities.append(ProcessingActivity(id: String(format: "a-%02d", number), name: String(format: "Activité %02d", number), controller: "a"))
        }
        register.activities.append(ProcessingActivity(id: "b-1", name: "Activité de B", controller: "b"))
        // B's activity that C controls jointly: C's register holds it (Art. 26).
        register.activities.append(ProcessingActivity(
            id: "b-joint", name: "Activité conjointe", controller: "b", jointControllers: [.init(organisation: "c")]))
        _ = try store.replace(with: register, actor: "setup")
    }

    @Test("an organisation sees its own activities and those it controls jointly, never another's; the total counts all its pages")
    func visibility() throws {
        let ofC = try store.read { try $0.activities(ListQuery(), visibleTo: .organisations(["c"])) }
        #expect(ofC.rows.map(\.id) == ["b-joint"] && ofC.total == 1)
        let ofA = try store.read { try $0.activities(ListQuery(), visibleTo: .organisations(["a"])) }
        #expect(ofA.total == 60 && ofA.rows.count == 50 && ofA.rows.allSatisfy { $0.controller == "a" })
        let second = try store.read { try $0.activities(ListQuery(page: 2), visibleTo: .organisations(["a"])) }
        #expect(second.rows.map(\.id) == (50..<60).map { String(format: "a-%02d", $0) })
        let none = try store.read { try $0.activities(ListQuery(), visibleTo: .organisations([])) }
        #expect(none.total == 0 && none.rows.isEmpty)
        // A facet naming another organisation does not widen what the account sees.
        let asked = try store.read { try $0.activities(ListQuery(facets: ["organisation": "b"]), visibleTo: .organisations(["a"])) }
        #expect(asked.total == 0)
        #expect(try store.read { try $0.activities(ListQuery(), visibleTo: .all) }.total == 62)
    }

    @Test("the counts by controller and the organisations that control activities come from the index")
    func counts() throws {
        #expect(try store.read { try $0.activityCounts(controlledBy: ["a", "b", "c"]) } == ["a": 60, "b": 2])
        #expect(try store.read { try $0.activityControllers() } == ["a", "b"])
    }

    @Test("the kinds changed after a revision: an activity saved is not a party changed")
    func kindsChanged() throws {
        let revision = try store.read { try $0.revision() }
        #expect(try store.read { try $0.kindsChanged(after: revision) }.isEmpty)
        _ = try store.change(actor: "dpo") { try $0.save(.activity(ProcessingActivity(id: "a-new", name: "Nouvelle", controller: "a"))) }
        #expect(try store.read { try $0.kindsChanged(after: revision) } == [.activity])
        _ = try store.change(actor: "dpo") { try $0.save(.organisation(Organisation(id: "d", name: "D"))) }
        #expect(try store.read { try $0.kindsChanged(after: revision) } == [.activity, .organisation])
    }
}
